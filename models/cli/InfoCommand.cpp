// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::cli {

// `gatehouse info`: what the repository is at a glance (the status bar's data).
int runInfo(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("info"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    auto repo = git::Repository::open(options.repo);
    if (!repo) {
        io.err << "gatehouse info: " << repo.error().toString() << '\n';
        return ExitUsage;
    }
    auto head = repo->head();
    if (!head) {
        io.err << "gatehouse info: " << head.error().toString() << '\n';
        return ExitUsage;
    }
    if (head->unborn) {
        io.err << "gatehouse info: the repository has no commits yet\n";
        return ExitUsage;
    }
    const QString revision = options.rev.isEmpty() ? QStringLiteral("HEAD") : options.rev;
    auto commit = repo->resolve(revision);
    if (!commit) {
        io.err << "gatehouse info: " << commit.error().toString() << '\n';
        return ExitUsage;
    }
    git::LogOptions logOptions;
    logOptions.start = commit->toString();
    int commitCount = 0;
    (void)repo->walk(logOptions, [&commitCount](const git::CommitInfo&) {
        ++commitCount;
        return true;
    });
    auto tags = repo->tags();
    auto branches = repo->branches(false);

    if (options.format == QLatin1String("json")) {
        QJsonObject root{
            {QStringLiteral("path"), repo->isBare() ? repo->gitDir() : repo->workDir()},
            {QStringLiteral("name"), repo->displayName()},
            {QStringLiteral("bare"), repo->isBare()},
            {QStringLiteral("branch"), head->branch},
            {QStringLiteral("detached"), head->detached},
            {QStringLiteral("head"), head->commit.toString()},
            {QStringLiteral("revision"), commit->toString()},
            {QStringLiteral("commits"), commitCount},
            {QStringLiteral("branches"), branches ? int(branches->size()) : 0},
            {QStringLiteral("tags"), tags ? int(tags->size()) : 0},
        };
        writeJson(io.out, QJsonDocument(root));
        return ExitOk;
    }
    io.out << "repository: " << (repo->isBare() ? repo->gitDir() : repo->workDir()) << '\n'
           << "branch:     " << (head->detached ? QStringLiteral("(detached)") : head->branch) << '\n'
           << "HEAD:       " << head->commit.toString() << '\n'
           << "commits:    " << commitCount << '\n'
           << "branches:   " << (branches ? branches->size() : 0) << '\n'
           << "tags:       " << (tags ? tags->size() : 0) << '\n';
    return ExitOk;
}

} // namespace gatehouse::cli
