// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentDetailPanel.h"

#include "StrategyCard.h"
#include "delivery/ChangelogModel.h"
#include "delivery/FileChangeModel.h"
#include "widgets/Widgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using namespace gatehouse::delivery;

namespace {

QString describe(const Deployment& d)
{
    return QStringLiteral("%1 · %2 · %3")
        .arg(d.tag, d.environment, d.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace

DeploymentDetailPanel::DeploymentDetailPanel(QWidget* parent)
    : QWidget(parent)
    , m_headline(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_status(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_baseSelector(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(makeEmptyState(this, QStringLiteral("deploymentDetailEmpty")))
    , m_tabs(new QTabWidget(this))
    , m_changelog(new ChangelogModel(this))
    , m_files(new FileChangeModel(this))
    , m_gates(new QTextBrowser(this))
    , m_strategy(new StrategyCard(this))
    , m_noStrategy(makeLabel(QStringLiteral("pageSubtitle"), this))
{
    setObjectName(QStringLiteral("deploymentDetail"));
    m_headline->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_baseSelector->setObjectName(QStringLiteral("compareWith"));
    m_baseSelector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_baseSelector->setMinimumContentsLength(12);
    m_changelogView = makeTable(m_changelog, ChangelogModel::SortRole, this, QStringLiteral("changelogView"));
    m_changelogView->header()->setStretchLastSection(false);
    m_changelogView->header()->setSectionResizeMode(ChangelogModel::SummaryColumn, QHeaderView::Stretch);
    m_fileView = makeTable(m_files, FileChangeModel::SortRole, this, QStringLiteral("fileView"));
    m_fileView->header()->setStretchLastSection(false);
    m_fileView->header()->setSectionResizeMode(FileChangeModel::PathColumn, QHeaderView::Stretch);
    m_gates->setObjectName(QStringLiteral("details"));
    m_gates->setOpenLinks(false);
    m_noStrategy->setWordWrap(true);
    auto* strategyPage = new QWidget(this);
    auto* strategyLayout = new QVBoxLayout(strategyPage);
    strategyLayout->addWidget(m_strategy);
    strategyLayout->addWidget(m_noStrategy);
    strategyLayout->addStretch(1);
    m_tabs->setObjectName(QStringLiteral("deploymentTabs"));
    m_tabs->addTab(m_changelogView, tr("Changelog"));
    m_tabs->addTab(m_fileView, tr("Files"));
    m_tabs->addTab(m_gates, tr("Pipeline && gates"));
    m_tabs->addTab(strategyPage, tr("Strategy"));
    m_placeholder->setText(tr("Select a deployment to see what it shipped."));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);

    auto* compareRow = new QHBoxLayout;
    compareRow->setSpacing(8);
    compareRow->addWidget(new QLabel(tr("Compare with"), this));
    compareRow->addWidget(m_baseSelector, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_headline);
    layout->addLayout(compareRow);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);

    connect(m_baseSelector, &QComboBox::activated, this, [this](int item) {
        if (m_index >= 0)
            compare(m_baseSelector->itemData(item).toInt(), m_index);
    });
    showDeployment(-1);
}

QString DeploymentDetailPanel::headline() const
{
    return m_headline->text();
}

void DeploymentDetailPanel::setHistory(const QString& repositoryPath, const DeploymentHistory& history)
{
    m_jobs.cancel();
    m_repositoryPath = repositoryPath;
    m_history = history;
    showDeployment(-1);
}

void DeploymentDetailPanel::showDeployment(int index)
{
    compare(-1, index);
}

void DeploymentDetailPanel::compare(int baseIndex, int index)
{
    const bool valid = index >= 0 && index < m_history.deployments.size();
    m_index = valid ? index : -1;
    m_base = valid && baseIndex >= 0 && baseIndex < m_history.deployments.size() && baseIndex != index ? baseIndex : -1;
    m_detail.reset();
    m_changelog->setCommits({});
    m_files->setChanges({});
    m_gates->clear();
    fillBaseSelector();
    m_baseSelector->setEnabled(valid);
    if (!valid) {
        m_jobs.cancel();
        m_startWhenShown = false;
        m_headline->setText(tr("Deployment"));
        m_status->clear();
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    const Deployment& d = m_history.deployments.at(m_index);
    m_headline->setText(tr("%1 → %2 at %3").arg(d.tag, d.environment, d.commit.shortString()));
    m_stack->setCurrentWidget(m_tabs);
    // A page not shown yet (its first row selected on load) compares when it is: a first open has history-wide
    // work to do on every core meanwhile.
    m_startWhenShown = !isVisible();
    if (m_startWhenShown) {
        m_jobs.cancel();
        m_status->setText(tr("Comparing when shown…"));
    } else {
        start();
    }
}

void DeploymentDetailPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_startWhenShown && m_index >= 0) {
        m_startWhenShown = false;
        start();
    }
}

void DeploymentDetailPanel::fillBaseSelector()
{
    QSignalBlocker blocker(m_baseSelector);
    m_baseSelector->clear();
    if (m_index < 0)
        return;
    const Deployment& d = m_history.deployments.at(m_index);
    m_baseSelector->addItem(d.previous ? tr("Previous deployment (%1)").arg(m_history.deployments.at(*d.previous).tag)
                                       : tr("Previous deployment (none: first of %1)").arg(d.environment),
                            -1);
    for (int i = int(m_history.deployments.size()) - 1; i >= 0; --i) {
        if (i != m_index)
            m_baseSelector->addItem(describe(m_history.deployments.at(i)), i);
    }
    m_baseSelector->setCurrentIndex(qMax(0, m_baseSelector->findData(m_base)));
}

void DeploymentDetailPanel::start()
{
    const Deployment& d = m_history.deployments.at(m_index);
    const int base = m_base >= 0 ? m_base : d.previous.value_or(-1);
    const git::ObjectId from = base >= 0 ? m_history.deployments.at(base).commit : git::ObjectId();
    const git::ObjectId to = d.commit;
    const QString path = m_repositoryPath;
    const QString environment = d.environment;
    m_status->setText(base >= 0 ? tr("Comparing with %1…").arg(m_history.deployments.at(base).tag)
                                : tr("Reading the first deployment of %1…").arg(environment));
    m_jobs.start(
        [path, from, to, environment](ProgressSink& sink) {
            return DeliveryInspector::inspectDeployment(path, from, to, environment, &sink);
        },
        [this](Result<DeploymentDetail> result) {
            if (!result.ok()) {
                m_status->setText(tr("Could not compare: %1").arg(result.error().message));
                return;
            }
            apply(result.value());
        });
}

void DeploymentDetailPanel::apply(const DeploymentDetail& detail)
{
    m_detail = detail;
    const Deployment& d = m_history.deployments.at(m_index);
    const int base = m_base >= 0 ? m_base : d.previous.value_or(-1);
    if (base < 0) {
        m_status->setText(tr("First deployment of %1: no earlier deployment to compare with.").arg(d.environment));
    } else {
        const QString baseTag = m_history.deployments.at(base).tag;
        m_status->setText(detail.diff.backwards
                              ? tr("%1 takes back %2 since %3 (a rollback), %4 changed.")
                                    .arg(d.tag, countText(detail.diff.commits.size(), tr("commit"), tr("commits")),
                                         baseTag, countText(detail.diff.files.size(), tr("file"), tr("files")))
                              : tr("%1 since %2, %3 changed, %4 in CI or policy.")
                                    .arg(countText(detail.diff.commits.size(), tr("commit"), tr("commits")), baseTag,
                                         countText(detail.diff.files.size(), tr("file"), tr("files")),
                                         countText(detail.diff.pipelineFiles.size(), tr("file"), tr("files"))));
    }
    m_changelog->setCommits(detail.diff.commits);
    m_files->setChanges(detail.diff.files);
    for (int column : {int(ChangelogModel::CommitColumn), int(ChangelogModel::AuthorColumn)})
        m_changelogView->resizeColumnToContents(column);
    m_fileView->resizeColumnToContents(FileChangeModel::StatusColumn);
    m_tabs->setTabText(0, tr("Changelog (%1)").arg(detail.diff.commits.size()));
    m_tabs->setTabText(1, tr("Files (%1)").arg(detail.diff.files.size()));
    m_tabs->setTabText(2,
                       detail.gateChanges.isEmpty() ? tr("Pipeline && gates")
                                                    : tr("Pipeline && gates (%1)").arg(detail.gateChanges.size()));
    m_gates->setHtml(gatesHtml(detail));
    if (detail.strategy) {
        m_strategy->setStrategy(*detail.strategy, tr(" at %1").arg(d.commit.shortString()));
        m_strategy->show();
        m_noStrategy->setText(
            tr("The strategy in force for %1 at %2 (%3).").arg(d.environment, d.commit.shortString(), d.tag));
    } else {
        m_strategy->hide();
        m_noStrategy->setText(
            tr("No rollout strategy for %1 at %2: no Flagger Canary, Argo Rollout, Deployment or "
               "deploy job names this environment.%3")
                .arg(d.environment, d.commit.shortString(),
                     detail.notes.isEmpty() ? QString() : QLatin1Char(' ') + detail.notes.join(u' ')));
    }
    Q_EMIT detailLoaded();
}

QString DeploymentDetailPanel::gatesHtml(const DeploymentDetail& detail) const
{
    QString html;
    if (detail.from.isNull()) {
        html += tr("<p>No baseline: this is the first deployment of its environment. At this commit, %1 across %2.</p>")
                    .arg(countText(detail.gatesFailingAfter, tr("gate fails"), tr("gates fail")),
                         countText(detail.pipelineFiles.size(), tr("pipeline"), tr("pipelines")));
        return html;
    }
    html += tr("<h4>Gates</h4>");
    if (detail.gateChanges.isEmpty()) {
        html += tr("<p>No gate changed state (%1 failing on both sides, over %2).</p>")
                    .arg(detail.gatesFailingAfter)
                    .arg(countText(detail.pipelineFiles.size(), tr("pipeline"), tr("pipelines")));
    } else {
        html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
        for (const GateChange& change : detail.gateChanges) {
            const bool worse = change.after == GateChange::State::Fail;
            const bool better = change.before == GateChange::State::Fail && !worse;
            const QString color = worse ? QStringLiteral("#c23b3b") : better ? QStringLiteral("#1f8a5b") : QString();
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td style='color:%3'>%4 → %5</td>"
                                   "<td><i>%6</i></td></tr>")
                        .arg((change.title.isEmpty() ? change.gate : change.title).toHtmlEscaped(),
                             change.file.toHtmlEscaped(), color, gateStateName(change.before),
                             gateStateName(change.after), change.evidence.toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
        html += tr("<p>Failing gates: %1 before, %2 after.</p>")
                    .arg(detail.gatesFailingBefore)
                    .arg(detail.gatesFailingAfter);
    }
    html += tr("<h4>Pipeline and policy files changed</h4>");
    if (detail.diff.pipelineFiles.isEmpty()) {
        html += tr("<p>None: the CI configuration and .gatehouse/ are the same on both sides.</p>");
    } else {
        html += QStringLiteral("<ul>");
        for (const git::FileChange& change : detail.diff.pipelineFiles)
            html += QStringLiteral("<li><tt>%1</tt> — %2, +%3 −%4</li>")
                        .arg((change.newPath.isEmpty() ? change.oldPath : change.newPath).toHtmlEscaped(),
                             FileChangeModel::statusName(change.status))
                        .arg(change.additions)
                        .arg(change.deletions);
        html += QStringLiteral("</ul>");
    }
    return html;
}

} // namespace gatehouse::ui
