// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ProgressSink.h"
#include "common/Result.h"
#include "delivery/Deployment.h"
#include "delivery/Incident.h"
#include "runs/RunAnalysis.h"
#include "security/Posture.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::scorecard {

enum class FactorStatus
{
    Pass,
    Warn,
    Fail,
    NotApplicable
};
QString factorStatusName(FactorStatus status); ///< "pass", "warn", "fail", "n.a."

/// Where a factor or metric comes from, for a "show me" link: a file (and line) of the revision, a commit, a tag,
/// or just the page that explains it. `page` is always set: "pipelines", "security", "deployments", "incidents",
/// "runs" or "overview". Value type.
struct SourceLink
{
    enum class Kind
    {
        File,
        Commit,
        Tag,
        Page
    };
    Kind kind = Kind::Page;
    QString page = QStringLiteral("overview");
    QString path; ///< File: repository-relative path
    int line = 0; ///< File: 1-based, 0 = the whole file
    QString ref; ///< Commit: full id; Tag: tag name

    static SourceLink file(const QString& page, const QString& path, int line = 0);
    static SourceLink commit(const QString& page, const QString& id);
    static SourceLink tag(const QString& page, const QString& name);
    static SourceLink toPage(const QString& page);
    /// "path:line", "path", "commit abc1234", "tag deploy-3" or "page security".
    QString toString() const;
    bool operator==(const SourceLink&) const = default;
};
QString sourceKindName(SourceLink::Kind kind); ///< "file", "commit", "tag", "page"

/// One 12-Factor row: a status with the evidence it rests on and where that comes from. Value type.
struct FactorResult
{
    QString id; ///< "I" … "XII"
    QString name; ///< the twelve-factor app's name, e.g. "Codebase"
    FactorStatus status = FactorStatus::NotApplicable;
    QString evidence; ///< one or two sentences with the figures
    QStringList sources; ///< where it comes from: paths, tags, refs
    SourceLink link; ///< the one place to look first
};

/// A success metric of the seed: target vs actual. `actual` and `met` are empty when there is no data yet.
struct MetricResult
{
    QString name;
    QString target; ///< as people write it, e.g. "< 2 %"
    QString unit; ///< "ratio", "per week", "seconds", ...
    std::optional<double> actual;
    std::optional<bool> met;
    QString evidence;
    SourceLink link;
    QString area; ///< "security", "delivery" or "runs"
};

struct ScorecardReport
{
    QList<FactorResult> factors; ///< always twelve, I … XII
    QList<MetricResult> metrics;
};

/// The outcome of one policy gate of the pipeline engine over every pipeline of the revision.
struct GateOutcome
{
    QString gate; ///< gate id, e.g. "no-plaintext-secrets"
    QString factor; ///< "IV", "VII", "VIII" (from the gate catalog)
    bool enabled = true;
    int errors = 0;
    int warnings = 0;
    QString firstProblem; ///< "path:line: message" of the first error or warning
};

/// The gates of one pipeline file (the Overview's "gates of the main pipeline" tile).
struct PipelineGateSummary
{
    QString path;
    int enabled = 0; ///< gates of the catalog the policy enables
    int passing = 0; ///< enabled gates with neither error nor warning on this pipeline
    QString firstProblem; ///< "path:line: message"
};

/// The run-history figures the success metrics read.
struct RunFacts
{
    int runs = 0; ///< runs in the store and notes (0 = nothing imported)
    runs::OverallStats overall;
    QString defaultBranch;
};

/// What the scorecard reads, gathered from one revision (value type, so the rules are testable without git).
struct ScorecardInputs
{
    QDateTime now; ///< "the last 30 days" end here (UTC)
    QStringList files; ///< every tracked path of the revision
    QMap<QString, QByteArray> contents; ///< CI configs, .gatehouse/*.yml and dependency manifests, by path
    QStringList recentSubjects; ///< subjects of the latest non-merge commits (up to 200), newest first
    delivery::DeploymentHistory deployments; ///< with rollback and incident failures applied
    QList<QDateTime> scanTimes; ///< archived scans (notes commits) and commits that changed committed reports
    int pipelinesValidated = 0; ///< pipelines the gate engine checked
    QList<GateOutcome> gates; ///< every gate of the catalog, in catalog order (empty when not evaluated)
    QStringList policyProblems; ///< problems in .gatehouse/policy.yml reported by the gate engine
    QList<PipelineGateSummary> pipelineGates; ///< per pipeline file, in discovery order
    QStringList requiredScanKinds{QStringLiteral("sast"), QStringLiteral("dependency"), QStringLiteral("container"),
                                  QStringLiteral("secrets")}; ///< the policy's security-scanning `required`
    /// Required scan kinds whose subject the repository lacks (e.g. "container" → "no container image is built
    /// here"): n.a. in the scan coverage, not missing.
    QMap<QString, QString> notApplicableScanKinds;
    /// Scan kinds the platform runs without a report in the repository: Dependabot, GitLab's security templates
    /// (kind → what, e.g. "dependency" → "Dependabot (gomod)").
    QMap<QString, QString> platformScans;
    QString mainPipeline; ///< the repository's main pipeline (where repository-wide gate findings go)
    QList<delivery::Incident> incidents; ///< newest last
    std::optional<Posture> posture; ///< the security posture; empty with `postureError` when it failed
    QString postureError;
    std::optional<RunFacts> runs; ///< empty with `runsError` when the store could not be read
    QString runsError;
};

/// Where collect() reads what lives outside the repository (tests point these at scratch directories).
struct CollectOptions
{
    QString runStoreDirectory; ///< RunStore directory; empty = the default under the XDG data dir
    QString scanCacheDirectory; ///< ScanHistory parse cache; empty = default, "-" = none
    /// Called on the worker before the history-wide facts are collected (tests hold that stage with it to see the
    /// facts of the revision shown first); empty = none.
    std::function<void()> beforeHistoryWide;
};

/// The 12-Factor scorecard and success metrics, limited to what the repository shows
/// today; a factor without evidence is "n.a." with the reason, never guessed.
///
/// Rules (details in ScorecardFactors.cpp and SuccessMetrics.cpp next to each):
/// - I Codebase: pipeline config tracked; share of conventional-commit subjects (pass >= 80 %, warn >= 50 %).
/// - II Dependencies: every dependency manifest has a lock file or fully pinned requirements.
/// - III Configuration: kept out of code: no committed `.env` file (fail) and no hard-coded environment-specific
///   host or IP address in the pipeline scripts (warn); targets come from CI variables.
/// - IV Validation gates, VII Zero trust, VIII Compliance: the pipeline engine's gates of that factor (gate catalog)
///   over every pipeline of the revision: an error-severity finding fails, a warning warns; VII includes the
///   no-plaintext-secrets gate (secrets in pipeline files; the scanners' reports belong to the security posture);
///   VIII also needs `.gatehouse/policy.yml`.
/// - V Pinned builds: container images and actions pinned (digest / full commit SHA = pass; exact version tags
///   only = warn; a floating reference such as `latest`, no tag or `@v4` = fail).
/// - VI Rollback points: >= 2 production deployments (tags) = pass, 1 = warn, 0 = fail.
/// - IX Reuse: includes, `extends`, anchors or reusable workflows in the pipeline configs.
/// - X Telemetry: a deployment and a scan recorded in the last 30 days.
/// - XI Triage decisions: recorded in `.gatehouse/triage.yml`.
/// - XII Orchestration: GitLab stages ordered validate -> security -> test -> deploy.
/// Metrics (actual and met are null without data, with the reason in the evidence):
/// - security posture: time to patch critical CVEs < 24 h (median hours from a critical finding with a CVE id being
///   opened to fixed; still-open ones count with their age), scan coverage 100 % (the policy's required scan kinds
///   with a report in the branch's scan history), false-positive rate < 10 % (triaged false positives / all findings);
/// - delivery: rollback rate < 2 %, deployment frequency >= 1 / week, lead time < 1 h (production, DORA);
/// - runs: success rate > 95 %, false failure rate < 5 %, MTTR < 15 min, feedback time < 10 min, manual
///   intervention rate < 5 % (runs::checkSuccessMetrics), null with "no run data imported" without runs.
///
/// Pure functions and a collector; call on a worker thread.
class Scorecard
{
public:
    static ScorecardReport evaluate(const ScorecardInputs& inputs);

    /// Reads the inputs from `revision` (HEAD when empty) of the repository, runs the delivery analysis and the
    /// pipeline engine's gates, and collects scan times from `refs/notes/gatehouse-scans` and `reports/`.
    /// Also computes the security posture (PostureBuilder) and the run analysis (RunHistory); their failures are
    /// kept in postureError / runsError (the scorecard still works without them).
    static Result<ScorecardInputs> collect(const git::Repository& repository, const QString& revision,
                                           const QDateTime& now, ProgressSink* sink = nullptr,
                                           const CollectOptions& options = {});
    /// The part of collect() that reads the revision alone (files, configs, the gates of every pipeline): cheap on
    /// any history, so the Overview shows it first.
    static Result<ScorecardInputs> collectAtRevision(const git::Repository& repository, const QString& revision,
                                                     const QDateTime& now, ProgressSink* sink = nullptr);
    /// The rest of collect(), which reads the whole history: the latest subjects, deployments and incidents, the
    /// security posture, the run history and the scan times, added to `inputs` (from collectAtRevision of the same
    /// revision).
    static Status collectHistoryWide(const git::Repository& repository, const QString& revision,
                                     ScorecardInputs& inputs, ProgressSink* sink = nullptr,
                                     const CollectOptions& options = {});

    /// Whether a commit subject follows Conventional Commits (git's "Revert \"…\"" counts too).
    static bool isConventionalSubject(const QString& subject);
};

} // namespace gatehouse::scorecard
