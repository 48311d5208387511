// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"

#include "editor/AutosaveStore.h"
#include "editorview/PipelineEditor.h"
#include "pipeline/workspace/DiagnosticFilterModel.h"
#include "pipeline/workspace/DiagnosticTableModel.h"
#include "pipeline/workspace/GateTableModel.h"
#include "pipeline/workspace/LiveValidator.h"
#include "pipeline/workspace/PipelineHistoryModel.h"
#include "pipelineview/CommitDialog.h"
#include "pipelineview/GatesPanel.h"
#include "pipelineview/PipelineDocumentView.h"
#include "pipelineview/PipelineGraphView.h"
#include "pipelineview/PipelineHistoryPanel.h"
#include "pipelineview/PipelineWorkspace.h"
#include "pipelineview/ProblemsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <sys/stat.h>
#include <unistd.h>

using namespace gatehouse;

namespace {

const QByteArray Pipeline = "stages: [build, test, deploy]\n" // 1
                            "\n" // 2
                            "compile:\n" // 3
                            "  stage: build\n" // 4
                            "  script: make\n" // 5
                            "\n" // 6
                            "unit:\n" // 7
                            "  stage: test\n" // 8
                            "  needs: [compile]\n" // 9
                            "  script: make check\n" // 10
                            "\n" // 11
                            "ship:\n" // 12
                            "  stage: deploy\n" // 13
                            "  environment: production\n" // 14
                            "  when: manual\n" // 15
                            "  script: ./deploy\n"; // 16

bool write(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray read(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool hasRule(const PipelineEditor& editor, int line, QStringView rule)
{
    for (const auto& d : editor.diagnosticsAt(line)) {
        if (d.rule.endsWith(rule))
            return true;
    }
    return false;
}

// Replaces `from` (on 1-based `line`) by typing `to` over it, as a user would.
void typeOver(PipelineEditor& editor, int line, const QString& from, const QString& to)
{
    const QTextBlock block = editor.document()->findBlockByNumber(line - 1);
    const int column = int(block.text().indexOf(from));
    QVERIFY2(column >= 0, qPrintable(block.text()));
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + column);
    cursor.setPosition(block.position() + column + int(from.size()), QTextCursor::KeepAnchor);
    editor.setTextCursor(cursor);
    QTest::keyClicks(&editor, to);
}

} // namespace

class TestPipelineWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_autosaveDir;

    std::unique_ptr<PipelineWorkspace> makeWorkspace()
    {
        auto workspace = std::make_unique<PipelineWorkspace>(m_dir.path());
        workspace->setAutosaveDirectory(m_autosaveDir);
        workspace->resize(1200, 800);
        return workspace;
    }
    static bool waitValidated(PipelineDocumentView* view)
    {
        QSignalSpy spy(view, &PipelineDocumentView::validated);
        return spy.wait(10000);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(write(m_dir.filePath(QStringLiteral(".gitlab-ci.yml")), Pipeline));
        m_autosaveDir = m_dir.filePath(QStringLiteral("autosave-store"));
        AutosaveStore(m_autosaveDir).remove(m_dir.filePath(QStringLiteral(".gitlab-ci.yml")));
    }

    void typingAnErrorShowsItAtTheRightLine()
    {
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(view);
        QVERIFY(waitValidated(view));
        PipelineEditor& editor = *view->editor();
        QVERIFY(!hasRule(editor, 8, u"undefined-stage"));
        QCOMPARE(view->graphView()->jobCount(), 3);

        typeOver(editor, 8, QStringLiteral("test"), QStringLiteral("tset"));
        QTRY_VERIFY_WITH_TIMEOUT(hasRule(editor, 8, u"undefined-stage"), 10000);
        QVERIFY(view->lastValidation().errors >= 1);
        QVERIFY2(view->statusText().contains(QStringLiteral("error")), qPrintable(view->statusText()));
        // The Problems panel lists it with its line.
        auto* problems = view->problemsPanel()->model();
        bool listed = false;
        for (int r = 0; r < problems->rowCount(); ++r) {
            const QModelIndex index = problems->index(r, 0);
            listed = listed
                || (index.data(pipeline::DiagnosticTableModel::LineRole).toInt() == 8
                    && index.data(pipeline::DiagnosticTableModel::RuleRole).toString().endsWith(u"undefined-stage"));
        }
        QVERIFY(listed);
        // Wavy underline on that line.
        bool underlined = false;
        for (const QTextEdit::ExtraSelection& s : editor.extraSelections())
            underlined = underlined
                || (s.format.underlineStyle() == QTextCharFormat::WaveUnderline && s.cursor.blockNumber() == 7);
        QVERIFY(underlined);

        typeOver(editor, 8, QStringLiteral("tset"), QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(!hasRule(editor, 8, u"undefined-stage"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view->lastValidation().errors, 0, 10000);
    }

    void staleResultsAreDropped()
    {
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        QSignalSpy spy(view->validator(), &pipeline::LiveValidator::validated);
        // Three validations started back to back: only the newest arrives.
        view->validator()->validateNow();
        view->validator()->validateNow();
        view->validator()->validateNow();
        const quint64 newest = view->validator()->generation();
        QVERIFY(spy.wait(10000));
        QTest::qWait(0);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<pipeline::BufferValidation>().generation, newest);
    }

    void graphFollowsTheText()
    {
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        PipelineEditor& editor = *view->editor();
        PipelineGraphView& graph = *view->graphView();
        QCOMPARE(graph.jobCount(), 3);
        QCOMPARE(graph.graph().columns.size(), 3);
        const int unit = graph.graph().cardForJob(QStringLiteral("unit"));
        const int compile = graph.graph().cardForJob(QStringLiteral("compile"));
        QCOMPARE(graph.graph().cards.at(unit).needs, QList<int>{compile});

        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("\nlint:\n  stage: test\n  script: make lint\n")); // a paste
        QTRY_COMPARE_WITH_TIMEOUT(graph.jobCount(), 4, 10000);
        QVERIFY(!graph.isStale());

        // Broken YAML: the last good graph stays, dimmed, with the reason.
        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("broken: [unclosed\n")); // a paste
        QTRY_VERIFY_WITH_TIMEOUT(graph.isStale(), 10000);
        QCOMPARE(graph.jobCount(), 4);
        QVERIFY2(graph.bannerText().contains(QStringLiteral("does not parse")), qPrintable(graph.bannerText()));
        QVERIFY(view->statusText().contains(QStringLiteral("does not parse")));

        editor.undo();
        QTRY_VERIFY_WITH_TIMEOUT(!graph.isStale(), 10000);
        QCOMPARE(graph.jobCount(), 4);
    }

    void graphAndEditorNavigate()
    {
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        PipelineGraphView& graph = *view->graphView();
        const int ship = graph.graph().cardForJob(QStringLiteral("ship"));
        QVERIFY(ship >= 0);
        QCOMPARE(graph.graph().cards.at(ship).when, QStringLiteral("manual"));
        QCOMPARE(graph.graph().cards.at(ship).environment, QStringLiteral("production"));
        QCOMPARE(graph.graph().cards.at(ship).role, pipeline::JobRole::Deploy);

        graph.activateCard(ship);
        QCOMPARE(view->editor()->currentLine(), 12);

        view->editor()->goToLine(9);
        QCOMPARE(graph.selectedCard(), graph.graph().cardForJob(QStringLiteral("unit")));
        view->editor()->goToLine(1);
        QCOMPARE(graph.selectedCard(), -1);

        graph.highlightChain(graph.graph().cardForJob(QStringLiteral("unit")));
        QCOMPARE(graph.highlightedCards().size(), 2); // unit and the compile job it needs
        graph.highlightChain(-1);
        QVERIFY(graph.highlightedCards().isEmpty());

        const QString png = m_dir.filePath(QStringLiteral("graph.png"));
        const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
        QVERIFY(graph.exportPng(png));
        QVERIFY(graph.exportSvg(svg));
        QVERIFY(read(png).startsWith("\x89PNG"));
        const QByteArray svgText = read(svg);
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("ship"));
    }

    void quickFixMakesTheGatePass()
    {
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        auto gateState = [view](const QString& id) {
            for (const auto& gate : view->lastValidation().gates) {
                if (gate.id == id)
                    return gate.state;
            }
            return pipeline::GateState::Disabled;
        };
        // `ship` deploys to production with `when: manual`: remove the line and the gate fails.
        PipelineEditor& editor = *view->editor();
        QTextCursor cursor(editor.document()->findBlockByNumber(14));
        cursor.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
        QCOMPARE(cursor.selectedText(), QStringLiteral("  when: manual\u2029"));
        cursor.removeSelectedText();
        QTRY_COMPARE_WITH_TIMEOUT(gateState(QStringLiteral("production-approval")), pipeline::GateState::Fail, 10000);
        const int failing = view->lastValidation().gatesFailing;
        QVERIFY(view->lastValidation().fixableGates.contains(QStringLiteral("production-approval")));

        // The Gates panel offers the fix; applying it is one undoable edit and the gate passes again.
        GatesPanel& gates = *view->gatesPanel();
        gates.selectGate(QStringLiteral("production-approval"));
        QCOMPARE(gates.selectedGate(), QStringLiteral("production-approval"));
        QSignalSpy requested(&gates, &GatesPanel::quickFixRequested);
        const auto buttons = gates.findChildren<QPushButton*>();
        QPushButton* fixButton = nullptr;
        for (QPushButton* b : buttons) {
            if (b->text().contains(QStringLiteral("quick fix")))
                fixButton = b;
        }
        QVERIFY(fixButton && fixButton->isEnabled());
        QTest::mouseClick(fixButton, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QVERIFY(editor.toPlainText().contains(QStringLiteral("ship:\n  when: manual\n")));
        QTRY_COMPARE_WITH_TIMEOUT(gateState(QStringLiteral("production-approval")), pipeline::GateState::Pass, 10000);
        QCOMPARE(view->lastValidation().gatesFailing, failing - 1);
        editor.undo();
        QTRY_COMPARE_WITH_TIMEOUT(gateState(QStringLiteral("production-approval")), pipeline::GateState::Fail, 10000);
        QVERIFY(!view->applyQuickFix(QStringLiteral("no-such-gate")));
    }

    void fullConfigurationTracesLinesBack()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("ci")));
        QVERIFY(
            write(m_dir.filePath(QStringLiteral("ci/common.yml")), ".base:\n  image: alpine:3.19\n  script: [make]\n"));
        QVERIFY(write(m_dir.filePath(QStringLiteral(".gitlab-ci.yml")),
                      "include:\n  - local: ci/common.yml\nstages: [build]\n.local:\n  tags: [docker]\n"
                      "build:\n  extends: [.base, .local]\n  stage: build\n"));
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        view->sideTabs()->setCurrentIndex(1);
        const QStringList lines = view->mergedView()->toPlainText().split(u'\n');
        const int build = int(lines.indexOf(QStringLiteral("build:")));
        QVERIFY2(build >= 0, qPrintable(lines.join(u'\n')));
        // Lines of the merged `build` job (templates are listed too, before it).
        auto lineOf = [&lines, build](const QString& text) { return int(lines.indexOf(text, build)) + 1; };
        QVERIFY(view->mergedView()->isReadOnly());

        // `tags` came from the local template in this file: the editor goes there.
        const int tags = lineOf(QStringLiteral("  tags:"));
        QVERIFY(tags > build);
        view->goToMergedOrigin(tags);
        QCOMPARE(view->editor()->currentLine(), 5);

        // `image` came from the included file: the workspace opens it at the line.
        const int image = lineOf(QStringLiteral("  image: alpine:3.19"));
        QVERIFY(image > 0);
        view->goToMergedOrigin(image);
        QCOMPARE(workspace->documentCount(), 2);
        QCOMPARE(workspace->currentDocument()->relativePath(), QStringLiteral("ci/common.yml"));
        QCOMPARE(workspace->currentDocument()->editor()->currentLine(), 2);
    }

    void problemsPanelJumpsAndFilters()
    {
        QVERIFY(write(m_dir.filePath(QStringLiteral(".gitlab-ci.yml")),
                      "stages: [build]\nbuild:\n  stage: nope\n  scirpt: make\n"));
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        ProblemsPanel& panel = *view->problemsPanel();
        QTRY_VERIFY(panel.filterModel()->rowCount() >= 2);
        const int all = panel.filterModel()->rowCount();
        panel.categoryFilter()->setCurrentIndex(panel.categoryFilter()->findData(int(pipeline::Category::Schema)));
        QVERIFY(panel.filterModel()->rowCount() >= 1);
        QVERIFY(panel.filterModel()->rowCount() < all);
        const QModelIndex first = panel.filterModel()->index(0, pipeline::DiagnosticTableModel::MessageColumn);
        const int line = first.data(pipeline::DiagnosticTableModel::LineRole).toInt();
        QVERIFY(line > 0);
        view->editor()->goToLine(1);
        emit panel.view()->clicked(first);
        QCOMPARE(view->editor()->currentLine(), line);
    }

    void saveIsAtomicAndExternalChangesAreDetected()
    {
        const QString path = m_dir.filePath(QStringLiteral(".gitlab-ci.yml"));
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        PipelineEditor& editor = *view->editor();
        struct stat before
        { };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);

        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("# reviewed\n")); // a paste
        QVERIFY(view->isModified());
        QVERIFY(workspace->hasUnsavedChanges());
        QVERIFY(workspace->saveCurrent());
        QVERIFY(!view->isModified());
        QCOMPARE(read(path), Pipeline + "# reviewed\n");
        // Written to a temporary file and renamed over the original: a new inode, never a half-written file.
        struct stat after
        { };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &after), 0);
        QVERIFY(before.st_ino != after.st_ino);
        QVERIFY(view->noticeText().isEmpty()); // our own save is not an "external change"

        // Unmodified buffer + external change: follows the disk.
        QVERIFY(write(path, Pipeline + "# from another tool\n"));
        QTRY_VERIFY_WITH_TIMEOUT(editor.toPlainText().endsWith(QStringLiteral("# from another tool\n")), 10000);
        QVERIFY(!view->isModified());

        // Modified buffer + external change: offered, the user's text kept.
        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("# mine\n")); // a paste
        QVERIFY(write(path, Pipeline + "# theirs\n"));
        QTRY_VERIFY_WITH_TIMEOUT(view->noticeText().contains(QStringLiteral("changed by another program")), 10000);
        QVERIFY(editor.toPlainText().endsWith(QStringLiteral("# mine\n")));
        view->reloadFromDisk();
        QCOMPARE(editor.toPlainText(), QString::fromUtf8(Pipeline + "# theirs\n"));
        editor.undo(); // the user's text is one undo away
        QVERIFY(editor.toPlainText().endsWith(QStringLiteral("# mine\n")));
    }

    void saveFailureKeepsTheText()
    {
        if (::geteuid() == 0)
            QSKIP("root ignores directory permissions");
        const QString path = m_dir.filePath(QStringLiteral(".gitlab-ci.yml"));
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(view);
        view->editor()->moveCursor(QTextCursor::End);
        view->editor()->insertPlainText(QStringLiteral("# x\n"));
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const bool saved = view->save();
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!saved);
        QVERIFY(view->isModified());
        QCOMPARE(read(path), Pipeline);
        QVERIFY(view->noticeText().contains(QStringLiteral("Could not save")));
    }

    void autosaveRecoversAfterACrash()
    {
        {
            auto workspace = makeWorkspace();
            PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
            QVERIFY(view);
            view->editor()->moveCursor(QTextCursor::End);
            view->editor()->insertPlainText(QStringLiteral("# unsaved work\n"));
            view->autosaveNow();
            // The process "crashes": the workspace goes away without any question or save.
        }
        auto workspace = makeWorkspace();
        QCOMPARE(workspace->recoverableFiles(), QStringList{QStringLiteral(".gitlab-ci.yml")});
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(view);
        QVERIFY2(view->editor()->toPlainText().endsWith(QStringLiteral("# unsaved work\n")),
                 qPrintable(view->editor()->toPlainText()));
        QVERIFY(view->isModified());
        QVERIFY(view->noticeText().contains(QStringLiteral("Recovered")));
        QCOMPARE(read(m_dir.filePath(QStringLiteral(".gitlab-ci.yml"))), Pipeline); // disk untouched until saved

        // Discarding on close forgets the autosave.
        workspace->setCloseQuestion([](const PipelineDocumentView&) { return PipelineWorkspace::CloseAnswer::Cancel; });
        QVERIFY(!workspace->closeDocument(0));
        QCOMPARE(workspace->documentCount(), 1);
        workspace->setCloseQuestion(
            [](const PipelineDocumentView&) { return PipelineWorkspace::CloseAnswer::Discard; });
        QVERIFY(workspace->closeDocument(0));
        QCOMPARE(workspace->documentCount(), 0);
        QVERIFY(!AutosaveStore(m_autosaveDir).find(m_dir.filePath(QStringLiteral(".gitlab-ci.yml"))));
        QVERIFY(workspace->recoverableFiles().isEmpty());
    }

    void revisionsOpenReadOnly()
    {
        test::ScratchRepository scratch;
        QVERIFY(scratch.isValid());
        const auto first
            = scratch.commit(QStringLiteral("ci: add pipeline"), {{QStringLiteral(".gitlab-ci.yml"), Pipeline}});
        scratch.commit(QStringLiteral("ci: drop ship"),
                       {{QStringLiteral(".gitlab-ci.yml"), Pipeline.left(Pipeline.indexOf("ship:"))}});
        PipelineWorkspace workspace(scratch.path());
        workspace.setAutosaveDirectory(m_autosaveDir);
        PipelineDocumentView* old = workspace.openRevision(first.toString(), QStringLiteral(".gitlab-ci.yml"));
        QVERIFY2(old, qPrintable(workspace.lastError()));
        QVERIFY(old->isReadOnly());
        QVERIFY(waitValidated(old));
        QCOMPARE(old->graphView()->jobCount(), 3);
        QTest::keyClicks(old->editor(), QStringLiteral("x"));
        QVERIFY(!old->isModified());
        QVERIFY(!workspace.openRevision(QStringLiteral("no-such-revision"), QStringLiteral(".gitlab-ci.yml")));
        QVERIFY(!workspace.lastError().isEmpty());
    }

    void commitFromTheWorkspace()
    {
        test::ScratchRepository scratch;
        QVERIFY(scratch.isValid());
        const auto first
            = scratch.commit(QStringLiteral("ci: add pipeline"), {{QStringLiteral(".gitlab-ci.yml"), Pipeline}});
        scratch.writeWorkTreeFile(QStringLiteral(".gitlab-ci.yml"), Pipeline);
        {
            QFile config(scratch.repo().gitDir() + QStringLiteral("config"));
            QVERIFY(config.open(QIODevice::Append));
            config.write("[user]\n\tname = Rita Release\n\temail = rita@example.org\n");
        }
        PipelineWorkspace workspace(scratch.path());
        workspace.setAutosaveDirectory(m_autosaveDir);
        PipelineDocumentView* view = workspace.openFile(QStringLiteral(".gitlab-ci.yml"));
        QVERIFY(waitValidated(view));
        // An error in the pipeline: the commit needs an explicit override.
        typeOver(*view->editor(), 8, QStringLiteral("test"), QStringLiteral("tset"));
        CommitDialog* dialog = workspace.commitCurrent();
        QVERIFY(dialog);
        QVERIFY(!view->isModified()); // saved first
        QSignalSpy prepared(dialog, &CommitDialog::prepared);
        QVERIFY(prepared.wait(20000));
        QVERIFY2(dialog->isPrepared(), qPrintable(dialog->problemText()));
        QVERIFY(dialog->diffView()->toPlainText().contains(QStringLiteral("+  stage: tset")));
        QVERIFY(dialog->messageEdit()->toPlainText().startsWith(QStringLiteral("ci(pipeline): update .gitlab-ci.yml")));
        QVERIFY(!dialog->commitButton()->isEnabled());
        QVERIFY(dialog->problemText().contains(QStringLiteral("error")));
        dialog->overrideBox()->setChecked(true);
        QVERIFY(dialog->commitButton()->isEnabled());
        QSignalSpy committed(dialog, &CommitDialog::committed);
        QTest::mouseClick(dialog->commitButton(), Qt::LeftButton);
        QCOMPARE(committed.size(), 1);
        const auto head = scratch.repo().resolve(QStringLiteral("HEAD"));
        QCOMPARE(head.value(), committed.at(0).at(0).value<git::ObjectId>());
        QCOMPARE(scratch.repo().commit(head.value())->parents, QList<git::ObjectId>{first});
        QVERIFY(scratch.repo().readFile(head.value(), QStringLiteral(".gitlab-ci.yml"))->contains("stage: tset"));

        // The history lists both commits; double-clicking the first opens it read-only.
        PipelineHistoryPanel& history = *view->historyPanel();
        QSignalSpy loaded(&history, &PipelineHistoryPanel::loaded);
        history.reload();
        QVERIFY(loaded.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(history.model()->rowCount(), 2, 10000);
        QVERIFY(history.summaryText().contains(QStringLiteral("2 commits")));
        const QModelIndex oldest = history.model()->index(1, 0);
        QCOMPARE(oldest.data(pipeline::PipelineHistoryModel::CommitRole).toString(), first.toString());
        emit history.view()->doubleClicked(oldest);
        QCOMPARE(workspace.documentCount(), 2);
        QVERIFY(workspace.currentDocument()->isReadOnly());
        QCOMPARE(workspace.currentDocument()->editor()->toPlainText(), QString::fromUtf8(Pipeline));
    }

    void githubWorkflowLevels()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral(".github/workflows")));
        QVERIFY(write(m_dir.filePath(QStringLiteral(".github/workflows/ci.yml")),
                      "on: push\npermissions:\n  contents: read\njobs:\n"
                      "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n"
                      "  test:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: make check\n"
                      "  deploy:\n    needs: [build, test]\n    runs-on: ubuntu-latest\n    environment: production\n"
                      "    steps:\n      - run: ./deploy\n"));
        auto workspace = makeWorkspace();
        PipelineDocumentView* view = workspace->openFile(QStringLiteral(".github/workflows/ci.yml"));
        QVERIFY(view);
        QVERIFY(waitValidated(view));
        const auto& layout = view->graphView()->graph();
        QCOMPARE(layout.columns.size(), 3);
        QCOMPARE(layout.cards.at(layout.columns.at(2).cards.at(0)).name, QStringLiteral("deploy"));
        QCOMPARE(layout.edges.size(), 3);
        view->editor()->goToLine(10);
        QCOMPARE(view->graphView()->selectedCard(), layout.cardForJob(QStringLiteral("test")));
    }

    void unreadableFilesAreRefused()
    {
        auto workspace = makeWorkspace();
        QVERIFY(!workspace->openFile(QStringLiteral("missing.yml")));
        QVERIFY(!workspace->lastError().isEmpty());
        QVERIFY(write(m_dir.filePath(QStringLiteral("binary.yml")), QByteArray("a\0b", 3)));
        QVERIFY(!workspace->openFile(QStringLiteral("binary.yml")));
        QVERIFY(workspace->lastError().contains(QStringLiteral("binary")));
        QCOMPARE(workspace->documentCount(), 0);
    }
};

QTEST_MAIN(TestPipelineWorkspace)
#include "tst_pipelineworkspace.moc"
