// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "SyncOptions.h"

#include "runs/RunHistory.h"
#include "runs/sync/RunSyncClient.h"

#include <QJsonObject>

#include <optional>

namespace gatehouse::cli {

using namespace gatehouse::runs;

// `gatehouse runs sync`: fetch recent runs from a GitLab or GitHub server into the repository's store.
// The token comes from an environment variable only: never an argument (shell history, ps) and never printed.
int runRunsSync(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const SyncOptions sync(QStringLiteral("max-runs"), 200);
    const QCommandLineOption notesOption(QStringLiteral("notes"),
                                         QStringLiteral("Also archive the runs as git notes (refs/notes/"
                                                        "gatehouse-runs)."));
    parser.addOption(notesOption);
    const char* const usage = "Usage: gatehouse runs sync [--repo DIR] (--gitlab URL --project ID | --github "
                              "OWNER/REPO [--api-url URL]) [--token-env VAR] [--max-runs N] [--since DATE] "
                              "[--notes]\n";
    CommonOptions options;
    SyncRequest request;
    QString token;
    if (const std::optional<int> code
        = sync.parse(parser, QStringLiteral("runs sync"), usage, arguments, io, options, request, token))
        return *code;

    RunSyncClient client;
    const std::optional<Result<SyncReport>> outcome
        = SyncOptions::runClient<RunSyncClient, SyncReport>(client, request, token, QStringLiteral("runs sync"), io);
    if (!outcome->ok()) {
        io.err << "gatehouse runs sync: " << outcome->error().toString() << '\n';
        return ExitUsage;
    }
    const SyncReport& fetched = outcome->value();
    auto stored = RunHistory::importRuns(options.repo, fetched.runs, parser.isSet(notesOption));
    if (!stored) {
        io.err << "gatehouse runs sync: " << stored.error().toString() << '\n';
        return ExitUsage;
    }
    if (stored->notesError)
        io.err << "gatehouse runs sync: cannot archive as notes: " << stored->notesError->toString() << '\n';
    if (options.format == QLatin1String("json")) {
        writeJson(io.out,
                  QJsonDocument(QJsonObject{{QStringLiteral("runs"), int(fetched.runs.size())},
                                            {QStringLiteral("imported"), stored->total.added},
                                            {QStringLiteral("updated"), stored->total.updated},
                                            {QStringLiteral("unchanged"), stored->total.unchanged},
                                            {QStringLiteral("stored_runs"), stored->storedRuns},
                                            {QStringLiteral("requests"), fetched.requests},
                                            {QStringLiteral("rate_limit_waits"), fetched.rateLimitWaits}}));
    } else {
        io.out << "synced " << fetched.runs.size() << " runs from " << request.baseUrl.host() << " in "
               << fetched.requests << " requests: imported " << stored->total.added << ", updated "
               << stored->total.updated << ", unchanged " << stored->total.unchanged << " (" << stored->storedRuns
               << " stored)\n";
    }
    return stored->notesError ? ExitUsage : ExitOk;
}

} // namespace gatehouse::cli
