// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScorecardFacts.h"

#include "classify/RepositoryClassifier.h"
#include "common/Statistics.h"
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DoraMetrics.h"
#include "git/Repository.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/Pinning.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineGates.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScanApplicability.h"
#include "pipeline/jenkins/JenkinsPipeline.h"
#include "pipeline/workspace/BufferValidation.h"
#include "runs/RunHistory.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include "pipeline/YamlReader.h"

namespace gatehouse::scorecard {

bool isPipelineConfig(const QString& path)
{
    return classify::pipelineKind(path).has_value();
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

namespace {

// --- pipeline files -------------------------------------------------------------------------------------------------

using pipeline::YamlNode;

void addReference(PipelineFacts& facts, const QString& path, const YamlNode& node, bool isUses)
{
    if (!node.isScalar())
        return;
    Reference reference;
    reference.path = path;
    reference.line = node.line;
    reference.text = node.value.trimmed();
    if (reference.text.isEmpty() || node.isNull())
        return;
    reference.pin = isUses ? pipeline::actionPinLevel(reference.text) : pipeline::imagePinLevel(reference.text);
    facts.references.append(reference);
}

// The lines of a script scalar or (nested) sequence of them, with their line numbers in the file.
void addScript(PipelineFacts& facts, const QString& path, const YamlNode& node, int depth)
{
    if (depth > 8)
        return;
    if (node.isSequence()) {
        for (const YamlNode& item : node.items)
            addScript(facts, path, item, depth + 1);
        return;
    }
    if (!node.isScalar() || node.isNull())
        return;
    const QStringList lines = node.value.split(QLatin1Char('\n'));
    // A block scalar (`run: |`) starts on the line after its indicator.
    const int first = node.line + (lines.size() > 1 ? 1 : 0);
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).trimmed().isEmpty())
            facts.scriptLines.append({path, first + i, lines.at(i)});
    }
}

void noteReuse(PipelineFacts& facts, const QString& path, int line)
{
    facts.reuse = true;
    if (facts.reuseLink.path.isEmpty())
        facts.reuseLink = SourceLink::file(QStringLiteral("pipelines"), path, line);
}

// The name of an image or service written as a map (`image: {name: …}`).
const YamlNode* nameOf(const YamlNode& node)
{
    return node.isMap() ? node.get(u"name") : nullptr;
}

void walkPipelineNode(PipelineFacts& facts, const QString& path, const YamlNode& node, int depth)
{
    if (depth > 64)
        return;
    if (node.isSequence()) {
        for (const YamlNode& item : node.items)
            walkPipelineNode(facts, path, item, depth + 1);
        return;
    }
    if (!node.isMap())
        return;
    for (size_t i = 0; i < node.keys.size(); ++i) {
        const YamlNode& keyNode = node.keys[i];
        const QString& key = keyNode.value;
        const YamlNode& value = node.items[i];
        if (key == u"script" || key == u"before_script" || key == u"after_script" || key == u"run") {
            addScript(facts, path, value, 0);
            continue;
        }
        if (key == u"image") {
            if (value.isScalar())
                addReference(facts, path, value, false);
            else if (const YamlNode* name = nameOf(value))
                addReference(facts, path, *name, false);
        } else if (key == u"services" && value.isSequence()) {
            for (const YamlNode& service : value.items) {
                if (service.isScalar())
                    addReference(facts, path, service, false);
                else if (const YamlNode* name = nameOf(service))
                    addReference(facts, path, *name, false);
            }
        } else if (key == u"container" && value.isScalar()) {
            addReference(facts, path, value, false);
        } else if (key == u"uses" && value.isScalar()) {
            addReference(facts, path, value, true);
            const QString& uses = value.value;
            if (uses.startsWith(QLatin1String("./")) || uses.contains(QLatin1String("/.github/workflows/"))) {
                noteReuse(facts, path, value.line);
                facts.reuseEvidence.append(QStringLiteral("%1: uses %2").arg(path, uses));
            }
        } else if (key == u"extends") {
            noteReuse(facts, path, value.line);
            facts.reuseEvidence.append(QStringLiteral("%1:%2: extends").arg(path).arg(value.line));
        } else if (key == u"workflow_call") {
            noteReuse(facts, path, keyNode.line);
            facts.reuseEvidence.append(QStringLiteral("%1: reusable workflow (workflow_call)").arg(path));
        }
        walkPipelineNode(facts, path, value, depth + 1);
    }
}

} // namespace

PipelineFacts pipelineFacts(const ScorecardInputs& inputs)
{
    PipelineFacts facts;
    static const QRegularExpression anchors(QStringLiteral("(?:^|[\\s:\\-\\[,])&[A-Za-z0-9_.-]+|<<:\\s*\\*"),
                                            QRegularExpression::MultilineOption);
    for (auto it = inputs.contents.cbegin(); it != inputs.contents.cend(); ++it) {
        // A Jenkinsfile is Groovy: read as YAML it would only be "unreadable".
        if (!isPipelineConfig(it.key()) || pipeline::JenkinsPipeline::isJenkinsPath(it.key()))
            continue;
        const QString text = QString::fromUtf8(it.value());
        if (const QRegularExpressionMatch anchor = anchors.match(text);
            !isGitHubWorkflow(it.key()) && anchor.hasMatch()) {
            noteReuse(facts, it.key(), int(text.left(anchor.capturedStart()).count(QLatin1Char('\n'))) + 1);
            facts.reuseEvidence.append(QStringLiteral("%1: YAML anchors").arg(it.key()));
        }
        // The pipeline engine's reader, each file as written (the walk looks for extends and includes themselves).
        const pipeline::YamlDocumentSet read = pipeline::readYaml(it.value(), it.key());
        if (!read.ok) {
            for (const pipeline::Diagnostic& d : read.diagnostics) {
                if (d.severity == pipeline::Severity::Error) {
                    facts.parseErrors.append(QStringLiteral("%1:%2: %3").arg(it.key()).arg(d.line).arg(d.message));
                    break;
                }
            }
            continue;
        }
        if (read.documents.empty() || !read.documents.front().isMap())
            continue;
        const YamlNode& root = read.documents.front();
        if (!isGitHubWorkflow(it.key()) && root.contains(u"include")) {
            static const QRegularExpression includeKey(QStringLiteral("^include\\s*:"),
                                                       QRegularExpression::MultilineOption);
            const qsizetype at = qMax<qsizetype>(0, includeKey.match(text).capturedStart());
            noteReuse(facts, it.key(), int(text.left(at).count(QLatin1Char('\n'))) + 1);
            facts.reuseEvidence.append(QStringLiteral("%1: include").arg(it.key()));
        }
        if (it.key().startsWith(QLatin1String(".gitlab-ci."))) {
            QStringList stages;
            facts.gitlabPath = it.key();
            if (const YamlNode* node = root.get(u"stages"); node && node->isSequence()) {
                static const QRegularExpression stagesKey(QStringLiteral("^stages\\s*:"),
                                                          QRegularExpression::MultilineOption);
                const QRegularExpressionMatch key = stagesKey.match(text);
                facts.stagesLine
                    = key.hasMatch() ? int(text.left(key.capturedStart()).count(QLatin1Char('\n'))) + 1 : node->line;
                for (const YamlNode& stage : node->items) {
                    if (stage.isScalar())
                        stages.append(stage.value);
                }
            } else {
                // GitLab's default stages.
                stages = {QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("deploy")};
            }
            facts.gitlabStages = stages;
        }
        walkPipelineNode(facts, it.key(), root, 0);
    }
    return facts;
}

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
    const QVariant required = options.policy.parameter(QStringLiteral("security-scanning"), QStringLiteral("required"));
    if (required.isValid())
        inputs.requiredScanKinds = required.toStringList();
    // The scan kinds whose subject is missing count as n.a.; a platform's own dependency scanning covers that kind.
    pipeline::ScanSurvey survey = pipeline::ScanApplicability::survey(source, {});
    inputs.mainPipeline = survey.mainPipeline;
    for (const QString& path : pipeline::PipelineDiscovery::discover(source)) {
        const Result<QByteArray> text = source.read(path);
        if (!text.ok())
            continue;
        ++inputs.pipelinesValidated;
        const pipeline::ValidationResult result = pipeline::validatePipeline(text.value(), path, options);
        for (const pipeline::PipelineJob& job : result.model.jobs) {
            if (survey.imageEvidence.isEmpty())
                survey.imageEvidence = pipeline::ScanApplicability::imageBuilder(job);
        }
        for (const auto& [kind, template_] : pipeline::ScanApplicability::platformScans(result.model))
            inputs.platformScans.insert(kind, template_);
        PipelineGateSummary summary;
        summary.path = path;
        QSet<QString> failing;
        for (const pipeline::Diagnostic& d : result.diagnostics) {
            if (d.category != pipeline::Category::Gate || !d.rule.startsWith(QLatin1String("gate."))
                || pipeline::PipelineGates::isNotApplicable(d))
                continue;
            auto outcome = outcomes.find(d.rule.mid(5));
            if (outcome == outcomes.end())
                continue;
            // A gate the policy sets to "info" still fails in the Gates tab; the factors weigh only warnings and up.
            if (pipeline::PipelineGates::failsGate(d, options.policy)) {
                failing.insert(outcome->gate);
                if (summary.firstProblem.isEmpty())
                    summary.firstProblem = QStringLiteral("%1:%2: %3").arg(d.file).arg(d.line).arg(d.message);
            }
            if (d.severity == pipeline::Severity::Info)
                continue;
            if (d.severity == pipeline::Severity::Error)
                ++outcome->errors;
            else
                ++outcome->warnings;
            if (outcome->firstProblem.isEmpty())
                outcome->firstProblem = QStringLiteral("%1:%2: %3").arg(d.file).arg(d.line).arg(d.message);
        }
        // Counted as the editor's Gates tab counts them: enabled gates that apply to this kind of pipeline.
        for (const pipeline::GateInfo& gate : pipeline::gateCatalog()) {
            if (!options.policy.isEnabled(gate.id) || !pipeline::gateAppliesTo(gate.id, result.kind))
                continue;
            ++summary.enabled;
            if (!failing.contains(gate.id))
                ++summary.passing;
        }
        inputs.pipelineGates.append(summary);
    }
    for (const pipeline::GateInfo& gate : pipeline::gateCatalog())
        inputs.gates.append(outcomes.value(gate.id));
    for (const QString& kind : std::as_const(inputs.requiredScanKinds)) {
        if (const QString reason = survey.notApplicableReason(kind); !reason.isEmpty())
            inputs.notApplicableScanKinds.insert(kind, reason);
    }
    if (!survey.platformDependencyScanning.isEmpty())
        inputs.platformScans.insert(QStringLiteral("dependency"), survey.platformDependencyScanning);
}

} // namespace gatehouse::scorecard
