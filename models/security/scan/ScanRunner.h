// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScannerConfig.h"
#include "common/ProgressSink.h"
#include "security/ReportReader.h"

#include <optional>

namespace gatehouse {

/// How one scanner's run ended. Names ("ok", "not-installed", ...) are used in `gatehouse scan --format json`.
enum class ScanStatus
{
    Ok, ///< ran and its report was read
    NotInstalled, ///< the executable is not on PATH
    NotApplicable, ///< nothing for it here (e.g. npm audit without a lock file)
    Refused, ///< the command points into the repository (its own scripts are never run)
    Failed, ///< could not start, crashed, unexpected exit code, or an unreadable report
    TimedOut,
    Cancelled,
};
QString scanStatusName(ScanStatus status);

/// One scanner's run. Value type.
struct ToolRun
{
    QString tool;
    FindingCategory category = FindingCategory::Sast;
    ScanStatus status = ScanStatus::Cancelled;
    QString program; ///< resolved executable (absolute), empty when not found
    QStringList arguments; ///< with placeholders substituted
    int exitCode = -1;
    qint64 elapsedMs = 0;
    QString message; ///< why it is not Ok, for people
    QString stderrText; ///< the end of its stderr (kept for failures and timeouts)
    QString reportName; ///< "<tool>.json" or "<tool>.sarif": the name under which it is archived
    QByteArray reportContent; ///< the report's bytes, unchanged
    std::optional<ParsedReport> report;
};

/// Runs scanners over a work tree, in parallel, each in its own process (QProcess with an argument vector: never a
/// shell), with a per-tool timeout and cancellation through the ProgressSink. The working directory is the work tree;
/// the report is read from stdout (captured to a temporary file) or from the `{report}` file, and parsed by the
/// report readers. A tool that fails, hangs or crashes does not stop the others.
///
/// Blocking: run() waits on the processes themselves (no event loop, so it also ends while the application is
/// shutting down) until every tool has finished; call it from a worker thread in the GUI (QtConcurrent /
/// JobTracker) or from the CLI's main thread. Stateless; reentrant.
class ScanRunner
{
public:
    struct Options
    {
        QString workTree; ///< absolute path of the repository's work tree
        QStringList only; ///< tool names to run (even if disabled in the config); empty = every enabled tool
        int maxParallel = 4;
        qint64 maxReportSize = qint64(256) << 20;
    };

    /// One entry per selected tool, in the config's order. Unknown names in `only` are not run (check them first
    /// with ScannerConfig::find).
    static QList<ToolRun> run(const ScannerConfig& config, const Options& options, ProgressSink* sink = nullptr);

    /// The absolute path of `program` (a name looked up on PATH, or an absolute path), or an error:
    /// "scan.not-installed", or "scan.refused" when it lies inside `workTree`.
    static Result<QString> resolveExecutable(const QString& program, const QString& workTree);
};

} // namespace gatehouse
