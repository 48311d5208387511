// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"
#include "common/JobTracker.h"
#include "common/Result.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace gatehouse {

/// Computes a RepositorySnapshot. Runs on any thread (opens its own git::Repository from `path`); honours the
/// sink's cancel flag (returns "cancelled") and reports staged progress. `revision` empty = the work tree (files
/// from the work tree, history from HEAD). Errors: "repo.open-failed", "repo.empty", "repo.bad-revision",
/// "cancelled", or the git layer's own. `onPartial`, when given, gets the snapshot once its cheap facts are read
/// (refs, HEAD, files; `partial` set), on the loading thread, before the history is walked.
Result<RepositorySnapshot> loadRepositorySnapshot(const QString& path, const QString& revision,
                                                  ProgressSink* sink = nullptr,
                                                  const std::function<void(const RepositorySnapshot&)>& onPartial = {});

/// Reads one file of the repository at `revision` (empty = work tree) as UTF-8 text, for previews. Fails with
/// "io.binary" for binary content and "io.too-large" above maxSize. Any thread.
Result<QString> readRepositoryTextFile(const QString& path, const QString& revision, const QString& file,
                                       qint64 maxSize = 2 << 20);

/// GUI-thread service that runs loadRepositorySnapshot() in the background (one load at a time; a new load
/// cancels the previous one, whose results are dropped). Each load delivers the partial snapshot first
/// (partialSnapshotAvailable), then the complete one. Lives on, and must be used from, its thread.
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
    /// The cheap facts of the load under way (snapshot.partial is set); the complete snapshot follows.
    void partialSnapshotAvailable(const gatehouse::RepositorySnapshot& snapshot);
    void snapshotAvailable(const gatehouse::RepositorySnapshot& snapshot);
    void loadFailed(const gatehouse::Error& error);
    void loadCancelled();
    void progressChanged(int permille, const QString& stage);

private:
    JobTracker m_jobs{this};
    std::shared_ptr<std::atomic<quint64>> m_loadId = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace gatehouse
