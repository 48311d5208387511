#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The security posture of a generated 50,000-commit repository beside `git log --name-only` over the same paths:
# first open (empty report cache) and reopen (cache on disk), wall time and peak memory.
# Not a test: nothing is compared with a threshold. Run it against a Release build:
#     tests/bench/bench_posturehistory.sh [path/to/gatehouse] [commits]
# The repository is generated with `git fast-import`: one source file changed per commit (an hour apart), weekly
# trivy and semgrep reports committed under reports/ every 168 commits, a CodeQL SARIF in scans/ every 1,000
# commits, and a nightly trivy report archived as a git note on every 24th commit.
set -euo pipefail

GATEHOUSE=${1:-${GATEHOUSE_BINARY:-build/app/gatehouse}}
COMMITS=${2:-${GATEHOUSE_BENCH_COMMITS:-50000}}
[[ -x $GATEHOUSE ]] || { echo "bench_posturehistory: no gatehouse binary at $GATEHOUSE" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench_posturehistory: needs /usr/bin/time (package time)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# GATEHOUSE_BENCH_REPO=DIR keeps the generated repository there (for profiling); an existing one is reused.
REPO=${GATEHOUSE_BENCH_REPO:-$WORK/repo}

generate() {
    awk -v commits="$COMMITS" '
    function blob(path, text) { printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text), text }
    function trivy(week, nightly,    text, i, n, first) {
        # A sliding window of vulnerable packages: some fixed each week, some new.
        n = 3 + (week % 5); first = 1
        text = "{\"SchemaVersion\":2,\"ArtifactName\":\".\",\"ArtifactType\":\"filesystem\",\"Results\":[{\"Target\":\"requirements.txt\",\"Class\":\"lang-pkgs\",\"Type\":\"pip\",\"Vulnerabilities\":["
        for (i = int(week / 2); i < int(week / 2) + n; i++) {
            text = text (first ? "" : ",") "{\"VulnerabilityID\":\"CVE-2024-" (10000 + i) "\",\"PkgName\":\"pkg" i "\",\"InstalledVersion\":\"1." i "\",\"FixedVersion\":\"1." i ".1\",\"Severity\":\"" (i % 7 == 0 ? "CRITICAL" : (i % 3 == 0 ? "HIGH" : "MEDIUM")) "\",\"Title\":\"pkg" i " flaw\"}"
            first = 0
        }
        if (nightly) text = text ",{\"VulnerabilityID\":\"CVE-2025-" (20000 + nightly % 97) "\",\"PkgName\":\"night" nightly % 97 "\",\"InstalledVersion\":\"0.1\",\"Severity\":\"LOW\",\"Title\":\"nightly\"}"
        return text "]}]}"
    }
    function semgrep(week,    text, i, first) {
        first = 1
        text = "{\"errors\":[],\"paths\":{},\"results\":["
        for (i = week % 4; i < (week % 4) + 2 + week % 3; i++) {
            text = text (first ? "" : ",") "{\"check_id\":\"python.rule" i "\",\"path\":\"src/d" i % 20 "/f" i ".py\",\"start\":{\"line\":" 3 + i "},\"extra\":{\"severity\":\"" (i % 2 ? "ERROR" : "WARNING") "\",\"message\":\"rule " i "\",\"lines\":\"x = " i "\"}}"
            first = 0
        }
        return text "]}"
    }
    function sarif(k) {
        return "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"rules\":[{\"id\":\"py/sql-injection\"}]}},\"results\":[{\"ruleId\":\"py/sql-injection\",\"level\":\"error\",\"message\":{\"text\":\"query built from user input\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/d" k % 20 "/f" k ".py\"},\"region\":{\"startLine\":" 10 + k "}}}],\"partialFingerprints\":{\"primaryLocationLineHash\":\"h" k % 3 "\"}}]}]}"
    }
    BEGIN {
        start = 1577836800  # 2020-01-01T00:00:00Z
        for (c = 1; c <= commits; c++) {
            t = start + c * 3600
            printf "commit refs/heads/main\nmark :%d\ncommitter Dev %d <dev%d@example.com> %d +0000\n", c, c % 17, c % 17, t
            msg = "change " c
            if (c % 168 == 0) msg = "chore(reports): weekly security scan " c / 168
            printf "data %d\n%s\n", length(msg), msg
            if (c > 1) printf "from :%d\n", c - 1
            blob("src/d" c % 20 "/f" c % 50 ".py", "x = " c)
            if (c % 168 == 0) { blob("reports/trivy.json", trivy(c / 168, 0)); blob("reports/semgrep.json", semgrep(c / 168)) }
            if (c % 1000 == 0) blob("scans/codeql.sarif", sarif(c / 1000))
        }
        printf "commit refs/notes/gatehouse-scans\ncommitter CI <ci@example.com> %d +0000\ndata 14\nnightly scans\n", start + (commits + 1) * 3600
        for (c = 24; c <= commits; c += 24) {
            text = trivy(int(c / 168), c / 24)
            printf "N inline :%d\ndata %d\n%s\n", c, length(text), text
        }
    }'
}

gen_start=$(date +%s%N)
if [[ ! -d $REPO/.git ]]; then
    echo "Generating $COMMITS commits with git fast-import..." >&2
    git init -q -b main "$REPO"
    generate | git -C "$REPO" fast-import --quiet
    git -C "$REPO" checkout -q main
fi
gen_end=$(date +%s%N)
reports=$(git -C "$REPO" log --first-parent --format=%H -- reports scans | wc -l)
notes=$(git -C "$REPO" notes --ref=gatehouse-scans list | wc -l)
echo "Generated in $(((gen_end - gen_start) / 1000000)) ms: $COMMITS commits, $reports commits changing reports, $notes notes" >&2

# Runs a command 3 times and prints "<wall s> <CPU s (user + system)> <peak RSS MiB>" of the run with the least CPU
# time. CPU time is the figure to compare: on a shared machine the wall time mostly measures the other processes.
measure() {
    local best="" wall="" mem="" secs user sys kib cpu
    for _ in 1 2 3; do
        [[ -n ${PREPARE:-} ]] && eval "$PREPARE"
        /usr/bin/time -o "$WORK/time" -f '%e %U %S %M' "$@" >/dev/null 2>&1
        read -r secs user sys kib <"$WORK/time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        if [[ -z $best ]] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$cpu
            wall=$secs
            mem=$((kib / 1024))
        fi
    done
    echo "$wall $best $mem"
}

NOW=2026-01-01T00:00:00Z
export XDG_CACHE_HOME=$WORK/cache
paths=(reports ':(glob)**/*.sarif' ':(glob)**/gl-*-report.json')
declare -a rows
run() {
    local label=$1
    shift
    local wall cpu mem
    read -r wall cpu mem < <(measure "$@")
    rows+=("$label|$wall|$cpu|$mem")
}
run "git log --first-parent --name-only -- <report paths>" git -C "$REPO" log --first-parent --name-only --format=%H HEAD -- "${paths[@]}"
run "git log ... --notes=gatehouse-scans (notes too)" git -C "$REPO" log --first-parent --notes=gatehouse-scans --name-only --format='%H %N' HEAD -- "${paths[@]}"
PREPARE='rm -rf "$XDG_CACHE_HOME"' run "gatehouse posture, first open (empty cache)" "$GATEHOUSE" posture --repo "$REPO" --now $NOW --format json
run "gatehouse posture, reopen (cache on disk)" "$GATEHOUSE" posture --repo "$REPO" --now $NOW --format json
run "gatehouse posture --no-cache" "$GATEHOUSE" posture --repo "$REPO" --now $NOW --format json --no-cache
run "gatehouse report --week 2025-W40 (cache on disk)" "$GATEHOUSE" report --repo "$REPO" --now $NOW --week 2025-W40 --format json

COMMITS=$(git -C "$REPO" rev-list --count HEAD)
base=$(echo "${rows[0]}" | cut -d'|' -f3)
printf '\nPosture of a %d-commit repository (%d report commits, %d notes), least CPU of 3 runs\n\n' "$COMMITS" "$reports" "$notes"
printf '| %-58s | %8s | %8s | %10s | %8s |\n' "command" "wall (s)" "CPU (s)" "CPU vs git" "peak MiB"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "----------" "----------" "------------" "----------"
for row in "${rows[@]}"; do
    IFS='|' read -r label wall cpu mem <<<"$row"
    ratio=$(awk -v a="$cpu" -v b="$base" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf '| %-58s | %8s | %8s | %10s | %8s |\n' "$label" "$wall" "$cpu" "$ratio" "$mem"
done
