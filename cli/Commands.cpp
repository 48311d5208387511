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
        {QStringLiteral("findings"), QStringLiteral("Parse a scanner report, or archive it with a commit"),
         runFindings},
        {QStringLiteral("posture"), QStringLiteral("Security posture: scans in history, finding lifecycle, SLAs"),
         runPosture},
        {QStringLiteral("tuning"), QStringLiteral("Noisy scanner rules from the findings history and triage"),
         runTuning},
        {QStringLiteral("report"), QStringLiteral("Weekly security posture report (md, html, pdf, json)"), runReport},
        {QStringLiteral("scan"), QStringLiteral("Run the installed security scanners over the work tree"), runScan},
        {QStringLiteral("strategies"),
         QStringLiteral("Deployment strategy per environment: canary, blue-green, rolling"), runStrategies},
        {QStringLiteral("deployments"), QStringLiteral("Deployments from tags and DORA metrics"), runDeployments},
        {QStringLiteral("incidents"), QStringLiteral("Incidents from postmortems, hotfixes and reverts"), runIncidents},
        {QStringLiteral("scorecard"), QStringLiteral("12-Factor scorecard and success metrics"), runScorecard},
        {QStringLiteral("demo"), QStringLiteral("Write the built-in demo repository into DIR"), runDemo},
        {QStringLiteral("runs"), QStringLiteral("Import CI run history (import) and analyze it (analyze)"), runRuns},
    };
    return table;
}

} // namespace gatehouse::cli
