#!/usr/bin/env bash
# Runs every benchmark of issue #9 in one go: profile throughput beside cat, wc -l, pandas, Dask
# and multiprocessing.Pool (warm cache, median wall of N repeats, peak RSS), a many-key group-by
# beside pandas, peak anonymous memory against its target, engine overhead, scaling, stragglers
# under each policy, the GUI's task-stream redraw and event-loop latency. Prints each figure and
# ratio, then replaces the block between "<!-- run-all:begin -->" and "<!-- run-all:end -->" in
# BENCHMARKS.md with a Markdown report (written to a temporary file and renamed into place).
#
# Builds nothing: it expects build/release with the bench targets (it says how to build them).
# Usage: tests/bench/run-all.sh [--size MB] [--quick] [--file CSV] [--repeats N]
#                               [--max-workers N] [--build DIR] [--output FILE]
#   --size MB        size of the generated CSV (default 500)
#   --quick          smoke run: 20 MB (unless --size), 1 repeat, smaller synthetic workloads
#   --file CSV       use this CSV instead of generating one (--size is then ignored)
#   --repeats N      runs per figure, the median wall is reported (default 3)
#   --max-workers N  scaling runs use 1..N workers (default: the number of cores)
#   --build DIR      build directory (default build/release)
#   --output FILE    Markdown file to update (default BENCHMARKS.md)
# Environment: SF_BENCH_PYTHON, the Python for the generator and baselines (default /usr/bin/python3)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
size_mb=
quick=0
file=
repeats=
max_workers=$(nproc)
build="$root/build/release"
output="$root/BENCHMARKS.md"
skipped_bench="skipped (install with packaging/install-deps.sh --with-bench)"

usage() { sed -n '9,18s/^# \{0,1\}//p' "$0"; }
need_value() { [[ $# -ge 2 && -n $2 ]] || { echo "run-all.sh: $1 needs a value" >&2; exit 2; }; }
is_count() { [[ $1 =~ ^[1-9][0-9]*$ ]]; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) need_value "$@"; size_mb=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --file) need_value "$@"; file=$2; shift 2 ;;
    --repeats) need_value "$@"; repeats=$2; shift 2 ;;
    --max-workers) need_value "$@"; max_workers=$2; shift 2 ;;
    --build) need_value "$@"; build=$2; shift 2 ;;
    --output) need_value "$@"; output=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run-all.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [[ $quick -eq 1 ]]; then
  size_mb=${size_mb:-20}
  repeats=${repeats:-1}
fi
size_mb=${size_mb:-500}
repeats=${repeats:-3}
if ! [[ $size_mb =~ ^[0-9]+([.][0-9]+)?$ ]] || ! awk -v s="$size_mb" 'BEGIN { exit !(s > 0) }'; then
  echo "run-all.sh: --size needs a number of MB above 0, got '$size_mb'" >&2
  exit 2
fi
is_count "$repeats" || { echo "run-all.sh: --repeats needs an integer >= 1, got '$repeats'" >&2; exit 2; }
is_count "$max_workers" || { echo "run-all.sh: --max-workers needs an integer >= 1, got '$max_workers'" >&2; exit 2; }
if [[ -n $file ]] && ! [[ -f $file && -r $file ]]; then
  echo "run-all.sh: cannot read $file" >&2
  exit 3
fi

# --- what must be there ---------------------------------------------------------------------
cli="$build/app/cli/superflow-cli"
benches="$build/tests/bench"
if [[ ! -x $cli || ! -x $benches/bench_engine_overhead ]]; then
  cat >&2 <<EOF
run-all.sh: $build has no superflow-cli or no benchmarks. Build them first:
  cmake --preset release -DSUPERFLOW_BUILD_BENCH=ON
  cmake --build --preset release -j2 --target superflow-cli bench_engine_overhead \\
      bench_ui_taskstream bench_ui_latency
EOF
  exit 2
fi
py=${SF_BENCH_PYTHON:-/usr/bin/python3} # Debian's, where python3-pandas and python3-dask install
[[ -x $py ]] || py=$(command -v python3 || true)
[[ -n $py ]] || { echo "run-all.sh: python3 is needed (gen_csv.py, the baselines)" >&2; exit 2; }
timebin=/usr/bin/time
if [[ ! -x $timebin ]]; then
  echo "run-all.sh: no /usr/bin/time, so no peak RSS figures (package 'time'; $skipped_bench)" >&2
  timebin=
fi
workers=$(nproc)
[[ $workers -ge 2 ]] || workers=2 # the issue's comparisons are on 2 workers

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sf-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
section="$tmp/section.md"
targets=()
failures=0 # benchmarks that failed (skipped ones are not failures)
declare -A wall rss cpu

# --- helpers --------------------------------------------------------------------------------
md() { printf '%s\n' "$@" >>"$section"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }  # calc FORMAT EXPRESSION
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
median() {
  printf '%s\n' "$@" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# jget FILE KEY[.KEY...]: one value of a JSON file.
jget() {
  "$py" -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[k]
print(v)' "$1" "$2"
}
trim() { local s=$1; s=${s#"${s%%[! ]*}"}; printf '%s' "${s%"${s##*[! ]}"}"; }
mib() { calc '%.1f' "$1 / 1024"; }
target() { targets+=("| $1 | $2 | $3 |"); }
verdict() { if ge "$1" "$2"; then echo met; else echo "**missed**"; fi; }  # verdict VALUE FLOOR

# measure KEY COMMAND...: runs COMMAND $repeats times (stdout to $tmp/KEY.out); sets wall[KEY]
# (median seconds), rss[KEY] (largest peak RSS in KiB, of the biggest process in its tree) and
# cpu[KEY] (median user+system seconds). On failure prints why and leaves wall[KEY] empty.
measure() {
  local key=$1 i
  shift
  measure_start "$key"
  for ((i = 0; i < repeats; i++)); do
    measure_once "$key" "$@" || return 1
  done
  measure_end "$key"
}
# The same in steps, so that runs of several commands can alternate (measure_alternating):
# measure_start KEY, then measure_once KEY COMMAND... per run, then measure_end KEY.
declare -A runs_wall runs_cpu runs_peak failed
measure_start() {
  wall[$1]='' rss[$1]='' cpu[$1]='' runs_wall[$1]='' runs_cpu[$1]='' runs_peak[$1]=0 failed[$1]=''
}
measure_once() {
  local key=$1 t0 t1 rc=0 kib user sys
  shift
  [[ -z ${failed[$key]} ]] || return 1
  t0=$(date +%s%N)
  if [[ -n $timebin ]]; then
    "$timebin" -f '%M %U %S' -o "$tmp/time.txt" "$@" >"$tmp/$key.out" 2>"$tmp/$key.err" || rc=$?
  else
    "$@" >"$tmp/$key.out" 2>"$tmp/$key.err" || rc=$?
  fi
  t1=$(date +%s%N)
  if [[ $rc -ne 0 ]]; then
    echo "  $key: failed (exit $rc): $(tail -n 3 "$tmp/$key.err" | tr '\n' ' ')" >&2
    failures=$((failures + 1))
    failed[$key]=1
    return 1
  fi
  runs_wall[$key]+=" $(calc '%.4f' "($t1 - $t0) / 1e9")"
  if [[ -n $timebin ]]; then
    read -r kib user sys < <(tail -n 1 "$tmp/time.txt")
    [[ $kib -gt ${runs_peak[$key]} ]] && runs_peak[$key]=$kib
    runs_cpu[$key]+=" $(calc '%.3f' "$user + $sys")"
  fi
}
measure_end() {
  local key=$1
  [[ -z ${failed[$key]} && -n ${runs_wall[$key]} ]] || return 1
  # shellcheck disable=SC2086 # the lists are words on purpose
  wall[$key]=$(median ${runs_wall[$key]})
  if [[ -n $timebin ]]; then
    rss[$key]=${runs_peak[$key]}
    # shellcheck disable=SC2086
    cpu[$key]=$(median ${runs_cpu[$key]})
  fi
}
# measure_alternating KEY1 "COMMAND1" KEY2 "COMMAND2" ...: like measure for each, but the runs
# take turns (1, 2, 1, 2, ...), so commands whose ratio is reported see the same phases of a
# machine whose speed drifts for minutes at a time. Each COMMAND is a string run by `eval`.
measure_alternating() {
  local args=("$@") i k
  for ((k = 0; k < ${#args[@]}; k += 2)); do measure_start "${args[k]}"; done
  for ((i = 0; i < repeats; i++)); do
    for ((k = 0; k < ${#args[@]}; k += 2)); do
      eval "measure_once ${args[k]} ${args[k + 1]}" || true
    done
  done
  for ((k = 0; k < ${#args[@]}; k += 2)); do measure_end "${args[k]}" || true; done
}
rss_mib() { if [[ -n ${rss[$1]:-} ]]; then mib "${rss[$1]}"; else echo "n/a"; fi; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(loadavg)
echo "== Superflow benchmarks ($([[ $quick -eq 1 ]] && echo 'quick smoke, ')$repeats repeat(s), median wall; load average $load_start)"

# --- the dataset ----------------------------------------------------------------------------
if [[ -z $file ]]; then
  file="$tmp/bench.csv"
  echo "generating ${size_mb} MB of CSV (tests/bench/gen_csv.py) ..."
  "$py" "$here/gen_csv.py" "$file" "$size_mb" | sed 's/^/  /'
  origin="generated by \`tests/bench/gen_csv.py FILE $size_mb\` (fixed seed)"
else
  origin="\`$(basename "$file")\`, given with --file"
fi
bytes=$(stat -c %s "$file")
gb=$(calc '%.6f' "$bytes / 1e9")
cat "$file" >/dev/null # warm the page cache once; every timed run below starts from it

# --- profile throughput ---------------------------------------------------------------------
echo
echo "== Profile throughput on $(calc '%.1f' "$bytes / 1e6") MB (warm cache)"
declare -A label=(
  [cat]="\`cat FILE > /dev/null\`"
  [wc]="\`wc -l FILE\`"
  [sf1]="\`superflow-cli profile\`, 1 worker"
  [sf2]="\`superflow-cli profile\`, 2 workers"
  [pandas]="pandas \`read_csv\` + \`describe()\`"
  [dask]="Dask \`read_csv\` + \`describe()\`, threads, 2 workers"
  [mp]="\`multiprocessing.Pool.map\`, 2 processes, 1,000-row chunks"
)
order=(cat wc sf1 sf2 pandas dask mp)
declare -A why
# shellcheck disable=SC2016 # $1 is the inner shell's
measure cat sh -c 'exec cat "$1" >/dev/null' sh "$file" || why[cat]="failed"
measure wc wc -l "$file" || why[wc]="failed"
# 1 and 2 workers take turns: their ratio is the speedup target.
# shellcheck disable=SC2016 # expanded by measure_alternating's eval
measure_alternating \
  sf1 '"$cli" profile --workers 1 --quiet --out "$tmp/profile-1.json" "$file"' \
  sf2 '"$cli" profile --workers 2 --quiet --out "$tmp/profile-2.json" "$file"'
[[ -n ${wall[sf1]} ]] || why[sf1]="failed"
[[ -n ${wall[sf2]} ]] || why[sf2]="failed"
if "$py" -c 'import pandas' 2>/dev/null; then
  measure pandas "$py" "$here/baseline_pandas.py" "$file" || why[pandas]="failed"
else
  why[pandas]=$skipped_bench
fi
if "$py" -c 'import dask.dataframe' 2>/dev/null; then
  measure dask "$py" "$here/baseline_dask.py" "$file" 2 || why[dask]="failed"
else
  why[dask]=$skipped_bench
fi
measure mp "$py" "$here/baseline_mp_pool.py" "$file" 2 || why[mp]="failed"
# Each core alone: the 1-worker profile pinned to it. Cores of a virtual machine need not be
# equally fast (on the AMD guest of BENCHMARKS.md one ran the same work a third slower), and a
# 2-worker speedup cannot pass the sum of the two cores' speeds over the faster one's.
core_walls=()
if command -v taskset >/dev/null; then
  core_runs=()
  for ((c = 0; c < $(nproc); c++)); do
    core_runs+=("core$c" "taskset -c $c \"\$cli\" profile --workers 1 --quiet --out \"\$tmp/core$c.json\" \"\$file\"")
  done
  measure_alternating "${core_runs[@]}"
  for ((c = 0; c < $(nproc); c++)); do
    [[ -n ${wall[core$c]} ]] && core_walls+=("${wall[core$c]}")
  done
fi
ceiling='' fastest=''
if [[ ${#core_walls[@]} -ge 1 ]]; then
  fastest=$(printf '%s\n' "${core_walls[@]}" | sort -g | sed -n 1p)
fi
if [[ ${#core_walls[@]} -ge 2 ]]; then
  second=$(printf '%s\n' "${core_walls[@]}" | sort -g | sed -n 2p)
  ceiling=$(calc '%.2f' "1 + $fastest / $second")
fi

rows=
if [[ -n ${wall[sf2]} ]]; then
  rows=$(jget "$tmp/profile-2.json" rows)
  rejected=$(jget "$tmp/profile-2.json" rejected_rows)
  lines=$(awk '{ print $1 }' "$tmp/wc.out" 2>/dev/null || echo "?")
  echo "  superflow-cli read $rows records ($rejected rejected); wc -l counts $lines lines"
fi
md "<!-- run-all:begin -->"
md "## Whole suite (\`tests/bench/run-all.sh$([[ $quick -eq 1 ]] && echo ' --quick')\`)" ""
md "Written by \`tests/bench/run-all.sh\`; do not edit by hand (the script replaces this block)."
if [[ $quick -eq 1 ]]; then
  md "**Quick smoke run** (--quick: small file, 1 repeat): it shows the suite works, not how fast" \
    "Superflow is; the figures to quote come from a full run on a quiet machine."
fi
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os_name=$(uname -sr)
# shellcheck disable=SC1091 # the machine's own file
[[ -r /etc/os-release ]] && os_name=$(. /etc/os-release && echo "$PRETTY_NAME")
md "" "- Machine: ${cpu_model:-unknown CPU}, $(nproc) cores, $mem RAM, $os_name;" \
  "  load average $load_start at the start"
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit + uncommitted changes"
versions=$("$py" -c 'import platform
out = ["Python " + platform.python_version()]
for name, label in (("pandas", "pandas"), ("dask", "Dask")):
    try:
        out.append(label + " " + __import__(name).__version__)
    except ImportError:
        pass
print(", ".join(out))' 2>/dev/null || echo "Python ?")
md "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit; $versions" \
  "- File: $(calc '%.1f' "$bytes / 1e6") MB, ${rows:-?} records, $origin; page cache warmed first;" \
  "  each figure is the median wall time of $repeats run(s), the 1- and 2-worker profiles taking" \
  "  turns (as do the runs pinned to each core); peak RSS from \`/usr/bin/time -f %M\`" \
  "  (for the Python pools: the largest single process)" ""
md "### Profile throughput" "" \
  "| contender | wall (s) | GB/s | peak RSS (MiB) | its time ÷ Superflow's (2 workers) |" \
  "|---|---:|---:|---:|---:|"
for k in "${order[@]}"; do
  if [[ -z ${wall[$k]:-} ]]; then
    echo "  $(printf '%-62s' "${label[$k]//\`/}") ${why[$k]:-not run}"
    md "| ${label[$k]} | ${why[$k]:-not run} | | | |"
    continue
  fi
  gbs=$(calc '%.3f' "$gb / ${wall[$k]}")
  ratio="—"
  [[ -n ${wall[sf2]:-} && $k != sf2 ]] && ratio="$(calc '%.2f' "${wall[$k]} / ${wall[sf2]}")×"
  printf '  %-62s %8.3f s  %7.3f GB/s  peak RSS %8s MiB  ratio %s\n' "${label[$k]//\`/}" \
    "${wall[$k]}" "$gbs" "$(rss_mib "$k")" "$ratio"
  md "| ${label[$k]} | $(calc '%.3f' "${wall[$k]}") | $gbs | $(rss_mib "$k") | $ratio |"
done
md ""

if [[ -n ${wall[sf1]:-} && -n ${wall[sf2]:-} ]]; then
  per1=$(calc '%.3f' "$gb / ${wall[sf1]}")
  per2=$(calc '%.3f' "$gb / ${wall[sf2]} / 2")
  target "profile ≥ 1 GB/s per worker (1 worker)" "$per1 GB/s" "$(verdict "$per1" 1)"
  target "profile ≥ 1 GB/s per worker (2 workers)" "$per2 GB/s per worker" "$(verdict "$per2" 1)"
  sp=$(calc '%.2f' "${wall[sf1]} / ${wall[sf2]}")
  allow=
  [[ -n $ceiling ]] && allow=" (this machine's two fastest cores allow ${ceiling}×)"
  target "≥ 1.8× speedup on 2 workers" "${sp}×${allow}" "$(verdict "$sp" 1.8)"
else
  target "profile ≥ 1 GB/s per worker, ≥ 1.8× speedup on 2 workers" "—" "not measured (failed)"
fi
for pair in "pandas:10:pandas" "dask:7:Dask (threads)"; do
  IFS=: read -r k want name <<<"$pair"
  if [[ -n ${wall[$k]:-} && -n ${wall[sf2]:-} ]]; then
    r=$(calc '%.2f' "${wall[$k]} / ${wall[sf2]}")
    target "≥ ${want}× $name on the same cores" "${r}×" "$(verdict "$r" "$want")"
  else
    status=${why[$k]:-failed}
    [[ $status == failed ]] && status="not measured (failed)"
    target "≥ ${want}× $name on the same cores" "—" "$status"
  fi
done

# --- group-by over many keys ---------------------------------------------------------------
# Not a target of issue #9: the other analysis users run most, on the key with the most
# groups (user_id: 100,000 values in the generated file), where per-group costs dominate.
echo
gb_aggs="count,sum:amount,mean:ratio"
echo "== Group-by over many keys: --by user_id --agg $gb_aggs"
md "### Group-by over many keys" "" \
  "\`superflow-cli groupby --by user_id --agg $gb_aggs\` (sums and means exact, JSON result" \
  "written) beside pandas \`read_csv\` + \`groupby(\"user_id\").agg(...)\` + \`to_json\`. Not a" \
  "target of issue #9." ""
header_names=$(head -n 1 "$file" | tr -d '\r' | tr ',' '\n')
if [[ $(grep -cxE 'user_id|amount|ratio' <<<"$header_names") -eq 3 ]]; then
  # shellcheck disable=SC2016 # expanded by measure_alternating's eval
  measure_alternating \
    gb1 '"$cli" groupby --by user_id --agg "$gb_aggs" --workers 1 --quiet --out "$tmp/groupby-1.json" "$file"' \
    gb2 '"$cli" groupby --by user_id --agg "$gb_aggs" --workers 2 --quiet --out "$tmp/groupby-2.json" "$file"'
  if "$py" -c 'import pandas' 2>/dev/null; then
    measure gbpandas "$py" "$here/baseline_pandas_groupby.py" "$file" "$tmp/groupby-pandas.json" || true
  else
    why[gbpandas]=$skipped_bench
  fi
  groups_n=
  [[ -n ${wall[gb2]:-} ]] && groups_n=$("$py" -c 'import json, sys
print(len(json.load(open(sys.argv[1]))["groups"]))' "$tmp/groupby-2.json")
  md "Groups: ${groups_n:-?}." "" \
    "| contender | wall (s) | peak RSS (MiB) | its time ÷ Superflow's (2 workers) |" "|---|---:|---:|---:|"
  declare -A gb_label=([gb1]="\`superflow-cli groupby\`, 1 worker" [gb2]="\`superflow-cli groupby\`, 2 workers"
    [gbpandas]="pandas \`read_csv\` + \`groupby().agg()\` + \`to_json\`")
  for k in gb1 gb2 gbpandas; do
    if [[ -z ${wall[$k]:-} ]]; then
      echo "  $(printf '%-50s' "${gb_label[$k]//\`/}") ${why[$k]:-failed}"
      md "| ${gb_label[$k]} | ${why[$k]:-failed} | | |"
      continue
    fi
    ratio="—"
    [[ -n ${wall[gb2]:-} && $k != gb2 ]] && ratio="$(calc '%.2f' "${wall[$k]} / ${wall[gb2]}")×"
    printf '  %-50s %8.3f s  peak RSS %8s MiB  ratio %s\n' "${gb_label[$k]//\`/}" "${wall[$k]}" \
      "$(rss_mib "$k")" "$ratio"
    md "| ${gb_label[$k]} | $(calc '%.3f' "${wall[$k]}") | $(rss_mib "$k") | $ratio |"
  done
else
  echo "  skipped: $(basename "$file") has no user_id, amount and ratio columns"
  md "Skipped: the file has no user_id, amount and ratio columns (the generated file has)."
fi
md ""

# --- peak anonymous memory ------------------------------------------------------------------
echo
echo "== Peak anonymous memory of the profile (RssAnon sampled every 5 ms)"
md "### Peak anonymous memory of \`superflow-cli profile\`" "" \
  "Sampled from \`/proc/PID/status\` (RssAnon) every 5 ms in a separate, untimed run; the" \
  "memory-mapped file is not anonymous. Target: 0.1 × file + workers × 2 × chunk size." "" \
  "| workers | chunk (records / MiB) | peak anonymous (MiB) | target (MiB) | met |" \
  "|---:|---:|---:|---:|---|"
for w in 1 2; do
  if "$py" "$here/peak_anon.py" "$tmp/anon-$w.txt" -- \
    "$cli" profile --workers "$w" --quiet --out "$tmp/anon-$w.json" "$file" 2>"$tmp/anon-$w.err"; then
    anon=$(awk '/^peak_anon_kib/ { print $2 }' "$tmp/anon-$w.txt")
    chunk_rows=$(jget "$tmp/anon-$w.json" run.chunk_rows)
    nrows=$(jget "$tmp/anon-$w.json" rows)
    chunk_bytes=$(calc '%.0f' "$bytes * ($chunk_rows < $nrows ? $chunk_rows : $nrows) / ($nrows > 0 ? $nrows : 1)")
    want=$(calc '%.0f' "0.1 * $bytes + $w * 2 * $chunk_bytes")
    ok=$(if [[ $((anon * 1024)) -le $want ]]; then echo met; else echo "**missed**"; fi)
    printf '  %d worker(s): peak anonymous %s MiB, target %s MiB (chunk %s records, %s MiB): %s\n' "$w" \
      "$(mib "$anon")" "$(calc '%.1f' "$want / 1048576")" "$chunk_rows" \
      "$(calc '%.1f' "$chunk_bytes / 1048576")" "${ok//\*/}"
    md "| $w | $chunk_rows / $(calc '%.1f' "$chunk_bytes / 1048576") | $(mib "$anon") | $(calc '%.1f' "$want / 1048576") | $ok |"
    target "peak anonymous memory ≤ 0.1 × file + workers × 2 × chunk ($w worker(s))" \
      "$(mib "$anon") MiB of $(calc '%.1f' "$want / 1048576") MiB" "$ok"
  else
    echo "  $w worker(s): failed: $(tail -n 2 "$tmp/anon-$w.err" | tr '\n' ' ')" >&2
    failures=$((failures + 1))
    md "| $w | | failed | | |"
    target "peak anonymous memory ≤ 0.1 × file + workers × 2 × chunk ($w worker(s))" "—" \
      "not measured (failed)"
  fi
done
if [[ -n ${rss[pandas]:-} ]]; then
  md "" "pandas' peak RSS was $(calc '%.2f' "${rss[pandas]} * 1024 / $bytes") × the file size."
fi
md ""

# --- engine overhead ------------------------------------------------------------------------
echo
tasks=200000
echo "== Engine overhead: $tasks no-op tasks, $workers workers"
md "### Engine overhead (\`bench_engine_overhead $tasks $workers\`)" ""
bare=() conc=() mon=() quiet=() cold=() mon_ratio=() quiet_ratio=() conc_ratio=() cold_ratio=()
us() { sed -n "s/^$1 *: *[0-9.]* ms *\([0-9.]*\) us\/task.*/\1/p" "$tmp/overhead.out"; }
ratio() { sed -n "s/^$1 *: .*ratio \([0-9.]*\)x bare.*/\1/p" "$tmp/overhead.out"; }
for ((i = 0; i < repeats; i++)); do
  if ! "$benches/bench_engine_overhead" "$tasks" "$workers" >"$tmp/overhead.out" 2>&1; then
    echo "  failed: $(tail -n 2 "$tmp/overhead.out" | tr '\n' ' ')" >&2
    failures=$((failures + 1))
    break
  fi
  bare+=("$(us 'bare QThreadPool::start')")
  conc+=("$(us 'QtConcurrent::run per task')") conc_ratio+=("$(ratio 'QtConcurrent::run per task')")
  mon+=("$(us 'sf::Run (monitored)')") mon_ratio+=("$(ratio 'sf::Run (monitored)')")
  cold+=("$(us 'sf::Run (monitored, cold)')") cold_ratio+=("$(ratio 'sf::Run (monitored, cold)')")
  quiet+=("$(us 'sf::Run (no snapshots)')") quiet_ratio+=("$(ratio 'sf::Run (no snapshots)')")
done
if [[ ${#mon[@]} -eq $repeats ]]; then
  md "| runner | µs per task | ÷ bare \`QThreadPool::start\` |" "|---|---:|---:|" \
    "| bare \`QThreadPool::start\` loop | $(median "${bare[@]}") | 1 |" \
    "| \`QtConcurrent::run\` per task | $(median "${conc[@]}") | $(median "${conc_ratio[@]}")× |" \
    "| \`sf::Run\`, monitored (30 Hz snapshots), best of 3 runs | $(median "${mon[@]}") | $(median "${mon_ratio[@]}")× |" \
    "| \`sf::Run\`, monitored, the process's first run (cold) | $(median "${cold[@]}") | $(median "${cold_ratio[@]}")× |" \
    "| \`sf::Run\`, no snapshots | $(median "${quiet[@]}") | $(median "${quiet_ratio[@]}")× |" ""
  printf '  bare QThreadPool::start %s us/task; QtConcurrent::run %s us/task (%sx);\n' \
    "$(median "${bare[@]}")" "$(median "${conc[@]}")" "$(median "${conc_ratio[@]}")"
  printf '  sf::Run monitored %s us/task (%sx bare; cold %sx); no snapshots %s us/task (%sx bare)\n' \
    "$(median "${mon[@]}")" "$(median "${mon_ratio[@]}")" "$(median "${cold_ratio[@]}")" \
    "$(median "${quiet[@]}")" "$(median "${quiet_ratio[@]}")"
  r=$(median "${mon_ratio[@]}")
  target "engine overhead ≤ 1.5 × bare \`QThreadPool::start\` (monitored, best of 3; cold $(median "${cold_ratio[@]}")×)" "${r}×" \
    "$(ge 1.5 "$r" && echo met || echo '**missed**')"
else
  md "failed: see the script's output." ""
  target "engine overhead ≤ 1.5 × bare \`QThreadPool::start\`" "—" "not measured (failed)"
fi

# --- scaling --------------------------------------------------------------------------------
echo
if [[ $quick -eq 1 ]]; then syn_tasks=200; else syn_tasks=800; fi
syn_ms=5
echo "== Scaling: profile of the file, and $syn_tasks CPU-bound synthetic tasks of $syn_ms ms"
if [[ ${#core_walls[@]} -ge 1 ]]; then
  md "### Speed of each core" "" \
    "The 1-worker profile pinned to one core (\`taskset\`), median of $repeats: the cores of a virtual" \
    "machine need not be equally fast, and a speedup on 2 workers cannot pass 1 + (the faster" \
    "core's time ÷ the other's)." "" "| core | wall (s) | speed ÷ the fastest core's |" "|---:|---:|---:|"
  for ((c = 0; c < $(nproc); c++)); do
    [[ -n ${wall[core$c]:-} ]] || continue
    printf '  core %d alone: %8.3f s\n' "$c" "${wall[core$c]}"
    md "| $c | $(calc '%.3f' "${wall[core$c]}") | $(calc '%.2f' "$fastest / ${wall[core$c]}") |"
  done
  [[ -n $ceiling ]] && md "" "Ceiling of a 2-worker speedup on this machine: ${ceiling}×."
  md ""
fi
md "### Scaling" "" \
  "The synthetic tasks spin a core until their planned duration has passed on the clock, so" \
  "past the number of free cores they still end on time: the cores-used column (CPU time ÷" \
  "wall) shows when the workers only shared the cores." "" \
  "| workload | workers | wall (s) | speedup | efficiency | cores used |" "|---|---:|---:|---:|---:|---:|"
for workload in profile synthetic; do
  base=
  for ((w = 1; w <= max_workers; w++)); do
    key="scale-$workload-$w"
    if [[ $workload == profile && $w -le 2 ]]; then
      wall[$key]=${wall[sf$w]:-} cpu[$key]=${cpu[sf$w]:-} # the throughput runs above
    elif [[ $workload == profile ]]; then
      measure "$key" "$cli" profile --workers "$w" --quiet --out "$tmp/$key.json" "$file" || true
    else
      measure "$key" "$cli" synthetic --tasks "$syn_tasks" --duration constant --mean-ms "$syn_ms" \
        --workers "$w" --quiet --out "$tmp/$key.json" || true
    fi
    if [[ -z ${wall[$key]:-} ]]; then
      md "| $workload | $w | failed | | | |"
      continue
    fi
    [[ $w -eq 1 ]] && base=${wall[$key]}
    name=$workload
    [[ $workload == synthetic ]] && name="synthetic, $syn_tasks × $syn_ms ms"
    if [[ -n $base ]]; then
      sp=$(calc '%.2f' "$base / ${wall[$key]}")
      eff=$(calc '%.0f' "100 * $base / ${wall[$key]} / $w")
    else
      sp="—" eff="—"
    fi
    used="n/a"
    [[ -n ${cpu[$key]:-} ]] && used=$(calc '%.2f' "${cpu[$key]} / ${wall[$key]}")
    printf '  %-32s %2d worker(s) %8.3f s  speedup %5s  efficiency %4s %%  cores used %s\n' \
      "$name" "$w" "${wall[$key]}" "$sp" "$eff" "$used"
    md "| $name | $w | $(calc '%.3f' "${wall[$key]}") | $sp | $eff % | $used |"
  done
done
md ""

# --- stragglers -----------------------------------------------------------------------------
echo
if [[ $quick -eq 1 ]]; then st_tasks=100; else st_tasks=400; fi
echo "== Stragglers: $st_tasks synthetic tasks, mean $syn_ms ms, $workers workers, each policy"
md "### Straggler-heavy workloads under each policy" "" \
  "$st_tasks CPU-bound synthetic tasks, mean $syn_ms ms, $workers workers. Task durations from the" \
  "run's \`--timings\` CSV; makespan is the run's wall time (\`run.wall_ms\`); the lower bound is" \
  "max(longest task, total work ÷ workers). With one job, \`priority\` orders as \`fifo\` does." "" \
  "| durations | policy | total work (ms) | longest (ms) | lower bound (ms) | makespan (ms) | makespan ÷ bound |" \
  "|---|---|---:|---:|---:|---:|---:|"
for dist in heavytail bimodal; do
  for policy in fifo priority shortest longest fair; do
    : >"$tmp/straggler.runs"
    for ((i = 0; i < repeats; i++)); do
      if ! "$cli" synthetic --tasks "$st_tasks" --duration "$dist" --mean-ms "$syn_ms" --workers "$workers" \
        --policy "$policy" --quiet --out "$tmp/st.json" --timings "$tmp/st.csv" 2>"$tmp/st.err"; then
        echo "  $dist/$policy: failed: $(tail -n 2 "$tmp/st.err" | tr '\n' ' ')" >&2
        failures=$((failures + 1))
        break
      fi
      read -r total longest < <(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $col["duration_ms"] != "" { d = $col["duration_ms"] + 0; t += d; if (d > m) m = d }
        END { printf "%.3f %.3f\n", t, m }' "$tmp/st.csv")
      echo "$(jget "$tmp/st.json" run.wall_ms) $total $longest" >>"$tmp/straggler.runs"
    done
    [[ $(wc -l <"$tmp/straggler.runs") -eq $repeats ]] || { md "| $dist | $policy | failed | | | | |"; continue; }
    # The run with the median makespan, reported whole.
    read -r makespan total longest < <(sort -g "$tmp/straggler.runs" | sed -n "$(((repeats + 1) / 2))p")
    bound=$(calc '%.3f' "($longest > $total / $workers) ? $longest : $total / $workers")
    r=$(calc '%.3f' "$makespan / $bound")
    printf '  %-9s %-8s total %9.1f ms  longest %7.1f ms  bound %8.1f ms  makespan %8.1f ms  ratio %s\n' \
      "$dist" "$policy" "$total" "$longest" "$bound" "$makespan" "$r"
    md "| $dist | $policy | $(calc '%.1f' "$total") | $(calc '%.1f' "$longest") | $(calc '%.1f' "$bound") | $(calc '%.1f' "$makespan") | $r |"
  done
done
md ""

# --- GUI --------------------------------------------------------------------------------------
echo
echo "== GUI (offscreen)"
md "### GUI (offscreen, 1600×900)" ""
export QT_QPA_PLATFORM=offscreen
if [[ -x $benches/bench_ui_taskstream ]]; then
  echo "  task-stream redraw, median of 20 replots:"
  if "$benches/bench_ui_taskstream" >"$tmp/taskstream.md" 2>"$tmp/taskstream.err"; then
    sed 's/^/  /' "$tmp/taskstream.md"
    md "Task-stream redraw (\`bench_ui_taskstream\`), median of 20 replots per zoom:" ""
    cat "$tmp/taskstream.md" >>"$section"
    worst=$(awk -F'|' '$2 + 0 == 1000000 { for (i = 4; i <= 9; i++) if ($i + 0 > m) m = $i + 0 } END { print m + 0 }' \
      "$tmp/taskstream.md")
    target "task stream ≤ 16 ms per redraw at 1M bars (slowest zoom)" "$worst ms" \
      "$(ge 16 "$worst" && echo met || echo '**missed**')"
  else
    echo "  bench_ui_taskstream failed: $(tail -n 2 "$tmp/taskstream.err" | tr '\n' ' ')" >&2
    failures=$((failures + 1))
    md "Task-stream redraw: failed." ""
    target "task stream ≤ 16 ms per redraw at 1M bars" "—" "not measured (failed)"
  fi
  md ""
else
  echo "  task-stream redraw: skipped (not built: configure with SUPERFLOW_BUILD_UI=ON)"
  target "task stream ≤ 16 ms per redraw at 1M bars" "—" "not measured (UI not built)"
fi
if [[ -x $benches/bench_ui_latency ]]; then
  ui_tasks=1000000
  echo "  event-loop latency during a run of $ui_tasks no-op tasks, $workers workers:"
  if "$benches/bench_ui_latency" "$ui_tasks" "$workers" >"$tmp/latency.out" 2>"$tmp/latency.err"; then
    sed 's/^/    /' "$tmp/latency.out"
    p99=$(sed -n 's/^event-loop latency .* p99 *\([0-9.]*\) ms.*/\1/p' "$tmp/latency.out")
    md "Event-loop latency during a run of $ui_tasks no-op tasks (\`bench_ui_latency $ui_tasks $workers\`):" "" '```'
    cat "$tmp/latency.out" >>"$section"
    md '```' ""
    target "GUI latency p99 < 50 ms during a 1M-task run" "$p99 ms" \
      "$(awk -v p="$p99" 'BEGIN { exit !(p < 50) }' && echo met || echo '**missed**')"
  else
    echo "  bench_ui_latency failed: $(tail -n 2 "$tmp/latency.err" | tr '\n' ' ')" >&2
    failures=$((failures + 1))
    md "Event-loop latency: failed." ""
    target "GUI latency p99 < 50 ms" "—" "not measured (failed)"
  fi
else
  echo "  event-loop latency: skipped (not built: configure with SUPERFLOW_BUILD_UI=ON)"
  target "GUI latency p99 < 50 ms" "—" "not measured (UI not built)"
fi

# --- targets and the report -----------------------------------------------------------------
load_end=$(loadavg)
echo
echo "== Targets of issue #9 (load average at the end: $load_end)"
md "### Targets of issue #9" "" "| target | measured | |" "|---|---|---|"
for t in "${targets[@]}"; do
  md "$t"
  IFS='|' read -r _ name value status _ <<<"$t"
  name=${name//\`/} status=${status//\*/}
  echo "  $(trim "$name"): $(trim "$value") — $(trim "$status")"
done
md "" "Load average at the end: $load_end." "<!-- run-all:end -->"

# Replace the marked block (or append one), through a temporary file in the same directory.
out_tmp=$(mktemp "$(dirname "$output")/.$(basename "$output").XXXXXX")
if [[ -f $output ]] && grep -qx '<!-- run-all:begin -->' "$output" && grep -qx '<!-- run-all:end -->' "$output"; then
  awk -v sec="$section" '
    $0 == "<!-- run-all:begin -->" { while ((getline l < sec) > 0) print l; skip = 1; next }
    $0 == "<!-- run-all:end -->" { skip = 0; next }
    !skip { print }' "$output" >"$out_tmp"
else
  { [[ -f $output ]] && cat "$output" && echo; cat "$section"; } >"$out_tmp"
fi
chmod 644 "$out_tmp"
mv -f "$out_tmp" "$output"
echo
echo "wrote the report into $output"
if [[ $failures -gt 0 ]]; then
  echo "run-all.sh: $failures benchmark(s) failed (see above)" >&2
  exit 1
fi
