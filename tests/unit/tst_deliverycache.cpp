// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeliveryCache.h"

#include <QTest>
#include <QTimeZone>
#include <QtConcurrent>

#include <atomic>
#include <memory>

using namespace gatehouse;
using namespace gatehouse::delivery;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

class TestDeliveryCache : public QObject
{
    Q_OBJECT

    static QDateTime at(int hour) { return QDateTime(QDate(2026, 1, 5), QTime(hour, 0), QTimeZone::utc()); }

private Q_SLOTS:
    void init() { DeliveryCache::instance().clear(); }

    void sameStateComputedOnce()
    {
        ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(u"feat: one"_s, {{u"a"_s, "1"}}, at(1));
        scratch.tag(u"v1.0.0"_s, first, u"release"_s, at(2));
        const int before = DeliveryCache::instance().computations();
        const Result<DeliverySnapshot> a = DeliveryAnalysis::run(scratch.repo());
        const Result<DeliverySnapshot> b = DeliveryAnalysis::run(scratch.path());
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(DeliveryCache::instance().computations(), before + 1);
        QCOMPARE(b->history.deployments.size(), 1);

        // A new release moves the state: computed again, and the answer has it.
        const git::ObjectId second = scratch.commit(u"fix: two"_s, {{u"a"_s, "2"}}, at(3));
        scratch.tag(u"v1.0.1"_s, second, u"release"_s, at(4));
        const Result<DeliverySnapshot> c = DeliveryAnalysis::run(scratch.repo());
        QVERIFY(c.ok());
        QCOMPARE(DeliveryCache::instance().computations(), before + 2);
        QCOMPARE(c->history.deployments.size(), 2);

        // A branch name and the sha it points at are one question; the work tree (its own rules file) another.
        QCOMPARE(DeliveryCache::stateKey(scratch.repo(), u"HEAD"_s),
                 DeliveryCache::stateKey(scratch.repo(), second.toString()));
        QVERIFY(DeliveryCache::stateKey(scratch.repo(), u"HEAD"_s) != DeliveryCache::stateKey(scratch.repo(), {}));
        // Another revision is another question.
        const Result<DeliverySnapshot> atFirst = DeliveryAnalysis::run(scratch.repo(), first.toString());
        QVERIFY(atFirst.ok());
        QCOMPARE(DeliveryCache::instance().computations(), before + 3);
    }

    void rulesFileIsPartOfTheState()
    {
        ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(u"feat: one"_s, {{u"a"_s, "1"}}, at(1));
        scratch.tag(u"deploy-7"_s, first, QString(), at(2));
        QVERIFY(DeliveryAnalysis::run(scratch.repo()).ok());
        const QByteArray before = DeliveryCache::stateKey(scratch.repo(), {});
        scratch.writeWorkTreeFile(u".gatehouse/config.yml"_s, "deployments:\n  exclude: ['deploy-*']\n");
        const QByteArray after = DeliveryCache::stateKey(scratch.repo(), {});
        QVERIFY(!before.isEmpty());
        QVERIFY(before != after);
    }

    void concurrentRequestsShareOneComputation()
    {
        std::atomic<int> computed = 0;
        QSemaphore started;
        QSemaphore release;
        auto slow = [&] {
            ++computed;
            started.release();
            release.acquire();
            DeliverySnapshot snapshot;
            snapshot.repositoryPath = u"/shared"_s;
            return Result<DeliverySnapshot>(snapshot);
        };
        QFuture<Result<DeliverySnapshot>> first
            = QtConcurrent::run([&] { return DeliveryCache::instance().get("state", slow); });
        started.acquire();
        QFuture<Result<DeliverySnapshot>> second
            = QtConcurrent::run([&] { return DeliveryCache::instance().get("state", slow); });
        QTest::qWait(50); // the second request is waiting, not computing (checked below)
        release.release();
        QCOMPARE(first.result()->repositoryPath, u"/shared"_s);
        QCOMPARE(second.result()->repositoryPath, u"/shared"_s);
        QCOMPARE(computed.load(), 1);
    }

    void cancelledOrFailedIsNotShared()
    {
        int computed = 0;
        auto cancelled = [&] {
            ++computed;
            return Result<DeliverySnapshot>(makeError(u"cancelled"_s, u"cancelled"_s));
        };
        QVERIFY(!DeliveryCache::instance().get("state", cancelled).ok());
        auto fine = [&] {
            ++computed;
            return Result<DeliverySnapshot>(DeliverySnapshot());
        };
        QVERIFY(DeliveryCache::instance().get("state", fine).ok());
        QVERIFY(DeliveryCache::instance().get("state", fine).ok());
        QCOMPARE(computed, 2);
        // No key (the state could not be read): never cached.
        QVERIFY(DeliveryCache::instance().get(QByteArray(), fine).ok());
        QVERIFY(DeliveryCache::instance().get(QByteArray(), fine).ok());
        QCOMPARE(computed, 4);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryCache)
#include "tst_deliverycache.moc"
