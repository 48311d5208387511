// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanRunner.h"

#include "ProcessTree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <list>
#include <memory>

namespace gatehouse {

namespace {

constexpr qsizetype MaxStderr = 16 * 1024;

bool isInside(const QString& path, const QString& directory)
{
    const QString canonicalPath = QFileInfo(path).canonicalFilePath();
    QString canonicalDir = QFileInfo(directory).canonicalFilePath();
    if (canonicalPath.isEmpty() || canonicalDir.isEmpty())
        return false;
    if (!canonicalDir.endsWith(QLatin1Char('/')))
        canonicalDir += QLatin1Char('/');
    return canonicalPath.startsWith(canonicalDir);
}

struct Active
{
    int index = 0;
    std::unique_ptr<QProcess> process;
    QElapsedTimer clock;
    qint64 timeoutMs = 0;
    QString stdoutPath;
    QString reportPath;
    QByteArray stderrBytes;
    bool timedOut = false;
    bool cancelled = false;
    bool fetching = false; ///< running the spec's reportCommand
    QString fetchError; ///< why the reportCommand could not run
};

/// `key=value` / `key: value` lines of a Java properties file (comments `#` and `!`; no line continuations).
QHash<QString, QString> readProperties(const QString& path)
{
    QHash<QString, QString> properties;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return properties;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('!')))
            continue;
        const qsizetype separator = line.indexOf(QRegularExpression(QStringLiteral("[=:]")));
        if (separator > 0)
            properties.insert(line.left(separator).trimmed(), line.mid(separator + 1).trimmed());
    }
    return properties;
}

/// The report command's arguments with `{sonar.KEY}` replaced from sonar-project.properties.
QStringList reportArguments(const QStringList& words, const QString& workTree)
{
    QHash<QString, QString> properties
        = readProperties(QDir(workTree).filePath(QStringLiteral("sonar-project.properties")));
    if (!properties.contains(QStringLiteral("sonar.host.url"))) {
        const QString host = qEnvironmentVariable("SONAR_HOST_URL");
        properties.insert(QStringLiteral("sonar.host.url"),
                          host.isEmpty() ? QStringLiteral("http://localhost:9000") : host);
    }
    static const QRegularExpression placeholder(QStringLiteral("\\{(sonar\\.[A-Za-z0-9_.-]+)\\}"));
    QStringList arguments;
    for (const QString& word : words) {
        QString argument = word;
        for (auto it = placeholder.globalMatch(word); it.hasNext();) {
            const auto m = it.next();
            argument.replace(m.captured(0),
                             QString::fromUtf8(QUrl::toPercentEncoding(properties.value(m.captured(1)), ":/")));
        }
        arguments << argument;
    }
    return arguments;
}

void appendStderr(Active& active)
{
    active.stderrBytes += active.process->readAllStandardError();
    if (active.stderrBytes.size() > MaxStderr)
        active.stderrBytes = active.stderrBytes.right(MaxStderr); // the end says why it failed
}

// Scanners started in the work tree write "./app/x.py" (bandit, semgrep) or absolute paths; findings are shown
// relative to the work tree like everywhere else.
QString relativePath(const QString& path, const QString& workTree)
{
    QString result = path;
    const QString root = workTree.endsWith(QLatin1Char('/')) ? workTree : workTree + QLatin1Char('/');
    if (result.startsWith(root))
        result = result.mid(root.size());
    while (result.startsWith(QLatin1String("./")))
        result = result.mid(2);
    return result;
}

void readReport(ToolRun& run, const QString& path, qint64 maxSize, const QString& workTree)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        run.status = ScanStatus::Failed;
        run.message = QStringLiteral("no report was written (%1)").arg(file.errorString());
        return;
    }
    if (file.size() > maxSize) {
        run.status = ScanStatus::Failed;
        run.message = QStringLiteral("report of %1 bytes is above the %2-byte limit").arg(file.size()).arg(maxSize);
        return;
    }
    run.reportContent = file.readAll();
    if (run.reportContent.trimmed().isEmpty()) {
        run.status = ScanStatus::Failed;
        run.message = QStringLiteral("the tool wrote no report");
        return;
    }
    ReportDiagnostic failure;
    auto parsed = ReportReader::readData(run.reportContent, run.tool + QStringLiteral(".json"), {}, nullptr, &failure);
    if (!parsed) {
        run.status = ScanStatus::Failed;
        run.message = QStringLiteral("unreadable report: ") + parsed.error().toString();
        return;
    }
    run.reportName
        = run.tool + (parsed->format == ReportFormat::Sarif ? QStringLiteral(".sarif") : QStringLiteral(".json"));
    parsed->path = run.reportName;
    for (Finding& finding : parsed->findings)
        finding.location.path = relativePath(finding.location.path, workTree);
    run.report = std::move(parsed.value());
    run.status = ScanStatus::Ok;
}

} // namespace

QString scanStatusName(ScanStatus status)
{
    switch (status) {
    case ScanStatus::Ok:
        return QStringLiteral("ok");
    case ScanStatus::NotInstalled:
        return QStringLiteral("not-installed");
    case ScanStatus::NotApplicable:
        return QStringLiteral("not-applicable");
    case ScanStatus::Refused:
        return QStringLiteral("refused");
    case ScanStatus::Failed:
        return QStringLiteral("failed");
    case ScanStatus::TimedOut:
        return QStringLiteral("timed-out");
    case ScanStatus::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

Result<QString> ScanRunner::resolveExecutable(const QString& program, const QString& workTree)
{
    QString path;
    if (QDir::isAbsolutePath(program)) {
        const QFileInfo info(program);
        if (info.isFile() && info.isExecutable())
            path = info.absoluteFilePath();
    } else if (program.contains(QLatin1Char('/'))) {
        // `./scan.sh` or `tools/scan`: relative to the work tree, i.e. the repository's own script.
        return makeError(QStringLiteral("scan.refused"),
                         QStringLiteral("'%1' is a path inside the repository; Gatehouse does not run the repository's "
                                        "own scripts (use a tool on PATH or an absolute path outside the repository)")
                             .arg(program));
    } else {
        path = QStandardPaths::findExecutable(program);
    }
    if (path.isEmpty())
        return makeError(QStringLiteral("scan.not-installed"), QStringLiteral("'%1' is not installed").arg(program));
    if (!workTree.isEmpty() && isInside(path, workTree))
        return makeError(QStringLiteral("scan.refused"),
                         QStringLiteral("'%1' resolves to %2, inside the repository; Gatehouse does not run the "
                                        "repository's own scripts")
                             .arg(program, path));
    return path;
}

QList<ToolRun> ScanRunner::run(const ScannerConfig& config, const Options& options, ProgressSink* sink)
{
    QList<ToolRun> runs;
    QList<const ScannerSpec*> specs;
    for (const ScannerSpec& spec : config.tools) {
        const bool selected = options.only.isEmpty() ? spec.enabled : options.only.contains(spec.name);
        if (!selected)
            continue;
        ToolRun run;
        run.tool = spec.name;
        run.category = spec.category;
        if (!spec.requiresAnyOf.isEmpty()) {
            bool applies = false;
            for (const QString& file : spec.requiresAnyOf)
                applies = applies || QFileInfo::exists(QDir(options.workTree).filePath(file));
            if (!applies) {
                run.status = ScanStatus::NotApplicable;
                run.message
                    = QStringLiteral("needs %1 in the work tree").arg(spec.requiresAnyOf.join(QStringLiteral(" or ")));
            }
        }
        if (run.status != ScanStatus::NotApplicable) {
            auto program = resolveExecutable(spec.command.value(0), options.workTree);
            if (!program) {
                run.status = program.error().code == QLatin1String("scan.refused") ? ScanStatus::Refused
                                                                                   : ScanStatus::NotInstalled;
                run.message = program.error().message;
            } else {
                run.program = *program;
                run.status = ScanStatus::Cancelled; // until it runs
            }
        }
        runs.append(run);
        specs.append(&spec);
    }

    QList<int> queue;
    for (int i = 0; i < runs.size(); ++i) {
        if (!runs.at(i).program.isEmpty())
            queue.append(i);
    }
    const int total = int(queue.size());
    if (queue.isEmpty())
        return runs;
    if (sink && sink->isCancelled())
        return runs;

    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        for (int index : std::as_const(queue)) {
            runs[index].status = ScanStatus::Failed;
            runs[index].message = QStringLiteral("cannot create a temporary directory: ") + scratch.errorString();
        }
        return runs;
    }

    // No event loop here: once ~QCoreApplication has begun, Qt delivers no more events to any thread, so a worker
    // waiting for QProcess::finished or a cancel-poll timer would never return and the pool would block the exit.
    // QProcess::waitForFinished() polls the pipes and the death notifier itself, without events.
    std::list<Active> active;
    int finished = 0;

    auto finish = [&](Active& item) {
        ToolRun& run = runs[item.index];
        const ScannerSpec& spec = *specs.at(item.index);
        appendStderr(item);
        run.stderrText = QString::fromUtf8(item.stderrBytes);
        run.elapsedMs = item.clock.elapsed();
        run.exitCode = item.process->exitStatus() == QProcess::NormalExit ? item.process->exitCode() : -1;
        if (item.cancelled) {
            run.status = ScanStatus::Cancelled;
            run.message = QStringLiteral("cancelled");
        } else if (item.timedOut) {
            run.status = ScanStatus::TimedOut;
            run.message = QStringLiteral("no result after %1 s; stopped").arg(spec.timeoutSeconds);
        } else if (item.process->error() == QProcess::FailedToStart) {
            run.status = ScanStatus::Failed;
            run.message = QStringLiteral("could not start: ") + item.process->errorString();
        } else if (item.process->exitStatus() == QProcess::CrashExit) {
            run.status = ScanStatus::Failed;
            run.message = QStringLiteral("crashed: ") + item.process->errorString();
        } else if (!spec.okExitCodes.contains(run.exitCode)) {
            run.status = ScanStatus::Failed;
            run.message = item.fetching ? QStringLiteral("fetching the report exited with code %1").arg(run.exitCode)
                                        : QStringLiteral("exited with code %1").arg(run.exitCode);
        } else if (!item.fetchError.isEmpty()) {
            run.status = ScanStatus::Failed;
            run.message = item.fetchError;
        } else {
            readReport(run, spec.writesReportFile() ? item.reportPath : item.stdoutPath, options.maxReportSize,
                       options.workTree);
        }
        ++finished;
        if (sink)
            sink->report(finished, total, QStringLiteral("scan: ") + run.tool);
    };

    auto startNext = [&]() {
        while (!queue.isEmpty() && int(active.size()) < std::max(1, options.maxParallel)) {
            const int index = queue.takeFirst();
            ToolRun& run = runs[index];
            const ScannerSpec& spec = *specs.at(index);
            active.emplace_back();
            Active& item = active.back();
            item.index = index;
            item.timeoutMs = qint64(spec.timeoutSeconds) * 1000;
            item.stdoutPath = scratch.filePath(QStringLiteral("%1.stdout").arg(index));
            item.reportPath = scratch.filePath(QStringLiteral("%1.report").arg(index));
            for (const QString& word : spec.command.mid(1)) {
                QString argument = word;
                argument.replace(QLatin1String("{repo}"), options.workTree);
                argument.replace(QLatin1String("{report}"), item.reportPath);
                run.arguments.append(argument);
            }
            item.process = std::make_unique<QProcess>();
            item.process->setWorkingDirectory(options.workTree);
            item.process->setStandardOutputFile(item.stdoutPath);
            item.process->setStandardInputFile(QProcess::nullDevice());
            item.clock.start();
            item.process->start(run.program, run.arguments);
        }
    };

    // A tool whose report lives on a server: once it succeeded, the same slot runs the command that fetches it.
    auto startFetch = [&](Active& item) {
        const ScannerSpec& spec = *specs.at(item.index);
        if (item.fetching || spec.reportCommand.isEmpty() || item.cancelled || item.timedOut
            || item.process->exitStatus() != QProcess::NormalExit
            || !spec.okExitCodes.contains(item.process->exitCode()))
            return false;
        auto program = resolveExecutable(spec.reportCommand.value(0), options.workTree);
        if (!program) {
            item.fetchError = QStringLiteral("the report cannot be fetched: ") + program.error().message;
            return false;
        }
        appendStderr(item);
        item.fetching = true;
        item.process = std::make_unique<QProcess>();
        item.process->setWorkingDirectory(options.workTree);
        item.process->setStandardOutputFile(item.stdoutPath);
        item.process->setStandardInputFile(QProcess::nullDevice());
        runs[item.index].arguments << QStringLiteral("&&") << *program
                                   << reportArguments(spec.reportCommand.mid(1), options.workTree);
        item.process->start(*program, reportArguments(spec.reportCommand.mid(1), options.workTree));
        return true;
    };

    bool cancelled = false;
    startNext();
    while (!active.empty()) {
        if (!cancelled && sink && sink->isCancelled()) {
            cancelled = true;
            queue.clear(); // the queued ones stay Cancelled
            for (Active& item : active) {
                item.cancelled = true;
                ProcessTree::kill(*item.process);
            }
        }
        // Each running tool gets a slice of about 50 ms per round, so cancellation is seen within that.
        const int slice = std::max(5, 50 / int(active.size()));
        for (auto it = active.begin(); it != active.end();) {
            Active& item = *it;
            if (!item.timedOut && !item.cancelled && item.clock.elapsed() > item.timeoutMs) {
                item.timedOut = true;
                ProcessTree::kill(*item.process);
            }
            if (item.process->state() != QProcess::NotRunning)
                item.process->waitForFinished(slice);
            appendStderr(item);
            if (item.process->state() == QProcess::NotRunning && startFetch(item)) {
                ++it;
            } else if (item.process->state() == QProcess::NotRunning) {
                finish(item);
                it = active.erase(it);
            } else {
                ++it;
            }
        }
        startNext();
    }
    return runs;
}

} // namespace gatehouse
