// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "git/GitTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::delivery {

/// A deployment as a platform recorded it: GitLab's project deployments, GitHub's deployments with their latest
/// status. Stored as JSON in a git note under refs/notes/gatehouse-deployments on the deployed commit. Value type.
struct PlatformDeployment
{
    QString source; ///< "gitlab" or "github"
    QString id; ///< the platform's id
    QString environment; ///< lower case
    /// Normalised: "success", "failed", "canceled" (finished), or "running", "pending", "created", "blocked",
    /// "skipped" (not finished: not counted as a deployment).
    QString status;
    QString ref;
    QString sha;
    QDateTime createdAt; ///< UTC
    QDateTime finishedAt; ///< UTC; GitLab: the deployable job's finished_at, else updated_at; GitHub: latest status
    QString deployable; ///< GitLab: the deploy job's name; GitHub: the deployment's task
    QString user;

    bool finished() const;
    /// A finished deployment that did not succeed: counts as a failed change.
    bool failedOrCanceled() const;
    /// Deploy time: finishedAt, else createdAt.
    QDateTime time() const;
};

/// Reading the platforms' documented answers and the notes. Pure, any thread.
class PlatformDeployments
{
public:
    static constexpr const char* kNotesRef = "refs/notes/gatehouse-deployments";

    /// GitLab `GET /projects/:id/deployments` (a JSON array).
    static Result<QList<PlatformDeployment>> readGitLab(const QByteArray& page);
    /// GitHub `GET /repos/:owner/:repo/deployments` (a JSON array); statuses are read separately.
    static Result<QList<PlatformDeployment>> readGitHub(const QByteArray& page);
    /// GitHub `GET /repos/:owner/:repo/deployments/:id/statuses` (newest first): sets status and finishedAt.
    static Status applyGitHubStatuses(PlatformDeployment& deployment, const QByteArray& page);

    /// Note text for one commit: {"deployments":[…]} (sorted by source and id).
    static QByteArray toNote(const QList<PlatformDeployment>& deployments);
    static Result<QList<PlatformDeployment>> fromNote(const QByteArray& note);

    struct StoreReport
    {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0; ///< commits not in this repository
    };
    /// Merges deployments into the notes of their commits (same source and id: replaced). Commits that are not in
    /// the repository are skipped (fetch first).
    static Result<StoreReport> store(git::Repository& repository, const QList<PlatformDeployment>& deployments);
    /// Every stored deployment; notes that cannot be read become `problems`.
    static Result<QList<PlatformDeployment>> readAll(const git::Repository& repository,
                                                     QStringList* problems = nullptr);
};

} // namespace gatehouse::delivery
