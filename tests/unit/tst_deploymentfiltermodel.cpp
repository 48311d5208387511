// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/DeploymentFilterModel.h"
#include "delivery/DeploymentTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

DeploymentHistory history()
{
    DeploymentHistory h;
    const QList<std::pair<QString, QString>> tags{{u"deploy-1"_s, u"production"_s},
                                                  {u"staging-1"_s, u"staging"_s},
                                                  {u"deploy-2"_s, u"production"_s},
                                                  {u"staging-2"_s, u"staging"_s},
                                                  {u"deploy-3"_s, u"production"_s}};
    for (int i = 0; i < tags.size(); ++i) {
        Deployment d;
        d.tag = tags.at(i).first;
        d.environment = tags.at(i).second;
        d.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('a' + char(i))));
        d.time = QDateTime(QDate(2026, 3, 1 + 7 * i), QTime(10, 0), QTimeZone::utc());
        h.deployments.append(d);
    }
    h.environments = {u"production"_s, u"staging"_s};
    return h;
}

QStringList tags(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, DeploymentTableModel::TagColumn).data().toString());
    return result;
}

} // namespace

class TestDeploymentFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QDateTime>("since");
        QTest::addColumn<QDateTime>("until");
        QTest::addColumn<QStringList>("expected");
        const QDateTime open;
        auto day
            = [](int d, int h, int m, int s) { return QDateTime(QDate(2026, 3, d), QTime(h, m, s), QTimeZone::utc()); };
        QTest::newRow("everything") << QString() << open << open
                                    << QStringList{u"deploy-1"_s, u"staging-1"_s, u"deploy-2"_s, u"staging-2"_s,
                                                   u"deploy-3"_s};
        QTest::newRow("production") << u"production"_s << open << open
                                    << QStringList{u"deploy-1"_s, u"deploy-2"_s, u"deploy-3"_s};
        QTest::newRow("unknown environment") << u"qa"_s << open << open << QStringList{};
        QTest::newRow("since, inclusive")
            << QString() << day(15, 10, 0, 0) << open << QStringList{u"deploy-2"_s, u"staging-2"_s, u"deploy-3"_s};
        QTest::newRow("until, inclusive")
            << QString() << open << day(8, 10, 0, 0) << QStringList{u"deploy-1"_s, u"staging-1"_s};
        QTest::newRow("window and environment")
            << u"staging"_s << day(2, 0, 0, 0) << day(22, 23, 59, 59) << QStringList{u"staging-1"_s, u"staging-2"_s};
        QTest::newRow("empty window") << QString() << day(2, 0, 0, 0) << day(7, 23, 59, 59) << QStringList{};
    }

    void filters()
    {
        QFETCH(QString, environment);
        QFETCH(QDateTime, since);
        QFETCH(QDateTime, until);
        QFETCH(QStringList, expected);
        DeploymentTableModel source;
        DeploymentFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&source);
        source.setSnapshot(history());
        filter.setEnvironment(environment);
        filter.setWindow(since, until);
        QCOMPARE(tags(filter), expected);
        QCOMPARE(filter.environment(), environment);
        QCOMPARE(filter.since(), since);
    }

    void followsTheSourceAndResets()
    {
        DeploymentTableModel source;
        DeploymentFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&source);
        filter.setEnvironment(u"staging"_s);
        QCOMPARE(filter.rowCount(), 0);
        source.setSnapshot(history());
        QCOMPARE(tags(filter), (QStringList{u"staging-1"_s, u"staging-2"_s}));
        filter.setEnvironment(QString());
        QCOMPARE(filter.rowCount(), 5);
        // Sorting by the source's sort role: times as times, newest first.
        filter.sort(DeploymentTableModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(tags(filter).first(), u"deploy-3"_s);
        source.setSnapshot({});
        QCOMPARE(filter.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentFilterModel)
#include "tst_deploymentfiltermodel.moc"
