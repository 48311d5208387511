// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/GitLabPipeline.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::pipeline;

namespace {

using Files = QHash<QString, QByteArray>;

PipelineModel analyze(const QByteArray& text, QList<Diagnostic>& diagnostics, const Files& files = {},
                      const QString& path = QStringLiteral(".gitlab-ci.yml"))
{
    return GitLabPipeline::analyze(text, path, FileSource::fromMap(files, true), diagnostics);
}

QStringList describe(const QList<Diagnostic>& diagnostics, Severity minimum = Severity::Warning)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (int(d.severity) > int(minimum))
            continue;
        out << QStringLiteral("%1:%2:%3:%4").arg(d.file).arg(d.line).arg(d.column).arg(d.rule);
    }
    return out;
}

QString messages(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << d.message;
    return out.join(u'\n');
}

const PipelineJob* job(const PipelineModel& model, const QString& name)
{
    return model.job(name);
}

} // namespace

class TestGitLabPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void keywordValues_data();
    void keywordValues();
    void nestedStages();
    void linearOnLongNeedsChain();
    void deepExtendsMerge();
    void referencesInScriptsAndRules();
    void anchorsWithMergeKeys();
    void matrixNames_data();
    void matrixNames();
    void needsOnParallelJob();
    void defaultsAndInherit();
    void stages();
    void includeLocalMerge();
    void includeWildcard();
    void specHeader();
    void fragmentIsLenient();
};

void TestGitLabPipeline::rules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected"); // file:line:column:rule of errors and warnings
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("undefined stage") << QByteArray("stages: [build]\njob:\n  stage: tests\n  script: x\n") << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:3:10:gitlab.undefined-stage")}
                                     << QStringLiteral("available stages: .pre, build, .post");
    QTest::newRow("default stage missing")
        << QByteArray("stages: [build]\njob:\n  script: x\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:1:gitlab.undefined-stage")} << QStringLiteral("'test'");
    QTest::newRow("needs unknown job") << QByteArray("a:\n  script: x\nb:\n  script: x\n  needs: [c]\n") << Files()
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:5:11:gitlab.needs-unknown-job")}
                                       << QStringLiteral("needs 'c'");
    QTest::newRow("needs hidden job") << QByteArray(".a:\n  script: x\nb:\n  script: x\n  needs: [.a]\n") << Files()
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:5:11:gitlab.needs-unknown-job")}
                                      << QStringLiteral("hidden");
    QTest::newRow("optional needs") << QByteArray("b:\n  script: x\n  needs:\n    - job: c\n      optional: true\n")
                                    << Files() << QStringList() << QString();
    QTest::newRow("needs later stage") << QByteArray(
        "stages: [build, test]\na:\n  stage: build\n  script: x\n  needs: [b]\nb:\n  stage: test\n  "
        "script: x\n") << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:5:11:gitlab.needs-later-stage")}
                                       << QStringLiteral("later stage test");
    QTest::newRow("duplicate needs") << QByteArray("a:\n  script: x\nb:\n  script: x\n  needs: [a, a]\n") << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.duplicate-needs")}
                                     << QStringLiteral("twice");
    QTest::newRow("needs cycle") << QByteArray("a:\n  script: x\n  needs: [b]\nb:\n  script: x\n  needs: [a]\n")
                                 << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.needs-cycle")}
                                 << QStringLiteral("a → b → a");
    QTest::newRow("needs matrix instance")
        << QByteArray(
               "build:\n  stage: build\n  script: x\n  parallel:\n    matrix:\n      - OS: [linux, mac]\n"
               "test:\n  script: x\n  needs:\n    - job: build\n      parallel:\n        matrix:\n"
               "          - OS: linux\n    - job: build\n      parallel:\n        matrix:\n          - OS: win\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:15:7:gitlab.needs-unknown-instance")}
        << QStringLiteral("'build: [win]'");
    QTest::newRow("dependencies unknown")
        << QByteArray("a:\n  script: x\n  dependencies: [zz]\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:18:gitlab.dependencies-unknown-job")} << QStringLiteral("'zz'");
    QTest::newRow("dependencies later stage")
        << QByteArray("a:\n  stage: build\n  script: x\n  dependencies: [b]\nb:\n  stage: deploy\n  script: x\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:4:18:gitlab.dependencies-later-stage")}
        << QStringLiteral("later stage deploy");
    QTest::newRow("dependencies not in needs")
        << QByteArray("a:\n  stage: build\n  script: x\nb:\n  stage: test\n  script: x\n  needs: []\n  "
                      "dependencies: [a]\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:8:18:gitlab.dependencies-not-in-needs")}
        << QStringLiteral("subset");
    QTest::newRow("extends unknown") << QByteArray(".base:\n  image: a\njob:\n  extends: .bsae\n  script: x\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:4:12:gitlab.extends-unknown")}
                                     << QStringLiteral("did you mean '.base'");
    QTest::newRow("extends loop") << QByteArray(
        ".a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: x\n")
                                  << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:4:12:gitlab.extends-cycle")}
                                  << QStringLiteral(".a → .b → .a");
    QByteArray deep = "job:\n  extends: .t1\n  script: x\n";
    for (int i = 1; i <= 12; ++i)
        deep += QStringLiteral(".t%1:\n  extends: .t%2\n").arg(i).arg(i + 1).toUtf8();
    deep += ".t13:\n  image: a\n";
    QTest::newRow("extends too deep") << deep << Files()
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:25:12:gitlab.extends-too-deep")}
                                      << QStringLiteral("GitLab allows 11");
    QTest::newRow("rules with only") << QByteArray("job:\n  script: x\n  rules:\n    - when: always\n  only: [main]\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:3:gitlab.rules-with-only-except")}
                                     << QStringLiteral("rules");
    QTest::newRow("rules with when") << QByteArray("job:\n  script: x\n  rules:\n    - if: $A\n  when: manual\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:3:gitlab.rules-with-when")}
                                     << QStringLiteral("inside the rules");
    QTest::newRow("no visible job") << QByteArray(".hidden:\n  script: x\n") << Files()
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.no-visible-job")}
                                    << QStringLiteral("visible");
    QTest::newRow("missing script") << QByteArray("job:\n  stage: test\n") << Files()
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.missing-script")}
                                    << QStringLiteral("script, trigger or run");
    QTest::newRow("trigger job") << QByteArray("job:\n  trigger: group/project\n") << Files() << QStringList()
                                 << QString();
    QTest::newRow("on_stop unknown") << QByteArray(
        "deploy:\n  script: x\n  environment:\n    name: review\n    on_stop: stop_reveiw\nstop_review:\n  "
        "script: x\n  environment:\n    name: review\n    action: stop\n")
                                     << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.on-stop-unknown-job")}
                                     << QStringLiteral("did you mean 'stop_review'");
    QTest::newRow("on_stop inconsistent")
        << QByteArray("deploy:\n  script: x\n  environment:\n    name: review\n    on_stop: stop\nstop:\n  script: x\n")
        << Files() << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.on-stop-inconsistent")}
        << QStringLiteral("action: stop");
    QTest::newRow("delayed without start_in")
        << QByteArray("job:\n  script: x\n  when: delayed\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.delayed-without-start-in")}
        << QStringLiteral("start_in");
    QTest::newRow("unknown key") << QByteArray("job:\n  scirpt: x\n  script: y\n") << Files()
                                 << QStringList{QStringLiteral(".gitlab-ci.yml:2:3:gitlab.unknown-key")}
                                 << QStringLiteral("did you mean 'script'");
    QTest::newRow("invalid when") << QByteArray("job:\n  script: y\n  when: manul\n") << Files()
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.invalid-value")}
                                  << QStringLiteral("did you mean 'manual'");
    QTest::newRow("wrong type") << QByteArray("job:\n  script: y\n  tags: {a: 1}\n") << Files()
                                << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.wrong-type")}
                                << QStringLiteral("must be a sequence");
    QTest::newRow("parallel range") << QByteArray("job:\n  script: y\n  parallel: 500\n") << Files()
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:3:13:gitlab.out-of-range")}
                                    << QStringLiteral("between 1 and 200");
    QTest::newRow("environment needs name")
        << QByteArray("job:\n  script: y\n  environment:\n    url: https://x\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.missing-key")} << QStringLiteral("'name'");
    QTest::newRow("misspelt top-level keyword") << QByteArray("stage: [a]\njob:\n  script: y\n") << Files()
                                                << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.unknown-key")}
                                                << QStringLiteral("did you mean 'stages'");
    QTest::newRow("reference not found")
        << QByteArray(".setup:\n  script: [a]\njob:\n  script: !reference [.setup, scirpt]\n") << Files()
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:11:gitlab.reference-not-found")}
        << QStringLiteral("did you mean 'script'");
    QTest::newRow("include cycle") << QByteArray("include: a.yml\njob:\n  script: x\n")
                                   << Files{{QStringLiteral("a.yml"), "include: b.yml\n"},
                                            {QStringLiteral("b.yml"), "include:\n  - local: a.yml\n"}}
                                   << QStringList{QStringLiteral("b.yml:2:5:gitlab.include-cycle")}
                                   << QStringLiteral(".gitlab-ci.yml → a.yml → b.yml → a.yml");
    QTest::newRow("include missing") << QByteArray("include:\n  - local: /ci/nope.yml\njob:\n  script: x\n") << Files()
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:2:5:gitlab.include-not-found")}
                                     << QStringLiteral("ci/nope.yml");
    QTest::newRow("child pipeline missing")
        << QByteArray("child:\n  trigger:\n    include: ci/child.yml\nother:\n  trigger:\n    include:\n"
                      "      - local: ci/there.yml\n")
        << Files{{QStringLiteral("ci/there.yml"), "a:\n  script: x\n"}}
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:14:gitlab.include-not-found")}
        << QStringLiteral("ci/child.yml");
    QTest::newRow("variable options") << QByteArray(
        "variables:\n  ENV:\n    value: prod\n    options: [staging, production]\njob:\n  script: x\n"
        "  variables:\n    X:\n      value: '1'\n      description: no\n")
                                      << Files()
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:3:12:gitlab.invalid-value"),
                                                     QStringLiteral(".gitlab-ci.yml:10:7:gitlab.unknown-key")}
                                      << QStringLiteral("staging, production");
    QTest::newRow("error inside include")
        << QByteArray("include: ci/jobs.yml\n")
        << Files{{QStringLiteral("ci/jobs.yml"), "job:\n  script: x\n  when: sometimes\n"}}
        << QStringList{QStringLiteral("ci/jobs.yml:3:9:gitlab.invalid-value")} << QStringLiteral("sometimes");
    QTest::newRow("syntax error") << QByteArray("job:\n  script: [x\n") << Files()
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:3:1:yaml.syntax")} << QString();
}

void TestGitLabPipeline::rules()
{
    QFETCH(QByteArray, text);
    QFETCH(Files, files);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics, files);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describe(diagnostics), expected);
    if (!messagePart.isEmpty())
        QVERIFY2(messages(diagnostics).contains(messagePart), qPrintable(messages(diagnostics)));
}

void TestGitLabPipeline::keywordValues_data()
{
    // One row per value rule of GitLab's CI/CD YAML syntax reference: what GitLab runs is accepted, what it
    // refuses is an error at the offending key or value.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // file:line:column:rule of errors

    QTest::newRow("cache key files + prefix") << QByteArray(
        "job:\n  script: x\n  cache:\n    key:\n      files: [a.lock, b.lock]\n      prefix: $CI_JOB_NAME\n    paths: "
        "[vendor]\n    policy: pull\n    when: always\n    fallback_keys: [main]\n")
                                              << QStringList();
    QTest::newRow("four caches") << QByteArray(
        "job:\n  script: x\n  cache:\n    - key: a\n    - key: b\n    - key: c\n    - key: d\n")
                                 << QStringList();
    QTest::newRow("cache policy variable")
        << QByteArray("job:\n  script: x\n  cache:\n    key: k\n    policy: $POLICY\n") << QStringList();
    QTest::newRow("image full form") << QByteArray(
        "job:\n  script: x\n  image:\n    name: ruby:3\n    entrypoint: ['']\n    docker: {platform: linux/arm64, "
        "user: dave}\n    kubernetes: {user: 1000}\n    pull_policy: [always, if-not-present]\n")
                                     << QStringList();
    QTest::newRow("service full form") << QByteArray(
        "job:\n  script: x\n  services:\n    - postgres:16\n    - name: redis:7\n      alias: cache\n      command: "
        "[redis-server]\n      variables: {A: b}\n      pull_policy: never\n")
                                       << QStringList();
    QTest::newRow("artifacts full form") << QByteArray(
        "job:\n  script: x\n  artifacts:\n    name: out\n    paths: [out/]\n    exclude: [out/*.tmp]\n    expire_in: 1 "
        "week\n    expose_as: Build output\n    access: developer\n    when: always\n    reports:\n      junit: "
        "[report.xml]\n      coverage_report: {coverage_format: cobertura, path: cov.xml}\n      dotenv: build.env\n   "
        "   annotations: links.json\n") << QStringList();
    QTest::newRow("artifacts never expire")
        << QByteArray("job:\n  script: x\n  artifacts:\n    paths: [a]\n    expire_in: never\n") << QStringList();
    QTest::newRow("dast configuration") << QByteArray(
        "job:\n  script: x\n  dast_configuration:\n    site_profile: Example\n    scanner_profile: Quick\n")
                                        << QStringList();
    QTest::newRow("retry map") << QByteArray("job:\n  script: x\n  retry:\n    max: 2\n    when: [script_failure, "
                                             "runner_system_failure]\n    exit_codes: 137\n")
                               << QStringList();
    QTest::newRow("parallel matrix") << QByteArray("job:\n  script: x\n  parallel:\n    matrix:\n      - PROVIDER: "
                                                   "aws\n        STACK: [app1, app2]\n      - PROVIDER: [gcp, vultr]\n")
                                     << QStringList();
    QTest::newRow("rules full form") << QByteArray(
        "job:\n  script: x\n  rules:\n    - if: $CI_COMMIT_BRANCH\n      changes:\n        paths: [src/**/*]\n        "
        "compare_to: refs/heads/main\n      exists:\n        paths: [Dockerfile]\n        project: group/other\n       "
        " ref: main\n      when: manual\n      allow_failure: {exit_codes: [1, 2]}\n      variables: {A: b}\n      "
        "interruptible: true\n    - when: delayed\n      start_in: 10 minutes\n")
                                     << QStringList();
    QTest::newRow("needs forms") << QByteArray(
        "a:\n  script: x\njob:\n  script: x\n  needs:\n    - a\n    - job: a\n      artifacts: false\n      optional: "
        "true\n    - pipeline: $PARENT_PIPELINE_ID\n      job: gen\n    - project: group/other\n      job: build\n     "
        " ref: main\n      artifacts: true\n")
                                 << QStringList{QStringLiteral(".gitlab-ci.yml:7:12:gitlab.duplicate-needs")};
    QTest::newRow("id tokens") << QByteArray("job:\n  script: x\n  id_tokens:\n    ONE:\n      aud: "
                                             "https://vault.example.com\n    TWO:\n      aud: [a, b]\n")
                               << QStringList();
    QTest::newRow("secrets forms") << QByteArray(
        "job:\n  script: x\n  secrets:\n    A:\n      vault: production/db/password@ops\n      token: $TOKEN\n    B:\n "
        "     vault:\n        engine: {name: kv-v2, path: ops}\n        path: production/db\n        field: password\n "
        "     file: false\n    C:\n      gcp_secret_manager: {name: my-secret, version: 2}\n    D:\n      "
        "azure_key_vault: {name: s}\n")
                                   << QStringList();
    QTest::newRow("environment full form") << QByteArray(
        "job:\n  script: x\n  environment:\n    name: review/$CI_COMMIT_REF_SLUG\n    url: "
        "https://$CI_ENVIRONMENT_SLUG.example.com\n    action: prepare\n    auto_stop_in: 1 day\n    deployment_tier: "
        "staging\n    kubernetes:\n      agent: group/agents:prod\n      namespace: review\n")
                                           << QStringList();
    QTest::newRow("release") << QByteArray(
        "job:\n  script: x\n  release:\n    tag_name: v1\n    name: One\n    description: notes\n    released_at: "
        "'2026-03-15T08:00:00Z'\n    milestones: [m1]\n    assets:\n      links:\n        - name: bin\n          url: "
        "https://example.com/bin\n          link_type: package\n")
                             << QStringList();
    QTest::newRow("pages map") << QByteArray(
        "pages:\n  script: x\n  pages:\n    path_prefix: mr\n    expire_in: 1 week\n")
                               << QStringList();
    QTest::newRow("delayed job") << QByteArray(
        "job:\n  script: x\n  when: delayed\n  start_in: 30 minutes\n  timeout: 3h 30m\n")
                                 << QStringList();
    QTest::newRow("allow failure exit codes")
        << QByteArray("job:\n  script: x\n  allow_failure:\n    exit_codes: 137\n") << QStringList();
    QTest::newRow("coverage regex") << QByteArray("job:\n  script: x\n  coverage: '/Code coverage: \\d+\\.\\d+/'\n")
                                    << QStringList();
    QTest::newRow("hooks and inherit") << QByteArray(
        "job:\n  script: x\n  hooks:\n    pre_get_sources_script: [echo hi]\n  inherit:\n    default: [image, retry]\n "
        "   variables: false\n") << QStringList();
    QTest::newRow("variable forms") << QByteArray(
        "variables:\n  DEPLOY:\n    value: staging\n    description: Where\n    options: [staging, production]\n    "
        "expand: false\njob:\n  script: x\n  variables:\n    N: 1\n    B:\n      value: $A\n      expand: false\n")
                                    << QStringList();
    QTest::newRow("trigger include artifact")
        << QByteArray("gen:\n  stage: build\n  script: x\nchild:\n  trigger:\n    include:\n      - artifact: "
                      "generated.yml\n        job: gen\n    strategy: depend\n")
        << QStringList();
    QTest::newRow("trigger include forms") << QByteArray(
        "child:\n  trigger:\n    include:\n      - project: group/other\n        file: [/ci/a.yml]\n        ref: "
        "main\n      - template: Jobs/SAST.gitlab-ci.yml\n      - component: gitlab.com/g/c/x@1.0\n        inputs: "
        "{stage: test}\n    forward:\n      yaml_variables: true\n      pipeline_variables: false\n")
                                           << QStringList();
    QTest::newRow("trigger project") << QByteArray("down:\n  trigger:\n    project: group/other\n    branch: main\n    "
                                                   "strategy: mirror\n    inputs: {env: prod}\n")
                                     << QStringList();
    QTest::newRow("nested stages") << QByteArray(
        "stages:\n  - [build, lint]\n  - test\n  - - deploy\njob:\n  stage: lint\n  script: x\n")
                                   << QStringList();
    QTest::newRow("include forms") << QByteArray(
        "include:\n  - project: group/other\n    file: [a.yml, b.yml]\n    ref: v1\n  - remote: "
        "https://example.com/ci.yml\n  - template: Auto-DevOps.gitlab-ci.yml\n  - component: "
        "$CI_SERVER_FQDN/g/c/x@1.0\n    inputs: {stage: test}\n    rules:\n      - if: $A\n        when: never\njob:\n "
        " script: x\n") << QStringList();
    QTest::newRow("workflow") << QByteArray(
        "workflow:\n  name: Pipeline $CI_COMMIT_BRANCH\n  auto_cancel:\n    on_new_commit: interruptible\n    "
        "on_job_failure: all\n  rules:\n    - if: $CI_MERGE_REQUEST_IID\n      auto_cancel: {on_new_commit: none}\n    "
        "- when: always\njob:\n  script: x\n")
                              << QStringList();
    QTest::newRow("only except map") << QByteArray(
        "job:\n  script: x\n  only:\n    refs: [main]\n    variables: [$A == \"b\"]\n    changes: [src/*]\n  except:\n "
        "   kubernetes: active\n") << QStringList();
    QTest::newRow("manual confirmation") << QByteArray(
        "job:\n  script: x\n  when: manual\n  manual_confirmation: Are you sure?\n")
                                         << QStringList();
    QTest::newRow("cache key three files")
        << QByteArray("job:\n  script: x\n  cache:\n    key:\n      files: [a, b, c]\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.too-many-items")};
    QTest::newRow("cache key with slash") << QByteArray("job:\n  script: x\n  cache:\n    key: feature/x\n")
                                          << QStringList{QStringLiteral(".gitlab-ci.yml:4:10:gitlab.invalid-format")};
    QTest::newRow("five caches") << QByteArray(
        "job:\n  script: x\n  cache:\n    - key: a\n    - key: b\n    - key: c\n    - key: d\n    - key: e\n")
                                 << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.too-many-items")};
    QTest::newRow("cache policy") << QByteArray("job:\n  script: x\n  cache:\n    policy: pull-only\n")
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:4:13:gitlab.invalid-value")};
    QTest::newRow("cache key prefix alone") << QByteArray("job:\n  script: x\n  cache:\n    key:\n      prefix: p\n")
                                            << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.missing-key")};
    QTest::newRow("image entrypoint string")
        << QByteArray("job:\n  script: x\n  image:\n    name: a\n    entrypoint: /bin/sh\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:17:gitlab.wrong-type")};
    QTest::newRow("image docker unknown key")
        << QByteArray("job:\n  script: x\n  image:\n    name: a\n    docker: {arch: arm}\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:14:gitlab.unknown-key")};
    QTest::newRow("image pull policy") << QByteArray(
        "job:\n  script: x\n  image:\n    name: a\n    pull_policy: sometimes\n")
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:5:18:gitlab.invalid-value")};
    QTest::newRow("service without name") << QByteArray("job:\n  script: x\n  services:\n    - alias: db\n")
                                          << QStringList{QStringLiteral(".gitlab-ci.yml:4:7:gitlab.missing-key")};
    QTest::newRow("artifacts expire_in") << QByteArray(
        "job:\n  script: x\n  artifacts:\n    paths: [a]\n    expire_in: soon\n")
                                         << QStringList{QStringLiteral(".gitlab-ci.yml:5:16:gitlab.invalid-format")};
    QTest::newRow("artifacts public and access")
        << QByteArray("job:\n  script: x\n  artifacts:\n    paths: [a]\n    public: false\n    access: none\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:6:5:gitlab.conflicting-keys")};
    QTest::newRow("artifacts access") << QByteArray("job:\n  script: x\n  artifacts:\n    access: everyone\n")
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:4:13:gitlab.invalid-value")};
    QTest::newRow("expose_as without paths") << QByteArray("job:\n  script: x\n  artifacts:\n    expose_as: out\n")
                                             << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.missing-key")};
    QTest::newRow("coverage format") << QByteArray(
        "job:\n  script: x\n  artifacts:\n    reports:\n      coverage_report: {coverage_format: lcov, path: a}\n")
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:42:gitlab.invalid-value")};
    QTest::newRow("coverage report without path")
        << QByteArray(
               "job:\n  script: x\n  artifacts:\n    reports:\n      coverage_report: {coverage_format: jacoco}\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:24:gitlab.missing-key")};
    QTest::newRow("unknown report") << QByteArray(
        "job:\n  script: x\n  artifacts:\n    reports:\n      junits: a.xml\n")
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.unknown-key")};
    QTest::newRow("dast unknown key") << QByteArray("job:\n  script: x\n  dast_configuration:\n    site: a\n")
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.unknown-key")};
    QTest::newRow("retry max") << QByteArray("job:\n  script: x\n  retry:\n    max: 3\n")
                               << QStringList{QStringLiteral(".gitlab-ci.yml:4:10:gitlab.out-of-range")};
    QTest::newRow("retry when") << QByteArray("job:\n  script: x\n  retry:\n    when: [always_fail]\n")
                                << QStringList{QStringLiteral(".gitlab-ci.yml:4:12:gitlab.invalid-value")};
    QTest::newRow("parallel zero") << QByteArray("job:\n  script: x\n  parallel: 0\n")
                                   << QStringList{QStringLiteral(".gitlab-ci.yml:3:13:gitlab.out-of-range")};
    QTest::newRow("matrix value mapping")
        << QByteArray("job:\n  script: x\n  parallel:\n    matrix:\n      - A: {b: c}\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:12:gitlab.wrong-type")};
    QTest::newRow("rules changes without paths")
        << QByteArray("job:\n  script: x\n  rules:\n    - changes:\n        compare_to: main\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:9:gitlab.missing-key")};
    QTest::newRow("rules exists ref without project")
        << QByteArray("job:\n  script: x\n  rules:\n    - exists:\n        paths: [a]\n        ref: main\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:6:9:gitlab.missing-key")};
    QTest::newRow("rules when") << QByteArray("job:\n  script: x\n  rules:\n    - when: later\n")
                                << QStringList{QStringLiteral(".gitlab-ci.yml:4:13:gitlab.invalid-value")};
    QTest::newRow("needs project without ref")
        << QByteArray("job:\n  script: x\n  needs:\n    - project: group/other\n      job: build\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:7:gitlab.missing-key")};
    QTest::newRow("needs entry without job") << QByteArray("job:\n  script: x\n  needs:\n    - artifacts: true\n")
                                             << QStringList{QStringLiteral(".gitlab-ci.yml:4:7:gitlab.missing-key")};
    QTest::newRow("id token without aud") << QByteArray("job:\n  script: x\n  id_tokens:\n    T:\n      audience: x\n")
                                          << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.missing-key"),
                                                         QStringLiteral(".gitlab-ci.yml:5:7:gitlab.unknown-key")};
    QTest::newRow("secret with two providers")
        << QByteArray("job:\n  script: x\n  secrets:\n    A:\n      vault: a/b@c\n      azure_key_vault: {name: x}\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:6:7:gitlab.conflicting-keys")};
    QTest::newRow("vault secret without field")
        << QByteArray("job:\n  script: x\n  secrets:\n    A:\n      vault:\n        engine: {name: kv-v2, path: ops}\n "
                      "       path: db\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:6:9:gitlab.missing-key")};
    QTest::newRow("secret without provider") << QByteArray("job:\n  script: x\n  secrets:\n    A:\n      file: true\n")
                                             << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.missing-key")};
    QTest::newRow("environment action") << QByteArray(
        "job:\n  script: x\n  environment:\n    name: a\n    action: deploy\n")
                                        << QStringList{QStringLiteral(".gitlab-ci.yml:5:13:gitlab.invalid-value")};
    QTest::newRow("environment tier") << QByteArray(
        "job:\n  script: x\n  environment:\n    name: a\n    deployment_tier: prod\n")
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:5:22:gitlab.invalid-value")};
    QTest::newRow("environment kubernetes key")
        << QByteArray("job:\n  script: x\n  environment:\n    name: a\n    kubernetes: {cluster: c}\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:18:gitlab.unknown-key")};
    QTest::newRow("release without tag") << QByteArray("job:\n  script: x\n  release:\n    name: a\n")
                                         << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.missing-key")};
    QTest::newRow("release link type") << QByteArray(
        "job:\n  script: x\n  release:\n    tag_name: v1\n    assets:\n      links:\n        - {name: a, url: "
        "'https://x', link_type: binary}\n")
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:7:50:gitlab.invalid-value")};
    QTest::newRow("release date") << QByteArray(
        "job:\n  script: x\n  release:\n    tag_name: v1\n    released_at: yesterday\n")
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:5:18:gitlab.invalid-format")};
    QTest::newRow("timeout") << QByteArray("job:\n  script: x\n  timeout: forever\n")
                             << QStringList{QStringLiteral(".gitlab-ci.yml:3:12:gitlab.invalid-format")};
    QTest::newRow("coverage without slashes")
        << QByteArray("job:\n  script: x\n  coverage: 'Total: \\d+%'\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:13:gitlab.invalid-format")};
    QTest::newRow("coverage invalid regex") << QByteArray("job:\n  script: x\n  coverage: '/(\\d+/'\n")
                                            << QStringList{QStringLiteral(".gitlab-ci.yml:3:13:gitlab.invalid-format")};
    QTest::newRow("allow failure exit code string")
        << QByteArray("job:\n  script: x\n  allow_failure:\n    exit_codes: [one]\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:18:gitlab.wrong-type")};
    QTest::newRow("inherit default keyword") << QByteArray("job:\n  script: x\n  inherit:\n    default: [imagee]\n")
                                             << QStringList{QStringLiteral(".gitlab-ci.yml:4:15:gitlab.invalid-value")};
    QTest::newRow("trigger include and project")
        << QByteArray("job:\n  trigger:\n    include:\n      template: a.yml\n    project: g/p\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:5:gitlab.conflicting-keys")};
    QTest::newRow("trigger artifact without job")
        << QByteArray("job:\n  trigger:\n    include:\n      - artifact: gen.yml\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:9:gitlab.missing-key")};
    QTest::newRow("trigger strategy") << QByteArray("job:\n  trigger:\n    project: g/p\n    strategy: wait\n")
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:4:15:gitlab.invalid-value")};
    QTest::newRow("script and trigger") << QByteArray("job:\n  script: x\n  trigger: g/p\n")
                                        << QStringList{QStringLiteral(".gitlab-ci.yml:3:3:gitlab.conflicting-keys")};
    QTest::newRow("include local and remote")
        << QByteArray("include:\n  - local: a.yml\n    remote: https://x/y.yml\njob:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:5:gitlab.conflicting-keys")};
    QTest::newRow("include file without project")
        << QByteArray("include:\n  - file: a.yml\njob:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:5:gitlab.missing-key")};
    QTest::newRow("include rules when") << QByteArray(
        "include:\n  - remote: https://example.com/a.yml\n    rules:\n      - when: manual\njob:\n  script: x\n")
                                        << QStringList{QStringLiteral(".gitlab-ci.yml:4:15:gitlab.invalid-value")};
    QTest::newRow("workflow rules when") << QByteArray(
        "workflow:\n  rules:\n    - when: on_success\njob:\n  script: x\n")
                                         << QStringList{QStringLiteral(".gitlab-ci.yml:3:13:gitlab.invalid-value")};
    QTest::newRow("auto cancel value") << QByteArray(
        "workflow:\n  auto_cancel:\n    on_new_commit: all\njob:\n  script: x\n")
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:3:20:gitlab.invalid-value")};
    QTest::newRow("hooks unknown key") << QByteArray("job:\n  script: x\n  hooks:\n    post_script: [a]\n")
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.unknown-key")};
    QTest::newRow("only kubernetes") << QByteArray("job:\n  script: x\n  only:\n    kubernetes: inactive\n")
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:4:17:gitlab.invalid-value")};
    QTest::newRow("tags mapping") << QByteArray("job:\n  script: x\n  tags: {a: b}\n")
                                  << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.wrong-type")};
    QTest::newRow("variable expand string")
        << QByteArray("job:\n  script: x\n  variables:\n    A:\n      value: b\n      expand: no-way\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:6:15:gitlab.wrong-type")};
    QTest::newRow("trigger job with runner keywords")
        << QByteArray("child:\n  image: alpine\n  trigger: g/p\n  rules:\n    - when: always\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:3:gitlab.trigger-job-keyword")};
    QTest::newRow("trigger job needs another project")
        << QByteArray("child:\n  trigger: g/p\n  needs:\n    - project: g/o\n      job: a\n      ref: main\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:7:gitlab.trigger-job-keyword")};
    QTest::newRow("rule start_in without delayed")
        << QByteArray("job:\n  script: x\n  rules:\n    - when: manual\n      start_in: 1 hour\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.start-in-without-delayed")};
    QTest::newRow("delayed rule without start_in")
        << QByteArray("job:\n  script: x\n  rules:\n    - when: delayed\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:13:gitlab.delayed-without-start-in")};
    QTest::newRow("delayed rule, start_in on the job")
        << QByteArray("job:\n  script: x\n  start_in: 5 minutes\n  rules:\n    - when: delayed\n") << QStringList();
    QTest::newRow("environment name characters")
        << QByteArray("job:\n  script: x\n  environment: review/app!\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:16:gitlab.invalid-format")};
    QTest::newRow("environment name with a trailing slash")
        << QByteArray("job:\n  script: x\n  environment:\n    name: review/\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:11:gitlab.invalid-format")};
    QTest::newRow("resource group characters")
        << QByteArray("job:\n  script: x\n  resource_group: prod#1\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:19:gitlab.invalid-format")};
    QTest::newRow("environment and resource group names")
        << QByteArray("job:\n  script: x\n  environment: review/${CI_COMMIT_REF_SLUG}\n  resource_group: prod.eu 1\n")
        << QStringList();
    QTest::newRow("start_in over a week") << QByteArray("job:\n  script: x\n  when: delayed\n  start_in: 2 weeks\n")
                                          << QStringList{QStringLiteral(".gitlab-ci.yml:4:13:gitlab.invalid-format")};
    QTest::newRow("start_in of a week") << QByteArray("job:\n  script: x\n  when: delayed\n  start_in: 7 days\n")
                                        << QStringList();
    QTest::newRow("boolean variable") << QByteArray(
        "variables:\n  DEBUG: true\njob:\n  script: x\n  variables:\n    QUIET: 'true'\n    N: 3\n")
                                      << QStringList{QStringLiteral(".gitlab-ci.yml:2:10:gitlab.wrong-type")};
    QTest::newRow("expose_as characters")
        << QByteArray("job:\n  script: x\n  artifacts:\n    paths: [a]\n    expose_as: 'report <html>'\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:16:gitlab.invalid-format")};
    QTest::newRow("environment url") << QByteArray(
        "job:\n  script: x\n  environment:\n    name: prod\n    url: example.com\n")
                                     << QStringList{QStringLiteral(".gitlab-ci.yml:5:10:gitlab.invalid-format")};
    QTest::newRow("include of a file that is not YAML")
        << QByteArray("include:\n  - local: ci/jobs.txt\n  - project: g/p\n    file: [a.yml, b.json]\n"
                      "job:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:12:gitlab.invalid-format"),
                       QStringLiteral(".gitlab-ci.yml:4:19:gitlab.invalid-format")};
    QTest::newRow("include string that is not YAML")
        << QByteArray("include: ci/jobs.txt\njob:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:1:10:gitlab.invalid-format")};
    QTest::newRow("component without version")
        << QByteArray("include:\n  - component: gitlab.com/g/p/lint\njob:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:16:gitlab.invalid-format")};
    QTest::newRow("job when never") << QByteArray("job:\n  script: x\n  when: never\n")
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:3:9:gitlab.invalid-value")};
    QTest::newRow("rule when never") << QByteArray(
        "job:\n  script: x\n  rules:\n    - if: $A\n      when: never\n    - when: on_success\n")
                                     << QStringList();
    QTest::newRow("rules changes as a string") << QByteArray("job:\n  script: x\n  rules:\n    - changes: '*.md'\n")
                                               << QStringList{QStringLiteral(".gitlab-ci.yml:4:16:gitlab.wrong-type")};
    QTest::newRow("delayed trigger job") << QByteArray("child:\n  trigger: g/p\n  when: delayed\n")
                                         << QStringList{
                                                QStringLiteral(".gitlab-ci.yml:3:9:gitlab.delayed-without-start-in"),
                                                QStringLiteral(".gitlab-ci.yml:3:9:gitlab.trigger-job-keyword")};
    QTest::newRow("job name too long") << QByteArray(QByteArray(256, 'j') + ":\n  script: x\n")
                                       << QStringList{QStringLiteral(".gitlab-ci.yml:1:1:gitlab.job-name-too-long")};
    QTest::newRow("job name of 255 characters")
        << QByteArray(QByteArray(255, 'j') + ":\n  script: x\n") << QStringList();
    QTest::newRow("default with a job-only keyword")
        << QByteArray("default:\n  stage: build\njob:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:2:3:gitlab.unknown-key")};
    QTest::newRow("service ports") << QByteArray("job:\n  script: x\n  services:\n    - name: web\n      ports:\n"
                                                 "        - number: 8080\n")
                                   << QStringList();
    QTest::newRow("trigger branch without project")
        << QByteArray("child:\n  trigger:\n    include: [{template: a.yml}]\n    branch: main\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:5:gitlab.missing-key")};
    QTest::newRow("integrity without remote")
        << QByteArray("include:\n  - template: a.yml\n    integrity: sha256-abc\njob:\n  script: x\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:5:gitlab.missing-key")};
    QTest::newRow("needs from another project and pipeline")
        << QByteArray("job:\n  script: x\n  needs:\n    - project: g/p\n      pipeline: '1'\n      job: a\n"
                      "      ref: main\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:5:7:gitlab.conflicting-keys")};
    QTest::newRow("cache key files and files_commits")
        << QByteArray("job:\n  script: x\n  cache:\n    key:\n      files: [a]\n      files_commits: [b]\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:6:7:gitlab.conflicting-keys")};
    QTest::newRow("script line that is not a string")
        << QByteArray("job:\n  script:\n    - make\n    - true\n  after_script: ['true']\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:4:7:gitlab.wrong-type")};
    QTest::newRow("script line read as a mapping")
        << QByteArray("job:\n  script:\n    - echo 'hello: world'\n")
        << QStringList{QStringLiteral(".gitlab-ci.yml:3:7:gitlab.wrong-type")};
    QTest::newRow("stage and type") << QByteArray("job:\n  script: x\n  stage: test\n  type: test\n")
                                    << QStringList{QStringLiteral(".gitlab-ci.yml:4:3:gitlab.conflicting-keys")};
}

void TestGitLabPipeline::keywordValues()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics);
    normalizeDiagnostics(diagnostics);
    QCOMPARE(describe(diagnostics, Severity::Error).join(u' '), expected.join(u' '));
    for (const Diagnostic& d : std::as_const(diagnostics)) {
        QVERIFY(d.line > 0 && d.column > 0);
        QVERIFY(!d.message.isEmpty());
    }
}

void TestGitLabPipeline::nestedStages()
{
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(
        "stages:\n  - [build, lint]\n  - test\n  - - deploy\njob:\n  stage: deploy\n  script: x\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(model.stages,
             (QStringList{QStringLiteral(".pre"), QStringLiteral("build"), QStringLiteral("lint"),
                          QStringLiteral("test"), QStringLiteral("deploy"), QStringLiteral(".post")}));
}

void TestGitLabPipeline::linearOnLongNeedsChain()
{
    // 40,000 jobs, each needing the previous one: every check must stay linear (and not recurse that deep).
    QByteArray text = "stages: [test]\n";
    constexpr int count = 40000;
    text.reserve(count * 40);
    for (int i = 0; i < count; ++i) {
        text += "j" + QByteArray::number(i) + ":\n  script: x\n";
        if (i > 0)
            text += "  needs: [j" + QByteArray::number(i - 1) + "]\n";
    }
    QElapsedTimer timer;
    timer.start();
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(model.jobs.size(), count);
    QCOMPARE(describe(diagnostics), QStringList());
    // Generous bound for a Debug build on a loaded shared machine; quadratic work would take many minutes.
    QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed())));
}

void TestGitLabPipeline::deepExtendsMerge()
{
    const QByteArray text = ".base:\n"
                            "  image: alpine:3.19\n"
                            "  variables: {A: '1', B: '1'}\n"
                            "  script: [base]\n"
                            "  artifacts: {paths: [a], when: always}\n"
                            ".mid:\n"
                            "  extends: .base\n"
                            "  variables: {B: '2'}\n"
                            "  artifacts: {paths: [m]}\n"
                            ".other:\n"
                            "  image: debian:12\n"
                            "job:\n"
                            "  extends: [.mid, .other]\n"
                            "  variables: {C: '3'}\n"
                            "  script: [own]\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* j = job(model, QStringLiteral("job"));
    QVERIFY(j);
    // Hashes merge key by key, arrays and scalars replace; later parents win over earlier ones.
    QCOMPARE(j->config.get(u"variables")->keyNames(),
             (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(j->config.get(u"variables")->get(u"B")->value, QStringLiteral("2"));
    QCOMPARE(j->config.get(u"script")->toStringList(), QStringList{QStringLiteral("own")});
    QCOMPARE(j->config.get(u"artifacts")->get(u"paths")->toStringList(), QStringList{QStringLiteral("m")});
    QCOMPARE(j->config.get(u"artifacts")->get(u"when")->value, QStringLiteral("always"));
    QCOMPARE(j->image, QStringLiteral("debian:12"));
    QVERIFY(!j->config.contains(u"extends"));
    // The inherited value still points at its definition.
    QCOMPARE(j->config.get(u"variables")->get(u"A")->line, 3);
}

void TestGitLabPipeline::referencesInScriptsAndRules()
{
    const QByteArray text = ".setup:\n"
                            "  script:\n"
                            "    - echo one\n"
                            "    - echo two\n"
                            ".rules:\n"
                            "  rules:\n"
                            "    - if: $CI_COMMIT_TAG\n"
                            "      when: manual\n"
                            ".tmpl:\n"
                            "  extends: .setup\n"
                            "job:\n"
                            "  script:\n"
                            "    - !reference [.tmpl, script]\n"
                            "    - echo three\n"
                            "  rules:\n"
                            "    - !reference [.rules, rules]\n"
                            "    - when: never\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* j = job(model, QStringLiteral("job"));
    QVERIFY(j);
    QCOMPARE(j->config.get(u"script")->toStringList(),
             (QStringList{QStringLiteral("echo one"), QStringLiteral("echo two"), QStringLiteral("echo three")}));
    const YamlNode* rules = j->config.get(u"rules");
    QCOMPARE(rules->size(), 2);
    QCOMPARE(rules->items[0].get(u"when")->value, QStringLiteral("manual"));
    QCOMPARE(rules->items[0].line, 7);
}

void TestGitLabPipeline::anchorsWithMergeKeys()
{
    const QByteArray text = ".tmpl: &tmpl\n"
                            "  image: alpine:3\n"
                            "  tags: [docker]\n"
                            "  script: [a]\n"
                            "job:\n"
                            "  <<: *tmpl\n"
                            "  tags: [shell]\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    const PipelineJob* j = job(model, QStringLiteral("job"));
    QVERIFY(j);
    QCOMPARE(j->image, QStringLiteral("alpine:3"));
    QCOMPARE(j->config.get(u"tags")->toStringList(), QStringList{QStringLiteral("shell")});
    QCOMPARE(j->config.get(u"script")->toStringList(), QStringList{QStringLiteral("a")});
}

void TestGitLabPipeline::matrixNames_data()
{
    QTest::addColumn<QByteArray>("parallel");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("number") << QByteArray(
        "3") << QStringList{QStringLiteral("job 1/3"), QStringLiteral("job 2/3"), QStringLiteral("job 3/3")};
    QTest::newRow("matrix product") << QByteArray(
        "\n    matrix:\n      - PROVIDER: [aws, gcp]\n        STACK: [a, b]\n")
                                    << QStringList{QStringLiteral("job: [aws, a]"), QStringLiteral("job: [aws, b]"),
                                                   QStringLiteral("job: [gcp, a]"), QStringLiteral("job: [gcp, b]")};
    QTest::newRow("matrix scalars and entries")
        << QByteArray("\n    matrix:\n      - PROVIDER: ovh\n        STACK: [x]\n      - PROVIDER: [aws]\n")
        << QStringList{QStringLiteral("job: [ovh, x]"), QStringLiteral("job: [aws]")};
}

void TestGitLabPipeline::matrixNames()
{
    QFETCH(QByteArray, parallel);
    QFETCH(QStringList, names);
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze("job:\n  script: x\n  parallel: " + parallel + "\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QStringList got;
    for (const PipelineJob& j : model.jobs) {
        got << j.name;
        QCOMPARE(j.baseName, QStringLiteral("job"));
    }
    QCOMPARE(got, names);
}

void TestGitLabPipeline::needsOnParallelJob()
{
    const QByteArray text = "stages: [build, test]\n"
                            "build:\n  stage: build\n  script: x\n  parallel: 2\n"
                            "test:\n  stage: test\n  script: x\n  needs: [build, 'build 1/2']\n";
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
}

void TestGitLabPipeline::defaultsAndInherit()
{
    const QByteArray text = "default:\n  image: ruby:3.3\n  before_script: [setup]\n"
                            "a:\n  script: x\n"
                            "b:\n  script: x\n  inherit:\n    default: [before_script]\n"
                            "c:\n  script: x\n  image: alpine:3\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(job(model, QStringLiteral("a"))->image, QStringLiteral("ruby:3.3"));
    QVERIFY(job(model, QStringLiteral("a"))->config.contains(u"before_script"));
    QCOMPARE(job(model, QStringLiteral("b"))->image, QString());
    QVERIFY(job(model, QStringLiteral("b"))->config.contains(u"before_script"));
    QCOMPARE(job(model, QStringLiteral("c"))->image, QStringLiteral("alpine:3"));
}

void TestGitLabPipeline::stages()
{
    QList<Diagnostic> diagnostics;
    PipelineModel model = analyze("job:\n  script: x\n", diagnostics);
    QCOMPARE(model.stages,
             (QStringList{QStringLiteral(".pre"), QStringLiteral("build"), QStringLiteral("test"),
                          QStringLiteral("deploy"), QStringLiteral(".post")}));
    QCOMPARE(model.jobs.first().stage, QStringLiteral("test"));
    model = analyze("stages: [lint, .post, ship]\njob:\n  stage: ship\n  script: x\n", diagnostics);
    QCOMPARE(
        model.stages,
        (QStringList{QStringLiteral(".pre"), QStringLiteral("lint"), QStringLiteral("ship"), QStringLiteral(".post")}));
}

void TestGitLabPipeline::includeLocalMerge()
{
    const Files files{{QStringLiteral("ci/base.yml"),
                       "variables:\n  A: base\n  B: base\nbuild:\n  script: [make]\n  variables: {X: '1'}\n"}};
    const QByteArray text = "include:\n  - local: ci/base.yml\nvariables:\n  B: main\nbuild:\n  variables: {Y: '2'}\n";
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze(text, diagnostics, files);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(model.files, (QStringList{QStringLiteral(".gitlab-ci.yml"), QStringLiteral("ci/base.yml")}));
    const PipelineJob* build = job(model, QStringLiteral("build"));
    QVERIFY(build);
    QCOMPARE(build->file, QStringLiteral(".gitlab-ci.yml"));
    QCOMPARE(build->config.get(u"script")->toStringList(), QStringList{QStringLiteral("make")});
    QCOMPARE(build->config.get(u"variables")->keyNames(), (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
    QCOMPARE(model.merged.get(u"variables")->get(u"B")->value, QStringLiteral("main"));
    QCOMPARE(model.merged.get(u"variables")->get(u"A")->value, QStringLiteral("base"));
    QVERIFY(!model.merged.contains(u"include"));
}

void TestGitLabPipeline::includeWildcard()
{
    const Files files{{QStringLiteral(".gitlab/ci/a.gitlab-ci.yml"), "a:\n  script: x\n"},
                      {QStringLiteral(".gitlab/ci/b.gitlab-ci.yml"), "b:\n  script: x\n"},
                      {QStringLiteral(".gitlab/other.yml"), "c:\n  script: x\n"}};
    QList<Diagnostic> diagnostics;
    const PipelineModel model = analyze("include: '.gitlab/ci/*.gitlab-ci.yml'\n", diagnostics, files);
    QCOMPARE(describe(diagnostics), QStringList());
    QStringList names;
    for (const PipelineJob& j : model.jobs)
        names << j.name;
    QCOMPARE(names, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestGitLabPipeline::specHeader()
{
    QList<Diagnostic> diagnostics;
    const PipelineModel model
        = analyze("spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  script: x\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList());
    QCOMPARE(model.jobs.size(), 1);
    analyze("spec:\n  inputz: {}\n---\njob:\n  script: x\n", diagnostics);
    QCOMPARE(describe(diagnostics), QStringList{QStringLiteral(".gitlab-ci.yml:2:3:gitlab.unknown-key")});
}

void TestGitLabPipeline::fragmentIsLenient()
{
    // An included fragment may use templates, stages and jobs of the file that includes it.
    const QByteArray text = "test:\n  extends: .defined-elsewhere\n  stage: verify\n  needs: [build]\n";
    QList<Diagnostic> diagnostics;
    analyze(text, diagnostics, {}, QStringLiteral(".gitlab/ci/test.gitlab-ci.yml"));
    QCOMPARE(describe(diagnostics, Severity::Error), QStringList());
    QCOMPARE(describe(diagnostics).size(), 3);
    diagnostics.clear();
    analyze(text, diagnostics);
    QCOMPARE(describe(diagnostics, Severity::Error).size(), 3);
}

QTEST_GUILESS_MAIN(TestGitLabPipeline)
#include "tst_gitlabpipeline.moc"
