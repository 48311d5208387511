#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian package on a clean Debian 12 root and uses it there, as a user of the package would:
# `apt install ./gatehouse_*.deb` must pull every runtime dependency (the package's Depends, without Recommends),
# then `gatehouse --version`, `gatehouse demo`, `gatehouse validate` and the window (offscreen, first paint) must
# work. The root is made once with `debootstrap --variant=minbase bookworm` from the mirror apt already uses and
# cached; each run installs into a fresh copy of it. Needs root (chroot, mount) and access to that mirror.
#
#   packaging/test-install.sh build-release/gatehouse_*.deb [CACHE_DIR]       (default CACHE_DIR: /var/tmp/gatehouse-root)
set -euo pipefail
deb="$(realpath "${1:?usage: test-install.sh PACKAGE.deb [CACHE_DIR]}")"
cache="${2:-/var/tmp/gatehouse-root}"
[ "$(id -u)" = 0 ] || { echo "test-install: needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "test-install: apt-get install debootstrap" >&2; exit 2; }

# The mirror apt uses on this machine (deb822 or one-line sources), else Debian's CDN.
mirror=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -v security | head -1 | sed -E 's/^URIs: *//; s/^deb +(\[[^]]*\] +)?//; s/ .*//' || true)
mirror=${mirror:-http://deb.debian.org/debian}

base="$cache/bookworm-minbase"
if [ ! -x "$base/usr/bin/apt-get" ]; then
    echo "== debootstrap --variant=minbase bookworm $base ($mirror)"
    rm -rf "$base"
    mkdir -p "$cache"
    debootstrap --variant=minbase bookworm "$base" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
fi

root="$(mktemp -d /var/tmp/gatehouse-install.XXXXXX)"
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    umount "$root/dev" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 "$@"; }

echo "== package"
dpkg-deb --field "$deb" Package Version Depends Recommends | sed 's/^/   /'
echo "== apt install ./$(basename "$deb") (no recommends) into a clean Debian 12 root"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
    >"$root/tmp/install.log" 2>&1 || { tail -30 "$root/tmp/install.log" >&2; exit 1; }
echo "   $(grep -c '^Setting up' "$root/tmp/install.log") packages set up"

fail() { echo "test-install: FAILED: $*" >&2; exit 1; }
echo "== gatehouse --version"
version=$(in_root gatehouse --version) || fail "gatehouse --version"
echo "   $version"
echo "== gatehouse demo /tmp/demo && gatehouse validate --repo /tmp/demo"
in_root gatehouse demo /tmp/demo >/dev/null || fail "gatehouse demo"
set +e
in_root gatehouse validate --repo /tmp/demo >"$root/tmp/validate.txt" 2>&1
status=$?
set -e
# 0 = clean, 1 = findings or failed gates (the demo has some on purpose); 2 or a crash is a failure.
[ $status -le 1 ] || { cat "$root/tmp/validate.txt" >&2; fail "gatehouse validate exited $status"; }
echo "   exit $status, $(wc -l <"$root/tmp/validate.txt") lines: $(tail -1 "$root/tmp/validate.txt")"
echo "== the window (offscreen platform), until the demo repository is painted"
in_root env QT_QPA_PLATFORM=offscreen GATEHOUSE_MEASURE_STARTUP=1 XDG_RUNTIME_DIR=/tmp gatehouse /tmp/demo \
    >"$root/tmp/window.txt" 2>&1 || { cat "$root/tmp/window.txt" >&2; fail "the window did not start"; }
grep -E 'paint-ms' "$root/tmp/window.txt" | sed 's/^/   /'
echo "== installed files"
in_root dpkg -L gatehouse | grep -E 'bin/|\.desktop|metainfo|man1|completions|scalable' | sed 's/^/   /'
echo "test-install: ok"
