#!/usr/bin/env bash
# Times one agent collection on a server with 10,000 tables and shows how many tables it opened:
# starts a private mariadbd on 127.0.0.1:3405, makes 9,800 MyISAM tables by copying one table's files
# and 200 InnoDB tables with SQL (as ManyTablesTest does), runs `report --stats` three times with
# Opened_tables read before and after, and stops the server. Needs agent/target/feedback-agent.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=3405
dir=$(realpath -m agent/target/bench-many-tables)
jar=agent/target/feedback-agent.jar
sql() { mariadb --host=127.0.0.1 --port=$port --user=root --batch --skip-column-names -e "$1"; }
source agent/bench/private-server.sh
start_private_server $port "$dir"

sql "CREATE DATABASE copies; CREATE TABLE copies.t0 (id INT PRIMARY KEY) ENGINE=MyISAM; FLUSH TABLES"
for i in $(seq 1 9799); do
  for extension in frm MYD MYI; do cp "$dir/data/copies/t0.$extension" "$dir/data/copies/t$i.$extension"; done
done
sql "CREATE DATABASE inno; $(for i in $(seq 0 199); do echo "CREATE TABLE inno.t$i (id INT PRIMARY KEY);"; done) FLUSH TABLES"
echo "tables: $(sql "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA IN ('copies', 'inno')")"

for _ in 1 2 3; do
  sql "FLUSH TABLES"
  before=$(sql "SHOW GLOBAL STATUS LIKE 'Opened_tables'" | cut -f2)
  start=$(date +%s.%N)
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" report --no-defaults --port=$port \
    --state-dir="$dir/state" --stats 2>&1 >/dev/null | grep 'collection cost'
  end=$(date +%s.%N)
  after=$(sql "SHOW GLOBAL STATUS LIKE 'Opened_tables'" | cut -f2)
  echo "  Opened_tables +$((after - before)), agent wall time $(echo "$end - $start" | bc) s"
done
