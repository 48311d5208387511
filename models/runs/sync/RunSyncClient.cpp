// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunSyncClient.h"

#include "ApiPager.h"
#include "runs/RunReader.h"
#include "runs/RunStore.h"

#include <QUrlQuery>

namespace gatehouse::runs {

struct RunSyncClient::Private
{
    ApiPager pager;
    SyncRequest request;
    bool running = false;
    bool listing = true; ///< fetching the runs list (else the jobs of runs[jobRun])
    qsizetype jobRun = 0;
    QUrl url; ///< the request in flight
    SyncReport report;
};

RunSyncClient::RunSyncClient(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    connect(&d->pager, &ApiPager::page, this, &RunSyncClient::handlePage);
    connect(&d->pager, &ApiPager::failed, this, [this](const Error& error) {
        if (d->running)
            fail(error);
    });
    connect(&d->pager, &ApiPager::waiting, this, [this](const QString& message) {
        ++d->report.rateLimitWaits;
        Q_EMIT progressed(message);
    });
}

RunSyncClient::~RunSyncClient() = default;

bool RunSyncClient::isRunning() const
{
    return d->running;
}

QUrl RunSyncClient::runsUrl(const SyncRequest& request)
{
    const bool gitLab = request.provider == SyncRequest::Provider::GitLab;
    QUrl url = ApiPager::projectUrl(gitLab, request.baseUrl, request.project,
                                    gitLab ? QStringLiteral("pipelines") : QStringLiteral("actions/runs"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QString::number(qBound(1, request.perPage, 100)));
    if (request.since.isValid()) {
        const QString since = request.since.toUTC().toString(Qt::ISODate);
        if (gitLab)
            query.addQueryItem(QStringLiteral("updated_after"), since);
        else
            query.addQueryItem(QStringLiteral("created"), QStringLiteral(">=") + since);
    }
    url.setQuery(query);
    return url;
}

void RunSyncClient::start(const SyncRequest& request, const QString& token)
{
    cancel();
    d->request = request;
    d->report = SyncReport();
    d->listing = true;
    d->jobRun = 0;
    const QUrl url = runsUrl(request);
    if (!url.isValid() || url.host().isEmpty()) {
        Q_EMIT finished(makeError(QStringLiteral("sync.http"),
                                  QStringLiteral("not a server URL: %1").arg(request.baseUrl.toDisplayString())));
        return;
    }
    if (const std::optional<Error> refused = ApiPager::refuse(url)) {
        Q_EMIT finished(*refused);
        return;
    }
    const bool gitLab = request.provider == SyncRequest::Provider::GitLab;
    d->pager.setOptions({gitLab, request.project, gitLab ? QStringLiteral("read_api") : QStringLiteral("actions:read"),
                         request.maxWaitSeconds},
                        token);
    d->pager.resetCounters();
    d->running = true;
    send(url);
}

void RunSyncClient::cancel()
{
    if (!d->running)
        return;
    d->running = false;
    d->pager.abort();
    Q_EMIT finished(makeError(QStringLiteral("sync.canceled"), QStringLiteral("the sync was canceled")));
}

void RunSyncClient::send(const QUrl& url)
{
    d->url = url;
    d->pager.get(url);
}

void RunSyncClient::fail(Error error)
{
    d->running = false;
    Q_EMIT finished(std::move(error));
}

void RunSyncClient::handlePage(const QByteArray& body, QUrl next)
{
    if (!d->running)
        return;
    const bool gitLab = d->request.provider == SyncRequest::Provider::GitLab;
    auto page = RunReader::read(body);
    if (!page) {
        fail(makeError(page.error().code,
                       QStringLiteral("%1%2: %3").arg(d->url.host(), d->url.path(), page.error().message)));
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
        d->report.requests = d->pager.requests();
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
