// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"
#include "runs/sync/RunSyncClient.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace gatehouse::cli {

/// "2026-01-31" (a whole day: from its start, or to its end with `endOfDay`) or an ISO 8601 date-time (no offset:
/// UTC). Empty text: an invalid time and ok.
QDateTime parseDateOption(const QString& text, bool endOfDay, bool* ok);

/// The options every `… sync` subcommand shares (runs, deployments, findings): `--gitlab URL --project ID` or
/// `--github OWNER/REPO [--api-url URL]`, `--token-env VAR`, `--max N` (named per command), `--since DATE`.
/// The token comes from an environment variable only: never an argument (shell history, ps) and never printed.
class SyncOptions
{
public:
    /// `maxName`: "max-runs", "max-deployments", …; `maxDefault` its default.
    SyncOptions(const QString& maxName, int maxDefault);
    void addTo(QCommandLineParser& parser) const;
    /// Parses a `… sync` command line: adds the shared options to `parser` (after any the caller added), the common
    /// options (`--repo`, `--format text|json`), then fills the request and the token. Returns the exit code to end
    /// with (usage printed, or --help shown), or nothing to go on.
    std::optional<int> parse(QCommandLineParser& parser, const QString& command, const char* usage,
                             const QStringList& arguments, Io io, CommonOptions& options, runs::SyncRequest& request,
                             QString& token) const;
    /// Fills the request and the token from a parsed command line, or prints why not and returns the exit code.
    std::optional<int> read(const QCommandLineParser& parser, const QString& command, const char* usage, Io io,
                            runs::SyncRequest& request, QString& token) const;
    /// Runs a sync client to its `finished` signal, printing its progress on stderr.
    template <typename Client, typename Report>
    static std::optional<Result<Report>> runClient(Client& client, const runs::SyncRequest& request,
                                                   const QString& token, const QString& command, Io io);

private:
    QCommandLineOption m_gitlab;
    QCommandLineOption m_project;
    QCommandLineOption m_github;
    QCommandLineOption m_api;
    QCommandLineOption m_tokenEnv;
    QCommandLineOption m_max;
    QCommandLineOption m_since;
};

} // namespace gatehouse::cli

#include <QEventLoop>

template <typename Client, typename Report>
std::optional<gatehouse::Result<Report>>
gatehouse::cli::SyncOptions::runClient(Client& client, const runs::SyncRequest& request, const QString& token,
                                       const QString& command, Io io)
{
    std::optional<Result<Report>> outcome;
    QEventLoop loop;
    QObject::connect(&client, &Client::finished, &loop, [&](const Result<Report>& result) {
        outcome = result;
        loop.quit();
    });
    QObject::connect(&client, &Client::progressed, &loop, [&io, command](const QString& message) {
        io.err << "gatehouse " << command << ": " << message << '\n';
    });
    client.start(request, token);
    if (!outcome)
        loop.exec();
    return outcome;
}
