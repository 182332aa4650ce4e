#!/bin/sh
# Runs one fuzz target from the `fuzz` preset for SECONDS (default 600), niced, one job:
#   tests/fuzz/run.sh fuzz_csv [SECONDS [MORE LIBFUZZER FLAGS...]]
# The working corpus is build/fuzz/corpus/<target> (seeded from tests/fuzz/corpus/<target>,
# which the run only reads); crashes go to build/fuzz/artifacts/<target>/. With -jobs=1
# libFuzzer runs the job in a child whose log is build/fuzz/run/<target>/fuzz-0.log.
set -eu
target=$1
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/fuzz
work=$build/corpus/$target
artifacts=$build/artifacts/$target
mkdir -p "$work" "$artifacts" "$build/run/$target"
cd "$build/run/$target"
dict=""
[ -f "$root/tests/fuzz/dict/$target.dict" ] && dict="-dict=$root/tests/fuzz/dict/$target.dict"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 # undefined behaviour is a finding
exec nice -n 10 "$build/tests/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -timeout=10 -jobs=1 -workers=1 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" $dict "$@" "$work" "$root/tests/fuzz/corpus/$target" \
    >launcher.log 2>&1
