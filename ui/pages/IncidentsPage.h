// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTreeView;

namespace gatehouse {
class IncidentListModel;
}

namespace gatehouse::ui {

/// Postmortem, hotfix and revert commits with their Incident / Root cause / Fix lines.
class IncidentsPage : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    QTreeView* incidentView() const { return m_table; }
    QTextBrowser* details() const { return m_details; }

private:
    void showIncident(int sourceRow);

    IncidentListModel* m_model;
    QTreeView* m_table;
    QTextBrowser* m_details;
    QLabel* m_summary;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QList<IncidentCommit> m_incidents;
};

} // namespace gatehouse::ui
