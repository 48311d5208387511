// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReportReader.h"
#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/GitTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

/// Where scan reports are found in a repository's history.
struct ScanSourceOptions
{
    /// Report files in commits. A glob without '/' matches a file name at any depth; with '/', the path from the
    /// root ('**' crosses directories, '*' and '?' do not).
    QStringList globs = defaultGlobs();
    /// Git notes holding reports (docs/security.md "Scan notes"); empty = none.
    QString notesRef = defaultNotesRef();
    QString revision = QStringLiteral("HEAD"); ///< the branch (or any revision) whose first-parent history is read
    int maxCommits = -1; ///< newest commits to walk; -1 = all
    /// When every glob lies in a folder ("reports/**"), read only the commits that change those folders (by the
    /// folders' tree ids) and those with notes. false: read and compare every commit (same answer, slower).
    bool pathLimitedWalk = true;
    ReportLimits limits;
    /// Directory of the on-disk parse cache; empty = the default under the XDG cache dir. "-" disables it.
    QString cacheDir;

    static QStringList defaultGlobs();
    static QString defaultNotesRef();
};

/// One parsed report of a scan.
struct ScanReport
{
    QString path; ///< path in the commit, or the report's name in the note
    bool fromNote = false;
    QString blob; ///< git blob id of the report (file) or the note
    ReportFormat format = ReportFormat::Unknown;
    QString tool;
    QList<Finding> findings;
};

/// A report that could not be read: skipped, with why.
struct SkippedReport
{
    git::ObjectId commit;
    QString path;
    bool fromNote = false;
    ReportDiagnostic diagnostic;
};

/// A scan: a commit (its committer time) and the reports committed or archived with it.
struct Scan
{
    git::ObjectId commit;
    QDateTime time; ///< committer time, UTC
    QString author;
    QString summary;
    QList<ScanReport> reports;
};

/// Every scan on a branch's first-parent history, oldest first. Value type, any thread.
struct ScanHistory
{
    git::ObjectId head; ///< the resolved revision
    QList<Scan> scans;
    QList<SkippedReport> skipped;
    qint64 commitsWalked = 0;
    qint64 reportsParsed = 0; ///< distinct blobs parsed now
    qint64 cacheHits = 0; ///< distinct blobs taken from a cache (memory or disk)
    qint64 treeDiffs = 0; ///< commits diffed now (the others came from the walk cache)
};

/// Finds scans in history: report files added or changed by a commit (compared with its first parent) whose path
/// matches a glob, and reports in notes on the walked commits. Each distinct blob is parsed once: results are
/// cached in memory (per process) and on disk (by blob id, under the XDG cache dir); which reports each commit
/// changed is cached on disk too, so reopening a repository needs neither tree diffs nor parses.
///
/// Runs on a worker thread: opens its own Repository from `repoPath`. Honours the sink's cancel flag and reports
/// progress per commit. Reentrant.
class ScanHistoryReader
{
public:
    static Result<ScanHistory> read(const QString& repoPath, const ScanSourceOptions& options,
                                    ProgressSink* sink = nullptr);

    /// Whether `path` (relative, '/'-separated) matches `glob` (see ScanSourceOptions::globs).
    static bool matchesGlob(const QString& glob, const QString& path);
    /// The default on-disk cache directory ($XDG_CACHE_HOME/gatehouse/reports).
    static QString defaultCacheDir();
    /// Drops the in-memory cache (tests, memory pressure).
    static void clearMemoryCache();
};

} // namespace gatehouse
