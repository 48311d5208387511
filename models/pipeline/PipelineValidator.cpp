// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineValidator.h"

#include "GitHubWorkflow.h"
#include "GitLabPipeline.h"
#include "PipelineGates.h"
#include "jenkins/JenkinsPipeline.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace gatehouse::pipeline {

int ValidationResult::count(Severity severity) const
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                             [severity](const Diagnostic& d) { return d.severity == severity; }));
}

PipelineKind detectKind(const QString& path, const QByteArray& text)
{
    const QString normalized = QDir::fromNativeSeparators(path);
    const QString name = QFileInfo(normalized).fileName();
    if (normalized.contains(u".github/workflows/") || GitHubWorkflow::isActionMetadata(normalized))
        return PipelineKind::GitHub;
    if (JenkinsPipeline::isJenkinsPath(normalized))
        return PipelineKind::Jenkins;
    if (name.endsWith(u".gitlab-ci.yml") || name.endsWith(u".gitlab-ci.yaml") || normalized.contains(u".gitlab/"))
        return PipelineKind::GitLab;
    // Content: a workflow has top-level `on:` and `jobs:`; GitLab has no `jobs:` keyword.
    static const QRegularExpression on(QStringLiteral("^(on|\"on\"|'on'):"), QRegularExpression::MultilineOption);
    static const QRegularExpression jobs(QStringLiteral("^jobs:"), QRegularExpression::MultilineOption);
    const QString head = QString::fromUtf8(text.left(1 << 20));
    if (!name.endsWith(u".yml") && !name.endsWith(u".yaml") && JenkinsPipeline::hasPipelineBlock(text.left(1 << 20)))
        return PipelineKind::Jenkins;
    if (on.match(head).hasMatch() && jobs.match(head).hasMatch())
        return PipelineKind::GitHub;
    static const QRegularExpression runs(QStringLiteral("^runs:"), QRegularExpression::MultilineOption);
    if (runs.match(head).hasMatch() && head.contains(u"using:"))
        return PipelineKind::GitHub;
    return PipelineKind::GitLab;
}

ValidationResult validatePipeline(const QByteArray& text, const QString& path, const ValidationOptions& options)
{
    ValidationResult result;
    result.kind = options.kind == PipelineKind::Unknown ? detectKind(path, text) : options.kind;
    if (result.kind == PipelineKind::GitHub)
        result.model = GitHubWorkflow::analyze(text, path, options.files, result.diagnostics);
    else if (result.kind == PipelineKind::Jenkins)
        result.model = JenkinsPipeline::analyze(text, path, result.diagnostics);
    else
        result.model = GitLabPipeline::analyze(text, path, options.files, result.diagnostics);

    // Gates judge a pipeline that could be read; a file with syntax errors only gets those.
    const bool readable = std::none_of(result.diagnostics.cbegin(), result.diagnostics.cend(), [](const Diagnostic& d) {
        return d.category == Category::Syntax && d.severity == Severity::Error;
    });
    if (options.gates && readable && !result.model.jobs.isEmpty() && !GitHubWorkflow::isActionMetadata(path))
        PipelineGates::check(result.model, options.policy, result.diagnostics, options.files);
    normalizeDiagnostics(result.diagnostics);
    return result;
}

} // namespace gatehouse::pipeline
