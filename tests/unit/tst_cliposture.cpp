// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

// `gatehouse posture` on the real binary, over the built-in demo repository.
class TestCliPosture : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;
    QTemporaryDir m_cache;

    using Run = gatehouse::test::CliRun;
    Run run(const QStringList& arguments) const
    {
        return gatehouse::test::CliRunner().setEnvironment(u"XDG_CACHE_HOME"_s, m_cache.path()).run(arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Run demo = run({u"demo"_s, m_demo.path()});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
    }

    void json()
    {
        const Run result = run({u"posture"_s, u"--repo"_s, m_demo.path(), u"--format"_s, u"json"_s, u"--now"_s,
                                u"2026-11-21T00:00:00Z"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QVERIFY(root.contains(u"scans"_s));
        QVERIFY(root.contains(u"findings"_s));
        QCOMPARE(root.value(u"now"_s).toString(), u"2026-11-21T00:00:00Z"_s);
        const QJsonArray scans = root.value(u"scans"_s).toArray();
        QVERIFY(scans.size() >= 16);
        // Times are ISO 8601 UTC and scans are in history order.
        QString previous;
        for (const QJsonValue& v : scans) {
            const QString time = v.toObject().value(u"time"_s).toString();
            QVERIFY2(time.endsWith(QLatin1Char('Z')), qPrintable(time));
            QVERIFY(previous <= time);
            previous = time;
        }
        int overdue = 0;
        QJsonObject critical;
        for (const QJsonValue& v : root.value(u"findings"_s).toArray()) {
            const QJsonObject f = v.toObject();
            overdue += f.value(u"overdue"_s).toBool();
            if (f.value(u"severity"_s).toString() == u"critical"_s)
                critical = f;
            const QString state = f.value(u"state"_s).toString();
            QVERIFY2(QStringList({u"open"_s, u"fixed"_s, u"false_positive"_s, u"accepted"_s}).contains(state),
                     qPrintable(state));
            QCOMPARE(f.value(u"fixed"_s).isNull(), state != u"fixed"_s);
        }
        QCOMPARE(overdue, 1);
        QCOMPARE(critical.value(u"state"_s).toString(), u"fixed"_s);
        QVERIFY(critical.value(u"age_days"_s).toDouble() < 1.0);
        // The summary agrees with the findings.
        QCOMPARE(root.value(u"summary"_s).toObject().value(u"overdue"_s).toInt(), overdue);
    }

    void revisionLimitsHistory()
    {
        // Before the PyYAML fix the critical is open (and past its one-day SLA three days later).
        const Run result
            = run({u"posture"_s, u"--repo"_s, m_demo.path(), u"--rev"_s, u":/security scan after the carriers change"_s,
                   u"--format"_s, u"json"_s, u"--now"_s, u"2026-09-18T00:00:00Z"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        bool openCritical = false;
        for (const QJsonValue& v : root.value(u"findings"_s).toArray()) {
            const QJsonObject f = v.toObject();
            if (f.value(u"severity"_s).toString() == u"critical"_s)
                openCritical = f.value(u"state"_s).toString() == u"open"_s && f.value(u"overdue"_s).toBool();
        }
        QVERIFY(openCritical);
    }

    void text()
    {
        const Run result = run({u"posture"_s, u"--repo"_s, m_demo.path(), u"--now"_s, u"2026-11-21T00:00:00Z"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("overdue: 1"), result.out.constData());
        QVERIFY(result.out.contains("OVERDUE"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("not a repository") << QStringList{u"posture"_s, u"--repo"_s, u"/"_s} << u"repository"_s;
        QTest::newRow("bad now") << QStringList{u"posture"_s, u"--now"_s, u"yesterday"_s} << u"ISO 8601"_s;
        QTest::newRow("bad format") << QStringList{u"posture"_s, u"--format"_s, u"xml"_s} << u"unknown format"_s;
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrContains);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliPosture)
#include "tst_cliposture.moc"
