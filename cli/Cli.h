// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace gatehouse::cli {

/// Exit status of every subcommand (the contract scripts rely on).
enum ExitCode : int
{
    ExitOk = 0, ///< success, nothing to report
    ExitFindings = 1, ///< findings / failed gates / errors in what was checked
    ExitUsage = 2, ///< usage error or unreadable input
};

/// Where a subcommand writes: `out` gets the result (one JSON document with --format json), `err` gets messages.
struct Io
{
    QTextStream& out;
    QTextStream& err;
};

/// A subcommand: `arguments` are the words after the subcommand's name.
using CommandFunction = int (*)(const QStringList& arguments, Io io);

struct Command
{
    QString name;
    QString summary;
    CommandFunction run;
};

/// Every subcommand, in the order `gatehouse --help` lists them.
const QList<Command>& commands();
const Command* findCommand(const QString& name);

/// Runs `gatehouse ARGS…` headless (ARGS without the program name). Handles --help and --version.
int run(const QStringList& arguments, Io io);
QString versionText();
QString helpText();

/// Options shared by every subcommand: --repo DIR, --rev REV, --format FMT and --help.
struct CommonOptions
{
    QString repo; ///< absolute path; default: the current directory
    QString rev; ///< empty: the work tree (or HEAD where a commit is required)
    QString format; ///< validated against the command's allowed formats
};

/// Parses `arguments` for a subcommand with the common options added (the formats allowed first = default).
/// Returns ExitOk to go on; otherwise the caller returns `finishEarly(code)` at once (usage error printed, or
/// --help shown). Typical use:
///     if (int code = parseArguments(parser, u"validate"_s, args, {u"text"_s, u"json"_s}, io, options); code != ExitOk)
///         return finishEarly(code);
int parseArguments(QCommandLineParser& parser, const QString& commandName, const QStringList& arguments,
                   const QStringList& formats, Io io, CommonOptions& options, bool wantsRepo = true);

/// The time `--now` gives (ISO 8601), or the current UTC time when it is not set; nothing (with the usage error
/// printed) when its value is not a time.
std::optional<QDateTime> parseNow(const QCommandLineParser& parser, const QCommandLineOption& option,
                                  const QString& commandName, Io io);

constexpr int HelpShown = -1;
inline int finishEarly(int code)
{
    return code == HelpShown ? int(ExitOk) : code;
}

/// Writes one JSON document (indented) and a newline.
void writeJson(QTextStream& out, const QJsonDocument& document);
/// Writes `head` with one more member, the array `key`, streamed element by element (one compact element per line),
/// so a report of 100,000 findings never exists as one JSON document in memory.
void writeJsonStreamingArray(QTextStream& out, const QJsonObject& head, const QString& key, qsizetype count,
                             const std::function<QJsonObject(qsizetype)>& element);

} // namespace gatehouse::cli
