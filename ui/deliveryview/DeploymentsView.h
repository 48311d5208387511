// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/DeliveryLoader.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace gatehouse::delivery {
class DeploymentFilterModel;
class DeploymentTableModel;
class IncidentTableModel;
} // namespace gatehouse::delivery

namespace gatehouse::ui {

class DeliveryFilterBar;
class DeploymentDetailPanel;
class DeploymentTimelineChart;
class DoraTiles;
class LoadingStrip;
class StrategyCard;

/// The Deployments page: filters, DORA tiles with bands, the timeline with
/// rollbacks and incidents, a strategy card per environment, the deployment table and the selected deployment's
/// detail. Everything comes from a DeliveryLoader computed in the background; the DORA figures are those of
/// `gatehouse deployments` for the same environment and window.
class DeploymentsView : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentsView(delivery::DeliveryLoader* loader, QWidget* parent = nullptr);

    /// Selects the deployment with this tag (widening the filters if they hide it); false when there is none.
    bool selectDeployment(const QString& tag);
    QString selectedTag() const;
    /// The environment the DORA tiles describe: the filtered one, else production (else the first environment).
    QString doraEnvironment() const;

    DeliveryFilterBar* filters() const { return m_filters; }
    DoraTiles* doraTiles() const { return m_dora; }
    DeploymentTimelineChart* timeline() const { return m_timeline; }
    QTreeView* table() const { return m_table; }
    DeploymentDetailPanel* detail() const { return m_detail; }
    QList<StrategyCard*> strategyCards() const { return m_cards; }
    QLabel* emptyState() const { return m_empty; }
    LoadingStrip* loadingStrip() const { return m_loading; }
    QLabel* summary() const { return m_summary; }
    /// Puts a page action (a button) at the right end of the title row.
    void addTitleAction(QWidget* action);

Q_SIGNALS:
    /// An incident marker of the timeline was clicked (index into the loader's incidents).
    void incidentRequested(int incidentIndex);

private:
    QHBoxLayout* m_titleRow = nullptr;
    void onLoaded(const delivery::DeliveryLoadResult& result);
    void onFailed(const QString& message);
    void applyFilters();
    void showStrategies(const delivery::DeliveryLoadResult& result);
    void onCurrentRowChanged();

    delivery::DeliveryLoader* m_loader;
    QString m_repositoryPath;
    delivery::DeploymentTableModel* m_model;
    delivery::DeploymentFilterModel* m_filter;
    delivery::IncidentTableModel* m_incidents;
    QLabel* m_summary;
    QLabel* m_notes;
    LoadingStrip* m_loading;
    DeliveryFilterBar* m_filters;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    DoraTiles* m_dora;
    DeploymentTimelineChart* m_timeline;
    QWidget* m_strategyPanel;
    QHBoxLayout* m_cardRow;
    QWidget* m_cardScroll = nullptr; ///< the scroll area around the cards
    QLabel* m_noStrategies;
    QList<StrategyCard*> m_cards;
    QTreeView* m_table;
    DeploymentDetailPanel* m_detail;
    QString m_pendingTag; ///< selected before the data arrived, or kept across a reload
};

} // namespace gatehouse::ui
