#!/usr/bin/env bash
# Compares what one agent collection costs the server with what MariaDB's own feedback plugin costs:
# starts a private mariadbd on 127.0.0.1:3404 with the plugin on, runs `report --stats` and
# `SELECT * FROM information_schema.FEEDBACK` (timed with SHOW PROFILES) five times each, and stops
# the server again. Needs agent/target/feedback-agent.jar (./mvnw -B package -DskipTests -pl agent -am).
set -euo pipefail
cd "$(dirname "$0")/../.."

port=3404
dir=$(realpath -m agent/target/bench-mariadb)
jar=agent/target/feedback-agent.jar
source agent/bench/private-server.sh
start_private_server $port "$dir" --feedback=ON

echo "== agent: report --stats (5 runs)"
for _ in 1 2 3 4 5; do
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" report --no-defaults --port=$port \
    --state-dir="$dir/state" --stats 2>&1 >/dev/null | grep 'collection cost'
done

echo "== plugin: SELECT * FROM information_schema.FEEDBACK (5 runs, server time from SHOW PROFILES)"
for _ in 1 2 3 4 5; do
  mariadb --host=127.0.0.1 --port=$port --user=root --batch --skip-column-names \
    -e "SET profiling = 1; SELECT * FROM information_schema.FEEDBACK; SHOW PROFILES;" \
    | awk -F'\t' '$3 ~ /information_schema.FEEDBACK/ && $1 ~ /^[0-9]+$/ {printf "1 SQL statement, server time %.3f ms\n", $2 * 1000}'
done
