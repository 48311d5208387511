// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JenkinsPipeline.h"

#include "JenkinsChecks.h"
#include "JenkinsSyntax.h"
#include "classify/RepositoryClassifier.h"

#include <QRegularExpression>

namespace gatehouse::pipeline {

using namespace jenkins;

namespace {

/// Statements named `name` with a block, depth-first through blocks and closures (a pipeline may sit in a shared
/// library's `def call() { … }`; a scripted `node` in `timestamps { … }`).
void findBlocks(const std::vector<Statement>& statements, QStringView name, std::vector<const Statement*>& found,
                int depth = 0)
{
    if (depth > 60)
        return;
    for (const Statement& s : statements) {
        if (s.form == Statement::Form::Call && s.name == name && s.hasBlock) {
            found.push_back(&s);
            continue;
        }
        findBlocks(s.body, name, found, depth + 1);
        for (const Argument& a : s.arguments)
            findBlocks(a.value.body, name, found, depth + 1);
        findBlocks(s.assigned.body, name, found, depth + 1);
    }
}

Diagnostic diagnostic(const QString& path, int line, int column, Severity severity, Category category,
                      const QString& rule, const QString& message)
{
    return {path, line, column, severity, category, rule, message};
}

QString decode(const QByteArray& text)
{
    QString source = QString::fromUtf8(text);
    source.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return source;
}

/// A Groovy `${…}` becomes a same-length word, so the shell checker sees a plain value and columns stay right.
QString maskGroovy(const QString& text)
{
    QString result = text;
    for (qsizetype start = result.indexOf(QStringLiteral("${")); start >= 0;
         start = result.indexOf(QStringLiteral("${"), start + 1)) {
        int depth = 0;
        qsizetype end = start + 1;
        for (; end < result.size(); ++end) {
            if (result.at(end) == u'{')
                ++depth;
            else if (result.at(end) == u'}' && --depth == 0)
                break;
        }
        if (end >= result.size())
            break;
        for (qsizetype i = start; i <= end; ++i)
            result[i] = i == start || i == end ? u'X' : u'_';
    }
    return result;
}

void collectShell(const std::vector<Statement>& steps, const QString& stage, const QString& path,
                  QList<ShellScript>& scripts, int depth = 0)
{
    if (depth > 50)
        return;
    for (const Statement& step : steps) {
        if (step.form != Statement::Form::Call || step.opaque)
            continue;
        const Value* value = step.named(u"script") ? step.named(u"script") : step.positional();
        if (step.name == u"sh" && value && value->isString()) {
            ShellScript script;
            script.job = stage;
            script.key = QStringLiteral("sh@%1").arg(step.line);
            script.text = value->interpolated ? maskGroovy(value->text) : value->text;
            const bool bash = script.text.startsWith(u"#!") && script.text.section(u'\n', 0, 0).contains(u"bash");
            script.shell = bash ? QStringLiteral("bash") : QStringLiteral("sh");
            script.fallback = {path, value->contentLine, value->contentColumn};
            if (value->verbatim) {
                const QStringList lines = script.text.split(u'\n');
                for (qsizetype i = 0; i < lines.size(); ++i)
                    script.segments.append({int(i) + 1, 0, int(lines.at(i).size()), path, value->contentLine + int(i),
                                            i == 0 ? value->contentColumn : 1});
            }
            if (!script.text.endsWith(u'\n'))
                script.text += u'\n';
            if (!script.text.trimmed().isEmpty())
                scripts.append(script);
        }
        if (step.hasBlock)
            collectShell(step.body, stage, path, scripts, depth + 1);
    }
}

void collectStages(const Statement& block, const QString& path, QList<ShellScript>& scripts, int depth = 0)
{
    if (depth > 50)
        return;
    for (const Statement& s : block.body) {
        if (s.name == u"stage") {
            const QString name = literalText(s.positional());
            if (const Statement* steps = s.child(u"steps"))
                collectShell(steps->body, name, path, scripts);
            if (const Statement* post = s.child(u"post")) {
                for (const Statement& condition : post->body)
                    collectShell(condition.body, name, path, scripts);
            }
        }
        if (s.name == u"stage" || s.name == u"stages" || s.name == u"parallel" || s.name == u"matrix")
            collectStages(s, path, scripts, depth + 1);
    }
}

} // namespace

bool JenkinsPipeline::isJenkinsPath(const QString& path)
{
    if (classify::pipelineKind(path) == PipelineFile::Kind::Jenkinsfile)
        return true;
    return path.endsWith(u".groovy") && (path.startsWith(u"jenkins/") || path.contains(u"/jenkins/"));
}

bool JenkinsPipeline::hasPipelineBlock(const QByteArray& text)
{
    static const QRegularExpression block(QStringLiteral("(^|[\\s;{])pipeline\\s*\\{"));
    return block.match(QString::fromUtf8(text.left(JenkinsSyntax::MaxSize))).hasMatch();
}

PipelineModel JenkinsPipeline::analyze(const QByteArray& text, const QString& path, QList<Diagnostic>& diagnostics)
{
    PipelineModel model;
    model.kind = PipelineKind::Jenkins;
    model.file = path;
    model.files = {path};
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        diagnostics.append(diagnostic(path, int(text.left(nul).count('\n')) + 1, 1, Severity::Error, Category::Syntax,
                                      QStringLiteral("jenkins.syntax"),
                                      QStringLiteral("the file holds NUL bytes: a binary file, not a Jenkinsfile")));
        return model;
    }
    const Document document = JenkinsSyntax::parse(decode(text), path);
    diagnostics += document.diagnostics;
    const bool readable = document.diagnostics.isEmpty();

    std::vector<const Statement*> pipelines;
    findBlocks(document.statements, u"pipeline", pipelines);
    if (pipelines.empty()) {
        std::vector<const Statement*> nodes;
        findBlocks(document.statements, u"node", nodes);
        if (!nodes.empty()) {
            diagnostics.append(diagnostic(
                path, nodes.front()->line, nodes.front()->column, Severity::Info, Category::Schema,
                QStringLiteral("jenkins.scripted"),
                QStringLiteral("a scripted pipeline (node { … }): only declarative pipelines (pipeline { … }) are "
                               "checked, so its stages are not read")));
            return model;
        }
        for (const Statement& s : document.statements) {
            if (s.form == Statement::Form::Call && s.name != u"properties" && s.name != u"import") {
                diagnostics.append(diagnostic(path, s.line, s.column, Severity::Info, Category::Schema,
                                              QStringLiteral("jenkins.library-call"),
                                              QStringLiteral("the pipeline is defined by the shared-library step "
                                                             "'%1': its stages live in the library, not in this file")
                                                  .arg(s.name)));
                return model;
            }
        }
        if (readable)
            diagnostics.append(diagnostic(path, 1, 1, Severity::Error, Category::Schema,
                                          QStringLiteral("jenkins.missing-pipeline"),
                                          QStringLiteral("no pipeline { … } block; expected a declarative pipeline")));
        return model;
    }
    for (size_t i = 1; i < pipelines.size(); ++i)
        diagnostics.append(diagnostic(path, pipelines[i]->line, pipelines[i]->column, Severity::Error, Category::Schema,
                                      QStringLiteral("jenkins.multiple-pipelines"),
                                      QStringLiteral("a second pipeline block; a Jenkinsfile holds one")));
    // A file with syntax errors only gets those: the rest of it may be misread.
    if (!readable)
        return model;
    checkPipeline(*pipelines.front(), path, diagnostics);
    return buildModel(*pipelines.front(), path);
}

QList<ShellScript> JenkinsPipeline::shellScripts(const QByteArray& text, const QString& path)
{
    QList<ShellScript> scripts;
    if (text.contains('\0'))
        return scripts;
    const Document document = JenkinsSyntax::parse(decode(text), path);
    std::vector<const Statement*> pipelines;
    findBlocks(document.statements, u"pipeline", pipelines);
    if (pipelines.empty())
        return scripts;
    if (const Statement* stages = pipelines.front()->child(u"stages"))
        collectStages(*stages, path, scripts);
    if (const Statement* post = pipelines.front()->child(u"post")) {
        for (const Statement& condition : post->body)
            collectShell(condition.body, QStringLiteral("post"), path, scripts);
    }
    return scripts;
}

} // namespace gatehouse::pipeline
