// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunSimulator.h"

#include <QHash>
#include <QRandomGenerator>

#include <cmath>

namespace gatehouse::runs {

QList<Run> RunSimulator::simulate(const QList<SimulatedCommit>& commits, const SimulationProfile& profile)
{
    QRandomGenerator random(profile.seed);
    QList<Run> runs;
    runs.reserve(commits.size());
    qint64 nextJobId = qint64(profile.firstId) * 10;
    int nextRunId = profile.firstId;
    for (const SimulatedCommit& commit : commits) {
        Run run;
        run.source = profile.source;
        run.id = QString::number(nextRunId++);
        run.name = profile.pipeline;
        run.sha = commit.sha;
        run.branch = commit.branch;
        run.trigger = QStringLiteral("push");
        run.created = commit.time.addSecs(5);
        run.started = run.created.addSecs(5 + random.bounded(40));
        run.queueSeconds = double(run.created.secsTo(run.started));

        QHash<QString, QDateTime> finishedAt;
        QDateTime stageStart = run.started;
        QDateTime stageEnd = run.started;
        QString stage;
        bool failed = false;
        for (const SimulatedJob& spec : profile.jobs) {
            if (spec.manual && commit.branch != profile.defaultBranch)
                continue;
            if (spec.stage != stage) {
                if (failed)
                    break; // later stages do not run after a failure
                stage = spec.stage;
                stageStart = stageEnd;
            }
            QDateTime start = stageStart;
            if (spec.startsAtOnce) {
                start = run.started;
            } else if (!spec.needs.isEmpty()) {
                start = run.started;
                for (const QString& need : spec.needs)
                    start = qMax(start, finishedAt.value(need, run.started));
            }
            bool passed = false;
            for (int attempt = 1; attempt <= 2 && !passed; ++attempt) {
                Job job;
                job.id = QString::number(nextJobId++);
                job.runId = run.id;
                job.name = spec.name;
                job.stage = spec.stage;
                job.needs = spec.needs;
                job.manual = spec.manual;
                job.allowFailure = spec.allowFailure;
                job.runner = QStringLiteral("runner-%1").arg(1 + random.bounded(3));
                job.created = start;
                job.queueSeconds = double(2 + random.bounded(20));
                job.started = start.addSecs(qint64(job.queueSeconds));
                job.durationSeconds = std::round(spec.seconds * (0.8 + 0.4 * random.generateDouble()));
                job.finished = job.started.addSecs(qint64(job.durationSeconds));
                const bool fails = random.generateDouble() < spec.failureRate;
                job.status = fails ? RunStatus::Failed : RunStatus::Success;
                job.rawStatus = fails ? QStringLiteral("failed") : QStringLiteral("success");
                passed = !fails;
                start = job.finished;
                if (fails && spec.flaky && attempt == 1) {
                    job.retried = true; // someone pressed retry; the next attempt follows
                    run.jobs.append(job);
                    continue;
                }
                run.jobs.append(job);
                finishedAt.insert(spec.name, job.finished);
                stageEnd = qMax(stageEnd, job.finished);
                if (fails && !spec.allowFailure)
                    failed = true;
                break;
            }
        }
        run.status = failed ? RunStatus::Failed : RunStatus::Success;
        run.rawStatus = failed ? QStringLiteral("failed") : QStringLiteral("success");
        run.finished = stageEnd;
        for (const Job& job : std::as_const(run.jobs))
            run.finished = qMax(run.finished, job.finished);
        run.durationSeconds = double(run.started.secsTo(run.finished));
        runs.append(run);
    }
    return runs;
}

} // namespace gatehouse::runs
