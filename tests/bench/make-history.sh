#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a deterministic repository of COMMITS commits (default 50,000) into DIR with `git fast-import`: ~2,000
# source files under 40 folders, 1–3 files changed per commit, a GitLab pipeline and a GitHub workflow edited now
# and then, a trivy report committed every 500 commits, conventional-commit messages with a postmortem every
# 2,000 commits and a production deploy tag every 250. Fixed dates (one commit every 10 minutes from 2024-01-01).
#
#   tests/bench/make-history.sh DIR [COMMITS]
set -euo pipefail
dir=${1:?usage: make-history.sh DIR [COMMITS]}
commits=${2:-50000}
rm -rf "$dir"
git init -q -b main "$dir"
awk -v n="$commits" '
function data(s) { printf "data %d\n%s\n", length(s), s }
function report(i,    s, k) {
    s = "{\"SchemaVersion\": 2, \"ArtifactName\": \"app\", \"ArtifactType\": \"container_image\", \"Results\": [{\"Target\": \"app (debian 12)\", \"Class\": \"os-pkgs\", \"Type\": \"debian\", \"Vulnerabilities\": ["
    for (k = 0; k < 20; k++)
        s = s (k ? ", " : "") sprintf("{\"VulnerabilityID\": \"CVE-2024-%05d\", \"PkgName\": \"lib%d\", \"InstalledVersion\": \"1.%d\", \"FixedVersion\": \"1.%d\", \"Severity\": \"%s\", \"Title\": \"issue %d in lib%d\"}", (i / 500 * 7 + k) % 40 + 1000, k, k, k + 1, sev[k % 4], k, k)
    return s "]}]}\n"
}
BEGIN {
    srand(42)
    split("feat fix refactor docs test chore perf ci", kinds, " ")
    split("CRITICAL HIGH MEDIUM LOW", sev, " "); sev[0] = sev[4]
    t0 = 1704067200
    for (i = 1; i <= n; i++) {
        t = t0 + i * 600
        print "commit refs/heads/main"
        printf "mark :%d\n", i
        printf "author Dev %d <dev%d@example.com> %d +0000\n", i % 37, i % 37, t
        printf "committer Dev %d <dev%d@example.com> %d +0000\n", i % 37, i % 37, t
        if (i % 2000 == 0)
            msg = sprintf("postmortem(api): outage %d\n\nIncident: INC-%d\nRoot cause: config drift\nFix: roll back\nSeverity: high\n", i, i)
        else
            msg = sprintf("%s(mod%d): change %d\n", kinds[i % 8 + 1], i % 40, i)
        data(msg)
        if (i > 1) printf "from :%d\n", i - 1
        changes = 1 + int(rand() * 3)
        for (c = 0; c < changes; c++) {
            f = int(rand() * 2000)
            printf "M 100644 inline src/mod%d/file%d.cpp\n", f % 40, f
            data(sprintf("// file %d, revision %d\nint value%d() { return %d; }\n", f, i, f, i))
        }
        if (i == 1 || i % 97 == 0) {
            print "M 100644 inline .gitlab-ci.yml"
            data(sprintf("stages: [build, test, deploy]\nbuild:\n  stage: build\n  image: alpine:3.19\n  script: [make, echo %d]\ntest:\n  stage: test\n  needs: [build]\n  script: [make test]\ndeploy:\n  stage: deploy\n  script: [./deploy.sh]\n  environment: production\n  when: manual\n", i))
        }
        if (i == 1 || i % 131 == 0) {
            print "M 100644 inline .github/workflows/ci.yml"
            data(sprintf("name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make && echo %d\n", i))
        }
        if (i % 500 == 0) {
            print "M 100644 inline reports/trivy.json"
            data(report(i))
        }
        if (i % 250 == 0) {
            printf "tag deploy-%05d\nfrom :%d\ntagger Release Bot <bot@example.com> %d +0000\n", i, i, t + 300
            data("Production deployment\n")
        }
    }
}' | git -C "$dir" fast-import --quiet
git -C "$dir" checkout -q main
echo "make-history: $(git -C "$dir" rev-list --count HEAD) commits, $(git -C "$dir" ls-files | wc -l) files, $(git -C "$dir" tag | wc -l) tags in $dir"
