// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelinesPage.h"

#include "../Theme.h"
#include "../delegates/PathDelegate.h"
#include "../widgets/Widgets.h"
#include "editorview/PipelineEditor.h"
#include "pipelineview/PipelineDocumentView.h"
#include "pipelineview/PipelineWorkspace.h"
#include "pipelineview/RunsPanel.h"
#include "repo/RepoFormat.h"
#include "repo/RepositoryFileModel.h"
#include "repo/RepositoryLoader.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::ui {

PipelinesPage::PipelinesPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new RepositoryFileModel(RepositoryFileModel::Category::Pipelines, this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_workspaceHolder(new QWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_runsHolder(new QWidget(this))
    , m_splitter(nullptr)
    , m_stack(new QStackedWidget(this))
    , m_empty(makeEmptyState(this, QStringLiteral("pipelinesEmpty")))
{
    setObjectName(QStringLiteral("pipelinesPage"));
    m_files = makeTable(m_model, RepositoryFileModel::SortRole, this, QStringLiteral("pipelineFiles"));
    m_files->hideColumn(RepositoryFileModel::FormatColumn);
    m_files->hideColumn(RepositoryFileModel::LastChangedColumn);
    // Beside the editor the list stays narrow: the path matters, the size is in the tooltip-free details.
    m_files->hideColumn(RepositoryFileModel::SizeColumn);
    m_files->header()->setSectionResizeMode(RepositoryFileModel::PathColumn, QHeaderView::Stretch);
    m_files->header()->setStretchLastSection(false);
    // The file name is what tells workflows apart: shown in full, the folder dimmed (elided first when narrow).
    m_files->setItemDelegateForColumn(RepositoryFileModel::PathColumn, new PathDelegate(m_files));
    // The workspace (editor, graph, problems, gates) is created per repository in setSnapshot().
    m_workspaceHolder->setObjectName(QStringLiteral("workspaceHolder"));
    auto* holderLayout = new QVBoxLayout(m_workspaceHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("pipelineSplitter"));
    m_splitter->addWidget(m_files);
    m_splitter->addWidget(m_workspaceHolder);
    // The list keeps the width its names need; the editor takes what the window gains or loses.
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->installEventFilter(this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({340, 1000});
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Pipelines")));
    layout->addWidget(m_summary);
    // Configuration (files, editor, graph) and the CI run history side by side as tabs.
    m_tabs->setObjectName(QStringLiteral("pipelineTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_stack, tr("Configuration"));
    m_runsHolder->setObjectName(QStringLiteral("runsHolder"));
    (new QVBoxLayout(m_runsHolder))->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(m_runsHolder, tr("Runs"));
    layout->addWidget(m_tabs, 1);

    connect(m_files->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showFile(sourceRow(m_files, current.row())); });
}

void PipelinesPage::setSnapshot(const RepositorySnapshot& s)
{
    // A reload of the same view (after a save or a commit from the workspace) keeps the file the user is on.
    const QString revision = s.workTree ? QString() : s.commit.toString();
    const QString keep
        = m_workspace && m_workspace->repositoryPath() == s.path && revision == m_revision ? m_currentPath : QString();
    if (!m_workspace || m_workspace->repositoryPath() != s.path) {
        // A new repository gets a new workspace; the old one has asked about unsaved text when it was closed
        // (MainWindow asks before switching), and its autosave keeps anything left.
        delete m_workspace;
        m_workspace = new PipelineWorkspace(s.path, m_workspaceHolder);
        m_workspaceHolder->layout()->addWidget(m_workspace);
    }
    if (!m_runsPanel || m_repoPath != s.path) {
        delete m_runsPanel;
        m_runsPanel = new RunsPanel(s.path, m_runsHolder);
        m_runsHolder->layout()->addWidget(m_runsPanel);
    }
    m_repoPath = s.path;
    m_revision = revision;
    m_entries = s.pipelineFiles;
    m_model->setSnapshot(s);
    m_files->resizeColumnToContents(RepositoryFileModel::KindColumn);
    // The list takes what its names need (within reason); the editor keeps the rest. A hidden splitter has no
    // width yet: the sizes are set when it gets one.
    m_pendingListWidth = s.pipelineFiles.isEmpty() ? 0 : fileListWidth();
    applyListWidth();
    const QString where = s.workTree ? tr("in the work tree") : tr("at %1").arg(s.commit.shortString());
    m_summary->setText(tr("%1 %2: GitLab CI configuration and its local includes, GitHub Actions "
                          "workflows and actions, CircleCI configuration, Jenkinsfiles.")
                           .arg(countText(s.pipelineFiles.size(), tr("pipeline file"), tr("pipeline files")), where));
    m_empty->setText(tr("<b>No pipeline files %1.</b><br><br>Gatehouse looks for <tt>.gitlab-ci.yml</tt> (and the "
                        "local files it includes), <tt>.github/workflows/*.yml</tt>, <tt>action.yml</tt>, "
                        "<tt>.circleci/config.yml</tt> and <tt>Jenkinsfile</tt>.<br>"
                        "Add one of them, or pick another branch or tag in the revision selector.")
                         .arg(where));
    m_stack->setCurrentWidget(s.pipelineFiles.isEmpty() ? static_cast<QWidget*>(m_empty) : m_stack->widget(0));
    m_currentPath.clear();
    if (s.pipelineFiles.isEmpty())
        return;
    int row = 0;
    const QAbstractItemModel* shown = m_files->model();
    for (int i = 0; i < shown->rowCount() && !keep.isEmpty(); ++i) {
        if (shown->index(i, 0).data(RepositoryFileModel::PathRole).toString() == keep) {
            row = i;
            break;
        }
    }
    m_files->setCurrentIndex(shown->index(row, 0));
    // The same row stays current (no currentRowChanged): reopen it, which only brings its tab to the front.
    if (m_currentPath.isEmpty())
        showFile(sourceRow(m_files, row));
}

void PipelinesPage::applyListWidth()
{
    const int total = m_splitter->width() - m_splitter->handleWidth();
    if (m_pendingListWidth <= 0 || !m_splitter->isVisible() || total <= 0)
        return;
    const int list = std::min(m_pendingListWidth, total / 2);
    m_splitter->setSizes({list, total - list});
    m_pendingListWidth = 0;
}

bool PipelinesPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_splitter && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        applyListWidth();
    return QWidget::eventFilter(watched, event);
}

int PipelinesPage::fileListWidth() const
{
    int widest = 0;
    const QAbstractItemModel* shown = m_files->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, RepositoryFileModel::PathColumn);
        widest = std::max(widest, m_files->sizeHintForIndex(index).width());
    }
    const int kind = m_files->isColumnHidden(RepositoryFileModel::KindColumn)
        ? 0
        : m_files->columnWidth(RepositoryFileModel::KindColumn);
    const int chrome = 2 * m_files->frameWidth() + m_files->verticalScrollBar()->sizeHint().width() + 8;
    return std::clamp(widest + kind + chrome, MinimumListWidth, MaximumListWidth);
}

void PipelinesPage::showFile(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_workspace)
        return;
    const QString path = m_entries.at(row).path;
    // The work tree opens editable; any other revision opens read-only. Both are read off the GUI thread's
    // critical path by the workspace's own validation worker.
    PipelineDocumentView* view
        = m_revision.isEmpty() ? m_workspace->openFile(path) : m_workspace->openRevision(m_revision, path);
    if (!view)
        return;
    m_currentPath = path;
    Q_EMIT fileOpened(path);
}

RunsPanel* PipelinesPage::runsPanel() const
{
    return m_runsPanel.data();
}

PipelineWorkspace* PipelinesPage::workspace() const
{
    return m_workspace.data();
}

bool PipelinesPage::maybeClose()
{
    return !m_workspace || m_workspace->maybeCloseAll();
}

bool PipelinesPage::showPath(const QString& path, int line)
{
    int row = -1;
    for (int i = 0; i < m_entries.size() && row < 0; ++i) {
        if (m_entries.at(i).path == path)
            row = i;
    }
    if (row < 0 || !m_workspace)
        return false;
    for (int proxyRow = 0; proxyRow < m_files->model()->rowCount(); ++proxyRow) {
        if (sourceRow(m_files, proxyRow) == row)
            m_files->setCurrentIndex(m_files->model()->index(proxyRow, 0));
    }
    showFile(row); // also when the row was current already: brings its tab to the front
    if (PipelineDocumentView* view = m_workspace->currentDocument(); view && line > 0 && m_currentPath == path)
        view->editor()->goToLine(line);
    return m_currentPath == path;
}

void PipelinesPage::showRuns()
{
    m_tabs->setCurrentWidget(m_runsHolder);
}

} // namespace gatehouse::ui
