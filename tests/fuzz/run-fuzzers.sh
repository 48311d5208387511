#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs each libFuzzer harness of BUILD_DIR for SECONDS, seeded from ../shared/corpus (never copied into the repo),
# tests/fuzz/seeds and the report fixtures. New inputs go to BUILD_DIR/fuzz-corpus/<target>, crashers to
# BUILD_DIR/fuzz-artifacts/<target>/. Prints executions/s and coverage per target; exits 1 when any target failed.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]      (targets: gitlab github report incident config scannote)
#   CORPUS_DIR=/path/to/shared/corpus to override the seed corpus location.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$(cd "${1:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]}" && pwd)"
seconds="${2:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]}"
shift 2
corpus="${CORPUS_DIR:-$repo/../shared/corpus}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(gitlab github report incident config scannote)

# Seed folders (missing ones are skipped) and the largest input of each target.
seeds_for() {
    case "$1" in
    gitlab) echo "$corpus/pipelines/gitlab" ;;
    github) echo "$corpus/pipelines/github" ;;
    report) echo "$corpus"/reports/* "$repo/tests/fixtures/reports" ;;
    incident | config) echo "$here/seeds/$1" ;;
    scannote) echo "$here/seeds/scannote $corpus/reports/gitleaks $corpus/reports/sarif" ;;
    esac
}
max_len_for() {
    case "$1" in
    gitlab | github) echo 65536 ;;
    report) echo 262144 ;;
    scannote) echo 65536 ;;
    *) echo 16384 ;;
    esac
}

failed=()
summary=()
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz/fuzz_$target"
    if [ ! -x "$binary" ]; then
        echo "run-fuzzers: $binary is not built" >&2
        failed+=("$target")
        continue
    fi
    work="$build/fuzz-corpus/$target"
    artifacts="$build/fuzz-artifacts/$target"
    mkdir -p "$work" "$artifacts"
    dirs=()
    for dir in $(seeds_for "$target"); do
        [ -d "$dir" ] && dirs+=("$dir")
    done
    log="$build/fuzz-$target.log"
    echo "== fuzz_$target: ${seconds}s, seeds: ${dirs[*]:-none}"
    start=$(date +%s)
    "$binary" -max_total_time="$seconds" -max_len="$(max_len_for "$target")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "${dirs[@]}" >"$log" 2>&1
    status=$?
    elapsed=$(($(date +%s) - start))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
    line=$(printf '%-9s %5ss %10s runs %7s exec/s  cov %6s  ft %6s  corpus %5s  %s' "$target" "$elapsed" \
        "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$([ $status -eq 0 ] && echo ok || echo FAILED)")
    summary+=("$line")
    if [ $status -ne 0 ]; then
        failed+=("$target")
        echo "fuzz_$target failed (exit $status); log: $log; artifacts: $artifacts" >&2
        grep -E 'ERROR: |SUMMARY: |^artifact_prefix|Test unit written' "$log" | head -20 >&2
    fi
done

echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran without a crash, hang or leak"
