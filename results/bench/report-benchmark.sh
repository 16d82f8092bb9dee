#!/usr/bin/env bash
# Report generation time and size for 1k / 10k / 100k-op synthetic runs (or the sizes given), with ratios
# against the smallest. Usage: results/bench/report-benchmark.sh [ops ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl results -am test-compile >&2
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -ntp -pl results dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2
cp="$(cat "$cpfile")"
java -cp "results/target/test-classes:results/target/classes:$cp" dev.schism.results.report.ReportBenchmark "$@"
