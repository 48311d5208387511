#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a deterministic merge-heavy repository of about COMMITS commits (default 50,000) into DIR with
# `git fast-import`, shaped like a busy project: up to 8 feature branches in flight at once, each 1-6 commits long,
# forked from main and merged back with a merge commit (--no-ff) that carries the branch's changes; a few direct
# commits on main; ~2,000 source files under 40 folders created by the first commit; documentation pages renamed
# now and then; a GitLab pipeline and a GitHub workflow edited on branches; a trivy report committed on main every
# 40 first-parent commits; a production deploy tag every 25 merges and a release tag every 100 merges (hundreds of
# tags); a postmortem every 2,000 commits; `.gatehouse/config.yml` naming `reports/**` as the report folder.
# Fixed dates (one commit every 5 minutes from 2024-01-01), so branch commits interleave with main's in time as
# they do in real histories.
#
#   tests/bench/make-merge-history.sh DIR [COMMITS]
set -euo pipefail
dir=${1:?usage: make-merge-history.sh DIR [COMMITS]}
commits=${2:-50000}
rm -rf "$dir"
git init -q -b main "$dir"
awk -v n="$commits" '
function data(s) { printf "data %d\n%s\n", length(s), s }
function report(i,    s, k) {
    s = "{\"SchemaVersion\": 2, \"ArtifactName\": \"app\", \"ArtifactType\": \"container_image\", \"Results\": [{\"Target\": \"app (debian 12)\", \"Class\": \"os-pkgs\", \"Type\": \"debian\", \"Vulnerabilities\": ["
    for (k = 0; k < 20; k++)
        s = s (k ? ", " : "") sprintf("{\"VulnerabilityID\": \"CVE-2024-%05d\", \"PkgName\": \"lib%d\", \"InstalledVersion\": \"1.%d\", \"FixedVersion\": \"1.%d\", \"Severity\": \"%s\", \"Title\": \"issue %d in lib%d\"}", (i * 7 + k) % 40 + 1000, k, k, k + 1, sev[k % 4], k, k)
    return s "]}]}\n"
}
function gitlab(i) {
    return sprintf("stages: [build, test, deploy]\nbuild:\n  stage: build\n  image: alpine:3.19\n  script: [make, echo %d]\ntest:\n  stage: test\n  needs: [build]\n  script: [make test]\ndeploy:\n  stage: deploy\n  script: [./deploy.sh]\n  environment: production\n  when: manual\n", i)
}
function github(i) {
    return sprintf("name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make && echo %d\n", i)
}
function header(ref, who, msg) {
    t += 300
    printf "commit %s\nmark :%d\n", ref, ++mark
    printf "author Dev %d <dev%d@example.com> %d +0000\n", who, who, t
    printf "committer Dev %d <dev%d@example.com> %d +0000\n", who, who, t
    data(msg)
    made++
}
# One change on branch b (or on main for b < 0): a source file, sometimes a pipeline. Remembered per branch so the
# merge commit can carry it.
function change(b,    f, path, content) {
    f = int(rand() * 2000)
    path = sprintf("src/mod%d/file%d.cpp", f % 40, f)
    content = sprintf("// file %d, revision %d\nint value%d() { return %d; }\n", f, made, f, made)
    emit(b, path, content)
    if (rand() < 0.01) emit(b, ".gitlab-ci.yml", gitlab(made))
    if (rand() < 0.008) emit(b, ".github/workflows/ci.yml", github(made))
}
function emit(b, path, content) {
    printf "M 100644 inline %s\n", path
    data(content)
    if (b >= 0) {
        if (!((b, path) in pending)) paths[b] = paths[b] SUBSEP path
        pending[b, path] = content
    }
}
BEGIN {
    srand(42)
    split("feat fix refactor docs test chore perf ci", kinds, " ")
    split("CRITICAL HIGH MEDIUM LOW", sev, " "); sev[0] = sev[4]
    t = 1704067200
    mark = 0; made = 0; merges = 0; firstParent = 0; docs = 0
    # The first commit: every source file, the pipelines, the documentation pages.
    header("refs/heads/main", 0, "chore: initial import\n")
    for (f = 0; f < 2000; f++) {
        printf "M 100644 inline src/mod%d/file%d.cpp\n", f % 40, f
        data(sprintf("// file %d, revision 0\nint value%d() { return 0; }\n", f, f))
    }
    for (p = 0; p < 200; p++) {
        printf "M 100644 inline docs/page%d.md\n", p
        data(sprintf("# Page %d\n", p))
        docname[p] = sprintf("docs/page%d.md", p)
    }
    # The reports live under one folder, and the project says so: the posture walk can stay on that path.
    printf "M 100644 inline .gatehouse/config.yml\n"; data("reports:\n  - reports/**\n")
    printf "M 100644 inline .gitlab-ci.yml\n"; data(gitlab(0))
    printf "M 100644 inline .github/workflows/ci.yml\n"; data(github(0))
    mainMark = mark
    slots = 8
    while (made < n) {
        b = int(rand() * slots)
        if (!(b in head)) {
            # A new branch forks from main as it is now.
            head[b] = mainMark; length_[b] = 1 + int(rand() * 6); done_[b] = 0; paths[b] = ""; name[b] = ++branches
        }
        if (done_[b] < length_[b]) {
            header(sprintf("refs/heads/topic/%d", name[b]), b * 5 + name[b] % 5,
                   sprintf("%s(mod%d): change %d\n", kinds[made % 8 + 1], made % 40, made))
            printf "from :%d\n", head[b]
            change(b)
            head[b] = mark; done_[b]++
            continue
        }
        # Merge the branch into main with the changes it made.
        firstParent++
        if (made % 2000 < 4 && made > 2000 && !postmortem[int(made / 2000)]++)
            msg = sprintf("Merge branch topic/%d\n\npostmortem(api): outage %d\nIncident: INC-%d\nRoot cause: config drift\nFix: roll back\nSeverity: high\n", name[b], made, made)
        else
            msg = sprintf("Merge branch topic/%d into main\n", name[b])
        header("refs/heads/main", 40 + name[b] % 7, msg)
        printf "from :%d\nmerge :%d\n", mainMark, head[b]
        np = split(substr(paths[b], 2), list, SUBSEP)
        for (k = 1; k <= np; k++) {
            printf "M 100644 inline %s\n", list[k]
            data(pending[b, list[k]])
            delete pending[b, list[k]]
        }
        if (firstParent % 40 == 0) { print "M 100644 inline reports/trivy.json"; data(report(firstParent / 40)) }
        mainMark = mark
        merges++
        delete head[b]
        if (merges % 25 == 0) {
            printf "tag deploy-%05d\nfrom :%d\ntagger Release Bot <bot@example.com> %d +0000\n", merges, mainMark, t + 60
            data("Production deployment\n")
        }
        if (merges % 100 == 0) {
            printf "tag v1.%d.0\nfrom :%d\ntagger Release Bot <bot@example.com> %d +0000\n", merges / 100, mainMark, t + 90
            data("Release\n")
        }
        # Now and then a direct commit on main: a documentation page moves to a new name.
        if (rand() < 0.1) {
            firstParent++
            header("refs/heads/main", 50, sprintf("docs: move page %d\n", docs))
            printf "from :%d\n", mainMark
            p = docs % 200
            newname = sprintf("docs/section%d/page%d.md", int(docs / 200) + 1, p)
            printf "R %s %s\n", docname[p], newname
            docname[p] = newname
            docs++
            mainMark = mark
        }
    }
    # Branches still open are left as refs, like unmerged work.
    printf "reset refs/heads/main\nfrom :%d\n\n", mainMark
    printf "progress merges %d first-parent %d docs-renamed %d\n", merges, firstParent, docs
}' | git -C "$dir" fast-import --quiet
git -C "$dir" checkout -q main
echo "make-merge-history: $(git -C "$dir" rev-list --count HEAD) commits ($(git -C "$dir" rev-list --merges --count HEAD) merges, $(git -C "$dir" rev-list --first-parent --count HEAD) first-parent), $(git -C "$dir" ls-files | wc -l) files, $(git -C "$dir" tag | wc -l) tags in $dir"
