// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunAnalysis.h"
#include "RunReader.h"
#include "RunStore.h"

#include <optional>

namespace gatehouse {
class ProgressSink;
}

namespace gatehouse::runs {

/// One file of an import.
struct FileImport
{
    QString path;
    std::optional<Error> error; ///< set when the file could not be read at all
    RunFormat format = RunFormat::Empty;
    int runs = 0;
    int jobs = 0;
    ImportOutcome outcome;
    QList<RunDiagnostic> diagnostics; ///< records skipped
};

struct ImportReport
{
    QString storePath;
    QList<FileImport> files;
    ImportOutcome total;
    int recordsSkipped = 0;
    int storedRuns = 0;
    std::optional<NotesOutcome> notes; ///< when archiving was asked for and worked
    std::optional<Error> notesError;

    bool anyUnreadable() const;
};

/// What the Runs tab and `runs analyze` show: the runs and their analysis, as one value snapshot.
struct RepositoryAnalysis
{
    QList<Run> runs; ///< store + notes, merged
    AnalysisOptions options; ///< as used (default branch, CI-config changes and needs filled in)
    RunAnalysis analysis;
    QStringList warnings; ///< unreadable notes, a broken .gitlab-ci.yml, ...
};

/// The run-history workflows over a repository path, for a worker thread (the "Import runs…" action, the Runs
/// tab) and the CLI. Each call opens its own Repository and store from the path and returns values; nothing is
/// shared between calls, so any thread may call them (one call per repository at a time when importing).
class RunHistory
{
public:
    /// Reads `files` (folders contribute their *.json and *.xml files), merges them into the repository's store
    /// and saves it; with `archiveNotes` also writes them to refs/notes/gatehouse-runs. Fails only when the
    /// repository or the store cannot be used; unreadable files are reported in the files' `error`.
    static Result<ImportReport> importFiles(const QString& repositoryPath, const QStringList& files,
                                            bool archiveNotes = false, const QString& storeDirectory = {},
                                            ProgressSink* sink = nullptr);

    /// Merges runs fetched elsewhere (the sync client) into the repository's store under the same lock as
    /// importFiles(); `files` of the report stays empty. With `archiveNotes` also writes them as notes.
    static Result<ImportReport> importRuns(const QString& repositoryPath, const QList<Run>& runs,
                                           bool archiveNotes = false, const QString& storeDirectory = {});

    /// The stored runs, plus (with `includeNotes`) those archived in the repository's notes.
    static Result<QList<Run>> load(const QString& repositoryPath, bool includeNotes = true,
                                   const QString& storeDirectory = {}, QStringList* warnings = nullptr);

    /// load() + analysis. Fills in what `options` leaves open: the default branch (HEAD's branch when
    /// `options.defaultBranch` is empty), the CI-config commits and HEAD's .gitlab-ci.yml needs.
    static Result<RepositoryAnalysis> analyze(const QString& repositoryPath, AnalysisOptions options,
                                              bool includeNotes = true, const QString& storeDirectory = {},
                                              ProgressSink* sink = nullptr);

    /// Folders expanded to their *.json / *.xml files (recursively, sorted); files kept as given.
    static QStringList expandInputs(const QStringList& inputs);
};

} // namespace gatehouse::runs
