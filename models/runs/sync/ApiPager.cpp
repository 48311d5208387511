// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiPager.h"

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

struct ApiPager::Private
{
    QNetworkAccessManager network;
    QTimer waitTimer;
    QPointer<QNetworkReply> reply;
    Options options;
    QString token;
    QUrl url; ///< the request in flight (or waiting out a rate limit)
    QByteArray accept; ///< its Accept header, empty for the API's default
    int requests = 0;
    int rateLimitWaits = 0;
};

ApiPager::ApiPager(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->waitTimer.setSingleShot(true);
    connect(&d->waitTimer, &QTimer::timeout, this, [this] { get(d->url, d->accept); });
}

ApiPager::~ApiPager()
{
    if (d->reply)
        d->reply->abort();
}

std::optional<Error> ApiPager::refuse(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return makeError(QStringLiteral("sync.http"),
                         QStringLiteral("not a server URL: %1").arg(url.toDisplayString()));
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && isLoopback(url)))
        return makeError(
            QStringLiteral("sync.insecure"),
            QStringLiteral("refusing to send the token over %1 to %2: use https").arg(url.scheme(), url.host()));
    return std::nullopt;
}

QUrl ApiPager::projectUrl(bool gitLab, const QUrl& baseUrl, const QString& project, const QString& suffix)
{
    QUrl url = baseUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (gitLab) // a numeric id or the URL-encoded path
        url.setPath(base + QStringLiteral("/api/v4/projects/") + QString::fromLatin1(QUrl::toPercentEncoding(project))
                        + QLatin1Char('/') + suffix,
                    QUrl::TolerantMode);
    else
        url.setPath(base + QStringLiteral("/repos/") + project + QLatin1Char('/') + suffix);
    return url;
}

Result<QJsonDocument> ApiPager::readJson(const QByteArray& body, const QString& what)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(error.offset >= body.trimmed().size() - 1 ? QStringLiteral("sync.truncated")
                                                                   : QStringLiteral("sync.json"),
                         QStringLiteral("%1 is not complete JSON: %2 at offset %3")
                             .arg(what, error.errorString())
                             .arg(error.offset));
    return document;
}

void ApiPager::setOptions(const Options& options, const QString& token)
{
    d->options = options;
    d->token = token;
}

bool ApiPager::isBusy() const
{
    return d->reply || d->waitTimer.isActive();
}

int ApiPager::requests() const
{
    return d->requests;
}

int ApiPager::rateLimitWaits() const
{
    return d->rateLimitWaits;
}

void ApiPager::resetCounters()
{
    d->requests = 0;
    d->rateLimitWaits = 0;
}

void ApiPager::abort()
{
    d->waitTimer.stop();
    if (d->reply) {
        d->reply->disconnect(this);
        d->reply->abort();
        d->reply->deleteLater();
        d->reply = nullptr;
    }
}

void ApiPager::get(const QUrl& url, const QByteArray& accept)
{
    d->url = url;
    d->accept = accept;
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    // Redirects stay on the same origin: the token header must not follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Gatehouse/" GATEHOUSE_VERSION));
    if (d->options.gitLab) {
        if (!accept.isEmpty())
            request.setRawHeader("Accept", accept);
        if (!d->token.isEmpty())
            request.setRawHeader("PRIVATE-TOKEN", d->token.toUtf8());
    } else {
        request.setRawHeader("Accept", accept.isEmpty() ? QByteArray("application/vnd.github+json") : accept);
        request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        if (!d->token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + d->token.toUtf8());
    }
    ++d->requests;
    d->reply = d->network.get(request);
    connect(d->reply, &QNetworkReply::finished, this, [this, reply = d->reply] { handle(reply); });
}

void ApiPager::handle(QNetworkReply* reply)
{
    if (!reply)
        return;
    reply->deleteLater();
    if (reply != d->reply)
        return;
    d->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString host = d->url.host();
    const QString where = d->url.path();
    if (status == 0) {
        Q_EMIT failed(makeError(QStringLiteral("sync.network"),
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
        if (wait > d->options.maxWaitSeconds) {
            Q_EMIT failed(
                makeError(QStringLiteral("sync.rate-limited"),
                          QStringLiteral("%1 rate-limited the sync (HTTP %2) and asks to wait %3 s, more than the %4 s "
                                         "allowed: try again later")
                              .arg(host)
                              .arg(status)
                              .arg(wait)
                              .arg(d->options.maxWaitSeconds)));
            return;
        }
        ++d->rateLimitWaits;
        Q_EMIT waiting(QStringLiteral("rate-limited by %1: waiting %2 s").arg(host).arg(wait));
        d->waitTimer.start(int(wait * 1000));
        return;
    }
    if (status == 401) {
        Q_EMIT failed(makeError(QStringLiteral("sync.unauthorized"),
                                QStringLiteral("token rejected by %1 (HTTP 401): check that it is valid, not expired, "
                                               "and has the %2 scope")
                                    .arg(host, d->options.scope)));
        return;
    }
    if (status == 403) {
        Q_EMIT failed(
            makeError(QStringLiteral("sync.forbidden"),
                      QStringLiteral("%1 refused access to %2 (HTTP 403): the token lacks permission for this project")
                          .arg(host, d->options.project)));
        return;
    }
    if (status == 404) {
        Q_EMIT failed(makeError(QStringLiteral("sync.not-found"),
                                QStringLiteral("%1 has no project %2 (HTTP 404), or the token cannot see it")
                                    .arg(host, d->options.project)));
        return;
    }
    if (status < 200 || status >= 300) {
        Q_EMIT failed(makeError(QStringLiteral("sync.http"),
                                QStringLiteral("%1 answered HTTP %2 for %3").arg(host).arg(status).arg(where)));
        return;
    }
    const QByteArray body = reply->readAll();
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
    if (!next.isValid() || (!next.isEmpty() && !sameOrigin(next, d->url)))
        next.clear();
    Q_EMIT page(body, next);
}

} // namespace gatehouse::runs
