// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JenkinsChecks.h"

#include "pipeline/DeploymentGates.h"

#include <QRegularExpression>

namespace gatehouse::pipeline::jenkins {

namespace {

constexpr int MaxMatrixCells = 256; // Jenkins itself refuses far smaller matrices; this bounds a broken file

/// What a stage takes from the stages and the pipeline around it.
struct Inherited
{
    QString top; ///< the top-level stage (the graph's column when nothing finer applies)
    QString suffix; ///< a matrix cell's ": [a, b]"
    QString parents; ///< the enclosing stages, "Package / Debian"
    YamlNode variables = YamlNode::map();
    YamlNode image; ///< the docker image of the nearest agent, if any
    YamlNode timeout;
    int timeoutMinutes = 0;
    YamlNode branches = YamlNode::sequence(); ///< literal branch names a `when` restricts the stage to
    QString input; ///< the message of an `input` directive on the stage or an enclosing one
};

YamlNode scalarOf(const QString& text, int line, int column, bool quoted)
{
    YamlNode node = YamlNode::scalar(text, line, column);
    node.plain = !quoted;
    return node;
}

/// An environment value as the gates see it: literals as written, anything computed as a `${…}` reference.
YamlNode environmentValue(const Value& value)
{
    switch (value.type) {
    case Value::Type::String:
        return scalarOf(value.text, value.line, value.column, true);
    case Value::Type::Number:
    case Value::Type::Bool:
        return scalarOf(value.text, value.line, value.column, false);
    case Value::Type::Call:
        return scalarOf(QStringLiteral("${%1(…)}").arg(value.text), value.line, value.column, false);
    default:
        return scalarOf(QStringLiteral("${%1}").arg(value.text.left(200)), value.line, value.column, false);
    }
}

void addEnvironment(YamlNode& variables, const Statement* environment)
{
    if (!environment)
        return;
    for (const Statement& s : environment->body) {
        if (s.form == Statement::Form::Assignment)
            variables.set(s.name, environmentValue(s.assigned));
    }
}

int minutes(const Statement& timeout)
{
    const Value* time = timeout.named(u"time") ? timeout.named(u"time") : timeout.positional();
    bool ok = false;
    const int amount = time ? time->text.toInt(&ok) : 0;
    if (!ok)
        return 0;
    const QString unit = literalText(timeout.named(u"unit")).toUpper();
    if (unit == u"HOURS")
        return amount * 60;
    if (unit == u"DAYS")
        return amount * 1440;
    if (unit == u"SECONDS")
        return (amount + 59) / 60;
    return amount;
}

/// The docker image of an agent block (`agent { docker 'img' }`, `agent { docker { image 'img' } }`).
YamlNode agentImage(const Statement& agent)
{
    const Statement* docker = agent.child(u"docker");
    if (!docker)
        return {};
    const Value* image = docker->positional();
    if (!image)
        image = docker->named(u"image");
    if (const Statement* block = docker->child(u"image"); !image && block)
        image = block->positional();
    if (!image || !image->isString())
        return {};
    return scalarOf(image->text, image->line, image->column, true);
}

/// Branch names a `when` restricts a stage to (plain `branch 'x'` conditions, directly or under allOf).
void addBranches(YamlNode& branches, const Statement& block)
{
    for (const Statement& c : block.body) {
        if (c.name == u"allOf") {
            addBranches(branches, c);
        } else if (c.name == u"branch" && !c.named(u"comparator")) {
            const Value* pattern = c.positional() ? c.positional() : c.named(u"pattern");
            if (pattern && pattern->isString())
                branches.items.push_back(scalarOf(pattern->text, pattern->line, pattern->column, true));
        }
    }
}

struct StepFacts
{
    YamlNode script = YamlNode::sequence();
    const Statement* ignoredFailure = nullptr; ///< catchError/warnError or returnStatus: a step that may fail
    bool input = false; ///< an `input` step waits for a human
};

/// What the steps run: shell scripts (sh, bat, powershell) with their positions, other steps as their call text
/// (tools are recognised by name), and `script { }` blocks as their code.
void collectSteps(const std::vector<Statement>& steps, StepFacts& facts, int depth = 0)
{
    if (depth > 50)
        return;
    for (const Statement& step : steps) {
        if (step.form != Statement::Form::Call)
            continue;
        if (step.opaque) {
            facts.script.items.push_back(scalarOf(step.raw, step.rawLine, step.rawColumn, true));
            continue;
        }
        if (step.name == u"input")
            facts.input = true;
        if (step.name == u"warnError" || step.name == u"unstable"
            || (step.name == u"catchError" && step.named(u"buildResult")
                && literalText(step.named(u"buildResult")) != u"FAILURE"))
            facts.ignoredFailure = &step;
        if (const Value* status = step.named(u"returnStatus"); status && status->text == u"true")
            facts.ignoredFailure = &step;
        static const QStringList shells
            = {QStringLiteral("sh"), QStringLiteral("bat"), QStringLiteral("powershell"), QStringLiteral("pwsh")};
        const Value* script = step.named(u"script") ? step.named(u"script") : step.positional();
        if (shells.contains(step.name) && script) {
            if (script->isString())
                facts.script.items.push_back(scalarOf(script->text, script->contentLine, script->contentColumn, true));
            else
                facts.script.items.push_back(scalarOf(script->text, script->line, script->column, true));
        } else {
            QStringList parts{step.name};
            for (const Argument& a : step.arguments)
                parts << (a.name.isEmpty() ? a.value.text : a.name + QStringLiteral(": ") + a.value.text);
            facts.script.items.push_back(scalarOf(parts.join(u' '), step.line, step.column, false));
        }
        if (step.hasBlock)
            collectSteps(step.body, facts, depth + 1);
    }
}

class Builder
{
public:
    Builder(PipelineModel& model, const Statement& stages)
        : m_model(model)
    {
        countNames(stages);
    }

    QStringList stages(const Statement& stages, QStringList needs, const Inherited& inherited)
    {
        for (const Statement& s : stages.body) {
            if (s.form == Statement::Form::Call && s.name == u"stage")
                needs = stage(s, needs, inherited);
        }
        return needs;
    }

private:
    /// Parallel branches may reuse a stage name ('Build' under 'Linux' and under 'Windows'): such jobs are named by
    /// their path so that every job name, and every need, stays unique.
    void countNames(const Statement& block, int depth = 0)
    {
        for (const Statement& s : block.body) {
            if (s.name == u"stage" && s.child(u"steps"))
                ++m_names[literalText(s.positional())];
            if (depth < 50
                && (s.name == u"stage" || s.name == u"stages" || s.name == u"parallel" || s.name == u"matrix"))
                countNames(s, depth + 1);
        }
    }

    QStringList stage(const Statement& stage, const QStringList& needs, Inherited inherited)
    {
        const QString name = literalText(stage.positional());
        if (name.isEmpty())
            return needs;
        if (inherited.top.isEmpty())
            inherited.top = name;
        apply(stage, inherited);
        if (const Statement* steps = stage.child(u"steps")) {
            const QString jobName = m_names.value(name) > 1 && !inherited.parents.isEmpty()
                ? inherited.parents + QStringLiteral(" / ") + name
                : name;
            job(stage, jobName, name, *steps, needs, inherited);
            return {jobName + inherited.suffix};
        }
        inherited.parents = inherited.parents.isEmpty() ? name : inherited.parents + QStringLiteral(" / ") + name;
        if (const Statement* nested = stage.child(u"stages"))
            return stages(*nested, needs, inherited);
        if (const Statement* parallel = stage.child(u"parallel")) {
            QStringList ends;
            for (const Statement& branch : parallel->body) {
                if (branch.name == u"stage")
                    ends += this->stage(branch, needs, inherited);
            }
            return ends.isEmpty() ? needs : ends;
        }
        if (const Statement* matrix = stage.child(u"matrix")) {
            apply(*matrix, inherited);
            const Statement* inner = matrix->child(u"stages");
            QStringList ends;
            for (const auto& cell : matrixCells(*matrix, MaxMatrixCells)) {
                Inherited cellContext = inherited;
                QStringList values;
                for (const auto& [axis, value] : cell) {
                    values << value;
                    cellContext.variables.set(axis, scalarOf(value, matrix->line, matrix->column, true));
                }
                cellContext.suffix = inherited.suffix + QStringLiteral(": [%1]").arg(values.join(QStringLiteral(", ")));
                if (inner)
                    ends += stages(*inner, needs, cellContext);
            }
            return ends.isEmpty() ? needs : ends;
        }
        return needs;
    }

    /// The directives of a stage (or matrix) that its inner stages inherit.
    static void apply(const Statement& block, Inherited& inherited)
    {
        for (const Statement& s : block.body) {
            if (s.name == u"environment")
                addEnvironment(inherited.variables, &s);
            else if (s.name == u"agent" && s.hasBlock) {
                if (YamlNode image = agentImage(s); image.isScalar())
                    inherited.image = image;
            } else if (s.name == u"when")
                addBranches(inherited.branches, s);
            else if (s.name == u"input") {
                const Statement* message = s.child(u"message");
                const QString text = message ? literalText(message->positional()) : QString();
                inherited.input = text.isEmpty() ? QStringLiteral("input") : text;
            } else if (s.name == u"options") {
                if (const Statement* timeout = s.child(u"timeout"); timeout && minutes(*timeout) > 0) {
                    inherited.timeoutMinutes = minutes(*timeout);
                    inherited.timeout
                        = scalarOf(QString::number(inherited.timeoutMinutes), timeout->line, timeout->column, false);
                }
            }
        }
    }

    void job(const Statement& stage, const QString& name, const QString& baseName, const Statement& steps,
             const QStringList& needs, const Inherited& inherited)
    {
        PipelineJob job;
        job.name = name + inherited.suffix;
        job.baseName = baseName;
        job.file = m_model.file;
        job.line = stage.line;
        job.column = stage.column;
        job.stage = inherited.top;
        job.needs = needs;
        job.timeoutMinutes = inherited.timeoutMinutes;
        job.when = QStringLiteral("on_success");
        StepFacts facts;
        collectSteps(steps.body, facts);
        // The steps that run only when the stage went wrong (a rollback there is automatic) are also kept apart.
        StepFacts failing;
        if (const Statement* post = stage.child(u"post")) {
            for (const Statement& condition : post->body) {
                collectSteps(condition.body, facts);
                if (condition.name == u"failure" || condition.name == u"unsuccessful" || condition.name == u"aborted")
                    collectSteps(condition.body, failing);
            }
        }
        YamlNode config = YamlNode::map(stage.line, stage.column);
        config.set(QStringLiteral("stage"), YamlNode::scalar(inherited.top));
        YamlNode needsNode = YamlNode::sequence();
        for (const QString& need : needs)
            needsNode.items.push_back(YamlNode::scalar(need));
        config.set(QStringLiteral("needs"), needsNode);
        config.set(QStringLiteral("script"), facts.script);
        if (!failing.script.items.empty())
            config.set(QStringLiteral("post_failure"), failing.script);
        config.set(QStringLiteral("variables"), inherited.variables);
        if (inherited.image.isScalar()) {
            config.set(QStringLiteral("image"), inherited.image);
            job.image = inherited.image.value;
        }
        if (inherited.timeout.isScalar())
            config.set(QStringLiteral("timeout"), inherited.timeout);
        if (!inherited.branches.items.empty())
            config.set(QStringLiteral("branches"), inherited.branches);
        if (!inherited.input.isEmpty() || facts.input) {
            job.when = QStringLiteral("manual");
            config.set(QStringLiteral("input"), YamlNode::scalar(inherited.input));
        }
        if (facts.ignoredFailure) {
            job.allowFailure = true;
            config.set(
                QStringLiteral("allow_failure"),
                scalarOf(QStringLiteral("true"), facts.ignoredFailure->line, facts.ignoredFailure->column, false));
        }
        job.config = config;
        inferEnvironment(job, facts);
        m_model.jobs.append(job);
    }

    /// Jenkins has no environment keyword: a deploy stage's target comes from its name, variables and commands.
    void inferEnvironment(PipelineJob& job, const StepFacts& facts) const
    {
        if (!DeploymentGates::productionEvidence(m_model, job).isEmpty()) {
            job.environment = job.environmentTier = QStringLiteral("production");
            return;
        }
        static const QRegularExpression staging(QStringLiteral("(^|[^a-z])stag(e|ing)([^a-z]|$)"));
        static const QRegularExpression deploy(QStringLiteral("deploy|release|rollout|promot"));
        const QString name = job.baseName.toLower();
        if (name.contains(u"staging") && deploy.match(name).hasMatch()) {
            job.environment = job.environmentTier = QStringLiteral("staging");
            return;
        }
        if (!deploy.match(name).hasMatch() && !job.stage.toLower().contains(u"deploy"))
            return;
        QString text;
        for (const YamlNode& item : facts.script.items)
            text += item.value.toLower() + u'\n';
        for (const YamlNode& item : job.config.get(u"variables")->items)
            text += item.value.toLower() + u'\n';
        if (text.contains(u"staging"))
            job.environment = job.environmentTier = QStringLiteral("staging");
    }

    PipelineModel& m_model;
    QHash<QString, int> m_names;
};

} // namespace

PipelineModel buildModel(const Statement& pipeline, const QString& path)
{
    PipelineModel model;
    model.kind = PipelineKind::Jenkins;
    model.file = path;
    model.files = {path};
    model.merged = YamlNode::map(pipeline.line, pipeline.column);
    Inherited top;
    addEnvironment(top.variables, pipeline.child(u"environment"));
    if (const Statement* agent = pipeline.child(u"agent")) {
        const Value* type = agent->positional();
        model.merged.set(QStringLiteral("agent"),
                         YamlNode::scalar(type                      ? type->text
                                              : agent->body.empty() ? QString()
                                                                    : agent->body.front().name,
                                          agent->line, agent->column));
        if (agent->hasBlock)
            top.image = agentImage(*agent);
    }
    // The pipeline's own environment is checked once, there; stages see it through `merged`.
    model.merged.set(QStringLiteral("variables"), top.variables);
    top.variables = YamlNode::map();
    if (const Statement* options = pipeline.child(u"options")) {
        if (const Statement* timeout = options->child(u"timeout"); timeout && minutes(*timeout) > 0) {
            top.timeoutMinutes = minutes(*timeout);
            top.timeout = scalarOf(QString::number(top.timeoutMinutes), timeout->line, timeout->column, false);
        }
    }
    YamlNode stageNames = YamlNode::sequence();
    if (const Statement* stages = pipeline.child(u"stages")) {
        for (const Statement& s : stages->body) {
            const QString name = literalText(s.positional());
            if (s.name == u"stage" && !name.isEmpty()) {
                model.stages << name;
                stageNames.items.push_back(YamlNode::scalar(name, s.line, s.column));
            }
        }
        Builder(model, *stages).stages(*stages, {}, top);
    }
    model.merged.set(QStringLiteral("stages"), stageNames);
    return model;
}

} // namespace gatehouse::pipeline::jenkins
