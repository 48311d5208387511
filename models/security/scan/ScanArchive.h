// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "git/Repository.h"
#include "security/ScanNote.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace gatehouse {

/// Local scans and the scan notes (refs/notes/gatehouse-scans, format in docs/security.md "Scan notes"): the
/// newest archived scan to compare a run with, and archiving a run's reports with a commit.
/// Functions take the caller's Repository (one thread at a time, as always).
class ScanArchive
{
public:
    static QString defaultNotesRef() { return QStringLiteral("refs/notes/gatehouse-scans"); }

    /// The scan notes ref of a repository: its work tree's .gatehouse/config.yml `notes: ref:`, else the default.
    static QString notesRefOf(const git::Repository& repo);

    /// What the newest archived scan found, by tool.
    struct Baseline
    {
        git::ObjectId commit; ///< the commit whose note it is
        QHash<QString, QSet<QString>> fingerprints; ///< tool → finding fingerprints
        QStringList unreadable; ///< reports of the note that could not be read
    };

    /// The newest commit reachable from `from` (itself included, newest first, at most `maxCommits` looked at) that
    /// has a scan note, with its reports read. Empty when there is none.
    static Result<std::optional<Baseline>> latest(const git::Repository& repo, const git::ObjectId& from,
                                                  const QString& notesRef = defaultNotesRef(), int maxCommits = 2000);

    /// What archiveFile() stored.
    struct ArchivedReport
    {
        git::ObjectId commit;
        QString name;
        QString format; ///< reportFormatName()
        QString tool;
        qsizetype findings = 0;
        QString notesRef;
    };

    /// `gatehouse findings archive FILE --commit REV` as one job (a worker's: it opens its own Repository and reads
    /// the file): only a report the readers can read is archived; the notes ref is `notesRef`, else the work tree's
    /// config.yml `notes: ref:`, else the default; the author is the user's git identity.
    static Result<ArchivedReport> archiveFile(const QString& repoPath, const QString& filePath, const QString& revision,
                                              const QString& name = {}, const QString& notesRef = {});

    /// Adds `reports` to the note of `commit` (reports of the same name are replaced, others kept) and writes it.
    static Result<git::ObjectId> archive(git::Repository& repo, const git::ObjectId& commit,
                                         const QList<NoteReport>& reports, const git::Signature& signature,
                                         const QString& notesRef = defaultNotesRef());
};

} // namespace gatehouse
