// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/JobStatsTableModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gatehouse::runs;

class TestJobStatsTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndRoles()
    {
        JobStatsTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobStats test;
        test.pipeline = QStringLiteral("CI");
        test.name = QStringLiteral("test");
        test.stage = QStringLiteral("test");
        test.runs = 40;
        test.successes = 30;
        test.failures = 10;
        test.failureRate = 0.25;
        test.flakyFailures = 6;
        test.retries = 7;
        test.durationP50 = 245;
        test.durationP95 = 3720;
        JobStats lint;
        lint.pipeline = QStringLiteral("CI");
        lint.name = QStringLiteral("lint");
        lint.runs = 40;
        lint.successes = 40;
        lint.failureRate = 0;
        lint.durationP50 = 12;
        lint.durationP95 = 20;
        JobStats manual;
        manual.pipeline = QStringLiteral("CI");
        manual.name = QStringLiteral("deploy");
        model.setSnapshot({test, lint, manual});

        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model.columnCount(); ++column)
                cells.append(model.index(row, column).data().toString());
            rows.append(cells.join(QStringLiteral(" | ")));
        }
        QCOMPARE(rows,
                 (QStringList{
                     QStringLiteral("CI | test | test | 40 | 10 | 25.0 % | 6 | 4 m 05 s | 1 h 02 m | 7"),
                     QStringLiteral("CI | lint |  | 40 | 0 | 0.0 % | 0 | 12 s | 20 s | 0"),
                     QStringLiteral("CI | deploy |  | 0 | 0 | - | 0 | - | - | 0"),
                 }));
        QCOMPARE(model.index(0, 0).data(JobStatsTableModel::FlakyFailuresRole).toInt(), 6);
        QCOMPARE(model.index(0, 0).data(JobStatsTableModel::FailureRateRole).toDouble(), 0.25);

        // Sorting by the numeric role puts 4 m 05 s after 12 s (text would not).
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(JobStatsTableModel::SortRole);
        proxy.sort(JobStatsTableModel::DurationP50Column, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, JobStatsTableModel::JobColumn).data().toString(), QStringLiteral("test"));
        QCOMPARE(proxy.index(1, JobStatsTableModel::JobColumn).data().toString(), QStringLiteral("lint"));
    }
};

QTEST_GUILESS_MAIN(TestJobStatsTableModel)
#include "tst_jobstatstablemodel.moc"
