// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scorecard.h"

#include "HistoryFactsCache.h"
#include "RevisionFactsCache.h"
#include "ScorecardFactors.h"
#include "ScorecardFacts.h"
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

constexpr int kMaxSubjects = 200;

} // namespace

QString factorStatusName(FactorStatus status)
{
    switch (status) {
    case FactorStatus::Pass:
        return QStringLiteral("pass");
    case FactorStatus::Warn:
        return QStringLiteral("warn");
    case FactorStatus::Fail:
        return QStringLiteral("fail");
    case FactorStatus::NotApplicable:
        return QStringLiteral("n.a.");
    }
    return {};
}

bool Scorecard::isConventionalSubject(const QString& subject)
{
    static const QRegularExpression conventional(QStringLiteral("\\A(?:[a-z]+(?:\\([^()]+\\))?!?: \\S|Revert \")"));
    return conventional.match(subject).hasMatch();
}

ScorecardReport Scorecard::evaluate(const ScorecardInputs& inputs)
{
    ScorecardReport report;
    report.factors = twelveFactors(inputs);
    report.metrics = successMetrics(inputs);
    return report;
}

Result<ScorecardInputs> Scorecard::collect(const git::Repository& repository, const QString& revision,
                                           const QDateTime& now, ProgressSink* sink,
                                           const CollectOptions& collectOptions)
{
    Result<ScorecardInputs> inputs = collectAtRevision(repository, revision, now, sink);
    if (!inputs.ok())
        return inputs;
    if (const Status rest = collectHistoryWide(repository, revision, inputs.value(), sink, collectOptions); !rest.ok())
        return rest.error();
    return inputs;
}

Result<ScorecardInputs> Scorecard::collectAtRevision(const git::Repository& repository, const QString& revision,
                                                     const QDateTime& now, ProgressSink* sink)
{
    if (repository.isEmpty())
        return makeError(QStringLiteral("git.empty"), QStringLiteral("the repository has no commits yet"));
    const QString start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    const Result<git::ObjectId> tip = repository.resolve(start);
    if (!tip.ok())
        return tip.error();

    // A commit's files and gates never change: an earlier run may have stored them.
    const QByteArray key = RevisionFactsCache::key(tip.value());
    if (std::optional<ScorecardInputs> stored = RevisionFactsCache::find(key)) {
        stored->now = now.toUTC();
        return std::move(*stored);
    }
    ScorecardInputs inputs;
    inputs.now = now.toUTC();
    const Result<QList<git::TreeEntry>> files = repository.listFiles(tip.value());
    if (!files.ok())
        return files.error();
    for (const git::TreeEntry& file : files.value()) {
        inputs.files.append(file.path);
        const bool wanted = isPipelineConfig(file.path) || file.path == QLatin1String(".gatehouse/policy.yml")
            || file.path == QLatin1String(".gatehouse/triage.yml")
            || (isManifestWithContent(file.path) && !isVendored(file.path));
        if (!wanted)
            continue;
        const Result<QByteArray> content = repository.readBlob(file.blob, 1 << 20);
        if (content.ok())
            inputs.contents.insert(file.path, content.value());
    }

    evaluateGates(repository, tip.value(), inputs);
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    RevisionFactsCache::store(key, inputs);
    return inputs;
}

Status Scorecard::collectHistoryWide(const git::Repository& repository, const QString& revision,
                                     ScorecardInputs& inputs, ProgressSink* sink, const CollectOptions& collectOptions)
{
    if (collectOptions.beforeHistoryWide)
        collectOptions.beforeHistoryWide();
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    const QString start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    const Result<git::ObjectId> tip = repository.resolve(start);
    if (!tip.ok())
        return tip.error();

    // The subjects and scan times depend on the repository state alone: an earlier run may have stored them.
    const QByteArray factsKey = HistoryFactsCache::stateKey(repository, revision);
    const std::optional<HistoryFacts> stored = HistoryFactsCache::find(factsKey);
    if (stored) {
        inputs.recentSubjects = stored->recentSubjects;
    } else {
        // Newest first by committer time, streamed: the walk stops after 200 subjects having read about as many
        // commits (a topological order would read all of them first).
        git::LogOptions options;
        options.start = tip->toString();
        options.topological = false;
        const Status walked = repository.walk(options, [&](const git::CommitInfo& commit) {
            if (commit.parents.size() <= 1)
                inputs.recentSubjects.append(commit.summary);
            return inputs.recentSubjects.size() < kMaxSubjects && !(sink && sink->isCancelled());
        });
        if (!walked.ok())
            return walked.error();
    }

    Result<delivery::DeliverySnapshot> delivery = delivery::DeliveryAnalysis::run(repository, revision, sink);
    if (!delivery.ok())
        return delivery.error();
    inputs.deployments = std::move(delivery.value().history);
    inputs.incidents = std::move(delivery.value().incidents);
    if (sink)
        sink->report(5, 10, QStringLiteral("security posture"));

    // The posture and the run history open their own repository from the path (they are workers' jobs too).
    const QString repoPath = repository.workDir().isEmpty() ? repository.gitDir() : repository.workDir();
    Result<Posture> posture
        = PostureBuilder::compute(repoPath, revision, inputs.now, sink, collectOptions.scanCacheDirectory);
    if (posture.ok())
        inputs.posture = std::move(posture).value();
    else
        inputs.postureError = posture.error().message;
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    if (sink)
        sink->report(8, 10, QStringLiteral("pipeline runs"));
    runs::AnalysisOptions runOptions;
    runOptions.defaultBranch.clear(); // HEAD's branch
    const Result<QList<runs::Run>> imported = runs::RunHistory::load(repoPath, true, collectOptions.runStoreDirectory);
    if (imported.ok() && imported->isEmpty()) {
        // Nothing imported: the figures are empty whatever the history holds, so the run analysis' walk of the
        // CI-config history (it only correlates runs with config changes) is skipped.
        const Result<git::HeadInfo> head = repository.head();
        RunFacts facts;
        facts.overall = runs::analyzeRuns({}, runOptions).overall;
        facts.defaultBranch = head.ok() && !head->branch.isEmpty() ? head->branch : QStringLiteral("main");
        inputs.runs = facts;
    } else if (!imported.ok()) {
        inputs.runsError = imported.error().message;
    } else {
        Result<runs::RepositoryAnalysis> analysis
            = runs::RunHistory::analyze(repoPath, runOptions, true, collectOptions.runStoreDirectory);
        if (analysis.ok()) {
            RunFacts facts;
            facts.runs = int(analysis->runs.size());
            facts.overall = analysis->analysis.overall;
            facts.defaultBranch = analysis->options.defaultBranch;
            inputs.runs = facts;
        } else {
            inputs.runsError = analysis.error().message;
        }
    }

    if (stored) {
        inputs.scanTimes = stored->scanTimes;
        return Success{};
    }
    // Archived scans: each commit of the notes ref added one; committed reports: the commits that changed them.
    if (repository.resolve(QStringLiteral("refs/notes/gatehouse-scans")).ok()) {
        git::LogOptions notes;
        notes.start = QStringLiteral("refs/notes/gatehouse-scans");
        notes.maxCount = 1000;
        (void)repository.walk(notes, [&](const git::CommitInfo& commit) {
            inputs.scanTimes.append(commit.committer.time.toUTC());
            return true;
        });
    }
    // Committed reports: the commits of the branch (its first-parent chain, as the posture reads it: a side
    // branch's reports count when they are merged) that changed the folder. The chain is read from raw objects on
    // a repository of its own; a full walk of every commit took a sixth of a first open on GNOME/glib.
    if (Result<git::Repository> own = git::Repository::open(repoPath); own.ok()) {
        int found = 0;
        (void)own->walkFirstParentPaths(
            tip->toString(), {QStringLiteral("reports")}, -1, {},
            [&](const git::CommitInfo& commit, bool) {
                inputs.scanTimes.append(commit.committer.time.toUTC());
                return ++found < 1000 && !(sink && sink->isCancelled());
            },
            sink);
    }
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    HistoryFactsCache::store(factsKey, HistoryFacts{inputs.recentSubjects, inputs.scanTimes});
    return Success{};
}

} // namespace gatehouse::scorecard
