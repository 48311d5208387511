// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BufferValidation.h"

#include "QuickFix.h"

#include "git/Repository.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/IncrementalYamlReader.h"
#include "pipeline/PipelineGates.h"
#include "pipeline/PipelineValidator.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>

#include <memory>
#include <optional>

namespace gatehouse::pipeline {

namespace {
constexpr qint64 MaxNeighbourSize = 4 << 20;
constexpr int MaxListedFiles = 20000;
const QString PolicyPath = QStringLiteral(".gatehouse/policy.yml");
} // namespace

bool gateAppliesTo(const QString& gate, PipelineKind kind)
{
    static const QSet<QString> githubOnly{QStringLiteral("pinned-actions"), QStringLiteral("restricted-permissions"),
                                          QStringLiteral("untrusted-checkout"), QStringLiteral("script-injection")};
    return kind == PipelineKind::GitHub || !githubOnly.contains(gate);
}

FileSourceFactory workTreeSource(const QString& root, const QHash<QString, QByteArray>& overlay)
{
    return [root, overlay]() {
        FileSource source;
        source.complete = !root.isEmpty();
        source.read = [root, overlay](const QString& path) -> Result<QByteArray> {
            if (const auto it = overlay.constFind(path); it != overlay.constEnd())
                return *it;
            const QString clean = QDir::cleanPath(path);
            if (root.isEmpty() || clean.startsWith(u"../") || QDir::isAbsolutePath(clean))
                return makeError(QStringLiteral("io.not-found"),
                                 QStringLiteral("%1: outside the repository").arg(path));
            QFile file(QDir(root).filePath(clean));
            if (!file.open(QIODevice::ReadOnly))
                return makeError(QStringLiteral("io.not-found"),
                                 QStringLiteral("%1: %2").arg(path, file.errorString()));
            if (file.size() > MaxNeighbourSize)
                return makeError(QStringLiteral("io.too-large"), QStringLiteral("%1: file too large").arg(path));
            return file.readAll();
        };
        source.list = [root, overlay]() {
            QSet<QString> files(overlay.keyBegin(), overlay.keyEnd());
            if (root.isEmpty())
                return QStringList(files.cbegin(), files.cend());
            const QDir base(root);
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext() && files.size() < MaxListedFiles) {
                const QString relative = base.relativeFilePath(it.next());
                if (!relative.startsWith(u".git/"))
                    files.insert(relative);
            }
            QStringList list(files.cbegin(), files.cend());
            list.sort();
            return list;
        };
        return source;
    };
}

FileSourceFactory revisionSource(const QString& repositoryPath, const QString& revision)
{
    return [repositoryPath, revision]() {
        FileSource source;
        auto opened = git::Repository::open(repositoryPath);
        if (!opened.ok()) {
            const Error error = opened.error();
            source.read = [error](const QString&) -> Result<QByteArray> { return error; };
            return source;
        }
        // Shared by the lambdas of this one validation, which runs on one worker thread.
        auto repository = std::make_shared<git::Repository>(std::move(opened).value());
        auto commit = std::make_shared<Result<git::ObjectId>>(repository->resolve(revision));
        source.complete = commit->ok();
        source.read = [repository, commit](const QString& path) -> Result<QByteArray> {
            if (!commit->ok())
                return commit->error();
            return repository->readFile(commit->value(), path, MaxNeighbourSize);
        };
        source.list = [repository, commit]() {
            QStringList files;
            if (!commit->ok())
                return files;
            const auto entries = repository->listFiles(commit->value());
            if (entries.ok()) {
                for (const auto& entry : entries.value())
                    files.append(entry.path);
            }
            return files;
        };
        return source;
    };
}

BufferValidation validateBuffer(const QByteArray& text, const QString& path, const FileSource& files,
                                IncrementalYamlReader* reuse)
{
    std::optional<YamlReuseScope> scope;
    if (reuse)
        scope.emplace(*reuse, text, path);
    QElapsedTimer timer;
    timer.start();
    BufferValidation result;
    result.path = path;

    ValidationOptions options;
    options.files = files;
    QList<Diagnostic> policyProblems;
    if (files.isValid() && path != PolicyPath) {
        const Result<QByteArray> policy = files.read(PolicyPath);
        if (policy.ok())
            options.policy = GatePolicy::parse(policy.value(), PolicyPath, &policyProblems);
    }
    ValidationResult validation = validatePipeline(text, path, options);
    result.model = std::move(validation.model);
    result.diagnostics = std::move(validation.diagnostics);
    result.diagnostics += policyProblems;

    result.parsed = true;
    for (const Diagnostic& d : std::as_const(result.diagnostics)) {
        if (d.category == Category::Syntax && d.severity == Severity::Error && (d.file == path || d.file.isEmpty())) {
            result.parsed = false;
            result.failureReason = d.line > 0 ? QStringLiteral("line %1: %2").arg(d.line).arg(d.message) : d.message;
            break;
        }
    }
    QSet<QString> failing;
    for (const Diagnostic& d : std::as_const(result.diagnostics)) {
        switch (d.severity) {
        case Severity::Error:
            ++result.errors;
            break;
        case Severity::Warning:
            ++result.warnings;
            break;
        case Severity::Info:
            ++result.infos;
            break;
        }
        // A gate fails on a problem at its policy severity; an info note below that (e.g. "check the reviewers
        // of this environment") is advice, not a failure.
        if (PipelineGates::failsGate(d, options.policy))
            failing.insert(d.rule.mid(5));
    }
    const PipelineKind kind = validation.kind;
    for (const GateInfo& gate : gateCatalog()) {
        GateStatus status;
        status.id = gate.id;
        status.title = gate.title;
        status.rationale = gate.rationale;
        const QString rule = QStringLiteral("gate.") + gate.id;
        for (const Diagnostic& d : std::as_const(result.diagnostics)) {
            if (d.rule == rule)
                status.problems.append(d);
        }
        if (!options.policy.isEnabled(gate.id)) {
            status.state = GateState::Disabled;
        } else if (!gateAppliesTo(gate.id, kind) || !result.parsed) {
            status.state = GateState::NotApplicable;
        } else {
            ++result.gatesApplicable;
            if (failing.contains(gate.id)) {
                ++result.gatesFailing;
                result.failingGates.append(gate.id);
                status.state = GateState::Fail;
                for (const Diagnostic& d : std::as_const(status.problems)) {
                    if (d.severity != Severity::Info || options.policy.severity(gate.id) == Severity::Info) {
                        status.evidence = d.message;
                        status.file = d.file;
                        status.line = d.line;
                        break;
                    }
                }
            } else {
                status.state = GateState::Pass;
                for (const PipelineJob& job : std::as_const(result.model.jobs)) {
                    if (job.gates.contains(gate.id)) {
                        status.evidence = QStringLiteral("job '%1'").arg(job.name);
                        status.file = job.file;
                        status.line = job.line;
                        break;
                    }
                }
                if (status.evidence.isEmpty() && !status.problems.isEmpty()) {
                    status.evidence = status.problems.constFirst().message;
                    status.line = status.problems.constFirst().line;
                    status.file = status.problems.constFirst().file;
                }
            }
        }
        result.gates.append(status);
    }
    if (result.parsed) {
        result.layout = layoutPipeline(result.model);
        result.merged = renderMergedConfiguration(result.model);
    }
    result.topLevelKeyLines = topLevelKeyLines(text);
    if (!result.failingGates.isEmpty()) {
        const QString source = QString::fromUtf8(text);
        for (const QString& gate : std::as_const(result.failingGates)) {
            if (quickFixForGate(gate, result, source))
                result.fixableGates.append(gate);
        }
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace gatehouse::pipeline
