// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "repo/RepositorySnapshot.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace gatehouse {
class PipelineWorkspace;
class RepositoryFileModel;
} // namespace gatehouse

namespace gatehouse::ui {

class RunsPanel;

/// The pipeline files found; the selected one opens in the pipeline workspace (editor, graph, problems, gates).
class PipelinesPage : public QWidget
{
    Q_OBJECT
public:
    explicit PipelinesPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    QTreeView* fileView() const { return m_files; }
    /// The editor workspace of the current repository (null before the first snapshot).
    PipelineWorkspace* workspace() const;
    /// The Runs tab of the current repository (null before the first snapshot).
    RunsPanel* runsPanel() const;
    QTabWidget* tabs() const { return m_tabs; }
    /// Brings the Runs tab to the front (the Overview's pipeline-success links).
    void showRuns();
    /// The repository-relative path of the file last opened from the list.
    QString currentPath() const { return m_currentPath; }
    /// Asks about unsaved pipeline edits; false when the user cancelled (quitting or switching repository).
    bool maybeClose();
    /// Opens `path` (a listed pipeline file) in the workspace at `line` (1-based; 0 = keep); false when the
    /// file is not one of the pipeline files (the Overview's scorecard links land here).
    bool showPath(const QString& path, int line = 0);

    /// The width the file list asks for: its widest path and kind in full, within [minimum, maximum].
    int fileListWidth() const;
    static constexpr int MinimumListWidth = 220;
    static constexpr int MaximumListWidth = 520;

Q_SIGNALS:
    void fileOpened(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showFile(int sourceRow);
    void applyListWidth();

    RepositoryFileModel* m_model;
    QTreeView* m_files;
    QLabel* m_summary;
    QWidget* m_workspaceHolder;
    QPointer<PipelineWorkspace> m_workspace;
    QTabWidget* m_tabs;
    QWidget* m_runsHolder;
    QPointer<RunsPanel> m_runsPanel;
    QSplitter* m_splitter;
    int m_pendingListWidth = 0; ///< the list's width still to apply (the splitter had no width yet)
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QString m_repoPath;
    QString m_revision;
    QList<PipelineFile> m_entries;
    QString m_currentPath;
};

} // namespace gatehouse::ui
