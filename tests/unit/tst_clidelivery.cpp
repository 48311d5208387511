// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

#include <memory>

using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

// `gatehouse deployments` and `gatehouse incidents` on the real binary: the JSON field names are a contract that
// scripts read, so they are checked one by one.
class TestCliDelivery : public QObject
{
    Q_OBJECT

    using Run = gatehouse::test::CliRun;
    static Run run(const QStringList& arguments)
    {
        // Output must be UTC whatever the machine's zone.
        return gatehouse::test::CliRunner().setEnvironment(u"TZ"_s, u"America/New_York"_s).run(arguments);
    }
    static QDateTime at(int day, int hour) { return QDateTime(QDate(2026, 3, day), QTime(hour, 0), QTimeZone::utc()); }

private Q_SLOTS:
    void initTestCase();
    void deploymentsJson();
    void deploymentsWindow_data();
    void deploymentsWindow();
    void deploymentsText();
    void incidentsJson();
    void scorecardJson();
    void usageErrors_data();
    void usageErrors();

private:
    std::unique_ptr<ScratchRepository> m_scratch;
    QString m_hotfix;
};

// deploy-1 (1st 12:00) ← c1; deploy-2 (2nd 12:00) ← c2, c3; hotfix h (3rd 09:00); deploy-3 (3rd 10:00) ← h;
// staging-1 (2nd 11:00, lightweight on c3).
void TestCliDelivery::initTestCase()
{
    m_scratch = std::make_unique<ScratchRepository>();
    ScratchRepository& s = *m_scratch;
    QVERIFY(s.isValid());
    const auto c1 = s.commit(u"feat: one"_s, {{u"f"_s, "1\n"}}, at(1, 10));
    s.tag(u"deploy-1"_s, c1, u"Production deployment"_s, at(1, 12));
    s.commit(u"feat: two"_s, {{u"f"_s, "2\n"}}, at(2, 10));
    const auto c3 = s.commit(u"feat: three"_s, {{u"f"_s, "3\n"}}, at(2, 11));
    s.tag(u"deploy-2"_s, c3, u"Production deployment"_s, at(2, 12));
    s.tag(u"staging-1"_s, c3);
    const auto h = s.commit(u"hotfix(api): fix it\n\nIncident: INC-1\nRoot cause: bad input\nFix: validate\n"
                            "Factor IX: disposability\n"_s,
                            {{u"f"_s, "4\n"}}, at(3, 9));
    m_hotfix = h.toString();
    s.tag(u"deploy-3"_s, h, u"Production deployment"_s, at(3, 10));
}

void TestCliDelivery::deploymentsJson()
{
    const Run result = run({u"deployments"_s, u"--repo"_s, m_scratch->path(), u"--format"_s, u"json"_s});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    const QJsonArray deployments = root.value(u"deployments"_s).toArray();
    QCOMPARE(deployments.size(), 4);
    const QStringList contract{u"tag"_s,    u"commit"_s,   u"environment"_s,
                               u"time"_s,   u"deployer"_s, u"rollback"_s,
                               u"failed"_s, u"changes"_s,  u"lead_time_median_s"_s};
    for (const QJsonValue& value : deployments) {
        for (const QString& key : contract)
            QVERIFY2(value.toObject().contains(key), qPrintable(key));
    }
    const QJsonObject d2 = deployments.at(2).toObject();
    QCOMPARE(d2.value(u"tag"_s).toString(), u"deploy-2"_s);
    QCOMPARE(d2.value(u"environment"_s).toString(), u"production"_s);
    QCOMPARE(d2.value(u"time"_s).toString(), u"2026-03-02T12:00:00Z"_s);
    QCOMPARE(d2.value(u"deployer"_s).toString(), u"Rita Release"_s);
    QCOMPARE(d2.value(u"changes"_s).toInt(), 2);
    QCOMPARE(d2.value(u"lead_time_median_s"_s).toDouble(), 5400.0); // 2 h and 1 h
    QCOMPARE(d2.value(u"failed"_s).toBool(), true); // blamed by the hotfix
    QCOMPARE(d2.value(u"rollback"_s).toBool(), false);
    const QJsonObject d1 = deployments.at(0).toObject();
    QVERIFY(d1.value(u"changes"_s).isNull());
    QVERIFY(d1.value(u"lead_time_median_s"_s).isNull());
    QCOMPARE(deployments.at(1).toObject().value(u"tag"_s).toString(), u"staging-1"_s);
    QVERIFY(deployments.at(1).toObject().value(u"deployer"_s).isNull());

    const QJsonObject dora = root.value(u"dora"_s).toObject();
    for (const QString& key : {u"environment"_s, u"since"_s, u"until"_s, u"deployments"_s,
                               u"deployment_frequency_per_week"_s, u"lead_time_median_s"_s, u"lead_time_p90_s"_s,
                               u"change_failure_rate"_s, u"rollback_rate"_s, u"time_to_restore_median_s"_s, u"band"_s})
        QVERIFY2(dora.contains(key), qPrintable(key));
    QCOMPARE(dora.value(u"environment"_s).toString(), u"production"_s);
    QCOMPARE(dora.value(u"since"_s).toString(), u"2026-03-01T12:00:00Z"_s);
    QCOMPARE(dora.value(u"until"_s).toString(), u"2026-03-03T10:00:00Z"_s);
    QCOMPARE(dora.value(u"deployments"_s).toInt(), 3);
    // 3 deployments in 46 hours.
    QCOMPARE(dora.value(u"deployment_frequency_per_week"_s).toDouble(), 3 * 168.0 / 46.0);
    // Lead times 7200, 3600 (deploy-2) and 3600 (deploy-3): median 3600, p90 rank 1.8 → 3600 + 0.8 × 3600.
    QCOMPARE(dora.value(u"lead_time_median_s"_s).toDouble(), 3600.0);
    QCOMPARE(dora.value(u"lead_time_p90_s"_s).toDouble(), 6480.0);
    QCOMPARE(dora.value(u"change_failure_rate"_s).toDouble(), 1.0 / 3.0);
    QCOMPARE(dora.value(u"rollback_rate"_s).toDouble(), 0.0);
    QCOMPARE(dora.value(u"time_to_restore_median_s"_s).toDouble(), 22 * 3600.0);
    QCOMPARE(dora.value(u"band"_s).toString(), u"low"_s); // change failure rate 33 %
}

void TestCliDelivery::deploymentsWindow_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("listed");
    QTest::addColumn<int>("doraDeployments");
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("until");
    QTest::addColumn<bool>("frequencyNull");

    QTest::newRow("staging only") << QStringList{u"--env"_s, u"staging"_s} << 1 << 1 << u"2026-03-02T11:00:00Z"_s
                                  << u"2026-03-02T11:00:00Z"_s << true;
    QTest::newRow("dates are whole UTC days")
        << QStringList{u"--since"_s, u"2026-03-02"_s, u"--until"_s, u"2026-03-02"_s} << 2 << 1
        << u"2026-03-02T00:00:00Z"_s << u"2026-03-02T23:59:59Z"_s << false;
    QTest::newRow("date-time with offset") << QStringList{u"--since"_s, u"2026-03-02T13:00:00+01:00"_s} << 2 << 2
                                           << u"2026-03-02T12:00:00Z"_s << u"2026-03-03T10:00:00Z"_s << false;
    QTest::newRow("empty window") << QStringList{u"--since"_s, u"2026-04-01"_s, u"--until"_s, u"2026-04-07"_s} << 0 << 0
                                  << u"2026-04-01T00:00:00Z"_s << u"2026-04-07T23:59:59Z"_s << false;
    QTest::newRow("unknown environment") << QStringList{u"--env"_s, u"canary"_s} << 0 << 0 << QString() << QString()
                                         << true;
}

void TestCliDelivery::deploymentsWindow()
{
    QFETCH(QStringList, options);
    QFETCH(int, listed);
    QFETCH(int, doraDeployments);
    QFETCH(QString, since);
    QFETCH(QString, until);
    QFETCH(bool, frequencyNull);
    const Run result = run(QStringList{u"deployments"_s, u"--repo"_s, m_scratch->path(), u"--format=json"_s} + options);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(root.value(u"deployments"_s).toArray().size(), listed);
    const QJsonObject dora = root.value(u"dora"_s).toObject();
    QCOMPARE(dora.value(u"deployments"_s).toInt(), doraDeployments);
    QCOMPARE(dora.value(u"since"_s).toString(), since);
    QCOMPARE(dora.value(u"until"_s).toString(), until);
    QCOMPARE(dora.value(u"deployment_frequency_per_week"_s).isNull(), frequencyNull);
    if (doraDeployments == 0) {
        for (const QString& key : {u"lead_time_median_s"_s, u"lead_time_p90_s"_s, u"change_failure_rate"_s,
                                   u"rollback_rate"_s, u"time_to_restore_median_s"_s})
            QVERIFY2(dora.value(key).isNull(), qPrintable(key));
    }
}

void TestCliDelivery::deploymentsText()
{
    const Run result = run({u"deployments"_s, u"--repo"_s, m_scratch->path()});
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY(text.startsWith(u"TAG"_s));
    QVERIFY(text.contains(u"failed (incident INC-1)"_s));
    QVERIFY(text.contains(u"overall band:         low"_s));
    QVERIFY(text.contains(u"2023 Accelerate State of DevOps"_s));
}

void TestCliDelivery::incidentsJson()
{
    const Run result = run({u"incidents"_s, u"--repo"_s, m_scratch->path(), u"--format"_s, u"json"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray incidents = QJsonDocument::fromJson(result.out).object().value(u"incidents"_s).toArray();
    QCOMPARE(incidents.size(), 1);
    const QJsonObject incident = incidents.first().toObject();
    for (const QString& key : {u"commit"_s, u"time"_s, u"title"_s, u"scope"_s, u"incident"_s, u"root_cause"_s, u"fix"_s,
                               u"factors"_s, u"blamed_deployment"_s, u"fixed_by_deployment"_s, u"time_to_restore_s"_s})
        QVERIFY2(incident.contains(key), qPrintable(key));
    QCOMPARE(incident.value(u"commit"_s).toString(), m_hotfix);
    QCOMPARE(incident.value(u"time"_s).toString(), u"2026-03-03T09:00:00Z"_s);
    QCOMPARE(incident.value(u"title"_s).toString(), u"fix it"_s);
    QCOMPARE(incident.value(u"scope"_s).toString(), u"api"_s);
    QCOMPARE(incident.value(u"incident"_s).toString(), u"INC-1"_s);
    QCOMPARE(incident.value(u"root_cause"_s).toString(), u"bad input"_s);
    QCOMPARE(incident.value(u"fix"_s).toString(), u"validate"_s);
    QCOMPARE(incident.value(u"factors"_s).toArray(), QJsonArray{u"IX"_s});
    QCOMPARE(incident.value(u"blamed_deployment"_s).toString(), u"deploy-2"_s);
    QCOMPARE(incident.value(u"fixed_by_deployment"_s).toString(), u"deploy-3"_s);
    QCOMPARE(incident.value(u"time_to_restore_s"_s).toDouble(), 22 * 3600.0);
}

void TestCliDelivery::scorecardJson()
{
    const Run result = run({u"scorecard"_s, u"--repo"_s, m_scratch->path(), u"--format"_s, u"json"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    const QJsonArray factors = root.value(u"factors"_s).toArray();
    QCOMPARE(factors.size(), 12);
    QStringList ids;
    for (const QJsonValue& value : factors) {
        const QJsonObject factor = value.toObject();
        for (const QString& key : {u"id"_s, u"name"_s, u"status"_s, u"evidence"_s})
            QVERIFY2(factor.contains(key), qPrintable(key));
        QVERIFY(
            QStringList({u"pass"_s, u"warn"_s, u"fail"_s, u"n.a."_s}).contains(factor.value(u"status"_s).toString()));
        ids.append(factor.value(u"id"_s).toString());
    }
    QCOMPARE(ids.join(u' '), u"I II III IV V VI VII VIII IX X XI XII"_s);
    // Three production deployment tags are rollback points.
    QCOMPARE(factors.at(5).toObject().value(u"status"_s).toString(), u"pass"_s);
    const QJsonArray metrics = root.value(u"metrics"_s).toArray();
    QVERIFY(!metrics.isEmpty());
    for (const QJsonValue& value : metrics) {
        for (const QString& key : {u"name"_s, u"target"_s, u"actual"_s, u"met"_s})
            QVERIFY2(value.toObject().contains(key), qPrintable(key));
    }
    QCOMPARE(metrics.at(3).toObject().value(u"name"_s).toString(), u"rollback rate"_s);
    QCOMPARE(metrics.at(3).toObject().value(u"actual"_s).toDouble(), 0.0);
    QCOMPARE(metrics.at(3).toObject().value(u"met"_s).toBool(), true);
    QVERIFY(metrics.at(0).toObject().value(u"actual"_s).isNull());
}

void TestCliDelivery::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("bad since") << QStringList{u"deployments"_s, u"--since"_s, u"last tuesday"_s}
                               << u"--since 'last tuesday' is not a date"_s;
    QTest::newRow("until before since") << QStringList{u"deployments"_s, u"--since"_s, u"2026-03-02"_s, u"--until"_s,
                                                       u"2026-03-01"_s}
                                        << u"--until is before --since"_s;
    QTest::newRow("deployments: not a repository")
        << QStringList{u"deployments"_s, u"--repo"_s, u"/"_s} << u"gatehouse deployments:"_s;
    QTest::newRow("incidents: not a repository")
        << QStringList{u"incidents"_s, u"--repo"_s, u"/"_s} << u"gatehouse incidents:"_s;
    QTest::newRow("scorecard: not a repository")
        << QStringList{u"scorecard"_s, u"--repo"_s, u"/"_s} << u"gatehouse scorecard:"_s;
    QTest::newRow("incidents: bad revision")
        << QStringList{u"incidents"_s, u"--rev"_s, u"no-such-branch"_s} << u"gatehouse incidents:"_s;
}

void TestCliDelivery::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, stderrContains);
    QStringList withRepo = arguments;
    if (!withRepo.contains(u"--repo"_s))
        withRepo << u"--repo"_s << m_scratch->path();
    const Run result = run(withRepo);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliDelivery)
#include "tst_clidelivery.moc"
