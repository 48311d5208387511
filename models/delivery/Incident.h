// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::delivery {

/// An incident: a postmortem, hotfix or revert commit, or a postmortem document. Value type.
///
/// A revert is an incident only when the commit it reverts had reached users: a deployment (any environment,
/// releases included) contained it before the revert was committed. Other reverts become Kind::RevertUnshipped
/// ("reverted before release"): listed apart, never counted as incidents (see IncidentScanner::link).
struct Incident
{
    enum class Kind
    {
        Postmortem,
        Hotfix,
        Revert,
        Document,
        RevertUnshipped ///< a revert of a commit that never shipped (or cannot be identified): not an incident
    };
    Kind kind = Kind::Postmortem;

    git::ObjectId commit; ///< the commit; for a document, the commit that added it (when known)
    QString documentPath; ///< documents only: path under postmortems/ or docs/postmortems/
    /// When it happened (UTC): the `Detected:` time when it reads as a date-time, else the document's `date`,
    /// else the commit's committer time.
    QDateTime time;
    QDateTime commitTime; ///< committer time of `commit` (UTC)

    QString title;
    QString scope; ///< conventional-commit scope, or the document's `scope`/`service`
    QString incident; ///< `Incident:` — an id or a one-line description
    QString rootCause; ///< `Root cause:`
    QString fix; ///< `Fix:`
    QString detected; ///< `Detected:` as written
    QString duration; ///< `Duration:` as written
    std::optional<qint64> durationSeconds; ///< `Duration:` when it reads as a duration
    QString severity; ///< `Severity:` as written (e.g. "SEV2", "high")
    QString deploymentRef; ///< `Deployment:` — a tag name or commit id naming the blamed deployment
    QStringList factors; ///< 12-Factor ids ("I" … "XII") from `Factor …` lines, in order, without duplicates
    QStringList factorNotes; ///< the `Factor …` lines' text, as written
    QString revertedCommit; ///< "This reverts commit <sha>."
    QString body; ///< the message body or the document's Markdown (front matter removed)

    // --- Filled by IncidentScanner::link ---
    QStringList fixCommits; ///< full ids of the commits the `Fix:` line names (those that resolve)
    QString shippedIn; ///< reverts: tag of the first deployment that contained the reverted commit; empty when none
    QString blamedDeployment; ///< tag of the deployment it blames; empty when none
    QString fixedByDeployment; ///< tag of the first deployment that shipped the fix; empty when none
    std::optional<qint64> timeToRestoreSeconds; ///< fixed-by deploy time − blamed deploy time
    QStringList notes;
};

/// "postmortem", "hotfix", "revert", "document", "revert-unshipped"
QString incidentKindName(Incident::Kind kind);

} // namespace gatehouse::delivery
