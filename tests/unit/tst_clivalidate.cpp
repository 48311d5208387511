// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using gatehouse::test::ScratchRepository;

namespace {

using gatehouse::test::CliRun;

CliRun run(const QStringList& arguments, const QString& workingDirectory)
{
    return gatehouse::test::runCli(arguments, workingDirectory);
}

const QByteArray gitlabGood = "include:\n  - local: ci/jobs.yml\nstages: [build, test, deploy]\n"
                              "build:\n  stage: build\n  image: gcc:14\n  script: make\n";
const QByteArray jobsFile = "test:\n  stage: test\n  image: gcc:14\n  script: make check\n  needs: [build]\n";
const QByteArray gitlabBad = "stages: [build]\nbuild:\n  stage: buidl\n  script: make\n";
const QByteArray workflow
    = "on: push\npermissions: {contents: read}\njobs:\n  test:\n    runs-on: ubuntu-24.04\n"
      "    timeout-minutes: 10\n    steps:\n      - uses: ./tools/act\n        with: {color: red}\n";
const QByteArray action = "name: act\ndescription: d\ninputs:\n  color: {required: true}\nruns:\n  using: node20\n"
                          "  main: index.js\n";

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonAtRevision();
    void textCompilerStyle();
    void workTree();
    void categoriesAndNoGates();
    void sarif();
    void usageErrors_data();
    void usageErrors();
    void badInput_data();
    void badInput();
    void failOn_data();
    void failOn();
    void policyFromRepository();
    void pipelineModel();
    void pipelineMerged();

private:
    ScratchRepository m_repo;
    QString m_good;
    QString m_bad;
};

void TestCliValidate::initTestCase()
{
    QVERIFY(m_repo.isValid());
    m_good = m_repo
                 .commit(QStringLiteral("pipelines"),
                         {{QStringLiteral(".gitlab-ci.yml"), gitlabGood},
                          {QStringLiteral("ci/jobs.yml"), jobsFile},
                          {QStringLiteral(".github/workflows/ci.yml"), workflow},
                          {QStringLiteral("tools/act/action.yml"), action},
                          {QStringLiteral(".gatehouse/policy.yml"),
                           "gates:\n  security-scanning: {enabled: false}\n  deploy-after-validation: false\n"}})
                 .toString();
    m_bad = m_repo.commit(QStringLiteral("break it"), {{QStringLiteral(".gitlab-ci.yml"), gitlabBad}}).toString();
    QVERIFY(m_repo.repo().checkoutHead().ok());
}

void TestCliValidate::jsonAtRevision()
{
    const CliRun r = run({QStringLiteral("validate"), QStringLiteral("--repo"), m_repo.path(), QStringLiteral("--rev"),
                          m_good, QStringLiteral("--format"), QStringLiteral("json")},
                         m_repo.path());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    const QJsonArray files = root.value(QStringLiteral("files")).toArray();
    QStringList paths;
    for (const QJsonValue& file : files) {
        paths << file[QStringLiteral("path")].toString();
        QVERIFY(file[QStringLiteral("diagnostics")].isArray());
        for (const QJsonValue& d : file[QStringLiteral("diagnostics")].toArray()) {
            for (const char* field : {"line", "column", "severity", "category", "rule", "message"})
                QVERIFY2(d.toObject().contains(QLatin1StringView(field)), field);
            QVERIFY(d[QStringLiteral("severity")].toString() != QStringLiteral("error"));
        }
    }
    QCOMPARE(paths,
             (QStringList{QStringLiteral(".gitlab-ci.yml"), QStringLiteral(".github/workflows/ci.yml"),
                          QStringLiteral("tools/act/action.yml")}));
    QCOMPARE(files[0][QStringLiteral("kind")].toString(), QStringLiteral("gitlab"));
    QCOMPARE(files[1][QStringLiteral("kind")].toString(), QStringLiteral("github"));
    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 0);
    QVERIFY(summary.contains(QStringLiteral("warnings")) && summary.contains(QStringLiteral("infos")));
}

void TestCliValidate::textCompilerStyle()
{
    const CliRun r = run({QStringLiteral("validate"), QStringLiteral("--repo"), m_repo.path(), QStringLiteral("--rev"),
                          m_bad, QStringLiteral("--no-gates")},
                         m_repo.path());
    QCOMPARE(r.exitCode, 1);
    const QString out = QString::fromUtf8(r.out);
    static const QRegularExpression line(
        QStringLiteral(
            "^\\.gitlab-ci\\.yml:3:10: error: job 'build' uses stage 'buidl', which is not defined \\(did you mean "
            "'build'\\?\\); available stages: \\.pre, build, \\.post \\[gitlab\\.undefined-stage\\]$"),
        QRegularExpression::MultilineOption);
    QVERIFY2(line.match(out).hasMatch(), qPrintable(out));
}

void TestCliValidate::workTree()
{
    // The work tree has the bad version checked out; an uncommitted fix is what `validate` sees without --rev.
    m_repo.writeWorkTreeFile(QStringLiteral(".gitlab-ci.yml"),
                             "stages: [build]\nbuild:\n  stage: build\n  script: make\n");
    CliRun r = run({QStringLiteral("validate"), QStringLiteral("--no-gates")}, m_repo.path());
    QCOMPARE(r.exitCode, 0);
    m_repo.writeWorkTreeFile(QStringLiteral(".gitlab-ci.yml"), gitlabBad);
    r = run({QStringLiteral("validate"), QStringLiteral("--no-gates"), QStringLiteral(".gitlab-ci.yml")},
            m_repo.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.startsWith(".gitlab-ci.yml:3:10: error:"));
}

void TestCliValidate::categoriesAndNoGates()
{
    CliRun r = run({QStringLiteral("validate"), QStringLiteral("--rev"), m_good, QStringLiteral("--categories"),
                    QStringLiteral("gate"), QStringLiteral("--format"), QStringLiteral("json")},
                   m_repo.path());
    QJsonArray files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    int gates = 0;
    for (const QJsonValue& file : files) {
        for (const QJsonValue& d : file[QStringLiteral("diagnostics")].toArray()) {
            QCOMPARE(d[QStringLiteral("category")].toString(), QStringLiteral("gate"));
            ++gates;
        }
    }
    QVERIFY(gates > 0); // e.g. the third-party images pinned only by tag
    r = run({QStringLiteral("validate"), QStringLiteral("--rev"), m_good, QStringLiteral("--no-gates"),
             QStringLiteral("--format"), QStringLiteral("json")},
            m_repo.path());
    files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    for (const QJsonValue& file : files) {
        for (const QJsonValue& d : file[QStringLiteral("diagnostics")].toArray())
            QVERIFY(d[QStringLiteral("category")].toString() != QStringLiteral("gate"));
    }
}

void TestCliValidate::sarif()
{
    const CliRun r = run({QStringLiteral("validate"), QStringLiteral("--rev"), m_bad, QStringLiteral("--format"),
                          QStringLiteral("sarif")},
                         m_repo.path());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    const QJsonObject run0 = root.value(QStringLiteral("runs")).toArray().first().toObject();
    const QJsonArray rules = run0[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray();
    const QJsonArray results = run0[QStringLiteral("results")].toArray();
    QVERIFY(!rules.isEmpty());
    QVERIFY(!results.isEmpty());
    bool found = false;
    for (const QJsonValue& result : results) {
        const int index = result[QStringLiteral("ruleIndex")].toInt();
        QCOMPARE(rules[index][QStringLiteral("id")].toString(), result[QStringLiteral("ruleId")].toString());
        if (result[QStringLiteral("ruleId")].toString() == QStringLiteral("gitlab.undefined-stage")) {
            found = true;
            QCOMPARE(result[QStringLiteral("level")].toString(), QStringLiteral("error"));
            const QJsonObject location
                = result[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")].toObject();
            QCOMPARE(location[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
                     QStringLiteral(".gitlab-ci.yml"));
            QCOMPARE(location[QStringLiteral("region")][QStringLiteral("startLine")].toInt(), 3);
            QCOMPARE(location[QStringLiteral("region")][QStringLiteral("startColumn")].toInt(), 10);
        }
    }
    QVERIFY(found);
    for (const QJsonValue& rule : rules) {
        QVERIFY(!rule[QStringLiteral("shortDescription")][QStringLiteral("text")].toString().isEmpty());
        if (rule[QStringLiteral("id")].toString().startsWith(QStringLiteral("gate.")))
            QVERIFY(!rule[QStringLiteral("properties")][QStringLiteral("factor")].toString().isEmpty());
    }
}

void TestCliValidate::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("bad kind") << QStringList{QStringLiteral("--kind"), QStringLiteral("travis")}
                              << QStringLiteral("unknown kind 'travis'");
    QTest::newRow("bad category") << QStringList{QStringLiteral("--categories"), QStringLiteral("syntax,style")}
                                  << QStringLiteral("unknown category 'style'");
    QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("unknown format 'xml'");
    QTest::newRow("directory") << QStringList{QStringLiteral("ci")} << QStringLiteral("is a directory");
    QTest::newRow("missing file") << QStringList{QStringLiteral("nope.yml")} << QStringLiteral("nope.yml");
    QTest::newRow("bad revision") << QStringList{QStringLiteral("--rev"), QStringLiteral("no-such-rev")}
                                  << QStringLiteral("no-such-rev");
    QTest::newRow("bad fail-on") << QStringList{QStringLiteral("--fail-on"), QStringLiteral("fatal")}
                                 << QStringLiteral("unknown severity 'fatal' for --fail-on");
    QTest::newRow("missing policy") << QStringList{QStringLiteral("--policy"), QStringLiteral("/nonexistent/p.yml")}
                                    << QStringLiteral("cannot read the policy");
}

void TestCliValidate::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, stderrContains);
    const CliRun r = run(QStringList{QStringLiteral("validate")} + arguments, m_repo.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrContains), r.err.constData());
}

void TestCliValidate::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("rule");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("gitlab.empty");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QStringLiteral("yaml.binary");
    QTest::newRow("invalid utf-8") << QByteArray("job:\n  script: \xff\xfe\n") << QStringLiteral("yaml.invalid-utf8");
    QTest::newRow("50 MB") << QByteArray(50 << 20, 'x') << QStringLiteral("yaml.too-large");
    QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'k'; ++c) {
        bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 10; ++i)
            bomb += QByteArray(i ? ", *" : "*") + QByteArray(1, char(c - 1));
        bomb += "]\n";
    }
    QTest::newRow("billion laughs") << bomb << QStringLiteral("yaml.too-many-nodes");
    QTest::newRow("10000 levels") << QByteArray(10000, '{') << QStringLiteral("yaml.too-deep");
}

void TestCliValidate::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, rule);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral(".gitlab-ci.yml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QElapsedTimer timer;
    timer.start();
    const CliRun r
        = run({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), path}, dir.path());
    QVERIFY2(timer.elapsed() < 20000, "bad input must be rejected in bounded time");
    QCOMPARE(r.exitCode, 1);
    const QJsonArray files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    const QJsonArray diagnostics = files[0][QStringLiteral("diagnostics")].toArray();
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics[0][QStringLiteral("rule")].toString(), rule);
    QCOMPARE(diagnostics[0][QStringLiteral("severity")].toString(), QStringLiteral("error"));
}

void TestCliValidate::failOn_data()
{
    QTest::addColumn<QByteArray>("pipeline");
    QTest::addColumn<QString>("failOn"); // empty: the default
    QTest::addColumn<int>("exitCode");
    // Only the image and security-blocking gates run (see failOn()): each pipeline's worst finding is known.
    const QByteArray info = "build:\n  image: alpine:3.19\n  script: make\n"; // pinned to a tag: info
    const QByteArray warning = "build:\n  image: alpine\n  script: make\n"; // no tag: warning
    const QByteArray error = "sast:\n  image: alpine:3.19\n  script: semgrep ci\n  allow_failure: true\n";
    const QByteArray clean = "build:\n  image: alpine@sha256:0123456789abcdef\n  script: make\n";
    QTest::newRow("error, default") << error << QString() << 1;
    QTest::newRow("error, --fail-on error") << error << QStringLiteral("error") << 1;
    QTest::newRow("warning, default") << warning << QString() << 0;
    QTest::newRow("warning, --fail-on error") << warning << QStringLiteral("error") << 0;
    QTest::newRow("warning, --fail-on warning") << warning << QStringLiteral("warning") << 1;
    QTest::newRow("warning, --fail-on info") << warning << QStringLiteral("info") << 1;
    QTest::newRow("info, --fail-on warning") << info << QStringLiteral("warning") << 0;
    QTest::newRow("info, --fail-on info") << info << QStringLiteral("info") << 1;
    QTest::newRow("clean, --fail-on info") << clean << QStringLiteral("info") << 0;
}

void TestCliValidate::failOn()
{
    QFETCH(QByteArray, pipeline);
    QFETCH(QString, failOn);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral(".gitlab-ci.yml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pipeline);
    file.close();
    QFile policy(dir.filePath(QStringLiteral("policy.yml")));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write("gates:\n  security-scanning: false\n  deploy-after-validation: false\n  job-timeouts: false\n"
                 "  production-approval: false\n  progressive-delivery: false\n");
    policy.close();
    QStringList arguments{QStringLiteral("validate"), QStringLiteral("--policy"), policy.fileName(),
                          QStringLiteral("--categories"), QStringLiteral("syntax,schema,semantic,gate")};
    if (!failOn.isEmpty())
        arguments << QStringLiteral("--fail-on") << failOn;
    arguments << file.fileName();
    const CliRun r = run(arguments, dir.path());
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString::fromUtf8(r.out + r.err)));
}

void TestCliValidate::policyFromRepository()
{
    // The committed policy disables security-scanning; an explicit broken policy is a usage error.
    CliRun r = run({QStringLiteral("validate"), QStringLiteral("--rev"), m_good}, m_repo.path());
    QVERIFY(!r.out.contains("gate.security-scanning"));
    QVERIFY(!r.out.contains("gate.deploy-after-validation"));
    QTemporaryDir dir;
    QFile policy(dir.filePath(QStringLiteral("policy.yml")));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write("gates:\n  pinned-imags: {enabled: false}\n  job-timeouts: {severity: fatal}\n");
    policy.close();
    r = run(
        {QStringLiteral("validate"), QStringLiteral("--rev"), m_good, QStringLiteral("--policy"), policy.fileName()},
        m_repo.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("did you mean 'pinned-images'"), r.err.constData());
    QVERIFY2(r.err.contains("severity must be error, warning or info"), r.err.constData());
}

void TestCliValidate::pipelineModel()
{
    const CliRun r = run(
        {QStringLiteral("pipeline"), QStringLiteral("--rev"), m_good, QStringLiteral(".gitlab-ci.yml")}, m_repo.path());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("gitlab"));
    QCOMPARE(root.value(QStringLiteral("stages")).toArray().size(), 5);
    const QJsonArray jobs = root.value(QStringLiteral("jobs")).toArray();
    QCOMPARE(jobs.size(), 2);
    // Included jobs come first, as in GitLab's merged configuration.
    const QJsonObject test = jobs[0].toObject();
    QCOMPARE(test.value(QStringLiteral("name")).toString(), QStringLiteral("test"));
    QCOMPARE(jobs[1][QStringLiteral("name")].toString(), QStringLiteral("build"));
    QCOMPARE(test.value(QStringLiteral("stage")).toString(), QStringLiteral("test"));
    QCOMPARE(test.value(QStringLiteral("needs")).toArray().first().toString(), QStringLiteral("build"));
    QCOMPARE(test.value(QStringLiteral("when")).toString(), QStringLiteral("on_success"));
    QCOMPARE(test.value(QStringLiteral("allow_failure")).toBool(), false);
    QCOMPARE(test.value(QStringLiteral("image")).toString(), QStringLiteral("gcc:14"));
    QVERIFY(test.value(QStringLiteral("environment")).isString());
    // gcc:14 floats (a major-version tag): the pinned-images gate is not met.
    QVERIFY(!test.value(QStringLiteral("gates")).toArray().contains(QStringLiteral("pinned-images")));
    const CliRun dir = run({QStringLiteral("pipeline"), QStringLiteral("ci")}, m_repo.path());
    QCOMPARE(dir.exitCode, 2);
}

void TestCliValidate::pipelineMerged()
{
    const CliRun r = run({QStringLiteral("pipeline"), QStringLiteral("--rev"), m_good, QStringLiteral("--merged"),
                          QStringLiteral(".gitlab-ci.yml")},
                         m_repo.path());
    QCOMPARE(r.exitCode, 0);
    const QString yaml = QString::fromUtf8(r.out);
    QVERIFY2(yaml.contains(QStringLiteral("test:\n  stage: test\n")), qPrintable(yaml));
    QVERIFY(yaml.contains(QStringLiteral("script: make check")));
    QVERIFY(!yaml.contains(QStringLiteral("include")));
}

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_clivalidate.moc"
