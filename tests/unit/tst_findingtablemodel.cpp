// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/FindingTableModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gatehouse;

namespace {

QDateTime at(int day)
{
    return QDateTime(QDate(2026, 3, day), QTime(10, 0), Qt::UTC);
}

Scan scan(int day, const QList<Finding>& findings)
{
    Scan s;
    s.commit = git::ObjectId::fromRaw(QByteArray(20, char(day)));
    s.time = at(day);
    ScanReport r;
    r.tool = QStringLiteral("trivy");
    r.format = ReportFormat::Trivy;
    r.path = QStringLiteral("reports/trivy.json");
    r.findings = findings;
    s.reports << r;
    return s;
}

Finding finding(const char* fingerprint, Severity severity, const char* package)
{
    Finding f;
    f.tool = QStringLiteral("trivy");
    f.category = FindingCategory::Dependency;
    f.rule = QStringLiteral("CVE-2026-%1").arg(QLatin1String(fingerprint));
    f.severity = severity;
    f.title = QStringLiteral("Issue ") + QLatin1String(fingerprint);
    f.fingerprint = QLatin1String(fingerprint);
    f.location.package = QLatin1String(package);
    f.location.version = QStringLiteral("1.0");
    return f;
}

Posture posture()
{
    const Finding a = finding("0001", Severity::Critical, "openssl");
    const Finding b = finding("0002", Severity::Low, "zlib");
    ScanHistory history;
    history.scans = {scan(1, {a, b}), scan(3, {b})};
    return PostureBuilder::build(history, SecurityConfig::defaults(), Triage(), at(10));
}

QStringList print(const QAbstractItemModel& model, int role = Qt::DisplayRole)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data(role).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class TestFindingTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndRoles()
    {
        FindingTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(FindingTableModel::ColumnCount));

        model.setSnapshot(posture());
        QCOMPARE(
            print(model),
            (QStringList{
                QStringLiteral("critical|fixed|trivy|CVE-2026-0001|Issue 0001|openssl@1.0|2026-03-01T10:00:00Z|2.0|"
                               "2026-03-02T10:00:00Z"),
                QStringLiteral("low|open|trivy|CVE-2026-0002|Issue 0002|zlib@1.0|2026-03-01T10:00:00Z|9.0|"
                               "2026-05-30T10:00:00Z")}));
        const QModelIndex first = model.index(0, FindingTableModel::TitleColumn);
        QCOMPARE(first.data(FindingTableModel::SeverityRole).toInt(), int(Severity::Critical));
        QCOMPARE(first.data(FindingTableModel::StateRole).toInt(), int(FindingState::Fixed));
        QCOMPARE(first.data(FindingTableModel::CategoryRole).toInt(), int(FindingCategory::Dependency));
        QCOMPARE(first.data(FindingTableModel::FixedRole).toDateTime(), at(3));
        QCOMPARE(first.data(FindingTableModel::FirstSeenCommitRole).toString(),
                 QString(QStringLiteral("01")).repeated(20));
        QCOMPARE(first.data(FindingTableModel::OverdueRole).toBool(), false);
        QCOMPARE(model.index(1, 0).data(FindingTableModel::FixedRole).toDateTime(), QDateTime());
        QCOMPARE(model.lifecycleAt(1)->finding.fingerprint, QStringLiteral("0002"));
        QVERIFY(!model.lifecycleAt(2));
        QCOMPARE(model.headerData(FindingTableModel::AgeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Age (days)"));
        QVERIFY(model.roleNames().contains(FindingTableModel::OverdueRole));

        // Sorting through a proxy uses the semantic sort values: severity worst first when descending.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(FindingTableModel::SortRole);
        proxy.sort(FindingTableModel::AgeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, FindingTableModel::RuleColumn).data().toString(), QStringLiteral("CVE-2026-0002"));
        proxy.sort(FindingTableModel::SeverityColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, FindingTableModel::RuleColumn).data().toString(), QStringLiteral("CVE-2026-0001"));

        // A new snapshot replaces the rows; an empty one clears them.
        model.setSnapshot(Posture());
        QCOMPARE(model.rowCount(), 0);
    }

    void markdown()
    {
        FindingTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Posture p = posture();
        p.findings[0].finding.title = QStringLiteral("a | pipe");
        model.setSnapshot(p);
        const QStringList lines = model.toMarkdown().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("| Severity | State | Tool | Rule | Title |")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("| --- |")));
        QVERIFY2(lines.at(2).contains(QStringLiteral("| critical | fixed | trivy | `CVE-2026-0001` | a \\| pipe | "
                                                     "`openssl@1.0` |")),
                 qPrintable(lines.at(2)));
        // Only the given rows.
        QCOMPARE(model.toMarkdown({1}).count(QLatin1Char('\n')), 3);
        QVERIFY(model.toMarkdown({1}).contains(QStringLiteral("zlib")));
        QVERIFY(
            model.index(0, 0).data(FindingTableModel::SearchTextRole).toString().contains(QStringLiteral("openssl")));
    }
};

QTEST_GUILESS_MAIN(TestFindingTableModel)
#include "tst_findingtablemodel.moc"
