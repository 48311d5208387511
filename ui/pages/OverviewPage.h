// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QTreeView;

namespace gatehouse {
class CommitListModel;
}

namespace gatehouse::ui {

class ActivityBars;
class KpiTile;

/// KPI tiles, weekly activity and the recent commits of the loaded revision.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    QList<KpiTile*> tiles() const { return m_tiles; }
    QTreeView* activityView() const { return m_activity; }

private:
    KpiTile* addTile(const QString& caption, const QString& value, const QString& detail, const QString& toolTip = {});

    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_warnings;
    QGridLayout* m_grid;
    QList<KpiTile*> m_tiles;
    ActivityBars* m_bars;
    QLabel* m_barsTitle;
    CommitListModel* m_commits;
    QTreeView* m_activity;
};

} // namespace gatehouse::ui
