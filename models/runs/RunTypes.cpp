// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunTypes.h"

#include "RunOrder.h"

#include <QHash>

#include <algorithm>

namespace gatehouse::runs {

namespace {

// Job executions in the order they ran: by start (or creation), then by id.
bool executedBefore(const Job* a, const Job* b)
{
    const int order = compareByTimeThenId(a->started.isValid() ? a->started : a->created, a->id,
                                          b->started.isValid() ? b->started : b->created, b->id);
    return order != 0 ? order < 0 : a->id < b->id;
}

} // namespace

QString statusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Success:
        return QStringLiteral("success");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Canceled:
        return QStringLiteral("canceled");
    case RunStatus::Skipped:
        return QStringLiteral("skipped");
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Pending:
        return QStringLiteral("pending");
    case RunStatus::Manual:
        return QStringLiteral("manual");
    case RunStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

RunStatus statusFromName(const QString& name)
{
    for (RunStatus status : {RunStatus::Success, RunStatus::Failed, RunStatus::Canceled, RunStatus::Skipped,
                             RunStatus::Running, RunStatus::Pending, RunStatus::Manual}) {
        if (name == statusName(status))
            return status;
    }
    return RunStatus::Unknown;
}

RunStatus statusFromGitLab(const QString& status)
{
    if (status == QLatin1String("success"))
        return RunStatus::Success;
    if (status == QLatin1String("failed"))
        return RunStatus::Failed;
    if (status == QLatin1String("canceled") || status == QLatin1String("canceling"))
        return RunStatus::Canceled;
    if (status == QLatin1String("skipped"))
        return RunStatus::Skipped;
    if (status == QLatin1String("running"))
        return RunStatus::Running;
    if (status == QLatin1String("manual"))
        return RunStatus::Manual;
    if (status == QLatin1String("created") || status == QLatin1String("pending") || status == QLatin1String("preparing")
        || status == QLatin1String("waiting_for_resource") || status == QLatin1String("waiting_for_callback")
        || status == QLatin1String("scheduled"))
        return RunStatus::Pending;
    return RunStatus::Unknown;
}

RunStatus statusFromGitHub(const QString& status, const QString& conclusion)
{
    if (status == QLatin1String("completed") || !conclusion.isEmpty()) {
        if (conclusion == QLatin1String("success") || conclusion == QLatin1String("neutral"))
            return RunStatus::Success;
        if (conclusion == QLatin1String("failure") || conclusion == QLatin1String("timed_out")
            || conclusion == QLatin1String("startup_failure"))
            return RunStatus::Failed;
        if (conclusion == QLatin1String("cancelled") || conclusion == QLatin1String("stale"))
            return RunStatus::Canceled;
        if (conclusion == QLatin1String("skipped"))
            return RunStatus::Skipped;
        if (conclusion == QLatin1String("action_required"))
            return RunStatus::Manual;
        return RunStatus::Unknown;
    }
    if (status == QLatin1String("in_progress"))
        return RunStatus::Running;
    if (status == QLatin1String("queued") || status == QLatin1String("requested") || status == QLatin1String("waiting")
        || status == QLatin1String("pending"))
        return RunStatus::Pending;
    return RunStatus::Unknown;
}

bool isFinished(RunStatus status)
{
    return status == RunStatus::Success || status == RunStatus::Failed || status == RunStatus::Canceled;
}

double secondsBetween(const QDateTime& from, const QDateTime& to)
{
    if (!from.isValid() || !to.isValid())
        return -1;
    const qint64 ms = from.msecsTo(to);
    return ms < 0 ? -1 : double(ms) / 1000.0;
}

void deriveFromJobs(Run& run)
{
    if (run.hasRunRecord || run.jobs.isEmpty())
        return;
    bool allFinished = true;
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    for (const Job& job : std::as_const(run.jobs)) {
        if (job.created.isValid() && (!created.isValid() || job.created < created))
            created = job.created;
        if (job.started.isValid() && (!started.isValid() || job.started < started))
            started = job.started;
        if (job.finished.isValid() && (!finished.isValid() || job.finished > finished))
            finished = job.finished;
        if (!job.finished.isValid() && job.status != RunStatus::Skipped && job.status != RunStatus::Manual)
            allFinished = false;
    }
    run.created = created;
    run.started = started;
    run.finished = allFinished ? finished : QDateTime();
    run.durationSeconds = secondsBetween(run.started, run.finished);
    // GitHub's job lists do not carry the run's conclusion: derive it from the jobs.
    if ((run.status == RunStatus::Unknown || run.rawStatus == QLatin1String("derived")) && allFinished) {
        run.status = RunStatus::Success;
        for (const Job& job : std::as_const(run.jobs)) {
            if (job.status == RunStatus::Failed && !job.allowFailure && !job.retried)
                run.status = RunStatus::Failed;
            else if (job.status == RunStatus::Canceled && run.status == RunStatus::Success)
                run.status = RunStatus::Canceled;
        }
        run.rawStatus = QStringLiteral("derived");
    }
}

QString Run::pipelineName() const
{
    if (!name.isEmpty())
        return name;
    if (source == QLatin1String("gitlab"))
        return QStringLiteral("gitlab-ci");
    if (source == QLatin1String("junit"))
        return QStringLiteral("junit");
    return QStringLiteral("workflow");
}

QList<QList<const Job*>> executionsByName(const Run& run)
{
    QList<const Job*> ordered;
    ordered.reserve(run.jobs.size());
    for (const Job& job : run.jobs)
        ordered.append(&job);
    std::stable_sort(ordered.begin(), ordered.end(), executedBefore);
    QHash<QString, qsizetype> index;
    QList<QList<const Job*>> result;
    for (const Job* job : std::as_const(ordered)) {
        const auto it = index.constFind(job->name);
        if (it == index.constEnd()) {
            index.insert(job->name, result.size());
            result.append({job});
        } else {
            result[*it].append(job);
        }
    }
    return result;
}

} // namespace gatehouse::runs
