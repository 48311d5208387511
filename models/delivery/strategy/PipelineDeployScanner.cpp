// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineDeployScanner.h"

#include "EnvironmentNames.h"
#include "ManifestReader.h"
#include "orchestrators/OrchestratorReader.h"

#include "pipeline/DeploymentGates.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/circleci/CircleCIConfig.h"
#include "pipeline/jenkins/JenkinsPipeline.h"

#include <QRegularExpression>
#include <QSet>

namespace gatehouse::delivery {

using pipeline::PipelineJob;
using pipeline::PipelineKind;
using pipeline::YamlNode;

namespace {

// A scalar's text; a YAML null (`~`, `null`, nothing) is no text.
QString text(const YamlNode* node)
{
    return node && node->isScalar() && !node->isNull() ? node->value : QString();
}

void scalars(const YamlNode& node, QStringList& out)
{
    if (node.isScalar())
        out.append(node.value);
    for (const YamlNode& item : node.items)
        scalars(item, out);
}

// A shell text as separate commands: one per line, `\`-continued lines joined.
QList<PipelineDeployScanner::Command> splitCommands(const QStringList& scripts, bool onFailure)
{
    QList<PipelineDeployScanner::Command> commands;
    for (const QString& script : scripts) {
        QString pending;
        const QStringList lines = script.split(QLatin1Char('\n'));
        for (const QString& raw : lines) {
            QString line = raw.trimmed();
            if (line.endsWith(QLatin1Char('\\'))) {
                line.chop(1);
                pending += line + QLatin1Char(' ');
                continue;
            }
            line = pending + line;
            pending.clear();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                commands.append({line, onFailure});
        }
        if (!pending.trimmed().isEmpty())
            commands.append({pending.trimmed(), onFailure});
    }
    return commands;
}

// `variables:` / `env:` / `with:` as name → text; a GitLab variable written as a map gives its `value`.
QMap<QString, QString> variablesOf(const YamlNode* node)
{
    QMap<QString, QString> variables;
    if (!node || !node->isMap())
        return variables;
    for (size_t i = 0; i < node->keys.size(); ++i) {
        const YamlNode& value = node->items[i];
        variables.insert(node->keys[i].value, text(value.isMap() ? value.get(u"value") : &value));
    }
    return variables;
}

using Known = QMap<QString, EnvironmentExpression::Known>;

QStringList scalarsOf(const YamlNode* node)
{
    QStringList values;
    if (node && node->isScalar())
        values << text(node);
    else if (node && node->isSequence()) {
        for (const YamlNode& item : node->items) {
            if (item.isScalar())
                values << text(&item);
        }
    }
    return values;
}

void addKnown(Known& known, const QString& key, const QStringList& values, const QString& origin)
{
    EnvironmentExpression::Known& entry = known[key];
    if (entry.origin.isEmpty())
        entry.origin = origin;
    for (const QString& value : values) {
        if (!value.isEmpty() && !entry.values.contains(value))
            entry.values << value;
    }
}

// GitLab `variables:`: a variable's `options` (the values a manual run offers), else its `value`.
void addGitLabVariables(Known& known, const YamlNode* variables)
{
    if (!variables || !variables->isMap())
        return;
    for (size_t i = 0; i < variables->keys.size(); ++i) {
        const QString name = variables->keys[i].value;
        const YamlNode& value = variables->items[i];
        const YamlNode* options = value.get(u"options");
        known.remove(name); // a job's own variable replaces the global one
        if (options && options->isSequence())
            addKnown(known, name, scalarsOf(options), QStringLiteral("options"));
        else
            addKnown(known, name, {text(value.isMap() ? value.get(u"value") : &value)}, QStringLiteral("variable"));
    }
}

// GitLab `parallel: matrix` values.
void addGitLabMatrix(Known& known, const YamlNode* parallel)
{
    const YamlNode* matrix = parallel ? parallel->get(u"matrix") : nullptr;
    if (!matrix || !matrix->isSequence())
        return;
    for (const YamlNode& combination : matrix->items) {
        if (!combination.isMap())
            continue;
        for (size_t i = 0; i < combination.keys.size(); ++i) {
            known.remove(combination.keys[i].value);
            addKnown(known, combination.keys[i].value, scalarsOf(&combination.items[i]), QStringLiteral("matrix"));
        }
    }
}

// GitHub `on.workflow_dispatch.inputs` / `on.workflow_call.inputs`: a choice's options, else the default; and
// the workflow's `env:`.
Known gitHubWorkflowKnown(const YamlNode& root)
{
    Known known;
    const YamlNode* on = root.get(u"on");
    for (const char16_t* event : {u"workflow_dispatch", u"workflow_call"}) {
        const YamlNode* trigger = on ? on->get(QStringView(event)) : nullptr;
        const YamlNode* inputs = trigger ? trigger->get(u"inputs") : nullptr;
        if (!inputs || !inputs->isMap())
            continue;
        for (size_t i = 0; i < inputs->keys.size(); ++i) {
            const QString key = QStringLiteral("inputs.") + inputs->keys[i].value;
            const YamlNode& input = inputs->items[i];
            const YamlNode* options = input.get(u"options");
            if (text(input.get(u"type")) == QLatin1String("choice") && options && options->isSequence())
                addKnown(known, key, scalarsOf(options), QStringLiteral("choice"));
            else if (const QString value = text(input.get(u"default")); !value.isEmpty())
                addKnown(known, key, {value}, QStringLiteral("default"));
        }
    }
    if (const YamlNode* env = root.get(u"env"); env && env->isMap()) {
        for (size_t i = 0; i < env->keys.size(); ++i)
            addKnown(known, QStringLiteral("env.") + env->keys[i].value, {text(&env->items[i])},
                     QStringLiteral("variable"));
    }
    return known;
}

// A job's `strategy.matrix` values (plus `include` entries) and its `env:`.
void addGitHubJobKnown(Known& known, const YamlNode& job)
{
    const YamlNode* strategy = job.get(u"strategy");
    const YamlNode* matrix = strategy ? strategy->get(u"matrix") : nullptr;
    if (matrix && matrix->isMap()) {
        for (size_t i = 0; i < matrix->keys.size(); ++i) {
            const QString key = matrix->keys[i].value;
            const YamlNode& value = matrix->items[i];
            if (key == QLatin1String("include") && value.isSequence()) {
                for (const YamlNode& item : value.items) {
                    for (size_t j = 0; item.isMap() && j < item.keys.size(); ++j)
                        addKnown(known, QStringLiteral("matrix.") + item.keys[j].value, scalarsOf(&item.items[j]),
                                 QStringLiteral("matrix"));
                }
            } else if (key != QLatin1String("exclude")) {
                addKnown(known, QStringLiteral("matrix.") + key, scalarsOf(&value), QStringLiteral("matrix"));
            }
        }
    }
    if (const YamlNode* env = job.get(u"env"); env && env->isMap()) {
        for (size_t i = 0; i < env->keys.size(); ++i) {
            known.remove(QStringLiteral("env.") + env->keys[i].value);
            addKnown(known, QStringLiteral("env.") + env->keys[i].value, {text(&env->items[i])},
                     QStringLiteral("variable"));
        }
    }
}

// CircleCI steps: `run:` as a command string or a map with `command:` (`when: on_fail` runs it only after a failure),
// also inside `when:`/`unless:` steps.
void addCircleCISteps(const YamlNode& steps, bool onFailure, QList<PipelineDeployScanner::Command>& commands,
                      int depth = 0)
{
    if (!steps.isSequence() || depth > 20)
        return;
    for (const YamlNode& step : steps.items) {
        if (!step.isMap() || step.keys.size() != 1)
            continue;
        const QString name = step.keys[0].value;
        const YamlNode& body = step.items[0];
        if (name == u"run") {
            const bool fails = onFailure || (body.isMap() && text(body.get(u"when")) == u"on_fail");
            if (const QString run = text(body.isMap() ? body.get(u"command") : &body); !run.isEmpty())
                commands += splitCommands({run}, fails);
        } else if ((name == u"when" || name == u"unless") && body.isMap()) {
            if (const YamlNode* inner = body.get(u"steps"))
                addCircleCISteps(*inner, onFailure, commands, depth + 1);
        }
    }
}

bool runsOnFailure(const YamlNode& node)
{
    return text(node.get(u"if")).contains(QLatin1String("failure()"));
}

// The deploying jobs of a resolved pipeline: each job once (the first of its parallel instances), templates left
// out; GitLab jobs that run nothing and stop/prepare/verify/access jobs deliver nothing.
QList<const PipelineJob*> deliveringJobs(const pipeline::PipelineModel& model)
{
    QList<const PipelineJob*> jobs;
    QSet<QString> seen;
    for (const PipelineJob& job : model.jobs) {
        if (job.hidden || seen.contains(job.baseName) || PipelineDeployScanner::isApproval(model.kind, job))
            continue;
        seen.insert(job.baseName);
        if (model.kind == PipelineKind::GitLab) {
            if (!job.config.get(u"script") && !job.config.get(u"trigger") && !job.config.get(u"environment"))
                continue;
            if (!job.environmentAction.isEmpty() && job.environmentAction != u"start")
                continue;
        }
        jobs.append(&job);
    }
    return jobs;
}

std::optional<int> percent(const QString& text)
{
    bool ok = false;
    const int value = text.trimmed().remove(QLatin1Char('%')).toInt(&ok);
    return ok && value >= 0 && value <= 100 ? std::optional<int>(value) : std::nullopt;
}

} // namespace

PipelineDeployScanner::Flavour PipelineDeployScanner::flavourOf(const QString& path)
{
    if (pipeline::CircleCIConfig::isConfigPath(path))
        return Flavour::CircleCI;
    if (pipeline::JenkinsPipeline::isJenkinsPath(path))
        return Flavour::Jenkins;
    const QString lower = path.toLower();
    const bool yaml = lower.endsWith(QLatin1String(".yml")) || lower.endsWith(QLatin1String(".yaml"));
    if (!yaml)
        return Flavour::None;
    if (lower.startsWith(QLatin1String(".github/workflows/")) && lower.count(QLatin1Char('/')) == 2)
        return Flavour::GitHub;
    const QString file = lower.section(QLatin1Char('/'), -1);
    if (file == QLatin1String(".gitlab-ci.yml") || file.endsWith(QLatin1String(".gitlab-ci.yml"))
        || lower.startsWith(QLatin1String(".gitlab/ci/")))
        return Flavour::GitLab;
    return Flavour::None;
}

std::optional<StrategyFinding> PipelineDeployScanner::evaluate(const QString& path, const Job& job)
{
    static const QRegularExpression deployTool(QStringLiteral(
        R"((^|[\s;&|(])(kubectl|kubectl-argo-rollouts|helm|helmfile|argo|kustomize|skaffold|oc)(\s|$))"));
    static const QRegularExpression canaryWord(QStringLiteral(R"(\bcanary\b)"));
    static const QRegularExpression blueGreenWord(QStringLiteral(R"(blue[-_ ]?green|\bblue\b|\bgreen\b)"));
    static const QRegularExpression nameWeight(QStringLiteral(R"((\d{1,3})\s*%)"));
    static const QRegularExpression commandWeight(
        QStringLiteral(R"((?:--weight[= ]|weight=|setweight[:= ]+|--percentage[= ]|percentage=)\s*(\d{1,3})\b)"));
    static const QRegularExpression weightVariable(QStringLiteral("weight|percent|traffic"),
                                                   QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression promote(QStringLiteral(R"(argo[- ]rollouts\s+promote\b)"));
    static const QRegularExpression serviceSwitch(
        QStringLiteral(R"(kubectl\s.*\b(patch\s+(svc|service)\b.*selector|set\s+selector\b))"));
    static const QRegularExpression rollbackCommand(
        QStringLiteral(R"(rollout\s+undo\b|helm\s+rollback\b|argo[- ]rollouts\s+(abort|undo)\b|k8s-deploy reject)"));
    static const QRegularExpression atomic(
        QStringLiteral(R"(helm\s+(upgrade|install)\b.*(--atomic|--rollback-on-failure)\b)"));
    static const QRegularExpression rollingCommand(
        QStringLiteral(R"(kubectl\s.*\b(set\s+image|rollout\s+(status|restart))\s+(deploy|deployment|deployments)\b)"));
    static const QRegularExpression namespaceFlag(
        QStringLiteral(R"((?:^|\s)(?:-n|--namespace)[= ]([A-Za-z0-9][-A-Za-z0-9]*))"));

    QStringList commandTexts;
    for (const Command& command : job.commands)
        commandTexts.append(command.text.toLower());
    const QString commands = commandTexts.join(QLatin1Char('\n'));
    QString variableText;
    for (auto it = job.variables.cbegin(); it != job.variables.cend(); ++it)
        variableText += it.key() + QLatin1Char('=') + it.value() + QLatin1Char('\n');
    variableText = variableText.toLower();
    const QString deployStrategy = job.deployInputs.value(QStringLiteral("strategy")).toLower();
    const QString nameText = (job.name + QLatin1Char(' ') + job.environment).toLower();

    bool usesDeployTool = !job.deployInputs.isEmpty();
    for (const QString& command : std::as_const(commandTexts))
        usesDeployTool
            = usesDeployTool || deployTool.match(command).hasMatch() || OrchestratorCommands::deploys(command);
    if (job.environment.isEmpty() && !usesDeployTool)
        return std::nullopt;

    StrategyFinding finding;
    finding.environment = EnvironmentNames::fromDeclared(job.environment);
    if (finding.environment.isEmpty())
        finding.environment = EnvironmentNames::fromText(job.name);
    if (finding.environment.isEmpty()) {
        const QRegularExpressionMatch match = namespaceFlag.match(commands);
        if (match.hasMatch()) {
            const QString ns = match.captured(1);
            finding.environment = EnvironmentNames::fromText(ns);
            if (finding.environment.isEmpty())
                finding.environment = ns;
        }
    }
    if (finding.environment.isEmpty())
        return std::nullopt; // deploys somewhere nobody named
    finding.source = StrategySource{path, job.line, QStringLiteral("job"), job.name};

    std::optional<int> weight;
    if (const auto match = nameWeight.match(job.name); match.hasMatch())
        weight = percent(match.captured(1));
    for (auto it = job.variables.cbegin(); !weight && it != job.variables.cend(); ++it) {
        if (weightVariable.match(it.key()).hasMatch())
            weight = percent(it.value());
    }
    if (const auto match = commandWeight.match(commands); !weight && match.hasMatch())
        weight = percent(match.captured(1));
    if (!weight && job.deployInputs.contains(QStringLiteral("percentage")))
        weight = percent(job.deployInputs.value(QStringLiteral("percentage")));

    const bool canary = canaryWord.match(nameText).hasMatch() || canaryWord.match(commands).hasMatch()
        || canaryWord.match(variableText).hasMatch() || deployStrategy == QLatin1String("canary")
        || (nameWeight.match(job.name).hasMatch() && usesDeployTool);
    const bool switchesService = serviceSwitch.match(commands).hasMatch();
    const bool blueGreen = deployStrategy == QLatin1String("blue-green") || switchesService
        || blueGreenWord.match(nameText).hasMatch() || blueGreenWord.match(commands).hasMatch()
        || blueGreenWord.match(variableText).hasMatch();
    const bool promotes = promote.match(commands).hasMatch()
        || job.deployInputs.value(QStringLiteral("action")) == QLatin1String("promote");

    if (canary) {
        finding.strategy = StrategyKind::Canary;
        finding.strength = strength::Pipeline;
    } else if (blueGreen) {
        finding.strategy = StrategyKind::BlueGreen;
        finding.strength = strength::Pipeline;
    } else if (rollingCommand.match(commands).hasMatch()) {
        finding.strategy = StrategyKind::Rolling;
        finding.strength = strength::PipelineDeploy;
    } else {
        finding.strategy = StrategyKind::Unknown;
        finding.strength = strength::PipelineDeploy;
    }

    if (job.manual)
        finding.steps.append(StrategyStep::makePause(QStringLiteral("manual")));
    if (weight && finding.strategy == StrategyKind::Canary)
        finding.steps.append(StrategyStep::makeWeight(*weight));
    if (promotes || (switchesService && finding.strategy == StrategyKind::BlueGreen))
        finding.steps.append(StrategyStep::makePromote(!job.manual));
    for (StrategyStep& step : finding.steps)
        step.job = job.name;

    for (const Command& command : job.commands) {
        const QString text = command.text.toLower();
        if (atomic.match(text).hasMatch())
            finding.rollback = RollbackMode::Automatic;
        else if (rollbackCommand.match(text).hasMatch())
            finding.rollback
                = std::max(finding.rollback, command.onFailure ? RollbackMode::Automatic : RollbackMode::Manual);
    }
    OrchestratorCommands::refine(job, finding);
    return finding;
}

QList<StrategyFinding> PipelineDeployScanner::evaluateEach(const QString& path, const Job& job)
{
    QList<StrategyFinding> findings;
    if (!EnvironmentExpression::isExpression(job.environment)) {
        if (auto finding = evaluate(path, job))
            findings.append(*finding);
        return findings;
    }
    const EnvironmentExpression::Resolution resolution = EnvironmentExpression::resolve(job.environment, job.known);
    if (resolution.chosenAtRunTime) {
        if (auto finding = evaluate(path, job)) {
            finding->environment = job.environment; // as written: never a guess, never re-cased
            finding->expression = job.environment;
            finding->chosenAtRunTime = true;
            findings.append(*finding);
        }
        return findings;
    }
    for (const QString& value : resolution.values) {
        Job one = job;
        one.environment = value;
        if (auto finding = evaluate(path, one)) {
            finding->expression = job.environment;
            finding->resolvedFrom = resolution.origin;
            findings.append(*finding);
        }
    }
    return findings;
}

PipelineDeployScanner::Job PipelineDeployScanner::jobOf(const PipelineJob& job, PipelineKind kind)
{
    Job result;
    result.name = job.baseName;
    result.line = job.line;
    result.environment = job.environment;
    if (kind == PipelineKind::GitHub) {
        result.onFailure = runsOnFailure(job.config);
        result.variables = variablesOf(job.config.get(u"env"));
        if (const YamlNode* steps = job.config.get(u"steps"); steps && steps->isSequence()) {
            for (const YamlNode& step : steps->items) {
                const bool onFailure = result.onFailure || runsOnFailure(step);
                if (const QString run = text(step.get(u"run")); !run.isEmpty())
                    result.commands += splitCommands({run}, onFailure);
                if (text(step.get(u"uses")).toLower().startsWith(QLatin1String("azure/k8s-deploy"))) {
                    const QMap<QString, QString> inputs = variablesOf(step.get(u"with"));
                    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
                        result.deployInputs.insert(it.key(), it.value());
                    if (inputs.value(QStringLiteral("action")) == QLatin1String("reject"))
                        result.commands.append({QStringLiteral("k8s-deploy reject"), onFailure});
                }
                const QMap<QString, QString> stepEnv = variablesOf(step.get(u"env"));
                for (auto it = stepEnv.cbegin(); it != stepEnv.cend(); ++it)
                    result.variables.insert(it.key(), it.value());
            }
        }
        return result;
    }
    if (kind == PipelineKind::CircleCI) {
        result.manual = job.when == u"manual";
        result.variables = variablesOf(job.config.get(u"environment"));
        if (const YamlNode* steps = job.config.get(u"steps"))
            addCircleCISteps(*steps, false, result.commands);
        return result;
    }
    result.manual = pipeline::DeploymentGates::isManual(job);
    result.onFailure = job.when == u"on_failure";
    QStringList scripts;
    for (const char16_t* key : {u"before_script", u"script", u"after_script"}) {
        if (const YamlNode* node = job.config.get(QStringView(key)))
            scalars(*node, scripts);
    }
    result.commands = splitCommands(scripts, result.onFailure);
    // Jenkins: the steps of a stage's `post { failure | unsuccessful | aborted }` run only when it went wrong.
    if (const YamlNode* post = job.config.get(u"post_failure"); post && kind == PipelineKind::Jenkins) {
        QStringList failing;
        scalars(*post, failing);
        result.commands += splitCommands(failing, true);
    }
    result.variables = variablesOf(job.config.get(u"variables"));
    return result;
}

QList<StrategyFinding> PipelineDeployScanner::findingsOf(const pipeline::PipelineModel& model)
{
    QList<StrategyFinding> findings;
    if (model.kind == PipelineKind::Unknown)
        return findings;
    Known global;
    if (model.kind == PipelineKind::GitHub)
        global = gitHubWorkflowKnown(model.merged);
    else if (model.kind != PipelineKind::CircleCI)
        addGitLabVariables(global, model.merged.get(u"variables")); // GitLab, and a Jenkinsfile's `environment`
    for (const PipelineJob* job : deliveringJobs(model)) {
        Job one = jobOf(*job, model.kind);
        one.known = global;
        if (model.kind == PipelineKind::GitHub) {
            addGitHubJobKnown(one.known, job->config);
        } else if (model.kind == PipelineKind::CircleCI) {
            addGitLabVariables(one.known, job->config.get(u"environment"));
            // A CircleCI job waits for a human when it requires an approval job.
            for (const QString& need : job->needs) {
                const PipelineJob* needed = model.job(need);
                one.manual = one.manual || (needed && isApproval(model.kind, *needed));
            }
        } else {
            addGitLabVariables(one.known, job->config.get(u"variables"));
            addGitLabMatrix(one.known, job->config.get(u"parallel"));
        }
        findings += evaluateEach(model.file, one);
    }
    return findings;
}

bool PipelineDeployScanner::isApproval(PipelineKind kind, const PipelineJob& job)
{
    return kind == PipelineKind::CircleCI && text(job.config.get(u"type")) == u"approval";
}

void PipelineDeployScanner::read(const QString& path, const QByteArray& content, Flavour flavour,
                                 QList<StrategyFinding>& findings, QList<StrategyDiagnostic>& diagnostics)
{
    if (flavour == Flavour::None)
        return;
    if (content.size() > ManifestReader::MaxFileSize) {
        diagnostics.append({path, 0, 0, QStringLiteral("strategy.too-large"),
                            QStringLiteral("%1 bytes, above the %2-byte limit; not read")
                                .arg(content.size())
                                .arg(ManifestReader::MaxFileSize)});
        return;
    }
    if (content.contains('\0')) {
        diagnostics.append({path, 0, 0, QStringLiteral("strategy.binary"), QStringLiteral("binary content; not read")});
        return;
    }
    if (flavour == Flavour::Jenkins && !pipeline::JenkinsPipeline::hasPipelineBlock(content))
        return; // a Groovy file under jenkins/ that is no declarative pipeline (a shared library, a script)
    if (flavour != Flavour::Jenkins) {
        int depth = 0;
        for (const char c : content) {
            if (c == '[' || c == '{')
                ++depth;
            else if ((c == ']' || c == '}') && depth > 0)
                --depth;
            if (depth > 200) {
                diagnostics.append({path, 0, 0, QStringLiteral("strategy.yaml"),
                                    QStringLiteral("collections nested deeper than 200 levels; not read")});
                return;
            }
        }
    }
    // The pipeline engine reads the file (anchors, `<<`, `extends`, `!reference`; Groovy blocks; CircleCI commands,
    // executors and parameters); includes are other files, read on their own when they are pipeline files of the
    // repository.
    pipeline::ValidationOptions options;
    switch (flavour) {
    case Flavour::GitLab:
        options.kind = PipelineKind::GitLab;
        break;
    case Flavour::GitHub:
        options.kind = PipelineKind::GitHub;
        break;
    case Flavour::Jenkins:
        options.kind = PipelineKind::Jenkins;
        break;
    case Flavour::CircleCI:
    case Flavour::None:
        options.kind = PipelineKind::CircleCI;
        break;
    }
    options.gates = false;
    const pipeline::ValidationResult result = pipeline::validatePipeline(content, path, options);
    for (const pipeline::Diagnostic& d : result.diagnostics) {
        // A file that cannot be read says so; what the engine finds wrong in a readable file is not this reader's
        // to say.
        if (d.severity != pipeline::Severity::Error)
            continue;
        if (d.rule.startsWith(QLatin1String("yaml."))) {
            diagnostics.append({path, d.line, d.column, QStringLiteral("strategy.yaml"), d.message});
            return;
        }
        if (flavour == Flavour::Jenkins && d.category == pipeline::Category::Syntax) {
            diagnostics.append({path, d.line, d.column, QStringLiteral("strategy.syntax"), d.message});
            return;
        }
    }
    findings += findingsOf(result.model);
}

} // namespace gatehouse::delivery
