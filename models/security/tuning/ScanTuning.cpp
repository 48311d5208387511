// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanTuning.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QString percent(double rate)
{
    return QStringLiteral("%1%").arg(qRound(rate * 100));
}

void judge(RuleNoise& rule, const TuningThresholds& t, int days)
{
    if (rule.raised < t.minRaised) {
        rule.advice = TuningAdvice::Keep;
        rule.reason = QStringLiteral("%1 finding(s) in %2 days: too few to judge").arg(rule.raised).arg(days);
        return;
    }
    if (rule.fpRate >= t.raiseFpRate) {
        rule.advice = rule.fpRate >= t.disableFpRate ? TuningAdvice::Disable : TuningAdvice::RaiseThreshold;
        rule.reason = QStringLiteral("%1 of %2 findings in %3 days were triaged false positive (%4)")
                          .arg(rule.falsePositive)
                          .arg(rule.raised)
                          .arg(days)
                          .arg(percent(rule.fpRate));
        return;
    }
    if (rule.neverFixedShare >= t.raiseNeverFixedShare && rule.medianDaysOpen >= t.staleDays) {
        rule.advice = TuningAdvice::RaiseThreshold;
        rule.reason = QStringLiteral("%1 of %2 findings were never fixed (%3 accepted), open for %4 days (median)")
                          .arg(rule.raised - rule.fixed)
                          .arg(rule.raised)
                          .arg(rule.accepted)
                          .arg(qRound(rule.medianDaysOpen));
        return;
    }
    rule.advice = TuningAdvice::Keep;
    rule.reason = QStringLiteral("%1 of %2 findings fixed, %3 false positive")
                      .arg(rule.fixed)
                      .arg(rule.raised)
                      .arg(percent(rule.fpRate));
}

} // namespace

QString tuningAdviceName(TuningAdvice advice)
{
    switch (advice) {
    case TuningAdvice::Disable:
        return QStringLiteral("disable");
    case TuningAdvice::RaiseThreshold:
        return QStringLiteral("raise-threshold");
    case TuningAdvice::Keep:
        break;
    }
    return QStringLiteral("keep");
}

QJsonObject RuleNoise::toJson() const
{
    return QJsonObject{{QStringLiteral("tool"), tool},
                       {QStringLiteral("rule"), rule},
                       {QStringLiteral("raised"), raised},
                       {QStringLiteral("false_positive"), falsePositive},
                       {QStringLiteral("accepted"), accepted},
                       {QStringLiteral("fixed"), fixed},
                       {QStringLiteral("open"), open},
                       {QStringLiteral("median_days_open"), round2(medianDaysOpen)},
                       {QStringLiteral("fp_rate"), round2(fpRate)},
                       {QStringLiteral("never_fixed_share"), round2(neverFixedShare)},
                       {QStringLiteral("recommendation"), tuningAdviceName(advice)},
                       {QStringLiteral("reason"), reason}};
}

const RuleNoise* TuningReport::find(const QString& tool, const QString& rule) const
{
    for (const RuleNoise& r : rules) {
        if (r.tool == tool && r.rule == rule)
            return &r;
    }
    return nullptr;
}

QJsonObject TuningReport::toJson() const
{
    QJsonArray ruleArray;
    for (const RuleNoise& r : rules)
        ruleArray.append(r.toJson());
    const QJsonObject window{{QStringLiteral("days"), days},
                             {QStringLiteral("from"), from.toUTC().toString(Qt::ISODate)},
                             {QStringLiteral("to"), to.toUTC().toString(Qt::ISODate)}};
    return QJsonObject{{QStringLiteral("window"), window}, {QStringLiteral("rules"), ruleArray}};
}

QString TuningReport::toText() const
{
    QString text = QStringLiteral("Scan noise over %1 days (%2 to %3): %4 rule(s)\n")
                       .arg(days)
                       .arg(from.toUTC().date().toString(Qt::ISODate), to.toUTC().date().toString(Qt::ISODate))
                       .arg(rules.size());
    for (const RuleNoise& r : rules) {
        text += QStringLiteral("  %1  %2 %3: raised %4, false positive %5, accepted %6, fixed %7 — %8\n")
                    .arg(tuningAdviceName(r.advice).leftJustified(15), r.tool, r.rule)
                    .arg(r.raised)
                    .arg(r.falsePositive)
                    .arg(r.accepted)
                    .arg(r.fixed)
                    .arg(r.reason);
    }
    return text;
}

TuningReport ScanTuning::analyse(const Posture& posture, int days, const TuningThresholds& thresholds)
{
    TuningReport report;
    report.days = std::max(1, days);
    report.to = posture.now;
    report.from = posture.now.addDays(-report.days);

    QMap<QPair<QString, QString>, RuleNoise> byRule;
    QMap<QPair<QString, QString>, QList<double>> ages;
    // Paths already listed per rule: a rule with thousands of findings must not scan its list for each one.
    QMap<QPair<QString, QString>, QSet<QString>> listedPaths;
    for (const FindingLifecycle& f : posture.findings) {
        // Raised in the window: first seen, or reintroduced, after its start.
        if (f.opened.time < report.from || f.opened.time > report.to)
            continue;
        const QPair<QString, QString> key{f.finding.tool, f.finding.rule};
        RuleNoise& rule = byRule[key];
        rule.tool = f.finding.tool;
        rule.rule = f.finding.rule;
        ++rule.raised;
        const bool falsePositive = f.triage && f.triage->status == TriageStatus::FalsePositive;
        if (falsePositive)
            ++rule.falsePositive;
        else if (f.triage && f.triage->status == TriageStatus::AcceptedRisk)
            ++rule.accepted;
        if (f.state == FindingState::Fixed)
            ++rule.fixed;
        else if (f.state == FindingState::Open)
            ++rule.open;
        if (f.state != FindingState::Fixed) {
            rule.fingerprints << f.finding.fingerprint;
            const QString& path = f.finding.location.path;
            if (!path.isEmpty() && !listedPaths[key].contains(path)) {
                listedPaths[key].insert(path);
                rule.paths << path;
            }
        }
        ages[key] << f.ageDays;
    }
    for (auto it = byRule.begin(); it != byRule.end(); ++it) {
        RuleNoise& rule = it.value();
        rule.medianDaysOpen = median(ages.value(it.key()));
        rule.fpRate = double(rule.falsePositive) / double(rule.raised);
        rule.neverFixedShare = double(rule.raised - rule.fixed) / double(rule.raised);
        judge(rule, thresholds, report.days);
        report.rules << rule;
    }
    std::stable_sort(report.rules.begin(), report.rules.end(), [](const RuleNoise& a, const RuleNoise& b) {
        if (a.advice != b.advice)
            return a.advice > b.advice;
        if (a.fpRate != b.fpRate)
            return a.fpRate > b.fpRate;
        if (a.raised != b.raised)
            return a.raised > b.raised;
        return std::tie(a.tool, a.rule) < std::tie(b.tool, b.rule);
    });
    return report;
}

} // namespace gatehouse
