// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/GitTypes.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace gatehouse::pipeline {

/// One commit that touched a pipeline file, with what it changed structurally.
struct PipelineRevision
{
    git::ObjectId commit;
    QString author;
    QDateTime time;
    QString summary;
    bool deleted = false; ///< the commit removed the file
    bool parsed = true;
    int errors = 0;
    QStringList jobsAdded;
    QStringList jobsRemoved;
    QStringList stagesBefore; ///< set only when the stages changed
    QStringList stagesAfter;
    QStringList gatesRegressed; ///< gates that passed before this commit and fail after it
    QStringList gatesFixed; ///< the other way round
    QStringList failingGates;

    bool isRegression() const { return !gatesRegressed.isEmpty(); }
};

struct WeeklyChurn
{
    QDate week; ///< the Monday
    int commits = 0;
};

/// The history of one pipeline file: newest first, plus the configuration-drift figures (commits per week,
/// distinct authors). Value type.
struct PipelineHistory
{
    QString path;
    QList<PipelineRevision> revisions;
    QList<WeeklyChurn> churn; ///< oldest week first, weeks without commits included
    int authors = 0;
    bool truncated = false; ///< more commits exist than were analysed

    QList<int> regressions() const; ///< indices into `revisions`
};

/// Walks the commits touching `relativePath` from `revision` and validates each version (with the repository at
/// that commit for includes) to find jobs, stage and gate changes. Opens its own Repository; run it on a worker.
/// Honours the sink's cancel flag.
Result<PipelineHistory> pipelineHistory(const QString& repositoryPath, const QString& relativePath,
                                        const QString& revision = QStringLiteral("HEAD"), int maxCommits = 150,
                                        ProgressSink* sink = nullptr);

} // namespace gatehouse::pipeline
