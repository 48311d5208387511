// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunReader.h"
#include "runs/RunTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse::runs;

namespace {

QList<Run> fixtureRuns(const QString& name)
{
    auto result = RunReader::readFile(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs/") + name);
    return result ? result->runs : QList<Run>();
}

QStringList printed(const QAbstractItemModel& model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells.append(model.index(row, column).data().toString());
        rows.append(cells.join(QStringLiteral(" | ")));
    }
    return rows;
}

} // namespace

class TestRunTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsNewestFirst()
    {
        RunTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSnapshot(fixtureRuns(QStringLiteral("github-runs.json"))
                          + fixtureRuns(QStringLiteral("gh-run-list.json")));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(
            printed(model),
            (QStringList{
                QStringLiteral("pending | CI | main | e83c5163 | 2024-05-02T11:00:00Z | - | push | 0"),
                QStringLiteral("success | CI | main | 3b18e512 | 2024-05-02T10:00:05Z | 7 m 00 s | push | 0"),
                QStringLiteral(
                    "failed | CI | feature/flag | 9fceb02d | 2024-05-02T09:00:30Z | 4 m 00 s | pull_request | 0"),
                QStringLiteral("running | Lint | feature/x | f2b6c1d0 | 2020-01-23T08:00:20Z | - | pull_request | 0"),
                QStringLiteral(
                    "success | Build (attempt 2) | master | acb5820c | 2020-01-22T19:45:10Z | 7 m 00 s | push | 0"),
                QStringLiteral("failed | Build | master | acb5820c | 2020-01-22T19:33:38Z | 6 m 30 s | push | 0"),
            }));
        QCOMPARE(model.headerData(RunTableModel::DurationColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Duration"));
    }

    void semanticRoles()
    {
        RunTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(fixtureRuns(QStringLiteral("github-runs.json")));
        const QModelIndex last = model.index(2, RunTableModel::DurationColumn);
        QCOMPARE(last.data(RunTableModel::StatusRole).toInt(), int(RunStatus::Failed));
        QCOMPARE(last.data(RunTableModel::DurationRole).toDouble(), 390.0);
        QCOMPARE(last.data(RunTableModel::SortRole).toDouble(), 390.0);
        QCOMPARE(last.data(RunTableModel::RunKeyRole).toString(), QStringLiteral("github:30433642#1"));
        QCOMPARE(last.data(RunTableModel::ShaRole).toString(),
                 QStringLiteral("acb5820ced9479c074f688cc328bf03f341a511d"));
        QCOMPARE(last.data(RunTableModel::AttemptRole).toInt(), 1);
        QCOMPARE(model.index(2, RunTableModel::StartedColumn).data(RunTableModel::SortRole).toDateTime(),
                 QDateTime::fromString(QStringLiteral("2020-01-22T19:33:38Z"), Qt::ISODate));
        QCOMPARE(model.index(1, RunTableModel::PipelineColumn).data(RunTableModel::SortRole).toString(),
                 QStringLiteral("Build"));
        QVERIFY(model.roleNames().value(RunTableModel::StatusRole) == "status");
        QCOMPARE(model.run(0).key(), QStringLiteral("github:30433700#1"));

        model.setSnapshot({});
        QCOMPARE(model.rowCount(), 0);
    }

    void durationText_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << -1.0 << "-";
        QTest::newRow("seconds") << 12.4 << "12 s";
        QTest::newRow("minutes") << 245.0 << "4 m 05 s";
        QTest::newRow("hours") << 3720.0 << "1 h 02 m";
    }
    void durationText()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(RunTableModel::durationText(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestRunTableModel)
#include "tst_runtablemodel.moc"
