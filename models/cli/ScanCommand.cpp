// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "security/ScanHistory.h"
#include "security/SecurityConfig.h"
#include "security/scan/ScanArchive.h"
#include "security/scan/ScanRunner.h"

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
    QByteArray configText;
    if (auto text = repo->readWorkTreeFile(QStringLiteral(".gatehouse/config.yml"), 1 << 20))
        configText = *text;
    auto config = ScannerConfig::parse(configText);
    if (!config) {
        io.err << "gatehouse scan: " << config.error().toString() << '\n';
        return ExitUsage;
    }

    // The notes ref of the scan history (`notes: {ref: …}`, the security section of the same file).
    QString notesRef = ScanArchive::defaultNotesRef();
    QStringList reportGlobs;
    if (auto security = SecurityConfig::parse(configText)) {
        if (!security->notesRef.isEmpty())
            notesRef = security->notesRef;
        reportGlobs = security->reportGlobs;
    }

    ScanRunner::Options runOptions;
    runOptions.workTree = QDir::cleanPath(repo->workDir());
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
            runOptions.only.append(tool);
        }
        if (runOptions.only.isEmpty()) {
            io.err << "gatehouse scan: --tools needs at least one scanner name\n";
            return ExitUsage;
        }
    }

    // Progress on stderr for people (text mode); JSON consumers get one clean document.
    QTextStream& err = io.err;
    const bool showProgress = options.format == QLatin1String("text");
    ProgressSink sink([&err, showProgress](int permille, const QString& stage) {
        if (showProgress) {
            err << QStringLiteral("[%1%] %2 finished\n").arg(permille / 10, 3).arg(stage);
            err.flush();
        }
    });
    const QList<ToolRun> runs = ScanRunner::run(*config, runOptions, &sink);

    // What the archived scans already knew, per tool: the newest report of each tool in the history of HEAD
    // (report files in commits and scan notes, as `gatehouse posture` sees them).
    QHash<QString, QPair<git::ObjectId, QSet<QString>>> baselines;
    auto head = repo->head();
    const bool hasHead = head && !head->unborn;
    if (hasHead) {
        ScanSourceOptions sources;
        if (!reportGlobs.isEmpty())
            sources.globs = reportGlobs;
        sources.notesRef = notesRef;
        sources.revision = head->commit.toString();
        sources.maxCommits = 1000;
        auto history = ScanHistoryReader::read(options.repo, sources);
        if (!history) {
            io.err << "gatehouse scan: warning: cannot read the archived scans: " << history.error().toString() << '\n';
        } else {
            for (auto scan = history->scans.crbegin(); scan != history->scans.crend(); ++scan) {
                for (const ScanReport& report : scan->reports) {
                    if (report.tool.isEmpty() || baselines.contains(report.tool))
                        continue;
                    QSet<QString> fingerprints;
                    for (const Finding& finding : report.findings)
                        fingerprints.insert(finding.fingerprint);
                    baselines.insert(report.tool, {scan->commit, fingerprints});
                }
            }
        }
    }

    QMap<Severity, int> counts;
    int blocking = 0;
    int fresh = 0;
    int ran = 0;
    QJsonArray toolArray;
    QJsonArray findingArray;
    QSet<FindingCategory> covered;
    QSet<FindingCategory> selected;
    QList<NoteReport> reports;
    QStringList notCompared;
    QJsonObject baselineOf; // tool → commit of the report compared with
    for (const ToolRun& run : runs) {
        selected.insert(run.category);
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
            ++ran;
            covered.insert(run.category);
            reports.append(NoteReport{run.reportName, run.reportContent});
            QMap<Severity, int> toolCounts;
            int toolBlocking = 0;
            // Only tools the archived scan ran can say what is new.
            const bool comparable = baselines.contains(run.report->tool);
            if (comparable)
                baselineOf.insert(run.report->tool, baselines.value(run.report->tool).first.toString());
            else
                notCompared.append(run.tool);
            const QSet<QString> known = comparable ? baselines.value(run.report->tool).second : QSet<QString>();
            for (const Finding& finding : run.report->findings) {
                ++counts[finding.severity];
                ++toolCounts[finding.severity];
                QJsonObject object = finding.toJson();
                const bool blocks = finding.severity >= config->blocking;
                blocking += blocks ? 1 : 0;
                toolBlocking += blocks ? 1 : 0;
                object.insert(QStringLiteral("blocking"), blocks);
                if (comparable) {
                    const bool isNew = !known.contains(finding.fingerprint);
                    fresh += isNew ? 1 : 0;
                    object.insert(QStringLiteral("new"), isNew);
                }
                findingArray.append(object);
            }
            tool.insert(QStringLiteral("report"), run.reportName);
            tool.insert(QStringLiteral("format"), reportFormatName(run.report->format));
            tool.insert(QStringLiteral("findings"), int(run.report->findings.size()));
            tool.insert(QStringLiteral("counts"), countsJson(toolCounts));
            tool.insert(QStringLiteral("blocking"), toolBlocking);
        }
        toolArray.append(tool);
    }

    QJsonValue archived = QJsonValue::Null;
    int archiveFailed = 0;
    if (parser.isSet(archiveOption)) {
        if (!hasHead) {
            io.err << "gatehouse scan: cannot archive: the repository has no commits yet\n";
            archiveFailed = 1;
        } else if (reports.isEmpty()) {
            io.err << "gatehouse scan: nothing to archive: no scanner produced a report\n";
        } else if (auto signature = repo->defaultSignature(); !signature) {
            io.err << "gatehouse scan: cannot archive: " << signature.error().toString()
                   << " (set user.name and user.email)\n";
            archiveFailed = 1;
        } else if (auto written = ScanArchive::archive(repo.value(), head->commit, reports, *signature, notesRef);
                   !written) {
            io.err << "gatehouse scan: cannot archive: " << written.error().toString() << '\n';
            archiveFailed = 1;
        } else {
            QJsonArray names;
            for (const NoteReport& report : std::as_const(reports))
                names.append(report.path);
            archived = QJsonObject{{QStringLiteral("commit"), head->commit.toString()},
                                   {QStringLiteral("ref"), notesRef},
                                   {QStringLiteral("reports"), names}};
        }
    }

    QJsonArray coveredArray;
    QJsonArray uncoveredArray;
    for (FindingCategory category : {FindingCategory::Sast, FindingCategory::Dependency, FindingCategory::Container,
                                     FindingCategory::Secret, FindingCategory::Iac, FindingCategory::Dast}) {
        if (covered.contains(category))
            coveredArray.append(categoryName(category));
        else if (selected.contains(category))
            uncoveredArray.append(categoryName(category));
    }

    const int exitCode = ran == 0 ? int(ExitUsage) : (blocking > 0 || archiveFailed ? int(ExitFindings) : int(ExitOk));
    if (options.format == QLatin1String("json")) {
        QJsonObject root{
            {QStringLiteral("tools"), toolArray},
            {QStringLiteral("counts"), countsJson(counts)},
            {QStringLiteral("blocking"), blocking},
            {QStringLiteral("blocking_severity"), severityName(config->blocking)},
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
        io.out << "blocking (" << severityName(config->blocking) << " and above): " << blocking << '\n';
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
            io.out << "archived " << reports.size() << " report(s) with " << head->commit.shortString() << " in "
                   << notesRef << '\n';
    }
    if (ran == 0)
        io.err << "gatehouse scan: no scanner could run\n";
    return exitCode;
}

} // namespace gatehouse::cli
