// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "SyncOptions.h"

#include "delivery/sync/DeploymentSyncClient.h"
#include "git/Repository.h"

#include <QJsonObject>

namespace gatehouse::cli {

using delivery::DeploymentSyncReport;

// `gatehouse deployments sync`: a GitLab or GitHub project's deployments, stored as notes under
// refs/notes/gatehouse-deployments on the deployed commits (shared with `git push`), merged with tag deployments.
int runDeploymentsSync(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const SyncOptions sync(QStringLiteral("max-deployments"), 500);
    const char* const usage = "Usage: gatehouse deployments sync [--repo DIR] (--gitlab URL --project ID | --github "
                              "OWNER/REPO [--api-url URL]) [--token-env VAR] [--max-deployments N] [--since DATE]\n";
    CommonOptions options;
    runs::SyncRequest request;
    QString token;
    if (const std::optional<int> code
        = sync.parse(parser, QStringLiteral("deployments sync"), usage, arguments, io, options, request, token))
        return *code;
    Result<git::Repository> repository = git::Repository::open(options.repo);
    if (!repository.ok()) {
        io.err << "gatehouse deployments sync: " << repository.error().toString() << '\n';
        return ExitUsage;
    }

    delivery::DeploymentSyncClient client;
    const std::optional<Result<DeploymentSyncReport>> outcome
        = SyncOptions::runClient<delivery::DeploymentSyncClient, DeploymentSyncReport>(
            client, request, token, QStringLiteral("deployments sync"), io);
    if (!outcome->ok()) {
        io.err << "gatehouse deployments sync: " << outcome->error().toString() << '\n';
        return ExitUsage;
    }
    const DeploymentSyncReport& fetched = outcome->value();
    const Result<delivery::PlatformDeployments::StoreReport> stored
        = delivery::PlatformDeployments::store(repository.value(), fetched.deployments);
    if (!stored.ok()) {
        io.err << "gatehouse deployments sync: cannot store the notes: " << stored.error().toString() << '\n';
        return ExitUsage;
    }
    if (stored->skipped > 0)
        io.err << "gatehouse deployments sync: " << stored->skipped
               << " deployment(s) of commits this repository does not have were not stored (fetch, then sync "
                  "again)\n";
    if (options.format == QLatin1String("json")) {
        writeJson(io.out,
                  QJsonDocument(QJsonObject{
                      {QStringLiteral("deployments"), int(fetched.deployments.size())},
                      {QStringLiteral("added"), stored->added},
                      {QStringLiteral("updated"), stored->updated},
                      {QStringLiteral("unchanged"), stored->unchanged},
                      {QStringLiteral("skipped"), stored->skipped},
                      {QStringLiteral("notes_ref"), QString::fromLatin1(delivery::PlatformDeployments::kNotesRef)},
                      {QStringLiteral("requests"), fetched.requests},
                      {QStringLiteral("rate_limit_waits"), fetched.rateLimitWaits}}));
    } else {
        io.out << "synced " << fetched.deployments.size() << " deployments from " << request.baseUrl.host() << " in "
               << fetched.requests << " requests: added " << stored->added << ", updated " << stored->updated
               << ", unchanged " << stored->unchanged << ", skipped " << stored->skipped << " (notes under "
               << delivery::PlatformDeployments::kNotesRef << ")\n";
    }
    return ExitOk;
}

} // namespace gatehouse::cli
