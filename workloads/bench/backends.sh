#!/usr/bin/env bash
# The local and docker backends side by side, one after the other on this machine: time to a ready
# 3-node ensemble, acknowledged writes/s, failover p50/max after SIGKILL / docker kill of the leader
# (BackendBenchmark, local is the baseline of the ratios), then the wall time of one 60 s chaos run each.
#   workloads/bench/backends.sh [seconds of writes=10] [kills=10] [time-limit=60]
# Needs a Docker engine (offline: TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl harness -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/schism-bench-cp.txt -Dmdep.includeScope=test >&2
cp="$root/harness/target/test-classes:$root/harness/target/classes:$(cat /tmp/schism-bench-cp.txt)"
[[ "${SKIP_CLUSTER_BENCH:-}" == 1 ]] || (cd harness && java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=error dev.schism.harness.backend.BackendBenchmark "${1:-10}" "${2:-10}")
./schism image >/dev/null # builds the jar and the images now, not inside a timed run
for backend in local docker; do
  start=$(date +%s)
  ./schism run --workload election --nemesis partition,kill --time-limit "${3:-60}" --seed 1 --backend "$backend" --store store/bench >/tmp/schism-bench-run.log 2>&1 || true
  echo "$backend: 60 s chaos run (partition,kill, 5 nodes) took $(( $(date +%s) - start )) s wall, $(grep -m1 'schism: VALID\|schism: INVALID\|schism: UNKNOWN' /tmp/schism-bench-run.log)"
done
