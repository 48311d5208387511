// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "demo/DemoRepository.h"
#include "runs/RunHistory.h"
#include "runs/RunStore.h"
#include "scorecard/OverviewSummary.h"
#include "scorecard/Scorecard.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(QList<gatehouse::FindingLifecycle>)

using namespace gatehouse;
using namespace gatehouse::scorecard;
using namespace Qt::StringLiterals;

namespace {

QDateTime day(int d, int hour = 12)
{
    return QDateTime(QDate(2026, 3, d), QTime(hour, 0), QTimeZone::utc());
}

const FactorResult& factorOf(const ScorecardReport& report, const QString& id)
{
    for (const FactorResult& factor : report.factors) {
        if (factor.id == id)
            return factor;
    }
    static const FactorResult none;
    return none;
}

ScorecardInputs withFile(const QString& path, const QByteArray& content)
{
    ScorecardInputs inputs;
    inputs.now = day(31);
    inputs.files = {path};
    inputs.contents.insert(path, content);
    return inputs;
}

const MetricResult& metricOf(const ScorecardReport& report, const QString& name)
{
    for (const MetricResult& metric : report.metrics) {
        if (metric.name == name)
            return metric;
    }
    static const MetricResult none;
    return none;
}

// A finding's lifecycle for hand-built postures: opened on `opened`, fixed on `fixed` (invalid = still open).
FindingLifecycle lifecycle(Severity severity, const QStringList& ids, const QDateTime& opened,
                           const QDateTime& fixed = {}, const QString& tool = u"trivy"_s,
                           FindingCategory category = FindingCategory::Container)
{
    FindingLifecycle f;
    f.finding.tool = tool;
    f.finding.category = category;
    f.finding.severity = severity;
    f.finding.ids = ids;
    f.opened.time = opened;
    f.opened.commit = git::ObjectId::fromHex(u"1111111111111111111111111111111111111111"_s);
    f.firstSeen = f.opened;
    if (fixed.isValid()) {
        f.fixed.time = fixed;
        f.fixed.commit = git::ObjectId::fromHex(u"2222222222222222222222222222222222222222"_s);
        f.state = FindingState::Fixed;
    }
    return f;
}

ScanSummary scanAt(const QDateTime& time, const QList<QPair<QString, QString>>& reports)
{
    ScanSummary scan;
    scan.time = time;
    scan.commit = git::ObjectId::fromHex(u"3333333333333333333333333333333333333333"_s);
    for (const auto& report : reports)
        scan.reports.append({report.second, report.first, 0, false, {}});
    return scan;
}

runs::Run run(const QString& id, runs::RunStatus status, const QDateTime& start, double seconds,
              const QString& sha = u"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s)
{
    runs::Run r;
    r.source = u"gitlab"_s;
    r.id = id;
    r.name = u"ci"_s;
    r.sha = sha;
    r.branch = u"main"_s;
    r.status = status;
    r.created = start;
    r.started = start;
    r.finished = start.addSecs(qint64(seconds));
    r.durationSeconds = seconds;
    return r;
}

} // namespace

class TestScorecard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conventional_data();
    void conventional();
    void pinning_data();
    void pinning();
    void reuse_data();
    void reuse();
    void stages_data();
    void stages();
    void dependencies_data();
    void dependencies();
    void deliveryFactorsAndMetrics();
    void brokenPolicy();
    void emptyInputs();
    void collect();
    void scanApplicability();
    void configuration_data();
    void configuration();
    void links();
    void securityMetrics_data();
    void securityMetrics();
    void runMetrics_data();
    void runMetrics();
    void collectRuns();
    void overviewSummary();
    void demo();
};

void TestScorecard::conventional_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("conventional");
    QTest::newRow("feat") << u"feat: add x"_s << true;
    QTest::newRow("scope and bang") << u"fix(api)!: drop y"_s << true;
    QTest::newRow("git revert") << u"Revert \"feat: add x\""_s << true;
    QTest::newRow("capitalized type") << u"Fix: y"_s << false;
    QTest::newRow("no space") << u"fix:y"_s << false;
    QTest::newRow("prose") << u"Update README.md"_s << false;
    QTest::newRow("wip") << u"wip"_s << false;
}

void TestScorecard::conventional()
{
    QFETCH(QString, subject);
    QFETCH(bool, conventional);
    QCOMPARE(Scorecard::isConventionalSubject(subject), conventional);
}

void TestScorecard::pinning_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("counts"); // "strong/tag/floating"

    QTest::newRow("digests and commit-built images")
        << u".gitlab-ci.yml"_s
        << QByteArray("build:\n  image: docker@sha256:0123abcd\n  script: [make]\n"
                      "deploy:\n  image: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n  script: [go]\n")
        << u"pass"_s << u"2/0/0"_s;
    QTest::newRow("exact tags only") << u".gitlab-ci.yml"_s
                                     << QByteArray(
                                            "default:\n  image: python:3.12-slim\n"
                                            "test:\n  image: {name: \"semgrep/semgrep:1.85.0\", entrypoint: [\"\"]}\n"
                                            "  services: [\"postgres:16.2\"]\n  script: [t]\n")
                                     << u"warn"_s << u"0/3/0"_s;
    QTest::newRow("floating: latest, none, major only")
        << u".gitlab-ci.yml"_s
        << QByteArray("a:\n  image: alpine:latest\n  script: [x]\nb:\n  image: ubuntu\n  script: [x]\n"
                      "c:\n  image: docker:27\n  services:\n    - name: docker:27-dind\n  script: [x]\n")
        << u"fail"_s << u"0/0/4"_s;
    QTest::newRow("actions: SHA, local, exact, moving")
        << u".github/workflows/ci.yml"_s
        << QByteArray("on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    container: node:20.11.1\n    steps:\n"
                      "      - uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab\n"
                      "      - uses: ./.github/actions/setup\n"
                      "      - uses: aquasecurity/trivy-action@0.28.0\n"
                      "      - uses: actions/upload-artifact@v4\n")
        << u"fail"_s << u"2/2/1"_s;
    QTest::newRow("no references") << u".gitlab-ci.yml"_s << QByteArray("a:\n  script: [x]\n") << u"n.a."_s
                                   << u"0/0/0"_s;
}

void TestScorecard::pinning()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, yaml);
    QFETCH(QString, status);
    QFETCH(QString, counts);
    const FactorResult v = factorOf(Scorecard::evaluate(withFile(path, yaml)), u"V"_s);
    QCOMPARE(factorStatusName(v.status), status);
    const QStringList parts = counts.split(u'/');
    if (status != u"n.a."_s) {
        const QString expected
            = u"%1 pinned by digest or commit SHA, %2 by an exact version tag only, %3 floating"_s.arg(
                parts.at(0), parts.at(1), parts.at(2));
        QVERIFY2(v.evidence.contains(expected), qPrintable(v.evidence));
        QCOMPARE(v.sources, QStringList{path});
    }
}

void TestScorecard::reuse_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("status");
    QTest::newRow("include") << u".gitlab-ci.yml"_s << QByteArray("include:\n  - local: ci/a.yml\n") << u"pass"_s;
    QTest::newRow("extends") << u".gitlab-ci.yml"_s << QByteArray(".t:\n  script: [x]\na:\n  extends: .t\n")
                             << u"pass"_s;
    QTest::newRow("anchors") << u".gitlab-ci.yml"_s << QByteArray(".t: &t\n  script: [x]\na:\n  <<: *t\n") << u"pass"_s;
    QTest::newRow("reusable workflow call")
        << u".github/workflows/ci.yml"_s
        << QByteArray("on: push\njobs:\n  a:\n    uses: ./.github/workflows/build.yml\n") << u"pass"_s;
    QTest::newRow("nothing reused") << u".gitlab-ci.yml"_s << QByteArray("a:\n  script: [x]\n") << u"fail"_s;
    QTest::newRow("broken yaml") << u".gitlab-ci.yml"_s << QByteArray("a: [\n") << u"fail"_s;
    QTest::newRow("jenkinsfile is not yaml")
        << u"Jenkinsfile"_s
        << QByteArray("pipeline {\n  agent { docker { image 'python:3.12' } }\n  stages {\n"
                      "    stage('Test') { steps { sh 'pytest' } }\n  }\n}\n")
        << u"fail"_s;
}

void TestScorecard::reuse()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, yaml);
    QFETCH(QString, status);
    const ScorecardReport report = Scorecard::evaluate(withFile(path, yaml));
    QCOMPARE(report.factors.size(), 12);
    QCOMPARE(factorStatusName(factorOf(report, u"IX"_s).status), status);
    // Only a pipeline file that really is broken is called unreadable.
    QCOMPARE(factorOf(report, u"IX"_s).evidence.contains(u"Unreadable"),
             QByteArrayView(QTest::currentDataTag()) == "broken yaml");
}

void TestScorecard::stages_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("status");
    QTest::newRow("in order") << QByteArray("stages: [validate, security, test, deploy]\n") << u"pass"_s;
    QTest::newRow("synonyms") << QByteArray("stages: [lint, sast, unit-tests, deploy-staging, deploy-prod]\n")
                              << u"pass"_s;
    QTest::newRow("security after deploy") << QByteArray("stages: [lint, test, deploy, scan]\n") << u"fail"_s;
    QTest::newRow("no security stage") << QByteArray("stages: [lint, test, deploy]\n") << u"warn"_s;
    QTest::newRow("GitLab defaults") << QByteArray("job:\n  script: [x]\n") << u"warn"_s;
}

void TestScorecard::stages()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, status);
    const FactorResult xii = factorOf(Scorecard::evaluate(withFile(u".gitlab-ci.yml"_s, yaml)), u"XII"_s);
    QCOMPARE(factorStatusName(xii.status), status);
    QVERIFY(xii.evidence.startsWith(u"Stages: "_s));
}

void TestScorecard::dependencies_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QByteArray>("requirements");
    QTest::addColumn<QString>("status");
    QTest::newRow("pinned requirements") << QStringList{u"requirements.txt"_s}
                                         << QByteArray("# deps\nflask==2.3.3\n-r base.txt\n") << u"pass"_s;
    QTest::newRow("loose requirements") << QStringList{u"requirements.txt"_s} << QByteArray("flask>=2\n") << u"fail"_s;
    QTest::newRow("package.json with lock")
        << QStringList{u"web/package.json"_s, u"web/package-lock.json"_s} << QByteArray() << u"pass"_s;
    QTest::newRow("one of two locked") << QStringList{u"go.mod"_s, u"go.sum"_s, u"Cargo.toml"_s} << QByteArray()
                                       << u"warn"_s;
    QTest::newRow("vendored manifests ignored")
        << QStringList{u"node_modules/x/package.json"_s} << QByteArray() << u"n.a."_s;
    QTest::newRow("no manifests") << QStringList{u"README.md"_s} << QByteArray() << u"n.a."_s;
}

void TestScorecard::dependencies()
{
    QFETCH(QStringList, files);
    QFETCH(QByteArray, requirements);
    QFETCH(QString, status);
    ScorecardInputs inputs;
    inputs.now = day(31);
    inputs.files = files;
    if (files.contains(u"requirements.txt"_s))
        inputs.contents.insert(u"requirements.txt"_s, requirements);
    QCOMPARE(factorStatusName(factorOf(Scorecard::evaluate(inputs), u"II"_s).status), status);
}

void TestScorecard::deliveryFactorsAndMetrics()
{
    ScorecardInputs inputs;
    inputs.now = day(31);
    inputs.files = {u".gitlab-ci.yml"_s, u".gatehouse/policy.yml"_s, u".gatehouse/triage.yml"_s};
    inputs.contents.insert(u".gitlab-ci.yml"_s, "stages: [validate, security, test, deploy]\n");
    inputs.contents.insert(u".gatehouse/policy.yml"_s,
                           "gates:\n  a: {enabled: true}\n  b: {enabled: false}\n  c: {severities: [high]}\n");
    inputs.contents.insert(u".gatehouse/triage.yml"_s, "findings:\n  - {tool: x, status: false_positive}\n");
    inputs.recentSubjects = {u"feat: a"_s, u"fix: b"_s, u"Update stuff"_s, u"docs: c"_s};
    // Production: 1st (ok), 8th (rollback), 15th, 29th; a scan on the 20th.
    auto add = [&](const QString& tag, const QDateTime& time, bool rollback, QList<qint64> leads) {
        delivery::Deployment d;
        d.tag = tag;
        d.environment = u"production"_s;
        d.time = time;
        d.rollback = rollback;
        d.leadTimesSeconds = leads;
        inputs.deployments.deployments.append(d);
    };
    add(u"deploy-1"_s, day(1), false, {});
    add(u"deploy-2"_s, day(8), true, {});
    add(u"deploy-3"_s, day(15), false, {1800, 7200, 600});
    add(u"deploy-4"_s, day(29), false, {300});
    inputs.scanTimes = {day(20), day(1, 0).addMonths(-3)};
    inputs.pipelinesValidated = 1;
    inputs.gates = {
        {u"security-scanning"_s, u"IV"_s, true, 0, 0, QString()},
        {u"no-plaintext-secrets"_s, u"VII"_s, true, 1, 0, u".gitlab-ci.yml:3: literal password"_s},
        {u"pinned-images"_s, u"VII"_s, true, 0, 2, u".gitlab-ci.yml:5: moving tag"_s},
        {u"production-approval"_s, u"VIII"_s, true, 0, 1, u".gitlab-ci.yml:9: no approval"_s},
        {u"job-timeouts"_s, u"VIII"_s, false, 0, 0, QString()},
    };

    const ScorecardReport report = Scorecard::evaluate(inputs);
    QStringList statuses;
    for (const FactorResult& factor : report.factors)
        statuses.append(factor.id + u'=' + factorStatusName(factor.status));
    QCOMPARE(statuses.join(u' '),
             u"I=warn II=n.a. III=n.a. IV=pass V=n.a. VI=pass VII=fail VIII=warn IX=fail X=pass "
             "XI=pass XII=pass"_s);
    // 3 of 4 conventional subjects is 75 %: below 80 %, above 50 %.
    QVERIFY(factorOf(report, u"I"_s).evidence.contains(u"3 of the last 4"_s));
    QCOMPARE(factorOf(report, u"IV"_s).evidence, u"1 of 1 enabled gate(s) pass over 1 pipeline(s)."_s);
    QVERIFY2(factorOf(report, u"VII"_s)
                 .evidence.startsWith(u"0 of 2 enabled gate(s) pass over 1 pipeline(s); failing: no-plaintext-secrets "
                                      "(.gitlab-ci.yml:3: literal password); pinned-images"_s),
             qPrintable(factorOf(report, u"VII"_s).evidence));
    QVERIFY2(
        factorOf(report, u"VIII"_s).evidence.startsWith(u".gatehouse/policy.yml exists; 0 of 1 enabled gate(s) pass"_s),
        qPrintable(factorOf(report, u"VIII"_s).evidence));
    QVERIFY(factorOf(report, u"VIII"_s).evidence.contains(u"disabled: job-timeouts"_s));
    QVERIFY(factorOf(report, u"X"_s).evidence.contains(u"4 deployment(s) and 1 scan(s)"_s));
    QVERIFY(factorOf(report, u"XI"_s).evidence.contains(u"1 triage decision(s)"_s));

    QCOMPARE(report.metrics.size(), 11); // 3 security, 3 delivery, 5 runs
    const MetricResult& rollback = report.metrics.at(3);
    QCOMPARE(rollback.name, u"rollback rate"_s);
    QCOMPARE(rollback.actual.value_or(-1), 0.25);
    QCOMPARE(rollback.met, std::optional<bool>(false));
    const MetricResult& frequency = report.metrics.at(4);
    QCOMPARE(frequency.actual.value_or(-1), 4.0 / 4.0); // 4 deployments in 28 days
    QCOMPARE(frequency.met, std::optional<bool>(true));
    const MetricResult& lead = report.metrics.at(5);
    QCOMPARE(lead.actual.value_or(-1), 1200.0); // 300 600 1800 7200
    QCOMPARE(lead.met, std::optional<bool>(true));
    QVERIFY(!report.metrics.at(0).actual && !report.metrics.at(0).met);
}

void TestScorecard::brokenPolicy()
{
    ScorecardInputs inputs = withFile(u".gatehouse/policy.yml"_s, "gates: []\n");
    inputs.pipelinesValidated = 1;
    inputs.policyProblems = {u"line 1: expected a mapping with a 'gates:' mapping of gate ids"_s};
    const FactorResult viii = factorOf(Scorecard::evaluate(inputs), u"VIII"_s);
    QCOMPARE(factorStatusName(viii.status), u"fail"_s);
    QVERIFY2(viii.evidence.contains(u"has problems: line 1:"_s), qPrintable(viii.evidence));
    // A policy without pipelines enforces nothing.
    inputs.policyProblems.clear();
    inputs.pipelinesValidated = 0;
    QCOMPARE(factorStatusName(factorOf(Scorecard::evaluate(inputs), u"VIII"_s).status), u"warn"_s);
}

void TestScorecard::emptyInputs()
{
    ScorecardInputs inputs;
    inputs.now = day(31);
    const ScorecardReport report = Scorecard::evaluate(inputs);
    QCOMPARE(report.factors.size(), 12);
    QStringList ids;
    for (const FactorResult& factor : report.factors) {
        ids.append(factor.id);
        QVERIFY2(!factor.evidence.isEmpty(), qPrintable(factor.id));
        QVERIFY(!factor.name.isEmpty());
    }
    QCOMPARE(ids.join(u' '), u"I II III IV V VI VII VIII IX X XI XII"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"VI"_s).status), u"fail"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"VIII"_s).status), u"fail"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"IV"_s).status), u"n.a."_s);
    QCOMPARE(factorStatusName(factorOf(report, u"VII"_s).status), u"n.a."_s);
    for (const MetricResult& metric : report.metrics)
        QVERIFY(!metric.actual && !metric.met);
}

void TestScorecard::collect()
{
    test::ScratchRepository scratch;
    const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());
    const auto c1 = scratch.commit(u"feat: start"_s,
                                   {{u".gitlab-ci.yml"_s, "stages: [validate, security, test, deploy]\n"},
                                    {u"requirements.txt"_s, "flask==2.3.3\n"},
                                    {u"src/big.bin"_s, QByteArray(4096, 'x')}},
                                   t0);
    scratch.tag(u"deploy-1"_s, c1, u"Production deployment"_s, t0.addSecs(3600));
    const auto c2 = scratch.commit(u"chore(scan): reports"_s, {{u"reports/trivy.json"_s, "{}"}}, t0.addDays(2));
    scratch.tag(u"deploy-2"_s, c2, u"Production deployment"_s, t0.addDays(2).addSecs(3600));

    QTemporaryDir runStore;
    const CollectOptions options{runStore.path(), u"-"_s, {}};
    const auto inputs = Scorecard::collect(scratch.repo(), {}, t0.addDays(10), nullptr, options);
    QVERIFY2(inputs.ok(), qPrintable(inputs.ok() ? QString() : inputs.error().toString()));
    QCOMPARE(inputs->files.size(), 4);
    QCOMPARE(inputs->contents.keys(), QStringList({u".gitlab-ci.yml"_s, u"requirements.txt"_s}));
    QCOMPARE(inputs->recentSubjects, QStringList({u"chore(scan): reports"_s, u"feat: start"_s}));
    QCOMPARE(inputs->deployments.deployments.size(), 2);
    QCOMPARE(inputs->scanTimes, QList<QDateTime>({t0.addDays(2)}));

    const ScorecardReport report = Scorecard::evaluate(inputs.value());
    QCOMPARE(factorStatusName(factorOf(report, u"I"_s).status), u"pass"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"II"_s).status), u"pass"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"VI"_s).status), u"pass"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"X"_s).status), u"pass"_s);
    QCOMPARE(factorStatusName(factorOf(report, u"XII"_s).status), u"pass"_s);
    // The pipeline engine checked the one pipeline with every gate of its catalog.
    QCOMPARE(inputs->pipelinesValidated, 1);
    QVERIFY(!inputs->gates.isEmpty());
    for (const GateOutcome& gate : inputs->gates)
        QVERIFY2(QStringList({u"IV"_s, u"VII"_s, u"VIII"_s}).contains(gate.factor), qPrintable(gate.factor));
    QVERIFY(factorOf(report, u"IV"_s).status != FactorStatus::NotApplicable);

    // No runs imported: the same figures as the whole run analysis gives (which the scorecard skips then).
    QVERIFY(inputs->runs.has_value());
    runs::AnalysisOptions headBranch;
    headBranch.defaultBranch.clear();
    const auto analysis = runs::RunHistory::analyze(scratch.path(), headBranch, true, runStore.path());
    QVERIFY(analysis.ok());
    QCOMPARE(inputs->runs->runs, 0);
    QCOMPARE(inputs->runs->defaultBranch, analysis->options.defaultBranch);
    const runs::OverallStats& expected = analysis->analysis.overall;
    QCOMPARE(inputs->runs->overall.runs, expected.runs);
    QCOMPARE(inputs->runs->overall.concluded, expected.concluded);
    QCOMPARE(inputs->runs->overall.successRate, expected.successRate);
    QCOMPARE(inputs->runs->overall.falseFailureRate, expected.falseFailureRate);
    QCOMPARE(inputs->runs->overall.recoveryMedian, expected.recoveryMedian);
    QCOMPARE(inputs->runs->overall.feedbackMedian, expected.feedbackMedian);
    QCOMPARE(inputs->runs->overall.manualInterventionRate, expected.manualInterventionRate);

    test::ScratchRepository empty;
    const auto none = Scorecard::collect(empty.repo(), {}, t0, nullptr, options);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, u"git.empty"_s);
}

// A Go tool on GitHub Actions: no image built (container scanning n.a.), Dependabot for its go.mod (dependency
// scanning covered by the platform), and the repository-wide requirement counted once, not once per workflow.
void TestScorecard::scanApplicability()
{
    test::ScratchRepository scratch;
    const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());
    const QByteArray workflow = "on: [push, pull_request]\njobs:\n  test:\n    runs-on: x\n    timeout-minutes: 5\n"
                                "    steps: [{run: go test ./...}]\n";
    QMap<QString, QByteArray> files{
        {u"go.mod"_s, "module example.com/tool\n"},
        {u"go.sum"_s, ""},
        {u".github/dependabot.yml"_s, "version: 2\nupdates:\n- package-ecosystem: gomod\n  directory: /\n"}};
    for (const QString& name : {u"go"_s, u"lint"_s, u"release"_s, u"triage"_s})
        files.insert(u".github/workflows/%1.yml"_s.arg(name),
                     name == u"go"_s ? workflow
                                     : QByteArray("on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n"
                                                  "    timeout-minutes: 5\n    steps: [{run: make}]\n"));
    files.insert(u".github/workflows/codeql.yml"_s,
                 "on: {schedule: [{cron: '0 0 * * 0'}]}\njobs:\n  analyze:\n    runs-on: x\n    timeout-minutes: 5\n"
                 "    steps: [{uses: github/codeql-action/analyze@v3}]\n");
    scratch.commit(u"ci: workflows"_s, files, t0);
    QTemporaryDir runStore;
    const auto inputs = Scorecard::collect(scratch.repo(), {}, t0.addDays(1), nullptr, {runStore.path(), u"-"_s, {}});
    QVERIFY(inputs.ok());
    QCOMPARE(inputs->mainPipeline, u".github/workflows/go.yml"_s);
    QCOMPARE(inputs->notApplicableScanKinds.keys(), QStringList{u"container"_s});
    QCOMPARE(inputs->platformScans.value(u"dependency"_s), u"Dependabot (gomod)"_s);
    const auto gate = std::find_if(inputs->gates.cbegin(), inputs->gates.cend(),
                                   [](const GateOutcome& g) { return g.gate == u"security-scanning"_s; });
    QVERIFY(gate != inputs->gates.cend());
    // Secret scanning is missing: one finding for the repository, not one per workflow.
    QCOMPARE(gate->warnings, 1);
    QVERIFY2(gate->firstProblem.startsWith(u".github/workflows/go.yml:"_s), qPrintable(gate->firstProblem));

    ScorecardInputs withScans = inputs.value();
    withScans.posture.reset();
    withScans.postureError = u"no posture"_s;
    const MetricResult coverage = metricOf(Scorecard::evaluate(withScans), u"scan coverage"_s);
    QVERIFY(coverage.actual);
    // Dependency by Dependabot, SAST by GitHub's code scanning; secrets missing; container n.a.
    QCOMPARE(*coverage.actual, 2.0 / 3.0);
    QVERIFY2(coverage.evidence.contains(u"Dependabot (gomod), by the platform"_s), qPrintable(coverage.evidence));
    QVERIFY2(coverage.evidence.contains(u"GitHub code scanning (CodeQL)"_s), qPrintable(coverage.evidence));
    QVERIFY2(coverage.evidence.contains(u"n.a. (no subject here): container"_s), qPrintable(coverage.evidence));
}

void TestScorecard::configuration_data()
{
    QTest::addColumn<QStringList>("extraFiles");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("link"); // path:line of the first problem (or first variable use)
    QTest::addColumn<QString>("evidence");

    const QStringList none;
    QTest::newRow("targets from variables")
        << none << u".gitlab-ci.yml"_s
        << QByteArray("deploy:\n  script:\n    - echo start\n    - kubectl apply --namespace \"$KUBE_NAMESPACE\"\n")
        << u"pass"_s << u".gitlab-ci.yml:4"_s << u"1 of 2 script line(s) read CI variables (e.g. $KUBE_NAMESPACE)"_s;
    QTest::newRow("IP address over ssh")
        << none << u".gitlab-ci.yml"_s << QByteArray("deploy:\n  script:\n    - ssh deploy@10.0.3.17 ./restart\n")
        << u"warn"_s << u".gitlab-ci.yml:3"_s
        << u"1 script line(s) hard-code an environment's host or address (.gitlab-ci.yml:3 10.0.3.17)"_s;
    QTest::newRow("staging URL")
        << none << u".gitlab-ci.yml"_s
        << QByteArray("smoke:\n  before_script: [echo hi]\n  script: curl -f https://api.staging.example.com/health\n")
        << u"warn"_s << u".gitlab-ci.yml:3"_s << u"api.staging.example.com"_s;
    QTest::newRow("block run in a workflow")
        << none << u".github/workflows/deploy.yml"_s
        << QByteArray(
               "on: push\njobs:\n  d:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: |\n          echo hi\n"
               "          scp app.tar deploy@web-1.example.com:/srv\n")
        << u"warn"_s << u".github/workflows/deploy.yml:8"_s << u"web-1.example.com"_s;
    QTest::newRow("a pinned version is no address")
        << none << u".gitlab-ci.yml"_s << QByteArray("t:\n  script:\n    - pip install foo==1.2.3.4\n") << u"pass"_s
        << u".gitlab-ci.yml"_s << u"0 of 1 script line(s) read CI variables"_s;
    QTest::newRow("public downloads and localhost are fine")
        << none << u".gitlab-ci.yml"_s
        << QByteArray("t:\n  script:\n    - curl -sSL https://get.helm.sh/helm.tgz | tar xz\n"
                      "    - curl http://127.0.0.1:8000/health\n    # curl http://10.1.1.1/\n")
        << u"pass"_s << u".gitlab-ci.yml"_s << u"no hard-coded environment host"_s;
    QTest::newRow("committed .env.production")
        << QStringList{u".env.production"_s, u".env.example"_s} << u".gitlab-ci.yml"_s
        << QByteArray("t:\n  script: [make]\n") << u"fail"_s << u".env.production"_s
        << u"Environment configuration is committed: .env.production."_s;
    QTest::newRow("only a template") << QStringList{u".env.example"_s} << QString() << QByteArray() << u"n.a."_s
                                     << QString() << u"No pipeline script and no environment file"_s;
}

void TestScorecard::configuration()
{
    QFETCH(QStringList, extraFiles);
    QFETCH(QString, path);
    QFETCH(QByteArray, yaml);
    QFETCH(QString, status);
    QFETCH(QString, link);
    QFETCH(QString, evidence);
    ScorecardInputs inputs;
    inputs.now = day(31);
    inputs.files = extraFiles;
    if (!path.isEmpty()) {
        inputs.files.append(path);
        inputs.contents.insert(path, yaml);
    }
    const FactorResult iii = factorOf(Scorecard::evaluate(inputs), u"III"_s);
    QCOMPARE(iii.name, u"Configuration"_s);
    QCOMPARE(factorStatusName(iii.status), status);
    QVERIFY2(iii.evidence.contains(evidence), qPrintable(iii.evidence));
    if (!link.isEmpty()) {
        QCOMPARE(iii.link.kind, SourceLink::Kind::File);
        QCOMPARE(iii.link.toString(), link);
    } else {
        QCOMPARE(iii.link.kind, SourceLink::Kind::Page);
    }
}

void TestScorecard::links()
{
    ScorecardInputs inputs = withFile(u".gitlab-ci.yml"_s,
                                      "stages: [validate, test, deploy]\n"
                                      ".base: &base\n  image: python:3.12.1\n"
                                      "test:\n  <<: *base\n  script: [pytest]\n"
                                      "deploy:\n  image: alpine:latest\n  script: [./deploy]\n");
    inputs.files.append(u".gatehouse/policy.yml"_s);
    inputs.contents.insert(u".gatehouse/policy.yml"_s, "gates: {}\n");
    inputs.pipelinesValidated = 1;
    inputs.gates = {{u"security-scanning"_s, u"IV"_s, true, 0, 1, u".gitlab-ci.yml:1: no SAST job"_s},
                    {u"no-plaintext-secrets"_s, u"VII"_s, true, 0, 0, QString()}};
    delivery::Deployment first;
    first.tag = u"deploy-1"_s;
    first.environment = u"production"_s;
    first.time = day(10);
    delivery::Deployment rollback = first;
    rollback.tag = u"deploy-2"_s;
    rollback.time = day(12);
    rollback.rollback = true;
    delivery::Deployment last = first;
    last.tag = u"deploy-3"_s;
    last.time = day(20);
    inputs.deployments.deployments = {first, rollback, last};
    const ScorecardReport report = Scorecard::evaluate(inputs);

    QStringList links;
    for (const FactorResult& factor : report.factors)
        links.append(factor.id + u'=' + factor.link.page + u' ' + factor.link.toString());
    QCOMPARE(links,
             QStringList({u"I=pipelines .gitlab-ci.yml"_s, u"II=pipelines page pipelines"_s,
                          u"III=pipelines .gitlab-ci.yml"_s, u"IV=pipelines .gitlab-ci.yml:1"_s,
                          u"V=pipelines .gitlab-ci.yml:8"_s, u"VI=deployments tag deploy-3"_s,
                          u"VII=pipelines .gatehouse/policy.yml"_s, u"VIII=pipelines .gatehouse/policy.yml"_s,
                          u"IX=pipelines .gitlab-ci.yml:2"_s, u"X=deployments tag deploy-3"_s,
                          u"XI=security page security"_s, u"XII=pipelines .gitlab-ci.yml:1"_s}));
    QCOMPARE(metricOf(report, u"rollback rate"_s).link, SourceLink::tag(u"deployments"_s, u"deploy-2"_s));
    QCOMPARE(metricOf(report, u"lead time for changes"_s).link, SourceLink::tag(u"deployments"_s, u"deploy-3"_s));
    QCOMPARE(metricOf(report, u"scan coverage"_s).link, SourceLink::toPage(u"security"_s));
    QCOMPARE(metricOf(report, u"pipeline success rate"_s).link, SourceLink::toPage(u"runs"_s));
    for (const MetricResult& metric : report.metrics)
        QVERIFY2(!metric.area.isEmpty() && !metric.link.page.isEmpty(), qPrintable(metric.name));
}

void TestScorecard::securityMetrics_data()
{
    QTest::addColumn<QList<FindingLifecycle>>("findings");
    QTest::addColumn<QStringList>("reports"); // tool=path of the last scan
    QTest::addColumn<QString>("expected"); // patch actual (h)/met; coverage; false positives

    const QDateTime t = day(1);
    QTest::newRow("fixed within hours, full coverage")
        << QList<FindingLifecycle>{lifecycle(Severity::Critical, {u"CVE-2026-1"_s}, t, t.addSecs(3 * 3600)),
                                   lifecycle(Severity::Critical, {u"CVE-2026-2"_s}, t, t.addSecs(5 * 3600)),
                                   lifecycle(Severity::Critical, {u"CVE-2026-3"_s}, t, t.addSecs(30 * 3600)),
                                   lifecycle(Severity::High, {u"CVE-2026-4"_s}, t, t.addDays(9))}
        << QStringList{u"semgrep=reports/semgrep.json"_s, u"trivy=reports/trivy-image.json"_s,
                       u"gitleaks=reports/gitleaks.json"_s, u"pip-audit=reports/pip-audit.json"_s}
        << u"5/met 1/met 0/met"_s;
    QTest::newRow("an open critical CVE counts with its age")
        << QList<FindingLifecycle>{lifecycle(Severity::Critical, {u"CVE-2026-1"_s}, t, t.addSecs(2 * 3600)),
                                   lifecycle(Severity::Critical, {u"CVE-2026-9"_s}, day(20))}
        << QStringList{u"semgrep=reports/semgrep.json"_s, u"trivy=reports/trivy.json"_s}
        << u"2/met 0.5/missed 0/met"_s; // median of 2 h and 11 days is the lower middle: 2 h
    QTest::newRow("no critical CVE, a missing kind")
        << QList<FindingLifecycle>{lifecycle(Severity::Critical, {u"CWE-79"_s}, t, {}, u"semgrep"_s,
                                             FindingCategory::Sast)}
        << QStringList{u"semgrep=reports/semgrep.json"_s, u"gitleaks=reports/gitleaks.json"_s,
                       u"trivy=reports/container-scan.json"_s}
        << u"null 0.75/missed 0/met"_s;
    QTest::newRow("no findings at all") << QList<FindingLifecycle>{} << QStringList{u"semgrep=r/s.json"_s}
                                        << u"null 0.5/missed null"_s;
}

void TestScorecard::securityMetrics()
{
    QFETCH(QList<FindingLifecycle>, findings);
    QFETCH(QStringList, reports);
    QFETCH(QString, expected);
    ScorecardInputs inputs;
    inputs.now = day(31);
    Posture posture;
    posture.now = inputs.now;
    QList<QPair<QString, QString>> pairs;
    for (const QString& report : reports)
        pairs.append({report.section(u'=', 0, 0), report.section(u'=', 1)});
    // An older scan of a tool that reports again later adds nothing; its own kinds count.
    posture.scans = {scanAt(day(1).addMonths(-2), {{u"trivy"_s, u"old/trivy-image.json"_s}}), scanAt(day(25), pairs)};
    posture.findings = findings;
    inputs.posture = posture;
    const ScorecardReport report = Scorecard::evaluate(inputs);

    auto describe = [](const MetricResult& m, double scale) -> QString {
        if (!m.actual)
            return u"null"_s;
        return QString::number(*m.actual / scale) + u'/' + (m.met.value_or(false) ? u"met"_s : u"missed"_s);
    };
    const QString actual = describe(metricOf(report, u"time to patch critical CVEs"_s), 3600) + u' '
        + describe(metricOf(report, u"scan coverage"_s), 1) + u' '
        + describe(metricOf(report, u"false-positive rate"_s), 1);
    QCOMPARE(actual, expected);
    for (const QString& name : {u"time to patch critical CVEs"_s, u"scan coverage"_s, u"false-positive rate"_s}) {
        QCOMPARE(metricOf(report, name).area, u"security"_s);
        QVERIFY2(!metricOf(report, name).evidence.isEmpty(), qPrintable(name));
    }

    // Without a posture every security metric is null and says why.
    inputs.posture.reset();
    inputs.postureError = u"config.yml line 3: sla must be a number"_s;
    const ScorecardReport without = Scorecard::evaluate(inputs);
    QVERIFY(!metricOf(without, u"scan coverage"_s).actual);
    QVERIFY(metricOf(without, u"scan coverage"_s).evidence.contains(u"sla must be a number"_s));
}

void TestScorecard::runMetrics_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<double>("success");
    QTest::addColumn<double>("recovery");
    QTest::addColumn<QString>("expected");
    QTest::newRow("healthy") << 40 << 0.975 << 600.0 << u"met met met met met"_s;
    QTest::newRow("slow recovery, flaky") << 40 << 0.90 << 3600.0 << u"not met met not met met met"_s;
    QTest::newRow("no recovery yet") << 12 << 1.0 << -1.0 << u"met met no data met met"_s;
    QTest::newRow("nothing imported") << 0 << -1.0 << -1.0 << u"no data no data no data no data no data"_s;
}

void TestScorecard::runMetrics()
{
    QFETCH(int, runs);
    QFETCH(double, success);
    QFETCH(double, recovery);
    QFETCH(QString, expected);
    ScorecardInputs inputs;
    inputs.now = day(31);
    RunFacts facts;
    facts.runs = runs;
    facts.defaultBranch = u"main"_s;
    if (runs > 0) {
        facts.overall.runs = runs;
        facts.overall.concluded = runs;
        facts.overall.successRate = success;
        facts.overall.falseFailureRate = 0.02;
        facts.overall.recoveryMedian = recovery;
        facts.overall.feedbackMedian = 240;
        facts.overall.manualInterventionRate = 0.0;
    }
    inputs.runs = facts;
    const ScorecardReport report = Scorecard::evaluate(inputs);
    QStringList outcomes;
    QStringList names;
    for (const MetricResult& m : report.metrics) {
        if (m.area != u"runs"_s)
            continue;
        names.append(m.name);
        outcomes.append(!m.met ? u"no data"_s : (*m.met ? u"met"_s : u"not met"_s));
        QCOMPARE(bool(m.actual), bool(m.met));
        if (runs == 0)
            QCOMPARE(m.evidence, u"No run data imported (gatehouse runs import)."_s);
    }
    QCOMPARE(names,
             QStringList({u"pipeline success rate"_s, u"false failure rate"_s, u"mean time to recovery"_s,
                          u"pipeline feedback time"_s, u"manual intervention rate"_s}));
    QCOMPARE(outcomes.join(u' '), expected);
    if (runs > 0)
        QCOMPARE(metricOf(report, u"pipeline success rate"_s).actual.value_or(-1), success);
}

void TestScorecard::collectRuns()
{
    test::ScratchRepository scratch;
    const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());
    const git::ObjectId c1 = scratch.commit(u"feat: start"_s, {{u".gitlab-ci.yml"_s, "t:\n  script: [make]\n"}}, t0);
    QTemporaryDir storeDir;
    const CollectOptions options{storeDir.path(), u"-"_s, {}};

    // Nothing imported: the run metrics are null with the reason.
    auto inputs = Scorecard::collect(scratch.repo(), {}, t0.addDays(1), nullptr, options);
    QVERIFY2(inputs.ok(), qPrintable(inputs.ok() ? QString() : inputs.error().toString()));
    QVERIFY(inputs->runs);
    QCOMPARE(inputs->runs->runs, 0);
    QVERIFY(metricOf(Scorecard::evaluate(inputs.value()), u"pipeline success rate"_s)
                .evidence.startsWith(u"No run data imported"_s));

    // 19 green runs and a red one that a retry of the same commit fixed: 95 % is not above 95 %.
    QList<runs::Run> history;
    for (int i = 0; i < 20; ++i) {
        const QString sha = i == 10 ? u"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"_s : c1.toString();
        history.append(run(QString::number(100 + i), i == 10 ? runs::RunStatus::Failed : runs::RunStatus::Success,
                           t0.addSecs(3600 * i), 300, sha));
    }
    runs::RunStore store(runs::RunStore::storePath(scratch.repo().gitDir(), storeDir.path()));
    QVERIFY(store.load().ok());
    store.merge(history);
    QVERIFY(store.save().ok());

    inputs = Scorecard::collect(scratch.repo(), {}, t0.addDays(2), nullptr, options);
    QVERIFY(inputs.ok());
    QCOMPARE(inputs->runs->runs, 20);
    const ScorecardReport report = Scorecard::evaluate(inputs.value());
    const MetricResult& success = metricOf(report, u"pipeline success rate"_s);
    QCOMPARE(success.actual.value_or(-1), 0.95);
    QCOMPARE(success.met, std::optional<bool>(false));
    QCOMPARE(metricOf(report, u"pipeline feedback time"_s).actual.value_or(-1), 300.0);
    QCOMPARE(metricOf(report, u"pipeline feedback time"_s).met, std::optional<bool>(true));
    // The failure on main recovered with the next run an hour later: 60 min against a 15 min target.
    QCOMPARE(metricOf(report, u"mean time to recovery"_s).actual.value_or(-1), 3600.0);
    QCOMPARE(metricOf(report, u"mean time to recovery"_s).met, std::optional<bool>(false));
}

void TestScorecard::overviewSummary()
{
    ScorecardInputs inputs = withFile(u".gitlab-ci.yml"_s, "t:\n  script: [make]\n");
    inputs.pipelineGates
        = {{u".github/workflows/a.yml"_s, 9, 9, QString()}, {u".gitlab-ci.yml"_s, 9, 7, u".gitlab-ci.yml:2: x"_s}};
    Posture posture;
    posture.now = inputs.now;
    posture.findings = {lifecycle(Severity::Critical, {}, day(2)), lifecycle(Severity::High, {}, day(3)),
                        lifecycle(Severity::High, {}, day(3), day(4))};
    inputs.posture = posture;
    delivery::Deployment d;
    d.tag = u"deploy-9"_s;
    d.environment = u"production"_s;
    d.time = day(20);
    inputs.deployments.deployments = {d};
    delivery::Incident older;
    older.title = u"older"_s;
    older.time = day(5);
    delivery::Incident newer = older;
    newer.title = u"newer"_s;
    newer.time = day(9);
    inputs.incidents = {newer, older};

    const OverviewSummary summary = OverviewSummary::fromInputs(inputs);
    QVERIFY(summary.mainPipeline);
    QCOMPARE(summary.mainPipeline->path, u".gitlab-ci.yml"_s);
    QCOMPARE(summary.mainPipeline->passing, 7);
    QCOMPARE(summary.pipelines, 2);
    QCOMPARE(summary.openCritical, 1);
    QCOMPARE(summary.openHigh, 1);
    QCOMPARE(summary.lastProduction->tag, u"deploy-9"_s);
    QCOMPARE(summary.lastIncident->title, u"newer"_s);
    QCOMPARE(summary.incidents, 2);
    QCOMPARE(summary.report.factors.size(), 12);
}

void TestScorecard::demo()
{
    QTemporaryDir dir;
    QVERIFY(DemoRepository::create(dir.path() + u"/demo"_s).ok());
    QTemporaryDir storeDir;
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
    const auto summary
        = OverviewSummary::compute(dir.path() + u"/demo"_s, {}, now, nullptr, {storeDir.path(), u"-"_s, {}});
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().toString()));
    const ScorecardReport& report = summary->report;
    QStringList statuses;
    for (const FactorResult& factor : report.factors) {
        statuses.append(factor.id + u'=' + factorStatusName(factor.status));
        QVERIFY2(factor.link.kind != SourceLink::Kind::Page || factor.id == u"XI"_s, qPrintable(factor.id));
    }
    qInfo().noquote() << statuses.join(u' ');
    // Every factor is measured on the demo (nothing is n.a.), and its story shows: a rollback, a floating action tag.
    for (const FactorResult& factor : report.factors)
        QVERIFY2(factor.status != FactorStatus::NotApplicable, qPrintable(factor.id + u": "_s + factor.evidence));
    QVERIFY(summary->posture);
    QVERIFY(summary->lastProduction);
    QVERIFY(summary->lastIncident);
    QVERIFY(summary->mainPipeline);
    QCOMPARE(summary->mainPipeline->path, u".gitlab-ci.yml"_s);
    for (const QString& name : {u"scan coverage"_s, u"false-positive rate"_s, u"rollback rate"_s,
                                u"deployment frequency"_s, u"lead time for changes"_s}) {
        QVERIFY2(metricOf(report, name).actual, qPrintable(name + u": "_s + metricOf(report, name).evidence));
    }
    QVERIFY(metricOf(report, u"rollback rate"_s).actual.value_or(0) > 0);
}

QTEST_GUILESS_MAIN(TestScorecard)
#include "tst_scorecard.moc"
