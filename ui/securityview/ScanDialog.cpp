// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanDialog.h"

#include "charts/ChartTheme.h"
#include "widgets/Widgets.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::ui {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;

QString statusText(ScanStatus status)
{
    return scanStatusName(status).replace(QLatin1Char('-'), QLatin1Char(' '));
}
} // namespace

ScanDialog::ScanDialog(const QString& repoPath, QWidget* parent)
    : QDialog(parent)
    , m_repoPath(repoPath)
    , m_tools(new QTreeWidget(this))
    , m_findings(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_stage(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_run(new QPushButton(tr("Run scans"), this))
    , m_cancel(new QPushButton(tr("Cancel scans"), this))
    , m_archive(new QPushButton(tr("Archive with HEAD"), this))
{
    setObjectName(QStringLiteral("scanDialog"));
    setWindowTitle(tr("Run security scans"));
    resize(900, 640);
    auto* intro = new QLabel(tr("Runs the scanners installed on this machine over the work tree <b>%1</b>, in "
                                "parallel. Gatehouse never runs the repository's own scripts; commands can be changed "
                                "under <code>scanners:</code> in <code>.gatehouse/config.yml</code>.")
                                 .arg(displayPath(repoPath).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    m_tools->setObjectName(QStringLiteral("scanTools"));
    m_tools->setHeaderLabels({tr("Scanner"), tr("Category"), tr("Status"), tr("Findings"), tr("Time")});
    m_tools->setRootIsDecorated(true);
    m_tools->setAlternatingRowColors(true);
    m_tools->header()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_tools->header()->setStretchLastSection(false);
    m_findings->setObjectName(QStringLiteral("scanFindings"));
    m_findings->setHeaderLabels({tr("Severity"), tr("Blocks"), tr("Tool"), tr("Rule"), tr("Location"), tr("New")});
    m_findings->setRootIsDecorated(false);
    m_findings->setAlternatingRowColors(true);
    m_findings->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_findings->hide();
    m_findings->header()->setStretchLastSection(false);
    m_summary->setObjectName(QStringLiteral("scanSummary"));
    m_summary->setWordWrap(true);
    m_summary->setProperty("role", QStringLiteral("info"));
    m_summary->hide();
    m_stage->setProperty("role", QStringLiteral("pageSubtitle"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(6);
    m_progress->hide();
    m_run->setObjectName(QStringLiteral("runScansButton"));
    m_cancel->setObjectName(QStringLiteral("cancelScansButton"));
    m_archive->setObjectName(QStringLiteral("archiveScanButton"));
    m_run->setProperty("role", QStringLiteral("primary"));
    m_archive->setProperty("role", QStringLiteral("secondary"));
    m_archive->setToolTip(tr("Stores the reports as a git note on HEAD, so this scan joins the history and trends."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_archive, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_tools, 2);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    m_findingsTitle = makeLabel(QStringLiteral("sectionTitle"), this);
    m_findingsTitle->hide();
    layout->addWidget(m_findingsTitle);
    layout->addWidget(m_findings, 3);
    layout->addWidget(buttons);

    connect(m_run, &QPushButton::clicked, this, &ScanDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &ScanDialog::cancel);
    connect(m_archive, &QPushButton::clicked, this, &ScanDialog::archive);
    connect(buttons, &QDialogButtonBox::rejected, this, &ScanDialog::reject);
    loadTools();
    setRunning(false);
}

void ScanDialog::loadTools()
{
    m_tools->clear();
    auto config = LocalScan::config(m_repoPath);
    if (!config) {
        m_stage->setText(tr("Cannot read the scanner settings: %1").arg(config.error().toString()));
        m_run->setEnabled(false);
        return;
    }
    const QString workTree = QDir::cleanPath(m_repoPath);
    int installed = 0;
    for (const ScannerSpec& spec : config->tools) {
        auto* item = new QTreeWidgetItem(m_tools);
        item->setText(ToolColumn, spec.name);
        item->setData(ToolColumn, kNameRole, spec.name);
        item->setText(CategoryColumn, categoryName(spec.category));
        auto program = spec.command.isEmpty()
            ? Result<QString>(makeError(QStringLiteral("scan.not-installed"), QString()))
            : ScanRunner::resolveExecutable(spec.command.constFirst(), workTree);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        if (program) {
            ++installed;
            item->setText(StatusColumn, spec.enabled ? tr("ready (%1)").arg(*program) : tr("disabled in config.yml"));
            item->setCheckState(ToolColumn, spec.enabled ? Qt::Checked : Qt::Unchecked);
        } else {
            item->setText(StatusColumn,
                          program.error().code == QLatin1String("scan.refused")
                              ? tr("refused: the command is inside the repository")
                              : tr("not installed — its category stays uncovered"));
            item->setCheckState(ToolColumn, Qt::Unchecked);
            item->setForeground(StatusColumn, ChartTheme::mutedTextColor(palette()));
            item->setForeground(ToolColumn, ChartTheme::mutedTextColor(palette()));
        }
        item->setToolTip(ToolColumn, spec.command.join(QLatin1Char(' ')));
    }
    for (int c : {int(ToolColumn), int(CategoryColumn), int(FindingsColumn), int(TimeColumn)})
        m_tools->resizeColumnToContents(c);
    // Every scanner visible without scrolling (the list is short; the findings below take the rest).
    const int rows = m_tools->topLevelItemCount();
    if (rows > 0)
        m_tools->setMinimumHeight(std::min(420,
                                           m_tools->header()->sizeHint().height() + rows * m_tools->sizeHintForRow(0)
                                               + 2 * m_tools->frameWidth() + 4));
    m_tools->setColumnWidth(ToolColumn, std::max(150, m_tools->columnWidth(ToolColumn) + 30));
    m_stage->setText(
        installed == 0
            ? tr("None of the scanners is installed on this machine (e.g. apt install bandit).")
            : tr("%1 of %2 scanners are installed. Check the ones to run.").arg(installed).arg(config->tools.size()));
}

void ScanDialog::selectTools(const QStringList& tools)
{
    for (int i = 0; i < m_tools->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tools->topLevelItem(i);
        item->setCheckState(ToolColumn,
                            tools.contains(item->data(ToolColumn, kNameRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void ScanDialog::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setVisible(running);
    m_archive->setEnabled(!running && m_outcome && m_outcome->ran() > 0 && !m_outcome->head.isNull());
    m_progress->setVisible(running);
    m_tools->setEnabled(!running);
}

void ScanDialog::run()
{
    QStringList only;
    for (int i = 0; i < m_tools->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tools->topLevelItem(i);
        qDeleteAll(item->takeChildren());
        item->setText(FindingsColumn, {});
        item->setText(TimeColumn, {});
        if (item->checkState(ToolColumn) == Qt::Checked) {
            only << item->data(ToolColumn, kNameRole).toString();
            item->setText(StatusColumn, tr("running…"));
        }
    }
    if (only.isEmpty()) {
        m_stage->setText(tr("Check at least one installed scanner."));
        return;
    }
    m_outcome.reset();
    m_findings->clear();
    m_summary->hide();
    m_progress->setValue(0);
    m_stage->setText(tr("Running %1…").arg(only.join(QStringLiteral(", "))));
    const QString repo = m_repoPath;
    QPointer<ScanDialog> self(this);
    m_job.start([repo, only](ProgressSink& sink) { return LocalScan::run(repo, only, &sink); },
                [self](Result<LocalScanOutcome> result) {
                    if (!self)
                        return;
                    if (!result) {
                        self->m_stage->setText(tr("The scan failed: %1").arg(result.error().toString()));
                        self->setRunning(false);
                        return;
                    }
                    self->showOutcome(*result);
                },
                [self](int permille, const QString& stage) {
                    if (self)
                        self->onProgress(permille, stage);
                });
    setRunning(true);
}

void ScanDialog::onProgress(int permille, const QString& stage)
{
    // ScanRunner reports "scan: <tool>" when a tool finishes; the history read for "new" follows.
    if (stage.startsWith(QLatin1String("scan: "))) {
        const QString tool = stage.mid(6);
        for (int i = 0; i < m_tools->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = m_tools->topLevelItem(i);
            if (item->data(ToolColumn, kNameRole).toString() == tool)
                item->setText(StatusColumn, tr("finished, reading the report…"));
        }
        m_stage->setText(tr("%1 finished").arg(tool));
        m_progress->setValue(permille);
    } else {
        m_stage->setText(tr("Comparing with the archived scans…"));
        m_progress->setValue(1000);
    }
}

void ScanDialog::cancel()
{
    m_job.cancel();
    for (int i = 0; i < m_tools->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tools->topLevelItem(i);
        if (item->text(StatusColumn).endsWith(QChar(0x2026)))
            item->setText(StatusColumn, tr("cancelled"));
    }
    m_stage->setText(tr("Cancelled; the scanners were stopped."));
    setRunning(false);
}

void ScanDialog::reject()
{
    if (m_job.isRunning())
        cancel();
    QDialog::reject();
}

void ScanDialog::showOutcome(const LocalScanOutcome& outcome)
{
    m_outcome = outcome;
    for (const ToolRun& run : outcome.runs) {
        for (int i = 0; i < m_tools->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = m_tools->topLevelItem(i);
            if (item->data(ToolColumn, kNameRole).toString() != run.tool)
                continue;
            const bool ok = run.status == ScanStatus::Ok && run.report;
            item->setText(StatusColumn, ok ? tr("ok") : statusText(run.status) + QStringLiteral(": ") + run.message);
            item->setText(FindingsColumn, ok ? QString::number(run.report->findings.size()) : QString());
            item->setText(TimeColumn,
                          run.elapsedMs > 0 ? tr("%1 s").arg(run.elapsedMs / 1000.0, 0, 'f', 1) : QString());
            if (!ok) {
                item->setForeground(StatusColumn, ChartTheme::badColor(palette()));
                const QStringList lines = run.stderrText.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                for (const QString& line : lines.mid(std::max<qsizetype>(0, lines.size() - 12))) {
                    auto* child = new QTreeWidgetItem(item);
                    child->setText(StatusColumn, line);
                    child->setFirstColumnSpanned(false);
                }
                item->setToolTip(StatusColumn, run.stderrText.right(4000));
            }
        }
    }
    // Blocking findings first, then by severity: what stops a release is on top.
    QList<LocalScanOutcome::Item> items = outcome.findings;
    std::stable_sort(items.begin(), items.end(), [](const LocalScanOutcome::Item& a, const LocalScanOutcome::Item& b) {
        return a.blocking != b.blocking ? a.blocking : a.finding.severity > b.finding.severity;
    });
    for (const LocalScanOutcome::Item& x : std::as_const(items)) {
        auto* item = new QTreeWidgetItem(m_findings);
        item->setText(0, severityName(x.finding.severity));
        item->setForeground(0, ChartTheme::severityColor(x.finding.severity, palette()));
        item->setText(1, x.blocking ? tr("blocks") : QString());
        item->setForeground(1, ChartTheme::badColor(palette()));
        item->setText(2, x.finding.tool);
        item->setText(3, x.finding.rule);
        const FindingLocation& l = x.finding.location;
        item->setText(4,
                      !l.path.isEmpty() ? (l.line > 0 ? QStringLiteral("%1:%2").arg(l.path).arg(l.line) : l.path)
                          : l.package.isEmpty() ? l.target
                                                : l.package + QLatin1Char(' ') + l.version);
        item->setText(5, !x.isNew ? tr("–") : *x.isNew ? tr("new") : QString());
        item->setToolTip(3, x.finding.title);
        item->setToolTip(4, x.finding.title);
    }
    for (int c = 0; c < 4; ++c)
        m_findings->resizeColumnToContents(c);
    m_findingsTitle->setText(tr("Findings (%1, %2 blocking)").arg(outcome.findings.size()).arg(outcome.blocking));
    m_findingsTitle->show();
    m_findings->show();

    QStringList counts;
    for (Severity s : allSeverities())
        counts << tr("%1 %2").arg(outcome.counts.value(s, 0)).arg(severityName(s));
    QString text = tr("<b>%1 of %2 scanners ran.</b> Findings: %3.<br>Blocking (%4 and above): <b>%5</b>.")
                       .arg(outcome.ran())
                       .arg(outcome.runs.size())
                       .arg(counts.join(QStringLiteral(", ")), severityName(outcome.blockingSeverity))
                       .arg(outcome.blocking);
    if (outcome.fresh) {
        QStringList against;
        for (auto it = outcome.baselineOf.cbegin(); it != outcome.baselineOf.cend(); ++it)
            against << QStringLiteral("%1@%2").arg(it.key(), it.value().shortString());
        text += tr(" New since the archived scans (%1): <b>%2</b>.")
                    .arg(against.join(QStringLiteral(", ")))
                    .arg(*outcome.fresh);
    } else {
        text += tr(" No archived scan of these tools to compare with, so nothing is marked new.");
    }
    if (!outcome.notCompared.isEmpty() && outcome.fresh)
        text += tr(" Never archived: %1.").arg(outcome.notCompared.join(QStringLiteral(", ")));
    if (!outcome.uncovered.isEmpty()) {
        QStringList names;
        for (FindingCategory c : outcome.uncovered)
            names << categoryName(c);
        text += tr("<br>Not covered: %1.").arg(names.join(QStringLiteral(", ")));
    }
    if (!outcome.baselineWarning.isEmpty())
        text += tr("<br>The archived scans could not be read: %1").arg(outcome.baselineWarning.toHtmlEscaped());
    m_summary->setText(text);
    m_summary->show();
    m_stage->setText(outcome.ran() == 0 ? tr("Nothing could run.") : tr("Done."));
    setRunning(false);
    Q_EMIT finished();
}

void ScanDialog::archive()
{
    if (!m_outcome)
        return;
    const QString repo = m_repoPath;
    const LocalScanOutcome outcome = *m_outcome;
    m_archive->setEnabled(false);
    m_stage->setText(tr("Archiving…"));
    QPointer<ScanDialog> self(this);
    m_archiveJob.start([repo, outcome](ProgressSink&) { return LocalScan::archive(repo, outcome); },
                       [self, outcome](Result<git::ObjectId> result) {
                           if (!self)
                               return;
                           if (!result) {
                               self->m_stage->setText(tr("Not archived: %1").arg(result.error().toString()));
                               self->m_archive->setEnabled(true);
                               return;
                           }
                           self->m_stage->setText(tr("Archived %1 report(s) with %2 in %3.")
                                                      .arg(outcome.reports().size())
                                                      .arg(outcome.head.shortString(), outcome.notesRef));
                           Q_EMIT self->archived(outcome.head.toString());
                       });
}

} // namespace gatehouse::ui
