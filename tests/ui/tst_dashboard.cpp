// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Dashboard.h"
#include "ScratchRepository.h"
#include "delivery/DeliveryCache.h"
#include "delivery/DeliveryLoader.h"
#include "pages/OverviewPage.h"
#include "repo/RepositoryLoader.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using namespace Qt::StringLiterals;

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Opening a repository asks for its delivery analysis three times (the snapshot's deploy tags and incidents,
    // the Overview's scorecard, the Deployments and Incidents pages): it is computed once, and all three agree.
    void deliveryAnalysedOncePerRepositoryState()
    {
        test::ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(u"feat: one"_s, {{u"a.txt"_s, "1"}});
        scratch.tag(u"v1.0.0"_s, first, u"release"_s);
        const git::ObjectId second = scratch.commit(
            u"Revert \"feat: one\"\n\nThis reverts commit %1."_s.arg(first.toString()), {{u"a.txt"_s, "0"}});
        scratch.tag(u"v1.0.1"_s, second, u"release"_s);
        delivery::DeliveryCache::instance().clear();
        const int before = delivery::DeliveryCache::instance().computations();

        const Result<RepositorySnapshot> snapshot = loadRepositorySnapshot(scratch.path(), {});
        QVERIFY(snapshot.ok());
        Dashboard dashboard;
        dashboard.setSnapshot(snapshot.value());
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.deliveryLoader()->hasResult(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.overviewPage()->summary().has_value(), 30000);
        QCOMPARE(delivery::DeliveryCache::instance().computations(), before + 1);
        QCOMPARE(snapshot->deployTags.size(), dashboard.deliveryLoader()->result().delivery.history.deployments.size());
        QCOMPARE(snapshot->incidents.size(), dashboard.deliveryLoader()->result().delivery.incidents.size());

        // A new tag is a new state: the next load computes again.
        scratch.tag(u"v1.0.2"_s, second, u"release"_s);
        QSignalSpy loaded(dashboard.deliveryLoader(), &delivery::DeliveryLoader::loadFinished);
        dashboard.deliveryLoader()->load(scratch.path());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(delivery::DeliveryCache::instance().computations(), before + 2);
        QCOMPARE(dashboard.deliveryLoader()->result().delivery.history.deployments.size(), 3);
    }

    // A load's partial snapshot starts the Overview's stages; its complete snapshot continues them (one first stage,
    // one summary) and fills the other pages.
    void partialSnapshotStartsTheOverview()
    {
        test::ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(u"feat: one"_s, {{u"a.txt"_s, "1"}});
        scratch.tag(u"v1.0.0"_s, first, u"release"_s);
        RepositoryLoader loader;
        Dashboard dashboard;
        connect(&loader, &RepositoryLoader::partialSnapshotAvailable, &dashboard, &Dashboard::setPartialSnapshot);
        connect(&loader, &RepositoryLoader::snapshotAvailable, &dashboard, &Dashboard::setSnapshot);
        QSignalSpy firstStages(dashboard.overviewPage(), &OverviewPage::firstStageAvailable);
        QSignalSpy summaries(dashboard.overviewPage(), &OverviewPage::summaryAvailable);
        QSignalSpy partials(&loader, &RepositoryLoader::partialSnapshotAvailable);
        loader.load(scratch.path());
        QTRY_COMPARE_WITH_TIMEOUT(summaries.size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.deliveryLoader()->hasResult(), 30000);
        QCOMPARE(partials.size(), 1);
        QCOMPARE(firstStages.size(), 1);
        QCOMPARE(dashboard.overviewPage()->summary()->repositoryPath,
                 partials.first().first().value<RepositorySnapshot>().path);
        QVERIFY(!dashboard.overviewPage()->isComputing());
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
