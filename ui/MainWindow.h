// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "repo/RepositorySnapshot.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QSettings;
class QStackedWidget;
class QToolButton;

namespace gatehouse {
class RepositoryLoader;
class RepositoryWatcher;
struct Error;
} // namespace gatehouse

namespace gatehouse::ui {

class Dashboard;
class RevisionSelector;
class WelcomePage;

/// The application window: welcome page or dashboard, revision selector, background loading with progress and
/// cancel, menus, recent repositories, drag & drop, reload on ref changes. Composition only: the work happens in
/// models/ (RepositoryLoader, RepositoryWatcher, RecentRepositories).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens the repository containing `path` at `revision` ("" = work tree), in the background.
    void openRepository(const QString& path, const QString& revision = {});
    void openDemoRepository();
    /// What to show at start: `path` if given, else the last repository, else the welcome page.
    void openInitial(const QString& path);
    void reload();

    bool isLoading() const;
    bool hasSnapshot() const { return m_snapshot.has_value(); }
    const RepositorySnapshot& snapshot() const { return *m_snapshot; }
    Dashboard* dashboard() const { return m_dashboard; }
    WelcomePage* welcomePage() const { return m_welcome; }
    RevisionSelector* revisionSelector() const { return m_revisions; }
    /// The last load error shown to the user (empty once a load succeeds).
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    /// A snapshot was put on screen (every load, reloads included).
    void snapshotShown();
    /// The Overview shows the first, partial snapshot of a load (snapshotShown follows with the complete one).
    void partialSnapshotShown();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createStatusBar();
    void showWelcome();
    void updateRecentMenu();
    void setLoading(bool loading, const QString& stage = {});
    void onSnapshot(const RepositorySnapshot& snapshot);
    void onLoadFailed(const Error& error);
    void dropPartialSnapshot();
    void showOpenDialog();
    void showAbout();
    /// Splitter sizes of every page, keyed by the splitter's place in the widget tree, kept across sessions.
    void saveSplitters(QSettings& settings) const;
    void restoreSplitters(const QSettings& settings);

    RepositoryLoader* m_loader;
    RepositoryWatcher* m_watcher;
    QStackedWidget* m_central;
    WelcomePage* m_welcome;
    Dashboard* m_dashboard;
    RevisionSelector* m_revisions;
    QMenu* m_recentMenu = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_exportReportAction = nullptr;
    QLabel* m_repoLabel;
    QLabel* m_branchLabel;
    QLabel* m_headLabel;
    QProgressBar* m_progress;
    QToolButton* m_cancel;

    std::optional<RepositorySnapshot> m_snapshot;
    QString m_pendingPath; ///< the repository being loaded
    QString m_pendingRevision;
    bool m_partialShown = false; ///< the Overview shows the partial snapshot of the load under way
    bool m_quietLoad = false; ///< a reload triggered by ref changes: failures go to the banner only
    QString m_lastError;
    bool m_splittersRestored = false;
    JobTracker m_demoJob{this};
};

} // namespace gatehouse::ui
