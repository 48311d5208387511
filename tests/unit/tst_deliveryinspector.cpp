// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeliveryInspector.h"
#include "delivery/DeploymentScanner.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::delivery;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

namespace {

QByteArray pipeline(const QByteArray& image)
{
    return "stages: [test]\n\nunit:\n  stage: test\n  image: " + image + "\n  script:\n    - make test\n";
}

const QByteArray Pinned = "python@sha256:" + QByteArray(64, 'a');

} // namespace

// What the delivery pages compute on their workers: the comparison of two deployments (changelog, files, gate
// changes) and an incident's "what changed" and fix diff, on a scratch repository with known answers.
class TestDeliveryInspector : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScratchRepository> m_scratch;
    git::ObjectId m_first;
    git::ObjectId m_feature;
    git::ObjectId m_unpinned;
    git::ObjectId m_fix;

private Q_SLOTS:
    void initTestCase()
    {
        m_scratch = std::make_unique<ScratchRepository>();
        m_first
            = m_scratch->commit(u"ci: pipeline"_s, {{u".gitlab-ci.yml"_s, pipeline(Pinned)}, {u"app.py"_s, "v = 1\n"}});
        m_scratch->tag(u"deploy-1"_s, m_first, u"Production deployment"_s);
        m_feature = m_scratch->commit(u"feat: v2"_s, {{u"app.py"_s, "v = 2\n"}});
        m_unpinned
            = m_scratch->commit(u"ci: follow latest python"_s, {{u".gitlab-ci.yml"_s, pipeline("python:latest")}});
        m_scratch->tag(u"deploy-2"_s, m_unpinned, u"Production deployment"_s);
        m_fix = m_scratch->commit(u"fix: pin python again"_s, {{u".gitlab-ci.yml"_s, pipeline(Pinned)}});
        m_scratch->tag(u"deploy-3"_s, m_fix, u"Production deployment"_s);
    }

    void comparesTwoDeployments()
    {
        const Result<DeploymentDetail> detail
            = DeliveryInspector::inspectDeployment(m_scratch->path(), m_first, m_unpinned, u"production"_s);
        QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message));
        QVERIFY(!detail->diff.backwards);
        QCOMPARE(detail->diff.commits.size(), 2);
        QCOMPARE(detail->diff.commits.first().id, m_unpinned);
        QCOMPARE(detail->diff.files.size(), 2);
        QCOMPARE(detail->diff.pipelineFiles.size(), 1);
        QCOMPARE(detail->pipelineFiles, QStringList{u".gitlab-ci.yml"_s});
        QCOMPARE(detail->gateChanges.size(), 1);
        const GateChange& change = detail->gateChanges.first();
        QCOMPARE(change.gate, u"pinned-images"_s);
        QCOMPARE(change.file, u".gitlab-ci.yml"_s);
        QCOMPARE(gateStateName(change.before), u"pass"_s);
        QCOMPARE(gateStateName(change.after), u"fail"_s);
        QVERIFY(change.evidence.contains(u":latest"_s));
        QCOMPARE(detail->gatesFailingAfter, detail->gatesFailingBefore + 1);
        QCOMPARE(detail->environment, u"production"_s);
    }

    void comparesBackwards()
    {
        const Result<DeploymentDetail> detail
            = DeliveryInspector::inspectDeployment(m_scratch->path(), m_unpinned, m_first, u"production"_s);
        QVERIFY(detail.ok());
        QVERIFY(detail->diff.backwards);
        QCOMPARE(detail->diff.commits.size(), 2);
        QCOMPARE(detail->gateChanges.size(), 1);
        QCOMPARE(gateStateName(detail->gateChanges.first().after), u"pass"_s);
    }

    void firstDeploymentHasNoBaseline()
    {
        const Result<DeploymentDetail> detail
            = DeliveryInspector::inspectDeployment(m_scratch->path(), {}, m_first, u"production"_s);
        QVERIFY(detail.ok());
        QVERIFY(detail->diff.commits.isEmpty());
        QVERIFY(detail->gateChanges.isEmpty());
        QCOMPARE(detail->pipelineFiles, QStringList{u".gitlab-ci.yml"_s});
        QVERIFY(!detail->strategy.has_value()); // nothing in the repository says how it deploys
    }

    void cancels()
    {
        ProgressSink sink;
        sink.cancel();
        const Result<DeploymentDetail> detail
            = DeliveryInspector::inspectDeployment(m_scratch->path(), m_first, m_unpinned, u"production"_s, &sink);
        QVERIFY(!detail.ok());
        QCOMPARE(detail.error().code, u"cancelled"_s);
    }

    void badRepository()
    {
        const Result<DeploymentDetail> detail
            = DeliveryInspector::inspectDeployment(m_scratch->path() + u"/missing"_s, m_first, m_unpinned, {});
        QVERIFY(!detail.ok());
    }

    void inspectsAnIncident()
    {
        const Result<git::Repository> repository = git::Repository::open(m_scratch->path());
        QVERIFY(repository.ok());
        const Result<DeploymentHistory> history
            = DeploymentScanner::scan(repository.value(), DeploymentScanner::loadRules(repository.value(), {}));
        QVERIFY(history.ok());
        QCOMPARE(history->deployments.size(), 3);

        Incident incident;
        incident.title = u"builds broke on a new python"_s;
        incident.commit = m_fix;
        incident.blamedDeployment = u"deploy-2"_s;
        incident.fixedByDeployment = u"deploy-3"_s;
        incident.fixCommits = {m_fix.toString()};
        const Result<IncidentDetail> detail
            = DeliveryInspector::inspectIncident(m_scratch->path(), history.value(), incident);
        QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message));
        QCOMPARE(detail->blamedIndex, history->indexOfTag(u"deploy-2"_s));
        QCOMPARE(detail->lastGoodIndex, history->indexOfTag(u"deploy-1"_s));
        QCOMPARE(detail->fixedByIndex, history->indexOfTag(u"deploy-3"_s));
        QVERIFY(detail->whatChanged.has_value());
        QCOMPARE(detail->whatChanged->commits.size(), 2);
        QCOMPARE(detail->fixCommit, m_fix);
        QVERIFY(!detail->fixIsIncidentCommit);
        QCOMPARE(detail->fixSummary, u"fix: pin python again"_s);
        QVERIFY(detail->fixPatch.contains(u"diff --git a/.gitlab-ci.yml"_s));
        QVERIFY(detail->fixPatch.contains(u"+  image: python@sha256:"_s));
        QVERIFY(!detail->fixPatchTruncated);

        // Nothing blamed, no fix named: no comparison, the incident's own commit as the diff.
        Incident lone;
        lone.commit = m_feature;
        const Result<IncidentDetail> loneDetail
            = DeliveryInspector::inspectIncident(m_scratch->path(), history.value(), lone);
        QVERIFY(loneDetail.ok());
        QVERIFY(!loneDetail->whatChanged.has_value());
        QCOMPARE(loneDetail->blamedIndex, -1);
        QVERIFY(loneDetail->fixIsIncidentCommit);
        QVERIFY(loneDetail->fixPatch.contains(u"app.py"_s));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryInspector)
#include "tst_deliveryinspector.moc"
