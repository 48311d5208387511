// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "security/scan/LocalScan.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace gatehouse::cli {

namespace {

QJsonObject countsJson(const QMap<Severity, int>& counts)
{
    QJsonObject object;
    for (Severity severity : allSeverities())
        object.insert(severityName(severity), counts.value(severity));
    return object;
}

QString countsText(const QMap<Severity, int>& counts)
{
    QStringList parts;
    for (Severity severity : allSeverities())
        parts.append(QStringLiteral("%1 %2").arg(counts.value(severity)).arg(severityName(severity)));
    return parts.join(QStringLiteral(", "));
}

} // namespace

// `gatehouse scan`: run the security scanners installed here over the work tree.
int runScan(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const QCommandLineOption toolsOption(QStringLiteral("tools"),
                                         QStringLiteral("Only these scanners (comma-separated), e.g. bandit,gitleaks."),
                                         QStringLiteral("LIST"));
    const QCommandLineOption archiveOption(
        QStringLiteral("archive"),
        QStringLiteral("Store the reports as a git note on HEAD under refs/notes/gatehouse-scans."));
    parser.addOption(toolsOption);
    parser.addOption(archiveOption);
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("scan"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    if (!options.rev.isEmpty()) {
        io.err << "gatehouse scan: scanners run on the work tree; --rev is not supported\n";
        return ExitUsage;
    }

    auto repo = git::Repository::open(options.repo);
    if (!repo) {
        io.err << "gatehouse scan: " << repo.error().toString() << '\n';
        return ExitUsage;
    }
    if (repo->isBare()) {
        io.err << "gatehouse scan: a bare repository has no work tree to scan\n";
        return ExitUsage;
    }
    auto config = LocalScan::config(options.repo);
    if (!config) {
        io.err << "gatehouse scan: " << config.error().toString() << '\n';
        return ExitUsage;
    }

    QStringList only;
    if (parser.isSet(toolsOption)) {
        for (const QString& name : parser.value(toolsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString tool = name.trimmed() == QLatin1String("npm") ? QStringLiteral("npm-audit") : name.trimmed();
            if (!config->find(tool)) {
                QStringList known;
                for (const ScannerSpec& spec : config->tools)
                    known.append(spec.name);
                io.err << "gatehouse scan: unknown scanner '" << tool
                       << "' (known: " << known.join(QStringLiteral(", ")) << ")\n";
                return ExitUsage;
            }
            only.append(tool);
        }
        if (only.isEmpty()) {
            io.err << "gatehouse scan: --tools needs at least one scanner name\n";
            return ExitUsage;
        }
    }

    // Progress on stderr for people (text mode); JSON consumers get one clean document.
    QTextStream& err = io.err;
    const bool showProgress = options.format == QLatin1String("text");
    ProgressSink sink([&err, showProgress](int permille, const QString& stage) {
        // Only the scanners' ends; the walk of the archived scans that follows reports per commit.
        if (showProgress && stage.startsWith(QLatin1String("scan: "))) {
            err << QStringLiteral("[%1%] %2 finished\n").arg(permille / 10, 3).arg(stage);
            err.flush();
        }
    });
    // The scanners run, then each tool's findings are compared with its newest report in the history of HEAD
    // (report files in commits and scan notes, as `gatehouse posture` sees them).
    auto scanned = LocalScan::run(options.repo, only, &sink);
    if (!scanned) {
        io.err << "gatehouse scan: " << scanned.error().toString() << '\n';
        return ExitUsage;
    }
    const LocalScanOutcome& outcome = *scanned;
    if (!outcome.baselineWarning.isEmpty())
        io.err << "gatehouse scan: warning: cannot read the archived scans: " << outcome.baselineWarning << '\n';
    const QList<ToolRun>& runs = outcome.runs;
    const QMap<Severity, int>& counts = outcome.counts;
    const int blocking = outcome.blocking;
    const int ran = outcome.ran();

    QJsonArray toolArray;
    for (int index = 0; index < runs.size(); ++index) {
        const ToolRun& run = runs.at(index);
        QJsonObject tool{{QStringLiteral("tool"), run.tool},
                         {QStringLiteral("category"), categoryName(run.category)},
                         {QStringLiteral("status"), scanStatusName(run.status)}};
        if (!run.program.isEmpty()) {
            tool.insert(QStringLiteral("program"), run.program);
            tool.insert(QStringLiteral("elapsed_ms"), run.elapsedMs);
            tool.insert(QStringLiteral("exit_code"), run.exitCode);
        }
        if (!run.message.isEmpty())
            tool.insert(QStringLiteral("message"), run.message);
        if (run.status != ScanStatus::Ok && !run.stderrText.isEmpty())
            tool.insert(QStringLiteral("stderr"), run.stderrText);
        if (run.status == ScanStatus::Ok && run.report) {
            QMap<Severity, int> toolCounts;
            int toolBlocking = 0;
            for (const LocalScanOutcome::Item& item : outcome.findings) {
                if (item.run != index)
                    continue;
                ++toolCounts[item.finding.severity];
                toolBlocking += item.blocking ? 1 : 0;
            }
            tool.insert(QStringLiteral("report"), run.reportName);
            tool.insert(QStringLiteral("format"), reportFormatName(run.report->format));
            tool.insert(QStringLiteral("findings"), int(run.report->findings.size()));
            tool.insert(QStringLiteral("counts"), countsJson(toolCounts));
            tool.insert(QStringLiteral("blocking"), toolBlocking);
        }
        toolArray.append(tool);
    }
    QJsonArray findingArray;
    for (const LocalScanOutcome::Item& item : outcome.findings) {
        QJsonObject object = item.finding.toJson();
        object.insert(QStringLiteral("blocking"), item.blocking);
        if (item.isNew)
            object.insert(QStringLiteral("new"), *item.isNew);
        findingArray.append(object);
    }
    QJsonObject baselineOf; // tool → commit of the report compared with
    for (auto it = outcome.baselineOf.cbegin(); it != outcome.baselineOf.cend(); ++it)
        baselineOf.insert(it.key(), it.value().toString());
    const QStringList& notCompared = outcome.notCompared;
    const QList<NoteReport> reports = outcome.reports();

    QJsonValue archived = QJsonValue::Null;
    int archiveFailed = 0;
    if (parser.isSet(archiveOption)) {
        auto written = LocalScan::archive(options.repo, outcome);
        if (!written && written.error().code == QLatin1String("scan.nothing")) {
            io.err << "gatehouse scan: nothing to archive: no scanner produced a report\n";
        } else if (!written) {
            io.err << "gatehouse scan: cannot archive: " << written.error().toString() << '\n';
            archiveFailed = 1;
        } else {
            QJsonArray names;
            for (const NoteReport& report : reports)
                names.append(report.path);
            archived = QJsonObject{{QStringLiteral("commit"), outcome.head.toString()},
                                   {QStringLiteral("ref"), outcome.notesRef},
                                   {QStringLiteral("reports"), names}};
        }
    }

    QJsonArray coveredArray;
    QJsonArray uncoveredArray;
    for (FindingCategory category : outcome.covered)
        coveredArray.append(categoryName(category));
    for (FindingCategory category : outcome.uncovered)
        uncoveredArray.append(categoryName(category));
    const int fresh = outcome.fresh.value_or(0);

    const int exitCode = ran == 0 ? int(ExitUsage) : (blocking > 0 || archiveFailed ? int(ExitFindings) : int(ExitOk));
    if (options.format == QLatin1String("json")) {
        QJsonObject root{
            {QStringLiteral("tools"), toolArray},
            {QStringLiteral("counts"), countsJson(counts)},
            {QStringLiteral("blocking"), blocking},
            {QStringLiteral("blocking_severity"), severityName(outcome.blockingSeverity)},
            {QStringLiteral("new"), baselineOf.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fresh)},
            {QStringLiteral("baseline"), baselineOf},
            {QStringLiteral("not_compared"), QJsonArray::fromStringList(notCompared)},
            {QStringLiteral("coverage"),
             QJsonObject{{QStringLiteral("covered"), coveredArray}, {QStringLiteral("uncovered"), uncoveredArray}}},
            {QStringLiteral("findings"), findingArray},
            {QStringLiteral("archived"), archived},
        };
        writeJson(io.out, QJsonDocument(root));
    } else {
        const QLocale c = QLocale::c();
        for (const ToolRun& run : runs) {
            io.out << QStringLiteral("%1 %2").arg(run.tool, -12).arg(scanStatusName(run.status), -15);
            if (run.status == ScanStatus::Ok && run.report)
                io.out << run.report->findings.size() << " findings in " << c.toString(run.elapsedMs / 1000.0, 'f', 1)
                       << " s";
            else
                io.out << run.message;
            io.out << '\n';
            if ((run.status == ScanStatus::Failed || run.status == ScanStatus::TimedOut) && !run.stderrText.isEmpty()) {
                const QStringList lines = run.stderrText.trimmed().split(QLatin1Char('\n'));
                for (const QString& line : lines.mid(std::max<qsizetype>(0, lines.size() - 10)))
                    io.out << "    | " << line << '\n';
            }
        }
        io.out << "\nfindings: " << countsText(counts) << '\n';
        io.out << "blocking (" << severityName(outcome.blockingSeverity) << " and above): " << blocking << '\n';
        if (!baselineOf.isEmpty()) {
            QStringList against;
            for (auto it = baselineOf.constBegin(); it != baselineOf.constEnd(); ++it)
                against.append(it.key() + QLatin1Char('@') + it.value().toString().left(8));
            io.out << "new since the archived scans (" << against.join(QStringLiteral(", ")) << "): " << fresh;
            if (!notCompared.isEmpty())
                io.out << " (never archived: " << notCompared.join(QStringLiteral(", ")) << ')';
            io.out << '\n';
        } else {
            io.out << "new: no archived scan to compare with\n";
        }
        if (!uncoveredArray.isEmpty()) {
            QStringList names;
            for (const QJsonValue& value : std::as_const(uncoveredArray))
                names.append(value.toString());
            io.out << "not covered: " << names.join(QStringLiteral(", ")) << '\n';
        }
        if (archived.isObject())
            io.out << "archived " << reports.size() << " report(s) with " << outcome.head.shortString() << " in "
                   << outcome.notesRef << '\n';
    }
    if (ran == 0)
        io.err << "gatehouse scan: no scanner could run\n";
    return exitCode;
}

} // namespace gatehouse::cli
