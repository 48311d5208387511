// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// CI run history: value types shared by the readers, the store, the analysis and the item models.
// All of them are plain values, safe to copy between threads.
namespace gatehouse::runs {

/// A run's, job's or step's outcome, normalized over GitLab, GitHub and JUnit.
enum class RunStatus
{
    Unknown,
    Success,
    Failed,
    Canceled,
    Skipped,
    Running,
    Pending, ///< created, queued, waiting, scheduled
    Manual, ///< a manual job waiting for someone to start it
};

/// Stable lowercase names ("success", "failed", ...) used in the store and the CLI.
QString statusName(RunStatus status);
RunStatus statusFromName(const QString& name);
/// GitLab's status strings (success, failed, canceled, skipped, manual, created, pending, running, ...).
RunStatus statusFromGitLab(const QString& status);
/// GitHub's status + conclusion pair (completed/success, completed/failure, in_progress/null, ...).
RunStatus statusFromGitHub(const QString& status, const QString& conclusion);
/// Success, failed or canceled: the run is over and tells something.
bool isFinished(RunStatus status);

/// Seconds between two times, or -1 when either is invalid (or the order is reversed).
double secondsBetween(const QDateTime& from, const QDateTime& to);

/// One step of a GitHub job, or one test case of a JUnit suite.
struct Step
{
    QString name;
    int number = 0;
    RunStatus status = RunStatus::Unknown;
    QDateTime started;
    QDateTime finished;
    double durationSeconds = -1; ///< -1 = unknown

    bool operator==(const Step&) const = default;
};

/// One job execution (one attempt of one job) of a run.
struct Job
{
    QString id; ///< the CI's job id (unique per source)
    QString runId; ///< the pipeline / workflow run it belongs to
    QString name;
    QString stage; ///< GitLab stage; empty for GitHub
    RunStatus status = RunStatus::Unknown;
    QString rawStatus; ///< as the CI wrote it (e.g. "timed_out")
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    double durationSeconds = -1; ///< -1 = unknown
    double queueSeconds = -1; ///< created → started; -1 = unknown
    int attempt = 1; ///< GitHub run attempt; GitLab: 1 (retries are separate jobs with the same name)
    bool retried = false; ///< a later attempt of this job exists (GitLab `retried`)
    bool allowFailure = false;
    bool manual = false; ///< `when: manual` (played or not)
    QString runner;
    QStringList needs; ///< jobs it waits for, when known
    QString webUrl;
    QList<Step> steps;

    bool operator==(const Job&) const = default;
};

/// One pipeline (GitLab) or workflow run attempt (GitHub) or one JUnit report, with its jobs.
struct Run
{
    QString source; ///< "gitlab", "github" or "junit"
    QString id; ///< the CI's pipeline / run id
    int attempt = 1; ///< GitHub run_attempt; 1 elsewhere
    QString name; ///< pipeline / workflow name; may be empty for GitLab
    QString sha; ///< the commit it ran on (40 hex digits when known)
    QString branch; ///< ref / head branch
    RunStatus status = RunStatus::Unknown;
    QString rawStatus;
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    double durationSeconds = -1; ///< -1 = unknown
    double queueSeconds = -1; ///< -1 = unknown
    QString trigger; ///< GitLab `source`, GitHub `event` (push, pull_request, schedule, ...)
    QString webUrl;
    /// False when only the run's jobs were imported (the run's own record came from their fields).
    bool hasRunRecord = true;
    QList<Job> jobs;

    /// The identity used for idempotent import: source + id + attempt.
    QString key() const { return source + QLatin1Char(':') + id + QLatin1Char('#') + QString::number(attempt); }
    /// The name analyses group by: the pipeline / workflow name, or a per-source default.
    QString pipelineName() const;
    /// The time the run is placed at on a timeline: started, else created.
    QDateTime when() const { return started.isValid() ? started : created; }

    bool operator==(const Run&) const = default;
};

/// For runs known only through their jobs (hasRunRecord == false): the times the jobs span, the duration, and a
/// status derived from the jobs when the run's own is unknown. Leaves runs with their own record untouched.
void deriveFromJobs(Run& run);

/// Each job name's executions within one run, in the order they ran (by start, else creation, then by id). Order of
/// names: first execution first.
QList<QList<const Job*>> executionsByName(const Run& run);

} // namespace gatehouse::runs
