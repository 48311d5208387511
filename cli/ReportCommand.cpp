// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "security/WeeklyReport.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace gatehouse::cli {

// `gatehouse report`: the weekly security posture review, one page.
int runReport(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    const QCommandLineOption weekOption(QStringLiteral("week"),
                                        QStringLiteral("The ISO week, e.g. 2026-W47. Default: the current week."),
                                        QStringLiteral("WEEK"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("Write the report to FILE instead of standard output."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption nowOption(QStringLiteral("now"),
                                       QStringLiteral("Take this ISO 8601 time as the current time (the current "
                                                      "week is summarized up to it)."),
                                       QStringLiteral("TIME"));
    const QCommandLineOption cacheOption(QStringLiteral("no-cache"),
                                         QStringLiteral("Do not read or write the on-disk report cache."));
    parser.addOptions({weekOption, outputOption, nowOption, cacheOption});
    if (int code = parseArguments(
            parser, QStringLiteral("report"), arguments,
            {QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("pdf"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);

    const std::optional<QDateTime> parsedNow = parseNow(parser, nowOption, QStringLiteral("report"), io);
    if (!parsedNow)
        return ExitUsage;
    QDateTime now = *parsedNow;
    IsoWeek week = IsoWeek::containing(now);
    if (parser.isSet(weekOption)) {
        const auto parsed = IsoWeek::parse(parser.value(weekOption));
        if (!parsed) {
            io.err << "gatehouse report: --week expects an ISO week such as 2026-W47, not '" << parser.value(weekOption)
                   << "'\n";
            return ExitUsage;
        }
        week = *parsed;
    }
    if (options.format == u"pdf" && !WeeklyReport::pdfWriter()) {
        io.err << "gatehouse report: PDF output is not available in this build\n";
        return ExitUsage;
    }

    auto report = WeeklyReport::compute(options.repo, week, now, options.rev, nullptr,
                                        parser.isSet(cacheOption) ? QStringLiteral("-") : QString());
    if (!report) {
        io.err << "gatehouse report: " << report.error().toString() << '\n';
        return ExitUsage;
    }
    for (const SkippedReport& s : report->skipped)
        io.err << "gatehouse report: skipped " << s.path << " at " << s.commit.shortString() << ": "
               << s.diagnostic.toString() << '\n';

    QByteArray bytes;
    if (options.format == u"json") {
        bytes = QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented);
    } else if (options.format == u"md") {
        bytes = report->toMarkdown().toUtf8();
    } else if (options.format == u"html") {
        bytes = report->toHtml().toUtf8();
    } else {
        auto pdf = WeeklyReport::pdfWriter()(*report);
        if (!pdf) {
            io.err << "gatehouse report: " << pdf.error().toString() << '\n';
            return ExitUsage;
        }
        bytes = std::move(*pdf);
    }

    if (parser.isSet(outputOption)) {
        QSaveFile file(parser.value(outputOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            io.err << "gatehouse report: cannot write " << parser.value(outputOption) << ": " << file.errorString()
                   << '\n';
            return ExitUsage;
        }
        io.err << "gatehouse report: " << week.toString() << " written to " << parser.value(outputOption) << '\n';
        return ExitOk;
    }
    if (options.format == u"pdf") {
        // Binary: straight to the file descriptor, past the text stream.
        io.out.flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            io.err << "gatehouse report: cannot write the PDF to standard output\n";
            return ExitUsage;
        }
        return ExitOk;
    }
    io.out << QString::fromUtf8(bytes);
    return ExitOk;
}

} // namespace gatehouse::cli
