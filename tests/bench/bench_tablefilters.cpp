// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The runs and findings tables on 100,000 rows: what one user change of a filter or of the sort column costs on the
// GUI thread (target: under 50 ms each, release build). Every iteration is a real change (the values alternate).
#include "runs/RunFilterModel.h"
#include "runs/RunTableModel.h"
#include "security/FindingFilterModel.h"
#include "security/FindingTableModel.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::runs;

namespace {

constexpr int Rows = 100000;

QString hex40(QRandomGenerator& random)
{
    QString sha;
    for (int i = 0; i < 5; ++i)
        sha += QStringLiteral("%1").arg(random.generate(), 8, 16, QLatin1Char('0'));
    return sha;
}

QList<Run> generateRuns()
{
    QRandomGenerator random(7);
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    const QStringList triggers{QStringLiteral("push"), QStringLiteral("pull_request"), QStringLiteral("schedule"),
                               QStringLiteral("merge_request_event")};
    const RunStatus statuses[] = {RunStatus::Success,  RunStatus::Success, RunStatus::Success, RunStatus::Failed,
                                  RunStatus::Canceled, RunStatus::Running, RunStatus::Skipped};
    QList<Run> runs;
    runs.reserve(Rows);
    for (int i = 0; i < Rows; ++i) {
        Run run;
        run.source = i % 3 ? QStringLiteral("github") : QStringLiteral("gitlab");
        run.id = QString::number(5000000 + i);
        run.attempt = i % 17 ? 1 : 2;
        run.name = QStringLiteral("Pipeline %1").arg(random.bounded(30));
        run.sha = hex40(random);
        const quint32 branch = random.bounded(400);
        run.branch = branch < 200 ? QStringLiteral("main") : QStringLiteral("feature/JIRA-%1-change").arg(branch);
        run.status = statuses[random.bounded(int(std::size(statuses)))];
        run.started = start.addSecs(qint64(i) * 300 + random.bounded(200));
        run.durationSeconds = random.bounded(10) ? random.bounded(3600.0) : -1;
        run.trigger = triggers.at(random.bounded(int(triggers.size())));
        runs.append(run);
    }
    return runs;
}

Posture generatePosture()
{
    QRandomGenerator random(11);
    const QStringList tools{QStringLiteral("trivy"),  QStringLiteral("semgrep"), QStringLiteral("gitleaks"),
                            QStringLiteral("codeql"), QStringLiteral("zap"),     QStringLiteral("checkov")};
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    Posture posture;
    posture.findings.reserve(Rows);
    for (int i = 0; i < Rows; ++i) {
        FindingLifecycle f;
        f.finding.tool = tools.at(random.bounded(int(tools.size())));
        f.finding.category = FindingCategory(random.bounded(4));
        f.finding.rule = QStringLiteral("rule-%1").arg(random.bounded(2000));
        f.finding.severity = Severity(random.bounded(5));
        f.finding.title = QStringLiteral("Possible injection in handler %1 of module %2")
                              .arg(random.bounded(5000))
                              .arg(random.bounded(300));
        f.finding.location.path = QStringLiteral("src/module%1/file%2.cpp").arg(random.bounded(300)).arg(i % 1000);
        f.finding.location.line = int(random.bounded(4000));
        f.finding.ids = {QStringLiteral("CVE-2025-%1").arg(10000 + random.bounded(90000)),
                         QStringLiteral("CWE-%1").arg(random.bounded(900))};
        f.finding.fingerprint = hex40(random);
        f.firstSeen.time = start.addSecs(qint64(i) * 60);
        f.state = FindingState(random.bounded(4));
        f.ageDays = random.bounded(400.0);
        f.overdue = random.bounded(5) == 0;
        if (random.bounded(2))
            f.due = f.firstSeen.time.addDays(30);
        posture.findings.append(f);
    }
    return posture;
}

} // namespace

class BenchTableFilters : public QObject
{
    Q_OBJECT

    QList<Run> m_runs;
    Posture m_posture;

private Q_SLOTS:
    void initTestCase()
    {
        m_runs = generateRuns();
        m_posture = generatePosture();
    }

    // One user change of the runs table's filters (the panel sets all four at once).
    void runsFilterChange_data()
    {
        QTest::addColumn<QString>("change");
        for (const char* change : {"text", "status", "branch", "everything"})
            QTest::newRow(change) << QString::fromLatin1(change);
    }
    void runsFilterChange()
    {
        QFETCH(QString, change);
        RunTableModel table;
        RunFilterModel filter;
        filter.setSourceModel(&table);
        table.setSnapshot(m_runs);
        filter.sort(RunTableModel::StartedColumn, Qt::DescendingOrder);
        QElapsedTimer first;
        first.start();
        filter.setText(QStringLiteral("feature")); // the first search folds every row's text once
        QVERIFY(filter.rowCount() > 0); // a view asks at once; the proxy maps its rows then
        qInfo("first text search on %d runs: %lld ms", Rows, first.elapsed());
        filter.setText({});
        bool flip = false;
        int shown = 0;
        QBENCHMARK
        {
            flip = !flip;
            RunFilterModel::Filter next;
            if (change == u"text")
                next.text = flip ? QStringLiteral("jira-21") : QStringLiteral("pipeline 2");
            if (change == u"everything")
                next.text = flip ? QStringLiteral("pipeline 1") : QStringLiteral("pipeline 2");
            if (change == u"status" || change == u"everything")
                next.status = flip ? RunStatus::Failed : RunStatus::Success;
            if (change == u"branch" || change == u"everything")
                next.branch = flip ? QStringLiteral("main") : QStringLiteral("feature/JIRA-300-change");
            filter.setFilter(next);
            shown = filter.rowCount(); // what a view asks at once (the proxy maps lazily)
        }
        QVERIFY(shown > 0 && shown < Rows);
    }

    // One click on a column header of the runs table.
    void runsSortChange_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("started") << int(RunTableModel::StartedColumn);
        QTest::newRow("pipeline") << int(RunTableModel::PipelineColumn);
        QTest::newRow("duration") << int(RunTableModel::DurationColumn);
        QTest::newRow("branch") << int(RunTableModel::BranchColumn);
    }
    void runsSortChange()
    {
        QFETCH(int, column);
        RunTableModel table;
        RunFilterModel filter;
        filter.setSourceModel(&table);
        table.setSnapshot(m_runs);
        QElapsedTimer first;
        first.start();
        filter.sort(column, Qt::AscendingOrder); // the first sort by a column reads it
        QVERIFY(filter.index(0, 0).isValid());
        qInfo("first sort by column %d of %d rows: %lld ms", column, Rows, first.elapsed());
        filter.sort(RunTableModel::CommitColumn, Qt::AscendingOrder);
        bool flip = false;
        int shown = 0;
        QBENCHMARK
        {
            // Alternates with another column (both read before): what a click on a header costs.
            flip = !flip;
            filter.sort(flip ? column : RunTableModel::CommitColumn, Qt::AscendingOrder);
            shown = filter.index(0, 0).row() + filter.rowCount();
        }
        QCOMPARE(shown, Rows);
    }

    void findingsFilterChange_data()
    {
        QTest::addColumn<QString>("change");
        for (const char* change : {"text", "two words", "severity", "tool", "everything"})
            QTest::newRow(change) << QString::fromLatin1(change);
    }
    void findingsFilterChange()
    {
        QFETCH(QString, change);
        FindingTableModel table;
        FindingFilterModel filter;
        filter.setSourceModel(&table);
        table.setSnapshot(m_posture);
        filter.sort(FindingTableModel::SeverityColumn, Qt::DescendingOrder);
        QElapsedTimer first;
        first.start();
        filter.setText(QStringLiteral("module1")); // the first search folds every row's text once
        QVERIFY(filter.rowCount() > 0); // a view asks at once; the proxy maps its rows then
        qInfo("first text search on %d findings: %lld ms", Rows, first.elapsed());
        filter.setText({});
        bool flip = false;
        int shown = 0;
        QBENCHMARK
        {
            flip = !flip;
            FindingFilterModel::Filter next;
            if (change == u"text" || change == u"everything")
                next.text = flip ? QStringLiteral("cve-2025-123") : QStringLiteral("module12/");
            if (change == u"two words")
                next.text = flip ? QStringLiteral("injection cwe-12") : QStringLiteral("handler 99");
            if (change == u"severity" || change == u"everything")
                next.severity = flip ? Severity::High : Severity::Low;
            if (change == u"tool" || change == u"everything")
                next.tool = flip ? QStringLiteral("trivy") : QStringLiteral("semgrep");
            filter.setFilter(next);
            shown = filter.rowCount(); // what a view asks at once (the proxy maps lazily)
        }
        QVERIFY(shown > 0 && shown < Rows);
    }

    void findingsSortChange_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("severity") << int(FindingTableModel::SeverityColumn);
        QTest::newRow("title") << int(FindingTableModel::TitleColumn);
        QTest::newRow("location") << int(FindingTableModel::LocationColumn);
        QTest::newRow("first seen") << int(FindingTableModel::FirstSeenColumn);
        QTest::newRow("due") << int(FindingTableModel::DueColumn);
    }
    void findingsSortChange()
    {
        QFETCH(int, column);
        FindingTableModel table;
        FindingFilterModel filter;
        filter.setSourceModel(&table);
        table.setSnapshot(m_posture);
        QElapsedTimer first;
        first.start();
        filter.sort(column, Qt::AscendingOrder); // the first sort by a column reads it
        QVERIFY(filter.index(0, 0).isValid());
        qInfo("first sort by column %d of %d rows: %lld ms", column, Rows, first.elapsed());
        filter.sort(FindingTableModel::AgeColumn, Qt::AscendingOrder);
        bool flip = false;
        int shown = 0;
        QBENCHMARK
        {
            // Alternates with another column (both read before): what a click on a header costs.
            flip = !flip;
            filter.sort(flip ? column : FindingTableModel::AgeColumn, Qt::AscendingOrder);
            shown = filter.index(0, 0).row() + filter.rowCount();
        }
        QCOMPARE(shown, Rows);
    }
};

QTEST_GUILESS_MAIN(BenchTableFilters)
#include "bench_tablefilters.moc"
