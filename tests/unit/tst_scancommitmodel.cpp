// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelDump.h"
#include "repo/ScanCommitModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

class TestScanCommitModel : public QObject
{
    Q_OBJECT

private:
    static RepositorySnapshot snapshot()
    {
        RepositorySnapshot s;
        ScanCommit noted;
        noted.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('9')));
        noted.summary = QStringLiteral("chore(reports): weekly scan");
        noted.author = QStringLiteral("Bob");
        noted.time = QDateTime(QDate(2026, 6, 8), QTime(7, 0), Qt::UTC);
        noted.reportPaths = {QStringLiteral("reports/semgrep.json"), QStringLiteral("reports/trivy.json")};
        noted.deletedReportPaths = {QStringLiteral("reports/old.json")};
        noted.hasNote = true;
        noted.noteSize = 40;
        noted.noteSummary = QStringLiteral("semgrep: 2 findings");
        ScanCommit plain;
        plain.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('8')));
        plain.summary = QStringLiteral("ci: add sarif");
        plain.time = QDateTime(QDate(2026, 6, 1), QTime(7, 0), Qt::UTC);
        plain.reportPaths = {QStringLiteral("out.sarif")};
        s.scanCommits = {noted, plain};
        return s;
    }

private Q_SLOTS:
    void showsScans()
    {
        ScanCommitModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(test::dumpHeaders(model),
                 QStringList({QStringLiteral("Commit"), QStringLiteral("Date"), QStringLiteral("Summary"),
                              QStringLiteral("Reports"), QStringLiteral("Scan note")}));
        QCOMPARE(test::dumpModel(model),
                 QStringList({QStringLiteral("99999999 | 2026-06-08 07:00 | chore(reports): weekly scan | 2 changed, "
                                             "1 deleted | semgrep: 2 findings"),
                              QStringLiteral("88888888 | 2026-06-01 07:00 | ci: add sarif | 1 changed | ")}));
    }

    void exposesSemanticRoles()
    {
        ScanCommitModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(model.index(0, 0).data(ScanCommitModel::HasNoteRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(ScanCommitModel::HasNoteRole).toBool(), false);
        QCOMPARE(model.index(0, 0).data(ScanCommitModel::ReportPathsRole).toStringList().size(), 2);
        QCOMPARE(model.index(0, 0).data(ScanCommitModel::DeletedReportPathsRole).toStringList(),
                 QStringList{QStringLiteral("reports/old.json")});
        QCOMPARE(model.index(0, ScanCommitModel::ReportsColumn).data(ScanCommitModel::SortRole).toInt(), 3);
        QVERIFY(
            model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("reports/old.json (deleted)")));
        model.setSnapshot(RepositorySnapshot{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestScanCommitModel)
#include "tst_scancommitmodel.moc"
