// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "repo/RepositoryClassifier.h"

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

    void deployTags_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("environment"); // empty = not a deployment
        QTest::addColumn<bool>("rollback");
        QTest::newRow("deploy sha, production message")
            << QStringLiteral("deploy-1a2b3c4") << QStringLiteral("Production deployment\n\nby CI")
            << QStringLiteral("production") << false;
        QTest::newRow("deploy sha, no message")
            << QStringLiteral("deploy-1a2b3c4") << QString() << QStringLiteral("unspecified") << false;
        QTest::newRow("deploy env word") << QStringLiteral("deploy-staging-42") << QString()
                                         << QStringLiteral("staging") << false;
        QTest::newRow("staging prefix") << QStringLiteral("staging-2026-03-01") << QString()
                                        << QStringLiteral("staging") << false;
        QTest::newRow("prod prefix") << QStringLiteral("prod-17") << QString() << QStringLiteral("production") << false;
        QTest::newRow("production prefix")
            << QStringLiteral("production/2026-03-01") << QString() << QStringLiteral("production") << false;
        QTest::newRow("message wins over name")
            << QStringLiteral("staging-9") << QStringLiteral("QA deployment") << QStringLiteral("qa") << false;
        QTest::newRow("deploy to message")
            << QStringLiteral("r-99") << QStringLiteral("Deploy to prod") << QStringLiteral("production") << false;
        QTest::newRow("rollback") << QStringLiteral("deploy-abc")
                                  << QStringLiteral("Production deployment (rollback to 1.2)")
                                  << QStringLiteral("production") << true;
        QTest::newRow("release tag") << QStringLiteral("v1.2.0") << QStringLiteral("Release 1.2.0") << QString()
                                     << false;
        QTest::newRow("word inside a name") << QStringLiteral("v1-deploy") << QString() << QString() << false;
        QTest::newRow("deployment later in message")
            << QStringLiteral("v2") << QStringLiteral("Prepare the production deployment") << QString() << false;
    }
    void deployTags()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QFETCH(QString, environment);
        QFETCH(bool, rollback);
        const auto result = classify::classifyDeployTag(name, message);
        QCOMPARE(result ? result->environment : QString(), environment);
        if (result)
            QCOMPARE(result->rollback, rollback);
    }

    void incidents_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("kind"); // empty = not an incident
        QTest::addColumn<QString>("incident");
        QTest::addColumn<QString>("rootCause");
        QTest::addColumn<QString>("fix");
        QTest::addColumn<int>("factors");
        QTest::newRow("postmortem with fields")
            << QStringLiteral("postmortem(api): outage\n\nIncident: INC-1 500s\nRoot cause: no index\n"
                              "Fix: add index\nFactor IX: disposability\nFactor VI: processes\n")
            << QStringLiteral("postmortem") << QStringLiteral("INC-1 500s") << QStringLiteral("no index")
            << QStringLiteral("add index") << 2;
        QTest::newRow("case and spacing")
            << QStringLiteral("Postmortem: db\n\n  incident :  X\nROOT-CAUSE: y") << QStringLiteral("postmortem")
            << QStringLiteral("X") << QStringLiteral("y") << QString() << 0;
        QTest::newRow("hotfix scope") << QStringLiteral("hotfix(cart): restore") << QStringLiteral("hotfix")
                                      << QString() << QString() << QString() << 0;
        QTest::newRow("fix hotfix") << QStringLiteral("fix(hotfix): patch") << QStringLiteral("hotfix") << QString()
                                    << QString() << QString() << 0;
        QTest::newRow("git revert") << QStringLiteral("Revert \"feat: x\"\n\nThis reverts commit abc.")
                                    << QStringLiteral("revert") << QString() << QString() << QString() << 0;
        QTest::newRow("conventional revert")
            << QStringLiteral("revert: feat x") << QStringLiteral("revert") << QString() << QString() << QString() << 0;
        QTest::newRow("plain fix") << QStringLiteral("fix: typo\n\nFix: the typo") << QString() << QString()
                                   << QString() << QString() << 0;
        QTest::newRow("word later") << QStringLiteral("docs: how to write a postmortem") << QString() << QString()
                                    << QString() << QString() << 0;
        QTest::newRow("first field wins")
            << QStringLiteral("postmortem: a\n\nFix: one\nFix: two") << QStringLiteral("postmortem") << QString()
            << QString() << QStringLiteral("one") << 0;
    }
    void incidents()
    {
        QFETCH(QString, message);
        QFETCH(QString, kind);
        QFETCH(QString, incident);
        QFETCH(QString, rootCause);
        QFETCH(QString, fix);
        QFETCH(int, factors);
        const auto result = classify::classifyIncident(message);
        QCOMPARE(result ? incidentKindName(result->kind) : QString(), kind);
        if (!result)
            return;
        QCOMPARE(result->summary, message.section(QLatin1Char('\n'), 0, 0));
        QCOMPARE(result->incident, incident);
        QCOMPARE(result->rootCause, rootCause);
        QCOMPARE(result->fix, fix);
        QCOMPARE(result->factors.size(), factors);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryClassifier)
#include "tst_repositoryclassifier.moc"
