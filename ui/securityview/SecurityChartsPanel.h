// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/WeeklySummary.h"

#include <QWidget>

class QComboBox;

namespace gatehouse::ui {

class PostureWeeklyChart;
class SecurityFixTimeChart;
class SecurityToolChart;
class SecurityTrendChart;

/// The Security page's four charts (open by severity over time, new against fixed per week, time to fix, findings
/// per tool) with one range selector for the time-based ones.
class SecurityChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SecurityChartsPanel(QWidget* parent = nullptr);

    void setPosture(const Posture& posture, const QList<WeekTrendPoint>& weeks);
    /// The week under review: fix times and open-per-tool are evaluated at its end.
    void setWeek(const WeeklySummary& week);
    /// 0 = all, else the newest `weeks` weeks.
    void setRangeWeeks(int weeks);

    SecurityTrendChart* trendChart() const { return m_trend; }
    PostureWeeklyChart* weeklyChart() const { return m_weekly; }
    SecurityFixTimeChart* fixTimeChart() const { return m_fixTime; }
    SecurityToolChart* toolChart() const { return m_tools; }
    QComboBox* rangeSelector() const { return m_range; }

Q_SIGNALS:
    void scanActivated(const QString& commit);
    void weekActivated(const gatehouse::IsoWeek& week);
    void toolActivated(const QString& tool);

private:
    void applyRange();

    QComboBox* m_range;
    SecurityTrendChart* m_trend;
    PostureWeeklyChart* m_weekly;
    SecurityFixTimeChart* m_fixTime;
    SecurityToolChart* m_tools;
    Posture m_posture;
};

} // namespace gatehouse::ui
