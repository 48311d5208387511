// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scorecard.h"

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
#include "pipeline/workspace/BufferValidation.h"
#include "repo/RepositoryClassifier.h"
#include "runs/RunHistory.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace gatehouse::scorecard {

namespace {

constexpr qint64 kThirtyDays = 30LL * 24 * 3600;
constexpr int kMaxSubjects = 200;

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

// --- V: pinning -------------------------------------------------------------------------------------------------

struct Reference
{
    QString path;
    int line = 0;
    QString text;
    pipeline::PinLevel pin = pipeline::PinLevel::Floating;
};

struct ScriptLine
{
    QString path;
    int line = 0;
    QString text;
};

struct PipelineFacts
{
    QList<Reference> references;
    QList<ScriptLine> scriptLines; ///< every line of script, before_script, after_script and run
    bool reuse = false;
    QStringList reuseEvidence;
    SourceLink reuseLink; ///< the first reuse found
    std::optional<QStringList> gitlabStages;
    QString gitlabPath;
    int stagesLine = 0;
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
    reference.pin = isUses ? pipeline::actionPinLevel(reference.text) : pipeline::imagePinLevel(reference.text);
    facts.references.append(reference);
}

// The lines of a script scalar or (nested) sequence of them, with their line numbers in the file.
void addScript(PipelineFacts& facts, const QString& path, const YAML::Node& node, int depth)
{
    if (depth > 8)
        return;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            addScript(facts, path, item, depth + 1);
        return;
    }
    if (!node.IsScalar())
        return;
    const QStringList lines = QString::fromStdString(node.Scalar()).split(QLatin1Char('\n'));
    // A block scalar (`run: |`) starts on the line after its indicator.
    const int first = node.Mark().line + 1 + (lines.size() > 1 ? 1 : 0);
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
        if (key == "script" || key == "before_script" || key == "after_script" || key == "run") {
            addScript(facts, path, value, 0);
            continue;
        }
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
                noteReuse(facts, path, value.Mark().line + 1);
                facts.reuseEvidence.append(QStringLiteral("%1: uses %2").arg(path, uses));
            }
        } else if (key == "extends") {
            noteReuse(facts, path, value.Mark().line + 1);
            facts.reuseEvidence.append(QStringLiteral("%1:%2: extends").arg(path).arg(value.Mark().line + 1));
        } else if (key == "workflow_call") {
            noteReuse(facts, path, entry.first.Mark().line + 1);
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
        if (const QRegularExpressionMatch anchor = anchors.match(text);
            !isGitHubWorkflow(it.key()) && anchor.hasMatch()) {
            noteReuse(facts, it.key(), int(text.left(anchor.capturedStart()).count(QLatin1Char('\n'))) + 1);
            facts.reuseEvidence.append(QStringLiteral("%1: YAML anchors").arg(it.key()));
        }
        try {
            const YAML::Node root = YAML::Load(it.value().toStdString());
            if (!root.IsMap())
                continue;
            if (!isGitHubWorkflow(it.key()) && root["include"]) {
                static const QRegularExpression includeKey(QStringLiteral("^include\\s*:"),
                                                           QRegularExpression::MultilineOption);
                const qsizetype at = qMax<qsizetype>(0, includeKey.match(text).capturedStart());
                noteReuse(facts, it.key(), int(text.left(at).count(QLatin1Char('\n'))) + 1);
                facts.reuseEvidence.append(QStringLiteral("%1: include").arg(it.key()));
            }
            if (it.key().startsWith(QLatin1String(".gitlab-ci."))) {
                QStringList stages;
                facts.gitlabPath = it.key();
                if (const YAML::Node node = root["stages"]; node && node.IsSequence()) {
                    static const QRegularExpression stagesKey(QStringLiteral("^stages\\s*:"),
                                                              QRegularExpression::MultilineOption);
                    const QRegularExpressionMatch key = stagesKey.match(text);
                    facts.stagesLine = key.hasMatch() ? int(text.left(key.capturedStart()).count(QLatin1Char('\n'))) + 1
                                                      : node.Mark().line + 1;
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
    result.link = pipelineFiles.isEmpty() ? SourceLink::toPage(QStringLiteral("pipelines"))
                                          : SourceLink::file(QStringLiteral("pipelines"), pipelineFiles.first());
    if (pipelineFiles.isEmpty() || total == 0 || share < 0.5)
        result.status = FactorStatus::Fail;
    else
        result.status = share >= 0.8 ? FactorStatus::Pass : FactorStatus::Warn;
    return result;
}

bool requirementsPinned(const QByteArray& content, QString* firstLoose, int* looseLine = nullptr)
{
    bool any = false;
    int number = 0;
    for (QString line : QString::fromUtf8(content).split(QLatin1Char('\n'))) {
        ++number;
        line = line.section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.endsWith(QLatin1Char('\\')))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('-')))
            continue;
        any = true;
        if (!line.contains(QLatin1String("=="))) {
            *firstLoose = line;
            if (looseLine)
                *looseLine = number;
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
    SourceLink looseLink; // the first manifest that is not locked
    for (const QString& path : inputs.files) {
        if (isVendored(path))
            continue;
        const QString name = QFileInfo(path).fileName();
        const QString dir = dirOf(path);
        if (name.startsWith(QLatin1String("requirements")) && name.endsWith(QLatin1String(".txt"))) {
            ++manifests;
            QString firstLoose;
            int looseLine = 0;
            if (requirementsPinned(inputs.contents.value(path), &firstLoose, &looseLine)) {
                ++locked;
                result.sources.append(path);
            } else {
                loose.append(firstLoose.isEmpty() ? path : QStringLiteral("%1 (%2)").arg(path, firstLoose));
                if (looseLink.path.isEmpty())
                    looseLink = SourceLink::file(QStringLiteral("pipelines"), path, looseLine);
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
        if (found) {
            ++locked;
        } else {
            loose.append(path);
            if (looseLink.path.isEmpty())
                looseLink = SourceLink::file(QStringLiteral("pipelines"), path);
        }
    }
    if (manifests == 0) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No dependency manifest found.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    result.evidence
        = QStringLiteral("%1 of %2 dependency manifest(s) locked or fully pinned").arg(locked).arg(manifests);
    result.link = !looseLink.path.isEmpty() ? looseLink
        : result.sources.isEmpty()          ? SourceLink::toPage(QStringLiteral("pipelines"))
                                            : SourceLink::file(QStringLiteral("pipelines"), result.sources.first());
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
    const Reference* worst = nullptr; // the first floating reference, else the first tag-only one
    for (const Reference& reference : facts.references) {
        if (reference.pin == pipeline::PinLevel::Pinned)
            ++strong;
        else if (reference.pin == pipeline::PinLevel::VersionTag)
            ++tag;
        else
            floating.append(QStringLiteral("%1:%2 %3").arg(reference.path).arg(reference.line).arg(reference.text));
        if (reference.pin != pipeline::PinLevel::Pinned
            && (!worst
                || (worst->pin == pipeline::PinLevel::VersionTag && reference.pin == pipeline::PinLevel::Floating)))
            worst = &reference;
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
    const Reference& shown = worst ? *worst : facts.references.first();
    result.link = SourceLink::file(QStringLiteral("pipelines"), shown.path, shown.line);
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
        result.link = SourceLink::toPage(QStringLiteral("deployments"));
        return result;
    }
    const delivery::Deployment& last = history.deployments.at(production.last());
    result.sources.append(QStringLiteral("refs/tags/") + last.tag);
    result.link = SourceLink::tag(QStringLiteral("deployments"), last.tag);
    result.evidence = QStringLiteral("%1 production deployment tag(s) are rollback points (last: %2, %3); %4 "
                                     "rollback(s) recorded.")
                          .arg(production.size())
                          .arg(last.tag, last.time.toUTC().toString(Qt::ISODate))
                          .arg(rollbacks);
    result.status = production.size() >= 2 ? FactorStatus::Pass : FactorStatus::Warn;
    return result;
}

// "path:line: message" (GateOutcome::firstProblem) as a link to that line.
SourceLink problemLink(const QString& problem)
{
    static const QRegularExpression pattern(QStringLiteral("\\A([^:]+):(\\d+):"));
    const QRegularExpressionMatch match = pattern.match(problem);
    if (!match.hasMatch())
        return SourceLink::toPage(QStringLiteral("pipelines"));
    return SourceLink::file(QStringLiteral("pipelines"), match.captured(1), match.captured(2).toInt());
}

// The pipeline engine's gates of one factor: an error-severity finding fails, a warning warns.
FactorResult gateFactor(const ScorecardInputs& inputs, const char* id, const char* name, const QString& focus)
{
    FactorResult result = factor(id, name);
    if (inputs.pipelinesValidated == 0) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline to check.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    int enabled = 0;
    int passing = 0;
    int errors = 0;
    int warnings = 0;
    QStringList problems;
    QStringList disabled;
    QString firstError; // an error is worth more than a warning as the place to look
    QString firstWarning;
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
        QString& first = gate.errors > 0 ? firstError : firstWarning;
        if (first.isEmpty() && (gate.errors > 0 || gate.warnings > 0))
            first = gate.firstProblem;
    }
    result.sources = {QStringLiteral(".gatehouse/policy.yml")};
    const QString firstProblem = firstError.isEmpty() ? firstWarning : firstError;
    result.link = !firstProblem.isEmpty() ? problemLink(firstProblem)
        : inputs.contents.contains(QStringLiteral(".gatehouse/policy.yml"))
        ? SourceLink::file(QStringLiteral("pipelines"), QStringLiteral(".gatehouse/policy.yml"))
        : SourceLink::toPage(QStringLiteral("pipelines"));
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
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    FactorResult result = gateFactor(inputs, "VIII", "Compliance", {});
    if (!inputs.policyProblems.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("%1 has problems: %2.")
                              .arg(path, inputs.policyProblems.mid(0, 3).join(QLatin1String("; ")));
        static const QRegularExpression line(QStringLiteral("\\Aline (\\d+):"));
        result.link = SourceLink::file(QStringLiteral("pipelines"), path,
                                       line.match(inputs.policyProblems.first()).captured(1).toInt());
    } else if (result.status == FactorStatus::NotApplicable) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("%1 exists, but there is no pipeline that could enforce it.").arg(path);
        result.link = SourceLink::file(QStringLiteral("pipelines"), path);
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
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    result.sources = pipelineFiles;
    result.link = facts.reuseLink.path.isEmpty() ? SourceLink::file(QStringLiteral("pipelines"), pipelineFiles.first())
                                                 : facts.reuseLink;
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
    const delivery::Deployment* latest = nullptr;
    for (const delivery::Deployment& d : inputs.deployments.deployments) {
        if (d.time >= since && d.time <= inputs.now) {
            ++deployments;
            if (!latest || d.time >= latest->time)
                latest = &d;
        }
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
    result.link = latest ? SourceLink::tag(QStringLiteral("deployments"), latest->tag)
        : scans > 0      ? SourceLink::toPage(QStringLiteral("security"))
                         : SourceLink::toPage(QStringLiteral("deployments"));
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
        result.link = SourceLink::toPage(QStringLiteral("security"));
        return result;
    }
    result.sources.append(path);
    result.link = SourceLink::file(QStringLiteral("security"), path);
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
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    result.sources.append(facts.gitlabPath);
    result.link = SourceLink::file(QStringLiteral("pipelines"), facts.gitlabPath, facts.stagesLine);
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

// A committed environment file holds configuration (and often secrets) in the code; the templates do not.
bool isEnvironmentFile(const QString& path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    if (name != QLatin1String(".env") && !name.startsWith(QLatin1String(".env.")))
        return false;
    static const QRegularExpression templates(QStringLiteral("\\.(example|sample|template|tmpl|dist|defaults?)\\b"));
    return !templates.match(name).hasMatch();
}

// An IP address or a host named for one environment (staging, prod, ...) written into a script line; empty if none.
QString hardCodedTarget(const QString& line)
{
    static const QRegularExpression ip(QStringLiteral("(?<![\\w.-])((?:\\d{1,3}\\.){3}\\d{1,3})(?![\\w.])"));
    static const QRegularExpression url(QStringLiteral("\\b[a-z][a-z0-9+.-]*://([A-Za-z0-9.-]+)"));
    static const QRegularExpression remote(
        QStringLiteral("\\b(?:ssh|scp|rsync|sftp)\\b.*?\\b[\\w.-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"));
    static const QRegularExpression environmentLabel(
        QStringLiteral("(?:^|[.-])(staging|stage|stg|prod|production|preprod|uat|qa|dev|internal|intranet|corp)"
                       "(?:[.-]|\\d|$)"));
    const QString code = line.trimmed();
    if (code.startsWith(QLatin1Char('#')))
        return {};
    for (auto it = ip.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (code.left(match.capturedStart()).endsWith(QLatin1String("==")))
            continue; // a pinned version (pkg==1.2.3.4)
        const QStringList octets = match.captured(1).split(QLatin1Char('.'));
        bool valid = true;
        for (const QString& octet : octets)
            valid = valid && octet.toInt() <= 255;
        const QString address = match.captured(1);
        if (valid && !address.startsWith(QLatin1String("127.")) && address != QLatin1String("0.0.0.0")
            && !address.startsWith(QLatin1String("255.")))
            return address;
    }
    for (auto it = url.globalMatch(code); it.hasNext();) {
        const QString host = it.next().captured(1).toLower();
        if (environmentLabel.match(host).hasMatch())
            return host;
    }
    if (const QRegularExpressionMatch match = remote.match(code); match.hasMatch())
        return match.captured(1);
    return {};
}

// III: configuration lives in the environment (CI variables, deploy-time settings), not in the code: no committed
// .env file, and the pipeline scripts take hosts and addresses from variables instead of spelling them out.
FactorResult configuration(const ScorecardInputs& inputs, const PipelineFacts& facts, const QStringList& pipelineFiles)
{
    FactorResult result = factor("III", "Configuration");
    QStringList envFiles;
    for (const QString& path : inputs.files) {
        if (isEnvironmentFile(path) && !isVendored(path))
            envFiles.append(path);
    }
    if (facts.scriptLines.isEmpty() && envFiles.isEmpty()) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline script and no environment file to inspect.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    static const QRegularExpression variable(
        QStringLiteral("\\$(?:\\{\\{\\s*(?:vars|secrets|env|inputs)\\.[A-Za-z_]\\w*|\\{?[A-Za-z_]\\w*)"));
    QStringList hardCoded;
    SourceLink firstHardCoded;
    SourceLink firstVariable;
    QStringList names;
    int withVariables = 0;
    for (const ScriptLine& line : facts.scriptLines) {
        if (const QString target = hardCodedTarget(line.text); !target.isEmpty()) {
            hardCoded.append(QStringLiteral("%1:%2 %3").arg(line.path).arg(line.line).arg(target));
            if (firstHardCoded.path.isEmpty())
                firstHardCoded = SourceLink::file(QStringLiteral("pipelines"), line.path, line.line);
        }
        bool any = false;
        for (auto it = variable.globalMatch(line.text); it.hasNext();) {
            const QString name = it.next().captured(0);
            any = true;
            if (names.size() < 3 && !names.contains(name))
                names.append(name);
        }
        if (any) {
            ++withVariables;
            if (firstVariable.path.isEmpty())
                firstVariable = SourceLink::file(QStringLiteral("pipelines"), line.path, line.line);
        }
    }
    result.sources = envFiles + pipelineFiles;
    const QString scripts
        = QStringLiteral("%1 of %2 script line(s) read CI variables%3")
              .arg(withVariables)
              .arg(facts.scriptLines.size())
              .arg(names.isEmpty() ? QString() : QStringLiteral(" (e.g. %1)").arg(names.join(QLatin1String(", "))));
    if (!envFiles.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("Environment configuration is committed: %1. %2.")
                              .arg(envFiles.mid(0, 3).join(QLatin1String(", ")), scripts);
        result.link = SourceLink::file(QStringLiteral("pipelines"), envFiles.first());
        return result;
    }
    if (!hardCoded.isEmpty()) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("%1 script line(s) hard-code an environment's host or address (%2%3); %4.")
                              .arg(hardCoded.size())
                              .arg(hardCoded.mid(0, 3).join(QLatin1String("; ")),
                                   hardCoded.size() > 3 ? QStringLiteral("; …") : QString(), scripts);
        result.link = firstHardCoded;
        return result;
    }
    result.status = FactorStatus::Pass;
    result.evidence = QStringLiteral("No committed .env file and no hard-coded environment host or IP address in the "
                                     "pipeline scripts; %1.")
                          .arg(scripts);
    result.link = firstVariable.path.isEmpty()
        ? SourceLink::file(QStringLiteral("pipelines"), facts.scriptLines.first().path)
        : firstVariable;
    return result;
}

// --- the success metrics ----------------------------------------------------------------------------------------

MetricResult metric(const char* area, const char* name, const char* target, const char* unit)
{
    MetricResult result;
    result.area = QString::fromLatin1(area);
    result.name = QString::fromUtf8(name);
    result.target = QString::fromUtf8(target);
    result.unit = QString::fromLatin1(unit);
    return result;
}

// Nearest rank, the lower middle value of an even count (as the run analysis does): a value that was observed.
double medianOf(QList<double> values)
{
    return statistics::nearestRank(std::move(values), 0.5).value_or(0);
}

QString hoursText(double seconds)
{
    return seconds < 3600 * 48 ? QStringLiteral("%1 h").arg(seconds / 3600, 0, 'f', 1)
                               : QStringLiteral("%1 days").arg(seconds / 86400, 0, 'f', 1);
}

// The kinds of scan a report stands for: its findings' categories, else what its tool scans.
QSet<QString> scanKindsOf(const ScanSummary::Report& report, const QHash<QString, QSet<QString>>& kindsByTool)
{
    QSet<QString> kinds = kindsByTool.value(report.tool);
    if (!kinds.isEmpty())
        return kinds;
    static const QHash<QString, QString> byTool{
        {QStringLiteral("semgrep"), QStringLiteral("sast")},
        {QStringLiteral("bandit"), QStringLiteral("sast")},
        {QStringLiteral("codeql"), QStringLiteral("sast")},
        {QStringLiteral("gosec"), QStringLiteral("sast")},
        {QStringLiteral("gitleaks"), QStringLiteral("secret")},
        {QStringLiteral("trufflehog"), QStringLiteral("secret")},
        {QStringLiteral("pip-audit"), QStringLiteral("dependency")},
        {QStringLiteral("safety"), QStringLiteral("dependency")},
        {QStringLiteral("npm-audit"), QStringLiteral("dependency")},
        {QStringLiteral("osv-scanner"), QStringLiteral("dependency")},
        {QStringLiteral("zap"), QStringLiteral("dast")},
        {QStringLiteral("checkov"), QStringLiteral("iac")},
    };
    if (report.tool == QLatin1String("trivy") || report.tool == QLatin1String("grype")) {
        // An image scan names the image; a file-system scan the dependencies.
        const QString path = report.path.toLower();
        const bool image = path.contains(QLatin1String("image")) || path.contains(QLatin1String("container"))
            || path.contains(QLatin1String("docker"));
        return {image ? QStringLiteral("container") : QStringLiteral("dependency")};
    }
    if (const auto kind = byTool.constFind(report.tool); kind != byTool.constEnd())
        return {kind.value()};
    return {};
}

// Coverage: the kinds of scan the policy requires, each with a report somewhere in the branch's scan history
// (a committed report that did not change is still the current result; how recent scans are is factor X), or run
// by the platform itself; a kind whose subject the repository lacks is n.a.
void scanCoverage(const ScorecardInputs& inputs, const Posture* posture, MetricResult& coverage)
{
    QHash<QString, QSet<QString>> kindsByTool;
    QHash<QString, const ScanSummary*> lastByKind;
    QHash<QString, QString> toolByKind;
    if (posture) {
        for (const FindingLifecycle& f : posture->findings)
            kindsByTool[f.finding.tool].insert(categoryName(f.finding.category));
        for (const ScanSummary& scan : posture->scans) {
            for (const ScanSummary::Report& report : scan.reports) {
                for (const QString& kind : scanKindsOf(report, kindsByTool)) {
                    lastByKind.insert(kind, &scan);
                    toolByKind.insert(kind, report.tool);
                }
            }
        }
    }
    QStringList covered;
    QStringList missing;
    QStringList notApplicable;
    const ScanSummary* oldest = nullptr; // the covered kind whose last report is oldest: the place to look
    for (QString kind : inputs.requiredScanKinds) {
        // A kind without a subject here is n.a., not missing; one the platform runs is covered without a report.
        if (inputs.notApplicableScanKinds.contains(kind)) {
            notApplicable.append(kind);
            continue;
        }
        const QString platform = inputs.platformScans.value(kind);
        if (kind == QLatin1String("secrets"))
            kind = QStringLiteral("secret");
        if (const ScanSummary* last = lastByKind.value(kind)) {
            covered.append(QStringLiteral("%1 (%2, %3)")
                               .arg(kind, toolByKind.value(kind), last->time.toUTC().date().toString(Qt::ISODate)));
            if (!oldest || last->time < oldest->time)
                oldest = last;
        } else if (!platform.isEmpty()) {
            covered.append(QStringLiteral("%1 (%2, by the platform)").arg(kind, platform));
        } else {
            missing.append(kind);
        }
    }
    if (oldest)
        coverage.link = SourceLink::commit(QStringLiteral("security"), oldest->commit.toString());
    if (covered.isEmpty() && missing.isEmpty()) {
        coverage.evidence = notApplicable.isEmpty()
            ? QStringLiteral("The policy requires no kind of scan (security-scanning gate).")
            : QStringLiteral("No required scan kind has a subject here.");
    } else {
        coverage.actual = double(covered.size()) / double(covered.size() + missing.size());
        coverage.met = missing.isEmpty();
        coverage.evidence
            = QStringLiteral("%1 of %2 required scan kinds have reports%3%4.")
                  .arg(covered.size())
                  .arg(covered.size() + missing.size())
                  .arg(covered.isEmpty() ? QString() : QStringLiteral(": ") + covered.join(QLatin1String(", ")),
                       missing.isEmpty() ? QString()
                                         : QStringLiteral("; missing: ") + missing.join(QLatin1String(", ")));
    }
    if (!notApplicable.isEmpty())
        coverage.evidence
            += QStringLiteral(" n.a. (no subject here): %1.").arg(notApplicable.join(QLatin1String(", ")));
}

QList<MetricResult> securityMetrics(const ScorecardInputs& inputs)
{
    MetricResult patch = metric("security", "time to patch critical CVEs", "< 24 h", "seconds");
    MetricResult coverage = metric("security", "scan coverage", "100 %", "ratio");
    MetricResult falsePositives = metric("security", "false-positive rate", "< 10 %", "ratio");
    QList<MetricResult*> all{&patch, &coverage, &falsePositives};
    for (MetricResult* m : all)
        m->link = SourceLink::toPage(QStringLiteral("security"));
    if (!inputs.posture || inputs.posture->scans.isEmpty()) {
        const QString why = !inputs.posture
            ? QStringLiteral("No security posture: %1.")
                  .arg(inputs.postureError.isEmpty() ? QStringLiteral("not computed") : inputs.postureError)
            : QStringLiteral("No scan recorded (no report under reports/ and no archived scan in "
                             "refs/notes/gatehouse-scans).");
        for (MetricResult* m : all)
            m->evidence = why;
        // Platform scans (Dependabot, GitLab's templates) leave no report here but still cover their kinds.
        if (!inputs.platformScans.isEmpty())
            scanCoverage(inputs, nullptr, coverage);
        return {patch, coverage, falsePositives};
    }
    const Posture& posture = *inputs.posture;

    // Time to patch: every critical finding with a CVE id, fixed ones with their time to fix, open ones with their
    // age so far (a CVE left open does not vanish from the figure); triaged ones are decided, not patched.
    QList<double> times;
    int fixed = 0;
    int open = 0;
    double longest = -1;
    for (const FindingLifecycle& f : posture.findings) {
        if (f.finding.severity != Severity::Critical || f.state == FindingState::FalsePositive
            || f.state == FindingState::Accepted)
            continue;
        const bool cve = std::any_of(f.finding.ids.cbegin(), f.finding.ids.cend(),
                                     [](const QString& id) { return id.startsWith(QLatin1String("CVE-")); });
        if (!cve || !f.opened.time.isValid())
            continue;
        const QDateTime end = f.state == FindingState::Fixed ? f.fixed.time : posture.now;
        const double seconds = double(qMax<qint64>(0, f.opened.time.secsTo(end)));
        times.append(seconds);
        (f.state == FindingState::Fixed ? fixed : open) += 1;
        if (seconds > longest) {
            longest = seconds;
            patch.link = SourceLink::commit(QStringLiteral("security"), f.opened.commit.toString());
        }
    }
    if (times.isEmpty()) {
        patch.evidence = QStringLiteral("No critical finding with a CVE id in %1 scan(s).").arg(posture.scans.size());
    } else {
        patch.actual = medianOf(times);
        patch.met = *patch.actual < 24.0 * 3600;
        patch.evidence = QStringLiteral("Median over %1 critical CVE finding(s): %2 fixed, %3 still open (counted "
                                        "with their age); the longest took %4.")
                             .arg(times.size())
                             .arg(fixed)
                             .arg(open)
                             .arg(hoursText(longest));
    }

    scanCoverage(inputs, &posture, coverage);

    if (posture.findings.isEmpty()) {
        falsePositives.evidence = QStringLiteral("No finding in %1 scan(s).").arg(posture.scans.size());
    } else {
        const auto count = std::count_if(posture.findings.cbegin(), posture.findings.cend(), [](const auto& f) {
            return f.triage && f.triage->status == TriageStatus::FalsePositive;
        });
        falsePositives.actual = posture.falsePositiveRate();
        falsePositives.met = *falsePositives.actual < 0.10;
        falsePositives.evidence
            = QStringLiteral("%1 of %2 finding(s) triaged as false positive.").arg(count).arg(posture.findings.size());
        if (inputs.files.contains(QStringLiteral(".gatehouse/triage.yml")))
            falsePositives.link = SourceLink::file(QStringLiteral("security"), QStringLiteral(".gatehouse/triage.yml"));
    }
    return {patch, coverage, falsePositives};
}

QList<MetricResult> deliveryMetrics(const ScorecardInputs& inputs)
{
    const delivery::DoraSummary dora = delivery::DoraMetrics::compute(inputs.deployments, QStringLiteral("production"));
    const QString window = dora.since.isValid()
        ? QStringLiteral("%1 production deployment(s), %2 to %3")
              .arg(dora.deployments)
              .arg(dora.since.toString(Qt::ISODate), dora.until.toString(Qt::ISODate))
        : QStringLiteral("No production deployment.");
    MetricResult rollback = metric("delivery", "rollback rate", "< 2 %", "ratio");
    rollback.actual = dora.rollbackRate;
    if (dora.rollbackRate)
        rollback.met = *dora.rollbackRate < 0.02;
    rollback.evidence
        = dora.since.isValid() ? QStringLiteral("%1 rollback(s) in %2.").arg(dora.rollbacks).arg(window) : window;
    MetricResult frequency = metric("delivery", "deployment frequency", "≥ 1 / week", "per week");
    frequency.actual = dora.deploymentFrequencyPerWeek;
    if (dora.deploymentFrequencyPerWeek)
        frequency.met = *dora.deploymentFrequencyPerWeek >= 1.0;
    frequency.evidence = dora.since.isValid() ? window + QLatin1Char('.') : window;
    MetricResult lead = metric("delivery", "lead time for changes", "< 1 h", "seconds");
    lead.actual = dora.leadTimeMedianSeconds;
    if (dora.leadTimeMedianSeconds)
        lead.met = *dora.leadTimeMedianSeconds < 3600.0;
    lead.evidence = dora.leadTimeMedianSeconds
        ? QStringLiteral("Median over %1 change(s); %2.").arg(dora.changes).arg(window)
        : (dora.since.isValid() ? QStringLiteral("No change with a lead time (%1).").arg(window) : window);

    // Link to the deployment the figure is about: the last rollback, the last production deployment.
    SourceLink last = SourceLink::toPage(QStringLiteral("deployments"));
    SourceLink lastRollback = last;
    for (int index : inputs.deployments.indexesOf(QStringLiteral("production"))) {
        const delivery::Deployment& d = inputs.deployments.deployments.at(index);
        last = SourceLink::tag(QStringLiteral("deployments"), d.tag);
        if (d.rollback)
            lastRollback = last;
    }
    rollback.link = lastRollback.kind == SourceLink::Kind::Tag ? lastRollback : last;
    frequency.link = last;
    lead.link = last;
    return {rollback, frequency, lead};
}

QList<MetricResult> runMetrics(const ScorecardInputs& inputs)
{
    struct Row
    {
        const char* check;
        const char* name;
        const char* target;
        const char* unit;
    };
    static const Row rows[]{
        {"pipeline_success_rate", "pipeline success rate", "> 95 %", "ratio"},
        {"false_failure_rate", "false failure rate", "< 5 %", "ratio"},
        {"mean_time_to_recovery_s", "mean time to recovery", "< 15 min", "seconds"},
        {"feedback_time_s", "pipeline feedback time", "< 10 min", "seconds"},
        {"manual_intervention_rate", "manual intervention rate", "< 5 %", "ratio"},
    };
    QList<runs::MetricCheck> checks;
    QString why;
    if (!inputs.runs)
        why = QStringLiteral("Run history unreadable: %1.").arg(inputs.runsError);
    else if (inputs.runs->runs == 0)
        why = QStringLiteral("No run data imported (gatehouse runs import).");
    else
        checks = runs::checkSuccessMetrics(inputs.runs->overall);
    QList<MetricResult> results;
    for (const Row& row : rows) {
        MetricResult m = metric("runs", row.name, row.target, row.unit);
        m.link = SourceLink::toPage(QStringLiteral("runs"));
        m.evidence = why;
        for (const runs::MetricCheck& check : std::as_const(checks)) {
            if (check.metric != QLatin1String(row.check))
                continue;
            if (check.outcome == runs::MetricCheck::Outcome::NoData) {
                m.evidence
                    = QStringLiteral("Not enough runs for this figure (%1 run(s) imported).").arg(inputs.runs->runs);
                break;
            }
            m.actual = check.actual;
            m.met = check.outcome == runs::MetricCheck::Outcome::Met;
            const runs::OverallStats& o = inputs.runs->overall;
            m.evidence = QStringLiteral("Over %1 run(s) of %2 (%3 concluded); median for times.")
                             .arg(o.runs)
                             .arg(inputs.runs->runs)
                             .arg(o.concluded);
            if (QLatin1String(row.check) == QLatin1String("mean_time_to_recovery_s"))
                m.evidence = QStringLiteral("Median of the recoveries on %1 (first failure to next success), over "
                                            "%2 run(s).")
                                 .arg(inputs.runs->defaultBranch.isEmpty() ? QStringLiteral("the default branch")
                                                                           : inputs.runs->defaultBranch)
                                 .arg(o.runs);
            break;
        }
        results.append(m);
    }
    return results;
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

} // namespace

SourceLink SourceLink::file(const QString& page, const QString& path, int line)
{
    SourceLink link;
    link.kind = Kind::File;
    link.page = page;
    link.path = path;
    link.line = qMax(0, line);
    return link;
}

SourceLink SourceLink::commit(const QString& page, const QString& id)
{
    SourceLink link;
    link.kind = Kind::Commit;
    link.page = page;
    link.ref = id;
    return link;
}

SourceLink SourceLink::tag(const QString& page, const QString& name)
{
    SourceLink link;
    link.kind = Kind::Tag;
    link.page = page;
    link.ref = name;
    return link;
}

SourceLink SourceLink::toPage(const QString& page)
{
    SourceLink link;
    link.page = page;
    return link;
}

QString SourceLink::toString() const
{
    switch (kind) {
    case Kind::File:
        return line > 0 ? QStringLiteral("%1:%2").arg(path).arg(line) : path;
    case Kind::Commit:
        return QStringLiteral("commit ") + ref.left(7);
    case Kind::Tag:
        return QStringLiteral("tag ") + ref;
    case Kind::Page:
        break;
    }
    return QStringLiteral("page ") + page;
}

QString sourceKindName(SourceLink::Kind kind)
{
    switch (kind) {
    case SourceLink::Kind::File:
        return QStringLiteral("file");
    case SourceLink::Kind::Commit:
        return QStringLiteral("commit");
    case SourceLink::Kind::Tag:
        return QStringLiteral("tag");
    case SourceLink::Kind::Page:
        break;
    }
    return QStringLiteral("page");
}

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
        configuration(inputs, facts, pipelineFiles),
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

    report.metrics = securityMetrics(inputs) + deliveryMetrics(inputs) + runMetrics(inputs);
    return report;
}

Result<ScorecardInputs> Scorecard::collect(const git::Repository& repository, const QString& revision,
                                           const QDateTime& now, ProgressSink* sink,
                                           const CollectOptions& collectOptions)
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
    inputs.deployments = std::move(delivery.value().history);
    inputs.incidents = std::move(delivery.value().incidents);
    if (sink)
        sink->report(5, 10, QStringLiteral("security posture"));

    // The posture and the run history open their own repository from the path (they are workers' jobs too).
    const QString repoPath = repository.workDir().isEmpty() ? repository.gitDir() : repository.workDir();
    Result<Posture> posture
        = PostureBuilder::compute(repoPath, revision, inputs.now, sink, collectOptions.scanCacheDirectory);
    if (posture.ok())
        inputs.posture = std::move(posture).value();
    else
        inputs.postureError = posture.error().message;
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    if (sink)
        sink->report(8, 10, QStringLiteral("pipeline runs"));
    runs::AnalysisOptions runOptions;
    runOptions.defaultBranch.clear(); // HEAD's branch
    Result<runs::RepositoryAnalysis> analysis
        = runs::RunHistory::analyze(repoPath, runOptions, true, collectOptions.runStoreDirectory);
    if (analysis.ok()) {
        RunFacts facts;
        facts.runs = int(analysis->runs.size());
        facts.overall = analysis->analysis.overall;
        facts.defaultBranch = analysis->options.defaultBranch;
        inputs.runs = facts;
    } else {
        inputs.runsError = analysis.error().message;
    }

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
