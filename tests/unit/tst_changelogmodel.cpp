// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/ChangelogModel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

class TestChangelogModel : public QObject
{
    Q_OBJECT

    static git::CommitInfo commit(char digit, const QString& summary, int hour, int parents = 1)
    {
        git::CommitInfo c;
        c.id = git::ObjectId::fromHex(QString(40, QLatin1Char(digit)));
        c.summary = summary;
        c.message = summary + u"\n\nBody of "_s + summary;
        c.author = {u"Alice Example"_s, u"alice@example.com"_s,
                    QDateTime(QDate(2026, 3, 2), QTime(hour, 0), QTimeZone::utc())};
        c.committer = c.author;
        for (int i = 0; i < parents; ++i)
            c.parents.append(git::ObjectId::fromHex(QString(40, QLatin1Char('f'))));
        return c;
    }

private Q_SLOTS:
    void printsTheCommits()
    {
        ChangelogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setCommits({commit('b', u"feat: checkout"_s, 11, 2), commit('a', u"fix: cart total"_s, 9)});
        QStringList lines;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model.columnCount(); ++column)
                cells.append(model.index(row, column).data().toString());
            lines.append(cells.join(u" | "_s));
        }
        QCOMPARE(lines,
                 (QStringList{u"bbbbbbbb | feat: checkout | Alice Example | 2026-03-02 11:00"_s,
                              u"aaaaaaaa | fix: cart total | Alice Example | 2026-03-02 09:00"_s}));
        QCOMPARE(model.headerData(ChangelogModel::SummaryColumn, Qt::Horizontal).toString(), u"Summary"_s);
        QCOMPARE(model.index(0, 0).data(ChangelogModel::CommitIdRole).toString(), QString(40, QLatin1Char('b')));
        QCOMPARE(model.index(0, 0).data(ChangelogModel::MergeRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(ChangelogModel::MergeRole).toBool(), false);
        QVERIFY(model.index(0, ChangelogModel::SummaryColumn).data(Qt::ToolTipRole).toString().contains(u"Body of"_s));
        QVERIFY(model.index(0, ChangelogModel::TimeColumn).data(ChangelogModel::SortRole).toDateTime()
                > model.index(1, ChangelogModel::TimeColumn).data(ChangelogModel::SortRole).toDateTime());
        model.setCommits({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChangelogModel)
#include "tst_changelogmodel.moc"
