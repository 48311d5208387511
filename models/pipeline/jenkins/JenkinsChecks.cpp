// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JenkinsChecks.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace gatehouse::pipeline::jenkins {

namespace {

using Form = Statement::Form;

QStringList latin(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words)
        list << QString::fromLatin1(word);
    return list;
}

QSet<QString> toSet(const QStringList& list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

// The vocabulary of Jenkins' declarative "Pipeline Syntax" reference.
const QStringList& pipelineSections()
{
    static const QStringList list
        = latin({"agent", "environment", "libraries", "options", "parameters", "post", "stages", "tools", "triggers"});
    return list;
}
const QStringList& stageSections()
{
    static const QStringList list = latin({"agent", "environment", "failFast", "input", "options", "parallel", "matrix",
                                           "post", "stages", "steps", "tools", "when"});
    return list;
}
const QStringList& matrixSections()
{
    static const QStringList list
        = latin({"agent", "axes", "environment", "excludes", "input", "options", "post", "stages", "tools", "when"});
    return list;
}
const QStringList& whenConditions()
{
    static const QStringList list = latin({"branch", "buildingTag", "changelog", "changeset", "changeRequest",
                                           "environment", "equals", "expression", "tag", "not", "allOf", "anyOf",
                                           "triggeredBy", "beforeAgent", "beforeInput", "beforeOptions"});
    return list;
}
const QStringList& postConditions()
{
    static const QStringList list = latin({"always", "changed", "fixed", "regression", "aborted", "failure", "success",
                                           "unstable", "unsuccessful", "cleanup"});
    return list;
}
const QStringList& agentTypes()
{
    static const QStringList list = latin({"label", "node", "docker", "dockerfile", "kubernetes", "any", "none"});
    return list;
}
const QStringList& inputKeys()
{
    static const QStringList list = latin({"message", "id", "ok", "submitter", "submitterParameter", "parameters"});
    return list;
}
bool isGroovyKeyword(const QString& name)
{
    static const QSet<QString> keywords
        = toSet(latin({"if", "else", "for", "while", "try", "catch", "finally", "def", "switch", "return", "throw",
                       "do", "case", "break", "continue", "import", "new", "assert", "synchronized"}));
    return keywords.contains(name);
}

class Checker
{
public:
    Checker(const QString& path, QList<Diagnostic>& diagnostics)
        : m_path(path)
        , m_diagnostics(diagnostics)
    { }

    void report(int line, int column, Severity severity, Category category, const QString& rule, const QString& message)
    {
        m_diagnostics.append({m_path, line, column, severity, category, rule, message});
    }
    void report(const Statement& at, Severity severity, Category category, const QString& rule, const QString& message)
    {
        report(at.line, at.column, severity, category, rule, message);
    }

    void checkTrailing(const Statement& statement)
    {
        if (!statement.trailing.isEmpty())
            report(statement.trailingLine, statement.trailingColumn, Severity::Error, Category::Schema,
                   QStringLiteral("jenkins.unexpected"),
                   QStringLiteral("unexpected '%1' after '%2'").arg(statement.trailing.left(40), statement.name));
    }

    /// Sections of a block: known ones returned in order, unknown, misplaced and repeated ones reported.
    QHash<QString, const Statement*> sections(const Statement& block, const QStringList& allowed, const QString& where)
    {
        QHash<QString, const Statement*> found;
        for (const Statement& s : block.body) {
            if (s.form != Form::Call) {
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.unknown-section"),
                       QStringLiteral("unexpected Groovy code in %1; expected one of its sections (%2)")
                           .arg(where, allowed.join(QStringLiteral(", "))));
                continue;
            }
            if (!allowed.contains(s.name)) {
                QStringList elsewhere;
                if (pipelineSections().contains(s.name))
                    elsewhere << QStringLiteral("pipeline");
                if (stageSections().contains(s.name) || s.name == u"stage")
                    elsewhere << QStringLiteral("a stage");
                if (matrixSections().contains(s.name))
                    elsewhere << QStringLiteral("matrix");
                if (s.name == u"stage")
                    elsewhere = {QStringLiteral("stages")};
                if (!elsewhere.isEmpty())
                    report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.misplaced-directive"),
                           QStringLiteral("'%1' is not allowed in %2; it belongs in %3")
                               .arg(s.name, where, elsewhere.join(QStringLiteral(" or "))));
                else
                    report(
                        s, Severity::Error, Category::Schema, QStringLiteral("jenkins.unknown-section"),
                        QStringLiteral("unknown section '%1' in %2%3").arg(s.name, where, didYouMean(s.name, allowed)));
                continue;
            }
            if (found.contains(s.name)) {
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.duplicate-section"),
                       QStringLiteral("'%1' appears twice in %2; Jenkins allows it once").arg(s.name, where));
                continue;
            }
            checkTrailing(s);
            found.insert(s.name, &s);
        }
        return found;
    }

    void checkPipeline(const Statement& pipeline)
    {
        const QString where = QStringLiteral("pipeline");
        const auto found = sections(pipeline, pipelineSections(), where);
        if (!found.contains(QStringLiteral("agent")))
            report(pipeline, Severity::Error, Category::Schema, QStringLiteral("jenkins.missing-agent"),
                   QStringLiteral("pipeline has no agent; expected 'agent any', 'agent none' or an agent block"));
        else
            checkAgent(*found.value(QStringLiteral("agent")));
        if (!found.contains(QStringLiteral("stages")))
            report(pipeline, Severity::Error, Category::Schema, QStringLiteral("jenkins.missing-stages"),
                   QStringLiteral("pipeline has no stages section"));
        else
            checkStages(*found.value(QStringLiteral("stages")), false);
        checkCommon(found);
        for (const char* name : {"options", "parameters", "triggers", "tools", "libraries"}) {
            if (const Statement* s = found.value(QString::fromLatin1(name)))
                checkCalls(*s);
        }
        if (const Statement* parameters = found.value(QStringLiteral("parameters")))
            checkParameters(*parameters);
        const Statement* agent = found.value(QStringLiteral("agent"));
        if (const Statement* stages = found.value(QStringLiteral("stages")); stages && isAgentNone(agent))
            checkWorkspace(*stages, false);
    }

    static bool isAgentNone(const Statement* agent)
    {
        const Value* type = agent && !agent->hasBlock ? agent->positional() : nullptr;
        return type && type->text == u"none";
    }

    /// The first step that needs a workspace (a shell, a checkout, files), outside a `node` step that brings one.
    static QString workspaceStep(const std::vector<Statement>& steps, int depth = 0)
    {
        static const QSet<QString> needs
            = toSet(latin({"sh", "bat", "powershell", "pwsh", "checkout", "git", "junit", "archiveArtifacts", "stash",
                           "unstash", "dir", "deleteDir", "cleanWs", "writeFile", "readFile"}));
        for (const Statement& step : steps) {
            if (step.name == u"node" || step.opaque || depth > 50)
                continue;
            if (needs.contains(step.name))
                return step.name;
            if (const QString inner = workspaceStep(step.body, depth + 1); !inner.isEmpty())
                return inner;
        }
        return {};
    }

    /// With `agent none` on the pipeline, a stage's steps run on no machine unless it or an enclosing stage (or
    /// its matrix) names an agent; Jenkins then fails the step for want of a workspace.
    void checkWorkspace(const Statement& stages, bool agent, int depth = 0)
    {
        for (const Statement& stage : stages.body) {
            if (stage.name != u"stage" || depth > 50)
                continue;
            const Statement* own = stage.child(u"agent");
            const bool hasAgent = own ? !isAgentNone(own) : agent;
            if (const Statement* steps = stage.child(u"steps"); steps && !hasAgent) {
                if (const QString step = workspaceStep(steps->body); !step.isEmpty())
                    report(stage, Severity::Warning, Category::Semantic, QStringLiteral("jenkins.no-agent"),
                           QStringLiteral("stage '%1' runs '%2' on no agent: the pipeline has agent none and neither "
                                          "this stage nor an enclosing one names an agent")
                               .arg(literalText(stage.positional()), step));
            }
            for (const char* key : {"stages", "parallel"}) {
                if (const Statement* nested = stage.child(QString::fromLatin1(key)))
                    checkWorkspace(*nested, hasAgent, depth + 1);
            }
            if (const Statement* matrix = stage.child(u"matrix"); matrix && matrix->child(u"stages")) {
                const Statement* matrixAgent = matrix->child(u"agent");
                checkWorkspace(*matrix->child(u"stages"), matrixAgent ? !isAgentNone(matrixAgent) : hasAgent,
                               depth + 1);
            }
        }
    }

    /// The sections a stage, a matrix and the pipeline share.
    void checkCommon(const QHash<QString, const Statement*>& found)
    {
        if (const Statement* environment = found.value(QStringLiteral("environment")))
            checkEnvironment(*environment);
        if (const Statement* post = found.value(QStringLiteral("post")))
            checkPost(*post);
        if (const Statement* input = found.value(QStringLiteral("input")))
            checkInput(*input);
        if (const Statement* when = found.value(QStringLiteral("when")))
            checkWhen(*when);
    }

    void checkAgent(const Statement& agent)
    {
        if (!agent.hasBlock) {
            const Value* type = agent.positional();
            if (!type || type->type != Value::Type::Identifier || (type->text != u"any" && type->text != u"none"))
                report(agent, Severity::Error, Category::Schema, QStringLiteral("jenkins.agent"),
                       QStringLiteral("agent expects 'any', 'none' or a block (label, node, docker, dockerfile, "
                                      "kubernetes)"));
            return;
        }
        int types = 0;
        for (const Statement& s : agent.body) {
            if (s.form != Form::Call)
                continue;
            ++types;
            if (!agentTypes().contains(s.name))
                report(s, Severity::Warning, Category::Schema, QStringLiteral("jenkins.agent"),
                       QStringLiteral("unknown agent type '%1'%2 (a plugin may provide it)")
                           .arg(s.name, didYouMean(s.name, agentTypes())));
        }
        if (types != 1)
            report(agent, Severity::Error, Category::Schema, QStringLiteral("jenkins.agent"),
                   QStringLiteral("an agent block names exactly one agent type; found %1").arg(types));
    }

    void checkStages(const Statement& stages, bool inParallel)
    {
        if (stages.body.empty())
            report(stages, Severity::Error, Category::Schema, QStringLiteral("jenkins.missing-stages"),
                   QStringLiteral("'%1' has no stage").arg(stages.name));
        // Names are unique among siblings: parallel branches may each have their own 'Build' and 'Publish'.
        QHash<QString, int> names;
        for (const Statement& s : stages.body) {
            if (s.form == Form::Call && s.name == u"stage") {
                const QString name = literalText(s.positional());
                if (!name.isEmpty() && names.contains(name))
                    report(s, Severity::Error, Category::Semantic, QStringLiteral("jenkins.duplicate-stage"),
                           QStringLiteral("stage name '%1' is already used at line %2 in the same '%3'; Jenkins "
                                          "requires unique stage names")
                               .arg(name)
                               .arg(names.value(name))
                               .arg(stages.name));
                else if (!name.isEmpty())
                    names.insert(name, s.line);
                checkStage(s, inParallel);
                continue;
            }
            report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.misplaced-directive"),
                   QStringLiteral("'%1' holds only stage(…) blocks; found '%2'")
                       .arg(stages.name, s.name.isEmpty() ? s.raw.left(30) : s.name));
        }
    }

    void checkStage(const Statement& stage, bool inParallel)
    {
        const QString name = literalText(stage.positional());
        if (name.isEmpty())
            report(stage, Severity::Error, Category::Schema, QStringLiteral("jenkins.stage-name"),
                   QStringLiteral("a stage needs a name: stage('Build') { … }"));
        if (!stage.hasBlock) {
            report(stage, Severity::Error, Category::Schema, QStringLiteral("jenkins.missing-steps"),
                   QStringLiteral("stage '%1' has no block; expected steps, stages, parallel or matrix").arg(name));
            return;
        }
        const QString where = QStringLiteral("stage '%1'").arg(name);
        const auto found = sections(stage, stageSections(), where);
        QStringList content;
        for (const char* key : {"steps", "stages", "parallel", "matrix"}) {
            if (found.contains(QString::fromLatin1(key)))
                content << QString::fromLatin1(key);
        }
        if (content.isEmpty())
            report(
                stage, Severity::Error, Category::Schema, QStringLiteral("jenkins.missing-steps"),
                QStringLiteral("stage '%1' has no steps; expected one of steps, stages, parallel or matrix").arg(name));
        else if (content.size() > 1)
            report(*found.value(content.at(1)), Severity::Error, Category::Schema,
                   QStringLiteral("jenkins.stage-content"),
                   QStringLiteral("stage '%1' has both %2; a stage holds only one of steps, stages, parallel and "
                                  "matrix")
                       .arg(name, content.join(QStringLiteral(" and "))));
        for (const char* key : {"parallel", "matrix"}) {
            const Statement* nested = found.value(QString::fromLatin1(key));
            if (nested && inParallel)
                report(*nested, Severity::Error, Category::Semantic, QStringLiteral("jenkins.nested-parallel"),
                       QStringLiteral("'%1' in stage '%2', which already runs inside a parallel or matrix stage; "
                                      "Jenkins allows only one level of parallelism")
                           .arg(QString::fromLatin1(key), name));
        }
        if (const Statement* failFast = found.value(QStringLiteral("failFast"));
            failFast && !found.contains(QStringLiteral("parallel")) && !found.contains(QStringLiteral("matrix")))
            report(*failFast, Severity::Warning, Category::Semantic, QStringLiteral("jenkins.fail-fast"),
                   QStringLiteral("failFast has no effect in stage '%1', which runs no parallel stages").arg(name));
        if (const Statement* agent = found.value(QStringLiteral("agent")))
            checkAgent(*agent);
        if (const Statement* steps = found.value(QStringLiteral("steps")))
            checkSteps(*steps);
        if (const Statement* stages = found.value(QStringLiteral("stages")))
            checkStages(*stages, inParallel);
        if (const Statement* parallel = found.value(QStringLiteral("parallel")))
            checkStages(*parallel, true);
        if (const Statement* matrix = found.value(QStringLiteral("matrix")))
            checkMatrix(*matrix, name);
        checkCommon(found);
        for (const char* key : {"options", "tools"}) {
            if (const Statement* s = found.value(QString::fromLatin1(key)))
                checkCalls(*s);
        }
    }

    void checkMatrix(const Statement& matrix, const QString& stage)
    {
        const QString where = QStringLiteral("the matrix of stage '%1'").arg(stage);
        const auto found = sections(matrix, matrixSections(), where);
        const Statement* axes = found.value(QStringLiteral("axes"));
        if (!axes)
            report(matrix, Severity::Error, Category::Schema, QStringLiteral("jenkins.matrix"),
                   QStringLiteral("matrix in stage '%1' has no axes").arg(stage));
        if (!found.contains(QStringLiteral("stages")))
            report(matrix, Severity::Error, Category::Schema, QStringLiteral("jenkins.matrix"),
                   QStringLiteral("matrix in stage '%1' has no stages").arg(stage));
        else
            checkStages(*found.value(QStringLiteral("stages")), true);
        QHash<QString, QStringList> values;
        if (axes) {
            for (const Statement& axis : axes->body) {
                if (axis.name != u"axis") {
                    report(axis, Severity::Error, Category::Schema, QStringLiteral("jenkins.matrix"),
                           QStringLiteral("axes holds only axis { name …; values … } blocks"));
                    continue;
                }
                const Statement* name = axis.child(u"name");
                const Statement* list = axis.child(u"values");
                const QString axisName = name ? literalText(name->positional()) : QString();
                if (axisName.isEmpty() || !list || list->arguments.empty()) {
                    report(axis, Severity::Error, Category::Schema, QStringLiteral("jenkins.matrix"),
                           QStringLiteral("an axis needs a name and values"));
                    continue;
                }
                if (values.contains(axisName))
                    report(*name, Severity::Error, Category::Semantic, QStringLiteral("jenkins.matrix"),
                           QStringLiteral("axis '%1' is defined twice").arg(axisName));
                QStringList texts;
                for (const Argument& a : list->arguments)
                    texts << literalText(&a.value);
                values.insert(axisName, texts);
            }
        }
        const Statement* excludes = found.value(QStringLiteral("excludes"));
        if (!excludes)
            return;
        for (const Statement& exclude : excludes->body) {
            if (exclude.name != u"exclude") {
                report(exclude, Severity::Error, Category::Schema, QStringLiteral("jenkins.matrix"),
                       QStringLiteral("excludes holds only exclude { axis { … } } blocks"));
                continue;
            }
            for (const Statement& axis : exclude.body) {
                const Statement* name = axis.child(u"name");
                const QString axisName = name ? literalText(name->positional()) : QString();
                if (axis.name != u"axis" || axisName.isEmpty()) {
                    report(axis, Severity::Error, Category::Schema, QStringLiteral("jenkins.matrix"),
                           QStringLiteral("an exclude names axes: axis { name 'X'; values 'a' }"));
                    continue;
                }
                if (!values.contains(axisName)) {
                    report(*name, Severity::Error, Category::Semantic, QStringLiteral("jenkins.matrix"),
                           QStringLiteral("exclude names the axis '%1', which the matrix does not have%2")
                               .arg(axisName, didYouMean(axisName, values.keys())));
                    continue;
                }
                const Statement* list = axis.child(u"values");
                for (const Argument& a : list ? list->arguments : std::vector<Argument>()) {
                    const QString v = literalText(&a.value);
                    if (!v.isEmpty() && !values.value(axisName).contains(v))
                        report(a.line, a.column, Severity::Warning, Category::Semantic,
                               QStringLiteral("jenkins.matrix"),
                               QStringLiteral("exclude value '%1' is not a value of axis '%2', so it excludes nothing")
                                   .arg(v, axisName));
                }
            }
        }
    }

    void checkSteps(const Statement& steps)
    {
        if (steps.body.empty() && steps.name == u"steps")
            report(steps, Severity::Error, Category::Schema, QStringLiteral("jenkins.missing-steps"),
                   QStringLiteral("steps is empty; expected at least one step"));
        for (const Statement& step : steps.body) {
            const bool groovy = step.form != Form::Call || isGroovyKeyword(step.name);
            if (groovy) {
                report(step, Severity::Error, Category::Schema, QStringLiteral("jenkins.groovy-in-steps"),
                       QStringLiteral("'%1' is Groovy code, not a step; put it in a script { } block")
                           .arg((step.name.isEmpty() ? step.raw : step.name).left(40)));
                continue;
            }
            static const QSet<QString> directives
                = toSet(latin({"agent", "when", "post", "environment", "options", "tools", "stages", "matrix",
                               "triggers", "parameters", "steps"}));
            if (directives.contains(step.name)) {
                report(step, Severity::Error, Category::Schema, QStringLiteral("jenkins.misplaced-directive"),
                       QStringLiteral("'%1' is a directive, not a step; it belongs in the stage").arg(step.name));
                continue;
            }
            checkTrailing(step);
            if (step.hasBlock && !step.opaque)
                checkSteps(step);
        }
    }

    void checkEnvironment(const Statement& environment)
    {
        for (const Statement& s : environment.body) {
            if (s.form != Form::Assignment)
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.environment"),
                       QStringLiteral("environment holds NAME = value entries; found '%1'")
                           .arg((s.name.isEmpty() ? s.raw : s.name).left(40)));
        }
    }

    void checkCalls(const Statement& block)
    {
        if (!block.hasBlock) {
            report(block, Severity::Error, Category::Schema, QStringLiteral("jenkins.unexpected"),
                   QStringLiteral("'%1' expects a block { … }").arg(block.name));
            return;
        }
        for (const Statement& s : block.body) {
            if (s.form != Form::Call)
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.unexpected"),
                       QStringLiteral("'%1' holds calls such as name(…); found Groovy code").arg(block.name));
        }
    }

    void checkParameters(const Statement& parameters)
    {
        QSet<QString> names;
        for (const Statement& s : parameters.body) {
            const QString name = literalText(s.named(u"name"));
            if (name.isEmpty())
                continue;
            if (names.contains(name))
                report(s, Severity::Error, Category::Semantic, QStringLiteral("jenkins.duplicate-parameter"),
                       QStringLiteral("parameter '%1' is defined twice").arg(name));
            names.insert(name);
        }
    }

    void checkPost(const Statement& post)
    {
        QSet<QString> seen;
        for (const Statement& s : post.body) {
            if (s.form != Form::Call || !postConditions().contains(s.name)) {
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.post-condition"),
                       QStringLiteral("unknown post condition '%1'%2; expected one of %3")
                           .arg(s.name, didYouMean(s.name, postConditions()), postConditions().join(u", ")));
                continue;
            }
            if (seen.contains(s.name))
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.duplicate-section"),
                       QStringLiteral("post condition '%1' appears twice").arg(s.name));
            seen.insert(s.name);
            checkSteps(s);
        }
    }

    void checkInput(const Statement& input)
    {
        for (const Statement& s : input.body) {
            if (!inputKeys().contains(s.name))
                report(s, Severity::Error, Category::Schema, QStringLiteral("jenkins.input"),
                       QStringLiteral("unknown input option '%1'%2").arg(s.name, didYouMean(s.name, inputKeys())));
        }
        if (!input.child(u"message") && !input.named(u"message") && !input.positional())
            report(input, Severity::Error, Category::Schema, QStringLiteral("jenkins.input"),
                   QStringLiteral("input needs a message"));
    }

    /// A condition in a canonical text form, to compare conditions.
    static QString canonical(const Statement& s)
    {
        QString text = s.name + QLatin1Char('(');
        for (const Argument& a : s.arguments)
            text += a.name + QLatin1Char(':') + a.value.text + QLatin1Char(',');
        text += QLatin1Char(')');
        if (s.opaque)
            text += s.raw.simplified();
        for (const Statement& child : s.body)
            text += QLatin1Char('{') + canonical(child) + QLatin1Char('}');
        return text;
    }

    void checkConditions(const Statement& block, bool top)
    {
        if (block.body.empty() && block.name != u"expression")
            report(block, Severity::Error, Category::Schema, QStringLiteral("jenkins.when"),
                   QStringLiteral("'%1' has no condition").arg(block.name));
        QStringList branches; // literal branch names required together (allOf, or the when block itself)
        QSet<QString> positive;
        QSet<QString> negative;
        const bool conjunction = top || block.name == u"allOf";
        for (const Statement& c : block.body) {
            if (c.form != Form::Call || !whenConditions().contains(c.name)) {
                report(
                    c, Severity::Error, Category::Schema, QStringLiteral("jenkins.when"),
                    QStringLiteral("unknown when condition '%1'%2").arg(c.name, didYouMean(c.name, whenConditions())));
                continue;
            }
            if (const QString missing = missingArgument(c); !missing.isEmpty())
                report(c, Severity::Error, Category::Schema, QStringLiteral("jenkins.when"),
                       QStringLiteral("'%1' needs %2").arg(c.name, missing));
            if (c.name.startsWith(u"before")) {
                if (!top)
                    report(c, Severity::Error, Category::Schema, QStringLiteral("jenkins.when"),
                           QStringLiteral("'%1' belongs directly in when, not in '%2'").arg(c.name, block.name));
                continue;
            }
            if (c.name == u"not" && c.body.size() != 1)
                report(c, Severity::Error, Category::Schema, QStringLiteral("jenkins.when"),
                       QStringLiteral("'not' takes exactly one condition"));
            if (c.name == u"not" || c.name == u"allOf" || c.name == u"anyOf")
                checkConditions(c, false);
            if (c.name == u"expression") {
                const QString code = c.raw.simplified();
                if (code == u"false" || code == u"return false")
                    report(c, Severity::Warning, Category::Semantic, QStringLiteral("jenkins.unreachable-when"),
                           QStringLiteral("this expression is always false, so the stage never runs"));
            }
            if (c.name == u"equals") {
                const Value* expected = c.named(u"expected");
                const Value* actual = c.named(u"actual");
                if (expected && actual && expected->isLiteral() && actual->isLiteral() && !expected->interpolated
                    && !actual->interpolated && expected->text != actual->text)
                    report(c, Severity::Warning, Category::Semantic, QStringLiteral("jenkins.unreachable-when"),
                           QStringLiteral("equals compares two different constants ('%1', '%2'): never true")
                               .arg(expected->text, actual->text));
            }
            if (!conjunction)
                continue;
            // Only plain names without a comparator: a glob or a regular expression may match both.
            if (c.name == u"branch" && !c.named(u"comparator")) {
                const QString name = literalText(c.positional() ? c.positional() : c.named(u"pattern"));
                if (!name.isEmpty() && !name.contains(u'*') && !name.contains(u'?') && !branches.contains(name))
                    branches << name;
            }
            if (c.name == u"not" && c.body.size() == 1)
                negative.insert(canonical(c.body.front()));
            else
                positive.insert(canonical(c));
        }
        if (branches.size() > 1)
            report(block, Severity::Warning, Category::Semantic, QStringLiteral("jenkins.unreachable-when"),
                   QStringLiteral("the conditions require the branch to be both '%1': never true")
                       .arg(branches.join(QStringLiteral("' and '"))));
        for (const QString& p : std::as_const(positive)) {
            if (negative.contains(p))
                report(block, Severity::Warning, Category::Semantic, QStringLiteral("jenkins.unreachable-when"),
                       QStringLiteral("a condition and its negation are both required: never true"));
        }
    }

    /// What a `when` condition lacks of the arguments the reference gives it (empty when nothing).
    static QString missingArgument(const Statement& c)
    {
        const bool positional = c.positional() != nullptr;
        if (c.name == u"branch" || c.name == u"changelog" || c.name == u"changeset")
            return positional || c.named(u"pattern") ? QString() : QStringLiteral("a pattern");
        if (c.name == u"environment")
            return c.named(u"name") && c.named(u"value") ? QString() : QStringLiteral("name: and value:");
        if (c.name == u"equals")
            return c.named(u"expected") && c.named(u"actual") ? QString() : QStringLiteral("expected: and actual:");
        if (c.name == u"triggeredBy")
            return positional || c.named(u"cause") ? QString() : QStringLiteral("a cause");
        if (c.name == u"expression")
            return c.hasBlock ? QString() : QStringLiteral("a block { … } of Groovy code");
        if (c.name.startsWith(u"before")) {
            const Value* flag = c.positional();
            return flag && flag->type == Value::Type::Bool ? QString() : QStringLiteral("true or false");
        }
        return {};
    }

    void checkWhen(const Statement& when) { checkConditions(when, true); }

private:
    QString m_path;
    QList<Diagnostic>& m_diagnostics;
};

} // namespace

QString literalText(const Value* value)
{
    if (!value
        || (value->type != Value::Type::String && value->type != Value::Type::Number && value->type != Value::Type::Bool
            && value->type != Value::Type::Identifier))
        return {};
    return value->text;
}

void checkPipeline(const Statement& pipeline, const QString& path, QList<Diagnostic>& diagnostics)
{
    Checker checker(path, diagnostics);
    checker.checkPipeline(pipeline);
}

QList<QList<std::pair<QString, QString>>> matrixCells(const Statement& matrix, int limit)
{
    QList<std::pair<QString, QStringList>> axes;
    if (const Statement* block = matrix.child(u"axes")) {
        for (const Statement& axis : block->body) {
            const Statement* name = axis.child(u"name");
            const Statement* values = axis.child(u"values");
            if (!name || !values)
                continue;
            QStringList texts;
            for (const Argument& a : values->arguments)
                texts << literalText(&a.value);
            axes.append({literalText(name->positional()), texts});
        }
    }
    // Each exclude is a set of axis → values (or notValues) that must all match.
    struct Rule
    {
        QString axis;
        QStringList values;
        bool negated;
    };
    QList<QList<Rule>> excludes;
    if (const Statement* block = matrix.child(u"excludes")) {
        for (const Statement& exclude : block->body) {
            QList<Rule> rules;
            for (const Statement& axis : exclude.body) {
                const Statement* name = axis.child(u"name");
                const Statement* values = axis.child(u"values");
                const Statement* notValues = axis.child(u"notValues");
                Rule rule{name ? literalText(name->positional()) : QString(), {}, notValues != nullptr};
                for (const Argument& a : (values ? values : notValues ? notValues : &axis)->arguments)
                    rule.values << literalText(&a.value);
                rules.append(rule);
            }
            excludes.append(rules);
        }
    }
    QList<QList<std::pair<QString, QString>>> cells{{}};
    for (const auto& [name, values] : std::as_const(axes)) {
        QList<QList<std::pair<QString, QString>>> next;
        for (const auto& cell : std::as_const(cells)) {
            for (const QString& v : values) {
                if (next.size() >= limit)
                    break;
                auto extended = cell;
                extended.append({name, v});
                next.append(extended);
            }
        }
        cells = next;
    }
    QList<QList<std::pair<QString, QString>>> kept;
    for (const auto& cell : std::as_const(cells)) {
        const bool excluded = std::any_of(excludes.cbegin(), excludes.cend(), [&cell](const QList<Rule>& rules) {
            return !rules.isEmpty() && std::all_of(rules.cbegin(), rules.cend(), [&cell](const Rule& rule) {
                for (const auto& [axis, value] : cell) {
                    if (axis == rule.axis)
                        return rule.values.contains(value) != rule.negated;
                }
                return false;
            });
        });
        if (!excluded && !cell.isEmpty())
            kept.append(cell);
    }
    return kept;
}

} // namespace gatehouse::pipeline::jenkins
