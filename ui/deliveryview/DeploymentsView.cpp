// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentsView.h"

#include "DeliveryFilterBar.h"
#include "DeploymentDetailPanel.h"
#include "DoraTiles.h"
#include "LoadingStrip.h"
#include "StrategyCard.h"
#include "TimeDelegate.h"
#include "charts/DeploymentTimelineChart.h"
#include "delegates/BadgeDelegate.h"
#include "delivery/DeploymentFilterModel.h"
#include "delivery/DeploymentTableModel.h"
#include "delivery/DoraMetrics.h"
#include "delivery/IncidentTableModel.h"
#include "widgets/Widgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using namespace gatehouse::delivery;

namespace {

QColor statusColor(DeploymentTableModel::DeploymentStatus status)
{
    switch (status) {
    case DeploymentTableModel::DeploymentStatus::Ok:
        return QColor(0x1f, 0x8a, 0x5b);
    case DeploymentTableModel::DeploymentStatus::Redeploy:
        return QColor(0x6b, 0x77, 0x89);
    case DeploymentTableModel::DeploymentStatus::Rollback:
        return QColor(0xc7, 0x7c, 0x0e);
    case DeploymentTableModel::DeploymentStatus::Failed:
        return QColor(0xc2, 0x3b, 0x3b);
    }
    return {};
}

} // namespace

void DeploymentsView::addTitleAction(QWidget* action)
{
    m_titleRow->addWidget(action, 0, Qt::AlignVCenter);
}

DeploymentsView::DeploymentsView(DeliveryLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_model(new DeploymentTableModel(this))
    , m_filter(new DeploymentFilterModel(this))
    , m_incidents(new IncidentTableModel(this))
    , m_summary(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_notes(makeLabel(QStringLiteral("info"), this))
    , m_loading(new LoadingStrip(loader, tr("deployments"), this))
    , m_filters(new DeliveryFilterBar(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(makeEmptyState(this, QStringLiteral("deploymentsEmpty")))
    , m_dora(new DoraTiles(this))
    , m_timeline(new DeploymentTimelineChart(this))
    , m_strategyPanel(new QWidget(this))
    , m_cardRow(new QHBoxLayout)
    , m_noStrategies(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_detail(new DeploymentDetailPanel(this))
{
    setObjectName(QStringLiteral("deploymentsView"));
    m_summary->setWordWrap(true);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->hide();
    m_filter->setSourceModel(m_model);
    m_table = makeTable(m_filter, DeploymentTableModel::SortRole, this, QStringLiteral("deployments"));
    // makeTable() wraps the filter in its own sorting proxy; the filter stays the single source of rows.
    m_table->setItemDelegateForColumn(
        DeploymentTableModel::EnvironmentColumn,
        new BadgeDelegate(
            [](const QModelIndex& index) -> BadgeDelegate::Badge {
                const QString environment = index.data(DeploymentTableModel::EnvironmentRole).toString();
                return {index.data().toString(), BadgeDelegate::environmentColor(environment), true};
            },
            this));
    m_table->setItemDelegateForColumn(
        DeploymentTableModel::StatusColumn,
        new BadgeDelegate(
            [](const QModelIndex& index) -> BadgeDelegate::Badge {
                const auto status
                    = index.data(DeploymentTableModel::StatusRole).value<DeploymentTableModel::DeploymentStatus>();
                return {index.data().toString(), statusColor(status), true};
            },
            this));
    m_table->setItemDelegateForColumn(DeploymentTableModel::TimeColumn, new TimeDelegate(this));
    m_table->sortByColumn(DeploymentTableModel::TimeColumn, Qt::DescendingOrder); // newest first
    m_timeline->setModels(m_filter, m_incidents);

    m_noStrategies->setWordWrap(true);
    m_cardRow->setSpacing(10);
    auto* strategyLayout = new QVBoxLayout(m_strategyPanel);
    strategyLayout->setContentsMargins(0, 0, 0, 0);
    strategyLayout->setSpacing(4);
    strategyLayout->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("Rollout strategies")));
    // Cards keep a readable width and their full height: with many environments the row scrolls instead of
    // squeezing the cards until their text overlaps.
    auto* cardHolder = new QWidget(m_strategyPanel);
    cardHolder->setObjectName(QStringLiteral("strategyCards"));
    m_cardRow->setContentsMargins(0, 0, 0, 0);
    cardHolder->setLayout(m_cardRow);
    auto* cardScroll = new QScrollArea(m_strategyPanel);
    m_cardScroll = cardScroll;
    cardScroll->setFrameShape(QFrame::NoFrame);
    cardScroll->setWidgetResizable(true);
    cardScroll->setWidget(cardHolder);
    cardScroll->viewport()->setAutoFillBackground(false);
    cardHolder->setAutoFillBackground(false);
    strategyLayout->addWidget(cardScroll, 1);
    m_strategyPanel->setMinimumWidth(2 * 190 + 30); // two cards side by side at least
    strategyLayout->addWidget(m_noStrategies);

    auto* timelineBox = new QWidget(this);
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(4);
    timelineLayout->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("Timeline")));
    timelineLayout->addWidget(m_timeline, 1);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(timelineBox);
    top->addWidget(m_strategyPanel);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    top->setSizes({540, 640});

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_table);
    bottom->addWidget(m_detail);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setChildrenCollapsible(false);
    bottom->setSizes({680, 500});
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({330, 360}); // a strategy card's gates, rollback and sources without scrolling

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(10);
    contentLayout->addWidget(m_dora);
    contentLayout->addWidget(split, 1);
    m_stack->addWidget(content);
    m_stack->addWidget(m_empty);
    m_empty->setText(tr("Open a repository to see its deployments."));
    m_stack->setCurrentWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(8);
    m_titleRow = new QHBoxLayout;
    m_titleRow->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Deployments")));
    m_titleRow->addStretch(1);
    layout->addLayout(m_titleRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_notes);
    layout->addWidget(m_loading);
    layout->addWidget(m_filters);
    layout->addWidget(m_stack, 1);

    connect(m_filters, &DeliveryFilterBar::changed, this, &DeploymentsView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeploymentsView::onCurrentRowChanged);
    connect(m_timeline, &DeploymentTimelineChart::deploymentClicked, this,
            [this](const QString& tag) { selectDeployment(tag); });
    connect(m_timeline, &DeploymentTimelineChart::incidentClicked, this, [this](int row) {
        Q_EMIT incidentRequested(m_incidents->index(row, 0).data(IncidentTableModel::IncidentIndexRole).toInt());
    });
    connect(loader, &DeliveryLoader::loadCancelled, this, [this] {
        if (m_model->history().deployments.isEmpty())
            m_empty->setText(tr("<b>Reading the deployments was cancelled.</b><br><br>Use File ▸ Reload (F5) to "
                                "read them again."));
    });
    connect(loader, &DeliveryLoader::loadFinished, this, &DeploymentsView::onLoaded);
    connect(loader, &DeliveryLoader::loadFailed, this, &DeploymentsView::onFailed);
    connect(loader, &DeliveryLoader::cleared, this, [this] {
        onLoaded(DeliveryLoadResult{});
        m_empty->setText(tr("Open a repository to see its deployments."));
    });
    if (loader->hasResult())
        onLoaded(loader->result());
}

QString DeploymentsView::selectedTag() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.siblingAtColumn(DeploymentTableModel::TagColumn).data().toString() : QString();
}

QString DeploymentsView::doraEnvironment() const
{
    const QString chosen = m_filters->environment();
    if (!chosen.isEmpty())
        return chosen;
    const QStringList& environments = m_model->history().environments;
    if (environments.isEmpty() || environments.contains(QStringLiteral("production")))
        return QStringLiteral("production");
    return environments.constFirst();
}

void DeploymentsView::onLoaded(const DeliveryLoadResult& result)
{
    if (m_pendingTag.isEmpty())
        m_pendingTag = selectedTag();
    const bool sameRepository = result.repositoryPath == m_repositoryPath;
    m_repositoryPath = result.repositoryPath;
    const DeploymentHistory& history = result.delivery.history;
    m_model->setSnapshot(history);
    m_incidents->setSnapshot(result.delivery.incidents);
    m_detail->setHistory(result.repositoryPath, history);
    const QDate first = history.deployments.isEmpty() ? QDate() : history.deployments.constFirst().time.date();
    const QDate last = history.deployments.isEmpty() ? QDate() : history.deployments.constLast().time.date();
    m_filters->setRange(history.environments, first, last); // applies the filters
    showStrategies(result);

    QStringList perEnvironment;
    for (const QString& environment : history.environments)
        perEnvironment.append(QStringLiteral("%1 %2").arg(history.indexesOf(environment).size()).arg(environment));
    m_summary->setText(history.deployments.isEmpty()
                           ? QString()
                           : tr("%1 read from tags (%2) and %3. Select a deployment to see what it shipped.")
                                 .arg(countText(history.deployments.size(), tr("deployment"), tr("deployments")),
                                      perEnvironment.join(QStringLiteral(", ")),
                                      countText(result.delivery.incidents.size(), tr("incident"), tr("incidents"))));
    QStringList notes = history.notes;
    for (const RuleDiagnostic& d : result.delivery.configDiagnostics)
        notes.append(
            tr(".gatehouse/config.yml:%1:%2: %3 (default rules used)").arg(d.line).arg(d.column).arg(d.message));
    m_notes->setText(notes.mid(0, 4).join(QLatin1Char('\n'))
                     + (notes.size() > 4 ? tr("\n… and %1 more").arg(notes.size() - 4) : QString()));
    m_notes->setVisible(!notes.isEmpty());

    m_empty->setText(
        tr("<b>No deployment tags in this repository.</b><br><br>Gatehouse reads deployments from tags: "
           "<tt>deploy-*</tt>, <tt>deploy/*</tt>, <tt>production-*</tt> and <tt>prod-*</tt> go to production, "
           "<tt>staging-*</tt>, <tt>stage-*</tt> and <tt>deploy/staging/*</tt> to staging, and an annotated tag "
           "whose message starts with “&lt;Environment&gt; deployment” to that environment.<br><br>"
           "Have your deploy job tag what it shipped, e.g.<br><tt>git tag -a deploy-$(date +%Y%m%d-%H%M) -m "
           "\"Production deployment\" &amp;&amp; git push --tags</tt><br>or map your own tag names to environments "
           "in <tt>.gatehouse/config.yml</tt>."));
    m_stack->setCurrentIndex(history.deployments.isEmpty() ? 1 : 0);
    for (int column : {int(DeploymentTableModel::TagColumn), int(DeploymentTableModel::EnvironmentColumn),
                       int(DeploymentTableModel::CommitColumn), int(DeploymentTableModel::TimeColumn),
                       int(DeploymentTableModel::DeployerColumn), int(DeploymentTableModel::ChangesColumn),
                       int(DeploymentTableModel::LeadTimeColumn)})
        m_table->resizeColumnToContents(column);

    const QString tag = sameRepository ? m_pendingTag : QString();
    m_pendingTag.clear();
    if (tag.isEmpty() || !selectDeployment(tag)) {
        // Start on the newest deployment (the table's first row), so the detail is never blank.
        if (m_table->model()->rowCount() > 0)
            m_table->setCurrentIndex(m_table->model()->index(0, 0));
    }
}

void DeploymentsView::onFailed(const QString& message)
{
    if (!m_model->history().deployments.isEmpty())
        return; // keep showing the last good result; the window's banner tells about the failure
    m_empty->setText(tr("<b>Could not read the deployments.</b><br><br>%1").arg(message.toHtmlEscaped()));
    m_stack->setCurrentWidget(m_empty);
}

void DeploymentsView::applyFilters()
{
    m_filter->setEnvironment(m_filters->environment());
    m_filter->setWindow(m_filters->since(), m_filters->until());
    m_dora->setSummary(
        DoraMetrics::compute(m_model->history(), doraEnvironment(), m_filters->since(), m_filters->until()));
    m_timeline->setSelectedTag(selectedTag());
}

void DeploymentsView::showStrategies(const DeliveryLoadResult& result)
{
    qDeleteAll(m_cards);
    m_cards.clear();
    QList<EnvironmentStrategy> strategies = result.strategies.environments;
    std::stable_sort(
        strategies.begin(), strategies.end(), [](const EnvironmentStrategy& a, const EnvironmentStrategy& b) {
            return (a.environment == QLatin1String("production")) > (b.environment == QLatin1String("production"));
        });
    for (const EnvironmentStrategy& strategy : std::as_const(strategies)) {
        auto* card = new StrategyCard(m_strategyPanel);
        card->setStrategy(strategy);
        m_cardRow->addWidget(card, 1);
        m_cards.append(card);
    }
    if (!result.strategyError.isEmpty())
        m_noStrategies->setText(tr("Could not read the rollout strategies: %1").arg(result.strategyError));
    else
        m_noStrategies->setText(
            tr("No rollout strategy found. Add a Flagger <tt>Canary</tt> or an Argo <tt>Rollout</tt> manifest, a "
               "Deployment with a <tt>strategy</tt>, or a pipeline job that deploys to an environment."));
    m_noStrategies->setVisible(m_cards.isEmpty());
    // Tall enough for the tallest card at its narrowest: the page scrolls rather than the cards' text.
    int height = 0;
    for (StrategyCard* card : std::as_const(m_cards))
        height = qMax(height,
                      card->layout()->hasHeightForWidth() ? card->layout()->totalHeightForWidth(220)
                                                          : card->sizeHint().height());
    m_cardScroll->setMinimumHeight(
        m_cards.isEmpty() ? 0 : height + m_cardScroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
}

bool DeploymentsView::selectDeployment(const QString& tag)
{
    if (m_model->history().indexOfTag(tag) < 0) {
        m_pendingTag = m_loader->isLoading() ? tag : QString();
        return false;
    }
    auto findRow = [this, &tag]() {
        const QAbstractItemModel* view = m_table->model();
        for (int row = 0; row < view->rowCount(); ++row) {
            if (view->index(row, DeploymentTableModel::TagColumn).data().toString() == tag)
                return row;
        }
        return -1;
    };
    int row = findRow();
    if (row < 0) {
        // Hidden by the filters: widen them rather than refuse the jump.
        m_filters->setEnvironment(QString());
        m_filters->resetWindow();
        row = findRow();
    }
    if (row < 0)
        return false;
    const QModelIndex index = m_table->model()->index(row, 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void DeploymentsView::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    const int index = current.isValid() ? current.data(DeploymentTableModel::DeploymentIndexRole).toInt() : -1;
    if (index != m_detail->currentIndex() || m_detail->baseIndex() >= 0 || !current.isValid())
        m_detail->showDeployment(index);
    m_timeline->setSelectedTag(selectedTag());
}

} // namespace gatehouse::ui
