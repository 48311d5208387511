// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using gatehouse::test::ScratchRepository;

// `gatehouse strategies` through the real binary, headless.
class TestCliStrategies : public QObject
{
    Q_OBJECT

    using Run = gatehouse::test::CliRun;
    static Run run(const QStringList& arguments) { return gatehouse::test::runCli(arguments); }
    static QByteArray fixture(const QString& name)
    {
        QFile file(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/k8s/") + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void json()
    {
        ScratchRepository scratch;
        scratch.commit(
            QStringLiteral("delivery"),
            {{QStringLiteral("k8s/production/canary.yaml"), fixture(QStringLiteral("flagger/podinfo-canary.yaml"))},
             {QStringLiteral("k8s/staging/web.yaml"),
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n"
              "    type: RollingUpdate\n"},
             {QStringLiteral("k8s/staging/broken.yaml"), "kind: Deployment\nspec: [\n"}});
        const Run result
            = run({QStringLiteral("strategies"), QStringLiteral("--repo"), scratch.path(), QStringLiteral("--rev"),
                   QStringLiteral("HEAD"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("k8s/staging/broken.yaml:3:1: warning:"), result.err.constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, result.out.constData());
        const QJsonArray environments = document.object().value(QStringLiteral("environments")).toArray();
        QCOMPARE(environments.size(), 2);

        const QJsonObject production = environments.at(0).toObject();
        QCOMPARE(production.value(QStringLiteral("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(production.value(QStringLiteral("strategy")).toString(), QStringLiteral("canary"));
        QCOMPARE(production.value(QStringLiteral("rollback")).toString(), QStringLiteral("automatic"));
        const QJsonObject source = production.value(QStringLiteral("sources")).toArray().at(0).toObject();
        QCOMPARE(source.value(QStringLiteral("path")).toString(), QStringLiteral("k8s/production/canary.yaml"));
        QCOMPARE(source.value(QStringLiteral("line")).toInt(), 2);
        const QJsonArray steps = production.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("weight")).toInt(), 10);
        QCOMPARE(steps.at(2).toObject().value(QStringLiteral("pause")).toString(), QStringLiteral("1m"));
        QCOMPARE(steps.last().toObject().value(QStringLiteral("promote")).toString(), QStringLiteral("automatic"));
        const QJsonArray metrics = production.value(QStringLiteral("metrics")).toArray();
        QCOMPARE(metrics.size(), 2);
        QCOMPARE(metrics.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("request-duration"));
        QCOMPARE(metrics.at(1).toObject().value(QStringLiteral("max")).toDouble(), 500.0);
        QCOMPARE(metrics.at(1).toObject().value(QStringLiteral("interval")).toString(), QStringLiteral("30s"));

        const QJsonObject staging = environments.at(1).toObject();
        QCOMPARE(staging.value(QStringLiteral("environment")).toString(), QStringLiteral("staging"));
        QCOMPARE(staging.value(QStringLiteral("strategy")).toString(), QStringLiteral("rolling"));
        QCOMPARE(staging.value(QStringLiteral("rollback")).toString(), QStringLiteral("none"));
    }

    void text()
    {
        ScratchRepository scratch;
        // Not committed: the default reads the work tree.
        scratch.writeWorkTreeFile(QStringLiteral("k8s/prod/rollout.yaml"),
                                  fixture(QStringLiteral("argo/rollout-analysis.yaml")));
        const Run result = run({QStringLiteral("strategies"), QStringLiteral("--repo"), scratch.path()});
        QCOMPARE(result.exitCode, 0);
        const QString out = QString::fromUtf8(result.out);
        QVERIFY2(out.startsWith(QStringLiteral("production: canary, rollback automatic\n")), result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("  source:  k8s/prod/rollout.yaml:41 (Rollout guestbook)\n")),
                 result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("  steps:   20% -> pause 10m -> analysis latency")),
                 result.out.constData());
        QVERIFY2(out.contains(QStringLiteral("  metric:  success-rate >= 0.95 every 5m (failure limit 3)\n")),
                 result.out.constData());
    }

    // Environments written as expressions: resolved ones carry the expression, unresolved ones keep it as written.
    void expressions()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("ci"),
                       {{QStringLiteral(".github/workflows/deployment.yml"),
                         "on:\n  workflow_dispatch:\n    inputs:\n"
                         "      environment: {type: choice, options: [staging, production]}\n"
                         "jobs:\n  release:\n    runs-on: x\n    environment: ${{ inputs.environment }}\n"
                         "    steps: [{run: script/release}]\n"
                         "  preview:\n    runs-on: x\n    environment: ${{ vars.PREVIEW }}\n"
                         "    steps: [{run: script/preview}]\n"}});
        const QStringList base{QStringLiteral("strategies"), QStringLiteral("--repo"), scratch.path(),
                               QStringLiteral("--rev"), QStringLiteral("HEAD")};
        const Run json = run(base + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray environments
            = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("environments")).toArray();
        QStringList names;
        for (const QJsonValue& entry : environments) {
            const QJsonObject object = entry.toObject();
            names << object.value(QStringLiteral("environment")).toString();
            QVERIFY2(object.contains(QStringLiteral("expression")), json.out.constData());
        }
        QCOMPARE(names,
                 QStringList(
                     {QStringLiteral("${{ vars.PREVIEW }}"), QStringLiteral("production"), QStringLiteral("staging")}));
        QCOMPARE(environments.at(0).toObject().value(QStringLiteral("chosenAtRunTime")).toBool(), true);
        QCOMPARE(environments.at(1).toObject().value(QStringLiteral("chosenAtRunTime")).toBool(), false);
        QCOMPARE(environments.at(1).toObject().value(QStringLiteral("resolvedFrom")).toString(),
                 QStringLiteral("choice"));
        QCOMPARE(environments.at(2).toObject().value(QStringLiteral("expression")).toString(),
                 QStringLiteral("${{ inputs.environment }}"));

        const Run text = run(base);
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.contains(QStringLiteral("  environment chosen at run time (${{ vars.PREVIEW }})\n")),
                 text.out.constData());
        QVERIFY2(out.contains(QStringLiteral("  from:    ${{ inputs.environment }} (choice)\n")), text.out.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("not a repository")
            << QStringList{QStringLiteral("strategies"), QStringLiteral("--repo"), QStringLiteral("/")} << 2
            << QStringLiteral("gatehouse strategies:");
        QTest::newRow("bad format") << QStringList{QStringLiteral("strategies"), QStringLiteral("--format=yaml")} << 2
                                    << QStringLiteral("unknown format 'yaml'");
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    }

    void badRevision()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("one"), {{QStringLiteral("a.txt"), "a"}});
        const Run result = run({QStringLiteral("strategies"), QStringLiteral("--repo"), scratch.path(),
                                QStringLiteral("--rev"), QStringLiteral("nope")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
        const Run empty = run({QStringLiteral("strategies"), QStringLiteral("--repo"), scratch.path()});
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.out.startsWith("No deployment strategy found"), empty.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliStrategies)
#include "tst_cli_strategies.moc"
