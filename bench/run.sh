#!/usr/bin/env bash
# Speed benchmark: overshare against oxlint (peer for speed) and ripgrep (I/O floor) on the shared
# corpus of real JS/TS from pinned npm packages. See bench/README.md.
#
# Usage: bench/run.sh [CORPUS_DIR]
#   CORPUS_DIR            corpus folder (default $BENCH_CORPUS or ../bench-corpus beside the checkout); built with
#                         corpus.sh when it has no src/. Keep it outside the repository.
# Environment:
#   BENCH_ROUNDS=5        counted rounds (one extra warm-up round is run first and not counted)
#   BENCH_NOPF_ROUNDS=3   counted rounds that also run `overshare --no-prefilter` (0 = skip it)
#   BENCH_THREADS=        pass --threads N to overshare (default: its own, all cores)
#   BENCH_OVERSHARE_ARGS= more overshare options, e.g. '--max-file-size 100000000'
#   BENCH_CORPUS_SH=      corpus builder (default ../shared/bench/corpus.sh beside the checkout)
#   BENCH_OUT=            folder for logs and the warm-up JSON (default: a new /tmp folder)
#   BENCH_SKIP_BUILD=1    reuse target/release/overshare as is
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
corpus=${1:-${BENCH_CORPUS:-$repo/../bench-corpus}}
rounds=${BENCH_ROUNDS:-5}
nopf_rounds=${BENCH_NOPF_ROUNDS:-3}
corpus_sh=${BENCH_CORPUS_SH:-$repo/../shared/bench/corpus.sh}
out=${BENCH_OUT:-$(mktemp -d /tmp/overshare-bench.XXXXXX)}
tools=$here/.tools
mkdir -p "$out"

die() { echo "error: $*" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive integer"
[[ $nopf_rounds =~ ^[0-9]+$ ]] || die "BENCH_NOPF_ROUNDS must be a non-negative integer"
(( nopf_rounds > rounds )) && nopf_rounds=$rounds
[ -x /usr/bin/time ] || die "GNU time not found at /usr/bin/time (apt-get install -y time)"
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed (corpus, oxlint)"
command -v jq >/dev/null || die "jq is needed to read overshare's JSON (apt-get install -y jq)"
if ! command -v rg >/dev/null; then
  die "ripgrep (rg) not found: install it with  apt-get install -y ripgrep"
fi

# --- 1. corpus ---------------------------------------------------------------------------------
mkdir -p "$corpus"
corpus=$(cd "$corpus" && pwd)
case "$corpus/" in
  "$repo"/*) die "the corpus ($corpus) is inside the repository: oxlint would honour .gitignore there; use a folder outside $repo" ;;
esac
[ -f "$corpus_sh" ] || die "corpus builder not found: $corpus_sh (set BENCH_CORPUS_SH)"
if [ ! -d "$corpus/src" ]; then
  echo "building the corpus in $corpus (npm install; takes a few minutes)…"
fi
echo "== corpus (files and MB by extension, from corpus.sh)"
bash "$corpus_sh" "$corpus"
src=$corpus/src

# The extensions overshare reads, from its walker's EXTENSIONS list (src/walk.rs).
exts=$(sed -n '/pub const EXTENSIONS/,/\];/p' "$repo/src/walk.rs" 2>/dev/null | grep -o '"[A-Za-z0-9]*"' | tr -d '"' \
  | sort -u | paste -sd' ' || true)
[ -n "$exts" ] || exts="js mjs cjs jsx ts mts cts tsx html htm"
find_names=() rg_globs=()
for e in $exts; do
  find_names+=(${find_names[0]+-o} -name "*.$e")
  rg_globs+=(-g "*.$e")
done
rg_globs+=(-g '!.*') # no hidden files or folders, as overshare's walker
# Bytes overshare reads: its extensions, outside hidden files and folders.
read -r scan_files scan_bytes < <(find "$src" -type f -not -path '*/.*' \( "${find_names[@]}" \) -printf '%s\n' \
  | awk '{n++; b+=$1} END {printf "%d %d\n", n, b}')
scan_mb=$(awk -v b="$scan_bytes" 'BEGIN {printf "%.1f", b/1048576}')
echo "files with overshare's extensions ($exts): $scan_files files, $scan_mb MB"
echo "by extension:"
find "$src" -type f -not -path '*/.*' \( "${find_names[@]}" \) -printf '%s %f\n' | awk '{n = split($2, a, "."); e = a[n];
  c[e]++; b[e] += $1} END {for (e in c) printf "  .%-9s %7d files %9.1f MB\n", e, c[e], b[e] / 1048576}' | sort -k2,2nr

# --- 2. tools ----------------------------------------------------------------------------------
oxlint=$tools/node_modules/.bin/oxlint
if [ ! -x "$oxlint" ] || [ "$("$oxlint" --version 2>/dev/null)" != "Version: 1.94.0" ]; then
  echo "installing oxlint@1.94.0 into $tools…"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private": true}' >"$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error oxlint@1.94.0 >/dev/null)
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "building overshare (release)…"
  (cd "$repo" && cargo build --release --quiet)
fi
[ -x "$repo/target/release/overshare" ] || die "no binary at $repo/target/release/overshare"
# Run a copy: another build of the repository must not swap the binary in the middle of the runs.
overshare=$out/overshare
cp "$repo/target/release/overshare" "$overshare"

# The I/O floor greps for the SDK global names overshare's prefilter looks for (from
# lints/sdks/*.toml), as whole words, in the same files overshare reads (rg_globs above). The word
# boundaries are ASCII ones, (?-u:\b): ripgrep 13 runs a Unicode \b about 20 times slower (21 s
# instead of 0.9 s here), which would make it no floor at all.
names=$(sed -n 's/^globals *= *\[\(.*\)\]/\1/p' "$repo"/lints/sdks/*.toml 2>/dev/null | tr ',' '\n' \
  | tr -d ' "' | grep -v '^$' | sort -u | paste -sd'|' || true)
[ -n "$names" ] || names='fbq|gtag|ga|dataLayer|analytics|mixpanel|amplitude|posthog|Sentry|heap|hj|FS|clarity|ttq|snaptr|pintrk|twq|lintrk|rdt|ym|_paq|_hsq|Intercom|LogRocket'
rg_regex="(?-u:\\b)(?:$names)(?-u:\\b)"

os_args=(check --no-ignore --format json)
[ -n "${BENCH_THREADS:-}" ] && os_args+=(--threads "$BENCH_THREADS")
# Extra overshare options, split on spaces, e.g. BENCH_OVERSHARE_ARGS='--max-file-size 100000000'.
# shellcheck disable=SC2206
[ -n "${BENCH_OVERSHARE_ARGS:-}" ] && os_args+=(${BENCH_OVERSHARE_ARGS})
cmd_overshare=("$overshare" "${os_args[@]}" "$src")
cmd_nopf=("$overshare" "${os_args[@]}" --no-prefilter "$src")
cmd_oxlint=("$oxlint" --quiet "$src")
cmd_rg=(rg -c --no-ignore "${rg_globs[@]}" -e "$rg_regex" "$src")

echo
echo "== versions"
echo "overshare: $("$overshare" --version 2>/dev/null || echo '?')  (copy of target/release/overshare built $(date -r "$repo/target/release/overshare" '+%F %T'), sha256 $(sha256sum "$overshare" | cut -c1-12))"
echo "oxlint:    $("$oxlint" --version)"
echo "ripgrep:   $(rg --version | head -1)"
echo "machine:   $(nproc) cores, $(uname -sr)"
echo
echo "== commands"
printf '  overshare:              %s\n' "${cmd_overshare[*]}"
printf '  overshare-no-prefilter: %s\n' "${cmd_nopf[*]}"
printf '  oxlint:                 %s\n' "${cmd_oxlint[*]}"
printf '  rg:                     %s\n' "rg -c --no-ignore -g '*.js' … -e '$rg_regex' $src"
echo "  logs: $out"

# --- 3. runs -----------------------------------------------------------------------------------
runs=$out/runs.tsv
: >"$runs"
failures=0

# Busy CPU ticks of the whole machine since boot (user nice system irq softirq steal).
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# run_one TOOL ROUND STDOUT_FILE CMD…: times one run and appends "tool round rc secs kb cpu others" to runs.tsv.
run_one() {
  local tool=$1 round=$2 stdout=$3; shift 3
  local tf=$out/time.$tool.$round err=$out/stderr.$tool.$round rc=0 line secs kb cpu busy0 busy1 others
  busy0=$(busy_ticks)
  /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$stdout" 2>"$err" || rc=$?
  busy1=$(busy_ticks)
  line=$(tail -n 1 "$tf")
  read -r secs kb cpu <<<"$(awk '{print $1, $2, $3 + $4}' <<<"$line")"
  # CPU seconds the rest of the machine used meanwhile: a sign the run was slowed down.
  others=$(awk -v a="$busy0" -v b="$busy1" -v c="$cpu" -v hz="$(getconf CLK_TCK)" 'BEGIN {x = (b - a) / hz - c; printf "%.1f", x < 0 ? 0 : x}')
  # Exit 1 means "found something" for all three tools; anything else is a failure.
  if (( rc > 1 )); then
    failures=$((failures + 1))
    echo "  FAILED: $tool round $round exited $rc; stderr ($err):" >&2
    tail -n 5 "$err" | sed 's/^/    /' >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$round" "$rc" "$secs" "$kb" "$cpu" "$others" >>"$runs"
  printf '  %-24s round %-6s %7.2f s %8.1f MB  cpu %6.1f s  others %5s cpu-s  exit %s\n' "$tool" "$round" \
    "$secs" "$(awk -v k="$kb" 'BEGIN {print k/1024}')" "$cpu" "$others" "$rc"
}

echo
echo "== runs (round 0 is the warm-up, not counted; cpu = the tool's user+sys seconds; others = CPU"
echo "   seconds the rest of the machine used during the run: well above 0, and that run was slowed down)"
for ((r = 0; r <= rounds; r++)); do
  if (( r == 0 )); then
    run_one overshare warmup "$out/overshare.json" "${cmd_overshare[@]}"
    (( nopf_rounds > 0 )) && run_one overshare-no-prefilter warmup "$out/overshare-no-prefilter.json" "${cmd_nopf[@]}"
    run_one oxlint warmup "$out/oxlint.out" "${cmd_oxlint[@]}"
    run_one rg warmup "$out/rg.out" "${cmd_rg[@]}"
  else
    run_one overshare "$r" /dev/null "${cmd_overshare[@]}"
    (( r <= nopf_rounds )) && run_one overshare-no-prefilter "$r" /dev/null "${cmd_nopf[@]}"
    run_one oxlint "$r" /dev/null "${cmd_oxlint[@]}"
    run_one rg "$r" /dev/null "${cmd_rg[@]}"
  fi
done

# --- 4. table ----------------------------------------------------------------------------------
echo
echo "== results: $rounds counted rounds ($nopf_rounds for --no-prefilter), $scan_files files / $scan_mb MB of overshare's extensions"
echo "   MB/s = $scan_mb MB / median seconds; RSS and cpu s (user+sys) are medians too; x oxlint = median /"
echo "   oxlint's median; failed runs are left out"
table() { # table MAX_OTHERS: only runs during which the rest of the machine used at most that many CPU seconds
awk -F'\t' -v bytes="$scan_bytes" -v maxo="$1" '
  $2 != "warmup" && $3 <= 1 && $7 <= maxo + 0 { t[$1] = t[$1] " " $4; m[$1] = m[$1] " " $5; c[$1] = c[$1] " " $6 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j + 1] = a[j]; a[j + 1] = x }
    lo = a[1]; hi = a[n]; cnt = n
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    split("overshare overshare-no-prefilter oxlint rg", order, " ")
    if ("oxlint" in t) ox = median(t["oxlint"])
    printf "%-24s %5s %9s %8s %8s %9s %10s %9s %9s\n", "tool", "runs", "median s", "min s", "max s", "MB/s", "RSS MB", "cpu s", "x oxlint"
    for (k = 1; k <= 4; k++) {
      tool = order[k]
      if (!(tool in t)) continue
      med = median(t[tool]); mn = lo; mx = hi; n = cnt
      rss = median(m[tool]) / 1024
      cpu = median(c[tool])
      ratio = (ox > 0) ? sprintf("%.2f", med / ox) : "-"
      mbs = (med > 0) ? sprintf("%.1f", bytes / 1048576 / med) : "-"
      printf "%-24s %5d %9.2f %8.2f %8.2f %9s %10.1f %9.1f %9s\n", tool, n, med, mn, mx, mbs, rss, cpu, ratio
    }
  }' "$runs"
}
table 1e9 | tee "$out/table.txt"
# "Quiet" runs: the rest of the machine used under 0.5 CPU s (about 1 % of 2 cores over a 20 s run).
noisy=$(awk -F'\t' '$2 != "warmup" && $7 > 0.5' "$runs" | wc -l)
if (( noisy > 0 )); then
  echo
  echo "== the same over quiet runs only ($noisy of the counted runs had other work on the machine above 0.5 CPU s)"
  table 0.5 | tee "$out/table-quiet.txt"
fi

# --- 5. what the tools reported (from the warm-up round) --------------------------------------
echo
echo "== what the tools reported (warm-up round)"
summarise_overshare() {
  local label=$1 json=$2
  if ! jq -e . "$json" >/dev/null 2>&1; then
    echo "$label: no JSON report (see $json and the stderr log)"
    return
  fi
  jq -r --arg l "$label" '"\($l): files_scanned \(.files_scanned), findings \(.findings | length), not analysed \(.errors | length)"' "$json"
  # Not analysed, by reason: files and bytes (speed may never be bought by skipping).
  jq -r '.errors[] | "\(.reason)\t\(.file)"' "$json" | sort -u \
    | while IFS=$'\t' read -r reason file; do echo "$reason $(stat -c %s "$file" 2>/dev/null || echo 0)"; done \
    | awk '{n[$1]++; b[$1]+=$2} END {for (r in n) printf "    not analysed: %-20s %6d files %8.1f MB\n", r, n[r], b[r]/1048576}' \
    | sort
}
summarise_overshare "overshare" "$out/overshare.json"
(( nopf_rounds > 0 )) && summarise_overshare "overshare --no-prefilter" "$out/overshare-no-prefilter.json"
group_errors() { # JSON: error messages grouped with positions and sizes stripped, top 5
  jq -r '.errors[].message' "$1" \
    | sed -E 's/at [0-9]+:[0-9]+/at L:C/; s/^skipped: [0-9]+ bytes/skipped: N bytes/' \
    | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /'
}
if jq -e . "$out/overshare.json" >/dev/null 2>&1; then
  echo "  errors, grouped (positions and sizes stripped), top 5:"
  group_errors "$out/overshare.json"
  if (( nopf_rounds > 0 )) && jq -e . "$out/overshare-no-prefilter.json" >/dev/null 2>&1; then
    echo "  errors with --no-prefilter, grouped, top 5:"
    group_errors "$out/overshare-no-prefilter.json"
  fi
  jq -r '[.errors[] | select(.message | test("max-file-size")) | (.message | capture("skipped: (?<n>[0-9]+) bytes").n | tonumber)]
    | select(length > 0)
    | "  NOTE: \(length) file(s), \(add / 1048576 * 10 | round / 10) MB, were skipped by --max-file-size and not analysed;"
      + " the MB/s column still counts them (oxlint lints them)"' "$out/overshare.json"
  echo "  errors, first 5 files:"
  jq -r '.errors[:5][] | "    \(.file): \(.message)"' "$out/overshare.json"
  timeouts=$(jq '[.errors[] | select(.message | test("did not finish within"))] | length' "$out/overshare.json")
  if (( timeouts > 0 )); then
    echo "  NOTE: $timeouts file(s) hit --file-timeout; the wall time includes that wait (default 20 s):"
    jq -r '.errors[] | select(.message | test("did not finish within")) | "    \(.file)"' "$out/overshare.json"
  fi
  echo "  findings by rule/sdk:"
  if jq -e '.findings | length > 0' "$out/overshare.json" >/dev/null; then
    jq -r '.findings[] | "\(.rule) \(.sdk)"' "$out/overshare.json" | sort | uniq -c | sort -rn | head -10 | sed 's/^/    /'
  else
    echo "    (none)"
  fi
  echo "  example findings (first 5):"
  jq -r '.findings[:5][] | "    \(.file):\(.line):\(.column) [\(.rule)/\(.sdk)] \(.message)"' "$out/overshare.json"
  if (( nopf_rounds > 0 )) && jq -e . "$out/overshare-no-prefilter.json" >/dev/null 2>&1; then
    a=$(jq -c '[.findings[] | [.file, .line, .column, .rule]] | sort' "$out/overshare.json" | md5sum)
    b=$(jq -c '[.findings[] | [.file, .line, .column, .rule]] | sort' "$out/overshare-no-prefilter.json" | md5sum)
    if [ "$a" = "$b" ]; then echo "  --no-prefilter gives the same findings: yes"
    else echo "  --no-prefilter gives the same findings: NO (compare $out/overshare*.json)"; fi
  fi
fi
ox_summary=$(grep -E '^(Found|Finished)' "$out/oxlint.out" | tr '\n' ' ' || true)
echo "oxlint: ${ox_summary:-(no summary line)}"
echo "rg: $(wc -l <"$out/rg.out") files with a match; it searched $(rg --files --no-ignore "${rg_globs[@]}" "$src" | wc -l) files"

if (( failures > 0 )); then
  echo
  echo "$failures run(s) failed (exit code > 1); see $out/stderr.*" >&2
  exit 1
fi
