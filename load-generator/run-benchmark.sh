#!/usr/bin/env bash
# Builds the ingest server for one database kind, starts it on 127.0.0.1:18080 against a fresh benchmark
# database, runs the load generator against it, prints the stored bytes per report, and stops the server.
#
#   load-generator/run-benchmark.sh h2|postgresql [load generator options...]
#
# BUILD_OPTIONS adds Maven options to the server's build, for example
#   BUILD_OPTIONS=-Dquarkus.arc.exclude-types=org.feedback.ingest.dashboard.FactObserver
# to measure the ingest path without the dashboard's per-report observer. SERVER_JAVA_OPTIONS adds JVM
# options to the server, for example
#   SERVER_JAVA_OPTIONS=-XX:StartFlightRecording=filename=target/benchmark/server.jfr,settings=profile
# to profile it.
#
# PostgreSQL must run on 127.0.0.1:5432 with trust authentication for user postgres; the database
# feedback_ingest_bench is dropped and created again. Nothing is sent anywhere but 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

kind=${1:?usage: $0 h2|postgresql [load generator options...]}
shift
work=target/benchmark
port=18080
mkdir -p "$work"

./mvnw -B -q -Pload package -pl load-generator
./mvnw -B -q package -pl ingest-server -am -DskipTests -Dquarkus.datasource.db-kind="$kind" \
  -Dquarkus.package.output-directory="quarkus-app-$kind" ${BUILD_OPTIONS:-}

case "$kind" in
  h2)
    rm -rf "$work/h2-data"
    export FEEDBACK_DB_URL="jdbc:h2:file:$(pwd)/$work/h2-data/feedback"
    ;;
  postgresql)
    psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS feedback_ingest_bench WITH (FORCE)'
    createdb -h 127.0.0.1 -U postgres feedback_ingest_bench
    export FEEDBACK_DB_URL=jdbc:postgresql://127.0.0.1:5432/feedback_ingest_bench FEEDBACK_DB_USER=postgres
    ;;
  *)
    echo "$0: unknown database kind '$kind'; use h2 or postgresql" >&2
    exit 2
    ;;
esac

java -Xmx1g ${SERVER_JAVA_OPTIONS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$port -Dfeedback.rate-limit.enabled=false \
  -jar "ingest-server/target/quarkus-app-$kind/quarkus-run.jar" > "$work/server-$kind.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  if curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; then break; fi
  sleep 1
done

# CPU seconds (user + system) a process has used so far, from /proc, in clock ticks of 1/100 s.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU ticks of the PostgreSQL backends serving the benchmark database (not the shared background processes).
pg_backend_ticks() {
  local total=0
  for pid in $(psql -h 127.0.0.1 -U postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = 'feedback_ingest_bench'"); do
    total=$((total + $(cpu_ticks "$pid" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

server_before=$(cpu_ticks $server)
pg_before=0
if [ "$kind" = postgresql ]; then pg_before=$(pg_backend_ticks); fi
/usr/bin/time -f 'load generator CPU: %U s user, %S s system' -o "$work/load-generator-time.txt" \
  java -jar load-generator/target/load-generator.jar --url "http://127.0.0.1:$port/post" "$@" | tee "$work/load-$kind.txt"
server_ticks=$(( $(cpu_ticks $server) - server_before ))
pg_ticks=0
if [ "$kind" = postgresql ]; then pg_ticks=$(( $(pg_backend_ticks) - pg_before )); fi
stored=$(sed -n 's/^total: sent [0-9]*, stored \([0-9]*\)$/\1/p' "$work/load-$kind.txt")
cat "$work/load-generator-time.txt"
awk -v s="$server_ticks" -v p="$pg_ticks" -v n="$stored" -v l="$(awk '{ print ($4 + $7) * 100 }' "$work/load-generator-time.txt")" \
  'BEGIN { printf "CPU per stored report: server %.0f us, PostgreSQL backends %.0f us, load generator %.0f us\n", s * 1e4 / n, p * 1e4 / n, l * 1e4 / n }'

if [ "$kind" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -d feedback_ingest_bench -Atc "SELECT 'reports: ' || count(*)
      || ', stored bytes per report (table, TOAST and indexes): '
      || round(pg_total_relation_size('reports')::numeric / greatest(count(*), 1))
      || ', compressed body bytes per report: ' || round(avg(octet_length(body)))
      || ', text bytes per report: ' || round(avg(body_bytes))
      || '; servers: ' || (SELECT count(*) FROM servers) || ', bytes per server row (table and indexes): '
      || round(pg_total_relation_size('servers')::numeric / greatest((SELECT count(*) FROM servers), 1)) FROM reports"
else
  kill $server; wait $server 2>/dev/null || true
  echo "H2 file: $(du -b "$work/h2-data/feedback.mv.db" | cut -f1) bytes"
fi
