// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"

namespace gatehouse::pipeline {

/// CircleCI: reads `.circleci/config.yml` (version 2.1, also 2), checks it against the configuration reference's
/// keyword tables and the semantic rules (references to jobs, commands, executors and orbs, parameters and their
/// types, `requires` and its cycles, matrix names and aliases, logic statements), and resolves every workflow into
/// the engine's model: one job per workflow job and matrix instance, named as CircleCI names them, with `needs` from
/// `requires` and the job's configuration after parameters, executors and commands are substituted. Orbs are not
/// fetched: their jobs, commands and executors are accepted by name. Re-entrant, no shared state, any thread.
class CircleCIConfig
{
public:
    static PipelineModel analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                 QList<Diagnostic>& diagnostics);
    /// Whether `path` is a CircleCI configuration (`.circleci/config.yml` or `.yaml`).
    static bool isConfigPath(const QString& path);
    /// The steps CircleCI provides (`run`, `checkout`, `save_cache`, …).
    static const QStringList& builtinSteps();
};

} // namespace gatehouse::pipeline
