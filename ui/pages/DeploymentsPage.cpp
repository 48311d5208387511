// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentsPage.h"

#include "../delegates/BadgeDelegate.h"
#include "../widgets/KpiTile.h"
#include "../widgets/Widgets.h"
#include "repo/DeploymentListModel.h"
#include "repo/RepoFormat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

DeploymentsPage::DeploymentsPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new DeploymentListModel(this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_empty(makeEmptyState(this, QStringLiteral("deploymentsEmpty")))
    , m_stack(new QStackedWidget(this))
    , m_tileRow(new QHBoxLayout)
{
    setObjectName(QStringLiteral("deploymentsPage"));
    m_summary->setWordWrap(true);
    m_table = makeTable(m_model, DeploymentListModel::SortRole, this, QStringLiteral("deployments"));
    m_table->setItemDelegateForColumn(
        DeploymentListModel::EnvironmentColumn,
        new BadgeDelegate(
            [](const QModelIndex& index) -> BadgeDelegate::Badge {
                const QString environment = index.data(DeploymentListModel::EnvironmentRole).toString();
                return {index.data().toString(), BadgeDelegate::environmentColor(environment), true};
            },
            this));
    m_tileRow->setSpacing(12);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(10);
    contentLayout->addLayout(m_tileRow);
    contentLayout->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("All deployments")));
    contentLayout->addWidget(m_table, 1);
    m_stack->addWidget(content);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Deployments")));
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
}

void DeploymentsPage::setSnapshot(const RepositorySnapshot& s)
{
    m_model->setSnapshot(s);
    qDeleteAll(m_tiles);
    m_tiles.clear();
    const QList<DeployTag> last = s.lastDeploymentPerEnvironment();
    const auto counts = s.deploymentCounts();
    for (const DeployTag& tag : last) {
        const int count = counts.value(tag.environment).deployments;
        const int rollbacks = counts.value(tag.environment).rollbacks;
        auto* tile = new KpiTile(
            tag.environment + QStringLiteral(" · ") + countText(count, tr("deployment"), tr("deployments")), this);
        tile->setValue(
            format::dateTime(tag.time),
            tr("last: %1 at %2 by %3%4")
                .arg(tag.tag, tag.commit.shortString(), tag.tagger,
                     rollbacks ? QString(QStringLiteral(" · ") + countText(rollbacks, tr("rollback"), tr("rollbacks")))
                               : QString()),
            tag.message);
        m_tileRow->addWidget(tile);
        m_tiles.append(tile);
    }
    m_summary->setText(tr("%1 for %2. Tags named deploy-*, staging-*, prod-*, "
                          "production-*, or annotated with a message like “Production deployment”.")
                           .arg(countText(s.deployTags.size(), tr("deploy tag"), tr("deploy tags")),
                                countText(counts.size(), tr("environment"), tr("environments"))));
    m_empty->setText(tr("<b>No deployment tags in this repository.</b><br><br>Gatehouse reads deployments from tags "
                        "named <tt>deploy-*</tt>, <tt>staging-*</tt>, <tt>prod-*</tt> or <tt>production-*</tt>, and "
                        "from annotated tags whose message reads “&lt;Environment&gt; deployment”.<br>Have your "
                        "deploy job run e.g. <tt>git tag -a deploy-$CI_COMMIT_SHORT_SHA -m \"Production "
                        "deployment\"</tt> and push the tag."));
    m_stack->setCurrentIndex(s.deployTags.isEmpty() ? 1 : 0);
    for (int column = 0; column < DeploymentListModel::MessageColumn; ++column)
        m_table->resizeColumnToContents(column);
}

} // namespace gatehouse::ui
