#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of every page of the running app, light and dark, on the demo repository, under Xvfb (offscreen
# when Xvfb is missing). Pages are visited by index until the app says there is none (exit 3), so new pages are
# picked up without editing this script. Writes OUT_DIR/<theme>-<page>.png and OUT_DIR/README.md (the gallery).
#
#   packaging/screenshots.sh [GATEHOUSE_BINARY] [OUT_DIR]      (defaults: build/app/gatehouse docs/screenshots)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$repo/build/app/gatehouse}")"
out="${2:-$repo/docs/screenshots}"
[ -x "$bin" ] || { echo "screenshots: $bin is not built (make build)" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"

work="$(mktemp -d)"
xvfb_pid=
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A private settings and cache folder: no recent repositories, default window size (1280×820), no saved page.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export LC_ALL=C.UTF-8 GATEHOUSE_SCREENSHOT_DELAY="${GATEHOUSE_SCREENSHOT_DELAY:-1500}"
unset WAYLAND_DISPLAY

if command -v Xvfb >/dev/null; then
    display=
    for n in $(seq 140 199); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=$n; break; }
    done
    Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
    export DISPLAY=":$display" QT_QPA_PLATFORM=xcb
    echo "screenshots: Xvfb on :$display"
else
    export QT_QPA_PLATFORM=offscreen
    echo "screenshots: Xvfb not installed, rendering offscreen"
fi

"$bin" demo "$work/demo" >/dev/null
rm -f "$out"/light-*.png "$out"/dark-*.png

shot() { # theme page-or-empty repository-or-empty
    rm -rf "$XDG_CONFIG_HOME" # each run starts like a first run: no recent repository to reopen
    GATEHOUSE_THEME="$1" GATEHOUSE_PAGE="$2" GATEHOUSE_SCREENSHOT="$out/$1-%page%.png" "$bin" ${3:+"$3"}
}

shots=(welcome)
for theme in light dark; do
    shot "$theme" "" "" | grep '^screenshot'
    page=0
    while true; do
        set +e
        shot "$theme" "$page" "$work/demo" >"$work/run.log" 2>"$work/run.err"
        status=$?
        set -e
        [ $status -eq 3 ] && break
        if [ $status -ne 0 ]; then
            cat "$work/run.log" "$work/run.err" >&2
            echo "screenshots: page $page ($theme) failed with exit $status" >&2
            exit 1
        fi
        grep '^screenshot' "$work/run.log"
        [ "$theme" = light ] && shots+=("$(sed -n 's/^page [0-9]* //p' "$work/run.log" | tr '[:upper:]' '[:lower:]')")
        page=$((page + 1))
    done
done

# The gallery, regenerated with the pictures so it never names a page that is gone.
{
    echo "# Screenshots"
    echo
    echo "Taken by \`packaging/screenshots.sh\` from the running app (Xvfb, demo repository). Light | dark."
    echo
    echo "| Light | Dark |"
    echo "|---|---|"
    for name in "${shots[@]}"; do
        echo "| ![$name, light](light-$name.png) | ![$name, dark](dark-$name.png) |"
    done
} >"$out/README.md"
echo "screenshots: $(ls "$out"/*.png | wc -l) pictures in $out"
