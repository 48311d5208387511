#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the plain test suite from a fresh clone of this repository's HEAD with nothing beside it (no ../shared), as
# a user who clones it gets: tests that read the shared corpus must skip, never fail. Called by .ci/run.
# The clone is made beside this clone's folder, at the same depth, so that a ccache base_dir above both (exported by
# .ci/run) reuses the objects of the first build.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
parent="$(dirname "$src")"
iso="${parent}-fresh-clone"
rm -rf "$iso"
mkdir -p "$iso"
trap 'rm -rf "$iso"' EXIT
# A clone as a user makes it; from a shallow CI checkout where git refuses, the tracked files of HEAD.
if ! git clone --quiet --no-hardlinks "$src" "$iso/gatehouse" 2>/dev/null; then
    rm -rf "$iso/gatehouse"
    mkdir -p "$iso/gatehouse"
    git -C "$src" archive HEAD | tar -x -C "$iso/gatehouse"
fi
if [ -e "$iso/shared" ]; then
    echo "check-fresh-clone: $iso/shared exists; the check needs a clone with nothing beside it" >&2
    exit 2
fi
cd "$iso/gatehouse"
# CI=true keeps the ci preset (-Werror) but only the plain suite runs here: the sanitizers ran in the first pass.
make --no-print-directory test-plain
# The corpus tests must have skipped for the right reason, not passed on data found elsewhere.
# The output is captured first: with pipefail, `grep -q` quitting early would SIGPIPE the test and fail the check.
skip_output="$(QT_QPA_PLATFORM=offscreen build/tests/tst_reportreader corruptedCorpus 2>&1 || true)"
if ! grep -q "shared corpus is not available" <<<"$skip_output"; then
    echo "check-fresh-clone: tst_reportreader did not skip its corpus test; it printed:" >&2
    printf '%s\n' "$skip_output" >&2
    exit 1
fi
echo "check-fresh-clone: the suite passes on a clone with nothing beside it"
