#!/usr/bin/env bash
# Second generator (../shared/bench-peer/fanout.mjs), OrderChat and the peer one after the other, twice.
set -u
OUT=${1:-/tmp/gen2-out}; mkdir -p "$OUT"
RATES=50,100,150,200,250,300,400
SECRET=orderchat-benchmark-secret-not-for-production
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
SHIM='import http from "node:http"; const port = Number(process.env.PEER_PORT); const listen = http.Server.prototype.listen; http.Server.prototype.listen = function (p, ...rest) { return listen.call(this, p === 3000 ? port : p, ...rest); };'
wait_http() { for i in $(seq 1 240); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; return 1; }
for run in ${RUNS:-1 2}; do
  cd /work/main
  env JWT_SECRET=$SECRET DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/orderchat_bench DATABASE_USER=postgres DATABASE_PASSWORD= \
    LIMIT_MESSAGES_PER_SECOND=1000000000 LIMIT_MESSAGE_BURST=1000000000 LIMIT_ORDERS_PER_MINUTE=1000000000 LIMIT_UPLOADS_PER_MINUTE=1000000000 \
    LIMIT_REQUESTS_PER_SECOND_PER_IP=1000000000 LIMIT_REQUEST_BURST_PER_IP=1000000000 LIMIT_SOCKETS_PER_USER=1000000000 LIMIT_JOINS_PER_SOCKET=1000000000 \
    $J -Xmx1g -XX:AOTCache=target/app/orderchat.aot -jar target/app/orderchat.jar --server.port=3100 \
    --orderchat.socketio.limits.handshake-burst=1000000 --orderchat.socketio.limits.handshakes-per-second=1000000 \
    --orderchat.socketio.limits.connections-per-address=1000000 --orderchat.socketio.limits.pending-connections=1000000 > "$OUT/orderchat-$run.log" 2>&1 &
  pid=$!
  wait_http http://127.0.0.1:3100/actuator/health/readiness || { echo "orderchat did not start"; kill $pid; exit 1; }
  cd /tmp/bp && SPID=$pid JWT_SECRET=$SECRET node fanout.mjs orderchat http://127.0.0.1:3100 1000 $RATES 8 > "$OUT/fanout-orderchat-$run.txt" 2>&1
  kill $pid; wait $pid 2>/dev/null
  sleep 3
  cd /tmp/bp; PEER_PORT=3200 node --import "data:text/javascript;base64,$(printf '%s' "$SHIM" | base64 -w0)" server.mjs > "$OUT/peer-$run.log" 2>&1 &
  ppid=$!
  wait_http http://127.0.0.1:3200/api/ping || { echo "peer did not start"; kill $ppid; exit 1; }
  SPID=$ppid node fanout.mjs peer http://127.0.0.1:3200 1000 $RATES 8 > "$OUT/fanout-peer-$run.txt" 2>&1
  kill $ppid; wait $ppid 2>/dev/null
  sleep 3
done
grep -H BEST "$OUT"/fanout-*.txt
