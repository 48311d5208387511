// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellCheck.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace gatehouse::pipeline {

namespace {

struct Comment
{
    int line = 0;
    int column = 0;
    int code = 0;
    QString level;
    QString message;
};

constexpr int MaxCacheEntries = 4096;
constexpr int TimeoutMs = 60000;

QMutex s_cacheMutex;
QHash<QString, QList<Comment>> s_cache; // shell + '\0' + text → comments

QString cacheKey(const ShellScript& script)
{
    return script.shell + QChar(0) + script.text;
}

Severity severityOf(const QString& level)
{
    if (level == QLatin1String("error"))
        return Severity::Error;
    if (level == QLatin1String("warning"))
        return Severity::Warning;
    return Severity::Info;
}

// Runs shellcheck once over several scripts of one dialect; fills `results` (index → comments).
QString runShellCheck(const QString& program, const QString& shell, const QList<QString>& texts,
                      QHash<int, QList<Comment>>& results)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return QStringLiteral("cannot create a temporary directory: ") + dir.errorString();
    QStringList arguments{QStringLiteral("--format=json1"), QStringLiteral("--shell=") + shell,
                          QStringLiteral("--exclude=SC1091")}; // sourced files are not in the pipeline
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString name = QStringLiteral("%1.sh").arg(i);
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        file.write(texts.at(i).toUtf8());
        arguments.append(name);
        results.insert(int(i), {});
    }
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForFinished(TimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return QStringLiteral("shellcheck did not finish: ") + process.errorString();
    }
    // 0: clean, 1: comments; anything else is shellcheck failing.
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() > 1)
        return QStringLiteral("shellcheck failed (exit %1): %2")
            .arg(process.exitCode())
            .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("unreadable shellcheck output: ") + error.errorString();
    const QJsonArray comments = document.object().value(QStringLiteral("comments")).toArray();
    for (const QJsonValue& value : comments) {
        const QJsonObject object = value.toObject();
        bool ok = false;
        const int index = object.value(QStringLiteral("file")).toString().section(QLatin1Char('.'), 0, 0).toInt(&ok);
        if (!ok || !results.contains(index))
            continue;
        results[index].append(
            {object.value(QStringLiteral("line")).toInt(), object.value(QStringLiteral("column")).toInt(),
             object.value(QStringLiteral("code")).toInt(), object.value(QStringLiteral("level")).toString(),
             object.value(QStringLiteral("message")).toString()});
    }
    return {};
}

} // namespace

QString ShellCheck::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("shellcheck"));
}

void ShellCheck::clearCache()
{
    QMutexLocker lock(&s_cacheMutex);
    s_cache.clear();
}

ShellCheck::Result ShellCheck::checkPipeline(const PipelineModel& model, const QByteArray& mainText,
                                             const FileSource& files, Category category)
{
    QList<SkippedShell> skipped;
    Result result = check(ShellScriptExtractor::extract(model, mainText, files, &skipped), category);
    if (!result.available)
        return result;
    // Said once per job, so a reader knows why a PowerShell job has no shell findings.
    for (const SkippedShell& job : std::as_const(skipped)) {
        Diagnostic diagnostic;
        diagnostic.file = job.at.file;
        diagnostic.line = job.at.line;
        diagnostic.column = job.at.column;
        diagnostic.severity = Severity::Info;
        diagnostic.category = category;
        diagnostic.rule = QStringLiteral("script.non-posix-shell");
        diagnostic.message = QStringLiteral("job '%1' %2, not a POSIX shell; its scripts are not checked by shellcheck")
                                 .arg(job.job, job.reason);
        result.diagnostics.append(diagnostic);
    }
    normalizeDiagnostics(result.diagnostics);
    return result;
}

ShellCheck::Result ShellCheck::check(const QList<ShellScript>& scripts, Category category)
{
    Result result;
    result.scripts = int(scripts.size());
    const QString program = executable();
    result.available = !program.isEmpty();
    if (!result.available || scripts.isEmpty())
        return result;

    QList<QList<Comment>> comments(scripts.size());
    QHash<QString, QList<qsizetype>> missingByShell; // shell → indexes of scripts not in the cache
    {
        QMutexLocker lock(&s_cacheMutex);
        for (qsizetype i = 0; i < scripts.size(); ++i) {
            const auto it = s_cache.constFind(cacheKey(scripts.at(i)));
            if (it != s_cache.cend()) {
                comments[i] = it.value();
                ++result.cacheHits;
            } else {
                missingByShell[scripts.at(i).shell].append(i);
            }
        }
    }
    for (auto it = missingByShell.cbegin(); it != missingByShell.cend(); ++it) {
        // Identical texts (parallel:matrix instances, shared templates) are checked once.
        QList<QString> texts;
        QHash<QString, int> textIndex;
        for (qsizetype index : it.value()) {
            const QString& text = scripts.at(index).text;
            if (!textIndex.contains(text)) {
                textIndex.insert(text, int(texts.size()));
                texts.append(text);
            }
        }
        QHash<int, QList<Comment>> found;
        const QString error = runShellCheck(program, it.key(), texts, found);
        if (!error.isEmpty()) {
            result.error = error;
            continue;
        }
        QMutexLocker lock(&s_cacheMutex);
        if (s_cache.size() > MaxCacheEntries)
            s_cache.clear();
        for (qsizetype index : it.value()) {
            comments[index] = found.value(textIndex.value(scripts.at(index).text));
            s_cache.insert(cacheKey(scripts.at(index)), comments[index]);
        }
    }
    for (qsizetype i = 0; i < scripts.size(); ++i) {
        const ShellScript& script = scripts.at(i);
        for (const Comment& comment : std::as_const(comments[i])) {
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
    normalizeDiagnostics(result.diagnostics);
    return result;
}

} // namespace gatehouse::pipeline
