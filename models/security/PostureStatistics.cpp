// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostureStatistics.h"
#include "common/Statistics.h"

#include <algorithm>

namespace gatehouse {

QMap<Severity, QList<double>> PostureStatistics::fixDurations(const Posture& posture, const QDateTime& until)
{
    QMap<Severity, QList<double>> durations;
    for (const FindingLifecycle& f : posture.findings) {
        if (f.fixed.isValid() && f.fixed.time <= until && f.opened.time <= until)
            durations[f.finding.severity] << double(f.opened.time.secsTo(f.fixed.time)) / 86400.0;
    }
    return durations;
}

double PostureStatistics::median(QList<double> values)
{
    return statistics::median(std::move(values)).value_or(0);
}

QMap<QString, QMap<Severity, int>> PostureStatistics::openByTool(const Posture& posture, const QDateTime& time)
{
    QMap<QString, QMap<Severity, int>> counts;
    for (const FindingLifecycle& f : posture.findings) {
        if (f.opened.time > time || (f.fixed.isValid() && f.fixed.time <= time))
            continue;
        if (f.triage && f.triage->activeAt(time))
            continue;
        ++counts[f.finding.tool][f.finding.severity];
    }
    return counts;
}

QList<WeekTrendPoint> PostureStatistics::weeklyTrend(const Posture& posture, int maxWeeks)
{
    if (posture.scans.isEmpty() || !posture.now.isValid())
        return {};
    const IsoWeek last = IsoWeek::containing(posture.now);
    const IsoWeek first = IsoWeek::containing(posture.scans.constFirst().time);
    const qint64 span = first.monday().daysTo(last.monday()) / 7 + 1;
    if (span < 1)
        return {};
    const int weeks = int(std::min<qint64>(span, std::max(1, maxWeeks)));
    return summarizeWeek(posture, last.year, last.week, weeks).trend;
}

} // namespace gatehouse
