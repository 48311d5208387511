// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineValidator.h"

#include "GitHubWorkflow.h"
#include "GitLabPipeline.h"
#include "PipelineGates.h"
#include "circleci/CircleCIConfig.h"
#include "jenkins/JenkinsPipeline.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>

#include <future>

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
    if (CircleCIConfig::isConfigPath(normalized))
        return PipelineKind::CircleCI;
    if (JenkinsPipeline::isJenkinsPath(normalized))
        return PipelineKind::Jenkins;
    if (name.endsWith(u".gitlab-ci.yml") || name.endsWith(u".gitlab-ci.yaml") || normalized.contains(u".gitlab/"))
        return PipelineKind::GitLab;
    // Content: a workflow has top-level `on:` and `jobs:`; GitLab has no `jobs:` keyword.
    static const QRegularExpression on(QStringLiteral("^(on|\"on\"|'on'):"), QRegularExpression::MultilineOption);
    static const QRegularExpression jobs(QStringLiteral("^jobs:"), QRegularExpression::MultilineOption);
    const QString head = QString::fromUtf8(text.left(1 << 20));
    // CircleCI: `version: 2.1` (or 2) with `jobs:`, `workflows:` or `orbs:` at the top level.
    static const QRegularExpression version(QStringLiteral("^version:\\s*['\"]?2(\\.[01])?['\"]?\\s*$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression workflows(QStringLiteral("^(workflows|orbs):"),
                                              QRegularExpression::MultilineOption);
    if (version.match(head).hasMatch() && (jobs.match(head).hasMatch() || workflows.match(head).hasMatch()))
        return PipelineKind::CircleCI;
    if (!name.endsWith(u".yml") && !name.endsWith(u".yaml") && JenkinsPipeline::hasPipelineBlock(text.left(1 << 20)))
        return PipelineKind::Jenkins;
    if (on.match(head).hasMatch() && jobs.match(head).hasMatch())
        return PipelineKind::GitHub;
    static const QRegularExpression runs(QStringLiteral("^runs:"), QRegularExpression::MultilineOption);
    if (runs.match(head).hasMatch() && head.contains(u"using:"))
        return PipelineKind::GitHub;
    return PipelineKind::GitLab;
}

namespace {

/// Gates judge a pipeline that could be read; a file with syntax errors only gets those.
bool readable(const QList<Diagnostic>& diagnostics)
{
    return std::none_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic& d) {
        return d.category == Category::Syntax && d.severity == Severity::Error;
    });
}

/// The same files, read by one thread at a time: the analyzer and the gates may read them side by side, and a
/// FileSource need only be callable from one validating thread.
FileSource serialized(const FileSource& files)
{
    if (!files.isValid())
        return files;
    auto lock = std::make_shared<QMutex>();
    FileSource result = files;
    result.read = [lock, read = files.read](const QString& path) {
        const QMutexLocker locker(lock.get());
        return read(path);
    };
    if (files.list)
        result.list = [lock, list = files.list] {
            const QMutexLocker locker(lock.get());
            return list();
        };
    return result;
}

struct GateRun
{
    PipelineModel model;
    QList<Diagnostic> diagnostics;
};

/// Below this many jobs a second thread costs more than it saves.
constexpr qsizetype ParallelGatesJobs = 200;

} // namespace

ValidationResult validatePipeline(const QByteArray& text, const QString& path, const ValidationOptions& options)
{
    ValidationResult result;
    result.kind = options.kind == PipelineKind::Unknown ? detectKind(path, text) : options.kind;
    const bool gates = options.gates && !GitHubWorkflow::isActionMetadata(path);
    std::future<GateRun> gateRun;
    // The gates need only the jobs: on a large pipeline they run beside the analyzer's own checks (then the files
    // are read by one thread at a time).
    const FileSource files = options.parallel ? serialized(options.files) : options.files;
    std::function<void(const PipelineModel&)> ready;
    if (options.parallel && gates) {
        ready = [&](const PipelineModel& built) {
            if (built.jobs.size() < ParallelGatesJobs || !readable(result.diagnostics))
                return;
            gateRun = std::async(std::launch::async, [model = built, &options, files]() mutable {
                GateRun run{std::move(model), {}};
                PipelineGates::check(run.model, options.policy, run.diagnostics, files);
                return run;
            });
        };
    }
    if (result.kind == PipelineKind::GitHub) {
        result.model = GitHubWorkflow::analyze(text, path, files, result.diagnostics, ready);
    } else if (result.kind == PipelineKind::CircleCI) {
        result.model = CircleCIConfig::analyze(text, path, options.files, result.diagnostics);
    } else if (result.kind == PipelineKind::Jenkins) {
        result.model = JenkinsPipeline::analyze(text, path, result.diagnostics);
    } else {
        result.model = GitLabPipeline::analyze(text, path, files, result.diagnostics, ready);
    }

    if (gateRun.valid()) {
        GateRun run = gateRun.get();
        // The analyzer's checks may still have found the pipeline unreadable; then only those count.
        if (readable(result.diagnostics) && run.model.jobs.size() == result.model.jobs.size()) {
            for (qsizetype i = 0; i < run.model.jobs.size(); ++i)
                result.model.jobs[i].gates = run.model.jobs.at(i).gates;
            result.diagnostics.append(run.diagnostics);
        }
    } else if (gates && readable(result.diagnostics) && !result.model.jobs.isEmpty()) {
        PipelineGates::check(result.model, options.policy, result.diagnostics, options.files);
    }
    normalizeDiagnostics(result.diagnostics);
    return result;
}

} // namespace gatehouse::pipeline
