#!/usr/bin/env bash
# Measures the resident memory of the `run` daemon with the JVM flags of the systemd unit: starts a
# receiver on 127.0.0.1:3452 (python3), runs the daemon against the MariaDB on 127.0.0.1:3306 with the
# startup, periodic and shutdown reports due at once, reads VmRSS and VmHWM from /proc after 15 s, and
# stops both. Needs agent/target/feedback-agent.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=agent/target/feedback-agent.jar
state=$(mktemp -d)
python3 - 3452 <<'PY' &
import http.server, sys
class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().strip(), 16)
                self.rfile.read(size + 2)
                if size == 0:
                    break
        else:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<h1>Report stored</h1>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
PY
receiver_pid=$!
sleep 1

# The same flags and environment as agent/packaging/feedback-agent.service.
MALLOC_ARENA_MAX=1 java -Xmx12m -Xms4m -Xss256k -XX:+UseSerialGC -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 \
  -Xint -XX:-UsePerfData -jar "$jar" run \
  --no-defaults --state-dir="$state" --url=http://127.0.0.1:3452/post --startup-delay=0 --spread=0 \
  >"$state/agent.log" 2>&1 &
agent_pid=$!
sleep 15
grep -E 'VmRSS|VmHWM' /proc/$agent_pid/status
echo "reports sent: $(grep -c 'was sent' "$state/agent.log")"
kill -TERM $agent_pid
wait $agent_pid || true
kill $receiver_pid
rm -rf "$state"
