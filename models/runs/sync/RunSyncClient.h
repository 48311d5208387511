// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "runs/RunTypes.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <memory>

namespace gatehouse::runs {

/// What to fetch from a CI server's REST API.
struct SyncRequest
{
    enum class Provider
    {
        GitLab, ///< GET /api/v4/projects/:id/pipelines, /pipelines/:id/jobs
        GitHub, ///< GET /repos/:owner/:repo/actions/runs, /actions/runs/:id/jobs
    };
    Provider provider = Provider::GitLab;
    /// GitLab: the instance (https://gitlab.example.com); GitHub: the API root (https://api.github.com).
    QUrl baseUrl;
    QString project; ///< GitLab: numeric id or "group/project"; GitHub: "owner/repo"
    int maxRuns = 200; ///< newest first
    int perPage = 50;
    bool withJobs = true;
    /// A 429 / exhausted rate limit asking to wait longer than this fails instead of waiting.
    int maxWaitSeconds = 120;
    /// Only records created (GitLab deployments: updated) at or after this time; invalid = no limit. Used by the
    /// deployments and findings syncs, which share this request.
    QDateTime since;
};

struct SyncReport
{
    QList<Run> runs; ///< with their jobs
    int requests = 0;
    int rateLimitWaits = 0;
};

/// Fetches recent pipelines / workflow runs and their jobs over HTTPS with Qt Network: follows pagination (GitLab
/// X-Next-Page or Link, GitHub Link), waits out rate limits (429 + Retry-After, GitHub X-RateLimit-Remaining/Reset)
/// and turns failures into clear errors (401 → "token rejected …"). The token goes in a request header only: never
/// into a URL, an error message or a log. Plain http is refused except to a loopback address (tests).
///
/// Thread affinity: the thread it lives on (the GUI thread or the CLI's); network I/O is asynchronous, pages are
/// small (≤ 100 records) and parsed by RunReader as they arrive. One sync at a time per instance.
/// Errors: sync.insecure, sync.unauthorized, sync.forbidden, sync.not-found, sync.rate-limited, sync.http,
/// sync.network, sync.canceled, and RunReader's codes for a page that is not the expected JSON.
class RunSyncClient : public QObject
{
    Q_OBJECT
public:
    explicit RunSyncClient(QObject* parent = nullptr);
    ~RunSyncClient() override;

    void start(const SyncRequest& request, const QString& token);
    void cancel();
    bool isRunning() const;

    /// The first URL of a sync (exposed for the CLI's messages and the tests).
    static QUrl runsUrl(const SyncRequest& request);

Q_SIGNALS:
    void progressed(const QString& message);
    void finished(const gatehouse::Result<gatehouse::runs::SyncReport>& result);

private:
    void send(const QUrl& url);
    void handlePage(const QByteArray& body, QUrl next);
    void fail(Error error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::runs
