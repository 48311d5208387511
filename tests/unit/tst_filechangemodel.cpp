// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/FileChangeModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

class TestFileChangeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsTheChanges()
    {
        FileChangeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        using Status = git::FileChange::Status;
        model.setChanges({{Status::Modified, u".gitlab-ci.yml"_s, u".gitlab-ci.yml"_s, 4, 1, false},
                          {Status::Renamed, u"src/a.py"_s, u"src/b.py"_s, 0, 0, false},
                          {Status::Deleted, u"old.txt"_s, QString(), 0, 7, false},
                          {Status::Added, QString(), u"logo.png"_s, 0, 0, true}});
        QStringList lines;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model.columnCount(); ++column)
                cells.append(model.index(row, column).data().toString());
            lines.append(cells.join(u" | "_s));
        }
        QCOMPARE(lines,
                 (QStringList{u"modified | .gitlab-ci.yml | +4 | −1"_s, u"renamed | src/a.py → src/b.py | +0 | −0"_s,
                              u"deleted | old.txt | +0 | −7"_s, u"added | logo.png | binary | "_s}));
        QCOMPARE(model.index(0, 0).data(FileChangeModel::PipelineRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(FileChangeModel::PipelineRole).toBool(), false);
        QCOMPARE(model.index(2, 0).data(FileChangeModel::PathRole).toString(), u"old.txt"_s);
        QCOMPARE(model.index(0, FileChangeModel::AdditionsColumn).data(FileChangeModel::SortRole).toInt(), 4);
        QCOMPARE(model.headerData(FileChangeModel::PathColumn, Qt::Horizontal).toString(), u"File"_s);
    }
};

QTEST_GUILESS_MAIN(TestFileChangeModel)
#include "tst_filechangemodel.moc"
