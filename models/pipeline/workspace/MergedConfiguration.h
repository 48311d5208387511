// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"

namespace gatehouse::pipeline {

/// Where a line of the merged configuration came from.
struct SourceRef
{
    QString file; ///< repository-relative; empty for synthesized values
    int line = 0; ///< 1-based, 0 = unknown
};

/// The fully expanded configuration (includes, `extends`, anchors and `!reference` resolved) as block YAML, with
/// the origin of every line, for the read-only "Full configuration" view. Value type.
struct MergedConfiguration
{
    QString text;
    QList<SourceRef> origins; ///< one per line of `text`
};

/// Renders `model.merged` as block YAML. Pure function, any thread.
MergedConfiguration renderMergedConfiguration(const PipelineModel& model);

/// A scalar as YAML text: plain when that reads back as the same string, quoted otherwise.
QString yamlScalar(const YamlNode& node);

} // namespace gatehouse::pipeline
