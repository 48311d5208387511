// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/workspace/BufferValidation.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTimer;

namespace gatehouse {

class AutosaveStore;
class DocumentFile;
class FindReplaceBar;
class GatesPanel;
class MergedConfigurationView;
class PipelineHistoryPanel;
class PipelineEditor;
class PipelineGraphView;
class ProblemsPanel;
namespace pipeline {
class LiveValidator;
}

/// One open pipeline file in the workspace: the editor (with its find bar), the live graph, the Problems panel
/// and a status line, wired to live validation, atomic saving, external-change detection and autosave.
/// Either a work-tree file (editable) or a file at a revision (read-only).
class PipelineDocumentView : public QWidget
{
    Q_OBJECT
public:
    /// `autosave` may be null (no autosave); it must outlive the view.
    PipelineDocumentView(const QString& repositoryPath, const QString& relativePath, AutosaveStore* autosave,
                         QWidget* parent = nullptr);
    ~PipelineDocumentView() override;

    /// Opens the work-tree file; recovers an autosaved buffer if one exists. Returns false (with errorString())
    /// when the file cannot be read.
    bool openWorkTree();
    /// Shows `text`, the file at `revision`, read-only; includes resolve at that revision.
    void openRevision(const QString& revision, const QString& text);

    QString relativePath() const { return m_relativePath; }
    QString absolutePath() const;
    QString revision() const { return m_revision; }
    bool isReadOnly() const;
    bool isModified() const;
    QString errorString() const { return m_error; }

    /// Atomic save; false (with errorString(), also shown in the info bar) on failure.
    bool save();
    /// Replaces the text with the disk version as one undoable edit (the user's text stays on the undo stack).
    void reloadFromDisk();
    /// Stores the unsaved buffer in the autosave store now.
    void autosaveNow();
    /// Forgets the autosaved copy (the user chose to discard the changes).
    void discardAutosave();

    PipelineEditor* editor() const { return m_editor; }
    PipelineGraphView* graphView() const { return m_graph; }
    /// The read-only "Full configuration" text (includes, extends, anchors and !reference expanded).
    PipelineEditor* mergedView() const;
    QTabWidget* sideTabs() const { return m_sideTabs; }
    /// Shows where merged line `line` (1-based) came from: the editor's line, or another file.
    void goToMergedOrigin(int line);
    ProblemsPanel* problemsPanel() const { return m_problems; }
    GatesPanel* gatesPanel() const { return m_gates; }
    PipelineHistoryPanel* historyPanel() const { return m_history; }
    QTabWidget* bottomTabs() const { return m_bottomTabs; }
    /// Applies the quick fix of `gate` as one undoable edit; false when none applies (or the text changed since
    /// the last check, which is then restarted).
    bool applyQuickFix(const QString& gate);
    FindReplaceBar* findBar() const { return m_find; }
    pipeline::LiveValidator* validator() const { return m_validator; }
    const pipeline::BufferValidation& lastValidation() const { return m_last; }
    QString statusText() const;
    /// The info bar's text (external change, recovery, save error), empty when hidden.
    QString noticeText() const;

    /// "2 errors · 1 warning · gates 6/8".
    static QString formatStatus(const pipeline::BufferValidation& result);

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void validated();
    void saved();
    /// The user picked a commit in the history: show that version read-only.
    void revisionRequested(const QString& commit);
    /// The user wants to see a line of another file (a merged key that came from an include).
    void openLocationRequested(const QString& file, int line);

private:
    void buildUi();
    QWidget* buildGraphPane();
    void applyValidation(const pipeline::BufferValidation& result);
    void syncGraphSelection(int line);
    void onExternalChange();
    void showNotice(const QString& text, const QList<std::pair<QString, std::function<void()>>>& actions);
    void hideNotice();
    void exportGraph();
    void updateStatus();

    QString m_repositoryPath;
    QString m_relativePath;
    QString m_revision;
    QString m_error;
    AutosaveStore* m_autosave;
    DocumentFile* m_file = nullptr;
    pipeline::LiveValidator* m_validator;
    pipeline::BufferValidation m_last;
    bool m_hasResult = false;

    PipelineEditor* m_editor;
    FindReplaceBar* m_find;
    PipelineGraphView* m_graph;
    MergedConfigurationView* m_merged;
    QTabWidget* m_sideTabs;
    ProblemsPanel* m_problems;
    GatesPanel* m_gates;
    PipelineHistoryPanel* m_history;
    QTabWidget* m_bottomTabs;
    QLabel* m_status;
    QWidget* m_notice;
    QLabel* m_noticeText;
    QList<QPushButton*> m_noticeButtons;
    QTimer* m_autosaveTimer;
};

} // namespace gatehouse
