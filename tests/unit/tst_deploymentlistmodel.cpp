// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelDump.h"
#include "repo/DeploymentListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

class TestDeploymentListModel : public QObject
{
    Q_OBJECT

private:
    static RepositorySnapshot snapshot()
    {
        RepositorySnapshot s;
        DeployTag prod;
        prod.tag = QStringLiteral("deploy-1111111");
        prod.environment = QStringLiteral("production");
        prod.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('1')));
        prod.time = QDateTime(QDate(2026, 3, 2), QTime(14, 30), Qt::UTC);
        prod.tagger = QStringLiteral("Rita Release");
        prod.message = QStringLiteral("Production deployment\n\nRolled back from 2.3.1");
        prod.annotated = true;
        prod.rollback = true;
        DeployTag staging;
        staging.tag = QStringLiteral("staging-42");
        staging.environment = QStringLiteral("staging");
        staging.commit = git::ObjectId::fromHex(QString(40, QLatin1Char('2')));
        staging.time = QDateTime(QDate(2026, 3, 1), QTime(9, 5), Qt::UTC);
        staging.tagger = QStringLiteral("CI");
        s.deployTags = {prod, staging};
        return s;
    }

private Q_SLOTS:
    void showsDeployments()
    {
        DeploymentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(test::dumpHeaders(model),
                 QStringList({QStringLiteral("Environment"), QStringLiteral("Tag"), QStringLiteral("Commit"),
                              QStringLiteral("Time"), QStringLiteral("Tagger"), QStringLiteral("Message")}));
        QCOMPARE(test::dumpModel(model),
                 QStringList({QStringLiteral("production (rollback) | deploy-1111111 | 11111111 | 2026-03-02 14:30 | "
                                             "Rita Release | Production deployment"),
                              QStringLiteral("staging | staging-42 | 22222222 | 2026-03-01 09:05 | CI | ")}));
    }

    void exposesSemanticRoles()
    {
        DeploymentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(DeploymentListModel::EnvironmentRole).toString(), QStringLiteral("production"));
        QCOMPARE(first.data(DeploymentListModel::RollbackRole).toBool(), true);
        QCOMPARE(first.data(DeploymentListModel::AnnotatedRole).toBool(), true);
        QCOMPARE(first.data(DeploymentListModel::MessageRole).toString(),
                 QStringLiteral("Production deployment\n\nRolled back from 2.3.1"));
        QCOMPARE(model.index(1, 0).data(DeploymentListModel::CommitIdRole).toString(), QString(40, QLatin1Char('2')));
        QVERIFY(model.index(0, DeploymentListModel::TimeColumn).data(DeploymentListModel::SortRole).toLongLong()
                > model.index(1, DeploymentListModel::TimeColumn).data(DeploymentListModel::SortRole).toLongLong());
        model.setSnapshot(RepositorySnapshot{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentListModel)
#include "tst_deploymentlistmodel.moc"
