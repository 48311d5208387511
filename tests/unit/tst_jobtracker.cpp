// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/JobTracker.h"

#include <QSemaphore>
#include <QtTest>

using namespace gatehouse;

class TestJobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversOnTheContextThread()
    {
        QObject context;
        JobTracker tracker(&context);
        QThread* deliveredOn = nullptr;
        int value = 0;
        tracker.start([](ProgressSink&) { return 42; },
                      [&](int result) {
                          value = result;
                          deliveredOn = QThread::currentThread();
                      });
        QVERIFY(tracker.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(value, 42, 5000);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(!tracker.isRunning());
    }

    void dropsStaleResults()
    {
        QObject context;
        JobTracker tracker(&context);
        QSemaphore release;
        QStringList delivered;
        // The first job blocks until the second one has been started; its result must never arrive.
        tracker.start(
            [&release](ProgressSink&) {
                release.acquire();
                return QStringLiteral("stale");
            },
            [&](const QString& result) { delivered << result; });
        tracker.start([](ProgressSink&) { return QStringLiteral("fresh"); },
                      [&](const QString& result) { delivered << result; });
        release.release();
        QTRY_COMPARE_WITH_TIMEOUT(delivered, QStringList{QStringLiteral("fresh")}, 5000);
        JobTracker::pool()->waitForDone(5000);
        QCoreApplication::processEvents();
        QCOMPARE(delivered, QStringList{QStringLiteral("fresh")});
    }

    void cancelStopsTheJob()
    {
        QObject context;
        JobTracker tracker(&context);
        std::atomic_bool sawCancel = false;
        QSemaphore started;
        bool delivered = false;
        tracker.start(
            [&sawCancel, &started](ProgressSink& sink) {
                started.release();
                QDeadlineTimer deadline(5000);
                while (!sink.isCancelled() && !deadline.hasExpired())
                    QThread::yieldCurrentThread();
                sawCancel = sink.isCancelled();
                return 0;
            },
            [&delivered](int) { delivered = true; });
        QVERIFY(started.tryAcquire(1, 5000));
        tracker.cancel();
        JobTracker::pool()->waitForDone(5000);
        QCoreApplication::processEvents();
        QVERIFY(sawCancel);
        QVERIFY(!delivered);
        QVERIFY(!tracker.isRunning());
    }

    void progressIsThrottledAndQueued()
    {
        QObject context;
        JobTracker tracker(&context);
        QList<int> progress;
        bool done = false;
        tracker.start(
            [](ProgressSink& sink) {
                for (int i = 0; i <= 10000; ++i)
                    sink.report(i, 10000, QStringLiteral("work"));
                return true;
            },
            [&done](bool) { done = true; }, [&progress](int permille, const QString&) { progress << permille; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCoreApplication::processEvents();
        // 10,001 reports collapse to at most one per 1% step (plus the final one).
        QVERIFY2(progress.size() <= 102, qPrintable(QString::number(progress.size())));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 1000);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    }

    void contextDestroyedBeforeDelivery()
    {
        auto* context = new QObject;
        bool delivered = false;
        QSemaphore release;
        {
            JobTracker tracker(context);
            tracker.start(
                [&release](ProgressSink&) {
                    release.acquire();
                    return 1;
                },
                [&delivered](int) { delivered = true; });
            delete context;
            release.release();
            JobTracker::pool()->waitForDone(5000);
        }
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
