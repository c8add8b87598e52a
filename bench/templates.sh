#!/usr/bin/env bash
# Template throughput: the shared corpus has almost no .vue/.svelte/.html files, so this builds a
# synthetic one from the repository's own template fixtures (every format overshare extracts),
# copied N times, and times overshare on each format separately, with and without the prefilter.
#
# Usage: bench/templates.sh [COPIES]   (default 400; BENCH_ROUNDS=5 counted runs per row)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
copies=${1:-400}
rounds=${BENCH_ROUNDS:-5}
out=${BENCH_OUT:-$(mktemp -d /tmp/overshare-templates.XXXXXX)}
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install -y time)" >&2; exit 2; }

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  (cd "$repo" && cargo build --release --quiet)
fi
bin=$repo/target/release/overshare

# One folder per format, each holding COPIES copies of the fixtures of that format.
declare -A groups=(
  [html]="html htm"
  [vue]="vue"
  [svelte-astro]="svelte astro"
  [server-templates]="liquid twig j2 njk erb php hbs ejs cshtml"
)
for g in "${!groups[@]}"; do
  dir=$out/$g
  rm -rf "$dir"; mkdir -p "$dir/0"
  for ext in ${groups[$g]}; do
    find "$repo/test-fixtures" -type f -name "*.$ext" -exec cp {} "$dir/0/" \;
  done
  for i in $(seq 1 $((copies - 1))); do cp -r "$dir/0" "$dir/$i"; done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-18s %7s %8s %12s %10s %10s %10s\n' format files MB mode median_s MB/s peak_MB
for g in html vue svelte-astro server-templates; do
  dir=$out/$g
  files=$(find "$dir" -type f | wc -l)
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}')
  for mode in prefilter no-prefilter; do
    args=(check --no-ignore --format json "$dir")
    [ "$mode" = no-prefilter ] && args+=(--no-prefilter)
    "$bin" "${args[@]}" >/dev/null 2>&1 || true # warm-up
    : > "$out/times"
    for _ in $(seq "$rounds"); do
      /usr/bin/time -f '%e %M' -o "$out/t" "$bin" "${args[@]}" >/dev/null 2>&1 || true
      cat "$out/t" >> "$out/times"
    done
    med=$(cut -d' ' -f1 "$out/times" | median)
    rss=$(cut -d' ' -f2 "$out/times" | median)
    printf '%-18s %7d %8s %12s %10.2f %10.1f %10.1f\n' "$g" "$files" "$mb" "$mode" "$med" \
      "$(awk -v m="$mb" -v t="$med" 'BEGIN {print (t > 0 ? m / t : 0)}')" "$(awk -v k="$rss" 'BEGIN {print k/1024}')"
  done
done
echo "(synthetic corpus in $out)"
