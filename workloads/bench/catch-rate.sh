#!/usr/bin/env bash
# Detection rate of one workload against one seeded bug (or none): runs N seeds one at a time and prints
# each run's exit code and first non-valid checker line, then the tally.
#   workloads/bench/catch-rate.sh WORKLOAD NEMESIS BUG|none [seeds=10] [time-limit=60] [first-seed=1] [extra run args...]
# With a bug, "caught" counts exit 1; with none, "valid" counts exit 0. Run folders go to store/catch-rate/.
# A real ZooKeeper release has no seeded bugs: give none and the release as an extra argument, e.g.
#   workloads/bench/catch-rate.sh set partition,kill none 6 30 1 --nodes 3 --nemesis-interval 2 --target zookeeper:3.4.11
# and compare its valid count with the fixed release's on the same seeds.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
workload="$1"; nemesis="$2"; bug="$3"
seeds="${4:-10}"; limit="${5:-60}"; first="${6:-1}"
shift $(( $# < 6 ? $# : 6 ))
store="$root/store/catch-rate"
hits=0
for seed in $(seq "$first" $((first + seeds - 1))); do
  args=(run --workload "$workload" --nemesis "$nemesis" --time-limit "$limit" --seed "$seed" --store "$store" "$@")
  [[ $bug != none ]] && args+=(--inject-bug "$bug")
  start=$(date +%s)
  out="$("$root/schism" "${args[@]}" 2>/dev/null)"
  code=$?
  line="$(grep -E -m1 '^  [a-z-]+ (INVALID|UNKNOWN)' <<<"$out" | cut -c1-160)"
  printf 'seed=%-3s exit=%-3s %4ss %s\n' "$seed" "$code" "$(( $(date +%s) - start ))" "${line:-all VALID}"
  if [[ $bug != none && $code == 1 ]] || [[ $bug == none && $code == 0 ]]; then hits=$((hits + 1)); fi
done
if [[ $bug == none ]]; then
  echo "$workload / $nemesis without a bug: valid (exit 0) in $hits/$seeds"
else
  echo "$workload / $nemesis with $bug: caught (exit 1) in $hits/$seeds"
fi
