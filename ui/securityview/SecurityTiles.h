// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/WeeklySummary.h"

#include <QWidget>

namespace gatehouse::ui {

class KpiTile;

/// The weekly review's tiles: open critical and high, new and fixed this week, overdue, median time to fix per
/// severity and scan coverage. Every number comes from a WeeklySummary; a click on a tile asks for its findings.
class SecurityTiles : public QWidget
{
    Q_OBJECT
public:
    enum Tile
    {
        OpenCritical,
        OpenHigh,
        NewThisWeek,
        FixedThisWeek,
        Overdue,
        TimeToFix,
        Coverage,
        TileCount
    };
    Q_ENUM(Tile)

    explicit SecurityTiles(QWidget* parent = nullptr);

    void setSummary(const WeeklySummary& summary, const QMap<Severity, std::optional<int>>& slaDays);
    KpiTile* tile(Tile tile) const { return m_tiles.at(tile); }

Q_SIGNALS:
    void tileActivated(gatehouse::ui::SecurityTiles::Tile tile);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QList<KpiTile*> m_tiles;
};

} // namespace gatehouse::ui
