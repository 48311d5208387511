// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentScanner.h"

#include "DoraMetrics.h"
#include "git/CommitGraph.h"
#include "sync/PlatformDeployment.h"

#include <QHash>

namespace gatehouse::delivery {

namespace {

const QString kConfigPath = QStringLiteral(".gatehouse/config.yml");

Error cancelledError()
{
    return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
}

} // namespace

DeploymentRules DeploymentScanner::loadRules(const git::Repository& repository, const QString& revision,
                                             QList<RuleDiagnostic>* diagnostics)
{
    if (revision.isEmpty() && !repository.isBare()) {
        const Result<QByteArray> text = repository.readWorkTreeFile(kConfigPath, 1 << 20);
        if (text.ok())
            return DeploymentRules::fromConfig(text.value(), diagnostics);
    }
    if (repository.isEmpty())
        return DeploymentRules::defaults();
    const Result<QByteArray> text
        = repository.readFile(revision.isEmpty() ? QStringLiteral("HEAD") : revision, kConfigPath, 1 << 20);
    if (!text.ok())
        return DeploymentRules::defaults();
    return DeploymentRules::fromConfig(text.value(), diagnostics);
}

DeploymentHistory DeploymentScanner::classify(const QList<git::TagInfo>& tags, const DeploymentRules& rules,
                                              const std::function<QDateTime(const git::ObjectId&)>& commitTime)
{
    DeploymentHistory history;
    for (const git::TagInfo& tag : tags) {
        const std::optional<TagClassification> classification
            = rules.classify(tag.name, tag.annotated ? tag.message : QString());
        if (!classification)
            continue;
        if (!tag.pointsAtCommit || tag.target.isNull()) {
            history.notes.append(QStringLiteral("tag '%1' matches environment '%2' but does not point at a commit: "
                                                "ignored")
                                     .arg(tag.name, classification->environment));
            continue;
        }
        Deployment deployment;
        deployment.tag = tag.name;
        deployment.commit = tag.target;
        deployment.tagObject = tag.tagObject;
        deployment.annotated = tag.annotated;
        deployment.environment = classification->environment;
        deployment.ruleSource = classification->source;
        deployment.rule = classification->rule;
        deployment.message = tag.message;
        if (tag.annotated && tag.tagger.time.isValid()) {
            deployment.time = tag.tagger.time.toUTC();
            deployment.deployer = tag.tagger.name;
            deployment.deployerEmail = tag.tagger.email;
        } else {
            deployment.time = commitTime(tag.target).toUTC();
            if (tag.annotated) {
                deployment.deployer = tag.tagger.name;
                deployment.deployerEmail = tag.tagger.email;
            }
        }
        if (!deployment.time.isValid()) {
            history.notes.append(QStringLiteral("tag '%1': no time could be read: ignored").arg(tag.name));
            continue;
        }
        history.deployments.append(std::move(deployment));
    }
    orderDeployments(history);
    return history;
}

void DeploymentScanner::orderDeployments(DeploymentHistory& history)
{
    history.environments.clear();
    for (Deployment& deployment : history.deployments) {
        deployment.previous.reset();
        deployment.index = -1;
    }
    std::stable_sort(history.deployments.begin(), history.deployments.end(),
                     [](const Deployment& a, const Deployment& b) {
                         if (a.time != b.time)
                             return a.time < b.time;
                         if (a.environment != b.environment)
                             return a.environment < b.environment;
                         return a.tag < b.tag;
                     });
    QHash<QString, int> lastIndex;
    for (int i = 0; i < history.deployments.size(); ++i) {
        Deployment& deployment = history.deployments[i];
        const auto previous = lastIndex.constFind(deployment.environment);
        if (previous != lastIndex.constEnd()) {
            deployment.previous = previous.value();
            deployment.index = history.deployments.at(previous.value()).index + 1;
        } else {
            deployment.index = 0;
            history.environments.append(deployment.environment);
        }
        lastIndex.insert(deployment.environment, i);
    }
    std::sort(history.environments.begin(), history.environments.end(), [](const QString& a, const QString& b) {
        const bool aProduction = a == QLatin1String("production");
        const bool bProduction = b == QLatin1String("production");
        if (aProduction != bProduction)
            return aProduction;
        return a < b;
    });
}

void DeploymentScanner::mergePlatformDeployments(DeploymentHistory& history, const QList<PlatformDeployment>& platform,
                                                 const std::function<bool(const git::ObjectId&)>& exists)
{
    for (const PlatformDeployment& record : platform) {
        if (!record.finished())
            continue; // still running or waiting: not a deployment yet
        const git::ObjectId commit = git::ObjectId::fromHex(record.sha);
        if (commit.isNull() || !exists(commit)) {
            history.notes.append(QStringLiteral("%1 deployment %2: commit %3 is not in this repository: ignored")
                                     .arg(record.source, record.id, record.sha.left(12)));
            continue;
        }
        // Seen both ways: the tag of the same commit and environment not matched yet, closest in time.
        Deployment* same = nullptr;
        for (Deployment& d : history.deployments) {
            if (d.source != QLatin1String("tag") || d.commit != commit || d.environment != record.environment)
                continue;
            if (!same || qAbs(d.time.secsTo(record.time())) < qAbs(same->time.secsTo(record.time())))
                same = &d;
        }
        if (!same) {
            Deployment deployment;
            deployment.tag = record.source + QLatin1Char('#') + record.id;
            deployment.source = record.source;
            deployment.commit = commit;
            deployment.environment = record.environment;
            deployment.ruleSource = RuleSource::Platform;
            deployment.rule = record.deployable;
            deployment.time = record.time();
            deployment.deployer = record.user;
            if (!deployment.time.isValid()) {
                history.notes.append(
                    QStringLiteral("%1 deployment %2 has no time: ignored").arg(record.source, record.id));
                continue;
            }
            history.deployments.append(deployment);
            same = &history.deployments.last();
        } else {
            same->source = QStringLiteral("tag+") + record.source;
        }
        same->platformId = record.id;
        same->platformStatus = record.status;
        if (record.failedOrCanceled()) {
            same->failed = true;
            same->failedReasons.append(QStringLiteral("%1 on %2").arg(record.status, record.source));
        }
    }
}

Result<DeploymentHistory> DeploymentScanner::scan(const git::Repository& repository, const DeploymentRules& rules,
                                                  ProgressSink* sink, git::CommitGraph* graphInOut)
{
    const Result<QList<git::TagInfo>> tags = repository.tags();
    if (!tags.ok())
        return tags.error();

    QHash<git::ObjectId, QDateTime> commitTimes;
    auto commitTime = [&](const git::ObjectId& id) -> QDateTime {
        if (const auto cached = commitTimes.constFind(id); cached != commitTimes.constEnd())
            return cached.value();
        const Result<git::CommitInfo> commit = repository.commit(id);
        const QDateTime time = commit.ok() ? commit->committer.time : QDateTime();
        commitTimes.insert(id, time);
        return time;
    };
    DeploymentHistory history = classify(tags.value(), rules, commitTime);
    QStringList problems;
    const Result<QList<PlatformDeployment>> platform = PlatformDeployments::readAll(repository, &problems);
    history.notes.append(problems);
    if (!platform.ok())
        history.notes.append(QStringLiteral("deployment notes could not be read: ") + platform.error().message);
    else if (!platform->isEmpty()) {
        mergePlatformDeployments(history, platform.value(),
                                 [&](const git::ObjectId& id) { return commitTime(id).isValid(); });
        orderDeployments(history);
    }

    const QLatin1String stage("Analyzing deployments");
    const qsizetype total = history.deployments.size();
    // One walk over everything deployed; each deployment's changes are then read from memory.
    QList<git::ObjectId> deployed;
    deployed.reserve(total);
    for (const Deployment& deployment : std::as_const(history.deployments))
        deployed.append(deployment.commit);
    if (sink)
        sink->report(0, total, stage);
    git::CommitGraph ownGraph;
    git::CommitGraph& graph = graphInOut ? *graphInOut : ownGraph;
    if (const Status extended = graph.extend(repository, deployed, sink); !extended.ok())
        return extended.error();
    for (qsizetype i = 0; i < total; ++i) {
        if (sink) {
            if (sink->isCancelled())
                return cancelledError();
            sink->report(i, total, stage);
        }
        Deployment& deployment = history.deployments[i];
        if (!deployment.previous)
            continue;
        Deployment& previous = history.deployments[*deployment.previous];
        const QString tagMessage = deployment.message;
        if (deployment.commit == previous.commit) {
            deployment.redeploy = true;
            deployment.changes = QList<git::ObjectId>();
        } else {
            const int commit = graph.indexOf(deployment.commit);
            const int baseline = graph.indexOf(previous.commit);
            if (graph.isAncestor(commit, baseline)) {
                // Everything it contains was already deployed: no changes, no walk needed.
                deployment.rollback = true;
                deployment.rollbackReason = QStringLiteral("ancestor");
                deployment.changes = QList<git::ObjectId>();
                previous.failed = true;
                previous.failedReasons.append(QStringLiteral("rolled back by %1").arg(deployment.tag));
                continue;
            }
            QList<git::ObjectId> changes;
            const qint64 deployTime = deployment.time.toSecsSinceEpoch();
            for (const int change : graph.only(commit, baseline)) {
                changes.append(graph.id(change));
                qint64 seconds = deployTime - graph.commitTime(change);
                if (seconds < 0) {
                    ++deployment.clockSkewedChanges;
                    seconds = 0;
                }
                deployment.leadTimesSeconds.append(seconds);
            }
            deployment.changes = std::move(changes);
            deployment.leadTimeMedianSeconds = percentile(deployment.leadTimesSeconds, 0.5);
        }
        if (!deployment.redeploy && !deployment.rollback
            && tagMessage.contains(QLatin1String("rollback"), Qt::CaseInsensitive)) {
            deployment.rollback = true;
            deployment.rollbackReason = QStringLiteral("message");
        }
        if (deployment.rollback) {
            previous.failed = true;
            previous.failedReasons.append(QStringLiteral("rolled back by %1").arg(deployment.tag));
        }
    }
    if (sink)
        sink->report(total, total, stage);
    return history;
}

} // namespace gatehouse::delivery
