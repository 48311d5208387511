// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShellScript.h"
#include "pipeline/Diagnostic.h"

namespace gatehouse::pipeline {

/// Runs `shellcheck` (Debian package `shellcheck`) over the shell of pipeline jobs and maps its findings back to the
/// YAML: rule = shellcheck's code ("SC2086"), severity error/warning/info (style → info), the message, and the line and
/// column of the original text (see ShellScriptExtractor).
///
/// All scripts of one call (checkAll: of every pipeline of a validation run) go to as few shellcheck processes as
/// there are cores, run side by side. Results are cached by script text, dialect, shellcheck's identity (program,
/// size and modification time, which change with its version) and options: in memory for the life of the process
/// and on disk across runs (ShellCheckCache, in the cache folder), so unchanged scripts are never checked again.
/// Thread-safe (the cache is locked); call it from a worker thread: it waits for the shellcheck processes.
class ShellCheck
{
public:
    struct Result
    {
        QList<Diagnostic> diagnostics;
        bool available = false; ///< shellcheck was found
        QString error; ///< set when shellcheck could not run or its output was unreadable
        int scripts = 0; ///< scripts checked
        int cacheHits = 0;
        int processes = 0; ///< shellcheck processes that checked this result's scripts (shared with other results)
    };

    /// The scripts of one pipeline and the jobs left out because their shell is not POSIX.
    struct Scripts
    {
        QList<ShellScript> scripts;
        QList<SkippedShell> skipped;
    };

    /// The shellcheck executable (setExecutable(), else the one on PATH), or empty.
    static QString executable();

    /// Extracts the scripts of a resolved pipeline (ShellScriptExtractor), for checkAll().
    static Scripts extract(const PipelineModel& model, const QByteArray& mainText, const FileSource& files);

    /// Extracts and checks the scripts of a resolved pipeline; diagnostics get `category`. A job whose shell is not
    /// POSIX (PowerShell, cmd, a Windows runner) gets one info `script.non-posix-shell` instead.
    static Result checkPipeline(const PipelineModel& model, const QByteArray& mainText, const FileSource& files,
                                Category category);
    /// Checks already extracted scripts.
    static Result check(const QList<ShellScript>& scripts, Category category);
    /// Checks the scripts of several pipelines in one go: one Result per entry of `pipelines`, in the same order,
    /// each as checkPipeline() would give it.
    static QList<Result> checkAll(const QList<Scripts>& pipelines, Category category);

    /// Drops the in-memory cache; the next check reads the disk cache again (tests).
    static void clearCache();
    /// The disk cache: `$XDG_CACHE_HOME/gatehouse/shellcheck.cache` (or the platform's generic cache folder).
    static QString defaultCacheFile();
    /// Another disk cache file; empty: memory only (tests, benchmarks). Drops the in-memory cache.
    static void setCacheFile(const QString& path);
    /// Uses `program` instead of the shellcheck on PATH; empty: back to PATH (tests run a fake shellcheck).
    static void setExecutable(const QString& program);
};

} // namespace gatehouse::pipeline
