// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "runs/RunHistory.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;
class QTreeWidget;

namespace gatehouse::runs {
class TokenStore;
class RunFilterModel;
class RunJobTableModel;
class RunTableModel;
} // namespace gatehouse::runs

namespace gatehouse::ui {

class RunFailuresChart;
class RunGanttChart;
class RunSyncDialog;
class RunTrendChart;

/// The Runs tab of the Pipelines page: the repository's CI run history (local store + refs/notes/gatehouse-runs),
/// charts, a filterable runs table, the jobs of the selected run on a timeline, and the suggestions with their
/// evidence. Loading, analysis and imports run in background jobs; the models change on the GUI thread only.
class RunsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunsPanel(const QString& repositoryPath, QWidget* parent = nullptr);
    ~RunsPanel() override;

    /// Where the local run store lives (default: the XDG data directory); tests point it at a temporary folder.
    void setStoreDirectory(const QString& directory) { m_storeDirectory = directory; }
    /// Loads and analyses the history in the background; analysisFinished() follows.
    void reload();
    /// Imports files and folders in the background, then reloads; importFinished() reports the outcome.
    void importFiles(const QStringList& paths);
    /// Stores runs fetched by a sync in the background, then reloads; importFinished() reports the outcome.
    void importRuns(const QList<runs::Run>& runs, const QString& server);
    /// Opens (or raises) the "Sync from server…" dialog.
    RunSyncDialog* openSyncDialog();
    /// Where sync tokens are kept (default: the system keychain); tests use an in-memory store.
    void setTokenStore(std::unique_ptr<runs::TokenStore> store);
    /// Writes the suggestions as Markdown. False (with a message box unless `quiet`) when it cannot.
    bool saveSuggestions(const QString& path, bool quiet = false);

    bool isBusy() const;
    const runs::RepositoryAnalysis& analysis() const { return m_analysis; }
    QTreeView* runsView() const { return m_runsView; }
    QTreeView* jobsView() const { return m_jobsView; }
    QTreeWidget* suggestionsView() const { return m_suggestions; }
    QComboBox* pipelineFilter() const { return m_pipelineFilter; }
    QComboBox* branchFilter() const { return m_branchFilter; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    QLineEdit* textFilter() const { return m_textFilter; }
    RunTrendChart* trendChart() const { return m_trend; }
    RunFailuresChart* failuresChart() const { return m_failures; }
    RunGanttChart* ganttChart() const { return m_gantt; }
    QString statusText() const;

Q_SIGNALS:
    void analysisFinished();
    void importFinished(const QString& summary);

private:
    QWidget* buildToolbar();
    void showAnalysis(const Result<runs::RepositoryAnalysis>& result);
    void showPipeline();
    void showRun(const QModelIndex& proxyIndex);
    void applyFilters();
    void chooseImport(bool folder);

    QString m_repositoryPath;
    QString m_storeDirectory;
    JobTracker m_analysisJob;
    JobTracker m_importJob;
    runs::RepositoryAnalysis m_analysis;
    QString m_importMessage;
    std::unique_ptr<runs::TokenStore> m_tokens;
    QPointer<RunSyncDialog> m_syncDialog;

    runs::RunTableModel* m_runs;
    runs::RunFilterModel* m_filter;
    runs::RunJobTableModel* m_jobs;
    QComboBox* m_pipelineFilter = nullptr;
    QComboBox* m_branchFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    QPushButton* m_importButton = nullptr;
    QLabel* m_summary;
    QLabel* m_status;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QTreeView* m_runsView;
    QTreeView* m_jobsView;
    QTreeWidget* m_suggestions;
    RunTrendChart* m_trend;
    RunFailuresChart* m_failures;
    RunGanttChart* m_gantt;
};

} // namespace gatehouse::ui
