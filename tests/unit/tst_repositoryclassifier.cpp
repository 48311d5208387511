// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/RepositoryClassifier.h"
#include "repo/RepositorySnapshot.h"

#include <QtTest>

using namespace gatehouse;

class TestRepositoryClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipelineKind_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::newRow("gitlab root") << QStringLiteral(".gitlab-ci.yml") << QStringLiteral("gitlab-ci");
        QTest::newRow("circleci") << QStringLiteral(".circleci/config.yml") << QStringLiteral("circleci");
        QTest::newRow("circleci other file") << QStringLiteral(".circleci/continue.yml") << QString();
        QTest::newRow("gitlab nested is not the root config") << QStringLiteral("sub/.gitlab-ci.yml") << QString();
        QTest::newRow("workflow yml") << QStringLiteral(".github/workflows/ci.yml")
                                      << QStringLiteral("github-workflow");
        QTest::newRow("workflow yaml") << QStringLiteral(".github/workflows/r.yaml")
                                       << QStringLiteral("github-workflow");
        QTest::newRow("workflow subfolder") << QStringLiteral(".github/workflows/x/ci.yml") << QString();
        QTest::newRow("workflow readme") << QStringLiteral(".github/workflows/README.md") << QString();
        QTest::newRow("root action") << QStringLiteral("action.yml") << QStringLiteral("github-action");
        QTest::newRow("nested action") << QStringLiteral(".github/actions/gate/action.yaml")
                                       << QStringLiteral("github-action");
        QTest::newRow("other yaml") << QStringLiteral("deploy/values.yml") << QString();
        QTest::newRow("jenkinsfile") << QStringLiteral("Jenkinsfile") << QStringLiteral("jenkinsfile");
        QTest::newRow("jenkinsfile nested")
            << QStringLiteral("ci/release/Jenkinsfile") << QStringLiteral("jenkinsfile");
        QTest::newRow("jenkinsfile variant")
            << QStringLiteral("build-aux/Jenkinsfile.pr") << QStringLiteral("jenkinsfile");
        QTest::newRow("jenkinsfile underscore")
            << QStringLiteral("Jenkinsfile_release") << QStringLiteral("jenkinsfile");
        QTest::newRow("named jenkinsfile")
            << QStringLiteral("jenkins/nightly.Jenkinsfile") << QStringLiteral("jenkinsfile");
        QTest::newRow("jenkinsfile docs") << QStringLiteral("Jenkinsfile.md") << QString();
        QTest::newRow("groovy needs its content") << QStringLiteral("jenkins/deploy.groovy") << QString();
    }
    void pipelineKind()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        const auto result = classify::pipelineKind(path);
        QCOMPARE(result ? pipelineKindName(*result) : QString(), kind);
    }

    void reports_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("report");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("format");
        QTest::newRow("reports folder") << QStringLiteral("reports/semgrep.json") << true << QStringLiteral("semgrep")
                                        << QStringLiteral("json");
        QTest::newRow("reports nested") << QStringLiteral("reports/2026/trivy-image.json") << true
                                        << QStringLiteral("trivy") << QStringLiteral("json");
        QTest::newRow("sarif anywhere") << QStringLiteral("build/out/codeql.sarif") << true << QStringLiteral("codeql")
                                        << QStringLiteral("sarif");
        QTest::newRow("sarif json") << QStringLiteral("scan.sarif.json") << true << QStringLiteral("sarif")
                                    << QStringLiteral("sarif");
        QTest::newRow("gitlab report") << QStringLiteral("gl-dependency-scanning-report.json") << true
                                       << QStringLiteral("gitlab-dependency-scanning") << QStringLiteral("json");
        QTest::newRow("gitlab report nested") << QStringLiteral("ci/gl-sast-report.json") << true
                                              << QStringLiteral("gitlab-sast") << QStringLiteral("json");
        QTest::newRow("sonarqube export") << QStringLiteral("reports/sonarqube.json") << true
                                          << QStringLiteral("sonarqube") << QStringLiteral("json");
        QTest::newRow("sonar scanner report") << QStringLiteral("reports/sonar-issues.json") << true
                                              << QStringLiteral("sonarqube") << QStringLiteral("json");
        QTest::newRow("unknown tool") << QStringLiteral("reports/summary.html") << true << QStringLiteral("unknown")
                                      << QStringLiteral("html");
        QTest::newRow("not a report") << QStringLiteral("src/reports.py") << false << QString() << QString();
        QTest::newRow("nested reports folder")
            << QStringLiteral("docs/reports/x.json") << false << QString() << QString();
    }
    void reports()
    {
        QFETCH(QString, path);
        QFETCH(bool, report);
        QFETCH(QString, tool);
        QFETCH(QString, format);
        QCOMPARE(classify::isReportPath(path), report);
        if (report) {
            QCOMPARE(classify::reportTool(path), tool);
            QCOMPARE(classify::reportFormat(path), format);
        }
    }
};

QTEST_GUILESS_MAIN(TestRepositoryClassifier)
#include "tst_repositoryclassifier.moc"
