// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScanRunner.h"
#include "git/GitTypes.h"
#include "security/ScanNote.h"

#include <QHash>
#include <QMap>

#include <optional>

namespace gatehouse {

/// A local scan's outcome, as `gatehouse scan` and the "Run security scans" dialog show it. Value type.
struct LocalScanOutcome
{
    struct Item
    {
        Finding finding;
        int run = -1; ///< index in `runs` of the tool that reported it
        bool blocking = false;
        std::optional<bool> isNew; ///< none when the tool was never archived (nothing to compare with)
    };

    QList<ToolRun> runs; ///< one per selected tool, in the config's order
    QList<Item> findings;
    QMap<Severity, int> counts;
    int blocking = 0;
    Severity blockingSeverity = Severity::High;
    std::optional<int> fresh; ///< findings not in the newest archived report of their tool; none without any
    QHash<QString, git::ObjectId> baselineOf; ///< tool → commit whose report was compared with
    QStringList notCompared; ///< tools that ran but were never archived
    QList<FindingCategory> covered; ///< categories a tool reported on
    QList<FindingCategory> uncovered; ///< categories of selected tools that did not run
    git::ObjectId head; ///< HEAD when the scan ran (where Archive stores the note); null for an unborn branch
    QString notesRef;
    QString baselineWarning; ///< the archived scans could not be read (new counts unavailable)

    int ran() const; ///< tools that ran and whose report was read
    QList<NoteReport> reports() const; ///< the reports to archive
};

/// The "run the scanners now" job: reads `.gatehouse/config.yml` from the work tree (scanners, notes ref, report
/// globs), runs the scanners with ScanRunner, and compares each tool's findings with its newest archived report
/// in the history of HEAD. Blocking; opens its own Repository, so it runs on a worker. Cancel through the sink.
class LocalScan
{
public:
    /// The scanner table of the work tree's config.yml (defaults when absent).
    static Result<ScannerConfig> config(const QString& repoPath);
    static Result<LocalScanOutcome> run(const QString& repoPath, const QStringList& only, ProgressSink* sink = nullptr);
    /// Stores the outcome's reports as a note on its head (the user's git identity); returns the note commit.
    static Result<git::ObjectId> archive(const QString& repoPath, const LocalScanOutcome& outcome);
};

} // namespace gatehouse
