// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "security/ReportReader.h"
#include "security/ScanNote.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::cli {

int runFindingsSync(const QStringList& arguments, Io io); // FindingsSyncCommand.cpp

namespace {

const QString DefaultNotesRef = QStringLiteral("refs/notes/gatehouse-scans");

QString locationText(const Finding& f)
{
    QString where;
    if (!f.location.path.isEmpty())
        where
            = f.location.line > 0 ? QStringLiteral("%1:%2").arg(f.location.path).arg(f.location.line) : f.location.path;
    if (!f.location.package.isEmpty()) {
        QString package = f.location.package;
        if (!f.location.version.isEmpty())
            package += QLatin1Char('@') + f.location.version;
        if (!f.location.fixedVersion.isEmpty())
            package += QStringLiteral(" (fixed in %1)").arg(f.location.fixedVersion);
        where = where.isEmpty() ? package : where + QLatin1Char(' ') + package;
    }
    if (!f.location.target.isEmpty() && where.isEmpty())
        where = f.location.target;
    return where;
}

int runParse(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The scanner report to read."));
    if (int code = parseArguments(parser, QStringLiteral("findings parse"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options, false);
        code != ExitOk)
        return finishEarly(code);
    if (parser.positionalArguments().size() != 1) {
        io.err << "gatehouse findings parse: expected one report FILE\n";
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().constFirst();
    auto report = ReportReader::readFile(path);
    if (!report) {
        io.err << "gatehouse findings parse: " << path << ": " << report.error().toString() << '\n';
        return ExitUsage;
    }
    for (const ReportDiagnostic& w : report->warnings)
        io.err << "gatehouse findings parse: " << path << ": warning: " << w.toString() << '\n';

    if (options.format == QLatin1String("json")) {
        const QJsonObject head{{QStringLiteral("path"), path},
                               {QStringLiteral("tool"), report->tool},
                               {QStringLiteral("format"), reportFormatName(report->format)}};
        writeJsonStreamingArray(io.out, head, QStringLiteral("findings"), report->findings.size(),
                                [&report](qsizetype i) { return report->findings.at(i).toJson(); });
        return ExitOk;
    }
    io.out << path << ": " << reportFormatName(report->format) << " (" << report->tool << "), "
           << report->findings.size() << (report->findings.size() == 1 ? " finding\n" : " findings\n");
    for (const Finding& f : report->findings) {
        io.out << QStringLiteral("%1 %2 %3 %4  %5\n")
                      .arg(severityName(f.severity).toUpper(), -8)
                      .arg(f.rule, -24)
                      .arg(locationText(f), -40)
                      .arg(f.tool, f.title);
    }
    return ExitOk;
}

int runArchive(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The scanner report to archive."));
    const QCommandLineOption commitOption(QStringLiteral("commit"),
                                          QStringLiteral("The commit the report belongs to (required)."),
                                          QStringLiteral("REV"));
    const QCommandLineOption refOption(QStringLiteral("notes-ref"),
                                       QStringLiteral("Notes ref. Default: %1.").arg(DefaultNotesRef),
                                       QStringLiteral("REF"), DefaultNotesRef);
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        QStringLiteral("Name of the report in the note. Default: FILE's name."),
                                        QStringLiteral("NAME"));
    parser.addOption(commitOption);
    parser.addOption(refOption);
    parser.addOption(nameOption);
    if (int code
        = parseArguments(parser, QStringLiteral("findings archive"), arguments, {QStringLiteral("text")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(commitOption)) {
        io.err << "gatehouse findings archive: usage: gatehouse findings archive FILE --commit REV [--repo DIR]\n";
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        io.err << "gatehouse findings archive: cannot open " << path << ": " << file.errorString() << '\n';
        return ExitUsage;
    }
    const QByteArray content = file.readAll();
    // Only reports Gatehouse can read go into the history: a broken one would be skipped at every scan.
    const QString name = parser.isSet(nameOption) ? parser.value(nameOption) : QFileInfo(path).fileName();
    auto report = ReportReader::readData(content, name);
    if (!report) {
        io.err << "gatehouse findings archive: " << path << ": " << report.error().toString() << '\n';
        return ExitUsage;
    }
    auto repo = git::Repository::open(options.repo);
    if (!repo) {
        io.err << "gatehouse findings archive: " << repo.error().toString() << '\n';
        return ExitUsage;
    }
    auto commit = repo->resolve(parser.value(commitOption));
    if (!commit) {
        io.err << "gatehouse findings archive: " << commit.error().toString() << '\n';
        return ExitUsage;
    }
    const QString notesRef = parser.value(refOption);
    auto existing = repo->readNote(notesRef, *commit);
    if (!existing) {
        io.err << "gatehouse findings archive: " << existing.error().toString() << '\n';
        return ExitUsage;
    }
    auto note = ScanNote::add(existing->value_or(QByteArray()), NoteReport{name, content});
    if (!note) {
        io.err << "gatehouse findings archive: the existing note on " << commit->shortString() << " under " << notesRef
               << ": " << note.error().toString() << '\n';
        return ExitUsage;
    }
    auto signature = repo->defaultSignature();
    if (!signature) {
        io.err << "gatehouse findings archive: " << signature.error().toString() << " (set user.name and user.email)\n";
        return ExitUsage;
    }
    auto written = repo->writeNote(notesRef, *commit, *note, *signature, true);
    if (!written) {
        io.err << "gatehouse findings archive: " << written.error().toString() << '\n';
        return ExitUsage;
    }
    io.out << "archived " << name << " (" << reportFormatName(report->format) << ", " << report->findings.size()
           << " findings) with " << commit->shortString() << " in " << notesRef << '\n';
    return ExitOk;
}

} // namespace

// `gatehouse findings parse FILE` / `gatehouse findings archive FILE --commit REV`.
int runFindings(const QStringList& arguments, Io io)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("parse"))
        return runParse(arguments.mid(1), io);
    if (sub == QLatin1String("archive"))
        return runArchive(arguments.mid(1), io);
    if (sub == QLatin1String("sync"))
        return runFindingsSync(arguments, io);
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? io.out : io.err)
        << "Usage: gatehouse findings parse FILE [--format text|json]\n"
           "       gatehouse findings archive FILE --commit REV [--repo DIR] [--name NAME]\n"
           "       gatehouse findings sync (--gitlab URL --project ID | --github OWNER/REPO [--api-url URL]) "
           "[--repo DIR] [--token-env VAR] [--max-pipelines N] [--since DATE] [--format text|json]\n"
           "parse: normalized findings of a scanner report (exit 2 if unreadable or unknown).\n"
           "archive: stores the report in a git note on the commit (refs/notes/gatehouse-scans).\n"
           "sync: stores the security reports GitLab or GitHub keeps for the default branch as scan notes.\n";
    if (help)
        return ExitOk;
    if (!sub.isEmpty())
        io.err << "gatehouse findings: unknown action '" << sub << "'\n";
    return ExitUsage;
}

} // namespace gatehouse::cli
