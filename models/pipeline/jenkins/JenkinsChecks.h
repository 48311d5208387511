// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JenkinsSyntax.h"
#include "pipeline/PipelineModel.h"

namespace gatehouse::pipeline::jenkins {

/// The schema and semantic rules of the declarative syntax (Jenkins' "Pipeline Syntax" reference): which sections
/// and directives go where, the required `agent`, `stages` and `steps`, the `when` and `post` conditions, matrix
/// axes, duplicate stage names, `parallel` inside `parallel` and `when` conditions that can never hold.
/// `pipeline` is the `pipeline { }` statement. Pure, any thread.
void checkPipeline(const Statement& pipeline, const QString& path, QList<Diagnostic>& diagnostics);

/// The declarative pipeline as the engine's model: one job per stage with steps (matrix cells expanded), `needs`
/// from the sequential order and the parallel branches, and a configuration the shared gates read (`script`,
/// `variables`, `image`, `timeout`, `branches`, `allow_failure`).
PipelineModel buildModel(const Statement& pipeline, const QString& path);

/// The values of a matrix's axes, in order, without the excluded combinations (at most `limit` cells).
QList<QList<std::pair<QString, QString>>> matrixCells(const Statement& matrix, int limit);

/// A literal string value's text (a GString's source), or empty.
QString literalText(const Value* value);

} // namespace gatehouse::pipeline::jenkins
