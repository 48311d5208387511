// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlatformDeployment.h"
#include "runs/sync/RunSyncClient.h"

#include <QObject>

#include <memory>

namespace gatehouse::delivery {

struct DeploymentSyncReport
{
    QList<PlatformDeployment> deployments; ///< newest first
    int requests = 0;
    int rateLimitWaits = 0;
};

/// Fetches a project's deployments: GitLab `GET /projects/:id/deployments` (newest first, `updated_after` from
/// `since`), GitHub `GET /repos/:owner/:repo/deployments` then each one's `GET …/deployments/:id/statuses`. The HTTP
/// side (auth header, pagination, rate limits, error messages, https only) is runs::ApiPager's, as for the runs sync.
/// `maxRuns` of the request caps the deployments fetched. Thread affinity: the thread it lives on.
class DeploymentSyncClient : public QObject
{
    Q_OBJECT
public:
    explicit DeploymentSyncClient(QObject* parent = nullptr);
    ~DeploymentSyncClient() override;

    void start(const runs::SyncRequest& request, const QString& token);
    void cancel();
    bool isRunning() const;
    static QUrl deploymentsUrl(const runs::SyncRequest& request);

Q_SIGNALS:
    void progressed(const QString& message);
    void finished(const gatehouse::Result<gatehouse::delivery::DeploymentSyncReport>& result);

private:
    void handlePage(const QByteArray& body, const QUrl& next);
    void nextStatuses();
    void fail(const Error& error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::delivery
