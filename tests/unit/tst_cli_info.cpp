// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"
#include "ShellFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

// `gatehouse info` through the real binary, with no display: every figure of the Overview is in its JSON.
class TestCliInfo : public QObject
{
    Q_OBJECT

    using Run = gatehouse::test::CliRun;
    static Run run(const QStringList& arguments) { return gatehouse::test::runCli(arguments); }

private Q_SLOTS:
    void versionWithoutDisplay()
    {
        const Run result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("gatehouse "));
    }

    void unknownSubcommand()
    {
        const Run result = run({QStringLiteral("infoo")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("unknown subcommand 'infoo'"));
    }

    void jsonHasEveryFigure()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        const Run result = run({QStringLiteral("info"), QStringLiteral("--repo"), scratch.path(),
                                QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error{};
        const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("head")).toString(), fx.hotfix.toString());
        QCOMPARE(json.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
        QCOMPARE(json.value(QStringLiteral("commits")).toInt(), 7);
        QCOMPARE(json.value(QStringLiteral("workTree")).toBool(), true);

        const QJsonObject kpis = json.value(QStringLiteral("kpis")).toObject();
        QCOMPARE(kpis.value(QStringLiteral("commitsLast12Weeks")).toInt(), 7);
        QCOMPARE(kpis.value(QStringLiteral("contributors")).toInt(), 3);
        QCOMPARE(kpis.value(QStringLiteral("pipelineFiles")).toInt(), 4);
        QCOMPARE(kpis.value(QStringLiteral("reportFiles")).toInt(), 2);
        QCOMPARE(kpis.value(QStringLiteral("scanNotes")).toInt(), 1);
        QCOMPARE(kpis.value(QStringLiteral("deployments")).toInt(), 3); // with the release v1.0
        QCOMPARE(kpis.value(QStringLiteral("incidents")).toInt(), 3);
        QCOMPARE(kpis.value(QStringLiteral("reportCommits")).toInt(), 2);
        QCOMPARE(kpis.value(QStringLiteral("pipelineFilesGitLab")).toInt(), 2);
        QCOMPARE(kpis.value(QStringLiteral("pipelineFilesGitHub")).toInt(), 2);
        QCOMPARE(kpis.value(QStringLiteral("contributorsLast12Weeks")).toInt(), 3);
        const QJsonObject perEnvironment = kpis.value(QStringLiteral("deploymentsPerEnvironment")).toObject();
        QCOMPARE(
            perEnvironment.value(QStringLiteral("staging")).toObject().value(QStringLiteral("deployments")).toInt(), 1);
        const QJsonObject byKind = kpis.value(QStringLiteral("incidentsByKind")).toObject();
        QCOMPARE(byKind.value(QStringLiteral("postmortem")).toInt(), 1);
        QCOMPARE(byKind.value(QStringLiteral("hotfix")).toInt(), 1);
        QCOMPARE(byKind.value(QStringLiteral("revert")).toInt(), 1);
        const QJsonObject last = kpis.value(QStringLiteral("lastDeploymentPerEnvironment")).toObject();
        QCOMPARE(last.keys(),
                 QStringList({QStringLiteral("production"), QStringLiteral("release"), QStringLiteral("staging")}));
        QCOMPARE(last.value(QStringLiteral("production")).toObject().value(QStringLiteral("tag")).toString(),
                 QStringLiteral("prod-2026-01-05"));
        QCOMPARE(kpis.value(QStringLiteral("lastIncident")).toObject().value(QStringLiteral("commit")).toString(),
                 fx.hotfix.toString());

        const QJsonArray incidents = json.value(QStringLiteral("incidents")).toArray();
        QCOMPARE(incidents.size(), 3);
        QCOMPARE(incidents.at(2).toObject().value(QStringLiteral("rootCause")).toString(),
                 QStringLiteral("missing index on orders"));
        QCOMPARE(json.value(QStringLiteral("pipelineFiles")).toArray().size(), 4);
        QCOMPARE(json.value(QStringLiteral("scanCommits")).toArray().size(), 2);
        QCOMPARE(json.value(QStringLiteral("weeks")).toArray().size(), 26);
        QCOMPARE(json.value(QStringLiteral("recentCommits")).toArray().size(), 7);
    }

    void textAtARevision()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        const Run result = run({QStringLiteral("info"), QStringLiteral("--repo"), scratch.path(),
                                QStringLiteral("--rev"), fx.stagingDeploy.toString()});
        QCOMPARE(result.exitCode, 0);
        const QString text = QString::fromUtf8(result.out);
        QVERIFY2(text.contains(QStringLiteral("Commits:         3 in history")), result.out.constData());
        QVERIFY(text.contains(QStringLiteral("Scan reports (2)")));
        QVERIFY(text.contains(QStringLiteral("Incidents (0)")));
    }

    void inputErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a repository")
            << QStringLiteral("plain") << QStringLiteral("Cannot open a git repository at");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("no commits") << QStringLiteral("empty") << QStringLiteral("no commits yet");
        QTest::newRow("bad revision") << QStringLiteral("badrev") << QStringLiteral("'nope' is not a revision");
    }
    void inputErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir plain;
        test::ScratchRepository scratch;
        QStringList arguments{QStringLiteral("info"), QStringLiteral("--repo")};
        if (kind == QLatin1String("plain"))
            arguments << plain.path();
        else if (kind == QLatin1String("missing"))
            arguments << plain.path() + QStringLiteral("/missing");
        else
            arguments << scratch.path();
        if (kind == QLatin1String("badrev")) {
            scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a"), "1"}});
            arguments << QStringLiteral("--rev") << QStringLiteral("nope");
        }
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliInfo)
#include "tst_cli_info.moc"
