// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scorecard.h"

#include "delivery/DeliveryAnalysis.h"
#include "delivery/DoraMetrics.h"
#include "git/Repository.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineValidator.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace gatehouse::scorecard {

namespace {

constexpr qint64 kThirtyDays = 30LL * 24 * 3600;
constexpr int kMaxSubjects = 200;

bool isPipelineConfig(const QString& path)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\A(?:\\.gitlab-ci\\.ya?ml|\\.gitlab/ci/.+\\.ya?ml|\\.github/workflows/[^/]+\\.ya?ml|"
                       "\\.github/actions/.+/action\\.ya?ml)\\z"));
    return pattern.match(path).hasMatch();
}

bool isGitHubWorkflow(const QString& path)
{
    return path.startsWith(QLatin1String(".github/"));
}

bool isManifestWithContent(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return (name.startsWith(QLatin1String("requirements")) && name.endsWith(QLatin1String(".txt")))
        || name == QLatin1String("pyproject.toml");
}

bool isVendored(const QString& path)
{
    return path.contains(QLatin1String("node_modules/")) || path.startsWith(QLatin1String("vendor/"))
        || path.contains(QLatin1String("/vendor/")) || path.contains(QLatin1String("third_party/"));
}

QString dirOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash + 1);
}

// --- V: pinning -------------------------------------------------------------------------------------------------

enum class Pin
{
    Strong,
    Tag,
    Floating
};

struct Reference
{
    QString path;
    int line = 0;
    QString text;
    Pin pin = Pin::Floating;
};

Pin classifyImage(QString image)
{
    image = image.trimmed();
    if (image.contains(QLatin1String("@sha256:")))
        return Pin::Strong;
    // Built from this very commit: as immutable as a digest.
    if (image.contains(QLatin1String("CI_COMMIT_SHA")) || image.contains(QLatin1String("github.sha")))
        return Pin::Strong;
    const QString last = image.section(QLatin1Char('/'), -1);
    const qsizetype colon = last.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return image.startsWith(QLatin1Char('$')) ? Pin::Tag : Pin::Floating; // a variable: explicit elsewhere
    const QString tag = last.mid(colon + 1);
    if (tag.isEmpty() || tag == QLatin1String("latest"))
        return Pin::Floating;
    static const QRegularExpression exactVersion(QStringLiteral("\\d+\\.\\d+"));
    if (exactVersion.match(tag).hasMatch() || tag.contains(QLatin1Char('$')))
        return Pin::Tag;
    return Pin::Floating; // `docker:27`, `node:lts`, `alpine:edge` move
}

Pin classifyUses(const QString& uses)
{
    if (uses.startsWith(QLatin1String("./")))
        return Pin::Strong;
    if (uses.startsWith(QLatin1String("docker://")))
        return classifyImage(uses.mid(9));
    const qsizetype at = uses.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return Pin::Floating;
    const QString version = uses.mid(at + 1);
    static const QRegularExpression sha(QStringLiteral("\\A[0-9a-f]{40}\\z"));
    if (sha.match(version).hasMatch())
        return Pin::Strong;
    static const QRegularExpression exactVersion(QStringLiteral("\\d+\\.\\d+"));
    return exactVersion.match(version).hasMatch() ? Pin::Tag : Pin::Floating;
}

struct PipelineFacts
{
    QList<Reference> references;
    bool reuse = false;
    QStringList reuseEvidence;
    std::optional<QStringList> gitlabStages;
    QStringList parseErrors;
};

void addReference(PipelineFacts& facts, const QString& path, const YAML::Node& node, bool isUses)
{
    if (!node.IsScalar())
        return;
    Reference reference;
    reference.path = path;
    reference.line = node.Mark().line + 1;
    reference.text = QString::fromStdString(node.Scalar()).trimmed();
    if (reference.text.isEmpty())
        return;
    reference.pin = isUses ? classifyUses(reference.text) : classifyImage(reference.text);
    facts.references.append(reference);
}

void walkPipelineNode(PipelineFacts& facts, const QString& path, const YAML::Node& node, int depth)
{
    if (depth > 64)
        return;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            walkPipelineNode(facts, path, item, depth + 1);
        return;
    }
    if (!node.IsMap())
        return;
    for (const auto& entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node& value = entry.second;
        if (key == "image") {
            if (value.IsScalar())
                addReference(facts, path, value, false);
            else if (value.IsMap() && value["name"])
                addReference(facts, path, value["name"], false);
        } else if (key == "services" && value.IsSequence()) {
            for (const YAML::Node& service : value) {
                if (service.IsScalar())
                    addReference(facts, path, service, false);
                else if (service.IsMap() && service["name"])
                    addReference(facts, path, service["name"], false);
            }
        } else if (key == "container" && value.IsScalar()) {
            addReference(facts, path, value, false);
        } else if (key == "uses" && value.IsScalar()) {
            addReference(facts, path, value, true);
            const QString uses = QString::fromStdString(value.Scalar());
            if (uses.startsWith(QLatin1String("./")) || uses.contains(QLatin1String("/.github/workflows/"))) {
                facts.reuse = true;
                facts.reuseEvidence.append(QStringLiteral("%1: uses %2").arg(path, uses));
            }
        } else if (key == "extends") {
            facts.reuse = true;
            facts.reuseEvidence.append(QStringLiteral("%1:%2: extends").arg(path).arg(value.Mark().line + 1));
        } else if (key == "workflow_call") {
            facts.reuse = true;
            facts.reuseEvidence.append(QStringLiteral("%1: reusable workflow (workflow_call)").arg(path));
        }
        walkPipelineNode(facts, path, value, depth + 1);
    }
}

PipelineFacts pipelineFacts(const ScorecardInputs& inputs)
{
    PipelineFacts facts;
    static const QRegularExpression anchors(QStringLiteral("(?:^|[\\s:\\-\\[,])&[A-Za-z0-9_.-]+|<<:\\s*\\*"),
                                            QRegularExpression::MultilineOption);
    for (auto it = inputs.contents.cbegin(); it != inputs.contents.cend(); ++it) {
        if (!isPipelineConfig(it.key()))
            continue;
        const QString text = QString::fromUtf8(it.value());
        if (!isGitHubWorkflow(it.key()) && anchors.match(text).hasMatch()) {
            facts.reuse = true;
            facts.reuseEvidence.append(QStringLiteral("%1: YAML anchors").arg(it.key()));
        }
        try {
            const YAML::Node root = YAML::Load(it.value().toStdString());
            if (!root.IsMap())
                continue;
            if (!isGitHubWorkflow(it.key()) && root["include"]) {
                facts.reuse = true;
                facts.reuseEvidence.append(QStringLiteral("%1: include").arg(it.key()));
            }
            if (it.key().startsWith(QLatin1String(".gitlab-ci."))) {
                QStringList stages;
                if (const YAML::Node node = root["stages"]; node && node.IsSequence()) {
                    for (const YAML::Node& stage : node) {
                        if (stage.IsScalar())
                            stages.append(QString::fromStdString(stage.Scalar()));
                    }
                } else {
                    // GitLab's default stages.
                    stages = {QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("deploy")};
                }
                facts.gitlabStages = stages;
            }
            walkPipelineNode(facts, it.key(), root, 0);
        } catch (const YAML::Exception& exception) {
            facts.parseErrors.append(QStringLiteral("%1:%2: %3")
                                         .arg(it.key())
                                         .arg(exception.mark.line + 1)
                                         .arg(QString::fromStdString(exception.msg)));
        }
    }
    return facts;
}

// --- the factors ------------------------------------------------------------------------------------------------

FactorResult factor(const char* id, const char* name)
{
    FactorResult result;
    result.id = QString::fromLatin1(id);
    result.name = QString::fromLatin1(name);
    return result;
}

FactorResult codebase(const ScorecardInputs& inputs, const QStringList& pipelineFiles)
{
    FactorResult result = factor("I", "Codebase");
    int conventional = 0;
    QString example;
    for (const QString& subject : inputs.recentSubjects) {
        if (Scorecard::isConventionalSubject(subject))
            ++conventional;
        else if (example.isEmpty())
            example = subject;
    }
    const qsizetype total = inputs.recentSubjects.size();
    const double share = total > 0 ? double(conventional) / double(total) : 0.0;
    result.sources = pipelineFiles;
    QString commits = total > 0 ? QStringLiteral("%1 of the last %2 non-merge commits (%3 %) follow Conventional "
                                                 "Commits")
                                      .arg(conventional)
                                      .arg(total)
                                      .arg(share * 100, 0, 'f', 0)
                                : QStringLiteral("no commits");
    if (!example.isEmpty())
        commits += QStringLiteral(" (e.g. not: \"%1\")").arg(example.left(60));
    const QString configs = pipelineFiles.isEmpty()
        ? QStringLiteral("no pipeline configuration is tracked")
        : QStringLiteral("%1 pipeline configuration file(s) tracked").arg(pipelineFiles.size());
    result.evidence = configs + QStringLiteral("; ") + commits + QLatin1Char('.');
    if (pipelineFiles.isEmpty() || total == 0 || share < 0.5)
        result.status = FactorStatus::Fail;
    else
        result.status = share >= 0.8 ? FactorStatus::Pass : FactorStatus::Warn;
    return result;
}

bool requirementsPinned(const QByteArray& content, QString* firstLoose)
{
    bool any = false;
    for (QString line : QString::fromUtf8(content).split(QLatin1Char('\n'))) {
        line = line.section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.endsWith(QLatin1Char('\\')))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('-')))
            continue;
        any = true;
        if (!line.contains(QLatin1String("=="))) {
            *firstLoose = line;
            return false;
        }
    }
    return any;
}

FactorResult dependencies(const ScorecardInputs& inputs)
{
    FactorResult result = factor("II", "Dependencies");
    const QSet<QString> files(inputs.files.cbegin(), inputs.files.cend());
    static const QHash<QString, QStringList> locks{
        {QStringLiteral("package.json"),
         {QStringLiteral("package-lock.json"), QStringLiteral("yarn.lock"), QStringLiteral("pnpm-lock.yaml"),
          QStringLiteral("npm-shrinkwrap.json"), QStringLiteral("bun.lockb")}},
        {QStringLiteral("go.mod"), {QStringLiteral("go.sum")}},
        {QStringLiteral("Cargo.toml"), {QStringLiteral("Cargo.lock")}},
        {QStringLiteral("Gemfile"), {QStringLiteral("Gemfile.lock")}},
        {QStringLiteral("composer.json"), {QStringLiteral("composer.lock")}},
        {QStringLiteral("Pipfile"), {QStringLiteral("Pipfile.lock")}},
        {QStringLiteral("pyproject.toml"),
         {QStringLiteral("poetry.lock"), QStringLiteral("uv.lock"), QStringLiteral("pdm.lock")}},
    };
    int manifests = 0;
    int locked = 0;
    QStringList loose;
    for (const QString& path : inputs.files) {
        if (isVendored(path))
            continue;
        const QString name = QFileInfo(path).fileName();
        const QString dir = dirOf(path);
        if (name.startsWith(QLatin1String("requirements")) && name.endsWith(QLatin1String(".txt"))) {
            ++manifests;
            QString firstLoose;
            if (requirementsPinned(inputs.contents.value(path), &firstLoose)) {
                ++locked;
                result.sources.append(path);
            } else {
                loose.append(firstLoose.isEmpty() ? path : QStringLiteral("%1 (%2)").arg(path, firstLoose));
            }
            continue;
        }
        const auto lockNames = locks.constFind(name);
        if (lockNames == locks.constEnd())
            continue;
        // A pyproject.toml that only configures tools declares no dependencies.
        if (name == QLatin1String("pyproject.toml")
            && !inputs.contents.value(path).contains(QByteArrayLiteral("dependencies")))
            continue;
        ++manifests;
        bool found = false;
        for (const QString& lock : lockNames.value()) {
            // Workspaces keep one lock file at the root.
            if (files.contains(dir + lock) || files.contains(lock)) {
                found = true;
                result.sources.append(files.contains(dir + lock) ? dir + lock : lock);
                break;
            }
        }
        if (!found && name == QLatin1String("pyproject.toml")) {
            for (const QString& other : inputs.files) {
                QString ignored;
                if (dirOf(other) == dir && QFileInfo(other).fileName().startsWith(QLatin1String("requirements"))
                    && requirementsPinned(inputs.contents.value(other), &ignored)) {
                    found = true;
                    break;
                }
            }
        }
        if (found)
            ++locked;
        else
            loose.append(path);
    }
    if (manifests == 0) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No dependency manifest found.");
        return result;
    }
    result.evidence
        = QStringLiteral("%1 of %2 dependency manifest(s) locked or fully pinned").arg(locked).arg(manifests);
    if (!loose.isEmpty())
        result.evidence += QStringLiteral("; not: %1").arg(loose.mid(0, 3).join(QLatin1String(", ")));
    result.evidence += QLatin1Char('.');
    result.status = locked == manifests ? FactorStatus::Pass : (locked > 0 ? FactorStatus::Warn : FactorStatus::Fail);
    return result;
}

FactorResult buildReleaseRun(const PipelineFacts& facts)
{
    FactorResult result = factor("V", "Pinned builds");
    int strong = 0;
    int tag = 0;
    QStringList floating;
    for (const Reference& reference : facts.references) {
        if (reference.pin == Pin::Strong)
            ++strong;
        else if (reference.pin == Pin::Tag)
            ++tag;
        else
            floating.append(QStringLiteral("%1:%2 %3").arg(reference.path).arg(reference.line).arg(reference.text));
        if (!result.sources.contains(reference.path))
            result.sources.append(reference.path);
    }
    if (facts.references.isEmpty()) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No container image or action reference in the pipeline configuration.");
        return result;
    }
    result.evidence = QStringLiteral("%1 image/action reference(s): %2 pinned by digest or commit SHA, %3 by an exact "
                                     "version tag only, %4 floating")
                          .arg(facts.references.size())
                          .arg(strong)
                          .arg(tag)
                          .arg(floating.size());
    if (!floating.isEmpty())
        result.evidence += QStringLiteral(" (%1%2)").arg(floating.mid(0, 3).join(QLatin1String("; ")),
                                                         floating.size() > 3 ? QStringLiteral("; …") : QString());
    result.evidence += QLatin1Char('.');
    result.status = !floating.isEmpty() ? FactorStatus::Fail : (tag > 0 ? FactorStatus::Warn : FactorStatus::Pass);
    return result;
}

FactorResult processes(const delivery::DeploymentHistory& history)
{
    FactorResult result = factor("VI", "Rollback points");
    const QList<int> production = history.indexesOf(QStringLiteral("production"));
    int rollbacks = 0;
    for (int index : production) {
        if (history.deployments.at(index).rollback)
            ++rollbacks;
    }
    if (production.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("No production deployment tag: nothing to roll back to.");
        return result;
    }
    const delivery::Deployment& last = history.deployments.at(production.last());
    result.sources.append(QStringLiteral("refs/tags/") + last.tag);
    result.evidence = QStringLiteral("%1 production deployment tag(s) are rollback points (last: %2, %3); %4 "
                                     "rollback(s) recorded.")
                          .arg(production.size())
                          .arg(last.tag, last.time.toUTC().toString(Qt::ISODate))
                          .arg(rollbacks);
    result.status = production.size() >= 2 ? FactorStatus::Pass : FactorStatus::Warn;
    return result;
}

// The pipeline engine's gates of one factor: an error-severity finding fails, a warning warns.
FactorResult gateFactor(const ScorecardInputs& inputs, const char* id, const char* name, const QString& focus)
{
    FactorResult result = factor(id, name);
    if (inputs.pipelinesValidated == 0) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline to check.");
        return result;
    }
    int enabled = 0;
    int passing = 0;
    int errors = 0;
    int warnings = 0;
    QStringList problems;
    QStringList disabled;
    for (const GateOutcome& gate : inputs.gates) {
        if (gate.factor != result.id)
            continue;
        if (!gate.enabled) {
            disabled.append(gate.gate);
            continue;
        }
        ++enabled;
        errors += gate.errors;
        warnings += gate.warnings;
        if (gate.errors == 0 && gate.warnings == 0)
            ++passing;
        else
            problems.append(QStringLiteral("%1 (%2)").arg(gate.gate, gate.firstProblem));
    }
    result.sources = {QStringLiteral(".gatehouse/policy.yml")};
    if (enabled == 0) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("Every gate of this factor is disabled in the policy (%1).")
                              .arg(disabled.join(QLatin1String(", ")));
        return result;
    }
    result.evidence = QStringLiteral("%1 of %2 enabled gate(s) pass over %3 pipeline(s)")
                          .arg(passing)
                          .arg(enabled)
                          .arg(inputs.pipelinesValidated);
    if (!problems.isEmpty())
        result.evidence += QStringLiteral("; failing: %1").arg(problems.mid(0, 3).join(QLatin1String("; ")));
    if (!disabled.isEmpty())
        result.evidence += QStringLiteral("; disabled: %1").arg(disabled.join(QLatin1String(", ")));
    result.evidence += QLatin1Char('.');
    if (!focus.isEmpty())
        result.evidence += QLatin1Char(' ') + focus;
    result.status = errors > 0 ? FactorStatus::Fail : (warnings > 0 ? FactorStatus::Warn : FactorStatus::Pass);
    return result;
}

FactorResult compliance(const ScorecardInputs& inputs)
{
    const QString path = QStringLiteral(".gatehouse/policy.yml");
    if (!inputs.contents.contains(path)) {
        FactorResult result = factor("VIII", "Compliance");
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("No policy file (.gatehouse/policy.yml): release gates are not written down.");
        return result;
    }
    FactorResult result = gateFactor(inputs, "VIII", "Compliance", {});
    if (!inputs.policyProblems.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("%1 has problems: %2.")
                              .arg(path, inputs.policyProblems.mid(0, 3).join(QLatin1String("; ")));
    } else if (result.status == FactorStatus::NotApplicable) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("%1 exists, but there is no pipeline that could enforce it.").arg(path);
    } else {
        result.evidence = path + QStringLiteral(" exists; ") + result.evidence;
    }
    result.sources = {path};
    return result;
}

FactorResult disposability(const PipelineFacts& facts, const QStringList& pipelineFiles)
{
    FactorResult result = factor("IX", "Reuse");
    if (pipelineFiles.isEmpty()) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline configuration.");
        return result;
    }
    result.sources = pipelineFiles;
    if (!facts.reuse) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("No include, extends, YAML anchor or reusable workflow: every job is written "
                                         "out in full.");
        return result;
    }
    result.status = FactorStatus::Pass;
    result.evidence = QStringLiteral("Pipeline definitions are reused: %1.")
                          .arg(facts.reuseEvidence.mid(0, 4).join(QLatin1String("; ")));
    return result;
}

FactorResult parity(const ScorecardInputs& inputs)
{
    FactorResult result = factor("X", "Telemetry");
    const QDateTime since = inputs.now.addSecs(-kThirtyDays);
    int deployments = 0;
    for (const delivery::Deployment& d : inputs.deployments.deployments) {
        if (d.time >= since && d.time <= inputs.now)
            ++deployments;
    }
    int scans = 0;
    for (const QDateTime& time : inputs.scanTimes) {
        if (time >= since && time <= inputs.now)
            ++scans;
    }
    result.evidence = QStringLiteral("In the 30 days to %1: %2 deployment(s) and %3 scan(s) recorded.")
                          .arg(inputs.now.toUTC().toString(Qt::ISODate))
                          .arg(deployments)
                          .arg(scans);
    result.sources
        = {QStringLiteral("refs/tags"), QStringLiteral("refs/notes/gatehouse-scans"), QStringLiteral("reports/")};
    result.status = deployments > 0 && scans > 0
        ? FactorStatus::Pass
        : (deployments > 0 || scans > 0 ? FactorStatus::Warn : FactorStatus::Fail);
    return result;
}

FactorResult logs(const ScorecardInputs& inputs)
{
    FactorResult result = factor("XI", "Triage decisions");
    const QString path = QStringLiteral(".gatehouse/triage.yml");
    if (!inputs.contents.contains(path)) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("No triage file (.gatehouse/triage.yml): no decision about a finding is "
                                         "recorded.");
        return result;
    }
    result.sources.append(path);
    int decisions = 0;
    try {
        const YAML::Node root = YAML::Load(inputs.contents.value(path).toStdString());
        if (root.IsSequence()) {
            decisions = int(root.size());
        } else if (root.IsMap()) {
            for (const char* key : {"findings", "decisions", "triage", "entries"}) {
                if (const YAML::Node list = root[key]; list && list.IsSequence()) {
                    decisions = int(list.size());
                    break;
                }
            }
        }
    } catch (const YAML::Exception& exception) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("%1 is not valid YAML (line %2: %3).")
                              .arg(path)
                              .arg(exception.mark.line + 1)
                              .arg(QString::fromStdString(exception.msg));
        return result;
    }
    result.status = decisions > 0 ? FactorStatus::Pass : FactorStatus::Warn;
    result.evidence = QStringLiteral("%1 records %2 triage decision(s).").arg(path).arg(decisions);
    return result;
}

FactorResult adminProcesses(const PipelineFacts& facts)
{
    FactorResult result = factor("XII", "Orchestration");
    if (!facts.gitlabStages) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No GitLab pipeline with stages; the order of GitHub jobs (needs) is checked "
                                         "by the pipeline engine.");
        return result;
    }
    result.sources.append(QStringLiteral(".gitlab-ci.yml"));
    // Category of a stage name, first match wins ("security-test" is security).
    static const QList<QPair<QString, QRegularExpression>> categories{
        {QStringLiteral("security"), QRegularExpression(QStringLiteral("sast|secur|scan|secret|audit|dependenc|vuln"))},
        {QStringLiteral("validate"), QRegularExpression(QStringLiteral("validat|lint|check|verify|static|format"))},
        {QStringLiteral("test"), QRegularExpression(QStringLiteral("test|qa|e2e|integration"))},
        {QStringLiteral("deploy"),
         QRegularExpression(QStringLiteral("deploy|release|production|staging|publish|rollout"))},
    };
    QHash<QString, int> first;
    const QStringList& stages = *facts.gitlabStages;
    for (int i = 0; i < stages.size(); ++i) {
        for (const auto& category : categories) {
            if (category.second.match(stages.at(i).toLower()).hasMatch()) {
                if (!first.contains(category.first))
                    first.insert(category.first, i);
                break;
            }
        }
    }
    const QStringList order{QStringLiteral("validate"), QStringLiteral("security"), QStringLiteral("test"),
                            QStringLiteral("deploy")};
    QStringList missing;
    int previous = -1;
    bool ordered = true;
    for (const QString& category : order) {
        if (!first.contains(category)) {
            missing.append(category);
            continue;
        }
        if (first.value(category) < previous)
            ordered = false;
        previous = first.value(category);
    }
    result.evidence = QStringLiteral("Stages: %1.").arg(stages.join(QStringLiteral(" → ")));
    if (!ordered) {
        result.status = FactorStatus::Fail;
        result.evidence += QStringLiteral(" Not in the order validate → security → test → deploy.");
    } else if (!missing.isEmpty()) {
        result.status = FactorStatus::Warn;
        result.evidence += QStringLiteral(" No %1 stage.").arg(missing.join(QLatin1String(", ")));
    } else {
        result.status = FactorStatus::Pass;
    }
    return result;
}

FactorResult notComputed(const char* id, const char* name, const QString& why)
{
    FactorResult result = factor(id, name);
    result.status = FactorStatus::NotApplicable;
    result.evidence = why;
    return result;
}

// Runs the pipeline engine's gates (with the repository's policy) over every pipeline of the commit.
void evaluateGates(const git::Repository& repository, const git::ObjectId& commit, ScorecardInputs& inputs)
{
    pipeline::FileSource source;
    source.complete = true;
    source.read
        = [repository, commit](const QString& path) { return repository.readFile(commit, path, qint64(10) << 20); };
    const QStringList files = inputs.files;
    source.list = [files] { return files; };

    pipeline::ValidationOptions options;
    options.files = source;
    options.gates = true;
    if (const Result<QByteArray> policy = source.read(pipeline::PipelineDiscovery::policyPath()); policy.ok()) {
        QList<pipeline::Diagnostic> problems;
        options.policy
            = pipeline::GatePolicy::parse(policy.value(), pipeline::PipelineDiscovery::policyPath(), &problems);
        for (const pipeline::Diagnostic& d : std::as_const(problems)) {
            // The same file holds the security posture's gates, which the pipeline engine does not know.
            if (d.severity == pipeline::Severity::Error && !d.message.startsWith(QLatin1String("unknown gate")))
                inputs.policyProblems.append(QStringLiteral("line %1: %2").arg(d.line).arg(d.message));
        }
    }
    QHash<QString, GateOutcome> outcomes;
    for (const pipeline::GateInfo& gate : pipeline::gateCatalog()) {
        GateOutcome outcome;
        outcome.gate = gate.id;
        outcome.factor = gate.factor.section(QLatin1Char('.'), 0, 0).trimmed();
        outcome.enabled = options.policy.isEnabled(gate.id);
        outcomes.insert(gate.id, outcome);
    }
    for (const QString& path : pipeline::PipelineDiscovery::discover(source)) {
        const Result<QByteArray> text = source.read(path);
        if (!text.ok())
            continue;
        ++inputs.pipelinesValidated;
        const pipeline::ValidationResult result = pipeline::validatePipeline(text.value(), path, options);
        for (const pipeline::Diagnostic& d : result.diagnostics) {
            if (d.category != pipeline::Category::Gate || !d.rule.startsWith(QLatin1String("gate.")))
                continue;
            auto outcome = outcomes.find(d.rule.mid(5));
            if (outcome == outcomes.end() || d.severity == pipeline::Severity::Info)
                continue;
            if (d.severity == pipeline::Severity::Error)
                ++outcome->errors;
            else
                ++outcome->warnings;
            if (outcome->firstProblem.isEmpty())
                outcome->firstProblem = QStringLiteral("%1:%2: %3").arg(d.file).arg(d.line).arg(d.message);
        }
    }
    for (const pipeline::GateInfo& gate : pipeline::gateCatalog())
        inputs.gates.append(outcomes.value(gate.id));
}

} // namespace

QString factorStatusName(FactorStatus status)
{
    switch (status) {
    case FactorStatus::Pass:
        return QStringLiteral("pass");
    case FactorStatus::Warn:
        return QStringLiteral("warn");
    case FactorStatus::Fail:
        return QStringLiteral("fail");
    case FactorStatus::NotApplicable:
        return QStringLiteral("n.a.");
    }
    return {};
}

bool Scorecard::isConventionalSubject(const QString& subject)
{
    static const QRegularExpression conventional(QStringLiteral("\\A(?:[a-z]+(?:\\([^()]+\\))?!?: \\S|Revert \")"));
    return conventional.match(subject).hasMatch();
}

ScorecardReport Scorecard::evaluate(const ScorecardInputs& inputs)
{
    QStringList pipelineFiles;
    for (const QString& path : inputs.files) {
        if (isPipelineConfig(path))
            pipelineFiles.append(path);
    }
    const PipelineFacts facts = pipelineFacts(inputs);

    ScorecardReport report;
    report.factors = {
        codebase(inputs, pipelineFiles),
        dependencies(inputs),
        notComputed("III", "Configuration",
                    QStringLiteral("Not derived from the repository: issue 6 names no evidence for this factor.")),
        gateFactor(inputs, "IV", "Validation gates", {}),
        buildReleaseRun(facts),
        processes(inputs.deployments),
        gateFactor(inputs, "VII", "Zero trust",
                   QStringLiteral("Plaintext secrets are checked in the pipeline files (gate no-plaintext-secrets); "
                                  "the rest of the repository is the secret scanners' job.")),
        compliance(inputs),
        disposability(facts, pipelineFiles),
        parity(inputs),
        logs(inputs),
        adminProcesses(facts),
    };
    if (!facts.parseErrors.isEmpty()) {
        for (FactorResult* result : {&report.factors[4], &report.factors[8], &report.factors[11]})
            result->evidence += QStringLiteral(" Unreadable: %1.").arg(facts.parseErrors.join(QLatin1String("; ")));
    }

    const delivery::DoraSummary dora = delivery::DoraMetrics::compute(inputs.deployments, QStringLiteral("production"));
    auto metric = [](const char* name, const char* target, const char* unit, std::optional<double> actual,
                     std::optional<bool> met, const QString& evidence) {
        return MetricResult{
            QString::fromUtf8(name), QString::fromUtf8(target), QString::fromLatin1(unit), actual, met, evidence};
    };
    const QString security = QStringLiteral("Needs the security posture (scan history and triage), not computed here.");
    const QString window = dora.since.isValid()
        ? QStringLiteral("production, %1 to %2").arg(dora.since.toString(Qt::ISODate), dora.until.toString(Qt::ISODate))
        : QStringLiteral("no production deployment");
    auto below = [](std::optional<double> value, double bound) -> std::optional<bool> {
        return value ? std::optional<bool>(*value < bound) : std::nullopt;
    };
    report.metrics = {
        metric("time to patch critical CVEs", "< 24 h", "seconds", std::nullopt, std::nullopt, security),
        metric("scan coverage", "100 %", "ratio", std::nullopt, std::nullopt, security),
        metric("false-positive rate", "< 10 %", "ratio", std::nullopt, std::nullopt, security),
        metric("rollback rate", "< 2 %", "ratio", dora.rollbackRate, below(dora.rollbackRate, 0.02), window),
        metric("deployment frequency", "≥ 1 / week", "per week", dora.deploymentFrequencyPerWeek,
               dora.deploymentFrequencyPerWeek ? std::optional<bool>(*dora.deploymentFrequencyPerWeek >= 1.0)
                                               : std::nullopt,
               window),
        metric("lead time for changes", "< 1 h", "seconds", dora.leadTimeMedianSeconds,
               below(dora.leadTimeMedianSeconds, 3600.0), QStringLiteral("median, ") + window),
    };
    return report;
}

Result<ScorecardInputs> Scorecard::collect(const git::Repository& repository, const QString& revision,
                                           const QDateTime& now, ProgressSink* sink)
{
    if (repository.isEmpty())
        return makeError(QStringLiteral("git.empty"), QStringLiteral("the repository has no commits yet"));
    const QString start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    const Result<git::ObjectId> tip = repository.resolve(start);
    if (!tip.ok())
        return tip.error();

    ScorecardInputs inputs;
    inputs.now = now.toUTC();
    const Result<QList<git::TreeEntry>> files = repository.listFiles(tip.value());
    if (!files.ok())
        return files.error();
    for (const git::TreeEntry& file : files.value()) {
        inputs.files.append(file.path);
        const bool wanted = isPipelineConfig(file.path) || file.path == QLatin1String(".gatehouse/policy.yml")
            || file.path == QLatin1String(".gatehouse/triage.yml")
            || (isManifestWithContent(file.path) && !isVendored(file.path));
        if (!wanted)
            continue;
        const Result<QByteArray> content = repository.readBlob(file.blob, 1 << 20);
        if (content.ok())
            inputs.contents.insert(file.path, content.value());
    }

    git::LogOptions options;
    options.start = tip->toString();
    const Status walked = repository.walk(options, [&](const git::CommitInfo& commit) {
        if (commit.parents.size() <= 1)
            inputs.recentSubjects.append(commit.summary);
        return inputs.recentSubjects.size() < kMaxSubjects && !(sink && sink->isCancelled());
    });
    if (!walked.ok())
        return walked.error();

    evaluateGates(repository, tip.value(), inputs);

    Result<delivery::DeliverySnapshot> delivery = delivery::DeliveryAnalysis::run(repository, revision, sink);
    if (!delivery.ok())
        return delivery.error();
    inputs.deployments = std::move(delivery).value().history;

    // Archived scans: each commit of the notes ref added one; committed reports: the commits that changed them.
    if (repository.resolve(QStringLiteral("refs/notes/gatehouse-scans")).ok()) {
        git::LogOptions notes;
        notes.start = QStringLiteral("refs/notes/gatehouse-scans");
        notes.maxCount = 1000;
        (void)repository.walk(notes, [&](const git::CommitInfo& commit) {
            inputs.scanTimes.append(commit.committer.time.toUTC());
            return true;
        });
    }
    git::LogOptions reports;
    reports.start = tip->toString();
    reports.paths = {QStringLiteral("reports")};
    reports.maxCount = 1000;
    (void)repository.walk(reports, [&](const git::CommitInfo& commit) {
        inputs.scanTimes.append(commit.committer.time.toUTC());
        return !(sink && sink->isCancelled());
    });
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    return inputs;
}

} // namespace gatehouse::scorecard
