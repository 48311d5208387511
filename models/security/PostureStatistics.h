// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WeeklySummary.h"

#include <QDateTime>
#include <QList>
#include <QMap>

namespace gatehouse {

/// The series behind the Security page's charts, counted by the weekly summary's rules (summarizeWeek): a finding
/// is open at a time from its current episode's first scan until its fix, unless a triage decision holds then.
/// Pure functions on values, any thread.
class PostureStatistics
{
public:
    /// Days each fix took (opened → fixed), per severity, over the fixes up to `until`.
    static QMap<Severity, QList<double>> fixDurations(const Posture& posture, const QDateTime& until);
    /// The median of `values` (0 when empty).
    static double median(QList<double> values);
    /// Findings open at `time`, per tool and severity.
    static QMap<QString, QMap<Severity, int>> openByTool(const Posture& posture, const QDateTime& time);
    /// Every ISO week from the first scan's to the week of the posture's `now` (at most the newest `maxWeeks`),
    /// oldest first: the weekly summary's trend over the whole history.
    static QList<WeekTrendPoint> weeklyTrend(const Posture& posture, int maxWeeks = 520);
};

} // namespace gatehouse
