// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTabWidget;

namespace gatehouse {

class AutosaveStore;
class CommitDialog;
class PipelineDocumentView;

/// The pipeline workspace of the Pipelines page: tabs of open pipeline files (editor + live graph + problems),
/// Ctrl+S saving, close-with-unsaved-changes questions and crash recovery from autosaves.
/// Plug-in API for the page: construct with the repository path, call openFile() when the user picks a file
/// (work tree, editable) or openRevision() for a file at a commit (read-only), and call maybeCloseAll() from
/// the main window's closeEvent.
class PipelineWorkspace : public QWidget
{
    Q_OBJECT
public:
    enum class CloseAnswer
    {
        Save,
        Discard,
        Cancel
    };
    /// Asked for each modified document being closed; the default shows a QMessageBox.
    using CloseQuestion = std::function<CloseAnswer(const PipelineDocumentView& document)>;

    explicit PipelineWorkspace(const QString& repositoryPath, QWidget* parent = nullptr);
    ~PipelineWorkspace() override;

    QString repositoryPath() const { return m_repositoryPath; }

    /// Opens (or focuses) a work-tree file, repository-relative. Null when it cannot be read (see lastError()).
    PipelineDocumentView* openFile(const QString& relativePath);
    /// Opens `relativePath` as of `revision` (any git revision), read-only. Null on error.
    PipelineDocumentView* openRevision(const QString& revision, const QString& relativePath);
    QString lastError() const { return m_lastError; }

    int documentCount() const;
    PipelineDocumentView* document(int index) const;
    PipelineDocumentView* currentDocument() const;
    /// Index of the tab showing `relativePath` in the work tree (revision empty) or at a revision; -1 if none.
    int indexOf(const QString& relativePath, const QString& revision = {}) const;

    bool saveCurrent();
    /// Saves the current document and opens the commit dialog for it (non-modal to the app, modal to the
    /// window); null for read-only documents or when saving failed.
    CommitDialog* commitCurrent();
    bool saveAll();
    /// Closes a tab, asking about unsaved changes. False when the user cancelled.
    bool closeDocument(int index);
    /// For quitting: asks about every unsaved document; false when the user cancelled.
    bool maybeCloseAll();
    bool hasUnsavedChanges() const;

    void setCloseQuestion(CloseQuestion question) { m_closeQuestion = std::move(question); }
    /// Where unsaved buffers are autosaved (default: AppDataLocation/autosave).
    void setAutosaveDirectory(const QString& directory);
    AutosaveStore& autosave() const { return *m_autosave; }
    /// Files of this repository with autosaved changes that are not open (left over from a crash).
    QStringList recoverableFiles() const;

Q_SIGNALS:
    void currentDocumentChanged(gatehouse::PipelineDocumentView* document);

private:
    PipelineDocumentView* addDocument(PipelineDocumentView* view, const QString& title);
    void updateTabTitle(PipelineDocumentView* view);
    void refreshRecoveryBar();
    CloseAnswer ask(const PipelineDocumentView& document) const;

    QString m_repositoryPath;
    QString m_lastError;
    std::unique_ptr<AutosaveStore> m_autosave;
    QTabWidget* m_tabs;
    QWidget* m_recoveryBar;
    QLabel* m_recoveryText;
    QLabel* m_placeholder;
    QWidget* m_toolbar;
    CloseQuestion m_closeQuestion;
};

} // namespace gatehouse
