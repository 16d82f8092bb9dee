#!/usr/bin/env bash
# Report generation time and size for 1k / 10k / 100k-op synthetic runs (or the sizes given), with ratios
# against the smallest; with "paint", time to first paint of those reports in headless Chromium against a
# one-line page. Usage: results/bench/report-benchmark.sh [ops ...] | paint
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl results -am test-compile >&2
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -ntp -pl results dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2
cp="$(cat "$cpfile")"
main=dev.schism.results.report.ReportBenchmark
if [[ "${1:-}" == paint ]]; then
  main=dev.schism.results.report.browser.PaintBenchmark
  shift
fi
java -cp "results/target/test-classes:results/target/classes:$cp" "$main" "$@"
