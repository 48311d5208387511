// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScanHistory.h"
#include "SecurityConfig.h"
#include "Triage.h"

#include <QJsonObject>
#include <QMap>

#include <optional>

namespace gatehouse {

/// Where a finding stands at the end of the history (or at "now" for triage and SLA).
enum class FindingState
{
    Open,
    Fixed,
    FalsePositive,
    Accepted
};
QString findingStateName(FindingState state); ///< "open", "fixed", "false_positive", "accepted"

/// A commit and its time: when a finding was first seen, fixed, reintroduced.
struct ScanPoint
{
    git::ObjectId commit;
    QDateTime time;
    bool isValid() const { return !commit.isNull(); }
};

/// One stretch of time a finding was present: from the scan that reported it to the scan it left (invalid while
/// still present).
struct FindingEpisode
{
    ScanPoint opened;
    ScanPoint fixed;
    /// Whether the finding was present at `time` during this episode.
    bool containsTime(const QDateTime& time) const
    {
        return opened.time <= time && (!fixed.isValid() || time < fixed.time);
    }
};

/// One finding followed across the scans of its tool (identity: tool + fingerprint).
struct FindingLifecycle
{
    Finding finding; ///< as in the latest scan that reported it
    ScanPoint firstSeen;
    ScanPoint opened; ///< start of the current episode: first seen, or the last reintroduction
    ScanPoint fixed; ///< invalid while present in its tool's latest scan
    int reintroductions = 0;
    FindingState state = FindingState::Open;
    std::optional<TriageEntry> triage; ///< the matching decision (also when it expired)
    bool triageExpired = false;
    std::optional<int> slaDays;
    QDateTime due; ///< opened + SLA; invalid without an SLA
    double ageDays = 0; ///< open: now − opened; fixed: fixed − opened
    bool overdue = false; ///< open (or acceptance expired) and older than its SLA
    /// Earlier episodes that ended in a fix before a reintroduction, oldest first (the current one is opened/fixed).
    QList<FindingEpisode> pastEpisodes;

    /// Every episode, oldest first: the past ones and the current one.
    QList<FindingEpisode> episodes() const;
    /// The episode in which the finding was present at `time`, or none.
    std::optional<FindingEpisode> episodeAt(const QDateTime& time) const;
};

/// A scan's line in the posture: its reports and the counts after it.
struct ScanSummary
{
    git::ObjectId commit;
    QDateTime time;
    struct Report
    {
        QString path;
        QString tool;
        qsizetype findings = 0;
        bool fromNote = false;
        /// The kinds of scan the report is (for coverage): its findings' categories, or, when it found nothing,
        /// the tool's usual one (reportCategories()).
        QList<FindingCategory> categories{}; // {} keeps {path, tool, findings, fromNote} initializers warning-free
    };
    QList<Report> reports;
    QMap<Severity, int> open; ///< open after this scan, all tools, triaged findings excluded
    int newFindings = 0; ///< first seen or reintroduced in this scan
    int fixedFindings = 0; ///< gone from this scan of their tool
    QString author{}; ///< the commit's author (owner of the findings it introduced)
};

/// The kinds of scan a report stands for: the categories of its findings, or, for a report without findings, the
/// tool's usual kind (trivy: container when the path or target names an image, dependency otherwise).
QList<FindingCategory> reportCategories(const ScanReport& report);

/// The security posture of a branch: every scan and every finding's lifecycle. Value type, any thread.
struct Posture
{
    git::ObjectId head;
    QDateTime now; ///< when ages, SLAs and triage expiry were evaluated
    QList<ScanSummary> scans; ///< oldest first
    QList<FindingLifecycle> findings; ///< by first-seen time, severity (worst first), tool, rule
    QList<SkippedReport> skipped;
    QList<TriageEntry> triage; ///< every decision of triage.yml that was applied (in file order)

    QMap<Severity, int> openBySeverity() const; ///< state Open only
    int overdueCount() const;
    /// Findings triaged as false positive / all findings (0 when there are none).
    double falsePositiveRate() const;
    /// Median days from opened to fixed per severity, over fixed findings; absent severities had no fix.
    QMap<Severity, double> medianDaysToFix() const;

    /// The `gatehouse posture --format json` document (times ISO 8601 UTC).
    QJsonObject toJson() const;
};

/// Follows findings across scans: new, persisting, fixed (gone from a later scan of the same tool), reintroduced;
/// applies SLAs and triage. Pure computation on values, any thread.
class PostureBuilder
{
public:
    static Posture build(const ScanHistory& history, const SecurityConfig& config, const Triage& triage,
                         const QDateTime& now);

    /// The whole job for a worker: opens the repository, reads config.yml and triage.yml (work tree when
    /// `revision` is empty and there is one, else at the revision), walks the history and builds the posture.
    /// Config or triage errors fail the job (a wrong SLA must not silently become the default).
    static Result<Posture> compute(const QString& repoPath, const QString& revision, const QDateTime& now,
                                   ProgressSink* sink = nullptr, const QString& cacheDir = {});
};

} // namespace gatehouse
