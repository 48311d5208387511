// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"
#include "common/JobTracker.h"
#include "common/Result.h"

#include <QObject>

namespace gatehouse {

/// Computes a RepositorySnapshot. Runs on any thread (opens its own git::Repository from `path`); honours the
/// sink's cancel flag (returns "cancelled") and reports staged progress. `revision` empty = the work tree (files
/// from the work tree, history from HEAD). Errors: "repo.open-failed", "repo.empty", "repo.bad-revision",
/// "cancelled", or the git layer's own.
Result<RepositorySnapshot> loadRepositorySnapshot(const QString& path, const QString& revision,
                                                  ProgressSink* sink = nullptr);

/// Reads one file of the repository at `revision` (empty = work tree) as UTF-8 text, for previews. Fails with
/// "io.binary" for binary content and "io.too-large" above maxSize. Any thread.
Result<QString> readRepositoryTextFile(const QString& path, const QString& revision, const QString& file,
                                       qint64 maxSize = 2 << 20);

/// GUI-thread service that runs loadRepositorySnapshot() in the background (one load at a time; a new load
/// cancels the previous one, whose result is dropped). Lives on, and must be used from, its thread.
class RepositoryLoader : public QObject
{
    Q_OBJECT
public:
    explicit RepositoryLoader(QObject* parent = nullptr);
    ~RepositoryLoader() override;

    void load(const QString& path, const QString& revision = {});
    void cancel();
    bool isLoading() const { return m_jobs.isRunning(); }

Q_SIGNALS:
    void loadStarted(const QString& path, const QString& revision);
    void snapshotAvailable(const gatehouse::RepositorySnapshot& snapshot);
    void loadFailed(const gatehouse::Error& error);
    void loadCancelled();
    void progressChanged(int permille, const QString& stage);

private:
    JobTracker m_jobs{this};
};

} // namespace gatehouse
