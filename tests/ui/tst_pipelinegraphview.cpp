// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"
#include "pipelineview/PipelineGraphView.h"

#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;

namespace {

/// A GitLab pipeline of `chains` build → test → deploy chains linked by needs (2 edges per chain).
pipeline::GraphLayout chains(int chains, const QByteArray& build = "build")
{
    QByteArray text = "stages: [" + build + ", test, deploy]\n";
    for (int i = 0; i < chains; ++i) {
        const QByteArray n = QByteArray::number(i);
        text += "build-" + n + ":\n  stage: " + build + "\n  script: make\n";
        text += "test-" + n + ":\n  stage: test\n  needs: [build-" + n + "]\n  script: make check\n";
        text += "deploy-" + n + ":\n  stage: deploy\n  needs: [test-" + n + "]\n  script: ./deploy\n";
    }
    return pipeline::layoutPipeline(pipeline::validatePipeline(text, u".gitlab-ci.yml"_s).model);
}

QStringList titles(const PipelineGraphView& view)
{
    QStringList out;
    for (QGraphicsItem* item : view.scene()->items(Qt::AscendingOrder)) {
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            out << text->text();
    }
    return out;
}

} // namespace

class TestPipelineGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallGraphDrawsEveryEdge()
    {
        PipelineGraphView view;
        view.resize(800, 600);
        view.setGraph(chains(3));
        QCOMPARE(view.jobCount(), 9);
        QVERIFY(view.showsAllEdges());
        QCOMPARE(view.visibleEdgeCount(), 6);
    }

    void largeGraphDrawsOnlyTheChainInFocus()
    {
        PipelineGraphView view;
        view.resize(800, 600);
        const pipeline::GraphLayout layout = chains(100); // 300 jobs, 200 edges
        view.setGraph(layout);
        QCOMPARE(view.jobCount(), 300);
        QVERIFY(!view.showsAllEdges());
        QCOMPARE(view.visibleEdgeCount(), 0);

        const int test7 = layout.cardForJob(u"test-7"_s);
        QVERIFY(test7 >= 0);
        view.highlightChain(test7); // hover
        QCOMPARE(view.visibleEdgeCount(), 2);
        view.highlightChain(-1);
        QCOMPARE(view.visibleEdgeCount(), 0);

        view.selectCard(layout.cardForJob(u"deploy-42"_s)); // the editor's cursor is in the job
        QCOMPARE(view.visibleEdgeCount(), 2);
        view.selectCard(-1);
        QCOMPARE(view.visibleEdgeCount(), 0);
    }

    void columnTitlesStayLegibleWhenZoomedOut()
    {
        const QByteArray stage = "compile-and-package-for-every-supported-platform";
        const QString full = QString::fromLatin1(stage) + u"  ·  100"_s;
        PipelineGraphView view;
        view.resize(600, 400);
        view.setGraph(chains(100, stage));
        view.resetZoom();
        QVERIFY(titles(view).contains(full));
        view.fitToView(PipelineGraphView::FitAll);
        QVERIFY(view.zoom() < 0.5);
        // Drawn at screen size, so shortened to the column's width on screen rather than shrunk to a smudge.
        const QStringList zoomedOut = titles(view);
        QCOMPARE(zoomedOut.size(), 3);
        QVERIFY2(zoomedOut.constFirst().contains(u"…"_s), qPrintable(zoomedOut.constFirst()));
        QVERIFY2(zoomedOut.constFirst().endsWith(u"  ·  100"_s), qPrintable(zoomedOut.constFirst()));
        view.resetZoom();
        QVERIFY(titles(view).contains(full));
    }

    void exportKeepsFullTitles()
    {
        QTemporaryDir dir;
        PipelineGraphView view;
        view.resize(600, 400);
        view.setGraph(chains(100, "compile-and-package-for-every-supported-platform"));
        view.fitToView(PipelineGraphView::FitAll);
        QVERIFY(titles(view).constFirst().contains(u"…"_s));
        const QString png = dir.filePath(u"graph.png"_s);
        QVERIFY(view.exportPng(png));
        QVERIFY(QImage(png).width() > 1000);
        QVERIFY2(titles(view).constFirst().contains(u"…"_s), "the view's titles are elided again after the export");
    }
};

QTEST_MAIN(TestPipelineGraphView)
#include "tst_pipelinegraphview.moc"
