// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QJsonDocument>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkReply;

namespace gatehouse::runs {

/// The HTTP side of every sync with GitLab's or GitHub's REST API (runs, deployments, findings): one GET at a time
/// with the token in a header (never in a URL, an error message or a log), same-origin redirects only, rate limits
/// waited out (429 + Retry-After, GitHub's X-RateLimit-Remaining/Reset) up to a limit, pagination read from the
/// answer (Link rel="next", GitLab's X-Next-Page; same origin only), and failures turned into clear errors:
/// sync.unauthorized (401), sync.forbidden (403), sync.not-found (404), sync.rate-limited, sync.http, sync.network.
///
/// Thread affinity: the thread it lives on; network I/O is asynchronous. One request at a time per instance.
class ApiPager : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool gitLab = true; ///< GitLab (PRIVATE-TOKEN) or GitHub (Bearer, API version header)
        QString project; ///< for messages: "group/project", "42" or "owner/repo"
        QString scope; ///< the token scope to name when the token is rejected ("read_api", "actions:read")
        int maxWaitSeconds = 120; ///< a rate limit asking to wait longer fails instead
    };

    explicit ApiPager(QObject* parent = nullptr);
    ~ApiPager() override;

    /// sync.http for a URL without a host, sync.insecure for plain http except to a loopback address.
    static std::optional<Error> refuse(const QUrl& url);
    /// GitLab: BASE/api/v4/projects/<id or url-encoded path>/SUFFIX; GitHub: BASE/repos/OWNER/REPO/SUFFIX.
    static QUrl projectUrl(bool gitLab, const QUrl& baseUrl, const QString& project, const QString& suffix);

    /// An answer's JSON; `what` names it in the error: sync.truncated for a document cut off in transit (a dropped
    /// connection, a proxy limit), sync.json for anything else that is not JSON.
    static Result<QJsonDocument> readJson(const QByteArray& body, const QString& what);

    void setOptions(const Options& options, const QString& token);
    /// Sends one GET; answers with page() or failed(). `accept`: a media type other than the API's JSON (GitHub's
    /// application/sarif+json for a code-scanning analysis); kept for a retry after a rate limit.
    void get(const QUrl& url, const QByteArray& accept = {});
    void abort();
    bool isBusy() const;
    int requests() const;
    int rateLimitWaits() const;
    void resetCounters();

Q_SIGNALS:
    /// A 2xx answer. `next`: the following page (same origin), empty at the last one.
    void page(const QByteArray& body, const QUrl& next);
    void failed(const gatehouse::Error& error);
    void waiting(const QString& message);

private:
    void handle(QNetworkReply* reply);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::runs
