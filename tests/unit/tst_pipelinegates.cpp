// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineGates.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScanApplicability.h"

#include <QTest>

#include "GateFindings.h"

using namespace gatehouse::pipeline;
using gatehouse::test::gateFindings;
using namespace Qt::StringLiterals;

using Files = QHash<QString, QByteArray>; // path → content

class TestPipelineGates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gates_data();
    void gates();
    void jobGates();
    void policy();
    void policyProblems_data();
    void policyProblems();
    void secretReason_data();
    void secretReason();
    void catalog();
    void scanKinds_data();
    void scanKinds();
    void repositoryWorkflows_data();
    void repositoryWorkflows();
    void applicability_data();
    void applicability();
    void mainPipeline();
};

void TestPipelineGates::gates_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("gate");
    QTest::addColumn<QStringList>("expected"); // line:column:severity

    const QString gl = QStringLiteral(".gitlab-ci.yml");
    const QString gh = QStringLiteral(".github/workflows/ci.yml");
    const QByteArray scans = "sast:\n  script: semgrep ci\ndeps:\n  script: pip-audit\n"
                             "images:\n  script: trivy image app\nsecrets:\n  script: gitleaks detect\n";

    QTest::newRow("scans missing") << gl << QByteArray("build:\n  script: make\n")
                                   << QStringLiteral("security-scanning")
                                   << QStringList(4, QStringLiteral("1:1:warning"));
    QTest::newRow("scans present") << gl << scans << QStringLiteral("security-scanning") << QStringList();
    QTest::newRow("scans from templates")
        << gl
        << QByteArray(
               "include:\n  - template: Jobs/SAST.gitlab-ci.yml\n  - template: Jobs/Secret-Detection.gitlab-ci.yml\n"
               "  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n  - template: "
               "Jobs/Container-Scanning.gitlab-ci.yml\n"
               "build:\n  script: make\n")
        << QStringLiteral("security-scanning") << QStringList();
    // security-blocking: the repository's own allow_failure is an error, GitLab's templates' a warning.
    QTest::newRow("security job allowed to fail")
        << gl << QByteArray("sast:\n  script: semgrep ci\n  allow_failure: true\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("3:18:error")};
    QTest::newRow("security job allowed to fail through extends")
        << gl
        << QByteArray(".scan:\n  allow_failure: true\ntrivy:\n  extends: .scan\n  script: trivy image app\n"
                      "grype:\n  extends: .scan\n  script: grype app\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("2:18:error")};
    QTest::newRow("security job blocking")
        << gl << QByteArray("sast:\n  script: semgrep ci\n") << QStringLiteral("security-blocking") << QStringList();
    QTest::newRow("other job allowed to fail")
        << gl << QByteArray("docs:\n  script: make docs\n  allow_failure: true\n")
        << QStringLiteral("security-blocking") << QStringList();
    QTest::newRow("github security step continue-on-error")
        << gh
        << QByteArray(
               "on: push\njobs:\n  scan:\n    runs-on: x\n    steps:\n      - uses: github/codeql-action/analyze@v3\n"
               "        continue-on-error: true\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("7:28:error")};
    QTest::newRow("github security job continue-on-error")
        << gh
        << QByteArray("on: push\njobs:\n  scan:\n    runs-on: x\n    continue-on-error: true\n    steps:\n"
                      "      - run: semgrep ci\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("5:24:error")};
    QTest::newRow("template job override inherits allow_failure")
        << gl
        << QByteArray("include:\n  - template: Security/SAST.gitlab-ci.yml\nsemgrep-sast:\n  variables:\n"
                      "    SAST_EXCLUDED_PATHS: spec\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("3:1:warning")};
    QTest::newRow("template job override blocks")
        << gl
        << QByteArray("include:\n  - template: Jobs/Secret-Detection.gitlab-ci.yml\nsecret_detection:\n"
                      "  allow_failure: false\n")
        << QStringLiteral("security-blocking") << QStringList();
    QTest::newRow("template job override sets allow_failure itself")
        << gl
        << QByteArray("include:\n  - template: Jobs/Container-Scanning.gitlab-ci.yml\ncontainer_scanning:\n"
                      "  allow_failure: true\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("4:18:error")};
    QTest::newRow("own scan next to a template")
        << gl << QByteArray("include:\n  - template: Security/SAST.gitlab-ci.yml\nmy-scan:\n  script: semgrep ci\n")
        << QStringLiteral("security-blocking") << QStringList();
    QTest::newRow("gitlab's own template file")
        << QStringLiteral("lib/gitlab/ci/templates/Jobs/SAST.gitlab-ci.yml")
        << QByteArray(".sast-analyzer:\n  allow_failure: true\nsemgrep-sast:\n  extends: .sast-analyzer\n"
                      "  script: /analyzer run\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("2:18:warning")};
    QTest::newRow("gitlab's analyzer image")
        << gl
        << QByteArray("secret_detection:\n  image: $CI_TEMPLATE_REGISTRY_HOST/security-products/secrets:6\n"
                      "  allow_failure: true\n  script: /analyzer run\n")
        << QStringLiteral("security-blocking") << QStringList{QStringLiteral("3:18:warning")};
    QTest::newRow("deploy before tests")
        << gl
        << QByteArray(
               "stages: [deploy, test]\ndeploy:\n  stage: deploy\n  script: x\ntest:\n  stage: test\n  script: y\n")
        << QStringLiteral("deploy-after-validation") << QStringList{QStringLiteral("2:1:warning")};
    QTest::newRow("deploy after tests")
        << gl << QByteArray("test:\n  stage: test\n  script: y\ndeploy:\n  stage: deploy\n  script: x\n")
        << QStringLiteral("deploy-after-validation") << QStringList();
    QTest::newRow("deploy with empty needs")
        << gl << QByteArray("test:\n  stage: test\n  script: y\ndeploy:\n  stage: deploy\n  script: x\n  needs: []\n")
        << QStringLiteral("deploy-after-validation") << QStringList{QStringLiteral("7:10:warning")};
    QTest::newRow("production automatic")
        << gl
        << QByteArray(
               "staging:\n  stage: deploy\n  script: x\n  environment: staging\nprod:\n  stage: .post\n  script: "
               "x\n  environment: production\n")
        << QStringLiteral("production-approval") << QStringList{QStringLiteral("8:16:warning")};
    QTest::newRow("production manual after staging")
        << gl
        << QByteArray(
               "staging:\n  stage: deploy\n  script: x\n  environment: staging\nprod:\n  stage: .post\n  script: "
               "x\n  environment: production\n  when: manual\n")
        << QStringLiteral("production-approval") << QStringList();
    QTest::newRow("production without staging")
        << gl
        << QByteArray(
               "prod:\n  stage: deploy\n  script: x\n  environment: {name: prod}\n  rules:\n    - when: manual\n")
        << QStringLiteral("production-approval") << QStringList{QStringLiteral("4:16:info")};
    QTest::newRow("github production environment")
        << gh
        << QByteArray("on: push\njobs:\n  d:\n    runs-on: x\n    environment: production\n    steps: [{run: a}]\n")
        << QStringLiteral("production-approval")
        << QStringList{QStringLiteral("5:18:info"), QStringLiteral("5:18:info")};
    QTest::newRow("plaintext secret")
        << gl
        << QByteArray("variables:\n  DB_PASSWORD: hunter2hunter2\n  TOKEN: $CI_JOB_TOKEN\nb:\n  script: x\n  "
                      "variables:\n    AWS_KEY: AKIAIOSFODNN7EXAMPLE\n")
        << QStringLiteral("no-plaintext-secrets")
        << QStringList{QStringLiteral("2:16:error"), QStringLiteral("7:14:error")};
    QTest::newRow("github env secret") << gh
                                       << QByteArray("on: push\njobs:\n  d:\n    runs-on: x\n    env:\n      "
                                                     "API_TOKEN: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"
                                                     "      SAFE: ${{ secrets.API_TOKEN }}\n    steps: [{run: a}]\n")
                                       << QStringLiteral("no-plaintext-secrets")
                                       << QStringList{QStringLiteral("6:18:error")};
    QTest::newRow("images")
        << gl
        << QByteArray(
               "a:\n  image: alpine\n  script: x\nb:\n  image: alpine:latest\n  script: x\nc:\n  image: "
               "alpine:3.19\n  script: x\nd:\n  image: alpine@sha256:0123456789abcdef\n  script: x\ne:\n  image: "
               "$IMAGE\n  script: x\n")
        << QStringLiteral("pinned-images")
        << QStringList{QStringLiteral("2:10:warning"), QStringLiteral("5:10:warning"), QStringLiteral("8:10:info")};
    QTest::newRow("actions")
        << gh
        << QByteArray(
               "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n"
               "      - uses: some/action@v1\n      - uses: other/action@0123456789abcdef0123456789abcdef01234567\n"
               "      - uses: ./local\n")
        << QStringLiteral("pinned-actions") << QStringList{QStringLiteral("8:15:warning")};
    QTest::newRow("github timeouts")
        << gh
        << QByteArray("on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n  b:\n    runs-on: x\n    "
                      "timeout-minutes: 20\n    steps: [{run: a}]\n")
        << QStringLiteral("job-timeouts") << QStringList{QStringLiteral("3:3:info")};
    QTest::newRow("gitlab long timeout") << gl << QByteArray("a:\n  script: x\n  timeout: 3h 30m\n")
                                         << QStringLiteral("job-timeouts") << QStringList{QStringLiteral("3:12:info")};
    QTest::newRow("permissions missing") << gh
                                         << QByteArray("on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n")
                                         << QStringLiteral("restricted-permissions")
                                         << QStringList{QStringLiteral("3:3:warning")};
    QTest::newRow("permissions write-all")
        << gh << QByteArray("on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n")
        << QStringLiteral("restricted-permissions") << QStringList{QStringLiteral("2:14:warning")};
    QTest::newRow("pull_request_target head checkout")
        << gh
        << QByteArray("on: pull_request_target\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n"
                      "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ "
                      "github.event.pull_request.head.sha }}\n")
        << QStringLiteral("untrusted-checkout") << QStringList{QStringLiteral("9:16:error")};
    QTest::newRow("script injection")
        << gh
        << QByteArray("on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo \"${{ "
                      "github.event.issue.title }}\"\n"
                      "      - run: echo \"$TITLE\"\n        env:\n          TITLE: ${{ github.event.issue.title }}\n")
        << QStringLiteral("script-injection") << QStringList{QStringLiteral("6:14:error")};
    // base.ref and the number belong to the repository; the head branch name and commit messages do not.
    QTest::newRow("trusted event fields")
        << gh
        << QByteArray(
               "on: pull_request\njobs:\n  a:\n    runs-on: x\n    steps:\n"
               "      - run: echo ${{ github.event.pull_request.base.ref }} ${{ github.event.pull_request.number }}\n"
               "      - run: echo ${{ github.event.pull_request.head.ref }} ${{ github.event.commits[0].message }}\n")
        << QStringLiteral("script-injection")
        << QStringList{QStringLiteral("7:14:error"), QStringLiteral("7:14:error")};
}

void TestPipelineGates::gates()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, text);
    QFETCH(QString, gate);
    QFETCH(QStringList, expected);
    const ValidationResult result = validatePipeline(text, path);
    QCOMPARE(gateFindings(result, gate), expected);
}

void TestPipelineGates::jobGates()
{
    const ValidationResult result
        = validatePipeline("test:\n  stage: test\n  image: python:3.12\n  script: semgrep ci\n"
                           "  timeout: 10m\ndeploy:\n  stage: deploy\n  script: x\n",
                           QStringLiteral(".gitlab-ci.yml"));
    const PipelineJob* test = result.model.job(QStringLiteral("test"));
    const PipelineJob* deploy = result.model.job(QStringLiteral("deploy"));
    QVERIFY(test && deploy);
    // python:3.12 is a version tag, not a pin: the pinned-images gate is not met.
    QCOMPARE(test->gates,
             (QStringList{QStringLiteral("security-scanning"), QStringLiteral("security-blocking"),
                          QStringLiteral("job-timeouts")}));
    QCOMPARE(deploy->gates, QStringList{QStringLiteral("deploy-after-validation")});
}

void TestPipelineGates::policy()
{
    QList<Diagnostic> problems;
    const GatePolicy policy = GatePolicy::parse("gates:\n  pinned-images:\n    severity: error\n  job-timeouts: false\n"
                                                "  security-scanning:\n    parameters:\n      required: [sast]\n",
                                                QStringLiteral(".gatehouse/policy.yml"), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(policy.severity(QStringLiteral("pinned-images")), Severity::Error);
    QVERIFY(!policy.isEnabled(QStringLiteral("job-timeouts")));
    ValidationOptions options;
    options.policy = policy;
    const ValidationResult result = validatePipeline("a:\n  image: alpine\n  script: x\n  timeout: 5h\n",
                                                     QStringLiteral(".gitlab-ci.yml"), options);
    QCOMPARE(gateFindings(result, QStringLiteral("pinned-images")), QStringList{QStringLiteral("2:10:error")});
    QCOMPARE(gateFindings(result, QStringLiteral("job-timeouts")), QStringList());
    QCOMPARE(gateFindings(result, QStringLiteral("security-scanning")), QStringList{QStringLiteral("1:1:warning")});
}

void TestPipelineGates::policyProblems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("severity");
    // Other checks may share the file, so an unknown gate id is only a warning (with a suggestion).
    QTest::newRow("unknown gate") << QByteArray("gates:\n  pinned-image: {enabled: false}\n") << QStringLiteral("2:3")
                                  << int(Severity::Warning);
    QTest::newRow("bad severity") << QByteArray("gates:\n  pinned-images: {severity: fatal}\n")
                                  << QStringLiteral("2:29") << int(Severity::Error);
    QTest::newRow("bad key") << QByteArray("gates:\n  pinned-images:\n    enable: false\n") << QStringLiteral("3:5")
                             << int(Severity::Error);
    QTest::newRow("no gates") << QByteArray("pinned-images: {}\n") << QStringLiteral("1:1") << int(Severity::Error);
    QTest::newRow("syntax") << QByteArray("gates: [\n") << QStringLiteral("2:1") << int(Severity::Error);
}

void TestPipelineGates::policyProblems()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QList<Diagnostic> problems;
    GatePolicy::parse(text, QStringLiteral("p.yml"), &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(QStringLiteral("%1:%2").arg(problems[0].line).arg(problems[0].column), expected);
    QFETCH(int, severity);
    QCOMPARE(int(problems[0].severity), severity);
}

void TestPipelineGates::secretReason_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("secret");
    QTest::newRow("password literal") << QStringLiteral("DB_PASSWORD") << QStringLiteral("s3cr3t-value") << true;
    QTest::newRow("password reference") << QStringLiteral("DB_PASSWORD") << QStringLiteral("$DB_PASS") << false;
    QTest::newRow("token flag") << QStringLiteral("USE_TOKEN") << QStringLiteral("true") << false;
    QTest::newRow("gitlab token") << QStringLiteral("X") << QStringLiteral("glpat-abcdefghij0123456789") << true;
    QTest::newRow("private key") << QStringLiteral("X") << QStringLiteral("-----BEGIN RSA PRIVATE KEY-----\nabc")
                                 << true;
    QTest::newRow("high entropy") << QStringLiteral("X") << QStringLiteral("Zx9Qm2Lp7Rt4Vw8Ky3Nb6Hc1Jd5Fg0Ae") << true;
    QTest::newRow("commit sha") << QStringLiteral("X") << QStringLiteral("0123456789abcdef0123456789abcdef01234567")
                                << false;
    QTest::newRow("plain words") << QStringLiteral("X") << QStringLiteral("registry.example.com/group/image") << false;
}

void TestPipelineGates::secretReason()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, secret);
    QCOMPARE(!PipelineGates::secretReason(name, YamlNode::scalar(value)).isEmpty(), secret);
}

void TestPipelineGates::catalog()
{
    QStringList ids;
    for (const GateInfo& gate : gateCatalog()) {
        QVERIFY(!gate.rationale.isEmpty());
        QVERIFY(gate.factor.contains(u'.'));
        QVERIFY(!ids.contains(gate.id));
        ids << gate.id;
    }
    QCOMPARE(ids.size(), 12);
    QVERIFY(ids.contains(QStringLiteral("progressive-delivery")));
    QCOMPARE(findGate(QStringLiteral("progressive-delivery"))->defaultSeverity, Severity::Warning);
}

void TestPipelineGates::scanKinds_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("trivy-action default: an image")
        << QByteArray("uses: aquasecurity/trivy-action@0.28.0\nwith: {image-ref: app:1}")
        << QStringList{u"container"_qs};
    QTest::newRow("trivy-action fs: dependencies")
        << QByteArray("uses: aquasecurity/trivy-action@0.28.0\nwith: {scan-type: fs, scan-ref: .}")
        << QStringList{u"dependency"_qs};
    QTest::newRow("trivy-action config: IaC")
        << QByteArray("uses: aquasecurity/trivy-action@0.28.0\nwith: {scan-type: config}") << QStringList{u"sast"_qs};
    QTest::newRow("trivy fs in a script")
        << QByteArray("run: trivy fs --exit-code 1 .") << QStringList{u"dependency"_qs};
    QTest::newRow("codeql") << QByteArray("uses: github/codeql-action/analyze@v3") << QStringList{u"sast"_qs};
}

void TestPipelineGates::scanKinds()
{
    QFETCH(QByteArray, step);
    QFETCH(QStringList, kinds);
    QByteArray text = "on: push\njobs:\n  scan:\n    runs-on: x\n    steps:\n";
    bool first = true;
    for (const QByteArray& line : step.split('\n')) {
        text += (first ? "      - " : "        ") + line + '\n';
        first = false;
    }
    const ValidationResult result = validatePipeline(text, QStringLiteral(".github/workflows/scan.yml"));
    const PipelineJob* job = result.model.job(QStringLiteral("scan"));
    QVERIFY2(job, text.constData());
    QCOMPARE(PipelineGates::scanKinds(*job), kinds);
}

void TestPipelineGates::repositoryWorkflows_data()
{
    QTest::addColumn<Files>("others");
    QTest::addColumn<QStringList>("expected");
    const QByteArray checks = "on: {schedule: [{cron: '0 3 * * 1'}]}\njobs:\n  codeql:\n    runs-on: x\n    steps:\n"
                              "      - uses: github/codeql-action/analyze@v3\n"
                              "  deps:\n    runs-on: x\n    steps:\n"
                              "      - uses: aquasecurity/trivy-action@0.28.0\n        with: {scan-type: fs}\n"
                              "  image:\n    runs-on: x\n    steps:\n"
                              "      - uses: aquasecurity/trivy-action@0.28.0\n        with: {image-ref: app}\n"
                              "  secrets:\n    runs-on: x\n    steps:\n      - run: gitleaks detect\n";
    QTest::newRow("alone") << Files{} << QStringList(4, u"1:1:warning"_qs);
    QTest::newRow("scans in another workflow") << Files{{u".github/workflows/checks.yml"_qs, checks}} << QStringList();
    QByteArray partial = checks;
    partial.truncate(partial.indexOf("  image:"));
    QTest::newRow("another workflow lacks image and secret scans")
        << Files{{u".github/workflows/checks.yaml"_qs, partial}} << QStringList(2, u"1:1:warning"_qs);
    // Only workflows count: a copy elsewhere in the repository (docs, examples) is not run by GitHub.
    QTest::newRow("not a workflow") << Files{{u"docs/examples/checks.yml"_qs, checks}}
                                    << QStringList(4, u"1:1:warning"_qs);
    QTest::newRow("unreadable neighbour")
        << Files{{u".github/workflows/bad.yml"_qs, "jobs: ["}} << QStringList(4, u"1:1:warning"_qs);
}

void TestPipelineGates::repositoryWorkflows()
{
    QFETCH(Files, others);
    QFETCH(QStringList, expected);
    // The main workflow runs no scan itself: the repository's other workflows (here scheduled ones) run them. An
    // image and a manifest exist, so every kind applies.
    const QByteArray release = "on: [push, pull_request]\npermissions: {contents: read}\njobs:\n  build:\n"
                               "    runs-on: x\n    steps: [{run: make dist}]\n";
    const QString path = QStringLiteral(".github/workflows/ci.yml");
    Files files = others;
    files.insert(path, release);
    files.insert(u"Dockerfile"_s, "FROM scratch\n");
    files.insert(u"requirements.txt"_s, "flask==3.0.0\n");
    ValidationOptions options;
    options.files = FileSource::fromMap(files);
    const ValidationResult result = validatePipeline(release, path, options);
    QCOMPARE(gateFindings(result, QStringLiteral("security-scanning")), expected);
    for (const Diagnostic& d : result.diagnostics) {
        if (d.rule == u"gate.security-scanning")
            QVERIFY2(d.message.contains(u"any workflow of this repository"), qPrintable(d.message));
    }
}

using Repo = QMap<QString, QByteArray>; // path → content, committed to a scratch repository
using Expected = QMap<QString, QStringList>;

void TestPipelineGates::applicability_data()
{
    QTest::addColumn<Repo>("repo");
    // Per pipeline file: the security-scanning findings as "severity:kind" ("info:container" = not applicable).
    QTest::addColumn<Expected>("expected");

    // A Go tool: 3 workflows, a go.mod, Dependabot for gomod, no image built.
    const QByteArray go
        = "on: [push, pull_request]\njobs:\n  test:\n    runs-on: x\n    steps: [{run: go test ./...}]\n"
          "  build:\n    runs-on: x\n    steps: [{run: go build ./cmd/tool}]\n";
    const QByteArray lint = "on: {push: {paths: ['**.go']}, pull_request: {paths: ['**.go']}}\njobs:\n  lint:\n"
                            "    runs-on: x\n    steps: [{run: golangci-lint run}]\n";
    const QByteArray deploy = "on:\n  workflow_dispatch:\n    inputs:\n      environment: {type: environment, "
                              "default: production}\njobs:\n  release:\n    runs-on: x\n"
                              "    environment: ${{ inputs.environment }}\n    steps: [{run: script/release}]\n";
    const Repo goTool{
        {u"go.mod"_s, "module example.com/tool\n"},
        {u"go.sum"_s, ""},
        {u".github/dependabot.yml"_s, "version: 2\nupdates:\n- package-ecosystem: gomod\n  directory: /\n"},
        {u".github/workflows/go.yml"_s, go},
        {u".github/workflows/lint.yml"_s, lint},
        {u".github/workflows/deployment.yml"_s, deploy}};
    // Reported once, on the main workflow; the image scan does not apply; Dependabot is the dependency scan.
    QTest::newRow("go tool") << goTool
                             << Expected{{u".github/workflows/go.yml"_s,
                                          {u"info:container"_s, u"warning:sast"_s, u"warning:secrets"_s}},
                                         {u".github/workflows/lint.yml"_s, {}},
                                         {u".github/workflows/deployment.yml"_s, {}}};
    Repo withoutDependabot = goTool;
    withoutDependabot.remove(u".github/dependabot.yml"_s);
    QTest::newRow("go tool without dependabot")
        << withoutDependabot
        << Expected{{u".github/workflows/go.yml"_s,
                     {u"info:container"_s, u"warning:dependency"_s, u"warning:sast"_s, u"warning:secrets"_s}},
                    {u".github/workflows/lint.yml"_s, {}}};
    Repo imageJob = withoutDependabot;
    imageJob.insert(u".github/workflows/lint.yml"_s,
                    lint + "  image:\n    runs-on: x\n    steps: [{uses: docker/build-push-action@v6}]\n");
    QTest::newRow("an image built by another workflow")
        << imageJob
        << Expected{{u".github/workflows/go.yml"_s,
                     {u"warning:container"_s, u"warning:dependency"_s, u"warning:sast"_s, u"warning:secrets"_s}}};

    // A C library: one GitLab pipeline, Dockerfiles for its CI images, no package manifest.
    const QByteArray gitlab = "stages: [build]\nbuild:\n  stage: build\n  image: $FEDORA_IMAGE\n  script: meson "
                              "setup _build && ninja -C _build\n";
    const Repo cLibrary{{u".gitlab-ci.yml"_s, gitlab},
                        {u".gitlab-ci/fedora.Dockerfile"_s, "FROM fedora:40\n"},
                        {u"meson.build"_s, "project('lib', 'c')\n"}};
    QTest::newRow("c library") << cLibrary
                               << Expected{{u".gitlab-ci.yml"_s,
                                            {u"info:dependency"_s, u"warning:container"_s, u"warning:sast"_s,
                                             u"warning:secrets"_s}}};
    Repo noDockerfile = cLibrary;
    noDockerfile.remove(u".gitlab-ci/fedora.Dockerfile"_s);
    noDockerfile.insert(u".gitlab-ci.yml"_s, gitlab + "containers:\n  stage: build\n  script: buildah bud -t x .\n");
    QTest::newRow("gitlab job building an image")
        << noDockerfile
        << Expected{{u".gitlab-ci.yml"_s,
                     {u"info:dependency"_s, u"warning:container"_s, u"warning:sast"_s, u"warning:secrets"_s}}};
    const Repo template_{{u".gitlab-ci.yml"_s,
                          "include:\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n  - template: "
                          "Jobs/SAST.gitlab-ci.yml\n  - template: Jobs/Secret-Detection.gitlab-ci.yml\n"
                          "build:\n  script: npm ci\n"},
                         {u"package.json"_s, "{}"},
                         {u"package-lock.json"_s, "{}"}};
    QTest::newRow("gitlab dependency scanning template")
        << template_ << Expected{{u".gitlab-ci.yml"_s, {u"info:container"_s}}};
    const Repo vendored{{u".gitlab-ci.yml"_s, "build:\n  script: make\n"},
                        {u"vendor/lib/package.json"_s, "{}"},
                        {u"third_party/x/Dockerfile"_s, "FROM x\n"}};
    QTest::newRow("vendored files are not the project's")
        << vendored
        << Expected{{u".gitlab-ci.yml"_s,
                     {u"info:container"_s, u"info:dependency"_s, u"warning:sast"_s, u"warning:secrets"_s}}};
}

void TestPipelineGates::applicability()
{
    QFETCH(Repo, repo);
    QFETCH(Expected, expected);
    gatehouse::test::ScratchRepository scratch;
    QVERIFY(scratch.isValid());
    scratch.commit(u"ci: pipelines"_s, repo);
    const auto source = PipelineDiscovery::fileSource(scratch.path(), scratch.head().toString());
    QVERIFY(source.ok());
    ValidationOptions options;
    options.files = source.value();
    options.gates = true;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const ValidationResult result = validatePipeline(repo.value(it.key()), it.key(), options);
        QStringList found;
        for (const Diagnostic& d : result.diagnostics) {
            if (d.rule != u"gate.security-scanning")
                continue;
            const QString kind = d.message.contains(u"container image")                        ? u"container"_s
                : d.message.contains(u"dependency") || d.message.contains(u"package manifest") ? u"dependency"_s
                : d.message.contains(u"SAST")                                                  ? u"sast"_s
                                                                                               : u"secrets"_s;
            found << severityName(d.severity) + u':' + kind;
            QCOMPARE(d.severity == Severity::Info, PipelineGates::isNotApplicable(d));
        }
        found.sort();
        QCOMPARE(found, it.value());
    }
}

void TestPipelineGates::mainPipeline()
{
    using Triggers = QMap<QString, QPair<QStringList, bool>>;
    const QStringList paths{u".github/workflows/codeql.yml"_s, u".github/workflows/deploy.yml"_s,
                            u".github/workflows/go.yml"_s, u".github/workflows/prauto.yml"_s};
    const Triggers triggers{{paths[0], {{u"push"_s, u"pull_request"_s, u"schedule"_s}, true}},
                            {paths[1], {{u"workflow_dispatch"_s}, false}},
                            {paths[2], {{u"push"_s, u"pull_request"_s}, false}},
                            {paths[3], {{u"pull_request_target"_s}, false}}};
    QCOMPARE(ScanApplicability::mainPipeline(paths, triggers, {}), paths[2]);
    QCOMPARE(ScanApplicability::mainPipeline(paths + QStringList{u".gitlab-ci.yml"_s}, triggers, {}),
             u".gitlab-ci.yml"_s);
    // Only release workflows: the first stands in.
    QCOMPARE(ScanApplicability::mainPipeline({paths[1]}, triggers, {}), paths[1]);
    QCOMPARE(ScanApplicability::mainPipeline({u"action.yml"_s}, {}, {}), QString());
}

QTEST_GUILESS_MAIN(TestPipelineGates)
#include "tst_pipelinegates.moc"
