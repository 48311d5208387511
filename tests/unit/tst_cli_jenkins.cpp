// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

using gatehouse::test::CliRun;
using gatehouse::test::ScratchRepository;

namespace {

CliRun run(const QStringList& arguments, const QString& workingDirectory)
{
    return gatehouse::test::runCli(arguments, workingDirectory);
}

const QByteArray jenkinsfile = "pipeline {\n"
                               "  agent any\n"
                               "  stages {\n"
                               "    stage('Build') { steps { sh 'make' } }\n"
                               "    stage('Checks') {\n"
                               "      parallel {\n"
                               "        stage('Test') { steps { sh 'make test' } }\n"
                               "        stage('Scan') { steps { sh 'semgrep scan --error' } }\n"
                               "      }\n"
                               "    }\n"
                               "    stage('Deploy to production') {\n"
                               "      input { message 'Ship?' }\n"
                               "      steps { sh './deploy.sh production' }\n"
                               "    }\n"
                               "  }\n"
                               "}\n";
const QByteArray shell = "pipeline {\n  agent any\n  stages {\n    stage('Build') {\n      steps {\n"
                         "        sh '''\n          cd build\n          make\n        '''\n      }\n    }\n  }\n}\n";
const QByteArray broken
    = "pipeline {\n  agent any\n  stages {\n    stage('A') {\n      stepz { sh 'x' }\n    }\n  }\n}\n";

} // namespace

class TestCliJenkins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validateDiscoversJenkinsfiles();
    void validateReportsProblems();
    void pipelineModel();
    void shellcheckMapsLinesBack();

private:
    ScratchRepository m_repo;
};

void TestCliJenkins::initTestCase()
{
    QVERIFY(m_repo.isValid());
    m_repo.commit(QStringLiteral("pipelines"),
                  {{QStringLiteral("Jenkinsfile"), jenkinsfile},
                   {QStringLiteral("ci/broken.Jenkinsfile"), broken},
                   {QStringLiteral("ci/shell.Jenkinsfile"), shell},
                   {QStringLiteral(".gatehouse/policy.yml"), "gates:\n  security-scanning: {enabled: false}\n"}});
    QVERIFY(m_repo.repo().checkoutHead().ok());
}

void TestCliJenkins::validateDiscoversJenkinsfiles()
{
    const CliRun r
        = run({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json")}, m_repo.path());
    QCOMPARE(r.exitCode, 1); // the broken file
    const QJsonArray files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 3);
    QCOMPARE(files[0][QStringLiteral("path")].toString(), QStringLiteral("Jenkinsfile"));
    QCOMPARE(files[1][QStringLiteral("path")].toString(), QStringLiteral("ci/broken.Jenkinsfile"));
    QCOMPARE(files[2][QStringLiteral("path")].toString(), QStringLiteral("ci/shell.Jenkinsfile"));
    for (const QJsonValue& file : files)
        QCOMPARE(file[QStringLiteral("kind")].toString(), QStringLiteral("jenkins"));
    for (const QJsonValue& d : files[0][QStringLiteral("diagnostics")].toArray())
        QVERIFY2(d[QStringLiteral("severity")].toString() != QStringLiteral("error"),
                 qPrintable(d[QStringLiteral("message")].toString()));
}

void TestCliJenkins::validateReportsProblems()
{
    const CliRun r = run({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("ci/broken.Jenkinsfile")},
                         m_repo.path());
    QCOMPARE(r.exitCode, 1);
    const QJsonArray files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    QStringList found;
    for (const QJsonValue& d : files[0][QStringLiteral("diagnostics")].toArray())
        found << QStringLiteral("%1:%2:%3:%4")
                     .arg(d[QStringLiteral("line")].toInt())
                     .arg(d[QStringLiteral("column")].toInt())
                     .arg(d[QStringLiteral("category")].toString(), d[QStringLiteral("rule")].toString());
    QVERIFY2(found.contains(QStringLiteral("5:7:schema:jenkins.unknown-section")), qPrintable(found.join(u' ')));
    QVERIFY2(found.contains(QStringLiteral("4:5:schema:jenkins.missing-steps")), qPrintable(found.join(u' ')));
    // Text output in the compiler style every editor understands.
    const CliRun text = run({QStringLiteral("validate"), QStringLiteral("ci/broken.Jenkinsfile")}, m_repo.path());
    QVERIFY2(text.out.contains("ci/broken.Jenkinsfile:5:7: error:"), text.out.constData());
}

void TestCliJenkins::pipelineModel()
{
    const CliRun r = run(
        {QStringLiteral("pipeline"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("Jenkinsfile")},
        m_repo.path());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("jenkins"));
    QCOMPARE(root.value(QStringLiteral("stages")).toArray().size(), 3);
    const QJsonArray jobs = root.value(QStringLiteral("jobs")).toArray();
    QCOMPARE(jobs.size(), 4);
    QCOMPARE(jobs[1][QStringLiteral("name")].toString(), QStringLiteral("Test"));
    QCOMPARE(jobs[1][QStringLiteral("stage")].toString(), QStringLiteral("Checks"));
    QCOMPARE(jobs[1][QStringLiteral("needs")].toArray(), QJsonArray{QStringLiteral("Build")});
    const QJsonObject deploy = jobs[3].toObject();
    QCOMPARE(deploy.value(QStringLiteral("needs")).toArray().size(), 2);
    QCOMPARE(deploy.value(QStringLiteral("when")).toString(), QStringLiteral("manual"));
    QCOMPARE(deploy.value(QStringLiteral("environment")).toString(), QStringLiteral("production"));
    QVERIFY(!deploy.value(QStringLiteral("gates")).toArray().contains(QStringLiteral("production-approval")));
    QCOMPARE(deploy.value(QStringLiteral("line")).toInt(), 11);
    QCOMPARE(root.value(QStringLiteral("errors")).toInt(), 0);
}

void TestCliJenkins::shellcheckMapsLinesBack()
{
    if (QStandardPaths::findExecutable(QStringLiteral("shellcheck")).isEmpty())
        QSKIP("shellcheck is not installed");
    const CliRun r
        = run({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("--categories"), QStringLiteral("script"), QStringLiteral("ci/shell.Jenkinsfile")},
              m_repo.path());
    const QJsonArray files = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    QStringList found;
    for (const QJsonValue& d : files[0][QStringLiteral("diagnostics")].toArray())
        found << QStringLiteral("%1:%2:%3")
                     .arg(d[QStringLiteral("line")].toInt())
                     .arg(d[QStringLiteral("column")].toInt())
                     .arg(d[QStringLiteral("rule")].toString());
    // `cd build` on line 7 of the file, column 11, is the script's second line.
    QCOMPARE(found, QStringList{QStringLiteral("7:11:SC2164")});
}

QTEST_GUILESS_MAIN(TestCliJenkins)
#include "tst_cli_jenkins.moc"
