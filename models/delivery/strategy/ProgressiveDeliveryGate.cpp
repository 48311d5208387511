// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressiveDeliveryGate.h"

#include "EnvironmentNames.h"
#include "ManifestReader.h"
#include "PipelineDeployScanner.h"
#include "StrategyDetector.h"

#include "pipeline/PipelineGates.h"

#include <QSet>

namespace gatehouse::delivery {

using namespace gatehouse::pipeline;

namespace {

const QString Gate = QStringLiteral("progressive-delivery");

// Where the strategy was read, as " (path:line)", empty when nothing says.
QString sourceOf(const EnvironmentStrategy& strategy)
{
    if (strategy.sources.isEmpty())
        return {};
    return QStringLiteral(" (%1:%2)").arg(strategy.sources.constFirst().path).arg(strategy.sources.constFirst().line);
}

// How a deployment that is not progressive reaches the environment: "a rolling deployment (k8s/api.yaml:3), all
// users at once"; a deployment whose files state no strategy is said to be one, not called "unknown".
QString allAtOnce(const EnvironmentStrategy& strategy)
{
    if (strategy.strategy == StrategyKind::Unknown)
        return QStringLiteral("a deployment%1 that states no rollout strategy, so all users may get it at once")
            .arg(sourceOf(strategy));
    const QString kind = strategyKindName(strategy.strategy);
    const bool vowel = !kind.isEmpty() && QStringLiteral("aeiou").contains(kind.at(0));
    return QStringLiteral("%1 %2 deployment%3, all users at once")
        .arg(vowel ? QStringLiteral("an") : QStringLiteral("a"), kind, sourceOf(strategy));
}

} // namespace

void ProgressiveDeliveryGate::install()
{
    PipelineGates::addExternalGate(&ProgressiveDeliveryGate::check);
}

void ProgressiveDeliveryGate::check(PipelineModel& model, const GatePolicy& policy, const FileSource& files,
                                    QList<Diagnostic>& diagnostics)
{
    if (!policy.isEnabled(Gate))
        return;
    QStringList names = policy.parameter(Gate, QStringLiteral("environments")).toStringList();
    if (names.isEmpty())
        names = {QStringLiteral("production")};
    for (QString& name : names)
        name = EnvironmentNames::fromDeclared(name);
    // Only the pipelines that deliver to production are judged: the gate is about how they reach users.
    QList<PipelineJob*> production;
    QString environment;
    for (PipelineJob& job : model.jobs) {
        if (job.environment.isEmpty() || (!job.environmentAction.isEmpty() && job.environmentAction != u"start"))
            continue;
        const QString name = EnvironmentNames::fromDeclared(job.environment);
        if (names.contains(name) || (job.environmentTier == u"production" && names.contains(u"production"))) {
            production.append(&job);
            if (environment.isEmpty())
                environment = names.contains(name) ? name : QStringLiteral("production");
        }
    }
    if (production.isEmpty())
        return;

    // This pipeline as resolved (includes, extends, !reference), the rest of the repository as files.
    StrategyDetector detector;
    QList<StrategyFinding> own;
    QSet<QString> seen;
    for (const PipelineJob& job : std::as_const(model.jobs)) {
        if (job.hidden || seen.contains(job.baseName) || PipelineDeployScanner::isApproval(model.kind, job))
            continue;
        seen.insert(job.baseName);
        if (auto finding = PipelineDeployScanner::evaluate(model.file, PipelineDeployScanner::jobOf(job, model.kind)))
            own.append(*finding);
    }
    detector.addPipelineFindings(own);
    if (files.isValid() && files.list) {
        const QSet<QString> mine(model.files.cbegin(), model.files.cend());
        for (const QString& path : files.list()) {
            if (mine.contains(path) || !StrategyDetector::isCandidate(path))
                continue;
            if (const Result<QByteArray> content = files.read(path);
                content.ok() && content.value().size() <= ManifestReader::MaxFileSize)
                detector.addFile(path, content.value());
        }
    }
    const StrategyReport report = detector.report();
    const EnvironmentStrategy* strategy = report.environment(environment);

    const bool progressive
        = strategy && (strategy->strategy == StrategyKind::Canary || strategy->strategy == StrategyKind::BlueGreen);
    const bool automatic = strategy && strategy->rollback == RollbackMode::Automatic;
    const bool onMetric = strategy && !strategy->metrics.isEmpty();
    if (progressive && automatic && onMetric) {
        for (PipelineJob* job : std::as_const(production))
            job->gates.append(Gate);
        return;
    }
    QString found;
    if (!strategy)
        found = QStringLiteral("no rollout strategy was found for it");
    else if (!progressive)
        found = QStringLiteral("it is reached by ") + allAtOnce(*strategy);
    else if (!onMetric)
        found = QStringLiteral("its %1 rollout%2 watches no metric")
                    .arg(strategyKindName(strategy->strategy), sourceOf(*strategy));
    else
        found = QStringLiteral("its %1 rollout%2 has %3 rollback")
                    .arg(strategyKindName(strategy->strategy), sourceOf(*strategy),
                         strategy->rollback == RollbackMode::Manual ? QStringLiteral("only a manual")
                                                                    : QStringLiteral("no"));
    const PipelineJob& job = *production.constFirst();
    const YamlNode* at = job.config.get(u"environment");
    if (at && at->isMap() && at->get(u"name"))
        at = at->get(u"name");
    Diagnostic d;
    d.file = at ? model.files.value(at->file, job.file) : job.file;
    d.line = at && at->line ? at->line : job.line;
    d.column = at && at->line ? at->column : job.column;
    d.severity = policy.severity(Gate);
    d.category = Category::Gate;
    d.rule = QStringLiteral("gate.") + Gate;
    d.message = QStringLiteral("'%1' deploys to %2, but %3; expected a canary or blue-green rollout with an automatic "
                               "rollback on a metric (e.g. a Flagger Canary with analysis metrics)")
                    .arg(job.baseName, environment, found);
    diagnostics.append(d);
}

} // namespace gatehouse::delivery
