#!/usr/bin/env bash
# Installs every Debian 12 package Superflow's build, tests, benchmarks and app need.
# Idempotent: does nothing (and asks for no password) when everything is already present.
# Usage: packaging/install-deps.sh [--with-bench] [--with-packaging] [--with-screenshots]
#   --with-bench        pandas/dask/hyperfine for the benchmark baselines
#   --with-packaging    debootstrap, for packaging/test-deb-in-chroot.sh
#   --with-screenshots  CJK font, Qt's own Chinese texts, ImageMagick and xdotool, for
#                       screenshots of the translated workbench under Xvfb
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6: Core/Concurrent/Widgets/Test/Sql/PrintSupport (qt6-base-dev), SQLite driver, Svg,
  # Linguist tools (lupdate/lrelease) and the offscreen/xcb platform plugins
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libgl-dev
  # charts
  libqcustomplot-dev libqcustomplot2.1-qt6
  # data libraries: gzip, zstd, JSON, SQLite's C API (under QtSql's connections)
  zlib1g-dev libzstd-dev libsimdjson-dev libsqlite3-dev
  # sanitizer and fuzzing runtimes (asan/tsan/fuzz presets)
  clang libclang-rt-14-dev
  # headless window checks
  xvfb xauth
  # packaging: PNG icons from the SVG, man pages from --help, the .deb's shlibdeps, and the
  # checks of the desktop entry, AppStream data, MIME XML and man pages
  librsvg2-bin help2man dpkg-dev desktop-file-utils appstream libxml2-utils man-db
)
for arg in "$@"; do
  case "$arg" in
    --with-bench) packages+=(python3-pandas python3-dask hyperfine time) ;;
    --with-packaging) packages+=(debootstrap) ;;
    --with-screenshots) packages+=(fonts-wqy-microhei qt6-translations-l10n imagemagick xdotool) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
