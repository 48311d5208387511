// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/FindingFilterModel.h"
#include "security/FindingTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

namespace {

QDateTime at(int day)
{
    return QDateTime(QDate(2026, 3, day), QTime(10, 0), Qt::UTC);
}

Finding finding(const QString& tool, FindingCategory category, const char* fingerprint, Severity severity,
                const QString& path, const QStringList& ids = {})
{
    Finding f;
    f.tool = tool;
    f.category = category;
    f.rule = QStringLiteral("rule-") + QLatin1String(fingerprint);
    f.severity = severity;
    f.title = QStringLiteral("Issue ") + QLatin1String(fingerprint);
    f.fingerprint = QLatin1String(fingerprint);
    f.location.path = path;
    f.ids = ids;
    return f;
}

Scan scan(int day, const QString& tool, ReportFormat format, const QList<Finding>& findings)
{
    Scan s;
    s.commit = git::ObjectId::fromRaw(QByteArray(20, char(day)));
    s.time = at(day);
    ScanReport r;
    r.tool = tool;
    r.format = format;
    r.path = QStringLiteral("reports/%1.json").arg(tool);
    r.findings = findings;
    s.reports << r;
    return s;
}

Posture posture()
{
    const Finding a = finding(QStringLiteral("semgrep"), FindingCategory::Sast, "a", Severity::High,
                              QStringLiteral("app/views.py"), {QStringLiteral("CWE-79")});
    const Finding b
        = finding(QStringLiteral("semgrep"), FindingCategory::Sast, "b", Severity::Low, QStringLiteral("app/db.py"));
    const Finding c = finding(QStringLiteral("trivy"), FindingCategory::Dependency, "c", Severity::Critical, QString(),
                              {QStringLiteral("CVE-2026-1234")});
    ScanHistory history;
    history.scans = {scan(1, QStringLiteral("semgrep"), ReportFormat::Semgrep, {a, b}),
                     scan(2, QStringLiteral("trivy"), ReportFormat::Trivy, {c}),
                     scan(3, QStringLiteral("semgrep"), ReportFormat::Semgrep, {a})};
    auto triage = Triage::parse("findings:\n  - fingerprint: c\n    status: accepted_risk\n");
    return PostureBuilder::build(history, SecurityConfig::defaults(), *triage, at(20));
}

/// The visible fingerprints, in view order.
QString visible(const QAbstractItemModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, 0).data(FindingTableModel::FingerprintRole).toString();
    return list.join(QLatin1Char(','));
}

// Counts filter passes: how often a row is asked for.
class CountingFilter : public FindingFilterModel
{
public:
    mutable int asked = 0;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override
    {
        ++asked;
        return FindingFilterModel::filterAcceptsRow(sourceRow, sourceParent);
    }
};

} // namespace

class TestFindingFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << QString() << QStringLiteral("a,b,c");
        QTest::newRow("severity high") << QStringLiteral("severity=high") << QStringLiteral("a");
        QTest::newRow("tool trivy") << QStringLiteral("tool=trivy") << QStringLiteral("c");
        QTest::newRow("category sast") << QStringLiteral("category=sast") << QStringLiteral("a,b");
        QTest::newRow("state fixed") << QStringLiteral("state=fixed") << QStringLiteral("b");
        QTest::newRow("state accepted") << QStringLiteral("state=accepted") << QStringLiteral("c");
        QTest::newRow("overdue") << QStringLiteral("overdue") << QStringLiteral("a");
        QTest::newRow("text in path") << QStringLiteral("text=VIEWS") << QStringLiteral("a");
        QTest::newRow("text in ids") << QStringLiteral("text=cve-2026") << QStringLiteral("c");
        QTest::newRow("every word must match") << QStringLiteral("text=issue db") << QStringLiteral("b");
        QTest::newRow("rows") << QStringLiteral("rows") << QStringLiteral("a,c");
        QTest::newRow("combined, nothing") << QStringLiteral("tool=trivy;severity=low") << QString();
    }
    void filters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        FindingTableModel source;
        FindingFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSourceModel(&source);
        source.setSnapshot(posture());
        for (const QString& part : filter.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString key = part.section(QLatin1Char('='), 0, 0);
            const QString value = part.section(QLatin1Char('='), 1);
            if (key == QLatin1String("severity"))
                model.setSeverity(severityFromName(value));
            else if (key == QLatin1String("tool"))
                model.setTool(value);
            else if (key == QLatin1String("category"))
                model.setCategory(categoryFromName(value));
            else if (key == QLatin1String("state"))
                model.setState(value == QLatin1String("fixed") ? FindingState::Fixed : FindingState::Accepted);
            else if (key == QLatin1String("overdue"))
                model.setOverdueOnly(true);
            else if (key == QLatin1String("text"))
                model.setText(value);
            else if (key == QLatin1String("rows"))
                model.setRows(QSet<int>{0, 2});
        }
        QCOMPARE(visible(model), expected);
        // Clearing every filter shows everything again.
        model.setSeverity(std::nullopt);
        model.setTool({});
        model.setCategory(std::nullopt);
        model.setState(std::nullopt);
        model.setOverdueOnly(false);
        model.setText({});
        model.setRows(std::nullopt);
        QCOMPARE(model.rowCount(), 3);
    }

    // A user change of several filters costs one pass; a change to the same values none.
    void onePassPerChange()
    {
        FindingTableModel source;
        CountingFilter model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSourceModel(&source);
        source.setSnapshot(posture());
        FindingFilterModel::Filter filter;
        filter.tool = QStringLiteral("semgrep");
        filter.category = FindingCategory::Sast;
        filter.text = QStringLiteral("  ISSUE  ");
        filter.severity = Severity::Low;
        model.asked = 0;
        model.setFilter(filter);
        QCOMPARE(model.asked, source.rowCount());
        QCOMPARE(visible(model), QStringLiteral("b"));
        QCOMPARE(model.text(), QStringLiteral("ISSUE"));
        model.asked = 0;
        model.setFilter(filter);
        model.setTool(QStringLiteral("semgrep"));
        QCOMPARE(model.asked, 0);
        model.setFilter({});
        QCOMPARE(model.asked, source.rowCount());
        QCOMPARE(model.rowCount(), 3);
    }

    // Every column sorts in the same order as comparing the sort role's values one by one.
    void sortsLikeTheSortRole_data()
    {
        QTest::addColumn<int>("column");
        for (int column = 0; column < FindingTableModel::ColumnCount; ++column)
            QTest::newRow(qPrintable(QString::number(column))) << column;
    }
    void sortsLikeTheSortRole()
    {
        QFETCH(int, column);
        FindingTableModel source;
        source.setSnapshot(posture());
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            FindingFilterModel model;
            model.setSourceModel(&source);
            model.sort(column, order);
            QSortFilterProxyModel reference;
            reference.setSortRole(FindingTableModel::SortRole);
            reference.setSourceModel(&source);
            reference.sort(column, order);
            QCOMPARE(visible(model), visible(reference));
        }
    }

    void sortsBySeverityAndSurvivesReset()
    {
        FindingTableModel source;
        FindingFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSourceModel(&source);
        model.sort(FindingTableModel::SeverityColumn, Qt::DescendingOrder);
        source.setSnapshot(posture());
        QCOMPARE(visible(model), QStringLiteral("c,a,b"));
        model.setTool(QStringLiteral("semgrep"));
        source.setSnapshot(posture());
        QCOMPARE(visible(model), QStringLiteral("a,b"));
        source.setSnapshot(Posture());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFindingFilterModel)
#include "tst_findingfiltermodel.moc"
