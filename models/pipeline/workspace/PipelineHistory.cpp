// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineHistory.h"

#include "BufferValidation.h"

#include "git/Repository.h"

#include <QSet>

namespace gatehouse::pipeline {

QList<int> PipelineHistory::regressions() const
{
    QList<int> result;
    for (int i = 0; i < revisions.size(); ++i) {
        if (revisions.at(i).isRegression())
            result.append(i);
    }
    return result;
}

namespace {

/// What one version of the file looks like, reduced to what the history compares.
struct Snapshot
{
    bool exists = false;
    bool parsed = false;
    int errors = 0;
    QStringList jobs;
    QStringList stages;
    QSet<QString> passing;
    QSet<QString> failing;
};

Snapshot snapshotAt(const QString& repositoryPath, const git::Repository& repository, const git::ObjectId& commit,
                    const QString& path)
{
    Snapshot snapshot;
    const auto content = repository.readFile(commit, path, 8 << 20);
    if (!content.ok())
        return snapshot;
    snapshot.exists = true;
    const BufferValidation v
        = validateBuffer(content.value(), path, revisionSource(repositoryPath, commit.toString())());
    snapshot.parsed = v.parsed;
    snapshot.errors = v.errors;
    for (const PipelineJob& job : v.model.jobs) {
        if (!snapshot.jobs.contains(job.baseName))
            snapshot.jobs.append(job.baseName);
    }
    // GitLab's implicit .pre/.post are in every pipeline: not a change worth showing.
    for (const QString& stage : v.model.stages) {
        if (stage != u".pre" && stage != u".post")
            snapshot.stages.append(stage);
    }
    for (const GateStatus& gate : v.gates) {
        if (gate.state == GateState::Pass)
            snapshot.passing.insert(gate.id);
        else if (gate.state == GateState::Fail)
            snapshot.failing.insert(gate.id);
    }
    return snapshot;
}

QStringList sortedList(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

} // namespace

Result<PipelineHistory> pipelineHistory(const QString& repositoryPath, const QString& relativePath,
                                        const QString& revision, int maxCommits, ProgressSink* sink)
{
    auto opened = git::Repository::open(repositoryPath);
    if (!opened.ok())
        return opened.error();
    const git::Repository& repository = opened.value();
    git::LogOptions options;
    options.start = revision;
    options.paths = {relativePath};
    options.maxCount = maxCommits + 1;
    const auto log = repository.log(options, sink);
    if (!log.ok())
        return log.error();

    PipelineHistory history;
    history.path = relativePath;
    QList<git::CommitInfo> commits = log.value();
    if (commits.size() > maxCommits) {
        history.truncated = true;
        commits.resize(maxCommits);
    }
    QSet<QString> authors;
    QHash<QDate, int> perWeek;
    // Oldest first, so each version is compared with the one before it.
    Snapshot previous;
    if (!commits.isEmpty() && !commits.constLast().parents.isEmpty())
        previous = snapshotAt(repositoryPath, repository, commits.constLast().parents.constFirst(), relativePath);
    QList<PipelineRevision> oldestFirst;
    for (qsizetype i = commits.size() - 1; i >= 0; --i) {
        if (sink) {
            if (sink->isCancelled())
                return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
            sink->report(commits.size() - i, commits.size(), QStringLiteral("history"));
        }
        const git::CommitInfo& info = commits.at(i);
        const Snapshot current = snapshotAt(repositoryPath, repository, info.id, relativePath);
        PipelineRevision rev;
        rev.commit = info.id;
        rev.author = info.author.name;
        rev.time = info.author.time;
        rev.summary = info.summary;
        rev.deleted = !current.exists;
        rev.parsed = current.parsed;
        rev.errors = current.errors;
        for (const QString& job : current.jobs) {
            if (!previous.jobs.contains(job))
                rev.jobsAdded.append(job);
        }
        for (const QString& job : previous.jobs) {
            if (!current.jobs.contains(job))
                rev.jobsRemoved.append(job);
        }
        if (current.stages != previous.stages && previous.exists && current.exists) {
            rev.stagesBefore = previous.stages;
            rev.stagesAfter = current.stages;
        }
        // A version that does not parse has no gate results: it neither regresses nor fixes gates.
        if (previous.parsed && current.parsed) {
            rev.gatesRegressed = sortedList(previous.passing & current.failing);
            rev.gatesFixed = sortedList(previous.failing & current.passing);
        }
        rev.failingGates = sortedList(current.failing);
        oldestFirst.append(rev);
        authors.insert(info.author.email.isEmpty() ? info.author.name : info.author.email);
        const QDate day = info.author.time.toUTC().date();
        perWeek[day.addDays(1 - day.dayOfWeek())] += 1;
        if (current.exists)
            previous = current;
        else
            previous = Snapshot{};
    }
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    history.revisions = oldestFirst;
    history.authors = int(authors.size());
    if (!perWeek.isEmpty()) {
        QList<QDate> weeks = perWeek.keys();
        std::sort(weeks.begin(), weeks.end());
        for (QDate week = weeks.constFirst(); week <= weeks.constLast(); week = week.addDays(7))
            history.churn.append({week, perWeek.value(week)});
    }
    return history;
}

} // namespace gatehouse::pipeline
