// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CircleCIConfig.h"

#include "CircleCIAnalyzer.h"

#include "pipeline/KeywordTables.h"
#include "pipeline/SchemaValidator.h"
#include "pipeline/YamlReader.h"

#include <QDir>
#include <QRegularExpression>

namespace gatehouse::pipeline {

using namespace circleci;

namespace {

constexpr int MaxNesting = 16; ///< commands calling commands; deeper is a command that calls itself
constexpr size_t MaxSteps = 10000; ///< steps of one job after its commands are expanded

const QStringList& stringSteps()
{
    // The built-in steps that may be written as a bare name.
    static const QStringList steps
        = {QStringLiteral("checkout"), QStringLiteral("setup_remote_docker"), QStringLiteral("add_ssh_keys")};
    return steps;
}

QStringList sortedKeys(const QHash<QString, Definition>& definitions)
{
    QStringList names = definitions.keys();
    names.sort();
    return names;
}

} // namespace

const QStringList& CircleCIConfig::builtinSteps()
{
    static const QStringList steps = {QStringLiteral("run"),
                                      QStringLiteral("checkout"),
                                      QStringLiteral("setup_remote_docker"),
                                      QStringLiteral("save_cache"),
                                      QStringLiteral("restore_cache"),
                                      QStringLiteral("store_artifacts"),
                                      QStringLiteral("store_test_results"),
                                      QStringLiteral("persist_to_workspace"),
                                      QStringLiteral("attach_workspace"),
                                      QStringLiteral("add_ssh_keys"),
                                      QStringLiteral("when"),
                                      QStringLiteral("unless"),
                                      QStringLiteral("deploy")};
    return steps;
}

bool CircleCIConfig::isConfigPath(const QString& path)
{
    const QString normalized = QDir::fromNativeSeparators(path);
    return normalized.endsWith(u".circleci/config.yml") || normalized.endsWith(u".circleci/config.yaml");
}

PipelineModel CircleCIConfig::analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                      QList<Diagnostic>& diagnostics)
{
    Q_UNUSED(files) // a configuration is one file; orbs would come from the network
    Analyzer analyzer(path, diagnostics);
    return analyzer.run(text);
}

namespace circleci {

Analyzer::Analyzer(const QString& path, QList<Diagnostic>& diagnostics)
    : m_diagnostics(diagnostics)
{
    m_model.kind = PipelineKind::CircleCI;
    m_model.file = path;
    m_model.files = {path};
    m_report = [this](const YamlNode& at, Severity severity, Category category, const QString& rule,
                      const QString& message) { report(at, severity, category, rule, message); };
}

void Analyzer::report(const YamlNode& at, Severity severity, Category category, const QString& rule,
                      const QString& message)
{
    m_diagnostics.append(
        Diagnostic{m_model.file, at.line, at.column, severity, category, QStringLiteral("circleci.") + rule, message});
}

PipelineModel Analyzer::run(const QByteArray& text)
{
    YamlDocumentSet set = readYaml(text, m_model.file);
    m_diagnostics.append(set.diagnostics);
    if (!set.ok)
        return m_model;
    if (set.documents.empty() || set.documents.front().isNull()) {
        report(YamlNode::map(1, 1), Severity::Error, Category::Schema, QStringLiteral("empty"),
               QStringLiteral("the configuration is empty; expected 'version:', 'jobs:' and 'workflows:'"));
        return m_model;
    }
    if (set.documents.size() > 1)
        report(set.documents[1], Severity::Warning, Category::Syntax, QStringLiteral("several-documents"),
               QStringLiteral("the file holds %1 YAML documents; CircleCI reads only the first")
                   .arg(set.documents.size()));
    m_root = set.documents.front();
    m_model.merged = m_root;
    if (!m_root.isMap()) {
        report(m_root, Severity::Error, Category::Schema, QStringLiteral("wrong-type"),
               QStringLiteral("the configuration must be a mapping, found %1").arg(m_root.typeName()));
        return m_model;
    }
    SchemaValidator schema(KeywordTables::circleci(), m_model.files, m_diagnostics);
    schema.validateMap(m_root, QStringLiteral("root"), QStringLiteral("the configuration"));

    if (const YamlNode* version = m_root.get(u"version"); version && version->isScalar()) {
        bool ok = false;
        m_version = version->value.toDouble(&ok);
        if (!ok || (m_version != 2.0 && m_version != 2.1))
            report(*version, Severity::Error, Category::Schema, QStringLiteral("invalid-version"),
                   QStringLiteral("version '%1' is not one CircleCI runs; expected 2.1 (or 2)").arg(version->value));
    }
    if (m_version < 2.1) {
        for (const char16_t* key : {u"orbs", u"commands", u"executors", u"parameters"}) {
            if (const YamlNode* k = m_root.keyNode(QStringView(key)))
                report(*k, Severity::Error, Category::Schema, QStringLiteral("needs-version-2.1"),
                       QStringLiteral("'%1' needs version: 2.1").arg(QStringView(key)));
        }
    }
    if (const YamlNode* setup = m_root.get(u"setup"); setup && setup->toBool(false))
        report(*m_root.keyNode(u"setup"), Severity::Info, Category::Semantic, QStringLiteral("setup-workflow"),
               QStringLiteral("a setup configuration: its workflow chooses and continues with another configuration "
                              "(the continuation orb), which is validated on its own"));
    readDefinitions();
    buildWorkflows();
    return m_model;
}

bool Analyzer::isOrbReference(const QString& name, const YamlNode& at, const QString& what)
{
    const qsizetype slash = name.indexOf(u'/');
    if (slash <= 0)
        return false;
    const QString alias = name.left(slash);
    if (!m_orbs.contains(alias))
        report(at, Severity::Error, Category::Semantic, QStringLiteral("unknown-orb"),
               QStringLiteral("%1 '%2' comes from the orb '%3', which is not imported%4")
                   .arg(what, name, alias,
                        m_orbs.isEmpty() ? QStringLiteral("; expected it under orbs:") : didYouMean(alias, m_orbs)));
    return true;
}

void Analyzer::readDefinitions()
{
    if (const YamlNode* orbs = m_root.get(u"orbs"); orbs && orbs->isMap()) {
        static const QRegularExpression reference(
            QStringLiteral("^[a-z0-9_-]+/[a-z0-9_-]+@(volatile|dev:[^\\s]+|\\d+(\\.\\d+){0,2})$"));
        for (size_t i = 0; i < orbs->keys.size(); ++i) {
            const YamlNode& key = orbs->keys[i];
            const YamlNode& value = orbs->items[i];
            m_orbs.append(key.value);
            if (value.isMap())
                continue; // an inline orb
            if (!value.value.contains(u"<<") && !reference.match(value.value).hasMatch()) {
                report(value, Severity::Error, Category::Semantic, QStringLiteral("invalid-orb"),
                       QStringLiteral("orb '%1' is '%2'; expected namespace/orb@version (e.g. circleci/node@5.1.0)")
                           .arg(key.value, value.value));
                continue;
            }
            m_model.unresolvedIncludes.append(QStringLiteral("orb:") + value.value);
            report(value, Severity::Info, Category::Semantic, QStringLiteral("orb-unresolved"),
                   QStringLiteral("orb '%1' (%2) is not fetched offline: its jobs, commands and executors are "
                                  "accepted by name and their parameters are not checked")
                       .arg(key.value, value.value));
        }
    }
    auto collect = [this](const char16_t* section, QHash<QString, Definition>& into, const QString& what) {
        const YamlNode* map = m_root.get(QStringView(section));
        if (!map || !map->isMap())
            return;
        for (size_t i = 0; i < map->keys.size(); ++i) {
            Definition d{&map->items[i], &map->keys[i], {}};
            if (d.node->isMap())
                d.parameters = readParameters(d.node->get(u"parameters"),
                                              QStringLiteral("%1 '%2'").arg(what, map->keys[i].value), m_report);
            into.insert(map->keys[i].value, d);
        }
    };
    collect(u"commands", m_commands, QStringLiteral("command"));
    collect(u"executors", m_executors, QStringLiteral("executor"));
    collect(u"jobs", m_jobs, QStringLiteral("job"));
    m_pipelineParameters = readParameters(m_root.get(u"parameters"), QStringLiteral("the pipeline"), m_report);
    for (const Parameter& p : std::as_const(m_pipelineParameters)) {
        if (p.hasDefault)
            m_pipelineScope.pipelineParameters.insert(p.name, p.defaultValue);
    }

    for (auto it = m_commands.cbegin(); it != m_commands.cend(); ++it)
        checkDefinition(*it, QStringLiteral("command '%1'").arg(it.key()), false);
    for (auto it = m_executors.cbegin(); it != m_executors.cend(); ++it)
        checkDefinition(*it, QStringLiteral("executor '%1'").arg(it.key()), false);
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it)
        checkDefinition(*it, QStringLiteral("job '%1'").arg(it.key()), true);
}

void Analyzer::checkDefinition(const Definition& definition, const QString& what, bool job)
{
    const YamlNode& node = *definition.node;
    if (!node.isMap())
        return;
    for (size_t i = 0; i < node.keys.size(); ++i) {
        if (node.keys[i].value != u"parameters") // the declarations themselves are not uses
            checkReferences(node.items[i], definition.parameters, what, false);
    }
    if (const YamlNode* steps = node.get(u"steps"))
        checkSteps(*steps, what);
    if (!job)
        return;
    const YamlNode* type = node.get(u"type");
    const QString kind = type ? type->value : QString();
    if (kind == u"approval" || kind == u"no-op")
        return;
    if (!node.contains(u"steps"))
        report(*definition.key, Severity::Error, Category::Schema, QStringLiteral("missing-key"),
               QStringLiteral("%1 has no steps; expected steps: [checkout, run: …]").arg(what));
    if (const YamlNode* executor = node.get(u"executor"))
        checkExecutorReference(*executor, what);
    else if (!node.contains(u"docker") && !node.contains(u"machine") && !node.contains(u"macos") && kind != u"release")
        report(
            *definition.key, Severity::Error, Category::Schema, QStringLiteral("missing-executor"),
            QStringLiteral("%1 names no execution environment; expected docker, machine, macos or executor").arg(what));
}

void Analyzer::checkReferences(const YamlNode& node, const QList<Parameter>& declared, const QString& owner,
                               bool matrix)
{
    if (node.isScalar()) {
        for (const Reference& ref : references(node.value)) {
            // In workflows (where `matrix` is allowed) `<< parameters.x >>` belongs to the job a pre-steps or
            // post-steps list is given to: it is resolved there.
            if (ref.ns == u"parameters" && !matrix) {
                const bool known = std::any_of(declared.cbegin(), declared.cend(),
                                               [&ref](const Parameter& p) { return p.name == ref.name; });
                if (!known) {
                    QStringList names;
                    for (const Parameter& p : declared)
                        names.append(p.name);
                    report(node, Severity::Error, Category::Semantic, QStringLiteral("undefined-parameter"),
                           QStringLiteral("%1 uses << parameters.%2 >> but declares no parameter '%2'%3")
                               .arg(owner, ref.name, didYouMean(ref.name, names)));
                }
            } else if (ref.ns == u"pipeline.parameters") {
                const bool known = std::any_of(m_pipelineParameters.cbegin(), m_pipelineParameters.cend(),
                                               [&ref](const Parameter& p) { return p.name == ref.name; });
                if (!known)
                    report(node, Severity::Error, Category::Semantic, QStringLiteral("undefined-parameter"),
                           QStringLiteral("<< pipeline.parameters.%1 >> names no pipeline parameter; expected it "
                                          "under the top-level parameters:")
                               .arg(ref.name));
            } else if (ref.ns == u"pipeline") {
                if (!isPipelineValue(ref.name))
                    report(node, Severity::Warning, Category::Semantic, QStringLiteral("unknown-pipeline-value"),
                           QStringLiteral("<< pipeline.%1 >> is not a pipeline value CircleCI documents (pipeline.id, "
                                          "pipeline.number, pipeline.git.branch, …)")
                               .arg(ref.name));
            } else if (ref.ns == u"matrix" && !matrix) {
                report(node, Severity::Error, Category::Semantic, QStringLiteral("matrix-outside-matrix"),
                       QStringLiteral("<< matrix.%1 >> is only known in a workflow job with a matrix").arg(ref.name));
            }
        }
        return;
    }
    for (const YamlNode& item : node.items)
        checkReferences(item, declared, owner, matrix);
}

void Analyzer::checkSteps(const YamlNode& steps, const QString& owner, int depth)
{
    if (!steps.isSequence() || depth > MaxNesting)
        return;
    for (const YamlNode& step : steps.items)
        checkStep(step, owner, depth);
}

void Analyzer::checkStep(const YamlNode& step, const QString& owner, int depth)
{
    SchemaValidator schema(KeywordTables::circleci(), m_model.files, m_diagnostics);
    QString name;
    const YamlNode* args = nullptr;
    const YamlNode* at = &step;
    if (step.isScalar()) {
        name = step.value;
    } else if (step.isMap()) {
        if (step.keys.size() != 1) {
            report(step, Severity::Error, Category::Schema, QStringLiteral("invalid-step"),
                   QStringLiteral("a step of %1 has %2 keys (%3); expected exactly one: the step's name")
                       .arg(owner)
                       .arg(step.keys.size())
                       .arg(step.keyNames().join(QStringLiteral(", "))));
            return;
        }
        name = step.keys[0].value;
        args = &step.items[0];
        at = &step.keys[0];
    } else {
        report(step, Severity::Error, Category::Schema, QStringLiteral("invalid-step"),
               QStringLiteral("a step of %1 is %2; expected a step name or a mapping").arg(owner, step.typeName()));
        return;
    }
    if (name.contains(u"<<"))
        return; // a steps parameter, spliced in when the configuration is processed
    if (CircleCIConfig::builtinSteps().contains(name)) {
        if (!args) {
            if (!stringSteps().contains(name))
                report(*at, Severity::Error, Category::Schema, QStringLiteral("invalid-step"),
                       QStringLiteral("step '%1' of %2 needs its keys (e.g. - %1: {…})").arg(name, owner));
            return;
        }
        if ((name == u"run" || name == u"deploy") && args->isScalar())
            return;
        const QString schemaId = QStringLiteral("step-") + (name == u"deploy" ? QStringLiteral("run") : name);
        if (!args->isNull() && !args->isMap()) {
            report(*args, Severity::Error, Category::Schema, QStringLiteral("wrong-type"),
                   QStringLiteral("step '%1' of %2 must be a mapping, found %3").arg(name, owner, args->typeName()));
            return;
        }
        schema.validateMap(*args, schemaId, QStringLiteral("step '%1' of %2").arg(name, owner));
        if (name == u"when" || name == u"unless") {
            if (const YamlNode* condition = args->get(u"condition"))
                checkCondition(*condition, owner);
            if (const YamlNode* nested = args->get(u"steps"))
                checkSteps(*nested, owner, depth + 1);
        }
        if (name == u"deploy")
            report(*at, Severity::Warning, Category::Schema, QStringLiteral("deprecated-step"),
                   QStringLiteral("the deploy step is deprecated; expected run"));
        return;
    }
    if (const auto it = m_commands.constFind(name); it != m_commands.constEnd()) {
        bindArguments(it->parameters, args, *at, {}, QStringLiteral("command '%1'").arg(name), m_report);
        return;
    }
    if (isOrbReference(name, *at, QStringLiteral("command")))
        return;
    QStringList known = CircleCIConfig::builtinSteps() + sortedKeys(m_commands);
    report(*at, Severity::Error, Category::Semantic, QStringLiteral("unknown-step"),
           QStringLiteral("%1 uses the step '%2', which is neither a built-in step nor a command of this "
                          "configuration%3")
               .arg(owner, name, didYouMean(name, known)));
}

void Analyzer::checkExecutorReference(const YamlNode& executor, const QString& owner)
{
    const YamlNode* nameNode = executor.isMap() ? executor.get(u"name") : &executor;
    if (!nameNode || !nameNode->isScalar() || nameNode->value.contains(u"<<"))
        return;
    const QString name = nameNode->value;
    if (const auto it = m_executors.constFind(name); it != m_executors.constEnd()) {
        bindArguments(it->parameters, executor.isMap() ? &executor : nullptr, *nameNode, {QStringLiteral("name")},
                      QStringLiteral("executor '%1'").arg(name), m_report);
        return;
    }
    if (isOrbReference(name, *nameNode, QStringLiteral("executor")))
        return;
    report(*nameNode, Severity::Error, Category::Semantic, QStringLiteral("unknown-executor"),
           QStringLiteral("%1 uses the executor '%2', which is not defined under executors:%3")
               .arg(owner, name, didYouMean(name, sortedKeys(m_executors))));
}

void Analyzer::checkCondition(const YamlNode& condition, const QString& owner, int depth)
{
    // Logic statements: a value (truthy unless false, null, 0, NaN or empty), or one of and, or, not, equal, matches.
    if (!condition.isMap() || depth > 32)
        return;
    static const QStringList operators = {QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"),
                                          QStringLiteral("equal"), QStringLiteral("matches")};
    for (size_t i = 0; i < condition.keys.size(); ++i) {
        const YamlNode& key = condition.keys[i];
        const YamlNode& value = condition.items[i];
        if (!operators.contains(key.value)) {
            report(key, Severity::Error, Category::Schema, QStringLiteral("invalid-condition"),
                   QStringLiteral("'%1' in a condition of %2 is not a logic operator; expected one of: %3%4")
                       .arg(key.value, owner, operators.join(QStringLiteral(", ")), didYouMean(key.value, operators)));
            continue;
        }
        if ((key.value == u"and" || key.value == u"or" || key.value == u"equal") && !value.isSequence()) {
            report(value, Severity::Error, Category::Schema, QStringLiteral("invalid-condition"),
                   QStringLiteral("'%1' in a condition of %2 takes a list, found %3")
                       .arg(key.value, owner, value.typeName()));
            continue;
        }
        if (key.value == u"matches") {
            const YamlNode* pattern = value.get(u"pattern");
            if (!value.isMap() || !pattern || !value.get(u"value")) {
                report(value, Severity::Error, Category::Schema, QStringLiteral("invalid-condition"),
                       QStringLiteral("'matches' in a condition of %1 needs pattern: and value:").arg(owner));
            } else if (!pattern->value.contains(u"<<")
                       && !QRegularExpression(pattern->value.mid(pattern->value.startsWith(u'/') ? 1 : 0)
                                                  .chopped(pattern->value.endsWith(u'/') ? 1 : 0))
                               .isValid()) {
                report(*pattern, Severity::Error, Category::Semantic, QStringLiteral("invalid-regex"),
                       QStringLiteral("pattern '%1' in a condition of %2 is not a valid regular expression")
                           .arg(pattern->value, owner));
            }
            continue;
        }
        if (key.value == u"not")
            checkCondition(value, owner, depth + 1);
        for (const YamlNode& item : value.items)
            checkCondition(item, owner, depth + 1);
    }
}

void Analyzer::mergeExecutor(YamlNode& job, const YamlNode& executor)
{
    for (size_t i = 0; i < executor.keys.size(); ++i) {
        const QString& key = executor.keys[i].value;
        if (key == u"parameters" || key == u"description")
            continue;
        if (key == u"environment" && job.get(u"environment") && job.get(u"environment")->isMap()
            && executor.items[i].isMap()) {
            // The job's own variables win over the executor's.
            YamlNode merged = executor.items[i];
            const YamlNode& own = *job.get(u"environment");
            for (size_t k = 0; k < own.keys.size(); ++k)
                merged.set(own.keys[k].value, own.items[k]);
            job.set(key, merged);
            continue;
        }
        if (!job.contains(key))
            job.set(key, executor.items[i]);
    }
}

YamlNode Analyzer::expandSteps(const YamlNode& steps, int depth)
{
    if (!steps.isSequence())
        return steps;
    YamlNode out = steps;
    out.items.clear();
    for (const YamlNode& step : steps.items) {
        const QString name = step.isScalar()        ? step.value
            : step.isMap() && step.keys.size() == 1 ? step.keys[0].value
                                                    : QString();
        const auto it = m_commands.constFind(name);
        if (it == m_commands.constEnd() || !it->node->isMap()) {
            if ((name == u"when" || name == u"unless") && step.items[0].get(u"steps")) {
                YamlNode copy = step;
                copy.items[0].set(QStringLiteral("steps"), expandSteps(*step.items[0].get(u"steps"), depth + 1));
                out.items.push_back(copy);
            } else {
                out.items.push_back(step);
            }
            continue;
        }
        if (depth >= MaxNesting) {
            report(step, Severity::Error, Category::Semantic, QStringLiteral("command-recursion"),
                   QStringLiteral("command '%1' nests commands more than %2 deep; does it call itself?")
                       .arg(name)
                       .arg(MaxNesting));
            continue;
        }
        Scope scope = m_pipelineScope;
        // Arguments were checked where the step is written; here they are only bound.
        static const Report silent = [](const YamlNode&, Severity, Category, const QString&, const QString&) {};
        scope.parameters
            = bindArguments(it->parameters, step.isMap() ? &step.items[0] : nullptr, step, {}, QString(), silent);
        const YamlNode* body = it->node->get(u"steps");
        if (!body)
            continue;
        const YamlNode expanded = expandSteps(substitute(*body, scope), depth + 1);
        for (const YamlNode& inner : expanded.items)
            out.items.push_back(inner);
        if (out.items.size() > MaxSteps) {
            // Commands that call each other several times multiply: the model keeps a bounded prefix.
            report(step, Severity::Error, Category::Semantic, QStringLiteral("too-many-steps"),
                   QStringLiteral("command '%1' expands to more than %2 steps").arg(name).arg(MaxSteps));
            break;
        }
    }
    return out;
}

YamlNode Analyzer::resolveJob(const QString& jobKey, const YamlNode& call, const YamlNode& at,
                              const QHash<QString, YamlNode>& matrix)
{
    static const QStringList reserved
        = {QStringLiteral("requires"),     QStringLiteral("name"),       QStringLiteral("context"),
           QStringLiteral("type"),         QStringLiteral("filters"),    QStringLiteral("matrix"),
           QStringLiteral("pre-steps"),    QStringLiteral("post-steps"), QStringLiteral("serial-group"),
           QStringLiteral("override-with")};
    YamlNode config = YamlNode::map(at.line, at.column);
    const auto it = m_jobs.constFind(jobKey);
    if (it != m_jobs.constEnd() && it->node->isMap()) {
        // The call's arguments and the matrix's values are both parameters of the job.
        YamlNode arguments = call.isMap() ? call : YamlNode::map(at.line, at.column);
        for (auto m = matrix.cbegin(); m != matrix.cend(); ++m)
            arguments.set(m.key(), m.value());
        Scope scope = m_pipelineScope;
        scope.matrix = matrix;
        scope.parameters
            = bindArguments(it->parameters, &arguments, at, reserved, QStringLiteral("job '%1'").arg(jobKey), m_report);
        for (auto p = scope.parameters.begin(); p != scope.parameters.end(); ++p)
            *p = substitute(*p, scope);
        // An executor given as an argument must exist like one named in the job.
        for (const Parameter& p : std::as_const(it->parameters)) {
            const auto value = scope.parameters.constFind(p.name);
            if (p.type == u"executor" && value != scope.parameters.cend() && value->hasPosition())
                checkExecutorReference(*value, QStringLiteral("parameter '%1' of job '%2'").arg(p.name, jobKey));
        }
        YamlNode body = *it->node;
        body.remove(u"parameters");
        body.remove(u"description");
        config = substitute(body, scope);
        if (const YamlNode* executor = config.get(u"executor")) {
            const QString name = executor->isMap()
                ? (executor->get(u"name") ? executor->get(u"name")->value : QString())
                : executor->value;
            if (const auto e = m_executors.constFind(name); e != m_executors.constEnd() && e->node->isMap()) {
                static const Report silent = [](const YamlNode&, Severity, Category, const QString&, const QString&) {};
                Scope executorScope = m_pipelineScope;
                executorScope.parameters = bindArguments(e->parameters, executor->isMap() ? executor : nullptr,
                                                         *executor, {QStringLiteral("name")}, QString(), silent);
                mergeExecutor(config, substitute(*e->node, executorScope));
            }
        }
        if (const YamlNode* steps = config.get(u"steps")) {
            YamlNode all = *steps;
            if (call.isMap()) {
                // pre-steps and post-steps wrap the job's own steps.
                if (const YamlNode* pre = call.get(u"pre-steps"); pre && pre->isSequence()) {
                    YamlNode joined = *pre;
                    for (const YamlNode& s : all.items)
                        joined.items.push_back(s);
                    all = joined;
                }
                if (const YamlNode* post = call.get(u"post-steps"); post && post->isSequence()) {
                    for (const YamlNode& s : post->items)
                        all.items.push_back(s);
                }
            }
            config.set(QStringLiteral("steps"), expandSteps(substitute(all, scope), 0));
        }
    }
    if (call.isMap()) {
        for (const QString& key : reserved) {
            if (key == u"matrix" || key == u"pre-steps" || key == u"post-steps")
                continue;
            if (const YamlNode* value = call.get(key)) {
                Scope scope = m_pipelineScope;
                scope.matrix = matrix;
                config.set(key, substitute(*value, scope));
            }
        }
    }
    return config;
}

} // namespace circleci

} // namespace gatehouse::pipeline
