// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsPanel.h"

#include "RunSyncDialog.h"
#include "charts/RunFailuresChart.h"
#include "charts/RunGanttChart.h"
#include "charts/RunTrendChart.h"
#include "runs/RunFilterModel.h"
#include "runs/RunJobTableModel.h"
#include "runs/RunTableModel.h"
#include "runs/sync/TokenStore.h"
#include "widgets/Widgets.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

using runs::RunTableModel;

namespace {

QString percentText(double rate)
{
    return rate < 0 ? QStringLiteral("–") : QStringLiteral("%1 %").arg(rate * 100, 0, 'f', 1);
}

// The import's outcome in one line: what was added, what was already there, what could not be read.
QString importText(const runs::ImportReport& report)
{
    int unreadable = 0;
    for (const runs::FileImport& file : report.files)
        unreadable += file.error ? 1 : 0;
    QString text = RunsPanel::tr("Imported %1 from %2: %3 new, %4 updated, %5 already known")
                       .arg(countText(report.total.added + report.total.updated + report.total.unchanged,
                                      RunsPanel::tr("run"), RunsPanel::tr("runs")),
                            countText(report.files.size(), RunsPanel::tr("file"), RunsPanel::tr("files")))
                       .arg(report.total.added)
                       .arg(report.total.updated)
                       .arg(report.total.unchanged);
    if (report.recordsSkipped > 0)
        text += RunsPanel::tr("; %1 skipped")
                    .arg(countText(report.recordsSkipped, RunsPanel::tr("record"), RunsPanel::tr("records")));
    if (unreadable > 0)
        text += RunsPanel::tr("; %1 unreadable (%2)")
                    .arg(countText(unreadable, RunsPanel::tr("file"), RunsPanel::tr("files")), [&report] {
                        for (const runs::FileImport& file : report.files) {
                            if (file.error)
                                return file.error->message;
                        }
                        return QString();
                    }());
    return text + QLatin1Char('.');
}

} // namespace

RunsPanel::RunsPanel(const QString& repositoryPath, QWidget* parent)
    : QWidget(parent)
    , m_repositoryPath(repositoryPath)
    , m_analysisJob(this)
    , m_importJob(this)
    , m_tokens(std::make_unique<runs::KeychainTokenStore>())
    , m_runs(new RunTableModel(this))
    , m_filter(new runs::RunFilterModel(this))
    , m_jobs(new runs::RunJobTableModel(this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_status(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(makeEmptyState(this, QStringLiteral("runsEmpty")))
    , m_suggestions(new QTreeWidget(this))
    , m_trend(new RunTrendChart(this))
    , m_failures(new RunFailuresChart(this))
    , m_gantt(new RunGanttChart(this))
{
    setObjectName(QStringLiteral("runsPanel"));
    m_filter->setSourceModel(m_runs);
    m_status->setObjectName(QStringLiteral("runsStatus"));
    m_status->setWordWrap(true);

    m_runsView = makeTable(m_runs, RunTableModel::SortRole, this, QStringLiteral("runsTable"));
    // makeTable's own proxy sorts; ours filters in front of it.
    auto* sorter = qobject_cast<QSortFilterProxyModel*>(m_runsView->model());
    sorter->setSourceModel(m_filter);
    m_jobsView = makeTable(m_jobs, runs::RunJobTableModel::SortRole, this, QStringLiteral("runJobsTable"));

    m_suggestions->setObjectName(QStringLiteral("runSuggestions"));
    m_suggestions->setHeaderLabels({tr("Suggestion"), tr("Job"), tr("Saving"), tr("Evidence")});
    m_suggestions->setRootIsDecorated(false);
    m_suggestions->setWordWrap(true);
    m_suggestions->setAlternatingRowColors(true);
    auto* saveButton = new QPushButton(tr("Save suggestions…"), this);
    saveButton->setObjectName(QStringLiteral("saveSuggestions"));
    connect(saveButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save suggestions"), QStringLiteral("pipeline-suggestions.md"), tr("Markdown (*.md)"));
        if (!path.isEmpty())
            saveSuggestions(path);
    });
    auto* suggestionsPage = new QWidget(this);
    auto* suggestionsLayout = new QVBoxLayout(suggestionsPage);
    suggestionsLayout->setContentsMargins(0, 0, 0, 0);
    suggestionsLayout->addWidget(m_suggestions, 1);
    suggestionsLayout->addWidget(saveButton, 0, Qt::AlignRight);

    auto* charts = new QTabWidget(this);
    charts->setObjectName(QStringLiteral("runCharts"));
    charts->addTab(m_trend, tr("Success and duration"));
    charts->addTab(m_failures, tr("Failures per job"));
    charts->addTab(m_gantt, tr("Timeline of the selected run"));
    auto* details = new QTabWidget(this);
    details->addTab(m_jobsView, tr("Jobs of the selected run"));
    details->addTab(suggestionsPage, tr("Suggestions"));

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_runsView);
    lower->addWidget(details);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setChildrenCollapsible(false);
    auto* main = new QSplitter(Qt::Vertical, this);
    main->addWidget(charts);
    main->addWidget(lower);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setChildrenCollapsible(false);
    m_stack->addWidget(main);
    m_stack->addWidget(m_empty);
    m_empty->setText(tr("<b>No CI runs recorded for this repository.</b><br><br>Export them with the GitLab or GitHub "
                        "API (<tt>/projects/:id/pipelines</tt>, <tt>/actions/runs</tt>), <tt>gh run list --json …</tt> "
                        "or JUnit reports, then use <i>Import runs…</i> or <tt>gatehouse runs import</tt>.<br>Runs "
                        "archived in <tt>refs/notes/gatehouse-runs</tt> appear here on their own."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);

    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRun(current); });
    reload();
}

RunsPanel::~RunsPanel() = default;

QWidget* RunsPanel::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_pipelineFilter = new QComboBox(bar);
    m_pipelineFilter->setObjectName(QStringLiteral("runPipelineFilter"));
    m_branchFilter = new QComboBox(bar);
    m_branchFilter->setObjectName(QStringLiteral("runBranchFilter"));
    m_statusFilter = new QComboBox(bar);
    m_statusFilter->setObjectName(QStringLiteral("runStatusFilter"));
    m_statusFilter->addItem(tr("Any status"), -1);
    for (runs::RunStatus status : {runs::RunStatus::Success, runs::RunStatus::Failed, runs::RunStatus::Canceled,
                                   runs::RunStatus::Running, runs::RunStatus::Skipped})
        m_statusFilter->addItem(runs::statusName(status), int(status));
    m_textFilter = new QLineEdit(bar);
    m_textFilter->setObjectName(QStringLiteral("runTextFilter"));
    m_textFilter->setPlaceholderText(tr("Filter: commit, branch, trigger, run id…"));
    m_textFilter->setClearButtonEnabled(true);
    m_importButton = new QPushButton(tr("Import runs…"), bar);
    m_importButton->setObjectName(QStringLiteral("importRuns"));
    auto* menu = new QMenu(m_importButton);
    menu->addAction(tr("Files…"), this, [this] { chooseImport(false); });
    menu->addAction(tr("Folder…"), this, [this] { chooseImport(true); });
    m_importButton->setMenu(menu);
    row->addWidget(new QLabel(tr("Pipeline"), bar));
    row->addWidget(m_pipelineFilter);
    row->addWidget(new QLabel(tr("Branch"), bar));
    row->addWidget(m_branchFilter);
    row->addWidget(m_statusFilter);
    row->addWidget(m_textFilter, 1);
    row->addWidget(m_importButton);
    auto* syncButton = new QPushButton(tr("Sync from server…"), bar);
    syncButton->setObjectName(QStringLiteral("syncRuns"));
    connect(syncButton, &QPushButton::clicked, this, [this] { openSyncDialog(); });
    row->addWidget(syncButton);

    connect(m_pipelineFilter, &QComboBox::currentIndexChanged, this, [this] {
        applyFilters();
        showPipeline();
    });
    connect(m_branchFilter, &QComboBox::currentIndexChanged, this, &RunsPanel::applyFilters);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &RunsPanel::applyFilters);
    connect(m_textFilter, &QLineEdit::textChanged, this, &RunsPanel::applyFilters);
    return bar;
}

bool RunsPanel::isBusy() const
{
    return m_analysisJob.isRunning() || m_importJob.isRunning();
}

QString RunsPanel::statusText() const
{
    return m_status->text();
}

void RunsPanel::reload()
{
    m_status->setText(tr("Reading the run history…"));
    m_status->setVisible(true);
    const QString path = m_repositoryPath;
    const QString store = m_storeDirectory;
    m_analysisJob.start(
        [path, store](ProgressSink& sink) {
            runs::AnalysisOptions options;
            options.defaultBranch.clear(); // HEAD's branch
            return runs::RunHistory::analyze(path, options, true, store, &sink);
        },
        [this](Result<runs::RepositoryAnalysis> result) { showAnalysis(result); },
        [this](int permille, const QString& stage) {
            m_status->setText(tr("Analysing the run history: %1 (%2 %)").arg(stage).arg(permille / 10));
        });
}

void RunsPanel::importFiles(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    m_importButton->setEnabled(false);
    m_status->setText(tr("Importing %1…").arg(countText(paths.size(), tr("item"), tr("items"))));
    m_status->setVisible(true);
    const QString repo = m_repositoryPath;
    const QString store = m_storeDirectory;
    m_importJob.start(
        [repo, paths, store](ProgressSink& sink) {
            return runs::RunHistory::importFiles(repo, paths, false, store, &sink);
        },
        [this](Result<runs::ImportReport> report) {
            m_importButton->setEnabled(true);
            const QString text = report ? importText(*report) : tr("Import failed: %1").arg(report.error().message);
            m_importMessage = text; // shown above the history until the next import
            Q_EMIT importFinished(text);
            reload();
        },
        [this](int permille, const QString&) { m_status->setText(tr("Importing runs… %1 %").arg(permille / 10)); });
}

void RunsPanel::importRuns(const QList<runs::Run>& fetched, const QString& server)
{
    m_status->setText(tr("Storing %1 from %2…").arg(countText(fetched.size(), tr("run"), tr("runs")), server));
    m_status->setVisible(true);
    const QString repo = m_repositoryPath;
    const QString store = m_storeDirectory;
    m_importJob.start(
        [repo, fetched, store](ProgressSink&) { return runs::RunHistory::importRuns(repo, fetched, false, store); },
        [this, server](Result<runs::ImportReport> report) {
            const QString text = report
                ? tr("Synced %1 from %2: %3 new, %4 updated, %5 already known.")
                      .arg(countText(report->total.added + report->total.updated + report->total.unchanged, tr("run"),
                                     tr("runs")),
                           server)
                      .arg(report->total.added)
                      .arg(report->total.updated)
                      .arg(report->total.unchanged)
                : tr("Cannot store the synced runs: %1").arg(report.error().message);
            m_importMessage = text;
            Q_EMIT importFinished(text);
            reload();
        });
}

RunSyncDialog* RunsPanel::openSyncDialog()
{
    if (!m_syncDialog) {
        m_syncDialog = new RunSyncDialog(*m_tokens, this);
        m_syncDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_syncDialog, &RunSyncDialog::runsFetched, this, &RunsPanel::importRuns);
    }
    m_syncDialog->show();
    m_syncDialog->raise();
    return m_syncDialog;
}

void RunsPanel::setTokenStore(std::unique_ptr<runs::TokenStore> store)
{
    delete m_syncDialog; // it holds a reference to the old store
    m_tokens = std::move(store);
}

void RunsPanel::chooseImport(bool folder)
{
    QStringList paths;
    if (folder) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import runs from a folder"));
        if (!dir.isEmpty())
            paths.append(dir);
    } else {
        paths = QFileDialog::getOpenFileNames(this, tr("Import runs"), QString(),
                                              tr("CI exports (*.json *.xml);;All files (*)"));
    }
    importFiles(paths);
}

void RunsPanel::showAnalysis(const Result<runs::RepositoryAnalysis>& result)
{
    if (!result) {
        m_status->setText(tr("Cannot read the run history: %1").arg(result.error().message));
        Q_EMIT analysisFinished();
        return;
    }
    m_analysis = *result;
    QStringList messages = m_analysis.warnings;
    if (!m_importMessage.isEmpty())
        messages.prepend(m_importMessage);
    m_status->setText(messages.join(QLatin1Char('\n')));
    m_status->setVisible(!m_status->text().isEmpty());
    m_runs->setSnapshot(m_analysis.runs);
    m_jobs->clear();
    m_gantt->clear();
    m_stack->setCurrentWidget(m_analysis.runs.isEmpty() ? static_cast<QWidget*>(m_empty) : m_stack->widget(0));

    // Filters: keep the user's choice when it still exists.
    const QString pipeline = m_pipelineFilter->currentData().toString();
    const QString branch = m_branchFilter->currentData().toString();
    QSignalBlocker blockPipeline(m_pipelineFilter);
    QSignalBlocker blockBranch(m_branchFilter);
    m_pipelineFilter->clear();
    m_pipelineFilter->addItem(tr("All pipelines"), QString());
    for (const runs::PipelineStats& stats : std::as_const(m_analysis.analysis.pipelines))
        m_pipelineFilter->addItem(tr("%1 (%2)").arg(stats.name).arg(stats.runs), stats.name);
    m_pipelineFilter->setCurrentIndex(qMax(0, m_pipelineFilter->findData(pipeline)));
    QSet<QString> seen;
    QStringList branches;
    for (const runs::Run& run : std::as_const(m_analysis.runs)) {
        if (!run.branch.isEmpty() && !seen.contains(run.branch)) {
            seen.insert(run.branch);
            branches.append(run.branch);
        }
    }
    branches.sort();
    m_branchFilter->clear();
    m_branchFilter->addItem(tr("All branches"), QString());
    for (const QString& name : std::as_const(branches))
        m_branchFilter->addItem(name, name);
    m_branchFilter->setCurrentIndex(qMax(0, m_branchFilter->findData(branch)));

    m_suggestions->clear();
    for (const runs::Suggestion& suggestion : std::as_const(m_analysis.analysis.suggestions)) {
        auto* item = new QTreeWidgetItem(m_suggestions);
        item->setText(0, suggestion.kind);
        item->setText(1, suggestion.job.isEmpty() ? suggestion.pipeline : suggestion.job);
        item->setText(2,
                      suggestion.savingSeconds < 0 ? tr("reliability")
                                                   : RunTableModel::durationText(suggestion.savingSeconds));
        item->setText(3, suggestion.evidence);
        item->setToolTip(3, suggestion.evidence);
    }
    m_suggestions->resizeColumnToContents(0);
    m_suggestions->resizeColumnToContents(2);
    applyFilters();
    showPipeline();
    for (int column : {RunTableModel::StatusColumn, RunTableModel::PipelineColumn, RunTableModel::CommitColumn,
                       RunTableModel::StartedColumn, RunTableModel::DurationColumn})
        m_runsView->resizeColumnToContents(column);
    if (m_runsView->model()->rowCount() > 0)
        m_runsView->setCurrentIndex(m_runsView->model()->index(0, 0));
    Q_EMIT analysisFinished();
}

void RunsPanel::applyFilters()
{
    const int status = m_statusFilter->currentData().toInt();
    m_filter->setFilter({status < 0 ? std::nullopt : std::optional(runs::RunStatus(status)),
                         m_branchFilter->currentData().toString(), m_pipelineFilter->currentData().toString(),
                         m_textFilter->text()});
}

void RunsPanel::showPipeline()
{
    const QString name = m_pipelineFilter->currentData().toString();
    // "All pipelines" charts the busiest CI pipeline (JUnit report groups are not pipelines).
    const runs::PipelineStats* shown = nullptr;
    for (const runs::PipelineStats& stats : std::as_const(m_analysis.analysis.pipelines)) {
        if (name.isEmpty() ? !stats.testReports && (!shown || stats.runs > shown->runs) : stats.name == name)
            shown = &stats;
    }
    m_failures->setJobs(m_analysis.analysis.jobs, shown ? shown->name : name);
    if (!shown) {
        m_trend->setTrend(QString(), {});
        m_summary->setText(m_analysis.runs.isEmpty() ? QString() : tr("No analysable runs."));
        return;
    }
    m_trend->setTrend(shown->name, shown->trend);
    int flaky = 0;
    for (const runs::JobStats& job : std::as_const(m_analysis.analysis.jobs))
        flaky += job.pipeline == shown->name ? job.flakyFailures : 0;
    m_summary->setText(tr("<b>%1</b>: %2 · success %3 · duration p50 %4, p95 %5 · false failures %6 · "
                          "recovery %7 · %8 flaky job failures")
                           .arg(shown->name.toHtmlEscaped(), countText(shown->runs, tr("run"), tr("runs")),
                                percentText(shown->successRate), RunTableModel::durationText(shown->durationP50),
                                RunTableModel::durationText(shown->durationP95), percentText(shown->falseFailureRate),
                                RunTableModel::durationText(shown->recoveryMedian))
                           .arg(flaky));
}

void RunsPanel::showRun(const QModelIndex& proxyIndex)
{
    const int row = sourceRow(m_runsView, proxyIndex.row());
    // sourceRow() maps through makeTable's sorter only; our filter sits between it and the run model.
    const QModelIndex filtered = m_filter->index(row, 0);
    const QModelIndex source = m_filter->mapToSource(filtered);
    if (!source.isValid()) {
        m_jobs->clear();
        m_gantt->clear();
        return;
    }
    const runs::Run& run = m_runs->run(source.row());
    const runs::CriticalPath path = runs::criticalPathOf(run, m_analysis.options.needs.value(run.source));
    m_jobs->setRun(run, path);
    m_gantt->setRun(run, path);
}

bool RunsPanel::saveSuggestions(const QString& path, bool quiet)
{
    QString text = tr("# Pipeline suggestions\n\nFrom %1 of %2.\n\n")
                       .arg(countText(m_analysis.runs.size(), tr("run"), tr("runs")), displayPath(m_repositoryPath));
    for (const runs::Suggestion& s : std::as_const(m_analysis.analysis.suggestions)) {
        text += QStringLiteral("- **%1** `%2` (%3): %4\n")
                    .arg(s.kind, s.job.isEmpty() ? s.pipeline : s.job,
                         s.savingSeconds < 0 ? tr("restores reliability")
                                             : tr("saves %1").arg(RunTableModel::durationText(s.savingSeconds)),
                         s.evidence);
    }
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(text.toUtf8());
        if (file.commit())
            return true;
    }
    if (!quiet)
        QMessageBox::warning(this, tr("Save suggestions"), tr("Cannot write %1: %2").arg(path, file.errorString()));
    return false;
}

} // namespace gatehouse::ui
