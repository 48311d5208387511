// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunJobTableModel.h"
#include "runs/RunReader.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse::runs;

class TestRunJobTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsOfARun()
    {
        RunJobTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto read = RunReader::readFile(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs/gitlab-jobs.json"));
        QVERIFY(read.ok());
        const Run run = read->runs.first();
        model.setRun(run, criticalPathOf(run));

        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model.columnCount(); ++column)
                cells.append(model.index(row, column).data().toString());
            const QModelIndex index = model.index(row, 0);
            cells.append(index.data(RunJobTableModel::OnCriticalPathRole).toBool() ? QStringLiteral("critical")
                                                                                   : QStringLiteral("-"));
            cells.append(index.data(RunJobTableModel::RetriedRole).toBool() ? QStringLiteral("retried")
                                                                            : QStringLiteral("-"));
            rows.append(cells.join(QStringLiteral(" | ")));
        }
        QCOMPARE(rows,
                 (QStringList{
                     QStringLiteral("success | build | build | +0 s | 2 m 00 s | 0 s | shared-runner-1 | critical | -"),
                     QStringLiteral("failed | teaspoon | test | +2 m 10 s | 1 m 30 s | 10 s |  | - | retried"),
                     QStringLiteral(
                         "success | teaspoon | test | +4 m 00 s | 1 m 20 s | 15 s | shared-runner-2 | critical | -"),
                     QStringLiteral("manual | deploy | deploy | - | - | - |  | - | -"),
                 }));
        const QModelIndex teaspoon = model.index(2, RunJobTableModel::OffsetColumn);
        QCOMPARE(teaspoon.data(RunJobTableModel::OffsetRole).toDouble(), 240.0);
        QCOMPARE(teaspoon.data(RunJobTableModel::DurationRole).toDouble(), 80.0);
        QCOMPARE(teaspoon.data(RunJobTableModel::SortRole).toDouble(), 240.0);
        QCOMPARE(teaspoon.data(RunJobTableModel::StatusRole).toInt(), int(RunStatus::Success));
        QVERIFY(model.index(3, 0).data(RunJobTableModel::ManualRole).toBool());
        QCOMPARE(model.job(0).id, QStringLiteral("5"));

        // A path computed for another run marks nothing.
        CriticalPath other = criticalPathOf(run);
        other.runKey = QStringLiteral("gitlab:999#1");
        model.setRun(run, other);
        QVERIFY(!model.index(0, 0).data(RunJobTableModel::OnCriticalPathRole).toBool());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRunJobTableModel)
#include "tst_runjobtablemodel.moc"
