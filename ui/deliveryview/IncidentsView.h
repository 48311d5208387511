// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/DeliveryLoader.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace gatehouse::delivery {
class IncidentTableModel;
}

namespace gatehouse::ui {

class IncidentDetailPanel;
class LoadingStrip;

/// The Incidents page: the incidents with a search box, and the selected one's postmortem,
/// deployments (a click jumps to the Deployments page), what changed and the fix. Fed by a DeliveryLoader.
class IncidentsView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsView(delivery::DeliveryLoader* loader, QWidget* parent = nullptr);

    QTreeView* table() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }
    /// "Incidents" (what reached users) or "Reverted before release" (reverts of never-deployed commits).
    QComboBox* kindFilter() const { return m_kindFilter; }
    IncidentDetailPanel* detail() const { return m_detail; }
    QLabel* emptyState() const { return m_empty; }
    QLabel* summary() const { return m_summary; }
    LoadingStrip* loadingStrip() const { return m_loading; }
    delivery::IncidentTableModel* model() const { return m_model; }
    /// Selects an incident by its index in the loader's list (clearing a search that hides it).
    bool selectIncident(int incidentIndex);

Q_SIGNALS:
    void deploymentRequested(const QString& tag);

private:
    void onLoaded(const delivery::DeliveryLoadResult& result);
    void onCurrentRowChanged();
    void showSelectedKind();

    delivery::IncidentTableModel* m_model;
    QSortFilterProxyModel* m_searchProxy;
    QLabel* m_summary;
    LoadingStrip* m_loading;
    QLineEdit* m_search;
    QComboBox* m_kindFilter;
    QList<delivery::Incident> m_incidents;
    QList<delivery::Incident> m_unshippedReverts;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QTreeView* m_table;
    IncidentDetailPanel* m_detail;
};

} // namespace gatehouse::ui
