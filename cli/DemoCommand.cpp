// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "demo/DemoRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace gatehouse::cli {

int runDemo(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 QStringLiteral("Where to write the demo repository (new or empty directory)."));
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("demo"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options, false);
        code != ExitOk)
        return finishEarly(code);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        io.err << "gatehouse demo: " << (positional.isEmpty() ? "missing DIR argument" : "expected exactly one DIR")
               << "\nUsage: gatehouse demo [--format text|json] DIR\n";
        return ExitUsage;
    }
    const QString dir = QFileInfo(positional.first()).absoluteFilePath();
    auto summary = DemoRepository::createWithSummary(dir);
    if (!summary) {
        io.err << "gatehouse demo: " << summary.error().toString() << '\n';
        return ExitUsage;
    }
    const QString path = QDir::cleanPath(dir);
    if (options.format == QLatin1String("json")) {
        writeJson(io.out,
                  QJsonDocument(QJsonObject{
                      {QStringLiteral("path"), path},
                      {QStringLiteral("head"), summary->head.toString()},
                      {QStringLiteral("commits"), summary->commits},
                      {QStringLiteral("tags"), summary->tags},
                      {QStringLiteral("notes"), summary->notes},
                  }));
    } else {
        io.out << "Demo repository written to " << path << '\n'
               << "HEAD " << summary->head.toString() << " (main)\n"
               << summary->commits << " commits, " << summary->tags << " tags, " << summary->notes
               << " archived scans\n";
    }
    return ExitOk;
}

} // namespace gatehouse::cli
