// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Posture.h"
#include "WeeklySummary.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace gatehouse {

/// A finding as the weekly summary lists it, evaluated at the summary's `asOf` time.
struct WeeklyFinding
{
    Finding finding;
    ScanPoint firstSeen;
    ScanPoint opened; ///< start of the episode the summary looks at
    ScanPoint fixed; ///< invalid when still open at `asOf`
    QString owner; ///< author of the first-seen commit (who introduced it); empty when unknown
    std::optional<int> slaDays;
    QDateTime due; ///< opened + SLA; invalid without an SLA
    double ageDays = 0; ///< open: asOf − opened; fixed: fixed − opened
};

/// Whether one kind of scan ran in the 7 days before the summary's `asOf` time.
struct ScanCoverage
{
    QString kind; ///< "sast", "dependency", "container", "secrets", "dast"
    bool covered = false;
    QDateTime lastScan; ///< latest scan of this kind up to `asOf` (also older than 7 days); invalid = never
    QStringList tools; ///< tools that scanned this kind within the 7 days
};

/// One week of the open-by-severity trend.
struct WeekTrendPoint
{
    IsoWeek week;
    QMap<Severity, int> open; ///< after the last scan up to the week's end (triaged findings excluded)
    int newFindings = 0; ///< sum of the week's scans' new counts
    int fixedFindings = 0;
    int scans = 0; ///< scans during the week
};

/// The weekly security review's numbers: what is open at the end of the week, what was new and fixed during it,
/// what is overdue and whose it is, which kinds of scan ran, and the trend of the weeks before. Value type, any
/// thread.
///
/// Everything is evaluated at `asOf` = the week's end, or the posture's `now` when that is earlier (the current
/// week). For a posture computed at the last commit of the week with now = asOf (what `gatehouse report` does),
/// `open`, `overdue` and `medianDaysToFix` equal the posture's own summary. On a posture of a later history, a
/// finding that was fixed and later reintroduced is seen in its current episode only.
struct ReviewSummary
{
    IsoWeek week;
    QDateTime asOf;
    QMap<Severity, int> open; ///< open at asOf (false positives and active acceptances excluded)
    QMap<Severity, double> medianDaysToFix; ///< over fixes up to asOf; absent severities had no fix
    QList<WeeklyFinding> newFindings; ///< first seen (or reintroduced) during the week, worst first
    QList<WeeklyFinding> fixedFindings; ///< fixed during the week, worst first
    QList<WeeklyFinding> overdue; ///< open at asOf and past their SLA, most overdue first
    QList<ScanCoverage> coverage; ///< sast, dependency, container, secrets, dast, in that order
    QList<WeekTrendPoint> trend; ///< oldest first; the last point is `week`
    int scans = 0; ///< scans during the week

    int openTotal() const;
    int coveredKinds() const;
    /// {"week","start","end","as_of","open":{…},"open_total","new","fixed","overdue","scans",
    ///  "median_days_to_fix":{…},"coverage":{"sast":{"covered","last_scan","tools"},…},
    ///  "new_findings":[…],"fixed_findings":[…],"overdue_findings":[…],"trend":[{"week","open","new","fixed"}]}
    QJsonObject toJson() const;
};

/// Summarizes the week `isoYear`-W`isoWeek` of `posture`, with a trend over the `trendWeeks` weeks that end with
/// it. Owners come from the posture's scans (the author of each finding's first-seen commit). Pure function.
ReviewSummary summarizeReview(const Posture& posture, int isoYear, int isoWeek, int trendWeeks = 12);

/// The scan kinds of the weekly coverage, in display order.
QStringList reviewCoverageKinds();

} // namespace gatehouse
