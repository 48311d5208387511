// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellCheck.h"

#include "ShellCheckCache.h"
#include "common/CacheFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

namespace gatehouse::pipeline {

namespace {

constexpr int TimeoutMs = 60000;
// Each process pays shellcheck's start-up (about 20 ms): below this much script text a second process costs more
// than it saves.
constexpr qsizetype MinBytesPerProcess = 4096;

const QStringList& options()
{
    static const QStringList list{QStringLiteral("--exclude=SC1091")}; // sourced files are not in the pipeline
    return list;
}

struct State
{
    QMutex mutex;
    std::unique_ptr<ShellCheckCache> cache;
    std::optional<QString> cacheFile; // nullopt: the default
    QString program; // empty: PATH
};

State& state()
{
    static State s;
    return s;
}

// Locked by the caller.
ShellCheckCache& cache()
{
    State& s = state();
    if (!s.cache)
        s.cache = std::make_unique<ShellCheckCache>(s.cacheFile.value_or(ShellCheck::defaultCacheFile()));
    return *s.cache;
}

// What identifies the installed shellcheck without starting it: a new version is a new file.
QString checkerIdentity(const QString& program)
{
    const QFileInfo info(program);
    return QStringLiteral("%1:%2:%3")
        .arg(info.canonicalFilePath())
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch());
}

Severity severityOf(const QString& level)
{
    if (level == QLatin1String("error"))
        return Severity::Error;
    if (level == QLatin1String("warning"))
        return Severity::Warning;
    return Severity::Info;
}

struct Pending
{
    QString shell;
    QString text;
    QByteArray key;
};

// Splits the pending scripts into at most `processes` batches, each of one dialect (shellcheck takes one --shell
// per run), balanced by text size: the longest scripts first, each into the lightest batch of its dialect.
QList<QList<int>> batchesOf(const QList<Pending>& pending, int processes)
{
    QHash<QString, qsizetype> bytesByShell;
    qsizetype total = 0;
    for (const Pending& script : pending) {
        bytesByShell[script.shell] += script.text.size();
        total += script.text.size();
    }
    processes = int(std::clamp<qsizetype>(total / MinBytesPerProcess, 1, std::max(1, processes)));
    QList<int> order(pending.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&pending](int a, int b) { return pending.at(a).text.size() > pending.at(b).text.size(); });

    QList<QList<int>> batches;
    QList<qsizetype> load;
    QHash<QString, QList<int>> batchesOfShell; // dialect → indexes into `batches`
    for (int index : std::as_const(order)) {
        const Pending& script = pending.at(index);
        QList<int>& own = batchesOfShell[script.shell];
        if (own.isEmpty()) {
            const qsizetype bytes = bytesByShell.value(script.shell);
            const int share = int(std::max<qsizetype>(1, (processes * bytes + total - 1) / total)); // rounded up
            for (int i = 0; i < share; ++i) {
                own.append(int(batches.size()));
                batches.append(QList<int>());
                load.append(0);
            }
        }
        const int lightest
            = *std::min_element(own.cbegin(), own.cend(), [&load](int a, int b) { return load.at(a) < load.at(b); });
        batches[lightest].append(index);
        load[lightest] += script.text.size() + 1;
    }
    batches.removeIf([](const QList<int>& batch) { return batch.isEmpty(); });
    return batches;
}

struct Run
{
    std::unique_ptr<QProcess> process;
    QList<int> scripts; // indexes into the pending list
    QString error;
};

// Reads one finished run's json1 output into `comments` (pending index → comments).
QString readRun(QProcess& process, const QString& output, const QList<int>& scripts,
                QHash<int, ShellCheckCache::Comments>& comments)
{
    if (!process.waitForFinished(TimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return QStringLiteral("shellcheck did not finish: ") + process.errorString();
    }
    // 0: clean, 1: comments; anything else is shellcheck failing.
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() > 1) {
        QFile err(output + QStringLiteral(".err"));
        const QString message
            = err.open(QIODevice::ReadOnly) ? QString::fromUtf8(err.readAll()).trimmed() : process.errorString();
        return QStringLiteral("shellcheck failed (exit %1): %2").arg(process.exitCode()).arg(message);
    }
    QFile out(output);
    if (!out.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read shellcheck's output: ") + out.errorString();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("unreadable shellcheck output: ") + error.errorString();
    QHash<int, ShellCheckCache::Comments> read; // only this run's scripts
    for (int index : scripts)
        read.insert(index, {});
    const QJsonArray list = document.object().value(QStringLiteral("comments")).toArray();
    for (const QJsonValue& value : list) {
        const QJsonObject object = value.toObject();
        bool ok = false;
        const int index = object.value(QStringLiteral("file")).toString().section(QLatin1Char('.'), 0, 0).toInt(&ok);
        const auto it = read.find(index);
        if (!ok || it == read.end())
            continue;
        it->append({object.value(QStringLiteral("line")).toInt(), object.value(QStringLiteral("column")).toInt(),
                    object.value(QStringLiteral("code")).toInt(), object.value(QStringLiteral("level")).toString(),
                    object.value(QStringLiteral("message")).toString()});
    }
    comments.insert(read);
    return {};
}

// Runs shellcheck over the pending scripts, the batches side by side. Fills `comments` for the scripts whose batch
// succeeded and `errors` (pending index → message) for the others. Returns the number of processes started.
int runShellCheck(const QString& program, const QList<Pending>& pending,
                  QHash<int, ShellCheckCache::Comments>& comments, QHash<int, QString>& errors)
{
    const auto failAll = [&](const QString& message) {
        for (int i = 0; i < pending.size(); ++i)
            errors.insert(i, message);
        return 0;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return failAll(QStringLiteral("cannot create a temporary directory: ") + dir.errorString());
    for (int i = 0; i < pending.size(); ++i) {
        QFile file(dir.filePath(QStringLiteral("%1.sh").arg(i)));
        if (!file.open(QIODevice::WriteOnly) || file.write(pending.at(i).text.toUtf8()) < 0)
            return failAll(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    // Output goes to files: a full pipe cannot stall one process while another is waited for.
    std::vector<Run> runs;
    const QList<QList<int>> batches = batchesOf(pending, std::max(1, QThread::idealThreadCount()));
    for (int b = 0; b < batches.size(); ++b) {
        Run run{std::make_unique<QProcess>(), batches.at(b), {}};
        QStringList arguments{QStringLiteral("--format=json1"),
                              QStringLiteral("--shell=") + pending.at(batches.at(b).first()).shell};
        arguments += options();
        for (int index : batches.at(b))
            arguments.append(QStringLiteral("%1.sh").arg(index));
        const QString output = dir.filePath(QStringLiteral("batch%1.json").arg(b));
        run.process->setWorkingDirectory(dir.path());
        run.process->setStandardInputFile(QProcess::nullDevice());
        run.process->setStandardOutputFile(output);
        run.process->setStandardErrorFile(output + QStringLiteral(".err"));
        run.process->start(program, arguments);
        runs.push_back(std::move(run));
    }
    for (size_t b = 0; b < runs.size(); ++b) {
        Run& run = runs[b];
        const QString error
            = readRun(*run.process, dir.filePath(QStringLiteral("batch%1.json").arg(b)), run.scripts, comments);
        if (!error.isEmpty()) {
            for (int index : std::as_const(run.scripts))
                errors.insert(index, error);
        }
    }
    return int(runs.size());
}

Diagnostic skippedDiagnostic(const SkippedShell& job, Category category)
{
    Diagnostic diagnostic;
    diagnostic.file = job.at.file;
    diagnostic.line = job.at.line;
    diagnostic.column = job.at.column;
    diagnostic.severity = Severity::Info;
    diagnostic.category = category;
    diagnostic.rule = QStringLiteral("script.non-posix-shell");
    diagnostic.message = QStringLiteral("job '%1' %2, not a POSIX shell; its scripts are not checked by shellcheck")
                             .arg(job.job, job.reason);
    return diagnostic;
}

} // namespace

QString ShellCheck::executable()
{
    {
        QMutexLocker lock(&state().mutex);
        if (!state().program.isEmpty())
            return QFileInfo(state().program).isExecutable() ? state().program : QString();
    }
    return QStandardPaths::findExecutable(QStringLiteral("shellcheck"));
}

void ShellCheck::setExecutable(const QString& program)
{
    QMutexLocker lock(&state().mutex);
    state().program = program;
}

QString ShellCheck::defaultCacheFile()
{
    return CacheFile::location(QStringLiteral("shellcheck.cache"));
}

void ShellCheck::setCacheFile(const QString& path)
{
    QMutexLocker lock(&state().mutex);
    state().cacheFile = path;
    state().cache.reset();
}

void ShellCheck::clearCache()
{
    QMutexLocker lock(&state().mutex);
    state().cache.reset();
}

ShellCheck::Scripts ShellCheck::extract(const PipelineModel& model, const QByteArray& mainText, const FileSource& files)
{
    Scripts scripts;
    scripts.scripts = ShellScriptExtractor::extract(model, mainText, files, &scripts.skipped);
    return scripts;
}

ShellCheck::Result ShellCheck::checkPipeline(const PipelineModel& model, const QByteArray& mainText,
                                             const FileSource& files, Category category)
{
    return checkAll({extract(model, mainText, files)}, category).first();
}

ShellCheck::Result ShellCheck::check(const QList<ShellScript>& scripts, Category category)
{
    return checkAll({Scripts{scripts, {}}}, category).first();
}

QList<ShellCheck::Result> ShellCheck::checkAll(const QList<Scripts>& pipelines, Category category)
{
    QList<Result> results(pipelines.size());
    const QString program = executable();
    for (qsizetype p = 0; p < pipelines.size(); ++p) {
        results[p].scripts = int(pipelines.at(p).scripts.size());
        results[p].available = !program.isEmpty();
    }
    if (program.isEmpty())
        return results;

    // comments[p][s]: script s of pipeline p; scripts not in the cache point into `pending` (identical texts, as
    // in parallel:matrix instances or shared templates, are checked once).
    QList<QList<ShellCheckCache::Comments>> comments(pipelines.size());
    QList<QList<int>> pendingIndex(pipelines.size());
    QList<Pending> pending;
    QHash<QByteArray, int> pendingByKey;
    const QString identity = checkerIdentity(program);
    {
        QMutexLocker lock(&state().mutex);
        ShellCheckCache& known = cache();
        for (qsizetype p = 0; p < pipelines.size(); ++p) {
            const QList<ShellScript>& scripts = pipelines.at(p).scripts;
            comments[p].resize(scripts.size());
            pendingIndex[p].fill(-1, scripts.size());
            for (qsizetype s = 0; s < scripts.size(); ++s) {
                const ShellScript& script = scripts.at(s);
                const QByteArray key = ShellCheckCache::key(identity, options(), script.shell, script.text);
                if (std::optional<ShellCheckCache::Comments> hit = known.find(key)) {
                    comments[p][s] = std::move(*hit);
                    ++results[p].cacheHits;
                    continue;
                }
                auto it = pendingByKey.constFind(key);
                if (it == pendingByKey.cend()) {
                    it = pendingByKey.insert(key, int(pending.size()));
                    pending.append({script.shell, script.text, key});
                }
                pendingIndex[p][s] = it.value();
            }
        }
    }

    QHash<int, ShellCheckCache::Comments> found;
    QHash<int, QString> errors;
    int processes = 0;
    if (!pending.isEmpty()) {
        processes = runShellCheck(program, pending, found, errors);
        QMutexLocker lock(&state().mutex);
        ShellCheckCache& known = cache();
        for (auto it = found.cbegin(); it != found.cend(); ++it)
            known.insert(pending.at(it.key()).key, it.value());
        known.save();
    }

    for (qsizetype p = 0; p < pipelines.size(); ++p) {
        Result& result = results[p];
        const QList<ShellScript>& scripts = pipelines.at(p).scripts;
        bool ranHere = false;
        for (qsizetype s = 0; s < scripts.size(); ++s) {
            const int index = pendingIndex.at(p).at(s);
            if (index >= 0) {
                ranHere = true;
                if (errors.contains(index))
                    result.error = errors.value(index);
                comments[p][s] = found.value(index);
            }
            const ShellScript& script = scripts.at(s);
            for (const ShellCheckComment& comment : std::as_const(comments[p][s])) {
                const ShellScript::Position at = script.map(comment.line, comment.column);
                Diagnostic diagnostic;
                diagnostic.file = at.file;
                diagnostic.line = at.line;
                diagnostic.column = at.column;
                diagnostic.severity = severityOf(comment.level);
                diagnostic.category = category;
                diagnostic.rule = QStringLiteral("SC%1").arg(comment.code);
                diagnostic.message = QStringLiteral("%1 (job '%2', %3)").arg(comment.message, script.job, script.key);
                result.diagnostics.append(diagnostic);
            }
        }
        if (ranHere)
            result.processes = processes;
        // Said once per job, so a reader knows why a PowerShell job has no shell findings.
        for (const SkippedShell& job : pipelines.at(p).skipped)
            result.diagnostics.append(skippedDiagnostic(job, category));
        normalizeDiagnostics(result.diagnostics);
    }
    return results;
}

} // namespace gatehouse::pipeline
