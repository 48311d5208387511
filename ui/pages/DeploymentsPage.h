// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace gatehouse {
class DeploymentListModel;
}

namespace gatehouse::ui {

class KpiTile;

/// Deploy-looking tags: the newest per environment, then all of them with commit, time, tagger and message.
class DeploymentsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentsPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    QTreeView* deploymentView() const { return m_table; }
    QList<KpiTile*> tiles() const { return m_tiles; }

private:
    DeploymentListModel* m_model;
    QTreeView* m_table;
    QLabel* m_summary;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QHBoxLayout* m_tileRow;
    QList<KpiTile*> m_tiles;
};

} // namespace gatehouse::ui
