// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DoraMetrics.h"
#include "demo/DemoRepository.h"

#include <QFuture>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

// The demo repository end to end, on a worker thread as the GUI runs it. The assertions are the demo's promises
// (staging and production deploy tags with a rollback, postmortem commits with Incident/Root cause/Fix/
// Factor lines), not its exact ids, so the demo may grow without breaking this test.
class TestDeliveryAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deployments();
    void incidents();
    void dora();
    void progressAndCancel();

private:
    QTemporaryDir m_dir;
    DeliverySnapshot m_snapshot;
};

void TestDeliveryAnalysis::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.path() + u"/demo"_s;
    const auto created = DemoRepository::create(path);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    // A worker opens its own repository from the path and hands back a value.
    QFuture<Result<DeliverySnapshot>> future = QtConcurrent::run([path] { return DeliveryAnalysis::run(path); });
    future.waitForFinished();
    const Result<DeliverySnapshot> snapshot = future.result();
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.ok() ? QString() : snapshot.error().toString()));
    m_snapshot = snapshot.value();
}

void TestDeliveryAnalysis::deployments()
{
    const DeploymentHistory& history = m_snapshot.history;
    QVERIFY(m_snapshot.configDiagnostics.isEmpty());
    QCOMPARE(history.environments.value(0), u"production"_s);
    QVERIFY(history.environments.contains(u"staging"_s));
    const QList<int> production = history.indexesOf(u"production"_s);
    const QList<int> staging = history.indexesOf(u"staging"_s);
    QVERIFY(production.size() >= 5);
    QVERIFY(staging.size() >= 5);
    int rollbacks = 0;
    for (int i = 0; i < history.deployments.size(); ++i) {
        const Deployment& d = history.deployments.at(i);
        QVERIFY(d.time.isValid());
        QVERIFY(!d.commit.isNull());
        if (i > 0)
            QVERIFY(history.deployments.at(i - 1).time <= d.time);
        if (d.environment == u"production"_s && d.rollback) {
            ++rollbacks;
            // A rollback fails the deployment it replaced.
            QVERIFY(d.previous);
            QVERIFY(history.deployments.at(*d.previous).failed);
        }
        if (d.changes)
            QCOMPARE(d.leadTimesSeconds.size(), d.changes->size());
        else
            QCOMPARE(d.index, 0);
    }
    QVERIFY(rollbacks >= 1);
}

void TestDeliveryAnalysis::incidents()
{
    int postmortems = 0;
    for (const Incident& incident : std::as_const(m_snapshot.incidents)) {
        QVERIFY(incident.time.isValid());
        QVERIFY(!incident.title.isEmpty());
        if (incident.kind != Incident::Kind::Postmortem)
            continue;
        ++postmortems;
        QVERIFY2(!incident.incident.isEmpty(), qPrintable(incident.title));
        QVERIFY2(!incident.rootCause.isEmpty(), qPrintable(incident.title));
        QVERIFY2(!incident.fix.isEmpty(), qPrintable(incident.title));
        QVERIFY2(!incident.factors.isEmpty(), qPrintable(incident.title));
        // Every postmortem blames a production deployment that is then marked failed, and was fixed later.
        const int blamed = m_snapshot.history.indexOfTag(incident.blamedDeployment);
        QVERIFY2(blamed >= 0, qPrintable(incident.title));
        QVERIFY(m_snapshot.history.deployments.at(blamed).failed);
        QVERIFY2(!incident.fixedByDeployment.isEmpty(), qPrintable(incident.title));
        QVERIFY(incident.timeToRestoreSeconds.value_or(-1) > 0);
    }
    QVERIFY(postmortems >= 2);
}

void TestDeliveryAnalysis::dora()
{
    const DoraSummary summary = DoraMetrics::compute(m_snapshot.history, u"production"_s);
    QVERIFY(summary.deployments >= 5);
    QVERIFY(summary.deploymentFrequencyPerWeek.has_value());
    QVERIFY(summary.leadTimeMedianSeconds.has_value());
    QVERIFY(summary.leadTimeP90Seconds.value_or(-1) >= summary.leadTimeMedianSeconds.value_or(0));
    QVERIFY(summary.changeFailureRate.value_or(0) > 0);
    QVERIFY(summary.rollbackRate.value_or(0) > 0);
    QVERIFY(summary.timeToRestoreMedianSeconds.has_value());
    QVERIFY(summary.band.has_value());
}

void TestDeliveryAnalysis::progressAndCancel()
{
    const QString path = m_dir.path() + u"/demo"_s;
    std::atomic_int reports{0};
    ProgressSink sink([&reports](int, const QString&) { ++reports; });
    const auto snapshot = DeliveryAnalysis::run(path, {}, &sink);
    QVERIFY(snapshot.ok());
    QVERIFY(reports.load() > 0);
    ProgressSink cancelled;
    cancelled.cancel();
    const auto none = DeliveryAnalysis::run(path, {}, &cancelled);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, u"cancelled"_s);
}

QTEST_GUILESS_MAIN(TestDeliveryAnalysis)
#include "tst_deliveryanalysis.moc"
