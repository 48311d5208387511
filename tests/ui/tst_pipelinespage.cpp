// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delegates/PathDelegate.h"
#include "pages/PipelinesPage.h"
#include "repo/RepositoryFileModel.h"
#include "repo/RepositoryLoader.h"

#include <QAbstractItemModelTester>
#include <QFontMetrics>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeView>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using namespace Qt::StringLiterals;

class TestPipelinesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fit_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("widthInChars"); // in widths of 'x'
        QTest::addColumn<QString>("name"); // the name as painted
        QTest::addColumn<bool>("fullFolder");
        QTest::newRow("wide") << u".github/workflows/codeql.yml"_s << 60 << u"codeql.yml"_s << true;
        QTest::newRow("narrow: folder elided, name whole")
            << u".github/workflows/codeql.yml"_s << 20 << u"codeql.yml"_s << false;
        QTest::newRow("no folder") << u".gitlab-ci.yml"_s << 20 << u".gitlab-ci.yml"_s << true;
        QTest::newRow("name alone too long")
            << u".github/workflows/a-very-long-workflow-name.yml"_s << 10 << QString() << false;
    }
    void fit()
    {
        QFETCH(QString, path);
        QFETCH(int, widthInChars);
        QFETCH(QString, name);
        QFETCH(bool, fullFolder);
        const QFontMetrics metrics(QApplication::font());
        const int width = widthInChars * metrics.horizontalAdvance(u'x');
        const PathDelegate::Parts parts = PathDelegate::fit(path, metrics, width);
        QVERIFY(metrics.horizontalAdvance(parts.folder + parts.name) <= width);
        if (!name.isEmpty())
            QCOMPARE(parts.name, name);
        else
            QVERIFY2(parts.name.contains(u'…') && parts.name.endsWith(u".yml"_s), qPrintable(parts.name));
        const QString folder = path.left(path.lastIndexOf(u'/') + 1);
        QCOMPARE(parts.folder == folder, fullFolder);
        if (!fullFolder && !parts.folder.isEmpty())
            QVERIFY2(parts.folder.contains(u'…') && parts.folder.endsWith(u'/'), qPrintable(parts.folder));
    }

    // Eight GitHub workflows: every file name readable in the list, the list as wide as its names need (within
    // bounds), the full path in the tooltip.
    void workflowNamesInFull()
    {
        test::ScratchRepository scratch;
        QMap<QString, QByteArray> files;
        const QStringList names{u"codeql.yml"_s,    u"deployment.yml"_s, u"go.yml"_s,     u"homebrew-bump.yml"_s,
                                u"issueauto.yml"_s, u"lint.yml"_s,       u"prauto.yml"_s, u"triage.yml"_s};
        for (const QString& name : names)
            files.insert(u".github/workflows/"_s + name,
                         "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n");
        scratch.commit(u"ci: workflows"_s, files);
        const Result<RepositorySnapshot> snapshot = loadRepositorySnapshot(scratch.path(), u"HEAD"_s);
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->pipelineFiles.size(), names.size());

        PipelinesPage page;
        page.resize(1400, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTreeView* view = page.fileView();
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setSnapshot(snapshot.value());
        QCOMPARE(view->model()->rowCount(), names.size());
        QVERIFY(qobject_cast<PathDelegate*>(view->itemDelegateForColumn(RepositoryFileModel::PathColumn)));

        // The list is as wide as its widest path needs, never narrower than the minimum nor wider than the maximum.
        const int wanted = page.fileListWidth();
        QVERIFY(wanted >= PipelinesPage::MinimumListWidth && wanted <= PipelinesPage::MaximumListWidth);
        const QFontMetrics metrics(view->font());
        QVERIFY(wanted > metrics.horizontalAdvance(u".github/workflows/homebrew-bump.yml"_s));
        auto* splitter = page.findChild<QSplitter*>(u"pipelineSplitter"_s);
        QVERIFY(splitter);
        QTRY_VERIFY2(std::abs(splitter->sizes().constFirst() - wanted) <= 2,
                     qPrintable(QString::number(splitter->sizes().constFirst())));

        const int pathWidth = view->columnWidth(RepositoryFileModel::PathColumn);
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, RepositoryFileModel::PathColumn);
            const QString path = index.data(RepositoryFileModel::PathRole).toString();
            QCOMPARE(index.data(Qt::ToolTipRole).toString(), path);
            // Even at half the column's width the file name is painted whole.
            const PathDelegate::Parts parts = PathDelegate::fit(path, metrics, pathWidth / 2);
            QCOMPARE(parts.name, path.section(u'/', -1));
        }
    }
};

QTEST_MAIN(TestPipelinesPage)
#include "tst_pipelinespage.moc"
