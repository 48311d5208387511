// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "scorecard/Scorecard.h"

#include <QTest>
#include <QTimeZone>

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
}

void TestScorecard::reuse()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, yaml);
    QFETCH(QString, status);
    const ScorecardReport report = Scorecard::evaluate(withFile(path, yaml));
    QCOMPARE(report.factors.size(), 12);
    QCOMPARE(factorStatusName(factorOf(report, u"IX"_s).status), status);
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

    QCOMPARE(report.metrics.size(), 6);
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

    const auto inputs = Scorecard::collect(scratch.repo(), {}, t0.addDays(10));
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

    test::ScratchRepository empty;
    const auto none = Scorecard::collect(empty.repo(), {}, t0);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, u"git.empty"_s);
}

QTEST_GUILESS_MAIN(TestScorecard)
#include "tst_scorecard.moc"
