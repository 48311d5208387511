// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelDump.h"
#include "repo/CommitListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace gatehouse;

class TestCommitListModel : public QObject
{
    Q_OBJECT

private:
    static git::ObjectId id(char c) { return git::ObjectId::fromHex(QString(40, QLatin1Char(c))); }
    static QDateTime at(int day, int hour) { return QDateTime(QDate(2026, 2, day), QTime(hour, 0), Qt::UTC); }

    static RepositorySnapshot snapshot()
    {
        RepositorySnapshot s;
        s.recentCommits = {
            {id('c'), QStringLiteral("postmortem(api): outage"), QStringLiteral("Alice"), QStringLiteral("a@x.org"),
             at(3, 9), 1},
            {id('b'), QStringLiteral("Merge branch 'x'"), QStringLiteral("Bob"), QStringLiteral("b@x.org"), at(2, 10),
             2},
            {id('a'), QStringLiteral("feat: first"), QStringLiteral("Carol"), QStringLiteral("c@x.org"), at(1, 8), 0},
        };
        git::TagInfo tag;
        tag.name = QStringLiteral("v1.0");
        tag.target = id('a');
        git::TagInfo deploy;
        deploy.name = QStringLiteral("deploy-aaaa");
        deploy.target = id('a');
        s.tags = {tag, deploy};
        DeployTag d;
        d.tag = deploy.name;
        d.commit = id('a');
        s.deployTags = {d};
        IncidentCommit incident;
        incident.commit = id('c');
        incident.kind = IncidentCommit::Kind::Postmortem;
        s.incidents = {incident};
        return s;
    }

private Q_SLOTS:
    void showsCommits()
    {
        CommitListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(snapshot());
        QCOMPARE(test::dumpHeaders(model),
                 QStringList({QStringLiteral("Commit"), QStringLiteral("Summary"), QStringLiteral("Author"),
                              QStringLiteral("Date")}));
        QCOMPARE(
            test::dumpModel(model),
            QStringList({QStringLiteral("cccccccc | postmortem(api): outage | Alice | 2026-02-03 09:00"),
                         QStringLiteral("bbbbbbbb | Merge branch 'x' | Bob | 2026-02-02 10:00"),
                         QStringLiteral("aaaaaaaa | feat: first  [deploy-aaaa, v1.0] | Carol | 2026-02-01 08:00")}));
    }

    void exposesSemanticRoles()
    {
        CommitListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        const auto kind = [&](int row) {
            return model.index(row, 0).data(CommitListModel::KindRole).value<CommitListModel::Kind>();
        };
        QCOMPARE(kind(0), CommitListModel::Kind::Postmortem);
        QCOMPARE(kind(1), CommitListModel::Kind::Merge);
        QCOMPARE(kind(2), CommitListModel::Kind::Deployment);
        QCOMPARE(model.index(2, 0).data(CommitListModel::CommitIdRole).toString(), QString(40, QLatin1Char('a')));
        QCOMPARE(model.index(2, 0).data(CommitListModel::TagsRole).toStringList(),
                 QStringList({QStringLiteral("deploy-aaaa"), QStringLiteral("v1.0")}));
        QCOMPARE(model.index(1, 0).data(CommitListModel::EmailRole).toString(), QStringLiteral("b@x.org"));
        QCOMPARE(model.index(0, 0).data(CommitListModel::TimeRole).toDateTime(), at(3, 9));
        QVERIFY(model.index(0, CommitListModel::DateColumn).data(CommitListModel::SortRole).toLongLong()
                > model.index(1, CommitListModel::DateColumn).data(CommitListModel::SortRole).toLongLong());
    }

    void resetsToEmpty()
    {
        CommitListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot());
        QCOMPARE(model.rowCount(), 3);
        model.setSnapshot(RepositorySnapshot{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCommitListModel)
#include "tst_commitlistmodel.moc"
