#!/usr/bin/env bash
# Runs Superflow's main job on the bundled sample: the workbench when a display is available,
# otherwise the same profile job through superflow-cli, printing its result.
# Usage: packaging/run-sample.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
sample="$root/resources/samples/weather.csv"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$build/app/gui/superflow" "$sample" --analysis profile --run
fi
echo "No display: running the same job with superflow-cli." >&2
exec "$build/app/cli/superflow-cli" profile --workers 2 --chunk-rows 2000 "$sample"
