// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "common/Versions.h"
#include "git/Repository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::cli {

const Command* findCommand(const QString& name)
{
    for (const Command& command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString versionText()
{
    return QStringLiteral("gatehouse %1 (Qt %2, libgit2 %3, yaml-cpp %4)")
        .arg(QStringLiteral(GATEHOUSE_VERSION), QString::fromLatin1(qVersion()), git::Repository::libgit2Version(),
             yamlCppVersion());
}

QString helpText()
{
    QString text = QStringLiteral("Usage: gatehouse [PATH]              open the dashboard on the repository at PATH\n"
                                  "       gatehouse SUBCOMMAND [OPTIONS]  run headless\n\n"
                                  "Subcommands:\n");
    for (const Command& command : commands())
        text += QStringLiteral("  %1 %2\n").arg(command.name, -12).arg(command.summary);
    text += QStringLiteral("\nCommon options: --repo DIR (default: current directory), --rev REV, --format text|json.\n"
                           "Exit status: 0 ok, 1 findings or failed gates, 2 usage or input error.\n"
                           "Run `gatehouse SUBCOMMAND --help` for a subcommand's options.\n");
    return text;
}

int run(const QStringList& arguments, Io io)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h")
        || arguments.first() == QLatin1String("help")) {
        io.out << helpText();
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    if (arguments.first() == QLatin1String("--version") || arguments.first() == QLatin1String("-v")) {
        io.out << versionText() << '\n';
        return ExitOk;
    }
    const Command* command = findCommand(arguments.first());
    if (!command) {
        io.err << "gatehouse: unknown subcommand '" << arguments.first() << "'\n" << helpText();
        return ExitUsage;
    }
    return command->run(arguments.mid(1), io);
}

namespace {

/// QCommandLineParser names the program by argv[0], a full path; users type `gatehouse SUBCOMMAND`.
QString subcommandHelp(const QCommandLineParser& parser, const QString& commandName)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::instance() ? QCoreApplication::arguments().value(0) : QString();
    const QString usage = QStringLiteral("Usage: ");
    if (text.startsWith(usage) && !program.isEmpty() && text.mid(usage.size()).startsWith(program))
        text.replace(usage.size(), program.size(), QStringLiteral("gatehouse ") + commandName);
    return text;
}

} // namespace

std::optional<QDateTime> parseNow(const QCommandLineParser& parser, const QCommandLineOption& option,
                                  const QString& commandName, Io io)
{
    if (!parser.isSet(option))
        return QDateTime::currentDateTimeUtc();
    const QDateTime now = QDateTime::fromString(parser.value(option), Qt::ISODate);
    if (!now.isValid()) {
        io.err << "gatehouse " << commandName << ": --now expects an ISO 8601 time, e.g. 2026-11-20T12:00:00Z\n";
        return std::nullopt;
    }
    return now;
}

int parseArguments(QCommandLineParser& parser, const QString& commandName, const QStringList& arguments,
                   const QStringList& formats, Io io, CommonOptions& options, bool wantsRepo)
{
    parser.setApplicationDescription(findCommand(commandName) ? findCommand(commandName)->summary : QString());
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    parser.addOption(helpOption);
    const QCommandLineOption repoOption(QStringLiteral("repo"),
                                        QStringLiteral("The repository (any folder inside it). Default: current."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption revOption(QStringLiteral("rev"),
                                       QStringLiteral("A revision (branch, tag, commit). Default: the work tree."),
                                       QStringLiteral("REV"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("Output format: %1.").arg(formats.join(QLatin1Char('|'))),
                                          QStringLiteral("FMT"), formats.value(0));
    if (wantsRepo) {
        parser.addOption(repoOption);
        parser.addOption(revOption);
    }
    if (!formats.isEmpty())
        parser.addOption(formatOption);

    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList{QStringLiteral("gatehouse ") + commandName} + arguments)) {
        io.err << "gatehouse " << commandName << ": " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        io.out << subcommandHelp(parser, commandName);
        return HelpShown;
    }
    if (wantsRepo) {
        options.repo
            = QFileInfo(parser.isSet(repoOption) ? parser.value(repoOption) : QDir::currentPath()).absoluteFilePath();
        options.rev = parser.value(revOption);
    }
    if (!formats.isEmpty()) {
        options.format = parser.value(formatOption);
        if (!formats.contains(options.format)) {
            io.err << "gatehouse " << commandName << ": unknown format '" << options.format << "' (expected "
                   << formats.join(QLatin1Char('|')) << ")\n";
            return ExitUsage;
        }
    }
    return ExitOk;
}

void writeJson(QTextStream& out, const QJsonDocument& document)
{
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

void writeJsonStreamingArray(QTextStream& out, const QJsonObject& head, const QString& key, qsizetype count,
                             const std::function<QJsonObject(qsizetype)>& element)
{
    QByteArray opening = QJsonDocument(head).toJson(QJsonDocument::Indented);
    // "{\n    ...\n}\n" or "{\n}\n" for an empty head: reopen it and add the array as the last member.
    opening.chop(2);
    while (opening.endsWith('\n'))
        opening.chop(1);
    if (!head.isEmpty())
        opening += ',';
    opening += "\n    " + QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + ": [";
    out << QString::fromUtf8(opening);
    for (qsizetype i = 0; i < count; ++i) {
        out << (i == 0 ? "\n        " : ",\n        ")
            << QString::fromUtf8(QJsonDocument(element(i)).toJson(QJsonDocument::Compact));
    }
    out << (count == 0 ? "]\n}\n" : "\n    ]\n}\n");
}

} // namespace gatehouse::cli
