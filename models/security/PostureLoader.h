// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Posture.h"
#include "common/JobTracker.h"

#include <QObject>

namespace gatehouse {

/// Computes a repository's security posture in the background (PostureBuilder::compute on a worker that opens its
/// own Repository; the report parse cache makes reloads cheap). A new request cancels the running one and only the
/// newest result is delivered. Thread affinity: the thread it lives on (the GUI thread); signals arrive there.
class PostureLoader : public QObject
{
    Q_OBJECT
public:
    explicit PostureLoader(QObject* parent = nullptr);

    /// Starts computing the posture of `repoPath` at `revision` (empty: HEAD, with the work tree's config.yml and
    /// triage.yml) evaluated at `now` (invalid: the current time when the job runs). `cacheDir` as in
    /// PostureBuilder::compute.
    void load(const QString& repoPath, const QString& revision, const QDateTime& now = {},
              const QString& cacheDir = {});
    void cancel();
    bool isLoading() const { return m_job.isRunning(); }
    quint64 generation() const { return m_job.generation(); }

Q_SIGNALS:
    void progressChanged(int permille, const QString& stage);
    void postureAvailable(const gatehouse::Posture& posture);
    void loadFailed(const QString& message);
    void loadingChanged(bool loading);

private:
    JobTracker m_job{this};
};

} // namespace gatehouse
