// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo's CI history. Clearly synthetic (RunSimulator), but shaped by the repository itself: every pipeline runs
// the jobs of its commit's CI file, and the odds follow the story told by the commits.
#include "DemoRuns.h"

#include "DemoBuilder.h"

#include "git/Repository.h"
#include "pipeline/GitLabPipeline.h"
#include "runs/RunSimulator.h"
#include "runs/RunStore.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gatehouse::demo {

using namespace Qt::StringLiterals;
using runs::Run;
using runs::SimulatedCommit;
using runs::SimulatedJob;
using runs::SimulationProfile;

namespace {

/// One pipeline to simulate.
struct CiEvent
{
    QString source; ///< gitlab or github
    git::ObjectId commit;
    QDateTime time;
    QString branch;
    QString trigger;
};

/// What a job typically takes and how often it fails, by job name.
struct JobHabit
{
    int seconds;
    double failureRate;
    bool flaky;
};

JobHabit habitOf(const QString& name, const QString& ciText)
{
    const bool pipCache = ciText.contains(u"pip-cache"_s);
    if (name == u"lint"_s)
        return {pipCache ? 35 : 55, 0.03, false};
    if (name == u"semgrep"_s)
        return {105, 0.02, false};
    if (name == u"gitleaks"_s)
        return {32, 0.01, false};
    if (name == u"trivy"_s) {
        // The vulnerability DB download timed out until the internal mirror (story: September); then it is cached.
        const bool mirror = ciText.contains(u"TRIVY_DB_REPOSITORY"_s);
        const bool cached = ciText.contains(u"TRIVY_CACHE_DIR"_s);
        return {cached ? 65 : 170, mirror ? 0.03 : 0.35, true};
    }
    if (name == u"unit-tests"_s)
        return {pipCache ? 150 : 215, 0.05, false};
    if (name == u"build-image"_s)
        return {250, 0.08, true}; // docker-in-docker loses its daemon now and then
    if (name == u"deploy-staging"_s)
        return {95, 0.03, false};
    if (name == u"deploy-production"_s)
        return {85, 0.02, false};
    if (name.startsWith(u"test ("_s))
        return {pipCache ? 120 : 150, 0.04, false};
    return {60, 0.02, false};
}

// The GitLab jobs of `ciText` in stage order, as the simulator wants them; empty when the file does not parse.
QList<SimulatedJob> gitLabJobs(const QByteArray& ciText)
{
    const QString path = u".gitlab-ci.yml"_s;
    QList<pipeline::Diagnostic> diagnostics;
    const pipeline::PipelineModel model = pipeline::GitLabPipeline::analyze(
        ciText, path, pipeline::FileSource::fromMap({{path, ciText}}, true), diagnostics);
    const QString text = QString::fromUtf8(ciText);
    QList<SimulatedJob> jobs;
    for (const pipeline::PipelineJob& job : model.jobs) {
        if (job.hidden)
            continue;
        const JobHabit habit = habitOf(job.name, text);
        SimulatedJob spec;
        spec.name = job.name;
        spec.stage = job.stage;
        spec.needs = job.needs;
        spec.startsAtOnce = job.needs.isEmpty() && job.config.contains(u"needs");
        spec.manual = job.when == u"manual"_s;
        spec.allowFailure = job.allowFailure;
        spec.seconds = habit.seconds;
        spec.failureRate = habit.failureRate;
        spec.flaky = habit.flaky;
        jobs.append(spec);
    }
    std::stable_sort(jobs.begin(), jobs.end(), [&model](const SimulatedJob& a, const SimulatedJob& b) {
        return model.stages.indexOf(a.stage) < model.stages.indexOf(b.stage);
    });
    return jobs;
}

// The GitHub mirror's CI workflow: a Python matrix and, later, semgrep. All jobs start together.
QList<SimulatedJob> gitHubJobs(const QByteArray& workflow)
{
    const QString text = QString::fromUtf8(workflow);
    QList<SimulatedJob> jobs;
    const auto job = [&text](const QString& name) {
        const JobHabit habit = habitOf(name, text);
        SimulatedJob spec;
        spec.name = name;
        spec.seconds = habit.seconds;
        spec.failureRate = habit.failureRate;
        return spec;
    };
    jobs << job(u"test (3.11)"_s) << job(u"test (3.12)"_s);
    if (text.contains(u"\n  semgrep:"_s))
        jobs << job(u"semgrep"_s);
    return jobs;
}

Result<QList<git::CommitInfo>> history(const git::Repository& repository, const QString& start, const QStringList& hide,
                                       bool firstParent)
{
    git::LogOptions options;
    options.start = start;
    options.hide = hide;
    options.firstParent = firstParent;
    auto log = repository.log(options);
    if (!log)
        return log.error();
    QList<git::CommitInfo> commits = *log;
    std::reverse(commits.begin(), commits.end()); // oldest first
    return commits;
}

// Pushes to main and to merge-request branches, nightly schedules on main, and the GitHub mirror's runs.
Result<QList<CiEvent>> ciEvents(const git::Repository& repository)
{
    auto mainLine = history(repository, u"refs/heads/main"_s, {}, true);
    if (!mainLine)
        return mainLine.error();
    QList<CiEvent> events;
    static const QRegularExpression mergeTitle(u"^Merge branch '([^']+)'"_s);
    for (const git::CommitInfo& commit : std::as_const(*mainLine)) {
        const QDateTime pushed = commit.committer.time.toUTC();
        events.append({u"gitlab"_s, commit.id, pushed, u"main"_s, u"push"_s});
        events.append({u"github"_s, commit.id, pushed.addSecs(40), u"main"_s, u"push"_s});
        if (commit.parents.size() < 2)
            continue;
        const QRegularExpressionMatch match = mergeTitle.match(commit.summary);
        const QString branch = match.hasMatch() ? match.captured(1) : u"feature"_s;
        auto branchCommits
            = history(repository, commit.parents.at(1).toString(), {commit.parents.at(0).toString()}, false);
        if (!branchCommits)
            return branchCommits.error();
        for (const git::CommitInfo& onBranch : std::as_const(*branchCommits)) {
            const QDateTime time = onBranch.committer.time.toUTC();
            events.append({u"gitlab"_s, onBranch.id, time, branch, u"merge_request_event"_s});
            events.append({u"github"_s, onBranch.id, time.addSecs(40), branch, u"pull_request"_s});
        }
    }
    // Branches still open (the Flask 3 upgrade) run merge-request pipelines too.
    auto branches = repository.branches(false);
    if (!branches)
        return branches.error();
    for (const git::BranchInfo& branch : std::as_const(*branches)) {
        if (branch.name == u"main"_s)
            continue;
        auto open = history(repository, u"refs/heads/"_s + branch.name, {u"refs/heads/main"_s}, false);
        if (!open)
            return open.error();
        for (const git::CommitInfo& commit : std::as_const(*open))
            events.append(
                {u"gitlab"_s, commit.id, commit.committer.time.toUTC(), branch.name, u"merge_request_event"_s});
    }
    // Nightly at 02:00 UTC on main's head of the time: the same commit runs again, so flaky failures show as false
    // failures (a later run of the same commit passed).
    if (!mainLine->isEmpty()) {
        const QDate first = mainLine->first().committer.time.toUTC().date().addDays(1);
        const QDate last = mainLine->last().committer.time.toUTC().date().addDays(1);
        qsizetype head = 0;
        for (QDate day = first; day <= last; day = day.addDays(1)) {
            const QDateTime at(day, QTime(2, 0), Qt::UTC);
            while (head + 1 < mainLine->size() && mainLine->at(head + 1).committer.time.toUTC() <= at)
                ++head;
            events.append({u"gitlab"_s, mainLine->at(head).id, at, u"main"_s, u"schedule"_s});
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const CiEvent& a, const CiEvent& b) { return a.time < b.time; });
    return events;
}

} // namespace

Result<QList<Run>> simulateDemoRuns(const git::Repository& repository)
{
    auto events = ciEvents(repository);
    if (!events)
        return events.error();
    auto tags = repository.tags();
    if (!tags)
        return tags.error();
    // The production button was pressed on the commits that carry a production deployment tag.
    QSet<QString> deployedToProduction;
    for (const git::TagInfo& tag : std::as_const(*tags)) {
        if (tag.name.startsWith(u"deploy-"_s))
            deployedToProduction.insert(tag.target.toString());
    }

    QHash<QString, QList<SimulatedJob>> jobsByConfig; // blob content → jobs (the file changes a few dozen times)
    QList<Run> runs;
    int gitLabId = 48'210;
    int gitHubId = 10'884'300;
    qint64 jobId = 7'302'100;
    for (qsizetype i = 0; i < events->size(); ++i) {
        const CiEvent& event = events->at(i);
        const bool gitLab = event.source == u"gitlab"_s;
        auto config
            = repository.readFile(event.commit, gitLab ? u".gitlab-ci.yml"_s : u".github/workflows/ci.yml"_s, 1 << 20);
        if (!config)
            continue; // no CI file at this commit yet: no pipeline
        const QString cacheKey = event.source + QString::fromUtf8(*config);
        if (!jobsByConfig.contains(cacheKey))
            jobsByConfig.insert(cacheKey, gitLab ? gitLabJobs(*config) : gitHubJobs(*config));
        SimulationProfile profile;
        profile.source = event.source;
        profile.pipeline = gitLab ? u"gitlab-ci"_s : u"CI"_s;
        profile.seed = quint32(7919 * (i + 1));
        profile.firstId = gitLab ? gitLabId++ : gitHubId++;
        const bool released = deployedToProduction.contains(event.commit.toString());
        for (const SimulatedJob& job : jobsByConfig.value(cacheKey)) {
            // Deployments run from main only; production only where the release engineer pressed the button.
            if (job.name.startsWith(u"deploy-"_s) && event.branch != u"main"_s)
                continue;
            if (job.manual && (!released || event.trigger != u"push"_s))
                continue;
            profile.jobs.append(job);
        }
        if (profile.jobs.isEmpty())
            continue;
        const SimulatedCommit commit{event.commit.toString(), event.time, event.branch};
        QList<Run> simulated = runs::RunSimulator::simulate({commit}, profile);
        for (Run& run : simulated) {
            run.trigger = event.trigger;
            const QString project = gitLab ? u"https://gitlab.example.com/parcel/parcel-api"_s
                                           : u"https://github.com/parcel-example/parcel-api"_s;
            run.webUrl = project + (gitLab ? u"/-/pipelines/"_s : u"/actions/runs/"_s) + run.id;
            for (runs::Job& job : run.jobs) {
                job.id = QString::number(jobId++);
                job.webUrl = project + (gitLab ? u"/-/jobs/"_s : u"/actions/runs/"_s + run.id + u"/job/"_s) + job.id;
                if (!gitLab)
                    job.runner = u"GitHub Actions %1"_s.arg(job.runner.mid(7));
            }
            runs.append(run);
        }
    }
    return runs;
}

Result<int> archiveDemoRuns(git::Repository& repository)
{
    auto runs = simulateDemoRuns(repository);
    if (!runs)
        return runs.error();
    const git::Signature ci{u"Parcel CI"_s, u"ci@parcel.example.com"_s, utc(11, 20, 23, 45)};
    auto archived = runs::RunStore::archiveToNotes(repository, *runs, ci);
    if (!archived)
        return archived.error();
    return archived->runsArchived;
}

} // namespace gatehouse::demo
