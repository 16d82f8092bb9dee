#!/usr/bin/env bash
# Detection benchmark for the election checker: runs the README's bug command for N seeds with the
# injected bug and without it (the baseline), and prints how many runs exit 1 and 0 respectively.
#   workloads/bench/detection.sh [seeds=10] [time-limit=60] [first-seed=1]
# Takes about (70 + 70) s per seed on two cores. Run folders go to store/detection/.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds="${1:-10}"
limit="${2:-60}"
first="${3:-1}"
store="$root/store/detection"
caught=0
clean=0
for seed in $(seq "$first" $((first + seeds - 1))); do
  for bug in yes no; do
    args=(run --workload election --nemesis partition --time-limit "$limit" --seed "$seed" --store "$store")
    [[ $bug == yes ]] && args+=(--inject-bug establish-without-quorum)
    start=$(date +%s)
    out="$("$root/schism" "${args[@]}" 2>/dev/null)"
    code=$?
    verdict="$(grep -m1 '^  election' <<<"$out" | cut -c1-140)"
    printf 'seed=%-3s bug=%-3s exit=%-3s %4ss %s\n' "$seed" "$bug" "$code" "$(( $(date +%s) - start ))" "$verdict"
    [[ $bug == yes && $code == 1 ]] && caught=$((caught + 1))
    [[ $bug == no && $code == 0 ]] && clean=$((clean + 1))
  done
done
echo "injected bug caught (exit 1): $caught/$seeds; baseline without the bug valid (exit 0): $clean/$seeds"
