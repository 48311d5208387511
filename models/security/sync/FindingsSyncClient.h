// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runs/sync/RunSyncClient.h"

#include <QMap>
#include <QObject>

#include <memory>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse {

/// One security report fetched from a platform, to be stored in the scan note of its commit.
struct SyncedReport
{
    /// "sast", "dependency_scanning", "container_scanning", "secret_detection", "dast" (GitLab job artifacts),
    /// "code_scanning" (GitHub SARIF), "dependabot" (GitHub alerts).
    QString kind;
    QString sha; ///< the commit the report belongs to
    /// Revisions tried, in order, when the clone lacks `sha` (the Dependabot report: the default branch's head).
    QStringList fallbacks;
    QString name; ///< its name in the note (replaces an earlier report of the same name)
    QByteArray content; ///< as served, checked readable by ReportReader
    int findings = 0;
};

struct FindingsSyncReport
{
    QString defaultBranch;
    QList<SyncedReport> reports; ///< newest first
    int pipelines = 0; ///< GitLab pipelines / GitHub code-scanning analyses looked at
    int missing = 0; ///< artifacts or analyses listed but no longer served (HTTP 404)
    int requests = 0;
    int rateLimitWaits = 0;
};

/// Fetches the security reports a platform keeps for a project's default branch, over runs::ApiPager (auth header,
/// pagination, rate limits, clear 401/403/404 errors, https only except loopback):
///  - GitLab: `GET /projects/:id` (default branch), `GET /projects/:id/pipelines?ref=…&status=success&order_by=id
///    &sort=desc` (`updated_after` from `since`, at most `maxRuns` pipelines), each one's `GET /pipelines/:pid/jobs`,
///    and for each job artifact of file_type sast, dependency_scanning, container_scanning, secret_detection or dast
///    the report file by path: `GET /projects/:id/jobs/:job_id/artifacts/<filename>`.
///  - GitHub: `GET /repos/:owner/:repo` (default branch), `GET …/code-scanning/analyses?ref=refs/heads/<branch>`
///    (newest first, at most `maxRuns`, none older than `since`) and each analysis as SARIF
///    (`GET …/code-scanning/analyses/:id`, Accept: application/sarif+json); `GET …/dependabot/alerts?state=open`
///    (all pages, joined into one report) stored on the branch head (`GET …/branches/<branch>`).
/// A code-scanning or Dependabot list answered 404 (the feature is off) counts as empty. Every report is read with
/// ReportReader before it is kept: a truncated or foreign body fails the sync with the URL's path in the message.
/// Thread affinity: the thread it lives on; one sync at a time per instance.
class FindingsSyncClient : public QObject
{
    Q_OBJECT
public:
    explicit FindingsSyncClient(QObject* parent = nullptr);
    ~FindingsSyncClient() override;

    void start(const runs::SyncRequest& request, const QString& token);
    void cancel();
    bool isRunning() const;

    struct StoreReport
    {
        QMap<QString, int> stored; ///< kind → reports written or refreshed
        int unchanged = 0; ///< reports already in their note as they are
        int skipped = 0; ///< reports whose commit this repository lacks
        int skippedCommits = 0; ///< distinct commits this repository lacks
        QString notesRef;
    };
    /// Adds the reports to the scan notes of their commits (oldest first, so the newest report of a name wins) under
    /// the repository's scan notes ref (ScanArchive::notesRefOf). Commits the clone lacks are skipped and counted.
    static Result<StoreReport> store(git::Repository& repository, const QList<SyncedReport>& reports);

Q_SIGNALS:
    void progressed(const QString& message);
    void finished(const gatehouse::Result<gatehouse::FindingsSyncReport>& result);

private:
    void handlePage(const QByteArray& body, const QUrl& next);
    void handleFailure(const Error& error);
    void next();
    void fail(const Error& error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse
