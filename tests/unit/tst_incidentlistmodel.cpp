// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelDump.h"
#include "repo/IncidentListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

class TestIncidentListModel : public QObject
{
    Q_OBJECT

private:
    static RepositorySnapshot snapshot()
    {
        RepositorySnapshot s;
        IncidentCommit postmortem;
        postmortem.kind = IncidentCommit::Kind::Postmortem;
        postmortem.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('e')));
        postmortem.summary = QStringLiteral("postmortem(db): failover");
        postmortem.author = QStringLiteral("Alice");
        postmortem.time = QDateTime(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC);
        postmortem.incident = QStringLiteral("INC-1 orders lost");
        postmortem.rootCause = QStringLiteral("replica lag");
        postmortem.fix = QStringLiteral("fence the primary");
        postmortem.factors = {QStringLiteral("Factor VI: processes")};
        IncidentCommit revert;
        revert.kind = IncidentCommit::Kind::Revert;
        revert.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('f')));
        revert.summary = QStringLiteral("Revert \"feat: x\"");
        revert.time = QDateTime(QDate(2026, 3, 30), QTime(8, 0), Qt::UTC);
        s.incidents = {postmortem, revert};
        return s;
    }

private Q_SLOTS:
    void showsIncidents()
    {
        IncidentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(test::dumpHeaders(model),
                 QStringList({QStringLiteral("Kind"), QStringLiteral("Date"), QStringLiteral("Commit"),
                              QStringLiteral("Summary"), QStringLiteral("Incident"), QStringLiteral("Root cause"),
                              QStringLiteral("Fix")}));
        QCOMPARE(test::dumpModel(model),
                 QStringList({QStringLiteral("postmortem | 2026-04-01 12:00 | eeeeeeee | postmortem(db): failover | "
                                             "INC-1 orders lost | replica lag | fence the primary"),
                              QStringLiteral("revert | 2026-03-30 08:00 | ffffffff | Revert \"feat: x\" |  |  | ")}));
    }

    void exposesSemanticRoles()
    {
        IncidentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(model.index(0, 0).data(IncidentListModel::KindRole).toInt(), int(IncidentCommit::Kind::Postmortem));
        QCOMPARE(model.index(1, 0).data(IncidentListModel::KindRole).toInt(), int(IncidentCommit::Kind::Revert));
        QCOMPARE(model.index(0, 0).data(IncidentListModel::FactorsRole).toStringList(),
                 QStringList{QStringLiteral("Factor VI: processes")});
        QCOMPARE(model.index(0, 0).data(IncidentListModel::AuthorRole).toString(), QStringLiteral("Alice"));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Root cause: replica lag")));
        model.setSnapshot(RepositorySnapshot{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIncidentListModel)
#include "tst_incidentlistmodel.moc"
