#!/usr/bin/env bash
# Proves the .deb installs and runs on a clean Debian 12: builds the package, makes a minimal
# bookworm chroot with debootstrap, installs ./superflow_*.deb there with apt (Depends only, no
# Recommends, so the declared dependencies must be enough), then runs superflow-cli profile on
# the bundled sample and `superflow --version` on the offscreen platform, and checks the menu
# entry, icons, MIME package, man pages and samples are where desktops look for them.
#
# Usage (as root): packaging/test-deb-in-chroot.sh [BUILD_DIR] [WORK_DIR]
#   BUILD_DIR  release build to package (default build/release)
#   WORK_DIR   where the chroots live (default /var/tmp/superflow-chroot); the debootstrapped
#              base is kept there and copied afresh for every run, so reruns skip the download.
# Needs debootstrap (packaging/install-deps.sh --with-packaging) and a Debian mirror
# (SF_DEBIAN_MIRROR, default http://deb.debian.org/debian). Takes minutes: not part of CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
work="${2:-/var/tmp/superflow-chroot}"
mirror="${SF_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="$work/bookworm-base"
target="$work/bookworm-test"

[[ $(id -u) -eq 0 ]] || { echo "test-deb-in-chroot: run as root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "test-deb-in-chroot: needs debootstrap (install-deps.sh --with-packaging)" >&2; exit 2; }

step() { echo "== $*" >&2; }

step "building and packaging $build"
cmake --build "$build"
rm -f "$build"/superflow_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/superflow_*.deb)"
step "package $(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Depends Recommends | sed 's/^/   /' >&2

mkdir -p "$work"
if [[ ! -x "$base/usr/bin/apt-get" ]]; then
  step "debootstrap bookworm (minbase) into $base"
  rm -rf "$base"
  debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
fi

step "fresh chroot $target"
umount_all() {
  for m in "$target/proc" "$target/sys" "$target/dev/pts"; do
    mountpoint -q "$m" && umount -l "$m"
  done
  return 0
}
trap umount_all EXIT
umount_all
rm -rf "$target"
cp -a "$base" "$target"
mount -t proc proc "$target/proc"
mount -t sysfs sys "$target/sys"
cp /etc/resolv.conf "$target/etc/resolv.conf"
cp "$deb" "$target/tmp/"
in_chroot() { chroot "$target" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

step "apt install ./$(basename "$deb")"
in_chroot apt-get update -qq
set +e
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "./tmp/$(basename "$deb")" >"$work/apt-install.log" 2>&1
apt_status=$?
set -e
tail -3 "$work/apt-install.log" >&2
echo "apt install exit status: $apt_status"
[[ $apt_status -eq 0 ]] || exit 1

failures=0
check() { # description, command...
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
check "superflow on the PATH" in_chroot sh -c 'command -v superflow'
check "superflow-cli on the PATH" in_chroot sh -c 'command -v superflow-cli'
check "menu entry" test -f "$target/usr/share/applications/io.github.superflow.Superflow.desktop"
check "scalable icon" test -f "$target/usr/share/icons/hicolor/scalable/apps/io.github.superflow.Superflow.svg"
for size in 16 32 48 64 128 256; do
  check "${size}x${size} icon" test -f "$target/usr/share/icons/hicolor/${size}x${size}/apps/io.github.superflow.Superflow.png"
done
check "AppStream metadata" test -f "$target/usr/share/metainfo/io.github.superflow.Superflow.metainfo.xml"
check "JSON Lines MIME type registered" grep -q 'application/x-jsonlines' "$target/usr/share/mime/types"
check "man page superflow-cli(1)" test -f "$target/usr/share/man/man1/superflow-cli.1.gz"
check "man page superflow(1)" test -f "$target/usr/share/man/man1/superflow.1.gz"
check "sample dataset" test -f "$target/usr/share/superflow/samples/weather.csv"

step "superflow-cli profile on the bundled sample"
set +e
in_chroot superflow-cli profile --workers 2 --no-progress /usr/share/superflow/samples/weather.csv \
  >"$work/profile.json" 2>"$work/profile.err"
profile_status=$?
set -e
echo "superflow-cli profile exit status: $profile_status, $(wc -l <"$work/profile.json") output lines"
check "profile printed the profile JSON" grep -q '"analysis": "profile"' "$work/profile.json"
check "profile exit status 0" test "$profile_status" -eq 0

check "superflow-cli speaks Chinese under LANG=zh_CN.UTF-8" \
  sh -c "chroot '$target' /usr/bin/env -i PATH=/usr/bin:/bin LANG=zh_CN.UTF-8 superflow-cli --help | grep -q '^用法'"

step "superflow --version (offscreen)"
set +e
version="$(in_chroot env QT_QPA_PLATFORM=offscreen superflow --version 2>&1)"
version_status=$?
set -e
echo "superflow --version exit status: $version_status, output: $version"
check "superflow --version" test "$version_status" -eq 0

step "summary"
if [[ $failures -eq 0 ]]; then
  echo "test-deb-in-chroot: all checks passed"
else
  echo "test-deb-in-chroot: $failures check(s) failed"
  exit 1
fi
