// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentComparison.h"

#include "classify/RepositoryClassifier.h"
#include "git/Repository.h"

#include <QRegularExpression>

namespace gatehouse::delivery {

bool DeploymentComparison::isPipelineOrPolicyPath(const QString& path)
{
    // Pipeline files by the one rule, plus what lives beside them (scripts of local actions, the policy).
    if (classify::pipelineKind(path))
        return true;
    static const QStringList folders{QStringLiteral(".gitlab/ci/"), QStringLiteral(".github/workflows/"),
                                     QStringLiteral(".github/actions/"), QStringLiteral(".gatehouse/")};
    for (const QString& folder : folders) {
        if (path.startsWith(folder) && path.size() > folder.size())
            return true;
    }
    return false;
}

int DeploymentComparison::lastGoodBefore(const DeploymentHistory& history, int blamedIndex)
{
    if (blamedIndex < 0 || blamedIndex >= history.deployments.size())
        return -1;
    std::optional<int> previous = history.deployments.at(blamedIndex).previous;
    while (previous) {
        const Deployment& candidate = history.deployments.at(*previous);
        if (!candidate.failed)
            return *previous;
        previous = candidate.previous;
    }
    return -1;
}

Result<DeploymentDiff> DeploymentComparison::compare(const git::Repository& repository, const git::ObjectId& from,
                                                     const git::ObjectId& to, int maxCommits, ProgressSink* sink)
{
    DeploymentDiff diff;
    diff.from = from;
    diff.to = to;
    if (!from.isNull() && from != to) {
        const Result<bool> backwards = repository.isAncestor(to, from);
        if (!backwards.ok())
            return backwards.error();
        diff.backwards = backwards.value();
    }
    if (from != to) {
        git::LogOptions options;
        options.start = (diff.backwards ? from : to).toString();
        if (!from.isNull())
            options.hide = {(diff.backwards ? to : from).toString()};
        options.maxCount = maxCommits;
        const Status walked = repository.walk(options, [&](const git::CommitInfo& commit) {
            diff.commits.append(commit);
            return !(sink && sink->isCancelled());
        });
        if (!walked.ok())
            return walked.error();
        if (sink && sink->isCancelled())
            return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    }
    Result<QList<git::FileChange>> files = repository.diff(from, to);
    if (!files.ok())
        return files.error();
    diff.files = std::move(files).value();
    for (const git::FileChange& change : std::as_const(diff.files)) {
        if (isPipelineOrPolicyPath(change.newPath) || isPipelineOrPolicyPath(change.oldPath))
            diff.pipelineFiles.append(change);
    }
    return diff;
}

Result<DeploymentDiff> DeploymentComparison::changelog(const git::Repository& repository,
                                                       const DeploymentHistory& history, int index, ProgressSink* sink)
{
    if (index < 0 || index >= history.deployments.size())
        return makeError(QStringLiteral("delivery.no-deployment"), QStringLiteral("no deployment at %1").arg(index));
    const Deployment& deployment = history.deployments.at(index);
    if (!deployment.previous) {
        DeploymentDiff diff;
        diff.to = deployment.commit;
        return diff; // D1: no baseline, no changelog
    }
    return compare(repository, history.deployments.at(*deployment.previous).commit, deployment.commit, 10000, sink);
}

} // namespace gatehouse::delivery
