// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI-thread side of live validation in the pipeline workspace, on GNOME glib's pipeline (the
// largest real one of the corpus) and a generated 3,000-line one. Run with QT_QPA_PLATFORM=offscreen.
//  - applyResult*: applying one validation result (editor diagnostics, Problems and Gates models, merged view) with
//    the graph rebuilt (its drawing changed) or kept (typing inside a script);
//  - paintGraph*: one paint of the graph pane, at the readable fit and zoomed out to the whole pipeline;
//  - keystrokeToDiagnostic: a keystroke to its result applied on screen, without the 250 ms typing pause (which is
//    there by design and adds to it);
//  - typingFrames: the frame times while typing at 60 characters a second.
#include "editorview/PipelineEditor.h"
#include "pipeline/workspace/LiveValidator.h"
#include "pipelineview/PipelineDocumentView.h"
#include "pipelineview/PipelineGraphView.h"
#include "pipelineview/PipelineWorkspace.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <vector>

using namespace gatehouse;

class BenchPipelineWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PipelineWorkspace> m_workspace;
    PipelineDocumentView* m_view = nullptr;

    static QByteArray generated(int lines)
    {
        QByteArray text = "stages: [build, test, scan, deploy]\n\n.template: &template\n  image: alpine:3.19\n"
                          "  before_script:\n    - echo setup\n\n";
        static const char* stages[] = {"build", "test", "scan", "deploy"};
        for (int job = 0; text.count('\n') < lines; ++job) {
            text += "job-" + QByteArray::number(job) + ":\n  <<: *template\n  stage: " + stages[job % 4] + "\n";
            if (job >= 4)
                text += "  needs: [job-" + QByteArray::number(job - 4) + "]\n";
            text += "  variables:\n    LEVEL: \"" + QByteArray::number(job) + "\"\n  script:\n";
            for (int i = 0; i < 6; ++i)
                text += "    - echo \"step " + QByteArray::number(i) + " of ${CI_JOB_NAME}\" # trace\n";
            text += "\n";
        }
        return text;
    }

    static void rows()
    {
        QTest::addColumn<QByteArray>("text");
        QFile glib(QStringLiteral(GATEHOUSE_CORPUS_DIR "/pipelines/gitlab/GNOME__glib__.gitlab-ci.yml"));
        if (glib.open(QIODevice::ReadOnly))
            QTest::newRow("glib") << glib.readAll();
        QTest::newRow("generated-3000") << generated(3000);
    }

    /// Opens `text` as the work-tree file of a fresh directory and waits for its first validation.
    bool open(const QByteArray& text)
    {
        m_workspace.reset();
        const QString root = m_dir.filePath(QString::number(QDateTime::currentMSecsSinceEpoch()));
        QDir().mkpath(root);
        QFile file(root + QStringLiteral("/.gitlab-ci.yml"));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return false;
        file.close();
        m_workspace = std::make_unique<PipelineWorkspace>(root);
        m_workspace->setAutosaveDirectory(m_dir.filePath(QStringLiteral("autosave")));
        m_workspace->resize(1400, 860);
        m_workspace->show();
        if (!QTest::qWaitForWindowExposed(m_workspace.get()))
            return false;
        m_view = m_workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        if (!m_view)
            return false;
        QSignalSpy spy(m_view, &PipelineDocumentView::validated);
        return spy.wait(60000) && m_view->lastValidation().parsed;
    }

    /// Validation after every keystroke (no typing pause), the cursor at the end of a comment in the middle of the
    /// file, its first validation done: the editor, or nullptr when it never came.
    PipelineEditor* typingInTheMiddle()
    {
        m_view->validator()->setDelay(0);
        PipelineEditor* editor = m_view->editor();
        editor->goToLine(editor->blockCount() / 2);
        editor->moveCursor(QTextCursor::EndOfBlock);
        QSignalSpy spy(m_view, &PipelineDocumentView::validated);
        editor->insertPlainText(QStringLiteral(" #"));
        return spy.wait(60000) ? editor : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { m_workspace.reset(); }

    void applyResultGraphRebuilt_data() { rows(); }
    void applyResultGraphRebuilt()
    {
        QFETCH(QByteArray, text);
        QVERIFY(open(text));
        const pipeline::BufferValidation result = m_view->lastValidation();
        pipeline::BufferValidation moved = result;
        for (auto& card : moved.layout.cards)
            card.rect.translate(1, 0); // another drawing: the scene is rebuilt
        qInfo("%d jobs, %lld edges, %lld diagnostics", int(result.layout.cards.size()),
              qlonglong(result.layout.edges.size()), qlonglong(result.diagnostics.size()));
        bool flip = false;
        QBENCHMARK
        {
            flip = !flip;
            Q_EMIT m_view->validator()->validated(flip ? moved : result);
        }
        QCOMPARE(m_view->graphView()->jobCount(), int(result.layout.cards.size()));
    }

    void applyResultSameGraph_data() { rows(); }
    void applyResultSameGraph()
    {
        QFETCH(QByteArray, text);
        QVERIFY(open(text));
        const pipeline::BufferValidation result = m_view->lastValidation();
        QBENCHMARK
        {
            Q_EMIT m_view->validator()->validated(result);
        }
        QCOMPARE(m_view->graphView()->jobCount(), int(result.layout.cards.size()));
    }

    void paintGraphReadable_data() { rows(); }
    void paintGraphReadable()
    {
        QFETCH(QByteArray, text);
        QVERIFY(open(text));
        PipelineGraphView* graph = m_view->graphView();
        graph->fitToView(PipelineGraphView::FitReadable);
        QBENCHMARK
        {
            const QPixmap frame = graph->viewport()->grab();
            QVERIFY(!frame.isNull());
        }
    }

    void paintGraphWhole_data() { rows(); }
    void paintGraphWhole()
    {
        QFETCH(QByteArray, text);
        QVERIFY(open(text));
        PipelineGraphView* graph = m_view->graphView();
        graph->fitToView(PipelineGraphView::FitAll);
        qInfo("zoom %.3f", graph->zoom());
        QBENCHMARK
        {
            const QPixmap frame = graph->viewport()->grab();
            QVERIFY(!frame.isNull());
        }
    }

    void keystrokeToDiagnostic_data() { rows(); }
    void keystrokeToDiagnostic()
    {
        QFETCH(QByteArray, text);
        QVERIFY(open(text));
        PipelineEditor* editor = typingInTheMiddle();
        QVERIFY(editor);
        QSignalSpy spy(m_view, &PipelineDocumentView::validated);
        qint64 worker = 0;
        int runs = 0;
        QBENCHMARK
        {
            spy.clear();
            QTest::keyClick(editor, Qt::Key_X);
            QVERIFY(spy.wait(60000));
            worker += m_view->lastValidation().elapsedMs;
            ++runs;
        }
        qInfo("of which the worker: %.1f ms per validation", double(worker) / qMax(1, runs));
        editor->document()->setModified(false);
    }

    /// Typing at 60 characters a second for two seconds, a validation after every keystroke (no typing pause): each
    /// frame handles its keystroke and whatever results arrived, then paints the window. The result is the 95th
    /// percentile of the frames' GUI-thread time (a frame is 16.7 ms); the median, the worst and the validations
    /// applied are printed beside it.
    void typingFrames_data() { rows(); }
    void typingFrames()
    {
        QFETCH(QByteArray, text);
        QVERIFY(open(text));
        PipelineEditor* editor = typingInTheMiddle();
        QVERIFY(editor);
        QSignalSpy spy(m_view, &PipelineDocumentView::validated);
        constexpr int Frames = 120;
        constexpr qint64 FrameNs = 16'666'667;
        std::vector<double> frames;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < Frames; ++i) {
            const qint64 start = clock.nsecsElapsed();
            QTest::keyClick(editor, Qt::Key_X);
            QCoreApplication::processEvents();
            m_workspace->repaint();
            const qint64 end = clock.nsecsElapsed();
            frames.push_back(double(end - start) / 1e6);
            // The rest of the frame: nothing runs on the GUI thread (results wait for the next frame, as they would
            // behind a busy event loop).
            const qint64 next = (i + 1) * FrameNs;
            if (next > end)
                QThread::usleep(quint64((next - end) / 1000));
        }
        QVERIFY(spy.wait(60000) || spy.count() > 0);
        std::sort(frames.begin(), frames.end());
        const double p95 = frames[size_t(Frames * 95 / 100)];
        qInfo("frames: median %.1f ms, 95th percentile %.1f ms, worst %.1f ms, %d over 16.7 ms; %d validations applied",
              frames[Frames / 2], p95, frames.back(),
              int(std::count_if(frames.begin(), frames.end(), [](double ms) { return ms > 16.7; })), int(spy.count()));
        QTest::setBenchmarkResult(p95, QTest::WalltimeMilliseconds);
        editor->document()->setModified(false);
    }
};

QTEST_MAIN(BenchPipelineWorkspace)
#include "bench_ui_pipelineworkspace.moc"
