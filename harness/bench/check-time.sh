#!/usr/bin/env bash
# Start-to-exit time of `schism check` over Porcupine's Jepsen etcd histories, as users run it, beside the
# plain `java -jar schism.jar check --jobs 1` (no class-data archive, default JIT and GC: how the command
# ran before). The two alternate, run by run, so a machine whose speed drifts affects both alike; prints
# each side's median wall and CPU seconds (GNU time) and the median of the per-pair ratios.
#   harness/bench/check-time.sh [runs=9]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
files=("$root"/harness/src/test/resources/porcupine/jepsen/etcd_*.log)
"$root/schism" check --format porcupine-etcd "${files[0]}" >/dev/null || true   # builds the jar and the archive
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
measure() { # prints "wall cpu" of one run of the given command
  /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$out" | awk '{printf "%s %.2f\n", $1, $2 + $3}'  # GNU time puts "Command exited with ..." first on a non-zero exit
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
new_wall=(); old_wall=(); new_cpu=(); old_cpu=(); ratio=()
for i in $(seq "$runs"); do
  read -r nw nc < <(measure "$root/schism" check --format porcupine-etcd "${files[@]}")
  read -r ow oc < <(measure java -jar "$root/workloads/target/schism.jar" check --jobs 1 --format porcupine-etcd "${files[@]}")
  new_wall+=("$nw"); new_cpu+=("$nc"); old_wall+=("$ow"); old_cpu+=("$oc")
  ratio+=("$(awk -v a="$nw" -v b="$ow" 'BEGIN {printf "%.3f", a / b}')")
  printf 'run %2d: schism check %5.2f s wall %5.2f s cpu | java -jar ... --jobs 1 %5.2f s wall %5.2f s cpu\n' "$i" "$nw" "$nc" "$ow" "$oc"
done
printf 'median of %d: schism check %s s wall, %s s cpu; plain java -jar %s s wall, %s s cpu; wall ratio %s\n' "$runs" \
  "$(printf '%s\n' "${new_wall[@]}" | median)" "$(printf '%s\n' "${new_cpu[@]}" | median)" \
  "$(printf '%s\n' "${old_wall[@]}" | median)" "$(printf '%s\n' "${old_cpu[@]}" | median)" "$(printf '%s\n' "${ratio[@]}" | median)"
