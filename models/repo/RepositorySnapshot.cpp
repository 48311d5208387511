// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositorySnapshot.h"

#include <QTimeZone>

namespace gatehouse {

int RepositorySnapshot::commitsInLastWeeks(int count) const
{
    int total = 0;
    for (qsizetype i = qMax<qsizetype>(0, weeks.size() - count); i < weeks.size(); ++i)
        total += weeks.at(i).commits;
    return total;
}

int RepositorySnapshot::contributorsInLastWeeks(int count) const
{
    if (weeks.isEmpty() || count <= 0)
        return 0;
    const QDate firstWeek = weeks.at(qMax<qsizetype>(0, weeks.size() - count)).weekStart;
    const QDateTime cutoff(firstWeek, QTime(0, 0), Qt::UTC);
    int total = 0;
    for (const Contributor& contributor : contributors) {
        if (contributor.last >= cutoff)
            ++total;
    }
    return total;
}

QList<DeployTag> RepositorySnapshot::lastDeploymentPerEnvironment() const
{
    QMap<QString, DeployTag> newest;
    for (const DeployTag& tag : deployTags) {
        auto it = newest.find(tag.environment);
        if (it == newest.end() || tag.time > it->time)
            newest.insert(tag.environment, tag);
    }
    return newest.values();
}

int RepositorySnapshot::reportChangingCommits() const
{
    int count = 0;
    for (const ScanCommit& scan : scanCommits)
        count += scan.reportPaths.isEmpty() && scan.deletedReportPaths.isEmpty() ? 0 : 1;
    return count;
}

int RepositorySnapshot::gitLabPipelineFiles() const
{
    int count = 0;
    for (const PipelineFile& file : pipelineFiles)
        count += file.kind == PipelineFile::Kind::GitLabCi || file.kind == PipelineFile::Kind::GitLabInclude ? 1 : 0;
    return count;
}

QMap<QString, RepositorySnapshot::EnvironmentCounts> RepositorySnapshot::deploymentCounts() const
{
    QMap<QString, EnvironmentCounts> counts;
    for (const DeployTag& tag : deployTags) {
        EnvironmentCounts& entry = counts[tag.environment];
        ++entry.deployments;
        entry.rollbacks += tag.rollback ? 1 : 0;
    }
    return counts;
}

int RepositorySnapshot::incidentCount(IncidentCommit::Kind kind) const
{
    int count = 0;
    for (const IncidentCommit& incident : incidents)
        count += incident.kind == kind ? 1 : 0;
    return count;
}

const IncidentCommit* RepositorySnapshot::lastIncident() const
{
    const IncidentCommit* last = nullptr;
    for (const IncidentCommit& incident : incidents) {
        if (!last || incident.time > last->time)
            last = &incident;
    }
    return last;
}

QString pipelineKindName(PipelineFile::Kind kind)
{
    switch (kind) {
    case PipelineFile::Kind::GitLabCi:
        return QStringLiteral("gitlab-ci");
    case PipelineFile::Kind::GitLabInclude:
        return QStringLiteral("gitlab-include");
    case PipelineFile::Kind::GitHubWorkflow:
        return QStringLiteral("github-workflow");
    case PipelineFile::Kind::GitHubAction:
        return QStringLiteral("github-action");
    case PipelineFile::Kind::CircleCI:
        return QStringLiteral("circleci");
    case PipelineFile::Kind::Jenkinsfile:
        return QStringLiteral("jenkinsfile");
    }
    return {};
}

QString incidentKindName(IncidentCommit::Kind kind)
{
    switch (kind) {
    case IncidentCommit::Kind::Postmortem:
        return QStringLiteral("postmortem");
    case IncidentCommit::Kind::Hotfix:
        return QStringLiteral("hotfix");
    case IncidentCommit::Kind::Revert:
        return QStringLiteral("revert");
    case IncidentCommit::Kind::Document:
        return QStringLiteral("document");
    }
    return {};
}

} // namespace gatehouse
