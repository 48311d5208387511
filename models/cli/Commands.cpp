// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace gatehouse::cli {

const QList<Command>& commands()
{
    // One line per subcommand, in the order `gatehouse --help` lists them.
    static const QList<Command> table{
        {QStringLiteral("info"), QStringLiteral("Summarize a repository: branch, HEAD, pipelines, reports, tags"),
         runInfo},
        {QStringLiteral("validate"), QStringLiteral("Check pipelines: syntax, schema, semantics and gates"),
         runValidate},
        {QStringLiteral("pipeline"),
         QStringLiteral("Print a pipeline as resolved (jobs, stages, needs) or fully merged"), runPipeline},
        {QStringLiteral("demo"), QStringLiteral("Write the built-in demo repository into DIR"), runDemo},
    };
    return table;
}

} // namespace gatehouse::cli
