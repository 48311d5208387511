#!/usr/bin/env python3
"""Writes GitHubActionData.cpp: the inputs and outputs of widely used public actions, read from each action's
published action.yml at the newest tag of each of its last four major versions (repository snapshots given as
git directories, one per action repository, named OWNER+REPO/repo). Needs python3-yaml; run by hand when the data
should move to newer releases, never at build time.
Usage: python3 models/pipeline/GitHubActionData.py MIRROR_DIR > models/pipeline/GitHubActionData.cpp"""
import os, re, subprocess, sys, yaml

ACTIONS = [
    ("actions/checkout", ""), ("actions/setup-node", ""), ("actions/setup-python", ""), ("actions/setup-go", ""),
    ("actions/setup-java", ""), ("actions/setup-dotnet", ""), ("actions/cache", ""), ("actions/cache", "restore"),
    ("actions/cache", "save"), ("actions/upload-artifact", ""), ("actions/upload-artifact", "merge"),
    ("actions/download-artifact", ""), ("actions/github-script", ""), ("actions/labeler", ""),
    ("actions/stale", ""), ("actions/dependency-review-action", ""), ("actions/attest-build-provenance", ""),
    ("actions/attest-sbom", ""), ("actions/configure-pages", ""), ("actions/deploy-pages", ""),
    ("actions/upload-pages-artifact", ""), ("actions/create-github-app-token", ""),
    ("actions/first-interaction", ""), ("actions/add-to-project", ""), ("actions/upload-release-asset", ""),
    ("docker/login-action", ""), ("docker/setup-buildx-action", ""), ("docker/setup-qemu-action", ""),
    ("docker/build-push-action", ""), ("docker/metadata-action", ""), ("docker/bake-action", ""),
    ("docker/setup-docker-action", ""),
    ("github/codeql-action", "init"), ("github/codeql-action", "analyze"), ("github/codeql-action", "autobuild"),
    ("github/codeql-action", "upload-sarif"),
    ("aquasecurity/trivy-action", ""), ("actions-rs/toolchain", ""), ("dtolnay/rust-toolchain", ""),
    ("Swatinem/rust-cache", ""), ("golangci/golangci-lint-action", ""), ("softprops/action-gh-release", ""),
    ("peter-evans/create-pull-request", ""), ("codecov/codecov-action", ""), ("Azure/login", ""),
    ("aws-actions/configure-aws-credentials", ""), ("google-github-actions/auth", ""),
    ("hashicorp/setup-terraform", ""), ("pnpm/action-setup", ""), ("ruby/setup-ruby", ""),
    ("gradle/actions", "setup-gradle"), ("gradle/actions", "dependency-submission"),
    ("gradle/actions", "wrapper-validation"), ("JamesIves/github-pages-deploy-action", ""),
    ("snyk/actions", "node"), ("snyk/actions", "python"), ("snyk/actions", "docker"), ("snyk/actions", "golang"),
    ("snyk/actions", "setup"), ("anchore/scan-action", ""), ("returntocorp/semgrep-action", ""),
    ("gitleaks/gitleaks-action", ""), ("ossf/scorecard-action", ""), ("sigstore/cosign-installer", ""),
    ("mikefarah/yq", ""), ("taiki-e/install-action", ""), ("PyO3/maturin-action", ""),
    ("pypa/gh-action-pypi-publish", ""), ("astral-sh/setup-uv", ""), ("goreleaser/goreleaser-action", ""),
    ("hendrikmuhs/ccache-action", ""), ("msys2/setup-msys2", ""), ("microsoft/setup-msbuild", ""),
    ("pypa/cibuildwheel", ""), ("actions/attest", ""), ("google-github-actions/setup-gcloud", ""),
    ("slackapi/slack-github-action", ""), ("oven-sh/setup-bun", ""), ("shivammathur/setup-php", ""),
    ("re-actors/alls-green", ""), ("zizmorcore/zizmor-action", ""),
]

mirror = sys.argv[1]

def git(gd, *args):
    return subprocess.run(["git", "--git-dir", gd, *args], capture_output=True, text=True).stdout

def gitdir(repo):
    d = os.path.join(mirror, repo.replace("/", "+"), "repo")
    return os.path.join(d, ".git") if os.path.isdir(os.path.join(d, ".git")) else d

def c(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def truthy(v):
    return v is True or (isinstance(v, str) and v.strip().lower() == "true")

rows = []
for repo, sub in ACTIONS:
    gd = gitdir(repo)
    tags = [t for t in git(gd, "tag", "--sort=-v:refname").split() if re.fullmatch(r"v?\d+\.\d+(\.\d+)?", t)]
    majors = []
    for t in tags:
        m = int(re.match(r"v?(\d+)", t).group(1))
        if all(m != x[0] for x in majors):
            majors.append((m, t))
    refs = majors[:4] if majors else [(-1, "HEAD")]
    for major, ref in refs:
        text = None
        for name in ("action.yml", "action.yaml"):
            path = (sub + "/" if sub else "") + name
            out = subprocess.run(["git", "--git-dir", gd, "show", f"{ref}:{path}"], capture_output=True, text=True)
            if out.returncode == 0:
                text = out.stdout
                break
        if text is None:
            continue
        doc = yaml.safe_load(text) or {}
        commit = git(gd, "rev-list", "-n1", ref).strip()
        inputs = []
        for name, spec in (doc.get("inputs") or {}).items():
            spec = spec or {}
            flag = ""
            if truthy(spec.get("required")) and spec.get("default") is None:
                flag += "!"
            if spec.get("deprecationMessage"):
                flag += "~"
            inputs.append(flag + str(name))
        outputs = [str(n) for n in (doc.get("outputs") or {})]
        using = str((doc.get("runs") or {}).get("using", ""))
        uses = repo + ("/" + sub if sub else "")
        rows.append(f"    {{{c(uses)}, {major}, {c(ref)}, {c(commit[:12])}, {c(using)},\n"
                    f"     {c(' '.join(inputs))},\n     {c(' '.join(outputs))}}},")

print("""// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// GENERATED by GitHubActionData.py from each action's published action.yml (the tag and commit of every row are
// listed). Inputs: '!' required without a default, '~' deprecated. Regenerate instead of editing by hand.
#include "GitHubActionCatalog.h"

// clang-format off
namespace gatehouse::pipeline {

const ActionRecord* actionRecords(qsizetype* count)
{
    static const ActionRecord records[] = {""")
print("\n".join(rows))
print("""    };
    *count = qsizetype(sizeof(records) / sizeof(records[0]));
    return records;
}

} // namespace gatehouse::pipeline
// clang-format on""")
