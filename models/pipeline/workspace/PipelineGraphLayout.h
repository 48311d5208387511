// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"

#include <QList>
#include <QRectF>
#include <QStringList>

namespace gatehouse::pipeline {

/// What a job does, for the icon on its card (guessed from its name, stage, environment and tools).
enum class JobRole
{
    Other,
    Build,
    Test,
    Security,
    Deploy
};

struct GraphCard
{
    int job = -1; ///< index into PipelineModel::jobs
    QString name;
    QString stage;
    QString workflow; ///< CircleCI: the workflow that runs the job
    QString label; ///< what the card shows: the name, without the "workflow/" its column title already says
    QString environment;
    QString when; ///< manual / delayed / ... (empty = on_success)
    bool allowFailure = false;
    JobRole role = JobRole::Other;
    int line = 0; ///< where the job is defined (1-based)
    QString file;
    int column = 0; ///< index into GraphLayout::columns
    int row = 0; ///< position inside the column (counting its sub-columns)
    QRectF rect;
    QList<int> needs; ///< card indices this card needs (upstream)
    QList<int> neededBy; ///< card indices that need this card (downstream)
};

struct GraphColumn
{
    QString title; ///< the stage, "Level n" for GitHub workflows, the workflow's name for CircleCI
    QRectF rect; ///< the column's band, header included
    QList<int> cards;
};

struct GraphEdge
{
    int from = -1; ///< the needed card
    int to = -1; ///< the card that needs it
};

struct GraphMetrics
{
    qreal cardWidth = 210;
    qreal cardHeight = 52;
    qreal rowGap = 10;
    qreal columnGap = 56; ///< room for the edges between columns
    qreal subColumnGap = 14;
    qreal headerHeight = 34;
    qreal margin = 16;
    int maxRowsPerColumn = 18; ///< a longer stage wraps into sub-columns so it stays on screen
};

/// Where the graph view draws what. Value type.
struct GraphLayout
{
    PipelineKind kind = PipelineKind::Unknown;
    QList<GraphColumn> columns;
    QList<GraphCard> cards;
    QList<GraphEdge> edges;
    QSizeF size;

    /// Every card on the needs chain of `card`, upstream and downstream (the card itself included).
    QList<int> needsChain(int card) const;
    /// The card of the job named `name`, or -1.
    int cardForJob(const QString& name) const;
};

/// Lays out a resolved pipeline: GitLab stages as columns in stage order (empty stages omitted, jobs in file
/// order), GitHub jobs in levels by `needs` (longest path from a job without needs), CircleCI jobs the same way
/// within each workflow, the workflows side by side in file order. `needs` become edges;
/// a GitLab `needs` naming a parallel job's base name links all its instances. Pure function, any thread.
GraphLayout layoutPipeline(const PipelineModel& model, const GraphMetrics& metrics = {});

JobRole classifyJob(const PipelineJob& job);

/// The top-level job whose definition contains `line` (1-based) in `file`, given the lines where top-level keys
/// start (sorted), or -1.
int jobAtLine(const PipelineModel& model, const QList<int>& topLevelKeyLines, const QString& file, int line);

/// Lines (1-based, sorted) where top-level YAML keys start: a cheap textual scan, no parsing.
QList<int> topLevelKeyLines(const QByteArray& text);

} // namespace gatehouse::pipeline
