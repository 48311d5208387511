// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScanHistory.h"

#include <QByteArray>

#include <optional>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse {

/// A branch's whole scan history kept on disk (`$XDG_CACHE_HOME/gatehouse/scan-history/`), so reopening an
/// unchanged repository builds its posture without walking the history again (the walk cache still spares the tree
/// comparisons, but not the walk). A pure function of what it is keyed by: the repository, the revision's commit,
/// the notes ref's commit, the globs, the limits and the application's version. The posture itself is built afresh
/// from it (ages and SLAs depend on "now"). A damaged or foreign entry reads as a miss. Any thread.
class ScanHistoryCache
{
public:
    /// ScanHistoryReader::read through the cache (none when `options.cacheDir` is "-").
    static Result<ScanHistory> read(const QString& repoPath, const ScanSourceOptions& options,
                                    ProgressSink* sink = nullptr);

    /// Readers now waiting for another thread's reading of the same history (a first open asks twice at once).
    static int waitingReaders();
    /// The key of the history `options` ask for; empty when it cannot be read (then nothing is cached).
    static QByteArray key(const git::Repository& repository, const ScanSourceOptions& options);
    static QString folderFor(const ScanSourceOptions& options);

    static QByteArray encode(const ScanHistory& history);
    static std::optional<ScanHistory> decode(const QByteArray& bytes);
};

} // namespace gatehouse
