// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "classify/PipelineFile.h"

#include "git/GitTypes.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace gatehouse {

/// A security scan report file found at the snapshot's revision.
struct ReportFile
{
    QString path;
    QString tool; ///< best guess from the file name ("semgrep", "trivy", "sarif", ...); "unknown" otherwise
    QString format; ///< "sarif", "json", "xml", ... (from the extension)
    qint64 size = 0;
    git::ObjectId lastCommit; ///< newest commit in the scanned history that changed the file; null if not seen
    QDateTime lastChanged;
};

/// A commit that added or changed report files, or that carries a scan note (refs/notes/gatehouse-scans).
struct ScanCommit
{
    git::ObjectId commit;
    QString summary;
    QString author;
    QDateTime time;
    QStringList reportPaths; ///< report files added or modified by the commit (vs. its first parent)
    QStringList deletedReportPaths;
    bool hasNote = false;
    qint64 noteSize = 0;
    QString noteSummary; ///< first non-empty line of the note (trimmed, at most 200 characters)
};

/// A deployment tag, as the delivery analysis classified it (delivery::DeploymentRules).
struct DeployTag
{
    QString tag;
    QString environment; ///< lower case, e.g. "production", "staging"; "unspecified" when nothing tells
    git::ObjectId commit;
    QString commitSummary;
    QDateTime time; ///< tagger time for annotated tags, committer time otherwise
    QString tagger; ///< tagger name (annotated) or the commit's committer name
    QString message; ///< whole tag message (annotated tags only)
    bool annotated = false;
    bool rollback = false;
};

/// An incident as the delivery analysis found it: a postmortem or hotfix commit, a revert of a deployed commit, or
/// a postmortem document.
struct IncidentCommit
{
    enum class Kind
    {
        Postmortem,
        Hotfix,
        Revert,
        Document
    };
    Kind kind = Kind::Postmortem;
    git::ObjectId commit; ///< null for a document no commit added
    QString summary;
    QString author;
    QDateTime time;
    QString incident; ///< the "Incident:" line's value
    QString rootCause; ///< the "Root cause:" line's value
    QString fix; ///< the "Fix:" line's value
    QStringList factors; ///< "Factor …" lines, whole
};

struct Contributor
{
    QString name; ///< most recent name used with this e-mail
    QString email;
    int commits = 0;
    QDateTime first;
    QDateTime last;
};

struct WeekActivity
{
    QDate weekStart; ///< Monday (UTC) of the week
    int commits = 0;
    int authors = 0;
};

/// A compact commit for lists.
struct CommitSummary
{
    git::ObjectId id;
    QString summary;
    QString author;
    QString authorEmail;
    QDateTime time; ///< author time
    int parentCount = 0;
};

/// Everything the shell shows about a repository at one revision, computed on a worker by
/// loadRepositorySnapshot(). Plain value type: copy it freely between threads.
struct RepositorySnapshot
{
    // Where and what
    QString path; ///< the work tree's root (git dir for bare repositories), absolute
    QString gitDir;
    QString displayName;
    QString revision; ///< as requested; empty = the work tree
    bool bare = false;
    bool workTree = true; ///< files read from the work tree (revision empty)
    git::ObjectId commit; ///< the commit whose history and (unless workTree) files were read
    QString commitSummary;
    QDateTime commitTime;
    git::HeadInfo head;
    /// The loader's first delivery: refs, HEAD and files are read, the history (commits, contributors, activity,
    /// scans, deployments, incidents) is not yet; the complete snapshot of the same load follows.
    bool partial = false;

    QList<git::BranchInfo> branches;
    QList<git::TagInfo> tags;

    QList<CommitSummary> recentCommits; ///< newest first, at most kRecentCommits
    int commitsWalked = 0; ///< commits visited in the history walk
    bool historyTruncated = false; ///< the walk stopped at kMaxHistory commits

    int fileCount = 0;
    QList<PipelineFile> pipelineFiles;
    QList<ReportFile> reportFiles;
    QList<ScanCommit> scanCommits; ///< newest first
    int scanNotes = 0; ///< notes under refs/notes/gatehouse-scans (all, even outside the walked history)

    QList<DeployTag> deployTags; ///< newest first
    QList<IncidentCommit> incidents; ///< newest first
    int unshippedReverts = 0; ///< reverts of never-deployed commits: not incidents, counted apart
    QList<Contributor> contributors; ///< most commits first
    QList<WeekActivity> weeks; ///< kActivityWeeks weeks ending with the week of `commitTime`, oldest first

    QStringList warnings; ///< non-fatal problems met while loading (unreadable notes, missing includes, ...)

    static constexpr int kRecentCommits = 200;
    static constexpr int kMaxHistory = 50000;
    static constexpr int kScanHistory = 2000; ///< commits diffed for report changes
    static constexpr int kActivityWeeks = 26;
    static constexpr const char* kScanNotesRef = "refs/notes/gatehouse-scans";

    bool isValid() const { return !commit.isNull(); }

    /// Commits in the last `weeks` weeks of `weeks` (the buckets ending with HEAD's week).
    int commitsInLastWeeks(int weeks) const;
    /// Distinct authors in the last `weeks` weeks (by e-mail).
    int contributorsInLastWeeks(int weeks) const;
    /// The newest deployment per environment, environments sorted by name.
    QList<DeployTag> lastDeploymentPerEnvironment() const;
    /// Commits among scanCommits that added, changed or deleted report files (the others only carry a note).
    int reportChangingCommits() const;
    /// Pipeline files of GitLab CI (config and includes) and of GitHub Actions (workflows and actions).
    int gitLabPipelineFiles() const;
    int gitHubPipelineFiles() const { return int(pipelineFiles.size()) - gitLabPipelineFiles(); }
    /// Deployments and rollbacks per environment.
    struct EnvironmentCounts
    {
        int deployments = 0;
        int rollbacks = 0;
    };
    QMap<QString, EnvironmentCounts> deploymentCounts() const;
    /// Incident commits of one kind.
    int incidentCount(IncidentCommit::Kind kind) const;
    /// The newest incident commit, or nullptr.
    const IncidentCommit* lastIncident() const;
};

QString pipelineKindName(PipelineFile::Kind kind); ///< stable identifiers: "gitlab-ci", "gitlab-include", ...
QString incidentKindName(IncidentCommit::Kind kind); ///< "postmortem", "hotfix", "revert"

} // namespace gatehouse
