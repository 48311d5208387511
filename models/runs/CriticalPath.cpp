// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The critical path of one run (declared with the rest of the run analysis in RunAnalysis.h).
#include "RunAnalysis.h"

#include <QHash>

#include <algorithm>
#include <optional>

namespace gatehouse::runs {

CriticalPath criticalPathOf(const Run& run, const NeedsMap& needs)
{
    struct Node
    {
        const Job* job;
        QList<int> deps;
    };
    CriticalPath path;
    path.runKey = run.key();
    QList<Node> nodes;
    for (const QList<const Job*>& executions : executionsByName(run)) {
        const Job* last = executions.last();
        if (last->durationSeconds < 0 || last->status == RunStatus::Skipped || last->status == RunStatus::Manual)
            continue;
        nodes.append(Node{last, {}});
    }
    if (nodes.isEmpty())
        return path;
    std::stable_sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
        if (a.job->started.isValid() && b.job->started.isValid() && a.job->started != b.job->started)
            return a.job->started < b.job->started;
        return a.job->started.isValid() && !b.job->started.isValid();
    });
    const int count = int(nodes.size());

    bool anyNeeds = false;
    bool anyStage = false;
    QHash<QString, int> byName;
    QStringList stageOrder; // by first start: the order the CI ran the stages in
    // Explicit needs of each node: from the configuration (an empty list = `needs: []`), else the job's own.
    QList<std::optional<QStringList>> explicitNeeds(count);
    for (int i = 0; i < count; ++i) {
        const Job* job = nodes.at(i).job;
        const auto configured = needs.constFind(job->name);
        if (configured != needs.constEnd())
            explicitNeeds[i] = *configured;
        else if (!job->needs.isEmpty())
            explicitNeeds[i] = job->needs;
        anyNeeds = anyNeeds || explicitNeeds.at(i).has_value();
        anyStage = anyStage || !job->stage.isEmpty();
        byName.insert(job->name, i);
    }
    // Jobs with `needs` start out of stage order (`needs: []` in a late stage starts at once). A stage with jobs that
    // waited for it is placed by their first start; a stage made only of needs-jobs by its last finish, so a stage
    // that started before it ended (and so did not wait for it) comes first.
    {
        QHash<QString, QDateTime> waitedStart;
        QHash<QString, QDateTime> lastFinish;
        for (int i = 0; i < count; ++i) {
            const Job* job = nodes.at(i).job;
            if (!explicitNeeds.at(i) && job->started.isValid()) {
                QDateTime& start = waitedStart[job->stage];
                if (!start.isValid() || job->started < start)
                    start = job->started;
            }
            if (job->finished.isValid() && job->finished > lastFinish.value(job->stage))
                lastFinish[job->stage] = job->finished;
            if (!stageOrder.contains(job->stage))
                stageOrder.append(job->stage); // by first start: the fallback when times are missing
        }
        const auto position = [&](const QString& stage) {
            return waitedStart.contains(stage) ? waitedStart.value(stage) : lastFinish.value(stage);
        };
        std::stable_sort(stageOrder.begin(), stageOrder.end(), [&](const QString& a, const QString& b) {
            const QDateTime pa = position(a);
            const QDateTime pb = position(b);
            if (pa.isValid() != pb.isValid())
                return pa.isValid(); // untimed stages last
            return pa.isValid() && pa < pb;
        });
    }
    // Stage barrier: a job waits for every job of the stage before it (the earlier ones transitively).
    const auto previousStageDeps = [&](int i) {
        QList<int> deps;
        const qsizetype stage = stageOrder.indexOf(nodes.at(i).job->stage);
        if (stage <= 0)
            return deps;
        const QString& previous = stageOrder.at(stage - 1);
        for (int j = 0; j < count; ++j) {
            if (nodes.at(j).job->stage == previous)
                deps.append(j);
        }
        return deps;
    };
    if (anyNeeds) {
        path.dependencies = QStringLiteral("needs");
        for (int i = 0; i < count; ++i) {
            if (!explicitNeeds.at(i)) {
                nodes[i].deps = previousStageDeps(i);
                continue;
            }
            for (const QString& need : *explicitNeeds.at(i)) {
                const auto it = byName.constFind(need);
                if (it != byName.constEnd()) {
                    if (*it != i)
                        nodes[i].deps.append(*it);
                    continue;
                }
                // A parallel or matrix job: its instances are "need 1/3" or "need: [a, b]".
                for (int j = 0; j < count; ++j) {
                    const QString& other = nodes.at(j).job->name;
                    if (j != i && other.size() > need.size() && other.startsWith(need)
                        && (other.at(need.size()) == QLatin1Char(' ') || other.at(need.size()) == QLatin1Char(':')))
                        nodes[i].deps.append(j);
                }
            }
        }
    } else if (anyStage) {
        path.dependencies = QStringLiteral("stages");
        for (int i = 0; i < count; ++i)
            nodes[i].deps = previousStageDeps(i);
    } else {
        // GitHub has no stages: a job that started right after another finished waited for it (`needs`).
        path.dependencies = QStringLiteral("timing");
        constexpr qint64 slackMs = 1000;
        constexpr qint64 maxGapMs = 120 * 1000;
        for (int b = 0; b < count; ++b) {
            const Job* jb = nodes.at(b).job;
            if (!jb->started.isValid())
                continue;
            for (int a = 0; a < b; ++a) {
                const Job* ja = nodes.at(a).job;
                if (!ja->finished.isValid() || ja->started == jb->started)
                    continue;
                const qint64 gap = ja->finished.msecsTo(jb->started);
                if (gap >= -slackMs && gap <= maxGapMs)
                    nodes[b].deps.append(a);
            }
        }
    }

    // Longest path over a topological order (Kahn); jobs caught in a `needs` cycle are left out.
    QList<int> indegree(count, 0);
    QList<QList<int>> dependents(count);
    for (int i = 0; i < count; ++i) {
        for (int d : std::as_const(nodes.at(i).deps)) {
            ++indegree[i];
            dependents[d].append(i);
        }
    }
    QList<int> ready;
    for (int i = 0; i < count; ++i) {
        if (indegree.at(i) == 0)
            ready.append(i);
    }
    QList<double> longest(count, -1);
    QList<int> previous(count, -1);
    for (qsizetype k = 0; k < ready.size(); ++k) {
        const int i = ready.at(k);
        double best = 0;
        for (int d : std::as_const(nodes.at(i).deps)) {
            if (longest.at(d) > best) {
                best = longest.at(d);
                previous[i] = d;
            }
        }
        longest[i] = best + nodes.at(i).job->durationSeconds;
        for (int next : std::as_const(dependents.at(i))) {
            if (--indegree[next] == 0)
                ready.append(next);
        }
    }
    int end = -1;
    double serial = 0;
    QDateTime first;
    QDateTime last;
    for (int i = 0; i < count; ++i) {
        const Job* job = nodes.at(i).job;
        serial += job->durationSeconds;
        if (job->started.isValid() && (!first.isValid() || job->started < first))
            first = job->started;
        if (job->finished.isValid() && (!last.isValid() || job->finished > last))
            last = job->finished;
        if (longest.at(i) >= 0 && (end < 0 || longest.at(i) > longest.at(end)))
            end = i;
    }
    if (end < 0)
        return path;
    path.pathSeconds = longest.at(end);
    for (int i = end; i >= 0; i = previous.at(i))
        path.jobs.prepend(nodes.at(i).job->name);
    path.serialSeconds = serial;
    path.observedSeconds = run.durationSeconds >= 0 ? run.durationSeconds : secondsBetween(first, last);
    if (path.observedSeconds >= 0)
        path.parallelSavingSeconds = qMax(0.0, path.observedSeconds - path.pathSeconds);
    return path;
}

} // namespace gatehouse::runs
