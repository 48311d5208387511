// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"

namespace gatehouse::runs {

/// One job of a simulated pipeline.
struct SimulatedJob
{
    QString name;
    QString stage; ///< jobs of a stage start when the previous stage is done (unless `needs` is given)
    int seconds = 60; ///< typical duration; each run varies it by ±20 %
    QStringList needs; ///< start when these are done instead of waiting for the previous stage
    bool manual = false; ///< `when: manual`: started by someone on the default branch only
    double failureRate = 0; ///< chance that an attempt fails
    bool flaky = false; ///< a failure passes when retried (GitLab retry in the same pipeline)
    bool allowFailure = false; ///< `allow_failure: true`: a failure does not fail the pipeline
    bool startsAtOnce = false; ///< `needs: []`: starts with the pipeline, whatever its stage
};

/// A commit the simulated CI ran on.
struct SimulatedCommit
{
    QString sha;
    QDateTime time; ///< pushed at; the pipeline is created a few seconds later
    QString branch;
};

struct SimulationProfile
{
    QString source = QStringLiteral("gitlab");
    QString pipeline = QStringLiteral("gitlab-ci");
    QString defaultBranch = QStringLiteral("main");
    quint32 seed = 1;
    int firstId = 1000;
    QList<SimulatedJob> jobs; ///< in stage order
};

/// A deterministic, clearly synthetic CI history for the demo repository and the benchmarks: the same profile and
/// commits always give the same runs (ids, times, outcomes). Stateless; any thread.
class RunSimulator
{
public:
    static QList<Run> simulate(const QList<SimulatedCommit>& commits, const SimulationProfile& profile);
};

} // namespace gatehouse::runs
