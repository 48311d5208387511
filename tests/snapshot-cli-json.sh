#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the JSON output of every read-only subcommand, on the demo repository and on the shared corpus, into OUTDIR
# (one file per run, with its exit status), so that a restructuring can be shown to change no behaviour:
#
#   tests/snapshot-cli-json.sh OLD_BINARY /tmp/before
#   tests/snapshot-cli-json.sh NEW_BINARY /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# The demo is written by each binary itself (`gatehouse demo`), so a change to the demo shows up as a difference.
# Times are pinned with --now where a subcommand depends on the clock; what still depends on the run (the temporary
# directory of the demo, the scorecard's window that ends at the current time) is replaced by a fixed word, so two
# runs of one binary give identical output.
set -uo pipefail
bin="$(realpath "${1:?usage: snapshot-cli-json.sh GATEHOUSE_BINARY OUTDIR}")"
out="${2:?usage: snapshot-cli-json.sh GATEHOUSE_BINARY OUTDIR}"
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${CORPUS_DIR:-$here/../../shared/corpus}"
now="2026-12-01T12:00:00Z"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 TZ=UTC XDG_CACHE_HOME="$work/cache"

snap() { # NAME ARGS...: stdout to NAME.json, the exit status appended as a last line
    local name="$1"
    shift
    local status
    "$bin" "$@" >"$out/$name.json.raw" 2>/dev/null
    status=$?
    sed -e "s|$work/|<tmp>/|g" \
        -e 's|days to [0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z|days to <now>|g' "$out/$name.json.raw" >"$out/$name.json"
    rm -f "$out/$name.json.raw"
    echo "exit $status" >>"$out/$name.json"
}

demo="$work/demo"
"$bin" demo "$demo" >/dev/null 2>&1 || { echo "snapshot: 'gatehouse demo' failed" >&2; exit 2; }
snap demo-info info --repo "$demo" --format json
snap demo-validate validate --repo "$demo" --format json
snap demo-posture posture --repo "$demo" --format json --now "$now"
snap demo-report report --repo "$demo" --format json --now "$now"
snap demo-deployments deployments --repo "$demo" --format json
snap demo-incidents incidents --repo "$demo" --format json
snap demo-scorecard scorecard --repo "$demo" --format json
snap demo-strategies strategies --repo "$demo" --format json
snap demo-runs runs analyze --repo "$demo" --format json
for file in "$demo"/.gitlab-ci.yml "$demo"/.github/workflows/*.yml; do
    [ -f "$file" ] && snap "demo-pipeline-$(basename "$file")" pipeline --repo "$demo" --format json "$file"
done

if [ -d "$corpus/pipelines" ]; then
    for file in "$corpus"/pipelines/*/*; do
        snap "corpus-validate-$(basename "$file")" validate --format json "$file"
    done
fi
if [ -d "$corpus/reports" ]; then
    for file in "$corpus"/reports/*/*; do
        snap "corpus-findings-$(basename "$file")" findings parse --format json "$file"
    done
fi
echo "snapshot: $(ls "$out" | wc -l) outputs in $out"
