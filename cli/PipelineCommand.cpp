// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/YamlWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::cli {

using namespace gatehouse::pipeline;

namespace {

QJsonObject modelJson(const ValidationResult& result)
{
    QJsonArray jobs;
    for (const PipelineJob& job : result.model.jobs) {
        QJsonObject object{
            {QStringLiteral("name"), job.name},
            {QStringLiteral("stage"), job.stage},
            {QStringLiteral("needs"), QJsonArray::fromStringList(job.needs)},
            {QStringLiteral("when"), job.when},
            {QStringLiteral("allow_failure"), job.allowFailure},
            {QStringLiteral("environment"), job.environment},
            {QStringLiteral("image"), job.image},
            {QStringLiteral("gates"), QJsonArray::fromStringList(job.gates)},
            {QStringLiteral("file"), job.file},
            {QStringLiteral("line"), job.line},
        };
        if (job.baseName != job.name)
            object.insert(QStringLiteral("base_name"), job.baseName);
        if (!job.environmentAction.isEmpty())
            object.insert(QStringLiteral("environment_action"), job.environmentAction);
        if (job.timeoutMinutes > 0)
            object.insert(QStringLiteral("timeout_minutes"), job.timeoutMinutes);
        if (!job.workflow.isEmpty())
            object.insert(QStringLiteral("workflow"), job.workflow);
        jobs.append(object);
    }
    int errors = result.count(Severity::Error);
    return QJsonObject{
        {QStringLiteral("path"), result.model.file},
        {QStringLiteral("kind"), pipelineKindName(result.kind)},
        {QStringLiteral("files"), QJsonArray::fromStringList(result.model.files)},
        {QStringLiteral("stages"), QJsonArray::fromStringList(result.model.stages)},
        {QStringLiteral("jobs"), jobs},
        {QStringLiteral("errors"), errors},
    };
}

} // namespace

// `gatehouse pipeline`: the resolved pipeline (or with --merged the fully expanded configuration).
int runPipeline(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const QCommandLineOption mergedOption(QStringLiteral("merged"),
                                          QStringLiteral("Print the fully expanded configuration (YAML by default)."));
    parser.addOption(mergedOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The pipeline file."));
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("pipeline"), arguments,
                                  {QStringLiteral("json"), QStringLiteral("yaml")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        io.err << "gatehouse pipeline: expected exactly one FILE\n";
        return ExitUsage;
    }
    const bool merged = parser.isSet(mergedOption);
    const bool yaml = parser.isSet(QStringLiteral("format")) ? options.format == u"yaml" : merged;

    ValidationOptions validation;
    QString path = files.first();
    QByteArray text;
    Result<FileSource> source = PipelineDiscovery::fileSource(options.repo, options.rev);
    if (source)
        validation.files = source.value();
    else if (!options.rev.isEmpty()) {
        io.err << "gatehouse pipeline: " << source.error().toString() << '\n';
        return ExitUsage;
    }
    if (!options.rev.isEmpty()) {
        const Result<QByteArray> content = validation.files.read(path);
        if (!content) {
            io.err << "gatehouse pipeline: " << content.error().toString() << '\n';
            return ExitUsage;
        }
        text = content.value();
    } else {
        const QFileInfo info(QDir::current().absoluteFilePath(path));
        if (info.isDir()) {
            io.err << "gatehouse pipeline: " << path << " is a directory; expected a pipeline file\n";
            return ExitUsage;
        }
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly) || file.size() > (qint64(64) << 20)) {
            io.err << "gatehouse pipeline: cannot read " << path << ": "
                   << (file.isOpen() ? QStringLiteral("too large") : file.errorString()) << '\n';
            return ExitUsage;
        }
        text = file.readAll();
        if (Result<git::Repository> repo = git::Repository::open(options.repo); repo && !repo->workDir().isEmpty()) {
            const QString relative = QDir(repo->workDir()).relativeFilePath(info.absoluteFilePath());
            if (!relative.startsWith(u".."))
                path = relative;
        }
    }
    const ValidationResult result = validatePipeline(text, path, validation);
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Severity::Error && d.category != Category::Gate)
            io.err << d.file << ':' << d.line << ':' << d.column << ": error: " << d.message << " [" << d.rule << "]\n";
    }
    if (result.model.merged.kind == YamlNode::Kind::Null && result.model.jobs.isEmpty()) {
        io.err << "gatehouse pipeline: " << path << " could not be read as a pipeline\n";
        return ExitFindings;
    }
    if (merged) {
        if (yaml)
            io.out << QString::fromUtf8(writeYaml(result.model.merged));
        else
            writeJson(io.out, QJsonDocument(toJson(result.model.merged).toObject()));
    } else if (yaml) {
        io.out << QString::fromUtf8(writeYaml(fromJson(modelJson(result))));
    } else {
        writeJson(io.out, QJsonDocument(modelJson(result)));
    }
    return result.count(Severity::Error) > 0 ? ExitFindings : ExitOk;
}

} // namespace gatehouse::cli
