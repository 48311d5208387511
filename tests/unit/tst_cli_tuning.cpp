// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

// `gatehouse tuning`, `strategies` and `findings parse` on the real binary, over the demo repository's SonarQube
// report, Swarm stack and Nomad job.
class TestCliTuning : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;
    QTemporaryDir m_cache;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList& arguments) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"QT_QPA_PLATFORM"_s);
        environment.insert(u"XDG_CACHE_HOME"_s, m_cache.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GATEHOUSE_BINARY), arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    QJsonObject tuningJson(const QStringList& extra = {}) const
    {
        const Run result = run(QStringList{u"tuning"_s, u"--repo"_s, m_demo.path(), u"--format"_s, u"json"_s,
                                           u"--now"_s, u"2026-12-01T00:00:00Z"_s}
                               + extra);
        if (result.exitCode != 0)
            qWarning("%s", result.err.constData());
        return QJsonDocument::fromJson(result.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Run demo = run({u"demo"_s, m_demo.path()});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
    }

    void noisyRule()
    {
        const QJsonObject root = tuningJson();
        QCOMPARE(root.value(u"window"_s).toObject().value(u"days"_s).toInt(), 90);
        const QJsonArray rules = root.value(u"rules"_s).toArray();
        QVERIFY(!rules.isEmpty());
        // The demo's SonarQube credential rule: four issues, three resolved as false positives in SonarQube.
        const QJsonObject first = rules.first().toObject();
        QCOMPARE(first.value(u"tool"_s).toString(), u"sonarqube"_s);
        QCOMPARE(first.value(u"rule"_s).toString(), u"python:S2068"_s);
        QCOMPARE(first.value(u"raised"_s).toInt(), 4);
        QCOMPARE(first.value(u"false_positive"_s).toInt(), 3);
        QCOMPARE(first.value(u"accepted"_s).toInt(), 1);
        QCOMPARE(first.value(u"fixed"_s).toInt(), 0);
        QCOMPARE(first.value(u"fp_rate"_s).toDouble(), 0.75);
        QCOMPARE(first.value(u"recommendation"_s).toString(), u"disable"_s);
        QVERIFY(first.value(u"reason"_s).toString().contains(u"false positive"_s));
        for (const QJsonValue& v : rules) {
            const QString advice = v.toObject().value(u"recommendation"_s).toString();
            QVERIFY2(QStringList({u"disable"_s, u"raise-threshold"_s, u"keep"_s}).contains(advice), qPrintable(advice));
        }
    }

    void window()
    {
        // Ten days before --now: the SonarQube analyses of late November, and nothing older than that window.
        const QJsonObject root = tuningJson({u"--days"_s, u"10"_s});
        QCOMPARE(root.value(u"window"_s).toObject().value(u"from"_s).toString(), u"2026-11-21T00:00:00Z"_s);
        int sonar = 0;
        for (const QJsonValue& v : root.value(u"rules"_s).toArray())
            sonar += v.toObject().value(u"tool"_s).toString() == u"sonarqube"_s;
        QCOMPARE(sonar, 2);
        const QJsonArray all = tuningJson({u"--days"_s, u"365"_s}).value(u"rules"_s).toArray();
        QVERIFY(all.size() > root.value(u"rules"_s).toArray().size());
    }

    void text()
    {
        const Run result = run({u"tuning"_s, u"--repo"_s, m_demo.path(), u"--now"_s, u"2026-12-01T00:00:00Z"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("disable") && result.out.contains("python:S2068"), result.out.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("bad days") << QStringList{u"tuning"_s, u"--days"_s, u"zero"_s} << u"--days"_s;
        QTest::newRow("bad now") << QStringList{u"tuning"_s, u"--now"_s, u"soon"_s} << u"ISO 8601"_s;
        QTest::newRow("unknown rule") << QStringList{u"tuning"_s, u"--apply"_s, u"semgrep:nope"_s} << u"no rule"_s;
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrContains);
        const Run result = run(arguments + QStringList{u"--repo"_s, m_demo.path()});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    }

    void applyCommitsTheExclusion()
    {
        QTemporaryDir copy;
        QVERIFY(run({u"demo"_s, copy.path()}).exitCode == 0);
        QFile config(copy.path() + u"/.git/config"_s);
        QVERIFY(config.open(QIODevice::Append));
        config.write("[user]\n\tname = Rita Release\n\temail = rita@example.org\n");
        config.close();
        const Run applied = run({u"tuning"_s, u"--repo"_s, copy.path(), u"--now"_s, u"2026-12-01T00:00:00Z"_s,
                                 u"--apply"_s, u"sonarqube:python:S2068"_s});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        QVERIFY(applied.out.contains("sonar-project.properties"));
        QFile properties(copy.path() + u"/sonar-project.properties"_s);
        QVERIFY(properties.open(QIODevice::ReadOnly));
        QVERIFY(properties.readAll().contains("sonar.issue.ignore.multicriteria.gatehouse1.ruleKey=python:S2068"));
        const Run again = run({u"tuning"_s, u"--repo"_s, copy.path(), u"--now"_s, u"2026-12-01T00:00:00Z"_s,
                               u"--apply"_s, u"sonarqube:python:S2068"_s});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already excluded"), again.err.constData());
    }

    void strategiesShowSwarmAndNomad()
    {
        const Run result = run({u"strategies"_s, u"--repo"_s, m_demo.path(), u"--format"_s, u"json"_s});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QJsonObject qa;
        QJsonObject sandbox;
        for (const QJsonValue& v : root.value(u"environments"_s).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(u"environment"_s).toString() == u"qa"_s)
                qa = e;
            if (e.value(u"environment"_s).toString() == u"sandbox"_s)
                sandbox = e;
        }
        QCOMPARE(qa.value(u"strategy"_s).toString(), u"rolling"_s);
        QCOMPARE(qa.value(u"rollback"_s).toString(), u"automatic"_s);
        QCOMPARE(qa.value(u"steps"_s).toArray().size(), 3); // 50 %, a 20 s pause, 100 %
        QCOMPARE(qa.value(u"metrics"_s).toArray().size(), 2); // failure ratio, healthcheck
        QCOMPARE(sandbox.value(u"strategy"_s).toString(), u"canary"_s);
        QCOMPARE(sandbox.value(u"rollback"_s).toString(), u"automatic"_s);
        QCOMPARE(sandbox.value(u"steps"_s).toArray().first().toObject().value(u"weight"_s).toInt(), 33);
        QVERIFY(root.value(u"diagnostics"_s).toArray().isEmpty());
    }

    void findingsParseSonarQube()
    {
        const Run result
            = run({u"findings"_s, u"parse"_s, m_demo.path() + u"/reports/sonarqube.json"_s, u"--format"_s, u"json"_s});
        QVERIFY2(result.exitCode == 0 || result.exitCode == 1, result.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"sonarqube-json"_s);
        int triaged = 0;
        for (const QJsonValue& v : root.value(u"findings"_s).toArray())
            triaged += v.toObject().contains(u"triage"_s);
        QCOMPARE(triaged, 4);
    }
};

QTEST_GUILESS_MAIN(TestCliTuning)
#include "tst_cli_tuning.moc"
