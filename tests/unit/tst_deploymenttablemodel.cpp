// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/DeploymentTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

DeploymentHistory sampleHistory()
{
    DeploymentHistory history;
    auto add = [&](const QString& tag, const QString& env, int hour, std::optional<int> changes,
                   std::optional<double> lead) {
        Deployment d;
        d.tag = tag;
        d.environment = env;
        d.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('a' + char(history.deployments.size()))));
        d.time = QDateTime(QDate(2026, 3, 2), QTime(hour, 0), QTimeZone::utc());
        d.deployer = u"Rita"_s;
        if (changes)
            d.changes = QList<git::ObjectId>(*changes);
        d.leadTimeMedianSeconds = lead;
        history.deployments.append(d);
        return history.deployments.size() - 1;
    };
    add(u"deploy-1"_s, u"production"_s, 9, std::nullopt, std::nullopt);
    add(u"staging-1"_s, u"staging"_s, 10, std::nullopt, std::nullopt);
    const auto failed = add(u"deploy-2"_s, u"production"_s, 11, 3, 5400.0);
    history.deployments[failed].failed = true;
    history.deployments[failed].failedReasons = {u"rolled back by deploy-3"_s};
    const auto rollback = add(u"deploy-3"_s, u"production"_s, 12, 0, std::nullopt);
    history.deployments[rollback].rollback = true;
    const auto redeploy = add(u"prod-3"_s, u"production"_s, 12, 0, std::nullopt);
    history.deployments[redeploy].redeploy = true;
    add(u"deploy-4"_s, u"production"_s, 15, 2, 200000.0);
    return history;
}

QStringList printed(const QAbstractItemModel& model)
{
    QStringList lines;
    QStringList header;
    for (int column = 0; column < model.columnCount(); ++column)
        header.append(model.headerData(column, Qt::Horizontal).toString());
    lines.append(header.join(u" | "_s));
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells.append(model.index(row, column).data().toString());
        lines.append(cells.join(u" | "_s));
    }
    return lines;
}

} // namespace

class TestDeploymentTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allEnvironments();
    void oneEnvironment();
    void roles();
    void durations_data();
    void durations();
};

void TestDeploymentTableModel::allEnvironments()
{
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(sampleHistory());
    QCOMPARE(
        printed(model),
        QStringList({
            u"Tag | Environment | Commit | Time (UTC) | Deployer | Changes | Lead time (median) | Status | Source"_s,
            u"deploy-1 | production | aaaaaaaa | 2026-03-02T09:00:00Z | Rita | – | – | ok | tag"_s,
            u"staging-1 | staging | bbbbbbbb | 2026-03-02T10:00:00Z | Rita | – | – | ok | tag"_s,
            u"deploy-2 | production | cccccccc | 2026-03-02T11:00:00Z | Rita | 3 | 1h 30m | failed | tag"_s,
            u"deploy-3 | production | dddddddd | 2026-03-02T12:00:00Z | Rita | 0 | – | rollback | tag"_s,
            u"prod-3 | production | eeeeeeee | 2026-03-02T12:00:00Z | Rita | 0 | – | redeploy | tag"_s,
            u"deploy-4 | production | ffffffff | 2026-03-02T15:00:00Z | Rita | 2 | 2d 7h | ok | tag"_s,
        }));
    model.setSnapshot({});
    QCOMPARE(model.rowCount(), 0);
}

void TestDeploymentTableModel::oneEnvironment()
{
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(sampleHistory(), u"staging"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.deploymentAt(0)->tag, u"staging-1"_s);
    QCOMPARE(model.index(0, 0).data(DeploymentTableModel::DeploymentIndexRole).toInt(), 1);
    QCOMPARE(model.rowOfTag(u"staging-1"_s), 0);
    QCOMPARE(model.rowOfTag(u"deploy-1"_s), -1);
    QCOMPARE(model.deploymentAt(1), nullptr);
}

void TestDeploymentTableModel::roles()
{
    DeploymentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(sampleHistory());
    const QModelIndex failed = model.index(2, DeploymentTableModel::StatusColumn);
    QCOMPARE(failed.data(DeploymentTableModel::StatusRole).value<DeploymentTableModel::DeploymentStatus>(),
             DeploymentTableModel::DeploymentStatus::Failed);
    QCOMPARE(failed.data(Qt::ToolTipRole).toString(), u"rolled back by deploy-3"_s);
    QCOMPARE(failed.data(DeploymentTableModel::ChangesRole).toInt(), 3);
    QCOMPARE(failed.data(DeploymentTableModel::LeadTimeSecondsRole).toDouble(), 5400.0);
    QCOMPARE(failed.data(DeploymentTableModel::CommitIdRole).toString(), QString(40, u'c'));
    const QModelIndex first = model.index(0, DeploymentTableModel::ChangesColumn);
    QVERIFY(!first.data(DeploymentTableModel::ChangesRole).isValid());
    QCOMPARE(first.data(DeploymentTableModel::SortRole).toInt(), -1);
    QCOMPARE(model.index(5, DeploymentTableModel::LeadTimeColumn).data(DeploymentTableModel::SortRole).toDouble(),
             200000.0);
    QCOMPARE(model.index(1, 0).data(DeploymentTableModel::EnvironmentRole).toString(), u"staging"_s);
}

void TestDeploymentTableModel::durations_data()
{
    QTest::addColumn<double>("seconds"); // -1: none
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << -1.0 << u"–"_s;
    QTest::newRow("seconds") << 42.4 << u"42s"_s;
    QTest::newRow("minutes") << 600.0 << u"10m"_s;
    QTest::newRow("hours pad minutes") << 3900.0 << u"1h 05m"_s;
    QTest::newRow("days") << 90000.0 << u"1d 1h"_s;
}

void TestDeploymentTableModel::durations()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(DeploymentTableModel::formatDuration(seconds < 0 ? std::nullopt : std::optional<double>(seconds)), text);
}

QTEST_GUILESS_MAIN(TestDeploymentTableModel)
#include "tst_deploymenttablemodel.moc"
