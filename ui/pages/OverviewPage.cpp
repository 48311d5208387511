// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewPage.h"

#include "../Theme.h"
#include "../delegates/BadgeDelegate.h"
#include "../widgets/ActivityBars.h"
#include "../widgets/KpiTile.h"
#include "../widgets/Widgets.h"
#include "repo/CommitListModel.h"
#include "repo/RepoFormat.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
constexpr int kTileColumns = 4;
}

OverviewPage::OverviewPage(QWidget* parent)
    : QWidget(parent)
    , m_title(makeLabel(QStringLiteral("pageTitle"), this))
    , m_subtitle(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_warnings(makeLabel(QStringLiteral("info"), this))
    , m_grid(new QGridLayout)
    , m_bars(new ActivityBars(this))
    , m_barsTitle(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_commits(new CommitListModel(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->hide();
    m_grid->setSpacing(12);
    m_activity = makeTable(m_commits, CommitListModel::SortRole, this, QStringLiteral("activityView"));
    m_activity->header()->setSectionResizeMode(CommitListModel::SummaryColumn, QHeaderView::Stretch);
    m_activity->header()->setStretchLastSection(false);
    m_activity->setMinimumHeight(160);
    m_activity->setItemDelegateForColumn(
        CommitListModel::SummaryColumn,
        new BadgeDelegate(
            [](const QModelIndex& index) -> BadgeDelegate::Badge {
                switch (index.data(CommitListModel::KindRole).value<CommitListModel::Kind>()) {
                case CommitListModel::Kind::Deployment:
                    return {tr("deploy"), BadgeDelegate::kindColor(QStringLiteral("deploy"))};
                case CommitListModel::Kind::Postmortem:
                    return {tr("postmortem"), BadgeDelegate::kindColor(QStringLiteral("postmortem"))};
                case CommitListModel::Kind::Hotfix:
                    return {tr("hotfix"), BadgeDelegate::kindColor(QStringLiteral("hotfix"))};
                case CommitListModel::Kind::Revert:
                    return {tr("revert"), BadgeDelegate::kindColor(QStringLiteral("revert"))};
                case CommitListModel::Kind::Normal:
                case CommitListModel::Kind::Merge:
                    break;
                }
                return {};
            },
            this));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_warnings);
    layout->addSpacing(4);
    layout->addLayout(m_grid);
    layout->addWidget(m_barsTitle);
    layout->addWidget(m_bars);
    layout->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("Recent commits")));
    layout->addWidget(m_activity, 1);
}

KpiTile* OverviewPage::addTile(const QString& caption, const QString& value, const QString& detail,
                               const QString& toolTip)
{
    auto* tile = new KpiTile(caption, this);
    tile->setValue(value, detail, toolTip);
    const int index = int(m_tiles.size());
    m_grid->addWidget(tile, index / kTileColumns, index % kTileColumns);
    m_tiles.append(tile);
    return tile;
}

void OverviewPage::setSnapshot(const RepositorySnapshot& s)
{
    qDeleteAll(m_tiles);
    m_tiles.clear();

    m_title->setText(s.displayName);
    const QString revision = s.workTree ? tr("work tree") : s.revision.isEmpty() ? tr("HEAD") : s.revision;
    m_subtitle->setText(tr("%1  ·  %2 at %3 “%4”, %5")
                            .arg(displayPath(s.path), revision, s.commit.shortString(), s.commitSummary,
                                 format::dateTime(s.commitTime)));
    m_warnings->setText(tr("Loaded with %1: %2")
                            .arg(countText(s.warnings.size(), tr("warning"), tr("warnings")),
                                 s.warnings.mid(0, 3).join(QStringLiteral("; "))));
    m_warnings->setVisible(!s.warnings.isEmpty());

    const QString branch = s.head.detached ? tr("detached") : s.head.branch;
    addTile(tr("Branch"), branch, tr("HEAD %1 · %2").arg(s.head.commit.shortString(), elided(s.commitSummary, 60)),
            s.head.commit.toString());
    addTile(tr("Commits · 12 weeks"), QString::number(s.commitsInLastWeeks(12)),
            tr("%1 in history · %2 branches · %3 tags")
                .arg(s.historyTruncated ? QString(QString::number(s.commitsWalked) + QLatin1Char('+'))
                                        : QString::number(s.commitsWalked))
                .arg(s.branches.size())
                .arg(s.tags.size()));
    addTile(tr("Contributors"), QString::number(s.contributors.size()),
            tr("%1 active in the last 12 weeks").arg(s.contributorsInLastWeeks(12)));

    addTile(tr("Pipeline files"), QString::number(s.pipelineFiles.size()),
            s.pipelineFiles.isEmpty()
                ? tr("no .gitlab-ci.yml or .github/workflows")
                : tr("%1 GitLab CI · %2 GitHub Actions").arg(s.gitLabPipelineFiles()).arg(s.gitHubPipelineFiles()));
    addTile(tr("Scan reports"), QString::number(s.reportFiles.size()),
            tr("%1 commits changed reports · %2 scan notes").arg(s.reportChangingCommits()).arg(s.scanNotes));

    const QList<DeployTag> lastDeploys = s.lastDeploymentPerEnvironment();
    for (const DeployTag& tag : lastDeploys) {
        addTile(tr("Last deploy: %1").arg(tag.environment), format::date(tag.time),
                tr("%1 · %2 · %3%4")
                    .arg(tag.tag, tag.commit.shortString(), tag.tagger, tag.rollback ? tr(" · rollback") : QString()),
                tag.message);
    }
    if (lastDeploys.isEmpty())
        addTile(tr("Deployments"), QStringLiteral("0"), tr("no deploy-*, staging-*, prod-* tags"));
    if (const IncidentCommit* incident = s.lastIncident()) {
        addTile(tr("Last incident"), format::date(incident->time),
                tr("%1 · %2").arg(incidentKindName(incident->kind), elided(incident->summary, 60)),
                incident->incident.isEmpty() ? incident->summary : incident->incident);
    } else {
        addTile(tr("Incidents"), QStringLiteral("0"), tr("no postmortem, hotfix or revert commits"));
    }

    const QList<WeekActivity> recent = s.weeks.mid(qMax<qsizetype>(0, s.weeks.size() - 12));
    m_barsTitle->setText(tr("Commits per week (last 12 weeks up to %1)").arg(format::date(s.commitTime)));
    m_bars->setWeeks(recent);
    m_commits->setSnapshot(s);
    m_activity->resizeColumnToContents(CommitListModel::CommitColumn);
    m_activity->resizeColumnToContents(CommitListModel::AuthorColumn);
    m_activity->resizeColumnToContents(CommitListModel::DateColumn);
}

} // namespace gatehouse::ui
