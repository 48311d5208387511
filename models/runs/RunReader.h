// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"
#include "common/Result.h"

#include <QByteArray>

namespace gatehouse::runs {

/// What a file turned out to be (detected from its content, never from its name).
enum class RunFormat
{
    Empty, ///< a valid JSON array without elements
    GitLabPipelines, ///< GET /projects/:id/pipelines (or one pipeline object)
    GitLabJobs, ///< GET /projects/:id/pipelines/:pipeline_id/jobs
    GitHubRuns, ///< GET /repos/:owner/:repo/actions/runs ({"total_count","workflow_runs"}) or one run object
    GitHubJobs, ///< GET /repos/:owner/:repo/actions/runs/:run_id/jobs ({"total_count","jobs"})
    GhRunList, ///< `gh run list --json …` (a plain array, camelCase fields)
    GhRunView, ///< `gh run view ID --json databaseId,jobs,…`
    JUnit, ///< JUnit XML test report
};
QString formatName(RunFormat format);

/// A record skipped (or a value ignored) while reading; the rest of the file was still read.
struct RunDiagnostic
{
    QString code; ///< e.g. "runs.wrong-type", "runs.missing-field"
    QString path; ///< JSON pointer of the offending value ("/workflow_runs/3/id"), or "line:column" for XML
    QString message;
};

struct RunReadResult
{
    RunFormat format = RunFormat::Empty;
    /// The runs found. Files with jobs only give runs with hasRunRecord == false that carry those jobs.
    QList<Run> runs;
    QList<RunDiagnostic> diagnostics;
    int jobCount = 0;
};

/// Guards against hostile or accidental huge input.
struct RunReaderLimits
{
    qint64 maxBytes = 512LL << 20;
    int maxDepth = 64;
    qint64 maxValues = 50'000'000; ///< JSON values in the document
    qint64 maxRecords = 2'000'000; ///< runs + jobs + steps / test cases
};

/// Reads GitLab / GitHub REST API JSON, `gh` JSON output and JUnit XML into runs.
/// Stateless and reentrant: call from any thread (workers parse, the GUI thread never does).
/// Errors (never exceptions): runs.too-large, runs.binary, runs.truncated, runs.syntax (with line and column),
/// runs.too-deep, runs.too-many, runs.unknown-format, runs.wrong-type (top-level shape), runs.xml, io.*.
class RunReader
{
public:
    static Result<RunReadResult> read(const QByteArray& data, const RunReaderLimits& limits = {});
    static Result<RunReadResult> readFile(const QString& path, const RunReaderLimits& limits = {});
};

} // namespace gatehouse::runs
