// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentDetailPanel.h"

#include "DiffHighlighter.h"
#include "Theme.h"
#include "delivery/ChangelogModel.h"
#include "delivery/DeploymentTableModel.h"
#include "delivery/FileChangeModel.h"
#include "delivery/PostmortemMarkdown.h"
#include "widgets/Widgets.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using namespace gatehouse::delivery;

IncidentDetailPanel::IncidentDetailPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_meta(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_links(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_postmortem(new QTextBrowser(this))
    , m_changedSummary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_changelog(new ChangelogModel(this))
    , m_files(new FileChangeModel(this))
    , m_fixSummary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_diff(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("incidentDetail"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_meta->setWordWrap(true);
    m_links->setObjectName(QStringLiteral("incidentLinks"));
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_links->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_postmortem->setObjectName(QStringLiteral("details"));
    m_postmortem->setOpenExternalLinks(true);
    m_changedSummary->setWordWrap(true);
    m_changelogView = makeTable(m_changelog, ChangelogModel::SortRole, this, QStringLiteral("whatChangedCommits"));
    m_changelogView->header()->setStretchLastSection(false);
    m_changelogView->header()->setSectionResizeMode(ChangelogModel::SummaryColumn, QHeaderView::Stretch);
    m_fileView = makeTable(m_files, FileChangeModel::SortRole, this, QStringLiteral("whatChangedFiles"));
    m_fileView->header()->setStretchLastSection(false);
    m_fileView->header()->setSectionResizeMode(FileChangeModel::PathColumn, QHeaderView::Stretch);
    m_fixSummary->setWordWrap(true);
    m_diff->setObjectName(QStringLiteral("fixDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(monospaceFont());
    new DiffHighlighter(m_diff->document());

    auto* changed = new QWidget(this);
    auto* changedLayout = new QVBoxLayout(changed);
    changedLayout->setContentsMargins(8, 8, 8, 8);
    changedLayout->addWidget(m_changedSummary);
    auto* changedSplit = new QSplitter(Qt::Vertical, changed);
    changedSplit->addWidget(m_changelogView);
    changedSplit->addWidget(m_fileView);
    changedSplit->setChildrenCollapsible(false);
    changedLayout->addWidget(changedSplit, 1);
    auto* fix = new QWidget(this);
    auto* fixLayout = new QVBoxLayout(fix);
    fixLayout->setContentsMargins(8, 8, 8, 8);
    fixLayout->addWidget(m_fixSummary);
    fixLayout->addWidget(m_diff, 1);
    m_tabs->setObjectName(QStringLiteral("incidentTabs"));
    m_tabs->addTab(m_postmortem, tr("Postmortem"));
    m_tabs->addTab(changed, tr("What changed"));
    m_tabs->addTab(fix, tr("Fix diff"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_links);
    layout->addWidget(m_tabs, 1);

    connect(m_links, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(u"deployment:"))
            Q_EMIT deploymentRequested(link.mid(11));
    });
    showIncident(nullptr);
}

void IncidentDetailPanel::setHistory(const QString& repositoryPath, const DeploymentHistory& history)
{
    m_jobs.cancel();
    m_repositoryPath = repositoryPath;
    m_history = history;
    showIncident(nullptr);
}

QString IncidentDetailPanel::deploymentLink(int index) const
{
    if (index < 0 || index >= m_history.deployments.size())
        return tr("none");
    const Deployment& d = m_history.deployments.at(index);
    return QStringLiteral("<a href=\"deployment:%1\">%2</a> (%3, %4)")
        .arg(d.tag.toHtmlEscaped(), d.tag.toHtmlEscaped(), d.environment.toHtmlEscaped(),
             d.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

void IncidentDetailPanel::showIncident(const Incident* incident)
{
    m_detail.reset();
    m_changelog->setCommits({});
    m_files->setChanges({});
    m_diff->clear();
    if (!incident) {
        m_jobs.cancel();
        m_startWhenShown = false;
        m_incident.reset();
        m_title->setText(tr("Select an incident"));
        m_meta->clear();
        m_links->clear();
        m_postmortem->clear();
        m_changedSummary->clear();
        m_fixSummary->clear();
        m_tabs->setEnabled(false);
        return;
    }
    m_incident = *incident;
    m_tabs->setEnabled(true);
    m_title->setText(incident->title);
    QStringList meta{incidentKindName(incident->kind),
                     incident->time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC")};
    if (!incident->scope.isEmpty())
        meta.append(tr("scope %1").arg(incident->scope));
    if (!incident->severity.isEmpty())
        meta.append(incident->severity);
    meta.append(
        incident->timeToRestoreSeconds
            ? tr("restored in %1").arg(DeploymentTableModel::formatDuration(double(*incident->timeToRestoreSeconds)))
            : tr("time to restore unknown"));
    if (!incident->factors.isEmpty())
        meta.append(tr("Factor %1").arg(incident->factors.join(QStringLiteral(", "))));
    if (!incident->commit.isNull())
        meta.append(incident->commit.shortString());
    else if (!incident->documentPath.isEmpty())
        meta.append(incident->documentPath);
    m_meta->setText(meta.join(QStringLiteral("  ·  ")).toHtmlEscaped());
    const int blamed = m_history.indexOfTag(incident->blamedDeployment);
    const int fixedBy = m_history.indexOfTag(incident->fixedByDeployment);
    m_links->setText(tr("Blamed deployment: %1<br>Fixed by: %2").arg(deploymentLink(blamed), deploymentLink(fixedBy)));
    m_postmortem->document()->setMarkdown(PostmortemMarkdown::render(*incident));
    m_changedSummary->setText(tr("Reading what changed…"));
    m_fixSummary->setText(tr("Reading the fix…"));
    // A page not shown yet (its first row selected on load) reads when it is: a first open has history-wide work
    // to do on every core meanwhile.
    m_startWhenShown = !isVisible();
    if (m_startWhenShown)
        m_jobs.cancel();
    else
        start();
}

void IncidentDetailPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_startWhenShown && m_incident) {
        m_startWhenShown = false;
        start();
    }
}

void IncidentDetailPanel::start()
{
    const QString path = m_repositoryPath;
    const DeploymentHistory history = m_history;
    const Incident value = *m_incident;
    m_jobs.start([path, history, value](
                     ProgressSink& sink) { return DeliveryInspector::inspectIncident(path, history, value, &sink); },
                 [this](Result<IncidentDetail> result) {
                     if (!result.ok()) {
                         m_changedSummary->setText(tr("Could not read the history: %1").arg(result.error().message));
                         m_fixSummary->clear();
                         return;
                     }
                     apply(result.value());
                 });
}

void IncidentDetailPanel::apply(const IncidentDetail& detail)
{
    m_detail = detail;
    if (detail.blamedIndex >= 0 || detail.fixedByIndex >= 0)
        m_links->setText(tr("Blamed deployment: %1<br>Last good before it: %2<br>Fixed by: %3")
                             .arg(deploymentLink(detail.blamedIndex), deploymentLink(detail.lastGoodIndex),
                                  deploymentLink(detail.fixedByIndex)));
    if (detail.whatChanged) {
        const DeploymentDiff& diff = *detail.whatChanged;
        m_changelog->setCommits(diff.commits);
        m_files->setChanges(diff.files);
        m_changelogView->resizeColumnToContents(ChangelogModel::CommitColumn);
        m_changelogView->resizeColumnToContents(ChangelogModel::AuthorColumn);
        m_changedSummary->setText(
            tr("From %1 (the last good deployment) to %2 (blamed): %3, %4 changed, %5 in CI or policy.")
                .arg(m_history.deployments.at(detail.lastGoodIndex).tag,
                     m_history.deployments.at(detail.blamedIndex).tag,
                     countText(diff.commits.size(), tr("commit"), tr("commits")),
                     countText(diff.files.size(), tr("file"), tr("files")),
                     countText(diff.pipelineFiles.size(), tr("file"), tr("files"))));
        m_tabs->setTabText(1, tr("What changed (%1)").arg(diff.commits.size()));
    } else {
        m_changedSummary->setText(detail.blamedIndex < 0
                                      ? tr("No deployment is blamed for this incident, so there is nothing to compare.")
                                      : tr("%1 has no earlier good deployment to compare with.")
                                            .arg(m_history.deployments.at(detail.blamedIndex).tag));
        m_tabs->setTabText(1, tr("What changed"));
    }
    if (detail.fixCommit.isNull()) {
        m_fixSummary->setText(tr("This postmortem is not committed yet, and names no fix commit."));
    } else {
        m_fixSummary->setText((detail.fixIsIncidentCommit ? tr("Incident commit %1 “%2” (no Fix: commit named)")
                                                          : tr("Fix commit %1 “%2”"))
                                  .arg(detail.fixCommit.shortString(), detail.fixSummary.toHtmlEscaped())
                              + (detail.fixPatchTruncated ? tr(" — diff truncated") : QString()));
        m_diff->setPlainText(detail.fixPatch);
    }
    Q_EMIT detailLoaded();
}

} // namespace gatehouse::ui
