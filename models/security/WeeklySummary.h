// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Posture.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <compare>
#include <optional>

namespace gatehouse {

/// An ISO 8601 week ("2026-W47"): Monday 00:00 UTC to the next Monday. Value type.
struct IsoWeek
{
    int year = 0; ///< the ISO week-numbering year (differs from the calendar year around New Year)
    int week = 0; ///< 1–53

    bool isValid() const;
    QDate monday() const;
    QDateTime start() const; ///< Monday 00:00 UTC
    QDateTime end() const; ///< the next Monday 00:00 UTC (exclusive)
    QString toString() const; ///< "2026-W47"
    QDateTime lastSecond() const; ///< Sunday 23:59:59 UTC, the last instant of the week (inclusive)
    IsoWeek next() const;
    IsoWeek previous() const;
    IsoWeek addWeeks(int weeks) const;

    static IsoWeek of(const QDate& date);
    static IsoWeek of(const QDateTime& time); ///< the week of the time's UTC date
    static IsoWeek containing(const QDate& date) { return of(date); }
    static IsoWeek containing(const QDateTime& time) { return of(time); }
    /// "2026-W47" or "2026W47"; nullopt for anything else or a week the year does not have.
    static std::optional<IsoWeek> parse(const QString& text);

    friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
    friend auto operator<=>(const IsoWeek&, const IsoWeek&) = default;
};

/// The categories of the coverage tile, in display order: SAST, dependency, container, secrets, DAST.
QList<FindingCategory> coverageCategories();

/// The weekly security review of one ISO week, computed from a Posture (the Security page's tiles and
/// `gatehouse report --week`). Counts are evaluated at `asOf` = the end of the week, or the posture's `now` while the
/// week is still running, so the current week's numbers equal the posture summary's. Value type, any thread.
struct WeeklySummary
{
    IsoWeek week;
    QDateTime start; ///< Monday 00:00 UTC
    QDateTime end; ///< the next Monday 00:00 UTC (exclusive)
    QDateTime asOf; ///< min(end, posture.now)
    bool complete = false; ///< the week is over (asOf == end)
    int scans = 0; ///< scans whose commit time is in the week

    /// Findings present at asOf and not under a triage decision holding at asOf, by severity.
    QMap<Severity, int> open;
    int newFindings = 0; ///< episodes opened in the week (first seen or reintroduced); = sum of the scans' `new`
    int fixedFindings = 0; ///< episodes fixed in the week; = sum of the scans' `fixed`
    int overdue = 0; ///< open at asOf and past their SLA at asOf
    /// Indexes into Posture::findings (in the posture's order): findings opened / fixed in the week, overdue at asOf.
    QList<qsizetype> newIndexes;
    QList<qsizetype> fixedIndexes;
    QList<qsizetype> overdueIndexes;
    /// Median days from opened to fixed per severity, over every fix up to asOf (no entry: no fix yet).
    QMap<Severity, double> medianDaysToFix;
    /// Per coverage category: the newest scan reporting it in the `coverageDays` before asOf (absent: uncovered).
    QMap<FindingCategory, QDateTime> lastScanOf;
    int coverageDays = 7;

    int openCount(Severity severity) const { return open.value(severity, 0); }
    bool covered(FindingCategory category) const { return lastScanOf.contains(category); }
    QList<FindingCategory> coveredCategories() const;
    QList<FindingCategory> uncoveredCategories() const;

    /// JSON object: {"week","start","end","as_of","complete","scans","open":{severity…},"new","fixed","overdue",
    /// "median_days_to_fix":{severity: days},"coverage":{"covered":[…],"uncovered":[…],"days"}}; with `posture`
    /// also "new_findings", "fixed_findings", "overdue_findings" ([{"tool","fingerprint","severity","rule","title"}]).
    QJsonObject toJson(const Posture* posture = nullptr) const;
};

/// The review of ISO week `isoWeek` of `isoYear` over `posture` (an invalid week gives an empty summary with
/// `week` invalid). `coverageDays`: how far back a scan counts for the coverage tile.
WeeklySummary summarizeWeek(const Posture& posture, int isoYear, int isoWeek, int coverageDays = 7);
/// Every week from the first scan's to the week of posture.now (at most `maxWeeks`, the newest), oldest first.
QList<WeeklySummary> summarizeWeeks(const Posture& posture, int maxWeeks = 520);

/// Days each fix took (opened → fixed), per severity, over fixes up to `until` (also of earlier episodes).
QMap<Severity, QList<double>> fixDurations(const Posture& posture, const QDateTime& until);
/// The median of `values` (0 when empty).
double median(QList<double> values);
/// Findings present at `time` and not under a triage decision holding then, per tool and severity.
QMap<QString, QMap<Severity, int>> openByTool(const Posture& posture, const QDateTime& time);

} // namespace gatehouse
