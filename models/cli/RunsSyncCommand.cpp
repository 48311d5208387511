// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "runs/RunHistory.h"
#include "runs/sync/RunSyncClient.h"

#include <QEventLoop>
#include <QJsonObject>

#include <optional>

namespace gatehouse::cli {

using namespace gatehouse::runs;

// `gatehouse runs sync`: fetch recent runs from a GitLab or GitHub server into the repository's store (issue 7 §1).
// The token comes from an environment variable only: never an argument (shell history, ps) and never printed.
int runRunsSync(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const QCommandLineOption gitlabOption(QStringLiteral("gitlab"), QStringLiteral("GitLab instance URL."),
                                          QStringLiteral("URL"));
    const QCommandLineOption projectOption(
        QStringLiteral("project"), QStringLiteral("GitLab project id or path (group/project)."), QStringLiteral("ID"));
    const QCommandLineOption githubOption(QStringLiteral("github"), QStringLiteral("GitHub repository."),
                                          QStringLiteral("OWNER/REPO"));
    const QCommandLineOption apiOption(QStringLiteral("api-url"),
                                       QStringLiteral("GitHub API root (default https://api.github.com; GitHub "
                                                      "Enterprise: https://HOST/api/v3)."),
                                       QStringLiteral("URL"));
    const QCommandLineOption tokenOption(QStringLiteral("token-env"),
                                         QStringLiteral("Environment variable holding the token (default "
                                                        "GITLAB_TOKEN or GITHUB_TOKEN)."),
                                         QStringLiteral("VAR"));
    const QCommandLineOption maxOption(QStringLiteral("max-runs"), QStringLiteral("Newest runs to fetch (200)."),
                                       QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption notesOption(QStringLiteral("notes"),
                                         QStringLiteral("Also archive the runs as git notes (refs/notes/"
                                                        "gatehouse-runs)."));
    for (const QCommandLineOption& option :
         {gitlabOption, projectOption, githubOption, apiOption, tokenOption, maxOption, notesOption})
        parser.addOption(option);
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("runs"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    const char* const usage = "Usage: gatehouse runs sync [--repo DIR] (--gitlab URL --project ID | --github "
                              "OWNER/REPO [--api-url URL]) [--token-env VAR] [--max-runs N] [--notes]\n";
    SyncRequest request;
    bool ok = false;
    request.maxRuns = parser.value(maxOption).toInt(&ok);
    if (!ok || request.maxRuns < 1) {
        io.err << "gatehouse runs sync: --max-runs takes a positive number\n";
        return ExitUsage;
    }
    if (parser.isSet(gitlabOption) == parser.isSet(githubOption)) {
        io.err << "gatehouse runs sync: give either --gitlab URL --project ID or --github OWNER/REPO\n" << usage;
        return ExitUsage;
    }
    if (parser.isSet(gitlabOption)) {
        if (!parser.isSet(projectOption)) {
            io.err << "gatehouse runs sync: --gitlab needs --project ID\n" << usage;
            return ExitUsage;
        }
        request.provider = SyncRequest::Provider::GitLab;
        request.baseUrl = QUrl::fromUserInput(parser.value(gitlabOption));
        request.project = parser.value(projectOption);
    } else {
        request.provider = SyncRequest::Provider::GitHub;
        request.baseUrl
            = QUrl(parser.isSet(apiOption) ? parser.value(apiOption) : QStringLiteral("https://api.github.com"));
        request.project = parser.value(githubOption);
        if (request.project.count(QLatin1Char('/')) != 1) {
            io.err << "gatehouse runs sync: --github takes OWNER/REPO\n";
            return ExitUsage;
        }
    }
    const QString variable = parser.isSet(tokenOption)
        ? parser.value(tokenOption)
        : (request.provider == SyncRequest::Provider::GitLab ? QStringLiteral("GITLAB_TOKEN")
                                                             : QStringLiteral("GITHUB_TOKEN"));
    const QString token = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (token.isEmpty())
        io.err << "gatehouse runs sync: " << variable
               << " is not set; fetching without a token (public projects only)\n";

    RunSyncClient client;
    std::optional<Result<SyncReport>> outcome;
    QEventLoop loop;
    QObject::connect(&client, &RunSyncClient::finished, &loop, [&](const Result<SyncReport>& result) {
        outcome = result;
        loop.quit();
    });
    QObject::connect(&client, &RunSyncClient::progressed, &loop,
                     [&io](const QString& message) { io.err << "gatehouse runs sync: " << message << '\n'; });
    client.start(request, token);
    if (!outcome)
        loop.exec();
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
