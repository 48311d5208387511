// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrchestratorReader.h"

#include "HclReader.h"
#include "delivery/strategy/EnvironmentNames.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace gatehouse::delivery {

namespace {

constexpr qint64 MaxFileSize = 2 * 1024 * 1024;

QString environmentFor(const QString& path, const QStringList& names)
{
    if (QString fromPath = EnvironmentNames::fromPath(path); !fromPath.isEmpty())
        return fromPath;
    for (const QString& name : names) {
        if (QString known = EnvironmentNames::fromText(name); !known.isEmpty())
            return known;
    }
    return QStringLiteral("default");
}

/// Batches of a rolling update as weight steps (the share of instances on the new version), at most 10.
void batchSteps(StrategyFinding& finding, int instances, int perBatch, const QString& pause)
{
    if (instances <= 0 || perBatch <= 0)
        return;
    const int batches = (instances + perBatch - 1) / perBatch;
    if (batches > 10 || batches < 2)
        return;
    for (int b = 1; b <= batches; ++b) {
        finding.steps << StrategyStep::makeWeight(std::min(100, int(std::lround(100.0 * b * perBatch / instances))));
        if (b < batches && !pause.isEmpty() && pause != QLatin1String("0s") && pause != QLatin1String("0"))
            finding.steps << StrategyStep::makePause(pause);
    }
}

// --- Docker Swarm (Compose deploy:) -------------------------------------------------------------------------------

QString scalar(const YAML::Node& node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

YAML::Node child(const YAML::Node& node, const char* key)
{
    if (!node || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (const auto& entry : node) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key)
            return entry.second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<int> integer(const YAML::Node& node)
{
    bool ok = false;
    const int value = scalar(node).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

void readSwarmService(const QString& path, const QString& name, const YAML::Node& service, ManifestScan& scan)
{
    const YAML::Node deploy = child(service, "deploy");
    if (!deploy || !deploy.IsMap())
        return;
    const QString mode = scalar(child(deploy, "mode"));
    const int replicas = integer(child(deploy, "replicas")).value_or(1);
    const YAML::Node update = child(deploy, "update_config");
    const YAML::Node rollback = child(deploy, "rollback_config");

    StrategyFinding finding;
    finding.environment = environmentFor(path, {QFileInfo(path).completeBaseName(), name});
    finding.source = StrategySource{path, deploy.Mark().line + 1, QStringLiteral("SwarmService"), name};
    finding.strength = update ? strength::Controller : strength::Deployment;
    // Docker's defaults: one task at a time, no delay, pause on failure, stop the old task first.
    const int parallelism = integer(child(update, "parallelism")).value_or(1);
    const QString delay = scalar(child(update, "delay"));
    const QString order = scalar(child(update, "order"));
    const QString failureAction = scalar(child(update, "failure_action"));
    if (parallelism == 0)
        finding.strategy = order == QLatin1String("start-first") ? StrategyKind::BlueGreen : StrategyKind::Recreate;
    else
        finding.strategy = StrategyKind::Rolling;
    if (finding.strategy == StrategyKind::Rolling && mode != QLatin1String("global"))
        batchSteps(finding, replicas, parallelism, delay);
    if (finding.strategy == StrategyKind::BlueGreen)
        finding.steps << StrategyStep::makePromote(true);

    if (failureAction == QLatin1String("rollback"))
        finding.rollback = RollbackMode::Automatic;
    else if (rollback)
        finding.rollback = RollbackMode::Manual;

    const QString monitor = scalar(child(update, "monitor"));
    const QString ratio = scalar(child(update, "max_failure_ratio"));
    if (update && (!monitor.isEmpty() || !ratio.isEmpty())) {
        MetricGate gate;
        gate.name = QStringLiteral("failure-ratio");
        bool ok = false;
        const double max = ratio.toDouble(&ok);
        gate.max = ok ? max : 0.0;
        gate.interval = monitor;
        gate.condition = QStringLiteral("failure_action: %1")
                             .arg(failureAction.isEmpty() ? QStringLiteral("pause") : failureAction);
        finding.metrics << gate;
    }
    const YAML::Node health = child(service, "healthcheck");
    if (health && health.IsMap() && scalar(child(health, "disable")) != QLatin1String("true")) {
        MetricGate gate;
        gate.name = QStringLiteral("healthcheck");
        gate.interval = scalar(child(health, "interval"));
        const YAML::Node test = child(health, "test");
        if (test.IsSequence()) {
            QStringList words;
            for (const YAML::Node& word : test)
                words << scalar(word);
            gate.condition = words.join(QLatin1Char(' '));
        } else {
            gate.condition = scalar(test);
        }
        gate.failureLimit = integer(child(health, "retries"));
        finding.metrics << gate;
    }
    scan.findings << finding;
}

void readCompose(const QString& path, const QByteArray& content, ManifestScan& scan)
{
    try {
        const YAML::Node root = YAML::Load(content.toStdString());
        const YAML::Node services = child(root, "services");
        if (!services || !services.IsMap())
            return;
        ++scan.documents;
        for (const auto& entry : services)
            readSwarmService(path, scalar(entry.first), entry.second, scan);
    } catch (const YAML::Exception& error) {
        scan.diagnostics.append({path, error.mark.line >= 0 ? error.mark.line + 1 : 0,
                                 error.mark.column >= 0 ? error.mark.column + 1 : 0, QStringLiteral("strategy.yaml"),
                                 QString::fromStdString(error.msg)});
    }
}

// --- Nomad --------------------------------------------------------------------------------------------------------

/// The `update` block, as written (empty fields: not given).
struct NomadUpdate
{
    bool present = false;
    std::optional<int> canary;
    std::optional<int> maxParallel;
    std::optional<bool> autoPromote;
    std::optional<bool> autoRevert;
    QString healthCheck;
    QString minHealthyTime;
    QString healthyDeadline;
    int line = 0;

    void overrideWith(const NomadUpdate& group)
    {
        if (!group.present)
            return;
        present = true;
        line = group.line;
        canary = group.canary ? group.canary : canary;
        maxParallel = group.maxParallel ? group.maxParallel : maxParallel;
        autoPromote = group.autoPromote ? group.autoPromote : autoPromote;
        autoRevert = group.autoRevert ? group.autoRevert : autoRevert;
        healthCheck = group.healthCheck.isEmpty() ? healthCheck : group.healthCheck;
        minHealthyTime = group.minHealthyTime.isEmpty() ? minHealthyTime : group.minHealthyTime;
        healthyDeadline = group.healthyDeadline.isEmpty() ? healthyDeadline : group.healthyDeadline;
    }
};

struct NomadGroup
{
    QString name;
    int count = 1;
    int line = 0;
    NomadUpdate update;
};

struct NomadJob
{
    QString name;
    QString ns;
    QStringList datacenters;
    QString type;
    int line = 0;
    NomadUpdate update;
    QList<NomadGroup> groups;
};

/// Nomad's JSON API gives durations in nanoseconds.
QString nanosText(double ns)
{
    const qint64 seconds = qint64(ns / 1e9);
    if (seconds > 0 && seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    if (seconds > 0)
        return QStringLiteral("%1s").arg(seconds);
    return QStringLiteral("%1ms").arg(qint64(ns / 1e6));
}

QString hclText(const HclAttribute* a)
{
    return a ? a->value.text : QString();
}

std::optional<int> hclInt(const HclAttribute* a)
{
    if (!a)
        return std::nullopt;
    const auto n = a->value.toNumber();
    return n ? std::optional<int>(int(*n)) : std::nullopt;
}

std::optional<bool> hclBool(const HclAttribute* a)
{
    return a ? a->value.toBool() : std::nullopt;
}

NomadUpdate updateFromHcl(const HclBlock* block)
{
    NomadUpdate u;
    if (!block)
        return u;
    u.present = true;
    u.line = block->line;
    u.canary = hclInt(block->attribute(QStringLiteral("canary")));
    u.maxParallel = hclInt(block->attribute(QStringLiteral("max_parallel")));
    u.autoPromote = hclBool(block->attribute(QStringLiteral("auto_promote")));
    u.autoRevert = hclBool(block->attribute(QStringLiteral("auto_revert")));
    u.healthCheck = hclText(block->attribute(QStringLiteral("health_check")));
    u.minHealthyTime = hclText(block->attribute(QStringLiteral("min_healthy_time")));
    u.healthyDeadline = hclText(block->attribute(QStringLiteral("healthy_deadline")));
    return u;
}

NomadUpdate updateFromJson(const QJsonValue& value)
{
    NomadUpdate u;
    if (!value.isObject())
        return u;
    const QJsonObject o = value.toObject();
    u.present = true;
    const auto number = [&o](const char* key) -> std::optional<int> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
    };
    const auto boolean = [&o](const char* key) -> std::optional<bool> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
    };
    const auto duration = [&o](const char* key) -> QString {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? nanosText(v.toDouble()) : v.toString();
    };
    u.canary = number("Canary");
    u.maxParallel = number("MaxParallel");
    u.autoPromote = boolean("AutoPromote");
    u.autoRevert = boolean("AutoRevert");
    u.healthCheck = o.value(QStringLiteral("HealthCheck")).toString();
    u.minHealthyTime = duration("MinHealthyTime");
    u.healthyDeadline = duration("HealthyDeadline");
    return u;
}

void emitNomad(const QString& path, const NomadJob& job, ManifestScan& scan)
{
    // Batch jobs and system jobs without an update block do not roll out; service jobs are what is deployed.
    if (job.type == QLatin1String("batch") || job.type == QLatin1String("sysbatch"))
        return;
    for (const NomadGroup& group : job.groups) {
        NomadUpdate u = job.update;
        u.overrideWith(group.update);
        StrategyFinding finding;
        finding.environment = environmentFor(path, QStringList{job.name, job.ns} + job.datacenters);
        finding.source = StrategySource{path, u.present ? u.line : group.line, QStringLiteral("NomadJob"),
                                        job.name + QLatin1Char('/') + group.name};
        finding.strength = u.present ? strength::Controller : strength::Deployment;
        const int canary = u.canary.value_or(0);
        const int maxParallel = u.maxParallel.value_or(1);
        const bool autoPromote = u.autoPromote.value_or(false);
        if (canary > 0 && canary >= group.count) {
            finding.strategy = StrategyKind::BlueGreen;
            if (!autoPromote)
                finding.steps << StrategyStep::makePause(QStringLiteral("manual"));
            finding.steps << StrategyStep::makePromote(autoPromote);
        } else if (canary > 0) {
            finding.strategy = StrategyKind::Canary;
            finding.steps << StrategyStep::makeWeight(int(std::lround(100.0 * canary / std::max(1, group.count))));
            if (!autoPromote)
                finding.steps << StrategyStep::makePause(QStringLiteral("manual"));
            finding.steps << StrategyStep::makePromote(autoPromote);
        } else if (u.present && maxParallel == 0) {
            finding.strategy = StrategyKind::Recreate; // max_parallel = 0 turns deployments off: replaced at once
        } else {
            finding.strategy = StrategyKind::Rolling;
            batchSteps(finding, group.count, maxParallel, {});
        }
        if (u.autoRevert.value_or(false))
            finding.rollback = RollbackMode::Automatic;
        else if (canary > 0)
            finding.rollback = RollbackMode::Manual;
        if (u.present) {
            MetricGate gate;
            gate.name = u.healthCheck.isEmpty() ? QStringLiteral("checks") : u.healthCheck;
            gate.interval = u.minHealthyTime;
            if (!u.healthyDeadline.isEmpty())
                gate.condition = QStringLiteral("healthy within %1").arg(u.healthyDeadline);
            finding.metrics << gate;
        }
        scan.findings << finding;
    }
}

void readNomadHcl(const QString& path, const QByteArray& content, ManifestScan& scan)
{
    const HclReader::Parsed parsed = HclReader::parse(QString::fromUtf8(content));
    if (parsed.error) {
        scan.diagnostics.append(
            {path, parsed.error->line, parsed.error->column, QStringLiteral("strategy.hcl"), parsed.error->message});
        return;
    }
    for (const HclBlock* jobBlock : parsed.body.blocksOf(QStringLiteral("job"))) {
        ++scan.documents;
        NomadJob job;
        job.name = jobBlock->labels.value(0);
        job.line = jobBlock->line;
        job.ns = hclText(jobBlock->attribute(QStringLiteral("namespace")));
        job.type = hclText(jobBlock->attribute(QStringLiteral("type")));
        if (const HclAttribute* dcs = jobBlock->attribute(QStringLiteral("datacenters"))) {
            for (const HclValue& dc : dcs->value.items)
                job.datacenters << dc.text;
        }
        job.update = updateFromHcl(jobBlock->block(QStringLiteral("update")));
        for (const HclBlock* groupBlock : jobBlock->blocksOf(QStringLiteral("group"))) {
            NomadGroup group;
            group.name = groupBlock->labels.value(0);
            group.line = groupBlock->line;
            group.count = hclInt(groupBlock->attribute(QStringLiteral("count"))).value_or(1);
            group.update = updateFromHcl(groupBlock->block(QStringLiteral("update")));
            job.groups << group;
        }
        emitNomad(path, job, scan);
    }
}

void readNomadJson(const QString& path, const QByteArray& content, ManifestScan& scan)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = content.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        scan.diagnostics.append({path, line, column, QStringLiteral("strategy.json"), error.errorString()});
        return;
    }
    QJsonObject root = document.object();
    const QJsonObject object
        = root.contains(QStringLiteral("Job")) ? root.value(QStringLiteral("Job")).toObject() : root;
    if (!object.contains(QStringLiteral("TaskGroups"))) {
        scan.diagnostics.append({path, 1, 1, QStringLiteral("strategy.shape"),
                                 QStringLiteral("a Nomad JSON job needs \"Job\" with \"TaskGroups\"")});
        return;
    }
    ++scan.documents;
    NomadJob job;
    job.name = object.value(QStringLiteral("Name")).toString(object.value(QStringLiteral("ID")).toString());
    job.ns = object.value(QStringLiteral("Namespace")).toString();
    job.type = object.value(QStringLiteral("Type")).toString();
    for (const QJsonValue& dc : object.value(QStringLiteral("Datacenters")).toArray())
        job.datacenters << dc.toString();
    job.line = 1;
    job.update = updateFromJson(object.value(QStringLiteral("Update")));
    job.update.line = 1;
    for (const QJsonValue& value : object.value(QStringLiteral("TaskGroups")).toArray()) {
        const QJsonObject g = value.toObject();
        NomadGroup group;
        group.name = g.value(QStringLiteral("Name")).toString();
        group.count = g.value(QStringLiteral("Count")).toInt(1);
        group.line = 1;
        group.update = updateFromJson(g.value(QStringLiteral("Update")));
        group.update.line = 1;
        job.groups << group;
    }
    emitNomad(path, job, scan);
}

bool isYaml(const QString& lower)
{
    return lower.endsWith(QLatin1String(".yml")) || lower.endsWith(QLatin1String(".yaml"));
}

} // namespace

bool OrchestratorReader::isCandidatePath(const QString& path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".nomad")) || lower.endsWith(QLatin1String(".nomad.hcl"))
        || lower.endsWith(QLatin1String(".nomad.json")) || lower.endsWith(QLatin1String(".hcl")))
        return true;
    return isYaml(lower) && ManifestReader::isCandidatePath(path);
}

void OrchestratorReader::read(const QString& path, const QByteArray& content, ManifestScan& scan)
{
    if (!isCandidatePath(path))
        return;
    if (content.size() > MaxFileSize) {
        scan.diagnostics.append(
            {path, 0, 0, QStringLiteral("strategy.too-large"),
             QStringLiteral("%1 bytes, above the %2-byte limit; not read").arg(content.size()).arg(MaxFileSize)});
        return;
    }
    if (content.contains('\0')) {
        scan.diagnostics.append(
            {path, 0, 0, QStringLiteral("strategy.binary"), QStringLiteral("binary content; not read")});
        return;
    }
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".json"))) {
        readNomadJson(path, content, scan);
    } else if (!isYaml(lower)) {
        // Terraform and Packer files are HCL too: only files with a job block are Nomad's.
        static const QRegularExpression jobBlock(QStringLiteral(R"(^\s*job\s+"[^"]*"\s*\{)"),
                                                 QRegularExpression::MultilineOption);
        if (lower.endsWith(QLatin1String(".hcl")) && !lower.endsWith(QLatin1String(".nomad.hcl"))
            && !jobBlock.match(QString::fromUtf8(content)).hasMatch())
            return;
        readNomadHcl(path, content, scan);
    } else {
        // Cheap filter: a Swarm stack has top-level services with a deploy section; Kubernetes manifests say kind.
        static const QRegularExpression services(QStringLiteral(R"(^services\s*:)"),
                                                 QRegularExpression::MultilineOption);
        if (!content.contains("deploy:") || !services.match(QString::fromUtf8(content)).hasMatch())
            return;
        readCompose(path, content, scan);
    }
}

// --- Pipeline commands --------------------------------------------------------------------------------------------

bool OrchestratorCommands::deploys(const QString& command)
{
    static const QRegularExpression deploy(
        QStringLiteral(
            R"(\bdocker\s+(service\s+(update|create|rollback)|stack\s+deploy)\b|\bnomad\s+(job\s+)?(run|promote|revert)\b|\bnomad\s+deployment\s+(promote|fail)\b|\blevant\s+deploy\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return deploy.match(command).hasMatch();
}

void OrchestratorCommands::refine(const PipelineDeployScanner::Job& job, StrategyFinding& finding)
{
    static const QRegularExpression serviceUpdate(QStringLiteral(R"(\bdocker\s+service\s+update\b)"));
    static const QRegularExpression parallelism(QStringLiteral(R"(--update-parallelism[= ](\d+))"));
    static const QRegularExpression delay(QStringLiteral(R"(--update-delay[= ](\S+))"));
    static const QRegularExpression failureRollback(QStringLiteral(R"(--update-failure-action[= ]rollback\b)"));
    static const QRegularExpression startFirst(QStringLiteral(R"(--update-order[= ]start-first\b)"));
    static const QRegularExpression rollbackCommand(
        QStringLiteral(R"(\bdocker\s+service\s+rollback\b|\bnomad\s+(job\s+revert|deployment\s+fail)\b)"));
    static const QRegularExpression promote(QStringLiteral(R"(\bnomad\s+(job|deployment)\s+promote\b)"));
    static const QRegularExpression monitor(QStringLiteral(R"(--update-monitor[= ](\S+))"));
    static const QRegularExpression ratio(QStringLiteral(R"(--update-max-failure-ratio[= ]([0-9.]+))"));

    bool touched = false;
    for (const PipelineDeployScanner::Command& command : job.commands) {
        const QString text = command.text.toLower();
        if (!deploys(text))
            continue;
        touched = true;
        if (serviceUpdate.match(text).hasMatch()) {
            const auto p = parallelism.match(text);
            if (finding.strategy == StrategyKind::Unknown) {
                finding.strategy = p.hasMatch() && p.captured(1) == QLatin1String("0")
                    ? (startFirst.match(text).hasMatch() ? StrategyKind::BlueGreen : StrategyKind::Recreate)
                    : StrategyKind::Rolling;
                finding.strength = std::max(finding.strength, strength::PipelineDeploy);
            }
            if (const auto d = delay.match(text); d.hasMatch())
                finding.steps << StrategyStep::makePause(d.captured(1));
            if (failureRollback.match(text).hasMatch())
                finding.rollback = RollbackMode::Automatic;
            const auto m = monitor.match(text);
            const auto r = ratio.match(text);
            if (m.hasMatch() || r.hasMatch()) {
                MetricGate gate;
                gate.name = QStringLiteral("failure-ratio");
                gate.max = r.hasMatch() ? r.captured(1).toDouble() : 0.0;
                gate.interval = m.captured(1);
                finding.metrics << gate;
            }
        }
        if (promote.match(text).hasMatch())
            finding.steps << StrategyStep::makePromote(!job.manual);
        if (rollbackCommand.match(text).hasMatch())
            finding.rollback
                = std::max(finding.rollback, command.onFailure ? RollbackMode::Automatic : RollbackMode::Manual);
    }
    if (!touched)
        return;
    for (StrategyStep& step : finding.steps)
        step.job = job.name;
}

} // namespace gatehouse::delivery
