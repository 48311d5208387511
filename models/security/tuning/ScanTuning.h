// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/Posture.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gatehouse {

/// What to do with a scanner rule, judged from its history. Names are the `gatehouse tuning` JSON contract.
enum class TuningAdvice
{
    Keep,
    RaiseThreshold, ///< mostly noise: narrow it (a higher severity, fewer paths) rather than read every finding
    Disable, ///< most of what it raises is false: it costs more attention than it saves
};
QString tuningAdviceName(TuningAdvice advice); ///< "keep", "raise-threshold", "disable"

/// When a rule counts as noisy. A rule is judged only once it raised `minRaised` findings in the window.
struct TuningThresholds
{
    int minRaised = 3;
    double disableFpRate = 0.5; ///< false positives / raised at or above which the rule is disabled
    double raiseFpRate = 0.25; ///< ... at or above which its threshold is raised
    /// Share of findings never fixed (open, accepted or false) at or above which, once they have been open for
    /// `staleDays` (median), the rule's threshold is raised: the team has learnt to ignore it.
    double raiseNeverFixedShare = 0.75;
    double staleDays = 30;
};

/// One rule of one tool over the window.
struct RuleNoise
{
    QString tool;
    QString rule;
    int raised = 0; ///< findings first seen in the window
    int falsePositive = 0;
    int accepted = 0;
    int fixed = 0;
    int open = 0;
    double medianDaysOpen = 0; ///< open: until now; fixed: until the fix
    double fpRate = 0;
    double neverFixedShare = 0;
    TuningAdvice advice = TuningAdvice::Keep;
    QString reason;
    QStringList fingerprints; ///< of the findings not fixed (for per-finding ignore files such as .gitleaksignore)
    QStringList paths; ///< where they are, deduplicated

    QJsonObject toJson() const;
};

/// The noise of every rule over a window.
struct TuningReport
{
    QDateTime from;
    QDateTime to;
    int days = 90;
    QList<RuleNoise> rules; ///< disable first, then raise-threshold, then keep; noisier (fp_rate, raised) first

    const RuleNoise* find(const QString& tool, const QString& rule) const;
    /// `{"window":{"days","from","to"},"rules":[…]}` (the `gatehouse tuning --format json` document).
    QJsonObject toJson() const;
    /// The text form of `gatehouse tuning`.
    QString toText() const;
};

/// Learns from the findings history and triage which rules are noise. Pure computation on values, any thread.
class ScanTuning
{
public:
    static TuningReport analyse(const Posture& posture, int days = 90, const TuningThresholds& thresholds = {});
};

} // namespace gatehouse
