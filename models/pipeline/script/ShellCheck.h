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
/// Results are cached per (shell, script text) for the life of the process, so live validation only runs shellcheck
/// for scripts that changed. Thread-safe (the cache is locked); call it from a worker thread: it waits for the
/// shellcheck process (one per shell dialect per call, all scripts at once).
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
    };

    /// The shellcheck executable on PATH, or empty.
    static QString executable();

    /// Extracts and checks the scripts of a resolved pipeline; diagnostics get `category`. A job whose shell is not
    /// POSIX (PowerShell, cmd, a Windows runner) gets one info `script.non-posix-shell` instead.
    static Result checkPipeline(const PipelineModel& model, const QByteArray& mainText, const FileSource& files,
                                Category category);
    /// Checks already extracted scripts.
    static Result check(const QList<ShellScript>& scripts, Category category);

    /// Drops the cache (tests).
    static void clearCache();
};

} // namespace gatehouse::pipeline
