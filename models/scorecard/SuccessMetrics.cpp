// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SuccessMetrics.h"

#include "classify/RepositoryClassifier.h"
#include "common/Statistics.h"
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DoraMetrics.h"
#include "git/Repository.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/Pinning.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineGates.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScanApplicability.h"
#include "pipeline/workspace/BufferValidation.h"
#include "runs/RunHistory.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gatehouse::scorecard {

namespace {

// --- the success metrics ----------------------------------------------------------------------------------------

MetricResult metric(const char* area, const char* name, const char* target, const char* unit)
{
    MetricResult result;
    result.area = QString::fromLatin1(area);
    result.name = QString::fromUtf8(name);
    result.target = QString::fromUtf8(target);
    result.unit = QString::fromLatin1(unit);
    return result;
}

// Nearest rank, the lower middle value of an even count (as the run analysis does): a value that was observed.
double medianOf(QList<double> values)
{
    return statistics::nearestRank(std::move(values), 0.5).value_or(0);
}

QString hoursText(double seconds)
{
    return seconds < 3600 * 48 ? QStringLiteral("%1 h").arg(seconds / 3600, 0, 'f', 1)
                               : QStringLiteral("%1 days").arg(seconds / 86400, 0, 'f', 1);
}

// The kinds of scan a report stands for: its findings' categories, else what its tool scans.
QSet<QString> scanKindsOf(const ScanSummary::Report& report, const QHash<QString, QSet<QString>>& kindsByTool)
{
    QSet<QString> kinds = kindsByTool.value(report.tool);
    if (!kinds.isEmpty())
        return kinds;
    static const QHash<QString, QString> byTool{
        {QStringLiteral("semgrep"), QStringLiteral("sast")},
        {QStringLiteral("bandit"), QStringLiteral("sast")},
        {QStringLiteral("codeql"), QStringLiteral("sast")},
        {QStringLiteral("gosec"), QStringLiteral("sast")},
        {QStringLiteral("gitleaks"), QStringLiteral("secret")},
        {QStringLiteral("trufflehog"), QStringLiteral("secret")},
        {QStringLiteral("pip-audit"), QStringLiteral("dependency")},
        {QStringLiteral("safety"), QStringLiteral("dependency")},
        {QStringLiteral("npm-audit"), QStringLiteral("dependency")},
        {QStringLiteral("osv-scanner"), QStringLiteral("dependency")},
        {QStringLiteral("zap"), QStringLiteral("dast")},
        {QStringLiteral("checkov"), QStringLiteral("iac")},
    };
    if (report.tool == QLatin1String("trivy") || report.tool == QLatin1String("grype")) {
        // An image scan names the image; a file-system scan the dependencies.
        const QString path = report.path.toLower();
        const bool image = path.contains(QLatin1String("image")) || path.contains(QLatin1String("container"))
            || path.contains(QLatin1String("docker"));
        return {image ? QStringLiteral("container") : QStringLiteral("dependency")};
    }
    if (const auto kind = byTool.constFind(report.tool); kind != byTool.constEnd())
        return {kind.value()};
    return {};
}

// Coverage: the kinds of scan the policy requires, each with a report somewhere in the branch's scan history
// (a committed report that did not change is still the current result; how recent scans are is factor X), or run
// by the platform itself; a kind whose subject the repository lacks is n.a.
void scanCoverage(const ScorecardInputs& inputs, const Posture* posture, MetricResult& coverage)
{
    QHash<QString, QSet<QString>> kindsByTool;
    QHash<QString, const ScanSummary*> lastByKind;
    QHash<QString, QString> toolByKind;
    if (posture) {
        for (const FindingLifecycle& f : posture->findings)
            kindsByTool[f.finding.tool].insert(categoryName(f.finding.category));
        for (const ScanSummary& scan : posture->scans) {
            for (const ScanSummary::Report& report : scan.reports) {
                for (const QString& kind : scanKindsOf(report, kindsByTool)) {
                    lastByKind.insert(kind, &scan);
                    toolByKind.insert(kind, report.tool);
                }
            }
        }
    }
    QStringList covered;
    QStringList missing;
    QStringList notApplicable;
    const ScanSummary* oldest = nullptr; // the covered kind whose last report is oldest: the place to look
    for (QString kind : inputs.requiredScanKinds) {
        // A kind without a subject here is n.a., not missing; one the platform runs is covered without a report.
        if (inputs.notApplicableScanKinds.contains(kind)) {
            notApplicable.append(kind);
            continue;
        }
        const QString platform = inputs.platformScans.value(kind);
        if (kind == QLatin1String("secrets"))
            kind = QStringLiteral("secret");
        if (const ScanSummary* last = lastByKind.value(kind)) {
            covered.append(QStringLiteral("%1 (%2, %3)")
                               .arg(kind, toolByKind.value(kind), last->time.toUTC().date().toString(Qt::ISODate)));
            if (!oldest || last->time < oldest->time)
                oldest = last;
        } else if (!platform.isEmpty()) {
            covered.append(QStringLiteral("%1 (%2, by the platform)").arg(kind, platform));
        } else {
            missing.append(kind);
        }
    }
    if (oldest)
        coverage.link = SourceLink::commit(QStringLiteral("security"), oldest->commit.toString());
    if (covered.isEmpty() && missing.isEmpty()) {
        coverage.evidence = notApplicable.isEmpty()
            ? QStringLiteral("The policy requires no kind of scan (security-scanning gate).")
            : QStringLiteral("No required scan kind has a subject here.");
    } else {
        coverage.actual = double(covered.size()) / double(covered.size() + missing.size());
        coverage.met = missing.isEmpty();
        coverage.evidence
            = QStringLiteral("%1 of %2 required scan kinds have reports%3%4.")
                  .arg(covered.size())
                  .arg(covered.size() + missing.size())
                  .arg(covered.isEmpty() ? QString() : QStringLiteral(": ") + covered.join(QLatin1String(", ")),
                       missing.isEmpty() ? QString()
                                         : QStringLiteral("; missing: ") + missing.join(QLatin1String(", ")));
    }
    if (!notApplicable.isEmpty())
        coverage.evidence
            += QStringLiteral(" n.a. (no subject here): %1.").arg(notApplicable.join(QLatin1String(", ")));
}

QList<MetricResult> securityMetrics(const ScorecardInputs& inputs)
{
    MetricResult patch = metric("security", "time to patch critical CVEs", "< 24 h", "seconds");
    MetricResult coverage = metric("security", "scan coverage", "100 %", "ratio");
    MetricResult falsePositives = metric("security", "false-positive rate", "< 10 %", "ratio");
    QList<MetricResult*> all{&patch, &coverage, &falsePositives};
    for (MetricResult* m : all)
        m->link = SourceLink::toPage(QStringLiteral("security"));
    if (!inputs.posture || inputs.posture->scans.isEmpty()) {
        const QString why = !inputs.posture
            ? QStringLiteral("No security posture: %1.")
                  .arg(inputs.postureError.isEmpty() ? QStringLiteral("not computed") : inputs.postureError)
            : QStringLiteral("No scan recorded (no report under reports/ and no archived scan in "
                             "refs/notes/gatehouse-scans).");
        for (MetricResult* m : all)
            m->evidence = why;
        // Platform scans (Dependabot, GitLab's templates) leave no report here but still cover their kinds.
        if (!inputs.platformScans.isEmpty())
            scanCoverage(inputs, nullptr, coverage);
        return {patch, coverage, falsePositives};
    }
    const Posture& posture = *inputs.posture;

    // Time to patch: every critical finding with a CVE id, fixed ones with their time to fix, open ones with their
    // age so far (a CVE left open does not vanish from the figure); triaged ones are decided, not patched.
    QList<double> times;
    int fixed = 0;
    int open = 0;
    double longest = -1;
    for (const FindingLifecycle& f : posture.findings) {
        if (f.finding.severity != Severity::Critical || f.state == FindingState::FalsePositive
            || f.state == FindingState::Accepted)
            continue;
        const bool cve = std::any_of(f.finding.ids.cbegin(), f.finding.ids.cend(),
                                     [](const QString& id) { return id.startsWith(QLatin1String("CVE-")); });
        if (!cve || !f.opened.time.isValid())
            continue;
        const QDateTime end = f.state == FindingState::Fixed ? f.fixed.time : posture.now;
        const double seconds = double(qMax<qint64>(0, f.opened.time.secsTo(end)));
        times.append(seconds);
        (f.state == FindingState::Fixed ? fixed : open) += 1;
        if (seconds > longest) {
            longest = seconds;
            patch.link = SourceLink::commit(QStringLiteral("security"), f.opened.commit.toString());
        }
    }
    if (times.isEmpty()) {
        patch.evidence = QStringLiteral("No critical finding with a CVE id in %1 scan(s).").arg(posture.scans.size());
    } else {
        patch.actual = medianOf(times);
        patch.met = *patch.actual < 24.0 * 3600;
        patch.evidence = QStringLiteral("Median over %1 critical CVE finding(s): %2 fixed, %3 still open (counted "
                                        "with their age); the longest took %4.")
                             .arg(times.size())
                             .arg(fixed)
                             .arg(open)
                             .arg(hoursText(longest));
    }

    scanCoverage(inputs, &posture, coverage);

    if (posture.findings.isEmpty()) {
        falsePositives.evidence = QStringLiteral("No finding in %1 scan(s).").arg(posture.scans.size());
    } else {
        const auto count = std::count_if(posture.findings.cbegin(), posture.findings.cend(), [](const auto& f) {
            return f.triage && f.triage->status == TriageStatus::FalsePositive;
        });
        falsePositives.actual = posture.falsePositiveRate();
        falsePositives.met = *falsePositives.actual < 0.10;
        falsePositives.evidence
            = QStringLiteral("%1 of %2 finding(s) triaged as false positive.").arg(count).arg(posture.findings.size());
        if (inputs.files.contains(QStringLiteral(".gatehouse/triage.yml")))
            falsePositives.link = SourceLink::file(QStringLiteral("security"), QStringLiteral(".gatehouse/triage.yml"));
    }
    return {patch, coverage, falsePositives};
}

QList<MetricResult> deliveryMetrics(const ScorecardInputs& inputs)
{
    const delivery::DoraSummary dora = delivery::DoraMetrics::compute(inputs.deployments, QStringLiteral("production"));
    const QString window = dora.since.isValid()
        ? QStringLiteral("%1 production deployment(s), %2 to %3")
              .arg(dora.deployments)
              .arg(dora.since.toString(Qt::ISODate), dora.until.toString(Qt::ISODate))
        : QStringLiteral("No production deployment.");
    MetricResult rollback = metric("delivery", "rollback rate", "< 2 %", "ratio");
    rollback.actual = dora.rollbackRate;
    if (dora.rollbackRate)
        rollback.met = *dora.rollbackRate < 0.02;
    rollback.evidence
        = dora.since.isValid() ? QStringLiteral("%1 rollback(s) in %2.").arg(dora.rollbacks).arg(window) : window;
    MetricResult frequency = metric("delivery", "deployment frequency", "≥ 1 / week", "per week");
    frequency.actual = dora.deploymentFrequencyPerWeek;
    if (dora.deploymentFrequencyPerWeek)
        frequency.met = *dora.deploymentFrequencyPerWeek >= 1.0;
    frequency.evidence = dora.since.isValid() ? window + QLatin1Char('.') : window;
    MetricResult lead = metric("delivery", "lead time for changes", "< 1 h", "seconds");
    lead.actual = dora.leadTimeMedianSeconds;
    if (dora.leadTimeMedianSeconds)
        lead.met = *dora.leadTimeMedianSeconds < 3600.0;
    lead.evidence = dora.leadTimeMedianSeconds
        ? QStringLiteral("Median over %1 change(s); %2.").arg(dora.changes).arg(window)
        : (dora.since.isValid() ? QStringLiteral("No change with a lead time (%1).").arg(window) : window);

    // Link to the deployment the figure is about: the last rollback, the last production deployment.
    SourceLink last = SourceLink::toPage(QStringLiteral("deployments"));
    SourceLink lastRollback = last;
    for (int index : inputs.deployments.indexesOf(QStringLiteral("production"))) {
        const delivery::Deployment& d = inputs.deployments.deployments.at(index);
        last = SourceLink::tag(QStringLiteral("deployments"), d.tag);
        if (d.rollback)
            lastRollback = last;
    }
    rollback.link = lastRollback.kind == SourceLink::Kind::Tag ? lastRollback : last;
    frequency.link = last;
    lead.link = last;
    return {rollback, frequency, lead};
}

QList<MetricResult> runMetrics(const ScorecardInputs& inputs)
{
    struct Row
    {
        const char* check;
        const char* name;
        const char* target;
        const char* unit;
    };
    static const Row rows[]{
        {"pipeline_success_rate", "pipeline success rate", "> 95 %", "ratio"},
        {"false_failure_rate", "false failure rate", "< 5 %", "ratio"},
        {"mean_time_to_recovery_s", "mean time to recovery", "< 15 min", "seconds"},
        {"feedback_time_s", "pipeline feedback time", "< 10 min", "seconds"},
        {"manual_intervention_rate", "manual intervention rate", "< 5 %", "ratio"},
    };
    QList<runs::MetricCheck> checks;
    QString why;
    if (!inputs.runs)
        why = QStringLiteral("Run history unreadable: %1.").arg(inputs.runsError);
    else if (inputs.runs->runs == 0)
        why = QStringLiteral("No run data imported (gatehouse runs import).");
    else
        checks = runs::checkSuccessMetrics(inputs.runs->overall);
    QList<MetricResult> results;
    for (const Row& row : rows) {
        MetricResult m = metric("runs", row.name, row.target, row.unit);
        m.link = SourceLink::toPage(QStringLiteral("runs"));
        m.evidence = why;
        for (const runs::MetricCheck& check : std::as_const(checks)) {
            if (check.metric != QLatin1String(row.check))
                continue;
            if (check.outcome == runs::MetricCheck::Outcome::NoData) {
                m.evidence
                    = QStringLiteral("Not enough runs for this figure (%1 run(s) imported).").arg(inputs.runs->runs);
                break;
            }
            m.actual = check.actual;
            m.met = check.outcome == runs::MetricCheck::Outcome::Met;
            const runs::OverallStats& o = inputs.runs->overall;
            m.evidence = QStringLiteral("Over %1 run(s) of %2 (%3 concluded); median for times.")
                             .arg(o.runs)
                             .arg(inputs.runs->runs)
                             .arg(o.concluded);
            if (QLatin1String(row.check) == QLatin1String("mean_time_to_recovery_s"))
                m.evidence = QStringLiteral("Median of the recoveries on %1 (first failure to next success), over "
                                            "%2 run(s).")
                                 .arg(inputs.runs->defaultBranch.isEmpty() ? QStringLiteral("the default branch")
                                                                           : inputs.runs->defaultBranch)
                                 .arg(o.runs);
            break;
        }
        results.append(m);
    }
    return results;
}

} // namespace

QList<MetricResult> successMetrics(const ScorecardInputs& inputs)
{
    return securityMetrics(inputs) + deliveryMetrics(inputs) + runMetrics(inputs);
}

} // namespace gatehouse::scorecard
