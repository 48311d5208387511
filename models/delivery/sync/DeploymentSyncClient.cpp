// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentSyncClient.h"

#include "runs/sync/ApiPager.h"

#include <QUrlQuery>

namespace gatehouse::delivery {

using runs::ApiPager;
using runs::SyncRequest;

struct DeploymentSyncClient::Private
{
    ApiPager pager;
    SyncRequest request;
    bool running = false;
    bool listing = true; ///< listing deployments (else reading the statuses of deployments[statusOf])
    qsizetype statusOf = 0;
    QUrl url;
    DeploymentSyncReport report;

    bool gitLab() const { return request.provider == SyncRequest::Provider::GitLab; }
};

DeploymentSyncClient::DeploymentSyncClient(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    connect(&d->pager, &ApiPager::page, this, &DeploymentSyncClient::handlePage);
    connect(&d->pager, &ApiPager::failed, this, [this](const Error& error) {
        if (d->running)
            fail(error);
    });
    connect(&d->pager, &ApiPager::waiting, this, &DeploymentSyncClient::progressed);
}

DeploymentSyncClient::~DeploymentSyncClient() = default;

bool DeploymentSyncClient::isRunning() const
{
    return d->running;
}

QUrl DeploymentSyncClient::deploymentsUrl(const SyncRequest& request)
{
    const bool gitLab = request.provider == SyncRequest::Provider::GitLab;
    QUrl url = ApiPager::projectUrl(gitLab, request.baseUrl, request.project, QStringLiteral("deployments"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QString::number(qBound(1, request.perPage, 100)));
    if (gitLab) {
        // GitLab requires ordering by updated_at when filtering on it.
        query.addQueryItem(QStringLiteral("order_by"), QStringLiteral("updated_at"));
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("desc"));
        if (request.since.isValid())
            query.addQueryItem(QStringLiteral("updated_after"), request.since.toUTC().toString(Qt::ISODate));
    }
    url.setQuery(query);
    return url;
}

void DeploymentSyncClient::start(const SyncRequest& request, const QString& token)
{
    cancel();
    d->request = request;
    d->report = DeploymentSyncReport();
    d->listing = true;
    d->statusOf = 0;
    const QUrl url = deploymentsUrl(request);
    if (const std::optional<Error> refused = ApiPager::refuse(url)) {
        Q_EMIT finished(*refused);
        return;
    }
    d->pager.setOptions({d->gitLab(), request.project,
                         d->gitLab() ? QStringLiteral("read_api") : QStringLiteral("deployments:read"),
                         request.maxWaitSeconds},
                        token);
    d->pager.resetCounters();
    d->running = true;
    d->url = url;
    d->pager.get(url);
}

void DeploymentSyncClient::cancel()
{
    if (!d->running)
        return;
    d->running = false;
    d->pager.abort();
    Q_EMIT finished(makeError(QStringLiteral("sync.canceled"), QStringLiteral("the sync was canceled")));
}

void DeploymentSyncClient::fail(const Error& error)
{
    d->running = false;
    Q_EMIT finished(error);
}

void DeploymentSyncClient::handlePage(const QByteArray& body, const QUrl& next)
{
    if (!d->running)
        return;
    if (!d->listing) {
        PlatformDeployment& deployment = d->report.deployments[d->statusOf];
        if (const Status applied = PlatformDeployments::applyGitHubStatuses(deployment, body); !applied.ok()) {
            fail(makeError(applied.error().code,
                           QStringLiteral("%1%2: %3").arg(d->url.host(), d->url.path(), applied.error().message)));
            return;
        }
        ++d->statusOf;
        nextStatuses();
        return;
    }
    const Result<QList<PlatformDeployment>> page
        = d->gitLab() ? PlatformDeployments::readGitLab(body) : PlatformDeployments::readGitHub(body);
    if (!page.ok()) {
        fail(makeError(page.error().code,
                       QStringLiteral("%1%2: %3").arg(d->url.host(), d->url.path(), page.error().message)));
        return;
    }
    bool older = false;
    for (const PlatformDeployment& deployment : page.value()) {
        if (d->report.deployments.size() >= d->request.maxRuns)
            break;
        // GitHub has no date filter: its list is newest first, so the first older one ends the listing.
        if (!d->gitLab() && d->request.since.isValid() && deployment.createdAt < d->request.since) {
            older = true;
            break;
        }
        d->report.deployments.append(deployment);
    }
    Q_EMIT progressed(QStringLiteral("%1 deployments listed").arg(d->report.deployments.size()));
    if (!next.isEmpty() && !older && d->report.deployments.size() < d->request.maxRuns) {
        d->url = next;
        d->pager.get(next);
        return;
    }
    d->listing = false;
    d->statusOf = 0;
    nextStatuses();
}

void DeploymentSyncClient::nextStatuses()
{
    // GitLab's list carries the status; GitHub keeps it in each deployment's statuses (newest first: one page).
    if (d->gitLab() || d->statusOf >= d->report.deployments.size()) {
        d->running = false;
        d->report.requests = d->pager.requests();
        d->report.rateLimitWaits = d->pager.rateLimitWaits();
        Q_EMIT finished(d->report);
        return;
    }
    QUrl url
        = ApiPager::projectUrl(false, d->request.baseUrl, d->request.project,
                               QStringLiteral("deployments/%1/statuses").arg(d->report.deployments.at(d->statusOf).id));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    url.setQuery(query);
    Q_EMIT progressed(
        QStringLiteral("statuses of deployment %1 of %2").arg(d->statusOf + 1).arg(d->report.deployments.size()));
    d->url = url;
    d->pager.get(url);
}

} // namespace gatehouse::delivery
