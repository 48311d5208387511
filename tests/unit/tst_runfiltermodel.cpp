// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunFilterModel.h"
#include "runs/RunReader.h"
#include "runs/RunTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse::runs;
using namespace Qt::StringLiterals;

namespace {

QList<Run> fixtureRuns()
{
    QList<Run> runs;
    for (const char* name : {"github-runs.json", "gh-run-list.json"}) {
        auto result = RunReader::readFile(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs/") + QLatin1String(name));
        if (result)
            runs += result->runs;
    }
    return runs;
}

// "commit-prefix pipeline-cell" per visible row, in view order.
QStringList visible(const QAbstractItemModel& model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.index(row, RunTableModel::CommitColumn).data().toString() + QLatin1Char(' ')
                    + model.index(row, RunTableModel::PipelineColumn).data().toString());
    return rows;
}

// Counts filter passes: how often a row is asked for.
class CountingFilter : public RunFilterModel
{
public:
    mutable int asked = 0;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override
    {
        ++asked;
        return RunFilterModel::filterAcceptsRow(sourceRow, sourceParent);
    }
};

} // namespace

class TestRunFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<int>("status"); // -1: any
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString any;
        QTest::newRow("no filter") << -1 << any << any << any << QStringList{u"e83c5163 CI"_s,
                                                                             u"3b18e512 CI"_s,
                                                                             u"9fceb02d CI"_s,
                                                                             u"f2b6c1d0 Lint"_s,
                                                                             u"acb5820c Build (attempt 2)"_s,
                                                                             u"acb5820c Build"_s};
        QTest::newRow("failed") << int(RunStatus::Failed) << any << any << any
                                << QStringList{u"9fceb02d CI"_s, u"acb5820c Build"_s};
        QTest::newRow("branch master") << -1 << u"master"_s << any << any
                                       << QStringList{u"acb5820c Build (attempt 2)"_s, u"acb5820c Build"_s};
        QTest::newRow("branch is exact, not a substring") << -1 << u"feature"_s << any << any << QStringList{};
        QTest::newRow("pipeline Build, both attempts")
            << -1 << any << u"Build"_s << any << QStringList{u"acb5820c Build (attempt 2)"_s, u"acb5820c Build"_s};
        QTest::newRow("text in trigger, any case")
            << -1 << any << any << u"PULL_req"_s << QStringList{u"9fceb02d CI"_s, u"f2b6c1d0 Lint"_s};
        QTest::newRow("text in the attempt label")
            << -1 << any << any << u"attempt 2"_s << QStringList{u"acb5820c Build (attempt 2)"_s};
        QTest::newRow("text is a commit prefix") << -1 << any << any << u"E83C"_s << QStringList{u"e83c5163 CI"_s};
        QTest::newRow("commit text only as a prefix") << -1 << any << any << u"5163"_s << QStringList{};
        QTest::newRow("text trimmed") << -1 << any << any << u"  lint "_s << QStringList{u"f2b6c1d0 Lint"_s};
        QTest::newRow("all filters together") << int(RunStatus::Success) << u"master"_s << u"Build"_s << u"push"_s
                                              << QStringList{u"acb5820c Build (attempt 2)"_s};
        QTest::newRow("nothing matches") << int(RunStatus::Canceled) << any << any << any << QStringList{};
    }
    void filters()
    {
        QFETCH(int, status);
        QFETCH(QString, branch);
        QFETCH(QString, pipeline);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        RunTableModel table;
        CountingFilter filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&table);
        table.setSnapshot(fixtureRuns());
        QCOMPARE(table.rowCount(), 6);

        filter.asked = 0;
        filter.setFilter({status < 0 ? std::nullopt : std::optional(RunStatus(status)), branch, pipeline, text});
        QCOMPARE(visible(filter), expected);
        // One user change, one pass (or none when nothing changed).
        const bool changed = status >= 0 || !branch.isEmpty() || !pipeline.isEmpty() || !text.trimmed().isEmpty();
        QCOMPARE(filter.asked, changed ? table.rowCount() : 0);

        // The single setters reach the same rows.
        RunFilterModel single;
        single.setSourceModel(&table);
        single.setStatus(status < 0 ? std::nullopt : std::optional(RunStatus(status)));
        single.setBranch(branch);
        single.setPipeline(pipeline);
        single.setText(text);
        QCOMPARE(visible(single), expected);
    }

    // A new snapshot drops the folded search texts of the old rows.
    void newSnapshotSearchesNewRows()
    {
        RunTableModel table;
        RunFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&table);
        QList<Run> runs = fixtureRuns();
        table.setSnapshot(runs);
        filter.setText(QStringLiteral("lint"));
        QCOMPARE(filter.rowCount(), 1);
        for (Run& run : runs)
            run.name = QStringLiteral("Lint everything");
        table.setSnapshot(runs);
        QCOMPARE(filter.rowCount(), 6);
    }

    // Sorting compares plain values: times, seconds (unknown durations first), counts and text.
    void sorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("started, oldest first") << int(RunTableModel::StartedColumn) << int(Qt::AscendingOrder)
                                               << QStringList{u"acb5820c Build"_s, u"acb5820c Build (attempt 2)"_s,
                                                              u"f2b6c1d0 Lint"_s,  u"9fceb02d CI"_s,
                                                              u"3b18e512 CI"_s,    u"e83c5163 CI"_s};
        QTest::newRow("duration, longest first") << int(RunTableModel::DurationColumn) << int(Qt::DescendingOrder)
                                                 << QStringList{u"3b18e512 CI"_s,    u"acb5820c Build (attempt 2)"_s,
                                                                u"acb5820c Build"_s, u"9fceb02d CI"_s,
                                                                u"e83c5163 CI"_s,    u"f2b6c1d0 Lint"_s};
        QTest::newRow("pipeline by name") << int(RunTableModel::PipelineColumn) << int(Qt::AscendingOrder)
                                          << QStringList{u"acb5820c Build (attempt 2)"_s,
                                                         u"acb5820c Build"_s,
                                                         u"e83c5163 CI"_s,
                                                         u"3b18e512 CI"_s,
                                                         u"9fceb02d CI"_s,
                                                         u"f2b6c1d0 Lint"_s};
        QTest::newRow("branch descending") << int(RunTableModel::BranchColumn) << int(Qt::DescendingOrder)
                                           << QStringList{u"acb5820c Build (attempt 2)"_s,
                                                          u"acb5820c Build"_s,
                                                          u"e83c5163 CI"_s,
                                                          u"3b18e512 CI"_s,
                                                          u"f2b6c1d0 Lint"_s,
                                                          u"9fceb02d CI"_s};
    }
    void sorting()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QStringList, expected);
        RunTableModel table;
        RunFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&table);
        table.setSnapshot(fixtureRuns());
        filter.sort(column, Qt::SortOrder(order));
        QCOMPARE(visible(filter), expected);

        // The same order as comparing the sort role's values one by one.
        QSortFilterProxyModel reference;
        reference.setSortRole(RunTableModel::SortRole);
        reference.setSourceModel(&table);
        reference.sort(column, Qt::SortOrder(order));
        QCOMPARE(visible(filter), visible(reference));
    }
};

QTEST_GUILESS_MAIN(TestRunFilterModel)
#include "tst_runfiltermodel.moc"
