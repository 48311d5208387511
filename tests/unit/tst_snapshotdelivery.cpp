// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "cli/Cli.h"
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DeploymentTableModel.h"
#include "delivery/IncidentTableModel.h"
#include "demo/DemoRepository.h"
#include "repo/RepositoryLoader.h"
#include "scorecard/OverviewSummary.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace gatehouse;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), QTimeZone::utc());
}

QJsonObject runJson(const QStringList& arguments)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const int code = cli::run(arguments, cli::Io{outStream, errStream});
    outStream.flush();
    if (code != 0)
        qWarning("gatehouse %s: exit %d: %s", qPrintable(arguments.join(u' ')), code, qPrintable(err));
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

} // namespace

// One answer per question: `info`, `deployments`, `incidents`, the Overview and the pages' item models count the
// same deployments and incidents of the same revision, because they all ask the delivery analysis.
class TestSnapshotDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameCounts_data();
    void sameCounts();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::ScratchRepository> m_tags;
    std::unique_ptr<test::ScratchRepository> m_releases;
};

void TestSnapshotDelivery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto created = DemoRepository::create(m_dir.path() + u"/demo"_s);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));

    // Deploy tags of two environments, a rollback, a hotfix, a shipped and an unshipped revert, a postmortem.
    m_tags = std::make_unique<test::ScratchRepository>();
    test::ScratchRepository& s = *m_tags;
    const auto a = s.commit(u"feat: a"_s, {{u"a.txt"_s, "a\n"}}, at(2, 9));
    s.tag(u"staging-1"_s, a, u"Staging deployment"_s, at(2, 10));
    s.tag(u"deploy-1"_s, a, u"Production deployment"_s, at(2, 11));
    const auto b = s.commit(u"feat: b"_s, {{u"b.txt"_s, "b\n"}}, at(3, 9));
    s.tag(u"deploy-2"_s, b, u"Production deployment"_s, at(3, 10));
    s.tag(u"deploy-3"_s, a, u"Production deployment (rollback)"_s, at(3, 12));
    s.commit(u"Revert \"feat: b\"\n\nThis reverts commit "_s + b.toString() + u".\n"_s, {{u"b.txt"_s, QByteArray()}},
             at(3, 13));
    const auto c = s.commit(u"feat: c"_s, {{u"c.txt"_s, "c\n"}}, at(4, 9));
    s.commit(u"Revert \"feat: c\"\n\nThis reverts commit "_s + c.toString() + u".\n"_s, {{u"c.txt"_s, QByteArray()}},
             at(4, 10));
    s.commit(u"hotfix(api): cap the pool\n\nIncident: INC-7\n"_s, {{u"pool.txt"_s, "8\n"}}, at(4, 11));
    const auto p = s.commit(u"postmortem(api): pool exhaustion\n\nIncident: INC-7\n"_s,
                            {{u"postmortems/pool.md"_s, "# Pool exhaustion\n"}}, at(5, 9));
    s.tag(u"deploy-4"_s, p, u"Production deployment"_s, at(5, 10));

    // Plain semantic versions only.
    m_releases = std::make_unique<test::ScratchRepository>();
    test::ScratchRepository& r = *m_releases;
    const auto one = r.commit(u"feat: one"_s, {{u"one.txt"_s, "1\n"}}, at(2, 9));
    r.tag(u"1.0.0"_s, one, u"1.0.0"_s, at(2, 10));
    r.commit(u"Revert \"feat: one\"\n\nThis reverts commit "_s + one.toString() + u".\n"_s,
             {{u"one.txt"_s, QByteArray()}}, at(3, 9));
    const auto two = r.commit(u"feat: two"_s, {{u"two.txt"_s, "2\n"}}, at(3, 10));
    r.commit(u"Revert \"feat: two\"\n\nThis reverts commit "_s + two.toString() + u".\n"_s,
             {{u"two.txt"_s, QByteArray()}}, at(3, 11));
    r.tag(u"1.1.0-rc1"_s, r.head(), u"1.1.0-rc1"_s, at(3, 12));
    r.tag(u"release-1.1"_s, r.head(), u"1.1"_s, at(4, 12));
}

void TestSnapshotDelivery::sameCounts_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("deployments"); // -1: whatever the demo has, as long as everyone agrees
    QTest::addColumn<int>("incidents");
    QTest::addColumn<int>("unshippedReverts");
    QTest::newRow("demo") << m_dir.path() + u"/demo"_s << -1 << -1 << -1;
    QTest::newRow("deploy tags") << m_tags->path() << 5 << 3 << 1;
    QTest::newRow("semantic versions") << m_releases->path() << 3 << 1 << 1;
}

void TestSnapshotDelivery::sameCounts()
{
    QFETCH(QString, path);
    QFETCH(int, deployments);
    QFETCH(int, incidents);
    QFETCH(int, unshippedReverts);

    const Result<delivery::DeliverySnapshot> delivery = delivery::DeliveryAnalysis::run(path);
    QVERIFY(delivery.ok());
    if (deployments >= 0) {
        QCOMPARE(delivery->history.deployments.size(), deployments);
        QCOMPARE(delivery->incidents.size(), incidents);
        QCOMPARE(delivery->unshippedReverts.size(), unshippedReverts);
    }
    deployments = int(delivery->history.deployments.size());
    incidents = int(delivery->incidents.size());
    unshippedReverts = int(delivery->unshippedReverts.size());
    QVERIFY(deployments > 0);
    int production = 0;
    for (const delivery::Deployment& d : delivery->history.deployments)
        production += d.environment == u"production"_s ? 1 : 0;

    // `info`, in process and as JSON.
    const Result<RepositorySnapshot> snapshot = loadRepositorySnapshot(path, {});
    QVERIFY(snapshot.ok());
    QCOMPARE(int(snapshot->deployTags.size()), deployments);
    QCOMPARE(int(snapshot->incidents.size()), incidents);
    QCOMPARE(snapshot->unshippedReverts, unshippedReverts);
    const QJsonObject kpis = runJson({u"info"_s, u"--repo"_s, path, u"--format"_s, u"json"_s})[u"kpis"_s].toObject();
    QCOMPARE(kpis[u"deployments"_s].toInt(-1), deployments);
    QCOMPARE(kpis[u"incidents"_s].toInt(-1), incidents);
    QCOMPARE(kpis[u"unshippedReverts"_s].toInt(-1), unshippedReverts);

    // The subcommands.
    const QJsonObject listed = runJson({u"deployments"_s, u"--repo"_s, path, u"--format"_s, u"json"_s});
    QCOMPARE(listed[u"deployments"_s].toArray().size(), deployments);
    const QJsonArray found
        = runJson({u"incidents"_s, u"--repo"_s, path, u"--format"_s, u"json"_s})[u"incidents"_s].toArray();
    QCOMPARE(found.size(), incidents);
    const QJsonArray all
        = runJson({u"incidents"_s, u"--repo"_s, path, u"--all"_s, u"--format"_s, u"json"_s})[u"incidents"_s].toArray();
    QCOMPARE(all.size(), incidents + unshippedReverts);
    int unshippedRows = 0;
    for (const QJsonValue& row : all)
        unshippedRows += row[u"kind"_s].toString() == u"revert-unshipped"_s ? 1 : 0;
    QCOMPARE(unshippedRows, unshippedReverts);

    // The pages' item models and the Overview.
    delivery::DeploymentTableModel deploymentModel;
    QAbstractItemModelTester deploymentTester(&deploymentModel);
    deploymentModel.setSnapshot(delivery->history);
    QCOMPARE(deploymentModel.rowCount(), deployments);
    delivery::IncidentTableModel incidentModel;
    QAbstractItemModelTester incidentTester(&incidentModel);
    incidentModel.setSnapshot(delivery->incidents);
    QCOMPARE(incidentModel.rowCount(), incidents);
    const Result<scorecard::OverviewSummary> overview
        = scorecard::OverviewSummary::compute(path, {}, QDateTime(QDate(2026, 6, 1), QTime(0, 0), QTimeZone::utc()));
    QVERIFY(overview.ok());
    QCOMPARE(overview->incidents, incidents);
    QCOMPARE(overview->productionDeployments, production);
}

QTEST_GUILESS_MAIN(TestSnapshotDelivery)
#include "tst_snapshotdelivery.moc"
