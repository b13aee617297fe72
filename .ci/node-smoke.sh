#!/usr/bin/env bash
# Start-and-query smoke test of the built server on each supported Node.js line: 20.19+, 22 and 24. A line the
# machine's own node is not is installed from the npm registry's `node` package into a temporary prefix. Each
# run starts dist/src/main.js on a fresh embedded PostgreSQL, waits for /readyz, asks one question and checks
# the answer. Usage: .ci/node-smoke.sh [major …]   (default: 20 22 24)
set -uo pipefail
cd "$(dirname "$0")/.."

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(20 22 24)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
port=4290

node_for() {
  local major=$1
  if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ]; then
    command -v node
    return
  fi
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$work/node$major" "node@$major" >&2 &&
    echo "$work/node$major/node_modules/.bin/node"
}

for major in "${majors[@]}"; do
  port=$((port + 1))
  bin=$(node_for "$major") || { echo "node $major: could not install node@$major"; failed=1; continue; }
  version=$("$bin" --version)
  data="$work/pg$major"
  PORT=$port EMBEDDED_PG_PORT=$((port + 51000)) VIRTLENS_DATA_DIR="$data" LOG_LEVEL=warn \
    "$bin" dist/src/main.js >"$work/server$major.log" 2>&1 &
  pid=$!
  ready=0
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  answer=""
  if [ "$ready" = 1 ]; then
    answer=$(curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d '{"query":
      "{ paravirtPaths(guest: \"windows-server-2003\", host: \"sles-10-sp1\", asOf: \"2007-08-07\") { hypervisor { name } mode } }"}')
  fi
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  expected='{"data":{"paravirtPaths":[{"hypervisor":{"name":"Xen"},"mode":"HARDWARE_ASSISTED_PV_DRIVERS"}]}}'
  if [ "$answer" = "$expected" ]; then
    echo "node $version: started, ready and answered"
  else
    echo "node $version: FAILED (ready=$ready, answer: ${answer:-none}); server log:"
    tail -20 "$work/server$major.log"
    failed=1
  fi
done
exit $failed
