// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"
#include "common/Result.h"
#include "git/GitTypes.h"

#include <QHash>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::runs {

/// What one merge did, counted in runs (a run = source + id + attempt).
struct ImportOutcome
{
    int added = 0; ///< runs not stored before
    int updated = 0; ///< stored runs that gained jobs or newer fields
    int unchanged = 0; ///< already stored exactly so (re-import)
};

/// Result of archiving runs as git notes.
struct NotesOutcome
{
    int notesWritten = 0; ///< commits whose note changed
    int runsArchived = 0; ///< runs now in a note (new or already there)
    int runsWithoutCommit = 0; ///< runs whose sha is unknown or not in this repository (not archived)
};

/// The imported run history of one repository, kept in one JSON file under the XDG data directory
/// (QStandardPaths::AppDataLocation + "/runs/<sha1 of the repository's git dir>.json"), and optionally shared as git
/// notes under refs/notes/gatehouse-runs on each run's commit.
///
/// Re-importing is idempotent: runs are keyed by source + id + attempt; a known run is merged (jobs by job id).
/// Thread affinity: none, but one instance must be used by one thread at a time (workers load their own).
class RunStore
{
public:
    static QString notesRef() { return QStringLiteral("refs/notes/gatehouse-runs"); }

    /// AppDataLocation/runs (honours XDG_DATA_HOME and QStandardPaths' test mode).
    static QString defaultDirectory();
    /// The store file of the repository whose git dir is `gitDir`, under `directory` (default: defaultDirectory()).
    static QString storePath(const QString& gitDir, const QString& directory = {});

    explicit RunStore(QString path = {});
    QString path() const { return m_path; }

    /// Loads the file; a missing file is an empty store. Errors: runs.store-corrupt, io.read.
    Status load();
    /// Writes atomically (QSaveFile), creating the directory. Errors: io.write.
    Status save() const;

    const QList<Run>& runs() const { return m_runs; }
    ImportOutcome merge(const QList<Run>& runs);

    /// Merges `incoming` into `runs` (the store's rule, also used for notes).
    static ImportOutcome mergeInto(QList<Run>& runs, const QList<Run>& incoming);

    /// The store's (and the notes') format: JSON Lines, a {"format":"gatehouse-runs","version":1} header line then
    /// one run per line.
    static QByteArray serialize(const QList<Run>& runs);
    /// Errors: runs.store-corrupt with the line and column.
    static Result<QList<Run>> deserialize(const QByteArray& data);

    /// Adds `runs` to the notes of their commits (merged with what the notes already hold).
    static Result<NotesOutcome> archiveToNotes(git::Repository& repository, const QList<Run>& runs,
                                               const git::Signature& signature);
    /// Every run archived in the repository's notes. Unreadable notes are skipped (counted in `skippedNotes`).
    static Result<QList<Run>> readNotes(const git::Repository& repository, int* skippedNotes = nullptr);

private:
    QString m_path;
    QList<Run> m_runs;
};

} // namespace gatehouse::runs
