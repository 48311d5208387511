// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressiveDeliveryGate.h"

#include "delivery/strategy/EnvironmentNames.h"
#include "delivery/strategy/ManifestReader.h"
#include "delivery/strategy/StrategyDetector.h"

#include <QSet>

namespace gatehouse::pipeline {

using delivery::PipelineDeployScanner;

namespace {

const QString Gate = QStringLiteral("progressive-delivery");

void scalars(const YamlNode& node, QStringList& out)
{
    if (node.isScalar())
        out.append(node.value);
    for (const YamlNode& item : node.items)
        scalars(item, out);
}

QList<PipelineDeployScanner::Command> commands(const QStringList& scripts, bool onFailure)
{
    QList<PipelineDeployScanner::Command> result;
    for (const QString& script : scripts) {
        QString pending;
        for (const QString& raw : script.split(u'\n')) {
            QString line = raw.trimmed();
            if (line.endsWith(u'\\')) {
                line.chop(1);
                pending += line + u' ';
                continue;
            }
            line = pending + line;
            pending.clear();
            if (!line.isEmpty() && !line.startsWith(u'#'))
                result.append({line, onFailure});
        }
        if (!pending.trimmed().isEmpty())
            result.append({pending.trimmed(), onFailure});
    }
    return result;
}

QMap<QString, QString> variables(const YamlNode* node)
{
    QMap<QString, QString> result;
    if (!node || !node->isMap())
        return result;
    for (size_t i = 0; i < node->keys.size(); ++i) {
        const YamlNode& value = node->items[i];
        const YamlNode* inner = value.isMap() ? value.get(u"value") : &value;
        result.insert(node->keys[i].value, inner ? inner->value : QString());
    }
    return result;
}

bool manual(const PipelineJob& job)
{
    if (job.when == u"manual")
        return true;
    const YamlNode* rules = job.config.get(u"rules");
    if (!rules || !rules->isSequence())
        return false;
    bool any = false;
    for (const YamlNode& rule : rules->items) {
        const YamlNode* when = rule.get(u"when");
        const QString w = when ? when->value : QStringLiteral("on_success");
        if (w == u"never")
            continue;
        if (w != u"manual")
            return false;
        any = true;
    }
    return any;
}

QString describe(const delivery::EnvironmentStrategy& strategy)
{
    QString text = delivery::strategyKindName(strategy.strategy);
    if (!strategy.sources.isEmpty())
        text += QStringLiteral(" (%1:%2)")
                    .arg(strategy.sources.constFirst().path)
                    .arg(strategy.sources.constFirst().line);
    return text;
}

} // namespace

PipelineDeployScanner::Job ProgressiveDeliveryGate::scannerJob(const PipelineJob& job, PipelineKind kind)
{
    PipelineDeployScanner::Job result;
    result.name = job.baseName;
    result.line = job.line;
    result.environment = job.environment;
    if (kind == PipelineKind::GitHub) {
        const YamlNode* condition = job.config.get(u"if");
        result.onFailure = condition && condition->value.contains(u"failure()");
        result.variables = variables(job.config.get(u"env"));
        if (const YamlNode* steps = job.config.get(u"steps"); steps && steps->isSequence()) {
            for (const YamlNode& step : steps->items) {
                const YamlNode* stepIf = step.get(u"if");
                const bool onFailure = result.onFailure || (stepIf && stepIf->value.contains(u"failure()"));
                if (const YamlNode* run = step.get(u"run"); run && run->isScalar())
                    result.commands += commands({run->value}, onFailure);
                const YamlNode* uses = step.get(u"uses");
                if (uses && uses->value.toLower().startsWith(u"azure/k8s-deploy")) {
                    const QMap<QString, QString> inputs = variables(step.get(u"with"));
                    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
                        result.deployInputs.insert(it.key(), it.value());
                    if (inputs.value(QStringLiteral("action")) == u"reject")
                        result.commands.append({QStringLiteral("k8s-deploy reject"), onFailure});
                }
                const QMap<QString, QString> env = variables(step.get(u"env"));
                for (auto it = env.cbegin(); it != env.cend(); ++it)
                    result.variables.insert(it.key(), it.value());
            }
        }
        return result;
    }
    result.manual = manual(job);
    result.onFailure = job.when == u"on_failure";
    QStringList scripts;
    for (const char16_t* key : {u"before_script", u"script", u"after_script"}) {
        if (const YamlNode* node = job.config.get(QStringView(key)))
            scalars(*node, scripts);
    }
    result.commands = commands(scripts, result.onFailure);
    result.variables = variables(job.config.get(u"variables"));
    return result;
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
        name = delivery::EnvironmentNames::fromDeclared(name);
    // Only the pipelines that deliver to production are judged: the gate is about how they reach users.
    QList<PipelineJob*> production;
    QString environment;
    for (PipelineJob& job : model.jobs) {
        if (job.environment.isEmpty() || (!job.environmentAction.isEmpty() && job.environmentAction != u"start"))
            continue;
        const QString name = delivery::EnvironmentNames::fromDeclared(job.environment);
        if (names.contains(name) || (job.environmentTier == u"production" && names.contains(u"production"))) {
            production.append(&job);
            if (environment.isEmpty())
                environment = names.contains(name) ? name : QStringLiteral("production");
        }
    }
    if (production.isEmpty())
        return;

    // This pipeline as resolved (includes, extends, !reference), the rest of the repository as files.
    delivery::StrategyDetector detector;
    QList<delivery::StrategyFinding> own;
    QSet<QString> seen;
    for (const PipelineJob& job : std::as_const(model.jobs)) {
        if (job.hidden || seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        if (auto finding = PipelineDeployScanner::evaluate(model.file, scannerJob(job, model.kind)))
            own.append(*finding);
    }
    detector.addPipelineFindings(own);
    if (files.isValid() && files.list) {
        const QSet<QString> mine(model.files.cbegin(), model.files.cend());
        for (const QString& path : files.list()) {
            if (mine.contains(path) || !delivery::StrategyDetector::isCandidate(path))
                continue;
            if (const Result<QByteArray> content = files.read(path);
                content.ok() && content.value().size() <= delivery::ManifestReader::MaxFileSize)
                detector.addFile(path, content.value());
        }
    }
    const delivery::StrategyReport report = detector.report();
    const delivery::EnvironmentStrategy* strategy = report.environment(environment);

    const bool progressive = strategy
        && (strategy->strategy == delivery::StrategyKind::Canary
            || strategy->strategy == delivery::StrategyKind::BlueGreen);
    const bool automatic = strategy && strategy->rollback == delivery::RollbackMode::Automatic;
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
        found = QStringLiteral("it is reached by a %1 deployment, all users at once").arg(describe(*strategy));
    else if (!onMetric)
        found = QStringLiteral("its %1 rollout watches no metric").arg(describe(*strategy));
    else
        found = QStringLiteral("its %1 rollout has %2 rollback")
                    .arg(describe(*strategy),
                         strategy->rollback == delivery::RollbackMode::Manual ? QStringLiteral("only a manual")
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

} // namespace gatehouse::pipeline
