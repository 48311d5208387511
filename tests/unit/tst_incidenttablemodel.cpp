// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/IncidentTableModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

QList<Incident> sampleIncidents()
{
    Incident postmortem;
    postmortem.kind = Incident::Kind::Postmortem;
    postmortem.commit = git::ObjectId::fromHex(QString(40, u'1'));
    postmortem.time = QDateTime(QDate(2026, 3, 2), QTime(10, 15), QTimeZone::utc());
    postmortem.title = u"Card charges failed"_s;
    postmortem.scope = u"payments"_s;
    postmortem.incident = u"INC-7"_s;
    postmortem.severity = u"SEV2"_s;
    postmortem.rootCause = u"Pool exhausted"_s;
    postmortem.factors = {u"IV"_s, u"IX"_s};
    postmortem.blamedDeployment = u"deploy-2"_s;
    postmortem.fixedByDeployment = u"deploy-3"_s;
    postmortem.timeToRestoreSeconds = 7800;
    Incident document;
    document.kind = Incident::Kind::Document;
    document.documentPath = u"postmortems/dns.md"_s;
    document.time = QDateTime(QDate(2026, 3, 5), QTime(23, 59, 59), QTimeZone::utc());
    document.title = u"DNS outage"_s;
    return {postmortem, document};
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

class TestIncidentTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows();
    void roles();
    void search_data();
    void search();
};

void TestIncidentTableModel::rows()
{
    IncidentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(sampleIncidents());
    QCOMPARE(printed(model),
             QStringList({
                 u"Date (UTC) | Title | Scope | Severity | Time to restore"_s,
                 u"2026-03-02T10:15:00Z | Card charges failed | payments | SEV2 | 2h 10m"_s,
                 u"2026-03-05T23:59:59Z | DNS outage |  |  | –"_s,
             }));
    model.setSnapshot({});
    QCOMPARE(model.rowCount(), 0);
}

void TestIncidentTableModel::roles()
{
    IncidentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(sampleIncidents());
    const QModelIndex first = model.index(0, IncidentTableModel::TitleColumn);
    QCOMPARE(first.data(IncidentTableModel::KindRole).toInt(), int(Incident::Kind::Postmortem));
    QCOMPARE(first.data(IncidentTableModel::BlamedDeploymentRole).toString(), u"deploy-2"_s);
    QCOMPARE(first.data(IncidentTableModel::FixedByDeploymentRole).toString(), u"deploy-3"_s);
    QCOMPARE(first.data(IncidentTableModel::TimeToRestoreSecondsRole).toLongLong(), 7800);
    QCOMPARE(first.data(IncidentTableModel::FactorsRole).toStringList(), QStringList({u"IV"_s, u"IX"_s}));
    QCOMPARE(first.data(Qt::ToolTipRole).toString(), u"Pool exhausted"_s);
    QCOMPARE(first.data(IncidentTableModel::CommitIdRole).toString(), QString(40, u'1'));
    const QModelIndex second = model.index(1, IncidentTableModel::TimeToRestoreColumn);
    QVERIFY(!second.data(IncidentTableModel::TimeToRestoreSecondsRole).isValid());
    QCOMPARE(second.data(IncidentTableModel::SortRole).toDouble(), -1.0);
    QCOMPARE(second.data(IncidentTableModel::CommitIdRole).toString(), QString());
    QCOMPARE(second.data(IncidentTableModel::DocumentPathRole).toString(), u"postmortems/dns.md"_s);
    QCOMPARE(model.incidentAt(1)->title, u"DNS outage"_s);
    QCOMPARE(model.incidentAt(2), nullptr);
}

void TestIncidentTableModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("everything") << QString() << QStringList({u"Card charges failed"_s, u"DNS outage"_s});
    QTest::newRow("root cause, any case") << u"POOL"_s << QStringList({u"Card charges failed"_s});
    QTest::newRow("factor") << u"ix"_s << QStringList({u"Card charges failed"_s});
    QTest::newRow("title") << u"dns"_s << QStringList({u"DNS outage"_s});
    QTest::newRow("nothing") << u"kafka"_s << QStringList();
}

void TestIncidentTableModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, titles);
    IncidentTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterRole(IncidentTableModel::SearchTextRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    model.setSnapshot(sampleIncidents());
    proxy.setFilterFixedString(text);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.append(proxy.index(row, IncidentTableModel::TitleColumn).data().toString());
    QCOMPARE(shown, titles);
}

QTEST_GUILESS_MAIN(TestIncidentTableModel)
#include "tst_incidenttablemodel.moc"
