// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnapshotJson.h"

#include <QJsonArray>

namespace gatehouse {

namespace {

QJsonValue idOrNull(const git::ObjectId& id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(id.toString());
}

QJsonObject deployJson(const DeployTag& tag)
{
    return QJsonObject{{QStringLiteral("tag"), tag.tag},
                       {QStringLiteral("environment"), tag.environment},
                       {QStringLiteral("commit"), idOrNull(tag.commit)},
                       {QStringLiteral("commitSummary"), tag.commitSummary},
                       {QStringLiteral("time"), isoTime(tag.time)},
                       {QStringLiteral("tagger"), tag.tagger},
                       {QStringLiteral("message"), tag.message},
                       {QStringLiteral("annotated"), tag.annotated},
                       {QStringLiteral("rollback"), tag.rollback}};
}

QJsonObject incidentJson(const IncidentCommit& incident)
{
    return QJsonObject{{QStringLiteral("kind"), incidentKindName(incident.kind)},
                       {QStringLiteral("commit"), idOrNull(incident.commit)},
                       {QStringLiteral("summary"), incident.summary},
                       {QStringLiteral("author"), incident.author},
                       {QStringLiteral("time"), isoTime(incident.time)},
                       {QStringLiteral("incident"), incident.incident},
                       {QStringLiteral("rootCause"), incident.rootCause},
                       {QStringLiteral("fix"), incident.fix},
                       {QStringLiteral("factors"), QJsonArray::fromStringList(incident.factors)}};
}

} // namespace

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toString(Qt::ISODate) : QString();
}

QJsonObject snapshotToJson(const RepositorySnapshot& s)
{
    QJsonArray branches;
    for (const git::BranchInfo& branch : s.branches)
        branches.append(QJsonObject{{QStringLiteral("name"), branch.name},
                                    {QStringLiteral("commit"), idOrNull(branch.target)},
                                    {QStringLiteral("remote"), branch.remote},
                                    {QStringLiteral("head"), branch.isHead}});
    QJsonArray tags;
    for (const git::TagInfo& tag : s.tags) {
        QJsonObject object{{QStringLiteral("name"), tag.name},
                           {QStringLiteral("commit"), idOrNull(tag.target)},
                           {QStringLiteral("annotated"), tag.annotated}};
        if (tag.annotated) {
            object.insert(QStringLiteral("tagger"), tag.tagger.name);
            object.insert(QStringLiteral("taggerEmail"), tag.tagger.email);
            object.insert(QStringLiteral("time"), isoTime(tag.tagger.time));
            object.insert(QStringLiteral("message"), tag.message.trimmed());
        }
        tags.append(object);
    }
    QJsonArray commits;
    for (const CommitSummary& commit : s.recentCommits)
        commits.append(QJsonObject{{QStringLiteral("id"), commit.id.toString()},
                                   {QStringLiteral("summary"), commit.summary},
                                   {QStringLiteral("author"), commit.author},
                                   {QStringLiteral("email"), commit.authorEmail},
                                   {QStringLiteral("time"), isoTime(commit.time)},
                                   {QStringLiteral("parents"), commit.parentCount}});
    QJsonArray pipelines;
    for (const PipelineFile& file : s.pipelineFiles)
        pipelines.append(QJsonObject{{QStringLiteral("path"), file.path},
                                     {QStringLiteral("kind"), pipelineKindName(file.kind)},
                                     {QStringLiteral("size"), file.size}});
    QJsonArray reports;
    for (const ReportFile& file : s.reportFiles)
        reports.append(QJsonObject{{QStringLiteral("path"), file.path},
                                   {QStringLiteral("tool"), file.tool},
                                   {QStringLiteral("format"), file.format},
                                   {QStringLiteral("size"), file.size},
                                   {QStringLiteral("lastCommit"), idOrNull(file.lastCommit)},
                                   {QStringLiteral("lastChanged"), isoTime(file.lastChanged)}});
    QJsonArray scans;
    for (const ScanCommit& scan : s.scanCommits)
        scans.append(
            QJsonObject{{QStringLiteral("commit"), idOrNull(scan.commit)},
                        {QStringLiteral("summary"), scan.summary},
                        {QStringLiteral("author"), scan.author},
                        {QStringLiteral("time"), isoTime(scan.time)},
                        {QStringLiteral("reports"), QJsonArray::fromStringList(scan.reportPaths)},
                        {QStringLiteral("deletedReports"), QJsonArray::fromStringList(scan.deletedReportPaths)},
                        {QStringLiteral("note"), scan.hasNote},
                        {QStringLiteral("noteSize"), scan.noteSize},
                        {QStringLiteral("noteSummary"), scan.noteSummary}});
    QJsonArray deployments;
    for (const DeployTag& tag : s.deployTags)
        deployments.append(deployJson(tag));
    QJsonArray incidents;
    for (const IncidentCommit& incident : s.incidents)
        incidents.append(incidentJson(incident));
    QJsonArray contributors;
    for (const Contributor& c : s.contributors)
        contributors.append(QJsonObject{{QStringLiteral("name"), c.name},
                                        {QStringLiteral("email"), c.email},
                                        {QStringLiteral("commits"), c.commits},
                                        {QStringLiteral("first"), isoTime(c.first)},
                                        {QStringLiteral("last"), isoTime(c.last)}});
    QJsonArray weeks;
    for (const WeekActivity& week : s.weeks)
        weeks.append(QJsonObject{{QStringLiteral("weekStart"), week.weekStart.toString(Qt::ISODate)},
                                 {QStringLiteral("commits"), week.commits},
                                 {QStringLiteral("authors"), week.authors}});

    QJsonObject lastDeployments;
    for (const DeployTag& tag : s.lastDeploymentPerEnvironment())
        lastDeployments.insert(tag.environment, deployJson(tag));
    const IncidentCommit* lastIncident = s.lastIncident();
    QJsonObject perEnvironment;
    const auto counts = s.deploymentCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        perEnvironment.insert(it.key(),
                              QJsonObject{{QStringLiteral("deployments"), it->deployments},
                                          {QStringLiteral("rollbacks"), it->rollbacks}});
    QJsonObject byKind;
    for (auto kind : {IncidentCommit::Kind::Postmortem, IncidentCommit::Kind::Hotfix, IncidentCommit::Kind::Revert,
                      IncidentCommit::Kind::Document})
        byKind.insert(incidentKindName(kind), s.incidentCount(kind));
    const QJsonObject kpis{
        {QStringLiteral("branch"), s.head.detached ? QString() : s.head.branch},
        {QStringLiteral("commit"), s.commit.toString()},
        {QStringLiteral("commitsLast12Weeks"), s.commitsInLastWeeks(12)},
        {QStringLiteral("contributors"), int(s.contributors.size())},
        {QStringLiteral("contributorsLast12Weeks"), s.contributorsInLastWeeks(12)},
        {QStringLiteral("pipelineFiles"), int(s.pipelineFiles.size())},
        {QStringLiteral("reportFiles"), int(s.reportFiles.size())},
        {QStringLiteral("scanNotes"), s.scanNotes},
        {QStringLiteral("deployments"), int(s.deployTags.size())},
        {QStringLiteral("incidents"), int(s.incidents.size())},
        {QStringLiteral("unshippedReverts"), s.unshippedReverts},
        {QStringLiteral("lastDeploymentPerEnvironment"), lastDeployments},
        {QStringLiteral("reportCommits"), s.reportChangingCommits()},
        {QStringLiteral("pipelineFilesGitLab"), s.gitLabPipelineFiles()},
        {QStringLiteral("pipelineFilesGitHub"), s.gitHubPipelineFiles()},
        {QStringLiteral("deploymentsPerEnvironment"), perEnvironment},
        {QStringLiteral("incidentsByKind"), byKind},
        {QStringLiteral("lastIncident"), lastIncident ? QJsonValue(incidentJson(*lastIncident)) : QJsonValue()}};

    // The first fields are those of the first `info` version (kept as they were: scripts may read them).
    return QJsonObject{
        {QStringLiteral("path"), s.path},
        {QStringLiteral("name"), s.displayName},
        {QStringLiteral("bare"), s.bare},
        {QStringLiteral("branch"), s.head.branch},
        {QStringLiteral("detached"), s.head.detached},
        {QStringLiteral("head"), idOrNull(s.head.commit)},
        {QStringLiteral("revision"), s.commit.toString()},
        {QStringLiteral("commits"), s.commitsWalked},
        {QStringLiteral("branches"), int(s.branches.size())},
        {QStringLiteral("tags"), int(s.tags.size())},
        {QStringLiteral("gitDir"), s.gitDir},
        {QStringLiteral("requestedRevision"), s.revision.isEmpty() ? QJsonValue() : QJsonValue(s.revision)},
        {QStringLiteral("workTree"), s.workTree},
        {QStringLiteral("commitSummary"), s.commitSummary},
        {QStringLiteral("commitTime"), isoTime(s.commitTime)},
        {QStringLiteral("kpis"), kpis},
        {QStringLiteral("historyTruncated"), s.historyTruncated},
        {QStringLiteral("fileCount"), s.fileCount},
        {QStringLiteral("branchList"), branches},
        {QStringLiteral("tagList"), tags},
        {QStringLiteral("recentCommits"), commits},
        {QStringLiteral("pipelineFiles"), pipelines},
        {QStringLiteral("reportFiles"), reports},
        {QStringLiteral("scanCommits"), scans},
        {QStringLiteral("deployments"), deployments},
        {QStringLiteral("incidents"), incidents},
        {QStringLiteral("contributors"), contributors},
        {QStringLiteral("weeks"), weeks},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings)}};
}

} // namespace gatehouse
