// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelDump.h"
#include "repo/RepositoryFileModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

class TestRepositoryFileModel : public QObject
{
    Q_OBJECT

private:
    static RepositorySnapshot snapshot()
    {
        RepositorySnapshot s;
        s.pipelineFiles = {{QStringLiteral(".gitlab-ci.yml"), PipelineFile::Kind::GitLabCi, 2048},
                           {QStringLiteral("ci/deploy.yml"), PipelineFile::Kind::GitLabInclude, 300}};
        ReportFile semgrep;
        semgrep.path = QStringLiteral("reports/semgrep.json");
        semgrep.tool = QStringLiteral("semgrep");
        semgrep.format = QStringLiteral("json");
        semgrep.size = 1536;
        semgrep.lastCommit = git::ObjectId::fromHex(QString(40, QLatin1Char('d')));
        semgrep.lastChanged = QDateTime(QDate(2026, 5, 4), QTime(6, 0), Qt::UTC);
        ReportFile old;
        old.path = QStringLiteral("scan.sarif");
        old.tool = QStringLiteral("sarif");
        old.format = QStringLiteral("sarif");
        old.size = 10;
        s.reportFiles = {semgrep, old};
        return s;
    }

private Q_SLOTS:
    void showsPipelineFiles()
    {
        RepositoryFileModel model(RepositoryFileModel::Category::Pipelines);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(model.headerData(RepositoryFileModel::KindColumn, Qt::Horizontal).toString(), QStringLiteral("Kind"));
        QCOMPARE(test::dumpModel(model),
                 QStringList({QStringLiteral(".gitlab-ci.yml | gitlab-ci | yaml | 2.0 KiB | "),
                              QStringLiteral("ci/deploy.yml | gitlab-include | yaml | 300 bytes | ")}));
        QCOMPARE(model.index(0, 0).data(RepositoryFileModel::SizeRole).toLongLong(), 2048);
        QCOMPARE(model.index(1, 0).data(RepositoryFileModel::KindRole).toString(), QStringLiteral("gitlab-include"));
    }

    void showsReportFiles()
    {
        RepositoryFileModel model(RepositoryFileModel::Category::Reports);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(model.headerData(RepositoryFileModel::KindColumn, Qt::Horizontal).toString(), QStringLiteral("Tool"));
        QCOMPARE(test::dumpModel(model),
                 QStringList({QStringLiteral("reports/semgrep.json | semgrep | json | 1.5 KiB | 2026-05-04 06:00  "
                                             "dddddddd"),
                              QStringLiteral("scan.sarif | sarif | sarif | 10 bytes | before the scanned history")}));
        QCOMPARE(model.index(0, 0).data(RepositoryFileModel::LastCommitRole).toString(), QString(40, QLatin1Char('d')));
        QCOMPARE(model.index(1, 0).data(RepositoryFileModel::LastCommitRole).toString(), QString());
        QVERIFY(model.index(0, RepositoryFileModel::SizeColumn).data(RepositoryFileModel::SortRole).toLongLong()
                > model.index(1, RepositoryFileModel::SizeColumn).data(RepositoryFileModel::SortRole).toLongLong());
        model.setSnapshot(RepositorySnapshot{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryFileModel)
#include "tst_repositoryfilemodel.moc"
