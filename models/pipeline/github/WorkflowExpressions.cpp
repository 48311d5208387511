// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowExpressions.h"

#include "ContextAvailability.h"
#include "ExpressionChecker.h"
#include "pipeline/GitHubExpression.h"
#include "pipeline/YamlReader.h"

namespace gatehouse::pipeline::github {

namespace {

using Kind = ExpressionType::Kind;
using Types = QHash<QString, ExpressionType>;

ExpressionType stringType()
{
    return ExpressionType::of(Kind::String);
}

std::shared_ptr<ObjectShape> strictShape(const QString& rule, const QString& message)
{
    auto shape = std::make_shared<ObjectShape>();
    shape->unknownRule = rule;
    shape->unknownMessage = message;
    // What the workflow declares itself (steps, needs, matrix, outputs, inputs): reading a missing one is empty.
    if (rule != u"unknown-property")
        shape->unknownSeverity = Severity::Warning;
    return shape;
}

QStringList eventNames(const YamlNode& root)
{
    const YamlNode* on = root.get(u"on");
    if (!on)
        return {};
    return on->isMap() ? on->keyNames() : on->toStringList();
}

/// The type of a declared input: workflow_dispatch and workflow_call inputs give booleans and numbers their
/// type; strings, choices and environments are strings.
ExpressionType inputType(const YamlNode& input)
{
    const YamlNode* type = input.isMap() ? input.get(u"type") : nullptr;
    if (!type)
        return stringType();
    if (type->value == u"boolean")
        return ExpressionType::of(Kind::Bool);
    if (type->value == u"number")
        return ExpressionType::of(Kind::Number);
    return type->value.contains(u"${{") ? ExpressionType::any() : stringType();
}

ExpressionType inputsOfWorkflow(const YamlNode& root, const QStringList& events)
{
    const bool dispatch = events.contains(QStringLiteral("workflow_dispatch"));
    const bool call = events.contains(QStringLiteral("workflow_call"));
    if (!dispatch && !call) {
        auto none = strictShape(QStringLiteral("undefined-input"),
                                QStringLiteral("'inputs.%1' is read, but the workflow has neither a workflow_dispatch "
                                               "nor a workflow_call trigger, so there are no inputs"));
        none->unknownSeverity = Severity::Error; // no trigger can ever give it a value
        return ExpressionType::objectOf(std::move(none));
    }
    auto shape = strictShape(QStringLiteral("undefined-input"),
                             QStringLiteral("'inputs.%1' is read, but no input '%1' is declared under "
                                            "workflow_dispatch or workflow_call%3 (declared: %2)"));
    const YamlNode* on = root.get(u"on");
    for (const char* event : {"workflow_dispatch", "workflow_call"}) {
        const YamlNode* trigger = on && on->isMap() ? on->get(QString::fromLatin1(event)) : nullptr;
        const YamlNode* inputs = trigger && trigger->isMap() ? trigger->get(u"inputs") : nullptr;
        if (!inputs)
            continue;
        if (!inputs->isMap()) {
            shape->rest = ExpressionType::any();
            continue;
        }
        for (size_t i = 0; i < inputs->keys.size(); ++i)
            shape->add(inputs->keys[i].value, inputType(inputs->items[i]));
    }
    return ExpressionType::objectOf(std::move(shape));
}

/// The outputs `subject` ("job 'build' (./w.yml)", "step 'meta' (docker/metadata-action@v5)") declares: reading
/// another one gives an empty value at run time, so it is a warning that names the declared ones.
std::shared_ptr<ObjectShape> declaredOutputs(const QString& rule, const QString& subject, const QStringList& names)
{
    auto shape = strictShape(
        rule,
        names.isEmpty()
            ? QStringLiteral("'%1' is not an output of ") + subject + QStringLiteral(", which declares no outputs")
            : QStringLiteral("'%1' is not an output of ") + subject + QStringLiteral("%3 (its outputs: %2)"));
    for (const QString& name : names)
        shape->add(name, stringType());
    return shape;
}

/// The outputs a local reusable workflow declares under `on.workflow_call.outputs`, or null when unknown.
std::optional<QStringList> calleeOutputs(const YamlNode& uses, const FileSource& files)
{
    if (!uses.value.startsWith(u"./") || !files.read)
        return std::nullopt;
    const Result<QByteArray> content = files.read(uses.value.mid(2));
    if (!content.ok())
        return std::nullopt;
    const YamlDocumentSet set = readYaml(content.value(), uses.value.mid(2));
    const YamlNode* on = set.ok && !set.documents.empty() ? set.documents.front().get(u"on") : nullptr;
    const YamlNode* call = on && on->isMap() ? on->get(u"workflow_call") : nullptr;
    if (!call)
        return std::nullopt;
    const YamlNode* outputs = call->isMap() ? call->get(u"outputs") : nullptr;
    if (outputs && !outputs->isMap())
        return std::nullopt;
    return outputs ? outputs->keyNames() : QStringList();
}

using CalleeCache = QHash<QString, std::optional<QStringList>>;

/// `{outputs, result}` of a job as `needs.<job>` and `jobs.<job>` see it. `callees` keeps each called workflow's
/// outputs, so many jobs calling one workflow read it once.
ExpressionType jobResultType(const QString& jobId, const YamlNode& job, const FileSource& files, CalleeCache& callees)
{
    ExpressionType outputs;
    const YamlNode* declared = job.isMap() ? job.get(u"outputs") : nullptr;
    if (const YamlNode* uses = job.isMap() ? job.get(u"uses") : nullptr) {
        auto cached = callees.find(uses->value);
        if (cached == callees.end())
            cached = callees.insert(uses->value, calleeOutputs(*uses, files));
        const std::optional<QStringList> names = cached.value();
        auto shape
            = declaredOutputs(QStringLiteral("unknown-job-output"),
                              QStringLiteral("job '%1' (%2)").arg(jobId, uses->value), names.value_or(QStringList()));
        if (!names)
            shape->rest = stringType(); // a remote workflow: its outputs are not known here
        outputs = ExpressionType::objectOf(std::move(shape));
    } else {
        auto shape = declaredOutputs(QStringLiteral("unknown-job-output"), QStringLiteral("job '%1'").arg(jobId),
                                     declared && declared->isMap() ? declared->keyNames() : QStringList());
        if (declared && !declared->isMap())
            shape->rest = stringType();
        outputs = ExpressionType::objectOf(std::move(shape));
    }
    auto shape = strictShape(QStringLiteral("unknown-property"),
                             QStringLiteral("'%1' is not a property of a job result%3; expected outputs or result"));
    shape->add(QStringLiteral("outputs"), outputs);
    shape->add(QStringLiteral("result"), stringType());
    return ExpressionType::objectOf(std::move(shape));
}

/// `steps.<id>` of a step with the type of its `outputs`.
ExpressionType stepType(const ExpressionType& outputs)
{
    auto shape = strictShape(QStringLiteral("unknown-property"),
                             QStringLiteral("'%1' is not a property of a step%3; expected outputs, outcome or "
                                            "conclusion"));
    shape->add(QStringLiteral("outputs"), outputs);
    shape->add(QStringLiteral("outcome"), stringType());
    shape->add(QStringLiteral("conclusion"), stringType());
    return ExpressionType::objectOf(std::move(shape));
}

/// A step whose outputs are not known: a run step writes any name to $GITHUB_OUTPUT.
ExpressionType stepType()
{
    static const ExpressionType type = stepType(ExpressionType::mapOf(stringType()));
    return type;
}

/// The type of a matrix value as written: scalars keep their YAML type, an expression or a mapping is open.
ExpressionType matrixValueType(const YamlNode& value)
{
    if (!value.isScalar() || value.value.contains(u"${{"))
        return ExpressionType::any();
    switch (value.scalarType()) {
    case YamlNode::ScalarType::Bool:
        return ExpressionType::of(Kind::Bool);
    case YamlNode::ScalarType::Integer:
    case YamlNode::ScalarType::Float:
        return ExpressionType::of(Kind::Number);
    case YamlNode::ScalarType::Null:
        return ExpressionType::of(Kind::Null);
    case YamlNode::ScalarType::String:
        break;
    }
    return stringType();
}

/// Adds one value of matrix key `key`: a key whose values all have one scalar type gets that type.
void addMatrixValue(ObjectShape& shape, const QString& key, const ExpressionType& type)
{
    const ObjectShape::Property* known = shape.find(key);
    shape.add(key, !known || known->type.kind == type.kind ? type : ExpressionType::any());
}

ExpressionType matrixType(const QString& jobId, const YamlNode& job)
{
    const YamlNode* strategy = job.get(u"strategy");
    const YamlNode* matrix = strategy && strategy->isMap() ? strategy->get(u"matrix") : nullptr;
    if (strategy && !strategy->isMap())
        return ExpressionType::mapOf(ExpressionType::any()); // the whole strategy is computed
    if (!matrix)
        return ExpressionType::objectOf(
            strictShape(QStringLiteral("unknown-matrix-key"),
                        QStringLiteral("'matrix.%1' is read, but job '") + jobId + QStringLiteral("' has no matrix")));
    if (!matrix->isMap())
        return ExpressionType::mapOf(ExpressionType::any()); // fromJSON(…): known at run time only
    auto shape = strictShape(QStringLiteral("unknown-matrix-key"),
                             QStringLiteral("'matrix.%1' is read, but the matrix of job '") + jobId
                                 + QStringLiteral("' has no key '%1'%3 (it has: %2)"));
    for (size_t i = 0; i < matrix->keys.size(); ++i) {
        const QString& key = matrix->keys[i].value;
        const YamlNode& value = matrix->items[i];
        if (key == u"exclude")
            continue;
        if (key.contains(u"${{")) {
            shape->rest = ExpressionType::any();
        } else if (key != u"include") {
            if (!value.isSequence()) {
                shape->add(key, ExpressionType::any()); // the values come from an expression
                continue;
            }
            for (const YamlNode& item : value.items)
                addMatrixValue(*shape, key, matrixValueType(item));
            if (value.items.empty())
                shape->add(key, ExpressionType::any());
        } else if (!value.isSequence()) {
            shape->rest = ExpressionType::any(); // include computed by an expression
        } else {
            for (const YamlNode& entry : value.items) {
                if (!entry.isMap())
                    shape->rest = ExpressionType::any();
                for (size_t k = 0; k < entry.keys.size(); ++k)
                    addMatrixValue(*shape, entry.keys[k].value, matrixValueType(entry.items[k]));
            }
        }
    }
    return ExpressionType::objectOf(std::move(shape));
}

/// True when `node` holds something the walk checks: a `${{` in a value or an `if:` (a bare condition). A job
/// without either needs no context types, which saves building them for every job of a large workflow.
bool hasExpressions(const YamlNode& node)
{
    if (node.isScalar())
        return node.value.contains(u"${{");
    for (const YamlNode& key : node.keys) {
        if (key.value == u"if")
            return true;
    }
    for (const YamlNode& item : node.items) {
        if (hasExpressions(item))
            return true;
    }
    return false;
}

class Walker
{
public:
    Walker(const WorkflowExpressions::Reporter& report, const WorkflowExpressions::StepOutputs& stepOutputs)
        : m_report(report)
        , m_stepOutputs(stepOutputs)
    { }

    void workflow(const YamlNode& root, const FileSource& files);
    void action(const YamlNode& root);

private:
    /// The scope of `key` (a row of the availability table) given every context type at this level.
    const ExpressionScope& scope(const QString& key)
    {
        auto it = m_scopes.find(key);
        if (it != m_scopes.end())
            return it.value();
        ExpressionScope scope;
        scope.where = key;
        if (const ContextAvailability* row = ContextAvailability::find(key)) {
            for (const QString& name : row->contexts)
                scope.contexts.insert(name, m_types.value(name));
            scope.statusFunctions = row->statusFunctions;
            scope.hashFiles = row->hashFiles;
        } else {
            // A key the table does not list: every context, and status functions only in a condition.
            scope.contexts = m_types;
            scope.statusFunctions = key.endsWith(u".if");
            scope.hashFiles = true;
        }
        return m_scopes.insert(key, scope).value();
    }

    void setTypes(const Types& types)
    {
        m_types = types;
        m_scopes.clear();
    }

    void walk(const YamlNode& node, const QString& key);
    void condition(const YamlNode& node, const QString& key);
    void check(const YamlNode& node, int offset, const QString& text, const QString& key, bool isCondition);
    void job(const QString& id, const YamlNode& job, const Types& workflowTypes, const Types& jobResults);
    void jobKey(const QString& key, const YamlNode& value);
    void steps(const QString& prefix, const YamlNode& steps, const QString& owner);

    /// `steps.<id>` of `step`: the outputs of the action it uses when they are known.
    ExpressionType stepTypeOf(const QString& id, const YamlNode& step) const
    {
        const std::optional<QStringList> outputs = m_stepOutputs ? m_stepOutputs(step) : std::nullopt;
        const YamlNode* uses = step.get(u"uses");
        if (!outputs || !uses)
            return stepType();
        return stepType(ExpressionType::objectOf(declaredOutputs(
            QStringLiteral("unknown-step-output"), QStringLiteral("step '%1' (%2)").arg(id, uses->value), *outputs)));
    }

    const WorkflowExpressions::Reporter& m_report;
    const WorkflowExpressions::StepOutputs& m_stepOutputs;
    Types m_types;
    QHash<QString, ExpressionScope> m_scopes;
};

void Walker::check(const YamlNode& node, int offset, const QString& text, const QString& key, bool isCondition)
{
    const ExpressionSyntax syntax = ExpressionSyntax::parse(text);
    if (!syntax.ok) {
        m_report(node, offset + syntax.errorOffset, Severity::Error, QStringLiteral("expression-syntax"),
                 QStringLiteral("invalid expression '%1': %2").arg(text.trimmed(), syntax.error));
        return;
    }
    const ExpressionChecker::Result result = ExpressionChecker::check(syntax, scope(key));
    for (const ExpressionProblem& problem : result.problems)
        m_report(node, offset + problem.offset, problem.severity, problem.rule, problem.message);
    qsizetype leading = 0;
    while (leading < text.size() && text[leading].isSpace())
        ++leading;
    if (isCondition && result.constant)
        m_report(node, offset + int(leading), Severity::Warning, QStringLiteral("constant-condition"),
                 QStringLiteral("the condition '%1' reads no context and calls no function, so it is constant; "
                                "expected a condition that depends on the run")
                     .arg(text.trimmed()));
}

void Walker::walk(const YamlNode& node, const QString& key)
{
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return;
    case YamlNode::Kind::Map:
        for (const YamlNode& item : node.items)
            walk(item, key);
        return;
    case YamlNode::Kind::Sequence:
        for (const YamlNode& item : node.items)
            walk(item, key);
        return;
    case YamlNode::Kind::Scalar:
        break;
    }
    if (!node.value.contains(u"${{"))
        return;
    for (const auto& [offset, text] : GitHubExpression::embedded(node.value)) {
        if (offset < 0) {
            m_report(node, int(node.value.indexOf(u"${{")), Severity::Error, QStringLiteral("expression-syntax"),
                     QStringLiteral("'${{' is not closed; expected '}}'"));
            return;
        }
        check(node, offset, text, key, false);
    }
}

void Walker::condition(const YamlNode& node, const QString& key)
{
    // `if: !cancelled()` is a YAML tag on an empty value, not a negation: GitHub refuses the workflow.
    if (node.tag.size() > 1 && !node.tag.startsWith(u"!!")) {
        YamlNode at = node;
        at.plain = true; // the position of the tag itself
        m_report(at, 0, Severity::Error, QStringLiteral("expression-syntax"),
                 QStringLiteral("'if: %1…' starts with '!', which YAML reads as a tag, not a negation; expected "
                                "'if: ${{ %1… }}'")
                     .arg(node.tag));
        return;
    }
    if (!node.isScalar())
        return walk(node, key);
    if (!node.isString()) {
        m_report(node, 0, Severity::Warning, QStringLiteral("constant-condition"),
                 QStringLiteral("the condition '%1' is a constant %2; expected a condition that depends on the run")
                     .arg(node.value, node.typeName()));
        return;
    }
    const QList<std::pair<int, QString>> parts = GitHubExpression::embedded(node.value);
    if (parts.isEmpty()) {
        check(node, 0, node.value, key, true); // a bare condition is an expression too
        return;
    }
    const QString trimmed = node.value.trimmed();
    const bool whole = parts.size() == 1 && parts[0].first >= 0 && trimmed.startsWith(u"${{") && trimmed.endsWith(u"}}")
        && parts[0].second.size() + 5 == trimmed.size();
    if (!whole) {
        m_report(node, 0, Severity::Error, QStringLiteral("if-always-true"),
                 QStringLiteral("the condition has text outside its '${{ }}', so it evaluates to a non-empty string "
                                "and is always true; expected the whole condition inside one '${{ }}' or none"));
        return walk(node, key);
    }
    check(node, parts[0].first, parts[0].second, key, true);
}

void Walker::steps(const QString& prefix, const YamlNode& list, const QString& owner)
{
    // steps.<id> sees only the steps that run before: the shape grows as the walk passes each step.
    auto before = strictShape(QStringLiteral("unknown-step"),
                              QStringLiteral("'steps.%1' is read, but no step before this one in ") + owner
                                  + QStringLiteral(" has the id '%1'%3; the value is empty"));
    Types types = m_types;
    types.insert(QStringLiteral("steps"), ExpressionType::objectOf(before));
    setTypes(types);
    for (const YamlNode& step : list.items) {
        if (!step.isMap()) {
            walk(step, prefix + QStringLiteral(".steps"));
            continue;
        }
        for (size_t i = 0; i < step.keys.size(); ++i) {
            const QString key = prefix + QStringLiteral(".steps.") + step.keys[i].value;
            if (step.keys[i].value == u"if")
                condition(step.items[i], key);
            else
                walk(step.items[i], key);
        }
        if (const YamlNode* id = step.get(u"id"); id && id->isScalar() && !id->value.contains(u"${{"))
            before->add(id->value, stepTypeOf(id->value, step));
    }
}

void Walker::jobKey(const QString& key, const YamlNode& value)
{
    const QString prefix = QStringLiteral("jobs.<job_id>.");
    auto subKeys = [&](const YamlNode& map, const QString& base, const QString& envKey) {
        if (!map.isMap())
            return walk(map, base);
        for (size_t i = 0; i < map.keys.size(); ++i) {
            const QString& sub = map.keys[i].value;
            walk(map.items[i],
                 sub == u"credentials"                                  ? base + QStringLiteral(".credentials")
                     : sub == u"env"                                    ? envKey
                     : sub == u"image" && envKey.contains(u"container") ? base + QStringLiteral(".image")
                                                                        : prefix + key);
        }
    };
    if (key == u"if") {
        condition(value, prefix + key);
    } else if (key == u"container") {
        subKeys(value, prefix + key, prefix + QStringLiteral("container.env.<env_id>"));
    } else if (key == u"services" && value.isMap()) {
        for (const YamlNode& service : value.items)
            subKeys(service, prefix + QStringLiteral("services.<service_id>"),
                    prefix + QStringLiteral("services.<service_id>.env.<env_id>"));
    } else if (key == u"environment" && value.isMap()) {
        for (size_t i = 0; i < value.keys.size(); ++i)
            walk(value.items[i], prefix + (value.keys[i].value == u"url" ? QStringLiteral("environment.url") : key));
    } else if (key == u"defaults") {
        walk(value, prefix + QStringLiteral("defaults.run"));
    } else if (key == u"with" || key == u"secrets" || key == u"outputs") {
        walk(value,
             prefix + key
                 + (key == u"with"          ? QStringLiteral(".<with_id>")
                        : key == u"secrets" ? QStringLiteral(".<secrets_id>")
                                            : QStringLiteral(".<output_id>")));
    } else {
        walk(value, prefix + key);
    }
}

void Walker::job(const QString& id, const YamlNode& job, const Types& workflowTypes, const Types& jobResults)
{
    Types types = workflowTypes;
    types.insert(QStringLiteral("runner"), contexts::runner());
    types.insert(QStringLiteral("job"), contexts::job());
    types.insert(QStringLiteral("strategy"), contexts::strategy());
    types.insert(QStringLiteral("matrix"), matrixType(id, job));
    auto needs = strictShape(QStringLiteral("needs-context"),
                             QStringLiteral("'needs.%1' is read, but '%1' is not in the needs of job '") + id
                                 + QStringLiteral("'%3; the value is empty"));
    if (const YamlNode* list = job.get(u"needs")) {
        for (const QString& need : list->toStringList()) {
            const auto it = jobResults.constFind(need.toLower());
            needs->add(need, it == jobResults.constEnd() ? ExpressionType::any() : it.value());
        }
    }
    types.insert(QStringLiteral("needs"), ExpressionType::objectOf(needs));
    // Job outputs and environment.url are evaluated after the steps: they see every step.
    auto all = strictShape(QStringLiteral("unknown-step"),
                           QStringLiteral("'steps.%1' is read, but no step of job '") + id
                               + QStringLiteral("' has the id '%1'%3; the value is empty"));
    if (const YamlNode* steps = job.get(u"steps"); steps && steps->isSequence()) {
        for (const YamlNode& step : steps->items) {
            if (const YamlNode* stepId = step.isMap() ? step.get(u"id") : nullptr; stepId && stepId->isScalar())
                all->add(stepId->value, stepTypeOf(stepId->value, step));
        }
    }
    types.insert(QStringLiteral("steps"), ExpressionType::objectOf(all));
    setTypes(types);
    for (size_t i = 0; i < job.keys.size(); ++i) {
        const QString& key = job.keys[i].value;
        if (key == u"steps" && job.items[i].isSequence())
            continue;
        jobKey(key, job.items[i]);
    }
    if (const YamlNode* steps = job.get(u"steps"); steps && steps->isSequence())
        this->steps(QStringLiteral("jobs.<job_id>"), *steps, QStringLiteral("job '") + id + u'\'');
}

void Walker::workflow(const YamlNode& root, const FileSource& files)
{
    const QStringList events = eventNames(root);
    Types types;
    types.insert(QStringLiteral("github"), contexts::github(events));
    types.insert(QStringLiteral("env"), ExpressionType::mapOf(ExpressionType::any()));
    types.insert(QStringLiteral("vars"), ExpressionType::mapOf(stringType()));
    types.insert(QStringLiteral("secrets"), ExpressionType::mapOf(stringType()));
    types.insert(QStringLiteral("inputs"), inputsOfWorkflow(root, events));

    Types jobResults;
    auto jobsShape = strictShape(QStringLiteral("unknown-property"),
                                 QStringLiteral("'jobs.%1' is read, but the workflow has no job '%1'%3"));
    const YamlNode* jobs = root.get(u"jobs");
    CalleeCache callees;
    if (jobs && jobs->isMap()) {
        for (size_t i = 0; i < jobs->keys.size(); ++i) {
            const ExpressionType result = jobResultType(jobs->keys[i].value, jobs->items[i], files, callees);
            jobResults.insert(jobs->keys[i].value.toLower(), result);
            jobsShape->add(jobs->keys[i].value, result);
        }
    }
    Types workflowTypes = types;
    types.insert(QStringLiteral("jobs"), ExpressionType::objectOf(jobsShape));
    setTypes(types);

    for (size_t i = 0; i < root.keys.size(); ++i) {
        const QString& key = root.keys[i].value;
        if (key == u"jobs" || key == u"on")
            continue;
        walk(root.items[i], key);
    }
    const YamlNode* on = root.get(u"on");
    const YamlNode* call = on && on->isMap() ? on->get(u"workflow_call") : nullptr;
    if (call && call->isMap()) {
        if (const YamlNode* inputs = call->get(u"inputs"); inputs && inputs->isMap()) {
            for (const YamlNode& input : inputs->items) {
                if (const YamlNode* value = input.isMap() ? input.get(u"default") : nullptr)
                    walk(*value, QStringLiteral("on.workflow_call.inputs.<inputs_id>.default"));
            }
        }
        if (const YamlNode* outputs = call->get(u"outputs"); outputs && outputs->isMap()) {
            for (const YamlNode& output : outputs->items) {
                if (const YamlNode* value = output.isMap() ? output.get(u"value") : nullptr)
                    walk(*value, QStringLiteral("on.workflow_call.outputs.<output_id>.value"));
            }
        }
    }
    if (jobs && jobs->isMap()) {
        for (size_t i = 0; i < jobs->keys.size(); ++i) {
            if (jobs->items[i].isMap() && hasExpressions(jobs->items[i]))
                job(jobs->keys[i].value, jobs->items[i], workflowTypes, jobResults);
        }
    }
}

void Walker::action(const YamlNode& root)
{
    Types types;
    types.insert(QStringLiteral("github"), contexts::github({}));
    types.insert(QStringLiteral("runner"), contexts::runner());
    types.insert(QStringLiteral("job"), contexts::job());
    types.insert(QStringLiteral("strategy"), contexts::strategy());
    for (const char* loose : {"env", "vars", "secrets", "matrix", "needs", "jobs"})
        types.insert(QLatin1StringView(loose), ExpressionType::mapOf(ExpressionType::any()));
    auto inputs = strictShape(QStringLiteral("undefined-input"),
                              QStringLiteral("'inputs.%1' is read, but the action declares no input '%1'%3 "
                                             "(declared: %2)"));
    if (const YamlNode* declared = root.get(u"inputs"); declared && declared->isMap()) {
        for (const YamlNode& key : declared->keys)
            inputs->add(key.value, stringType());
    } else if (declared) {
        inputs->rest = ExpressionType::any();
    }
    types.insert(QStringLiteral("inputs"), ExpressionType::objectOf(inputs));
    types.insert(QStringLiteral("steps"), ExpressionType::mapOf(stepType()));
    setTypes(types);
    const YamlNode* runs = root.get(u"runs");
    const YamlNode* steps = runs && runs->isMap() ? runs->get(u"steps") : nullptr;
    for (size_t i = 0; i < root.keys.size(); ++i) {
        if (&root.items[i] == runs && steps && steps->isSequence()) {
            for (size_t k = 0; k < runs->keys.size(); ++k) {
                if (&runs->items[k] != steps)
                    walk(runs->items[k], QStringLiteral("action.runs"));
            }
            this->steps(QStringLiteral("action"), *steps, QStringLiteral("the action"));
            continue;
        }
        walk(root.items[i], QStringLiteral("action.") + root.keys[i].value);
    }
}

} // namespace

void WorkflowExpressions::checkWorkflow(const YamlNode& root, const FileSource& files, const Reporter& report,
                                        const StepOutputs& stepOutputs)
{
    Walker(report, stepOutputs).workflow(root, files);
}

void WorkflowExpressions::checkAction(const YamlNode& root, const Reporter& report, const StepOutputs& stepOutputs)
{
    Walker(report, stepOutputs).action(root);
}

} // namespace gatehouse::pipeline::github
