// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "SyncOptions.h"

#include "git/Repository.h"
#include "security/sync/FindingsSyncClient.h"

#include <QJsonObject>

namespace gatehouse::cli {

// `gatehouse findings sync`: the security reports GitLab (job artifacts of the default branch's pipelines) or GitHub
// (code-scanning analyses as SARIF, open Dependabot alerts) keeps, stored as scan notes on their commits so that
// posture, trends and the weekly report read them like any archived scan.
int runFindingsSync(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const SyncOptions sync(QStringLiteral("max-pipelines"), 20);
    const char* const usage = "Usage: gatehouse findings sync [--repo DIR] (--gitlab URL --project ID | --github "
                              "OWNER/REPO [--api-url URL]) [--token-env VAR] [--max-pipelines N] [--since DATE]\n";
    CommonOptions options;
    runs::SyncRequest request;
    QString token;
    if (const std::optional<int> code
        = sync.parse(parser, QStringLiteral("findings sync"), usage, arguments, io, options, request, token))
        return *code;
    Result<git::Repository> repository = git::Repository::open(options.repo);
    if (!repository.ok()) {
        io.err << "gatehouse findings sync: " << repository.error().toString() << '\n';
        return ExitUsage;
    }

    FindingsSyncClient client;
    const std::optional<Result<FindingsSyncReport>> outcome
        = SyncOptions::runClient<FindingsSyncClient, FindingsSyncReport>(client, request, token,
                                                                         QStringLiteral("findings sync"), io);
    if (!outcome->ok()) {
        io.err << "gatehouse findings sync: " << outcome->error().toString() << '\n';
        return ExitUsage;
    }
    const FindingsSyncReport& fetched = outcome->value();
    const Result<FindingsSyncClient::StoreReport> stored
        = FindingsSyncClient::store(repository.value(), fetched.reports);
    if (!stored.ok()) {
        io.err << "gatehouse findings sync: cannot store the notes: " << stored.error().toString() << '\n';
        return ExitUsage;
    }
    if (stored->skipped > 0)
        io.err << "gatehouse findings sync: " << stored->skipped << " report(s) of " << stored->skippedCommits
               << " commit(s) this repository does not have were not stored (fetch, then sync again)\n";
    int total = 0;
    QJsonObject kinds;
    for (auto it = stored->stored.cbegin(); it != stored->stored.cend(); ++it) {
        kinds.insert(it.key(), it.value());
        total += it.value();
    }
    if (options.format == QLatin1String("json")) {
        writeJson(io.out,
                  QJsonDocument(QJsonObject{{QStringLiteral("default_branch"), fetched.defaultBranch},
                                            {QStringLiteral("pipelines"), fetched.pipelines},
                                            {QStringLiteral("reports"), int(fetched.reports.size())},
                                            {QStringLiteral("stored"), kinds},
                                            {QStringLiteral("stored_total"), total},
                                            {QStringLiteral("unchanged"), stored->unchanged},
                                            {QStringLiteral("skipped_reports"), stored->skipped},
                                            {QStringLiteral("skipped_commits"), stored->skippedCommits},
                                            {QStringLiteral("missing"), fetched.missing},
                                            {QStringLiteral("notes_ref"), stored->notesRef},
                                            {QStringLiteral("requests"), fetched.requests},
                                            {QStringLiteral("rate_limit_waits"), fetched.rateLimitWaits}}));
    } else {
        io.out << "synced " << fetched.reports.size() << " security reports of " << fetched.defaultBranch << " from "
               << request.baseUrl.host() << " in " << fetched.requests << " requests: stored " << total;
        for (auto it = stored->stored.cbegin(); it != stored->stored.cend(); ++it)
            io.out << (it == stored->stored.cbegin() ? " (" : ", ") << it.key() << ' ' << it.value();
        io.out << (stored->stored.isEmpty() ? "" : ")") << ", unchanged " << stored->unchanged << ", skipped "
               << stored->skipped << " (notes under " << stored->notesRef << ")\n";
    }
    return ExitOk;
}

} // namespace gatehouse::cli
