// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunSyncClient.h"

#include "runs/RunReader.h"
#include "runs/RunStore.h"

#include <QDateTime>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace gatehouse::runs {

namespace {

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The Link header's rel="next" target (RFC 8288), as both GitHub and GitLab send it.
QUrl linkNext(const QByteArray& header)
{
    for (const QByteArray& part : header.split(',')) {
        const qsizetype open = part.indexOf('<');
        const qsizetype close = part.indexOf('>', open + 1);
        if (open < 0 || close < 0)
            continue;
        const QByteArray params = part.mid(close + 1);
        if (params.contains("rel=\"next\"") || params.contains("rel=next"))
            return QUrl(QString::fromLatin1(part.mid(open + 1, close - open - 1).trimmed()));
    }
    return {};
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

} // namespace

struct RunSyncClient::Private
{
    QNetworkAccessManager network;
    QTimer waitTimer;
    QPointer<QNetworkReply> reply;
    SyncRequest request;
    QString token;
    bool running = false;
    bool listing = true; ///< fetching the runs list (else the jobs of runs[jobRun])
    qsizetype jobRun = 0;
    QUrl url; ///< the request in flight (or waiting out a rate limit)
    SyncReport report;
};

RunSyncClient::RunSyncClient(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->waitTimer.setSingleShot(true);
    connect(&d->waitTimer, &QTimer::timeout, this, [this] { send(d->url); });
}

RunSyncClient::~RunSyncClient()
{
    if (d->reply)
        d->reply->abort();
}

bool RunSyncClient::isRunning() const
{
    return d->running;
}

QUrl RunSyncClient::runsUrl(const SyncRequest& request)
{
    QUrl url = request.baseUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QString::number(qBound(1, request.perPage, 100)));
    if (request.provider == SyncRequest::Provider::GitLab) {
        // GitLab takes a numeric id or the URL-encoded path.
        url.setPath(base + QStringLiteral("/api/v4/projects/")
                        + QString::fromLatin1(QUrl::toPercentEncoding(request.project)) + QStringLiteral("/pipelines"),
                    QUrl::TolerantMode);
    } else {
        url.setPath(base + QStringLiteral("/repos/") + request.project + QStringLiteral("/actions/runs"));
    }
    url.setQuery(query);
    return url;
}

void RunSyncClient::start(const SyncRequest& request, const QString& token)
{
    cancel();
    d->request = request;
    d->token = token;
    d->report = SyncReport();
    d->listing = true;
    d->jobRun = 0;
    const QUrl url = runsUrl(request);
    if (!url.isValid() || url.host().isEmpty()) {
        Q_EMIT finished(makeError(QStringLiteral("sync.http"),
                                  QStringLiteral("not a server URL: %1").arg(request.baseUrl.toDisplayString())));
        return;
    }
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && isLoopback(url))) {
        Q_EMIT finished(makeError(
            QStringLiteral("sync.insecure"),
            QStringLiteral("refusing to send the token over %1 to %2: use https").arg(url.scheme(), url.host())));
        return;
    }
    d->running = true;
    send(url);
}

void RunSyncClient::cancel()
{
    if (!d->running)
        return;
    d->running = false;
    d->waitTimer.stop();
    if (d->reply) {
        d->reply->disconnect(this);
        d->reply->abort();
        d->reply->deleteLater();
    }
    Q_EMIT finished(makeError(QStringLiteral("sync.canceled"), QStringLiteral("the sync was canceled")));
}

void RunSyncClient::send(const QUrl& url)
{
    d->url = url;
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    // Redirects stay on the same origin: the token header must not follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Gatehouse/" GATEHOUSE_VERSION));
    if (d->request.provider == SyncRequest::Provider::GitLab) {
        if (!d->token.isEmpty())
            request.setRawHeader("PRIVATE-TOKEN", d->token.toUtf8());
    } else {
        request.setRawHeader("Accept", "application/vnd.github+json");
        request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        if (!d->token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + d->token.toUtf8());
    }
    ++d->report.requests;
    d->reply = d->network.get(request);
    connect(d->reply, &QNetworkReply::finished, this, [this, reply = d->reply] { handle(reply); });
}

void RunSyncClient::fail(Error error)
{
    d->running = false;
    Q_EMIT finished(std::move(error));
}

void RunSyncClient::handle(QNetworkReply* reply)
{
    if (!reply)
        return;
    reply->deleteLater();
    if (!d->running || reply != d->reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString host = d->url.host();
    const QString where = d->url.path();
    if (status == 0) {
        fail(makeError(QStringLiteral("sync.network"),
                       QStringLiteral("cannot reach %1: %2").arg(host, reply->errorString())));
        return;
    }
    const QByteArray remaining = reply->rawHeader("X-RateLimit-Remaining");
    if (status == 429 || (status == 403 && remaining == "0")) {
        // Retry-After (seconds) first; GitHub's primary limit gives the reset time instead.
        qint64 wait = -1;
        bool ok = false;
        const qint64 retryAfter = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
        if (ok)
            wait = retryAfter;
        const qint64 reset = reply->rawHeader("X-RateLimit-Reset").trimmed().toLongLong(&ok);
        if (wait < 0 && ok)
            wait = qMax<qint64>(0, reset - QDateTime::currentSecsSinceEpoch());
        if (wait < 0)
            wait = 60;
        if (wait > d->request.maxWaitSeconds) {
            fail(
                makeError(QStringLiteral("sync.rate-limited"),
                          QStringLiteral("%1 rate-limited the sync (HTTP %2) and asks to wait %3 s, more than the %4 s "
                                         "allowed: try again later")
                              .arg(host)
                              .arg(status)
                              .arg(wait)
                              .arg(d->request.maxWaitSeconds)));
            return;
        }
        ++d->report.rateLimitWaits;
        Q_EMIT progressed(QStringLiteral("rate-limited by %1: waiting %2 s").arg(host).arg(wait));
        d->waitTimer.start(int(wait * 1000));
        return;
    }
    const bool gitLab = d->request.provider == SyncRequest::Provider::GitLab;
    if (status == 401) {
        fail(makeError(QStringLiteral("sync.unauthorized"),
                       QStringLiteral("token rejected by %1 (HTTP 401): check that it is valid, not expired, and has "
                                      "the %2 scope")
                           .arg(host, gitLab ? QStringLiteral("read_api") : QStringLiteral("actions:read"))));
        return;
    }
    if (status == 403) {
        fail(makeError(QStringLiteral("sync.forbidden"),
                       QStringLiteral("%1 refused access to %2 (HTTP 403): the token lacks permission for this project")
                           .arg(host, d->request.project)));
        return;
    }
    if (status == 404) {
        fail(makeError(QStringLiteral("sync.not-found"),
                       QStringLiteral("%1 has no project %2 (HTTP 404), or the token cannot see it")
                           .arg(host, d->request.project)));
        return;
    }
    if (status < 200 || status >= 300) {
        fail(makeError(QStringLiteral("sync.http"),
                       QStringLiteral("%1 answered HTTP %2 for %3").arg(host).arg(status).arg(where)));
        return;
    }
    auto page = RunReader::read(reply->readAll());
    if (!page) {
        fail(makeError(page.error().code, QStringLiteral("%1%2: %3").arg(host, where, page.error().message)));
        return;
    }

    if (d->listing) {
        for (const Run& run : std::as_const(page->runs)) {
            if (d->report.runs.size() >= d->request.maxRuns)
                break;
            RunStore::mergeInto(d->report.runs, {run});
        }
    } else {
        RunStore::mergeInto(d->report.runs, page->runs);
    }
    Q_EMIT progressed(d->listing
                          ? QStringLiteral("%1 runs listed").arg(d->report.runs.size())
                          : QStringLiteral("jobs of run %1 of %2").arg(d->jobRun + 1).arg(d->report.runs.size()));

    // The next page: Link rel="next" (GitHub, GitLab), else GitLab's X-Next-Page. Only on the same origin.
    QUrl next = linkNext(reply->rawHeader("Link"));
    const QByteArray nextPage = reply->rawHeader("X-Next-Page").trimmed();
    if (next.isEmpty() && !nextPage.isEmpty()) {
        next = d->url;
        QUrlQuery query(next);
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::fromLatin1(nextPage));
        next.setQuery(query);
    }
    if (next.isValid() && !next.isEmpty() && !sameOrigin(next, d->url))
        next.clear();
    const bool listFull = d->listing && d->report.runs.size() >= d->request.maxRuns;
    if (next.isValid() && !next.isEmpty() && !listFull) {
        send(next);
        return;
    }
    if (d->listing) {
        d->listing = false;
        d->jobRun = 0;
    } else {
        ++d->jobRun;
    }
    if (!d->request.withJobs || d->jobRun >= d->report.runs.size()) {
        d->running = false;
        Q_EMIT finished(d->report);
        return;
    }
    const Run& run = d->report.runs.at(d->jobRun);
    QUrl jobs = runsUrl(d->request);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    if (gitLab)
        query.addQueryItem(QStringLiteral("include_retried"), QStringLiteral("true"));
    // GitHub lists the jobs of the run's latest attempt, which is the attempt the runs list gives.
    jobs.setPath(jobs.path(QUrl::FullyEncoded) + QLatin1Char('/') + run.id + QStringLiteral("/jobs"),
                 QUrl::TolerantMode);
    jobs.setQuery(query);
    send(jobs);
}

} // namespace gatehouse::runs
