// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineDeployScanner.h"

#include "EnvironmentNames.h"
#include "orchestrators/OrchestratorReader.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <exception>
#include <map>
#include <string>

namespace gatehouse::delivery {

namespace {

constexpr int MaxDepth = 10;
constexpr qint64 MaxFileSize = 2 * 1024 * 1024;

YAML::Node child(const YAML::Node& node, const char* key)
{
    if (!node || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    return node[key];
}

QString scalar(const YAML::Node& node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

int lineOf(const YAML::Node& node)
{
    return node && node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

// `environment: production` or `environment: {name: production, action: stop}`.
QString environmentName(const YAML::Node& node)
{
    if (node && node.IsScalar())
        return scalar(node);
    return scalar(child(node, "name"));
}

using KeyMap = std::map<std::string, YAML::Node>;

class GitLabFile
{
public:
    explicit GitLabFile(const YAML::Node& root)
        : m_root(root)
    { }

    // The job's keys after `<<:` merges and `extends:` (parents first, own keys last).
    KeyMap resolve(const YAML::Node& job, int depth = 0) const
    {
        KeyMap keys;
        // Aliases are shared nodes, so `<<: [*a, *a, …]` nested a few levels deep would multiply the work: a budget
        // per file keeps hostile input cheap.
        if (!job || !job.IsMap() || depth > MaxDepth || --m_budget < 0) // `!job`: e.g. extends from an include
            return keys;
        const YAML::Node extends = child(job, "extends");
        QStringList parents;
        if (extends && extends.IsScalar())
            parents.append(scalar(extends));
        else if (extends && extends.IsSequence()) {
            for (const YAML::Node& parent : extends)
                parents.append(scalar(parent));
        }
        for (const QString& parent : parents) {
            const YAML::Node parentNode = child(m_root, parent.toStdString().c_str());
            for (auto& [key, value] : resolve(parentNode, depth + 1))
                keys[key] = value;
        }
        const YAML::Node merge = child(job, "<<");
        if (merge && merge.IsMap()) {
            for (auto& [key, value] : resolve(merge, depth + 1))
                keys[key] = value;
        } else if (merge && merge.IsSequence()) {
            for (const YAML::Node& item : merge) {
                for (auto& [key, value] : resolve(item, depth + 1))
                    keys[key] = value;
            }
        }
        for (const auto& entry : job) {
            const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
            if (key == "extends" || key == "<<" || key.empty())
                continue;
            keys[key] = entry.second;
        }
        return keys;
    }

    // Script lines, with `!reference [.job, script]` followed and nested lists flattened.
    void flatten(const YAML::Node& node, QStringList& lines, int depth = 0) const
    {
        if (!node || depth > MaxDepth || --m_budget < 0)
            return;
        if (node.Tag() == "!reference" && node.IsSequence() && node.size() >= 2) {
            const KeyMap target = resolve(child(m_root, node[0].Scalar().c_str()));
            const auto it = target.find(node[1].IsScalar() ? node[1].Scalar() : std::string());
            if (it != target.end())
                flatten(it->second, lines, depth + 1);
            return;
        }
        if (node.IsScalar())
            lines.append(scalar(node));
        else if (node.IsSequence()) {
            for (const YAML::Node& item : node)
                flatten(item, lines, depth + 1);
        }
    }

private:
    YAML::Node m_root;
    mutable int m_budget = 20000;
};

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

QMap<QString, QString> variablesOf(const YAML::Node& node)
{
    QMap<QString, QString> variables;
    if (!node || !node.IsMap())
        return variables;
    for (const auto& entry : node) {
        const QString value = entry.second.IsMap() ? scalar(child(entry.second, "value")) : scalar(entry.second);
        variables.insert(scalar(entry.first), value);
    }
    return variables;
}

using Known = QMap<QString, EnvironmentExpression::Known>;

QStringList scalarsOf(const YAML::Node& node)
{
    QStringList values;
    if (node && node.IsScalar())
        values << scalar(node);
    else if (node && node.IsSequence()) {
        for (const YAML::Node& item : node) {
            if (item.IsScalar())
                values << scalar(item);
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
void addGitLabVariables(Known& known, const YAML::Node& variables)
{
    if (!variables || !variables.IsMap())
        return;
    for (const auto& entry : variables) {
        const QString name = scalar(entry.first);
        const YAML::Node options = child(entry.second, "options");
        known.remove(name); // a job's own variable replaces the global one
        if (options && options.IsSequence())
            addKnown(known, name, scalarsOf(options), QStringLiteral("options"));
        else
            addKnown(known, name, {entry.second.IsMap() ? scalar(child(entry.second, "value")) : scalar(entry.second)},
                     QStringLiteral("variable"));
    }
}

// GitHub `on.workflow_dispatch.inputs` / `on.workflow_call.inputs`: a choice's options, else the default; and
// the workflow's `env:`.
Known gitHubWorkflowKnown(const YAML::Node& root)
{
    Known known;
    const YAML::Node on = child(root, "on");
    for (const char* event : {"workflow_dispatch", "workflow_call"}) {
        const YAML::Node inputs = child(child(on, event), "inputs");
        if (!inputs || !inputs.IsMap())
            continue;
        for (const auto& entry : inputs) {
            const QString key = QStringLiteral("inputs.") + scalar(entry.first);
            const YAML::Node options = child(entry.second, "options");
            if (scalar(child(entry.second, "type")) == QLatin1String("choice") && options && options.IsSequence())
                addKnown(known, key, scalarsOf(options), QStringLiteral("choice"));
            else if (const QString value = scalar(child(entry.second, "default")); !value.isEmpty())
                addKnown(known, key, {value}, QStringLiteral("default"));
        }
    }
    const YAML::Node env = child(root, "env");
    if (env && env.IsMap()) {
        for (const auto& entry : env)
            addKnown(known, QStringLiteral("env.") + scalar(entry.first), {scalar(entry.second)},
                     QStringLiteral("variable"));
    }
    return known;
}

// A job's `strategy.matrix` values (plus `include` entries) and its `env:`.
void addGitHubJobKnown(Known& known, const YAML::Node& job)
{
    const YAML::Node matrix = child(child(job, "strategy"), "matrix");
    if (matrix && matrix.IsMap()) {
        for (const auto& entry : matrix) {
            const QString key = scalar(entry.first);
            if (key == QLatin1String("include") && entry.second.IsSequence()) {
                for (const YAML::Node& item : entry.second) {
                    if (!item.IsMap())
                        continue;
                    for (const auto& pair : item)
                        addKnown(known, QStringLiteral("matrix.") + scalar(pair.first), scalarsOf(pair.second),
                                 QStringLiteral("matrix"));
                }
            } else if (key != QLatin1String("exclude")) {
                addKnown(known, QStringLiteral("matrix.") + key, scalarsOf(entry.second), QStringLiteral("matrix"));
            }
        }
    }
    const YAML::Node env = child(job, "env");
    if (env && env.IsMap()) {
        for (const auto& entry : env) {
            known.remove(QStringLiteral("env.") + scalar(entry.first));
            addKnown(known, QStringLiteral("env.") + scalar(entry.first), {scalar(entry.second)},
                     QStringLiteral("variable"));
        }
    }
}

void readGitLab(const QString& path, const YAML::Node& root, QList<StrategyFinding>& findings)
{
    if (!root.IsMap())
        return;
    static const QStringList reserved{
        QStringLiteral("default"),      QStringLiteral("include"),  QStringLiteral("stages"),
        QStringLiteral("variables"),    QStringLiteral("workflow"), QStringLiteral("image"),
        QStringLiteral("services"),     QStringLiteral("cache"),    QStringLiteral("before_script"),
        QStringLiteral("after_script"), QStringLiteral("types"),    QStringLiteral("spec")};
    const GitLabFile file(root);
    Known global;
    addGitLabVariables(global, child(root, "variables"));
    for (const auto& entry : root) {
        const QString name = scalar(entry.first);
        if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || reserved.contains(name) || !entry.second.IsMap())
            continue;
        const KeyMap keys = file.resolve(entry.second);
        auto value = [&keys](const char* key) {
            const auto it = keys.find(key);
            return it == keys.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
        };
        if (!value("script") && !value("trigger") && !value("environment"))
            continue;
        const QString action = scalar(child(value("environment"), "action"));
        if (!action.isEmpty() && action != QLatin1String("start"))
            continue; // stop/prepare/verify/access jobs do not deliver anything
        PipelineDeployScanner::Job job;
        job.name = name;
        job.line = lineOf(entry.first);
        job.environment = environmentName(value("environment"));
        const QString when = scalar(value("when"));
        job.manual = when == QLatin1String("manual");
        job.onFailure = when == QLatin1String("on_failure");
        QStringList scripts;
        file.flatten(value("before_script"), scripts);
        file.flatten(value("script"), scripts);
        file.flatten(value("after_script"), scripts);
        job.commands = splitCommands(scripts, job.onFailure);
        job.variables = variablesOf(value("variables"));
        job.known = global;
        addGitLabVariables(job.known, value("variables"));
        const YAML::Node matrix = child(value("parallel"), "matrix");
        if (matrix && matrix.IsSequence()) {
            for (const YAML::Node& combination : matrix) {
                if (!combination.IsMap())
                    continue;
                for (const auto& pair : combination) {
                    job.known.remove(scalar(pair.first));
                    addKnown(job.known, scalar(pair.first), scalarsOf(pair.second), QStringLiteral("matrix"));
                }
            }
        }
        findings += PipelineDeployScanner::evaluateEach(path, job);
    }
}

bool runsOnFailure(const YAML::Node& node)
{
    return scalar(child(node, "if")).contains(QLatin1String("failure()"));
}

void readGitHub(const QString& path, const YAML::Node& root, QList<StrategyFinding>& findings)
{
    const YAML::Node jobs = child(root, "jobs");
    if (!jobs || !jobs.IsMap())
        return;
    const Known workflowKnown = gitHubWorkflowKnown(root);
    for (const auto& entry : jobs) {
        const YAML::Node node = entry.second;
        if (!node.IsMap())
            continue;
        PipelineDeployScanner::Job job;
        job.name = scalar(entry.first);
        job.line = lineOf(entry.first);
        job.environment = environmentName(child(node, "environment"));
        job.onFailure = runsOnFailure(node);
        job.variables = variablesOf(child(node, "env"));
        job.known = workflowKnown;
        addGitHubJobKnown(job.known, node);
        const YAML::Node steps = child(node, "steps");
        if (steps && steps.IsSequence()) {
            for (const YAML::Node& step : steps) {
                const bool onFailure = job.onFailure || runsOnFailure(step);
                if (const QString run = scalar(child(step, "run")); !run.isEmpty())
                    job.commands += splitCommands({run}, onFailure);
                const QString uses = scalar(child(step, "uses")).toLower();
                if (uses.startsWith(QLatin1String("azure/k8s-deploy"))) {
                    const QMap<QString, QString> inputs = variablesOf(child(step, "with"));
                    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
                        job.deployInputs.insert(it.key(), it.value());
                    if (inputs.value(QStringLiteral("action")) == QLatin1String("reject"))
                        job.commands.append({QStringLiteral("k8s-deploy reject"), onFailure});
                }
                const QMap<QString, QString> stepEnv = variablesOf(child(step, "env"));
                for (auto it = stepEnv.cbegin(); it != stepEnv.cend(); ++it)
                    job.variables.insert(it.key(), it.value());
            }
        }
        findings += PipelineDeployScanner::evaluateEach(path, job);
    }
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

void PipelineDeployScanner::read(const QString& path, const QByteArray& content, Flavour flavour,
                                 QList<StrategyFinding>& findings, QList<StrategyDiagnostic>& diagnostics)
{
    if (flavour == Flavour::None)
        return;
    if (content.size() > MaxFileSize) {
        diagnostics.append(
            {path, 0, 0, QStringLiteral("strategy.too-large"),
             QStringLiteral("%1 bytes, above the %2-byte limit; not read").arg(content.size()).arg(MaxFileSize)});
        return;
    }
    if (content.contains('\0')) {
        diagnostics.append({path, 0, 0, QStringLiteral("strategy.binary"), QStringLiteral("binary content; not read")});
        return;
    }
    int depth = 0;
    for (const char c : content) {
        if (c == '[' || c == '{')
            ++depth;
        else if ((c == ']' || c == '}') && depth > 0)
            --depth;
        if (depth > 200) { // yaml-cpp recurses without a limit
            diagnostics.append({path, 0, 0, QStringLiteral("strategy.yaml"),
                                QStringLiteral("collections nested deeper than 200 levels; not read")});
            return;
        }
    }
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(content.toStdString());
        for (const YAML::Node& root : documents) {
            if (flavour == Flavour::GitLab)
                readGitLab(path, root, findings);
            else
                readGitHub(path, root, findings);
        }
    } catch (const YAML::Exception& error) {
        diagnostics.append({path, error.mark.line >= 0 ? error.mark.line + 1 : 0,
                            error.mark.column >= 0 ? error.mark.column + 1 : 0, QStringLiteral("strategy.yaml"),
                            QString::fromStdString(error.msg)});
    } catch (const std::exception& error) {
        diagnostics.append({path, 0, 0, QStringLiteral("strategy.yaml"), QString::fromLocal8Bit(error.what())});
    }
}

} // namespace gatehouse::delivery
