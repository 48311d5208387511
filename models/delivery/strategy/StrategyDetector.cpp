// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StrategyDetector.h"

#include "PipelineDeployScanner.h"
#include "git/Repository.h"
#include "orchestrators/OrchestratorReader.h"

#include <QJsonArray>

#include <algorithm>

namespace gatehouse::delivery {

namespace {

bool sourceLess(const StrategySource& a, const StrategySource& b)
{
    return a.path != b.path ? a.path < b.path : a.line < b.line;
}

bool diagnosticLess(const StrategyDiagnostic& a, const StrategyDiagnostic& b)
{
    if (a.path != b.path)
        return a.path < b.path;
    return a.line != b.line ? a.line < b.line : a.column < b.column;
}

EnvironmentStrategy mergeEnvironment(const QString& name, QList<StrategyFinding> findings)
{
    std::stable_sort(findings.begin(), findings.end(),
                     [](const StrategyFinding& a, const StrategyFinding& b) { return sourceLess(a.source, b.source); });
    EnvironmentStrategy result;
    result.environment = name;

    int topStrength = -1;
    for (const StrategyFinding& finding : std::as_const(findings)) {
        if (finding.strategy != StrategyKind::Unknown)
            topStrength = std::max(topStrength, finding.strength);
    }
    StrategyKind kind = StrategyKind::Unknown;
    for (const StrategyFinding& finding : std::as_const(findings)) {
        if (finding.strategy != StrategyKind::Unknown && finding.strength == topStrength)
            kind = std::max(kind, finding.strategy);
    }
    result.strategy = kind;

    // Steps from the deciding evidence: the first controller/manifest object, or every deciding pipeline job in order.
    const int deciding = kind == StrategyKind::Unknown ? -1 : topStrength;
    for (const StrategyFinding& finding : std::as_const(findings)) {
        const bool decides = kind == StrategyKind::Unknown ? finding.strategy == StrategyKind::Unknown
                                                           : finding.strategy == kind && finding.strength == deciding;
        if (!decides)
            continue;
        if (finding.source.kind == QLatin1String("job")) {
            result.steps += finding.steps;
        } else if (!finding.steps.isEmpty()) {
            result.steps = finding.steps;
            break;
        }
    }

    for (const StrategyFinding& finding : std::as_const(findings)) {
        if (result.expression.isEmpty() && !finding.expression.isEmpty()) {
            result.expression = finding.expression;
            result.resolvedFrom = finding.resolvedFrom;
        }
        result.chosenAtRunTime = result.chosenAtRunTime || finding.chosenAtRunTime;
        for (const MetricGate& gate : finding.metrics) {
            if (!result.metrics.contains(gate))
                result.metrics.append(gate);
        }
        result.rollback = std::max(result.rollback, finding.rollback);
        const bool relevant
            = finding.strategy == kind || !finding.metrics.isEmpty() || finding.rollback != RollbackMode::None;
        if (relevant && !result.sources.contains(finding.source))
            result.sources.append(finding.source);
    }
    std::sort(result.sources.begin(), result.sources.end(), sourceLess);
    return result;
}

} // namespace

const EnvironmentStrategy* StrategyReport::environment(const QString& name) const
{
    for (const EnvironmentStrategy& entry : environments) {
        if (entry.environment == name)
            return &entry;
    }
    return nullptr;
}

QJsonObject StrategyReport::toJson() const
{
    QJsonArray environmentArray;
    for (const EnvironmentStrategy& entry : environments)
        environmentArray.append(entry.toJson());
    QJsonArray diagnosticArray;
    for (const StrategyDiagnostic& diagnostic : diagnostics)
        diagnosticArray.append(diagnostic.toJson());
    return QJsonObject{{QStringLiteral("environments"), environmentArray},
                       {QStringLiteral("diagnostics"), diagnosticArray}};
}

bool StrategyDetector::isCandidate(const QString& path)
{
    return ManifestReader::isCandidatePath(path) || OrchestratorReader::isCandidatePath(path)
        || PipelineDeployScanner::flavourOf(path) != PipelineDeployScanner::Flavour::None;
}

void StrategyDetector::addFile(const QString& path, const QByteArray& content)
{
    const auto flavour = PipelineDeployScanner::flavourOf(path);
    if (flavour != PipelineDeployScanner::Flavour::None) {
        ++m_files;
        PipelineDeployScanner::read(path, content, flavour, m_pipelineFindings, m_manifests.diagnostics);
    } else if (ManifestReader::isCandidatePath(path)) {
        ++m_files;
        ManifestReader::read(path, content, m_manifests);
        OrchestratorReader::read(path, content, m_manifests); // Swarm stacks are YAML too
    } else if (OrchestratorReader::isCandidatePath(path)) {
        ++m_files;
        OrchestratorReader::read(path, content, m_manifests);
    }
}

void StrategyDetector::addDiagnostic(const StrategyDiagnostic& diagnostic)
{
    m_manifests.diagnostics.append(diagnostic);
}

StrategyReport StrategyDetector::report() const
{
    StrategyReport report;
    report.filesRead = m_files;
    report.diagnostics = m_manifests.diagnostics;
    report.environments
        = merge(m_manifests.findings + m_pipelineFindings, m_manifests.analysisTemplates, &report.diagnostics);
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), diagnosticLess);
    return report;
}

QList<EnvironmentStrategy> StrategyDetector::merge(QList<StrategyFinding> findings,
                                                   const QMap<QString, QList<MetricGate>>& analysisTemplates,
                                                   QList<StrategyDiagnostic>* diagnostics)
{
    QMap<QString, QList<StrategyFinding>> byEnvironment;
    for (StrategyFinding& finding : findings) {
        for (const QString& name : std::as_const(finding.analysisTemplates)) {
            const auto it = analysisTemplates.constFind(name);
            if (it == analysisTemplates.cend()) {
                if (diagnostics)
                    diagnostics->append({finding.source.path, finding.source.line, 1,
                                         QStringLiteral("strategy.template"),
                                         QStringLiteral("%1 %2 refers to AnalysisTemplate '%3', which is not in the "
                                                        "repository")
                                             .arg(finding.source.kind, finding.source.name, name)});
                continue;
            }
            for (const MetricGate& gate : *it) {
                if (!finding.metrics.contains(gate))
                    finding.metrics.append(gate);
            }
        }
        byEnvironment[finding.environment].append(finding);
    }
    QList<EnvironmentStrategy> result;
    for (auto it = byEnvironment.cbegin(); it != byEnvironment.cend(); ++it)
        result.append(mergeEnvironment(it.key(), it.value()));
    return result;
}

Result<StrategyReport> StrategyDetector::scanRepository(const QString& repositoryPath, const QString& revision,
                                                        ProgressSink* sink)
{
    auto repo = git::Repository::open(repositoryPath);
    if (!repo)
        return repo.error();
    StrategyDetector detector;
    const qint64 maxSize = ManifestReader::MaxFileSize;
    auto readFailed = [&detector](const QString& path, const Error& error) {
        const bool tooLarge = error.code == QLatin1String("io.too-large");
        detector.addDiagnostic(
            {path, 0, 0, tooLarge ? QStringLiteral("strategy.too-large") : QStringLiteral("strategy.read"),
             tooLarge
                 ? QStringLiteral("above the %1-byte limit for manifests; not read").arg(ManifestReader::MaxFileSize)
                 : error.toString()});
    };
    if (!revision.isEmpty()) {
        auto commit = repo->resolve(revision);
        if (!commit)
            return commit.error();
        auto files = repo->listFiles(*commit);
        if (!files)
            return files.error();
        qint64 done = 0;
        for (const git::TreeEntry& entry : std::as_const(*files)) {
            if (sink) {
                if (sink->isCancelled())
                    return makeError(QStringLiteral("cancelled"), QStringLiteral("strategy scan cancelled"));
                sink->report(++done, files->size(), QStringLiteral("strategies"));
            }
            if (!isCandidate(entry.path))
                continue;
            if (entry.size > maxSize) {
                readFailed(entry.path, makeError(QStringLiteral("io.too-large"), {}));
                continue;
            }
            auto content = repo->readBlob(entry.blob, maxSize);
            if (!content)
                readFailed(entry.path, content.error());
            else
                detector.addFile(entry.path, *content);
        }
    } else {
        if (repo->isBare())
            return makeError(QStringLiteral("git.bare"),
                             QStringLiteral("a bare repository has no work tree; give --rev"));
        auto files = repo->listWorkTreeFiles();
        if (!files)
            return files.error();
        qint64 done = 0;
        for (const QString& path : std::as_const(*files)) {
            if (sink) {
                if (sink->isCancelled())
                    return makeError(QStringLiteral("cancelled"), QStringLiteral("strategy scan cancelled"));
                sink->report(++done, files->size(), QStringLiteral("strategies"));
            }
            if (!isCandidate(path))
                continue;
            auto content = repo->readWorkTreeFile(path, maxSize);
            if (!content)
                readFailed(path, content.error());
            else
                detector.addFile(path, *content);
        }
    }
    return detector.report();
}

} // namespace gatehouse::delivery
