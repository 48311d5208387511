// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "pages/OverviewPage.h"
#include "pages/PipelinesPage.h"

#include "Dashboard.h"
#include "RevisionSelector.h"
#include "common/Versions.h"
#include "demo/DemoLocation.h"
#include "git/Repository.h"
#include "pages/WelcomePage.h"
#include "repo/RecentRepositories.h"
#include "repo/RepositoryLoader.h"
#include "repo/RepositoryWatcher.h"
#include "securityview/WeeklyReportDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <utility>

namespace gatehouse::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new RepositoryLoader(this))
    , m_watcher(new RepositoryWatcher(this))
    , m_central(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_dashboard(new Dashboard(this))
    , m_revisions(new RevisionSelector(this))
    , m_repoLabel(new QLabel(this))
    , m_branchLabel(new QLabel(this))
    , m_headLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    setAcceptDrops(true);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_dashboard);
    setCentralWidget(m_central);
    createActions();
    createStatusBar();

    connect(m_loader, &RepositoryLoader::snapshotAvailable, this, &MainWindow::onSnapshot);
    // A big history takes seconds to read: the Overview starts from the refs and files meanwhile.
    connect(m_loader, &RepositoryLoader::partialSnapshotAvailable, this, [this](const RepositorySnapshot& snapshot) {
        m_partialShown = true;
        m_dashboard->setPartialSnapshot(snapshot);
        m_central->setCurrentWidget(m_dashboard);
        Q_EMIT partialSnapshotShown();
    });
    connect(m_loader, &RepositoryLoader::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_loader, &RepositoryLoader::progressChanged, this, [this](int permille, const QString& stage) {
        m_progress->setValue(permille);
        m_progress->setFormat(stage + QStringLiteral("  %p%"));
    });
    connect(m_loader, &RepositoryLoader::loadCancelled, this, [this] {
        setLoading(false);
        dropPartialSnapshot();
        statusBar()->showMessage(tr("Loading cancelled."), 5000);
    });
    connect(m_watcher, &RepositoryWatcher::refsChanged, this, [this] {
        if (!m_snapshot || isLoading())
            return;
        m_quietLoad = true;
        statusBar()->showMessage(tr("References changed on disk: reloading…"), 3000);
        openRepository(m_snapshot->path, m_revisions->currentRevision());
    });
    connect(m_revisions, &RevisionSelector::revisionRequested, this, [this](const QString& revision) {
        if (m_snapshot)
            openRepository(m_snapshot->path, revision);
    });
    connect(m_welcome, &WelcomePage::openRequested, this, [this](const QString& path) { openRepository(path); });
    connect(m_welcome, &WelcomePage::openDialogRequested, this, &MainWindow::showOpenDialog);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemoRepository);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 820);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_dashboard->setCurrentPage(settings.value(QStringLiteral("window/page"), 0).toInt());
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Repository…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Demo Repository"), this, &MainWindow::openDemoRepository);
    file->addSeparator();
    m_reloadAction = file->addAction(tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence::Refresh});
    m_reloadAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reloadAction->setEnabled(false);
    file->addSeparator();
    m_exportReportAction = file->addAction(tr("Export &Weekly Report…"), this, [this] {
        if (m_snapshot)
            showWeeklyReportDialog(this, m_snapshot->path, m_snapshot->workTree ? QString() : m_snapshot->revision);
    });
    m_exportReportAction->setObjectName(QStringLiteral("exportWeeklyReportAction"));
    m_exportReportAction->setEnabled(false);
    // Records kept by GitLab or GitHub beside the repository; the dialogs say when no repository is open.
    QMenu* sync = file->addMenu(tr("&Sync from Server"));
    sync->setObjectName(QStringLiteral("syncMenu"));
    sync->addAction(tr("&Deployments…"), this,
                    [this] { m_dashboard->openPlatformSync(PlatformSyncDialog::Kind::Deployments); })
        ->setObjectName(QStringLiteral("syncDeploymentsAction"));
    sync->addAction(tr("Security &Findings…"), this,
                    [this] { m_dashboard->openPlatformSync(PlatformSyncDialog::Kind::Findings); })
        ->setObjectName(QStringLiteral("syncFindingsAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int page = 0; page < Dashboard::PageCount; ++page) {
        QAction* action = go->addAction(Dashboard::pageName(page), this, [this, page] {
            if (m_snapshot)
                m_dashboard->setCurrentPage(page);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gatehouse"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* toolbar = addToolBar(tr("Revision"));
    toolbar->setObjectName(QStringLiteral("revisionToolBar"));
    toolbar->setAccessibleName(tr("Revision"));
    toolbar->setMovable(false);
    auto* label = new QLabel(tr("&Revision "), toolbar);
    label->setBuddy(m_revisions); // Alt+R
    label->setContentsMargins(8, 0, 0, 0);
    toolbar->addWidget(label);
    toolbar->addWidget(m_revisions);
    toolbar->addAction(m_reloadAction);
    updateRecentMenu();
}

void MainWindow::createStatusBar()
{
    for (QLabel* label : {m_repoLabel, m_branchLabel, m_headLabel}) {
        label->setContentsMargins(6, 0, 6, 0);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_repoLabel->setObjectName(QStringLiteral("statusRepository"));
    m_repoLabel->setAccessibleName(tr("Repository"));
    m_branchLabel->setAccessibleName(tr("Branch"));
    m_headLabel->setAccessibleName(tr("HEAD commit"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_cancel->setToolTip(tr("Stop loading the repository"));
    m_branchLabel->setObjectName(QStringLiteral("statusBranch"));
    m_headLabel->setObjectName(QStringLiteral("statusHead"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(320);
    m_progress->setMinimumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_cancel, &QToolButton::clicked, m_loader, &RepositoryLoader::cancel);
    statusBar()->addWidget(m_repoLabel);
    statusBar()->addWidget(m_branchLabel);
    statusBar()->addWidget(m_headLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setLoading(false);
}

void MainWindow::openInitial(const QString& path)
{
    QSettings settings;
    const QString target = !path.isEmpty() ? path : RecentRepositories(settings).last();
    if (!target.isEmpty())
        openRepository(target);
}

void MainWindow::openRepository(const QString& path, const QString& revision)
{
    m_pendingPath = QFileInfo(path).absoluteFilePath();
    m_pendingRevision = revision;
    setLoading(true, tr("Opening %1").arg(QFileInfo(m_pendingPath).fileName()));
    m_loader->load(m_pendingPath, revision);
}

void MainWindow::reload()
{
    if (m_snapshot)
        openRepository(m_snapshot->path, m_revisions->currentRevision());
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading() || m_demoJob.isRunning();
}

void MainWindow::openDemoRepository()
{
    const QString dir = demoRepositoryPath();
    m_pendingPath = dir;
    m_pendingRevision.clear();
    m_welcome->setBusy(true, tr("Creating the demo repository…"));
    setLoading(true, tr("Creating the demo repository in %1").arg(dir));
    m_cancel->hide(); // writing the demo takes seconds and cannot be interrupted half-way
    m_demoJob.start([dir](ProgressSink&) { return ensureDemoRepository(dir); },
                    [this](Result<QString> result) {
                        m_welcome->setBusy(false);
                        if (result.ok())
                            openRepository(result.value());
                        else
                            onLoadFailed(result.error());
                    });
}

void MainWindow::setLoading(bool loading, const QString& stage)
{
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading) {
        m_progress->setValue(0);
        m_progress->setFormat(stage + QStringLiteral("  %p%"));
    }
    m_reloadAction->setEnabled(!loading && m_snapshot.has_value());
    m_exportReportAction->setEnabled(m_snapshot.has_value());
    m_revisions->setEnabled(m_snapshot.has_value());
}

void MainWindow::onSnapshot(const RepositorySnapshot& snapshot)
{
    const bool newRepository = !m_snapshot || m_snapshot->gitDir != snapshot.gitDir;
    m_snapshot = snapshot;
    m_partialShown = false;
    m_quietLoad = false;
    m_lastError.clear();
    setLoading(false);
    m_dashboard->setMessage({});
    m_welcome->setMessage({});
    m_dashboard->setSnapshot(snapshot);
    m_revisions->setSnapshot(snapshot);
    m_central->setCurrentWidget(m_dashboard);
    if (newRepository) {
        QSettings settings;
        // Pages build some splitters only once they have data: restore them with the first repository shown.
        if (!std::exchange(m_splittersRestored, true))
            restoreSplitters(settings);
        RecentRepositories(settings).add(snapshot.path);
        updateRecentMenu();
        m_watcher->setGitDir(snapshot.gitDir);
    }
    const QString branch = snapshot.head.detached ? tr("detached HEAD") : snapshot.head.branch;
    m_repoLabel->setText(tr("<b>%1</b>").arg(snapshot.displayName.toHtmlEscaped()));
    m_repoLabel->setToolTip(snapshot.path);
    m_branchLabel->setText(tr("Branch: %1").arg(branch.toHtmlEscaped()));
    m_headLabel->setText(tr("HEAD: %1").arg(snapshot.head.commit.shortString()));
    m_headLabel->setToolTip(snapshot.head.commit.toString());
    const QString revision = snapshot.workTree ? tr("work tree") : snapshot.revision;
    setWindowTitle(tr("%1 (%2) — Gatehouse").arg(snapshot.displayName, revision));
    statusBar()->showMessage(tr("Loaded %1 commits, %2 pipeline files, %3 reports, %4 deployments, %5 incidents.")
                                 .arg(snapshot.commitsWalked)
                                 .arg(snapshot.pipelineFiles.size())
                                 .arg(snapshot.reportFiles.size())
                                 .arg(snapshot.deployTags.size())
                                 .arg(snapshot.incidents.size()),
                             8000);
    Q_EMIT snapshotShown();
}

void MainWindow::dropPartialSnapshot()
{
    if (!std::exchange(m_partialShown, false))
        return;
    // The Overview went ahead with the load that did not finish: back to the repository still shown.
    if (m_snapshot)
        m_dashboard->overviewPage()->setSnapshot(*m_snapshot);
    else
        showWelcome();
}

void MainWindow::onLoadFailed(const Error& error)
{
    setLoading(false);
    dropPartialSnapshot();
    const QString path = m_pendingPath;
    QString text;
    if (error.code == QLatin1String("repo.bad-revision"))
        text = tr("Cannot show revision “%1”: %2").arg(m_pendingRevision, error.message);
    else if (error.code == QLatin1String("repo.empty"))
        text = tr("Cannot open %1: the repository has no commits yet. Make a first commit, then reload.").arg(path);
    else if (error.code == QLatin1String("repo.open-failed"))
        text = error.message; // already names the path and the reason
    else
        text = tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), error.message);
    m_lastError = text;
    const bool showingRepository = m_snapshot.has_value();
    if (showingRepository) {
        m_dashboard->setMessage(m_quietLoad ? tr("Reloading after a change on disk failed: %1").arg(error.message)
                                            : text);
        m_revisions->setSnapshot(*m_snapshot); // back to the revision still shown
    } else {
        m_welcome->setMessage(text);
        showWelcome();
    }
    m_quietLoad = false;
    statusBar()->showMessage(text, 10000);
}

void MainWindow::showWelcome()
{
    QSettings settings;
    m_welcome->setRecentRepositories(RecentRepositories(settings).paths());
    if (!m_snapshot)
        m_central->setCurrentWidget(m_welcome);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    QSettings settings;
    const QStringList recent = RecentRepositories(settings).paths();
    for (const QString& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openRepository(path); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            QSettings settings;
            RecentRepositories(settings).clear();
            updateRecentMenu();
            m_welcome->setRecentRepositories({});
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showOpenDialog()
{
    const QString start = m_snapshot ? m_snapshot->path : QDir::homePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Repository"), start);
    if (!dir.isEmpty())
        openRepository(dir);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gatehouse"),
                       tr("<h3>Gatehouse %1</h3><p>A control room for release engineers: pipelines, security "
                          "scans, deployments and incidents of a git repository.</p>"
                          "<table><tr><td>Qt</td><td>%2</td></tr><tr><td>libgit2</td><td>%3</td></tr>"
                          "<tr><td>yaml-cpp</td><td>%4</td></tr></table>")
                           .arg(QStringLiteral(GATEHOUSE_VERSION), QString::fromLatin1(qVersion()),
                                git::Repository::libgit2Version(), yamlCppVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Nothing the user typed is lost: unsaved pipeline edits are asked about first.
    if (!m_dashboard->pipelinesPage()->maybeClose()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), m_dashboard->currentPage());
    saveSplitters(settings);
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

namespace {

// "dashboard/QStackedWidget1/securityPage/QSplitter0": object names where the pages set them, else the class
// name and the index among siblings of that class, so pages need not name their splitters.
QString splitterKey(const QWidget* splitter, const QWidget* root)
{
    QStringList parts;
    for (const QWidget* w = splitter; w && w != root; w = w->parentWidget()) {
        QString part = w->objectName();
        if (part.isEmpty()) {
            int index = 0;
            if (const QWidget* parent = w->parentWidget()) {
                for (const QObject* sibling : parent->children()) {
                    if (sibling == w)
                        break;
                    if (sibling->metaObject() == w->metaObject())
                        ++index;
                }
            }
            part = QString::fromLatin1(w->metaObject()->className()).section(QLatin1String("::"), -1)
                + QString::number(index);
        }
        parts.prepend(part);
    }
    return parts.join(QLatin1Char('/'));
}

} // namespace

void MainWindow::saveSplitters(QSettings& settings) const
{
    settings.beginGroup(QStringLiteral("splitters"));
    for (const QSplitter* splitter : findChildren<QSplitter*>())
        settings.setValue(splitterKey(splitter, this), splitter->saveState());
    settings.endGroup();
}

void MainWindow::restoreSplitters(const QSettings& settings)
{
    for (QSplitter* splitter : findChildren<QSplitter*>()) {
        const QByteArray state
            = settings.value(QStringLiteral("splitters/") + splitterKey(splitter, this)).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    const QFileInfo info(urls.first().toLocalFile());
    openRepository(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    event->acceptProposedAction();
}

} // namespace gatehouse::ui
