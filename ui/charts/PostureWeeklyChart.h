// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartView.h"
#include "security/WeeklySummary.h"

class QBarSet;

namespace gatehouse::ui {

/// New against fixed findings per ISO week (bars). Hovering a bar shows the week's counts; clicking one selects
/// that week (weekActivated). The selected week is highlighted; setVisibleWeeks() shows only the newest weeks.
class PostureWeeklyChart : public ChartView
{
    Q_OBJECT
public:
    explicit PostureWeeklyChart(QWidget* parent = nullptr);

    void setWeeks(const QList<WeeklySummary>& weeks);
    void setSelectedWeek(const IsoWeek& week);
    /// Only the newest `count` weeks (0: all).
    void setVisibleWeeks(int count);
    int visibleWeeks() const;
    QStringList categories() const; ///< the week labels shown
    QString weekText(int index) const;
    void activate(int index);

Q_SIGNALS:
    void weekActivated(const gatehouse::IsoWeek& week);

protected:
    void rebuild() override;

private:
    QList<WeeklySummary> m_weeks;
    IsoWeek m_selected;
    int m_visible = 0;
    QBarSet* m_new = nullptr;
    QBarSet* m_fixed = nullptr;
};

} // namespace gatehouse::ui
