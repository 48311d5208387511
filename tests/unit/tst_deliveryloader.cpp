// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeliveryLoader.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::delivery;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

// The background load behind the delivery pages: results, failures, cancel and stale results dropped.
class TestDeliveryLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsDeploymentsIncidentsAndStrategies()
    {
        ScratchRepository scratch;
        const auto first = scratch.commit(u"feat: start"_s, {{u"app.py"_s, "v = 1\n"}});
        scratch.tag(u"deploy-1"_s, first, u"Production deployment"_s);
        const auto second
            = scratch.commit(u"hotfix(api): stop the crash\n\nIncident: INC-1\n"_s, {{u"app.py"_s, "v = 2\n"}});
        scratch.tag(u"deploy-2"_s, second, u"Production deployment"_s);

        DeliveryLoader loader;
        QSignalSpy started(&loader, &DeliveryLoader::loadStarted);
        QSignalSpy finished(&loader, &DeliveryLoader::loadFinished);
        QVERIFY(!loader.hasResult());
        loader.load(scratch.path());
        QCOMPARE(started.size(), 1);
        QVERIFY(loader.isLoading());
        QVERIFY(finished.wait(30000));
        QVERIFY(!loader.isLoading());
        QVERIFY(loader.hasResult());
        QCOMPARE(loader.result().repositoryPath, scratch.path());
        QCOMPARE(loader.result().delivery.history.deployments.size(), 2);
        QCOMPARE(loader.result().delivery.incidents.size(), 1);
        QVERIFY(loader.result().strategyError.isEmpty());

        QSignalSpy cleared(&loader, &DeliveryLoader::cleared);
        loader.clear();
        QCOMPARE(cleared.size(), 1);
        QVERIFY(!loader.hasResult());
    }

    void reportsFailures()
    {
        DeliveryLoader loader;
        QSignalSpy failed(&loader, &DeliveryLoader::loadFailed);
        loader.load(u"/nonexistent/gatehouse-repository"_s);
        QVERIFY(failed.wait(30000));
        QVERIFY(!failed.first().first().toString().isEmpty());
        QCOMPARE(loader.lastError(), failed.first().first().toString());
        QVERIFY(!loader.hasResult());
    }

    void cancelsAndKeepsOnlyTheNewest()
    {
        ScratchRepository a;
        a.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}});
        ScratchRepository b;
        b.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}});
        DeliveryLoader loader;
        QSignalSpy finished(&loader, &DeliveryLoader::loadFinished);
        QSignalSpy cancelled(&loader, &DeliveryLoader::loadCancelled);
        loader.load(a.path());
        loader.cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!loader.isLoading());
        loader.cancel(); // nothing running: no second signal
        QCOMPARE(cancelled.size(), 1);

        loader.load(a.path());
        loader.load(b.path());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(loader.result().repositoryPath, b.path());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryLoader)
#include "tst_deliveryloader.moc"
