// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubWorkflow.h"

#include "GitHubActionCatalog.h"
#include "GitHubChecks.h"
#include "KeywordTables.h"
#include "SchemaValidator.h"
#include "YamlReader.h"
#include "github/ScalarPosition.h"
#include "github/WorkflowExpressions.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace gatehouse::pipeline {

namespace {

class Analyzer
{
public:
    Analyzer(const QString& path, const FileSource& files, QList<Diagnostic>& diagnostics,
             const GitHubWorkflow::ModelReady& modelReady)
        : m_files(files)
        , m_diagnostics(diagnostics)
        , m_modelReady(modelReady)
    {
        m_model.kind = PipelineKind::GitHub;
        m_model.file = path;
        m_model.files.append(path);
        m_out.report = [this](const YamlNode& at, Severity severity, Category category, const QString& rule,
                              const QString& message) { report(at, severity, category, rule, message); };
        m_out.reportAt = [this](const YamlNode& node, int offset, Severity severity, const QString& rule,
                                const QString& message) { reportAt(node, offset, severity, rule, message); };
    }

    PipelineModel run(const QByteArray& text);

private:
    void report(const YamlNode& at, Severity severity, Category category, const QString& rule, const QString& message)
    {
        m_diagnostics.append(Diagnostic{m_model.files.value(at.file), at.line, at.column, severity, category,
                                        QStringLiteral("github.") + rule, message});
    }
    void reportAt(const YamlNode& node, int offset, Severity severity, const QString& rule, const QString& message);

    void checkEvents(const YamlNode& root);
    void buildJobs(const YamlNode& jobs);
    void checkJobs(const YamlNode& jobs);
    void checkSteps(const QString& jobId, const YamlNode& steps);
    void checkMatrix(const QString& jobId, const YamlNode& strategy);
    void checkReusableCall(const QString& jobId, const YamlNode& job);
    void checkLocalAction(const YamlNode& step);
    /// A local action's metadata (`uses: ./path`), read once per analysis.
    struct LocalAction
    {
        bool exists = false; ///< action.yml or action.yaml is there
        std::optional<YamlNode> metadata; ///< when it parses
    };
    const LocalAction& localAction(const QString& uses);
    /// What `steps.<id>.outputs` of `step` may read: the outputs of a known public action or a local action.
    std::optional<QStringList> stepOutputs(const YamlNode& step);
    /// The version written next to a commit pin: `uses: actions/checkout@<sha> # v4.2.2`.
    QString pinComment(const YamlNode& uses) const;
    void checkExpressions(const YamlNode& root, bool action);
    void checkRemoteAction(const YamlNode& step);
    void checkNeedsCycles(const YamlNode& jobs, const QList<QList<int>>& needsOf);
    std::optional<YamlNode> readLocal(const QString& path, const YamlNode& at, const QString& what);

    FileSource m_files;
    QList<Diagnostic>& m_diagnostics;
    const GitHubWorkflow::ModelReady& m_modelReady;
    github::Reporter m_out;
    QStringList m_declaredRunnerLabels; ///< runners: self-hosted-labels of .gatehouse/config.yml
    bool m_runnerLabelsDeclared = false;
    PipelineModel m_model;
    QStringList m_lines; ///< the file's lines, for positions inside block scalars
    QHash<QString, LocalAction> m_localActions; ///< by `uses:`
};

void Analyzer::checkExpressions(const YamlNode& root, bool action)
{
    const github::WorkflowExpressions::StepOutputs outputs = [this](const YamlNode& step) { return stepOutputs(step); };
    if (action)
        github::WorkflowExpressions::checkAction(root, m_out.reportAt, outputs);
    else
        github::WorkflowExpressions::checkWorkflow(root, m_files, m_out.reportAt, outputs);
}

const Analyzer::LocalAction& Analyzer::localAction(const QString& uses)
{
    if (const auto cached = m_localActions.constFind(uses); cached != m_localActions.constEnd())
        return cached.value();
    QString dir = uses.mid(2);
    while (dir.endsWith(u'/'))
        dir.chop(1);
    LocalAction action;
    for (const char* name : {"action.yml", "action.yaml"}) {
        const QString path = dir.isEmpty() ? QString::fromLatin1(name) : dir + u'/' + QLatin1StringView(name);
        const Result<QByteArray> content = m_files.read ? m_files.read(path) : Result<QByteArray>(makeError({}, {}));
        if (!content.ok())
            continue;
        action.exists = true;
        // Problems inside the action are reported when its action.yml is validated itself.
        YamlDocumentSet set = readYaml(content.value(), path);
        if (set.ok && !set.documents.empty() && set.documents.front().isMap())
            action.metadata = set.documents.front();
        break;
    }
    return m_localActions.insert(uses, action).value();
}

std::optional<QStringList> Analyzer::stepOutputs(const YamlNode& step)
{
    const YamlNode* uses = step.get(u"uses");
    if (!uses || !uses->isScalar() || uses->value.contains(u"${{") || uses->value.startsWith(u"docker://"))
        return std::nullopt;
    if (!uses->value.startsWith(u"./"))
        return knownActionOutputs(uses->value, pinComment(*uses));
    const LocalAction& action = localAction(uses->value);
    const YamlNode* outputs = action.metadata ? action.metadata->get(u"outputs") : nullptr;
    if (!action.metadata || (outputs && !outputs->isMap()))
        return std::nullopt;
    return outputs ? outputs->keyNames() : QStringList();
}

QString Analyzer::pinComment(const YamlNode& uses) const
{
    const QString line = m_lines.value(uses.line - 1);
    const qsizetype hash = line.indexOf(u'#', uses.column - 1 + uses.value.size());
    return hash >= 0 ? line.mid(hash + 1) : QString();
}

void Analyzer::reportAt(const YamlNode& node, int offset, Severity severity, const QString& rule,
                        const QString& message)
{
    const github::SourcePosition position = github::scalarPosition(node, offset, m_lines);
    m_diagnostics.append(Diagnostic{m_model.files.value(node.file), position.line, position.column, severity,
                                    Category::Semantic, QStringLiteral("github.") + rule, message});
}

std::optional<YamlNode> Analyzer::readLocal(const QString& path, const YamlNode& at, const QString& what)
{
    const Result<QByteArray> content
        = m_files.read ? m_files.read(path) : Result<QByteArray>(makeError(QStringLiteral("io.unavailable"), {}));
    if (!content.ok()) {
        if (m_files.complete)
            report(at, Severity::Error, Category::Semantic, QStringLiteral("local-file-not-found"),
                   QStringLiteral("the %1 '%2' does not exist in the repository").arg(what, path));
        return std::nullopt;
    }
    // Problems inside the called file are reported when that file is validated itself.
    YamlDocumentSet set = readYaml(content.value(), path);
    if (!set.ok || set.documents.empty())
        return std::nullopt;
    return set.documents.front();
}

void Analyzer::checkEvents(const YamlNode& root)
{
    const YamlNode* on = root.get(u"on");
    if (!on)
        return;
    std::vector<const YamlNode*> names;
    if (on->isScalar())
        names.push_back(on);
    else if (on->isSequence())
        for (const YamlNode& item : on->items)
            names.push_back(&item);
    for (const YamlNode* name : names) {
        if (!githubEventNames().contains(name->value))
            report(*name, Severity::Error, Category::Schema, QStringLiteral("unknown-event"),
                   QStringLiteral("unknown event '%1'%2; expected a webhook event such as push, pull_request, "
                                  "workflow_dispatch")
                       .arg(name->value, didYouMean(name->value, githubEventNames())));
    }
    github::checkEvents(*on, m_out);
}

void Analyzer::checkMatrix(const QString& jobId, const YamlNode& strategy)
{
    const YamlNode* matrix = strategy.get(u"matrix");
    if (!matrix || !matrix->isMap())
        return;
    const YamlNode* exclude = matrix->get(u"exclude");
    if (!exclude || !exclude->isSequence())
        return;
    QHash<QString, QStringList> values;
    bool dynamic = false;
    for (size_t i = 0; i < matrix->keys.size(); ++i) {
        const QString& key = matrix->keys[i].value;
        if (key == u"include" || key == u"exclude")
            continue;
        const YamlNode& v = matrix->items[i];
        if (!v.isSequence()) {
            dynamic = true;
            continue;
        }
        QStringList list;
        for (const YamlNode& item : v.items)
            list.append(item.isScalar() ? item.value : item.toFlowText(1000));
        values.insert(key, list);
    }
    for (const YamlNode& entry : exclude->items) {
        if (!entry.isMap())
            continue;
        for (size_t i = 0; i < entry.keys.size(); ++i) {
            const QString& key = entry.keys[i].value;
            const YamlNode& v = entry.items[i];
            if (v.isScalar() && v.value.contains(u"${{"))
                continue;
            if (!values.contains(key)) {
                if (!dynamic)
                    report(entry.keys[i], Severity::Error, Category::Semantic,
                           QStringLiteral("matrix-exclude-unknown-key"),
                           QStringLiteral("matrix exclude of job '%1' uses '%2', which is not a matrix variable%3")
                               .arg(jobId, key, didYouMean(key, values.keys())));
                continue;
            }
            const QString text = v.isScalar() ? v.value : v.toFlowText(1000);
            if (!values.value(key).contains(text))
                report(v, Severity::Warning, Category::Semantic, QStringLiteral("matrix-exclude-no-match"),
                       QStringLiteral("matrix exclude of job '%1' matches nothing: '%2' is not one of the values of "
                                      "'%3' (%4)")
                           .arg(jobId, text, key, values.value(key).join(QStringLiteral(", "))));
        }
    }
}

void Analyzer::checkLocalAction(const YamlNode& step)
{
    const YamlNode* uses = step.get(u"uses");
    if (!uses || !uses->value.startsWith(u"./") || !m_files.read)
        return;
    const LocalAction& action = localAction(uses->value);
    if (!action.exists && m_files.complete)
        report(*uses, Severity::Error, Category::Semantic, QStringLiteral("local-file-not-found"),
               QStringLiteral("the local action '%1' has no action.yml or action.yaml").arg(uses->value));
    if (action.metadata)
        github::checkActionInputs(step, *uses, actionSpecFromMetadata(*action.metadata, uses->value), m_out);
}

void Analyzer::checkRemoteAction(const YamlNode& step)
{
    const YamlNode* uses = step.get(u"uses");
    if (!uses || !uses->isScalar() || uses->value.startsWith(u"./") || uses->value.startsWith(u"docker://")
        || uses->value.contains(u"${{"))
        return;
    if (const std::optional<ActionSpec> spec = knownAction(uses->value, pinComment(*uses)))
        github::checkActionInputs(step, *uses, *spec, m_out);
}

void Analyzer::checkReusableCall(const QString& jobId, const YamlNode& job)
{
    const YamlNode* uses = job.get(u"uses");
    if (!uses || !uses->value.startsWith(u"./"))
        return;
    const std::optional<YamlNode> callee = readLocal(uses->value.mid(2), *uses, QStringLiteral("called workflow"));
    if (!callee)
        return;
    const YamlNode* on = callee->get(u"on");
    const YamlNode* call = on && on->isMap() ? on->get(u"workflow_call") : nullptr;
    const bool callable = call || (on && on->toStringList().contains(QStringLiteral("workflow_call")));
    if (!callable) {
        report(*uses, Severity::Error, Category::Semantic, QStringLiteral("not-reusable"),
               QStringLiteral("'%1' is not a reusable workflow; expected 'on: workflow_call' in it").arg(uses->value));
        return;
    }
    const YamlNode* inputs = call ? call->get(u"inputs") : nullptr;
    const YamlNode* secrets = call ? call->get(u"secrets") : nullptr;
    const YamlNode* with = job.get(u"with");
    const QStringList inputNames = inputs ? inputs->keyNames() : QStringList();
    if (with && with->isMap()) {
        for (size_t i = 0; i < with->keys.size(); ++i) {
            const YamlNode& key = with->keys[i];
            if (!inputNames.contains(key.value)) {
                report(key, Severity::Error, Category::Semantic, QStringLiteral("unknown-input"),
                       QStringLiteral("job '%1' passes the input '%2', which '%3' does not declare%4")
                           .arg(jobId, key.value, uses->value, didYouMean(key.value, inputNames)));
                continue;
            }
            // A literal of the wrong type (an expression is only known at run time).
            const YamlNode& value = with->items[i];
            const YamlNode* type = inputs->get(key.value) ? inputs->get(key.value)->get(u"type") : nullptr;
            if (!type || !value.isScalar() || value.value.contains(u"${{"))
                continue;
            const bool matches = type->value == u"boolean" ? value.isBool()
                : type->value == u"number"                 ? (value.scalarType() == YamlNode::ScalarType::Integer
                                              || value.scalarType() == YamlNode::ScalarType::Float)
                                                           : true; // a string input accepts any scalar
            if (!matches)
                report(
                    value, Severity::Error, Category::Semantic, QStringLiteral("input-type"),
                    QStringLiteral("the input '%1' of '%2' is a %3, but job '%4' passes %5 '%6'")
                        .arg(key.value, uses->value, type->value, jobId,
                             value.typeName() == u"integer" ? QStringLiteral("an integer") : u"a " + value.typeName(),
                             value.value));
        }
    }
    if (inputs && inputs->isMap()) {
        for (size_t i = 0; i < inputs->keys.size(); ++i) {
            const YamlNode& input = inputs->items[i];
            if (input.get(u"required") && input.get(u"required")->toBool(false) && !input.contains(u"default")
                && !(with && with->contains(inputs->keys[i].value)))
                report(*uses, Severity::Error, Category::Semantic, QStringLiteral("missing-input"),
                       QStringLiteral("job '%1' does not pass the required input '%2' of '%3'")
                           .arg(jobId, inputs->keys[i].value, uses->value));
        }
    }
    const YamlNode* passed = job.get(u"secrets");
    if (passed && passed->isScalar() && passed->value == u"inherit")
        return;
    const QStringList secretNames = secrets ? secrets->keyNames() : QStringList();
    if (passed && passed->isMap()) {
        for (const YamlNode& key : passed->keys) {
            if (!secretNames.contains(key.value))
                report(key, Severity::Error, Category::Semantic, QStringLiteral("unknown-secret"),
                       QStringLiteral("job '%1' passes the secret '%2', which '%3' does not declare%4")
                           .arg(jobId, key.value, uses->value, didYouMean(key.value, secretNames)));
        }
    }
    if (secrets && secrets->isMap()) {
        for (size_t i = 0; i < secrets->keys.size(); ++i) {
            const YamlNode& secret = secrets->items[i];
            if (secret.get(u"required") && secret.get(u"required")->toBool(false)
                && !(passed && passed->contains(secrets->keys[i].value)))
                report(*uses, Severity::Error, Category::Semantic, QStringLiteral("missing-secret"),
                       QStringLiteral("job '%1' does not pass the required secret '%2' of '%3'")
                           .arg(jobId, secrets->keys[i].value, uses->value));
        }
    }
}

void Analyzer::checkSteps(const QString& jobId, const YamlNode& steps)
{
    QHash<QString, int> ids;
    for (const YamlNode& step : steps.items) {
        if (!step.isMap())
            continue;
        const bool hasUses = step.contains(u"uses");
        const bool hasRun = step.contains(u"run");
        if (hasUses && hasRun)
            report(*step.keyNode(u"run"), Severity::Error, Category::Semantic, QStringLiteral("step-uses-and-run"),
                   QStringLiteral("a step of job '%1' has both uses and run; expected one of them").arg(jobId));
        else if (!hasUses && !hasRun)
            report(step, Severity::Error, Category::Semantic, QStringLiteral("step-without-action"),
                   QStringLiteral("a step of job '%1' has neither uses nor run; expected one of them").arg(jobId));
        if (const YamlNode* id = step.get(u"id"); id && id->isScalar() && !id->value.contains(u"${{")) {
            // Step ids are compared ignoring case, as `steps.<id>` reads them.
            const QString folded = id->value.toLower();
            if (ids.contains(folded))
                report(*id, Severity::Error, Category::Semantic, QStringLiteral("duplicate-step-id"),
                       QStringLiteral("step id '%1' is used twice in job '%2' (also on line %3, ids ignore case); "
                                      "expected unique ids")
                           .arg(id->value, jobId)
                           .arg(ids.value(folded)));
            else
                ids.insert(folded, id->line);
        }
        github::checkStepValues(jobId, step, m_out);
        checkLocalAction(step);
        checkRemoteAction(step);
    }
}

void Analyzer::checkJobs(const YamlNode& jobs)
{
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    QList<QList<int>> needsOf(qsizetype(jobs.keys.size())); // by key index, for the cycle search
    const QStringList ids = jobs.keyNames();
    QHash<QString, int> idIndex;
    idIndex.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        idIndex.insert(ids[i], int(i)); // a repeated id keeps its last definition, as the YAML reader does
    for (size_t i = 0; i < jobs.keys.size(); ++i) {
        const YamlNode& key = jobs.keys[i];
        const YamlNode& job = jobs.items[i];
        if (!validId.match(key.value).hasMatch())
            report(key, Severity::Error, Category::Schema, QStringLiteral("invalid-job-id"),
                   QStringLiteral("job id '%1' is invalid; expected letters, digits, '-' and '_', starting with a "
                                  "letter or '_'")
                       .arg(key.value));
        if (!job.isMap())
            continue;
        if (const YamlNode* n = job.get(u"needs")) {
            QHash<QString, int> seen;
            const YamlNodeList list = n->isSequence() ? n->items : YamlNodeList{*n};
            for (const YamlNode& need : list) {
                if (!need.isScalar())
                    continue;
                if (seen.contains(need.value)) {
                    report(
                        need, Severity::Error, Category::Semantic, QStringLiteral("duplicate-needs"),
                        QStringLiteral("job '%1' needs '%2' twice; expected each job once").arg(key.value, need.value));
                    continue;
                }
                seen.insert(need.value, need.line);
                if (const auto found = idIndex.constFind(need.value); found != idIndex.constEnd())
                    needsOf[qsizetype(i)].append(found.value());
                else
                    report(need, Severity::Error, Category::Semantic, QStringLiteral("needs-unknown-job"),
                           QStringLiteral("job '%1' needs '%2', which is not a job of this workflow%3")
                               .arg(key.value, need.value, didYouMean(need.value, ids)));
            }
        }
        const bool reusable = job.contains(u"uses");
        if (!reusable && !job.contains(u"runs-on"))
            report(
                key, Severity::Error, Category::Schema, QStringLiteral("missing-key"),
                QStringLiteral("job '%1' is missing 'runs-on' (or 'uses' to call a reusable workflow)").arg(key.value));
        if (!reusable && !job.contains(u"steps"))
            report(key, Severity::Error, Category::Schema, QStringLiteral("missing-key"),
                   QStringLiteral("job '%1' is missing 'steps'").arg(key.value));
        if (reusable) {
            // Only name, uses, with, secrets, needs, if, permissions, strategy and concurrency apply to a call.
            for (const char* forbidden : {"steps", "runs-on", "container", "services", "env", "timeout-minutes",
                                          "defaults", "environment", "outputs", "continue-on-error"}) {
                if (const YamlNode* k = job.keyNode(QString::fromLatin1(forbidden)))
                    report(*k, Severity::Error, Category::Schema, QStringLiteral("reusable-job-key"),
                           QStringLiteral("job '%1' calls a reusable workflow and cannot set '%2'")
                               .arg(key.value, QLatin1StringView(forbidden)));
            }
            checkReusableCall(key.value, job);
        }
        if (const YamlNode* steps = job.get(u"steps"); steps && steps->isSequence())
            checkSteps(key.value, *steps);
        if (const YamlNode* runsOn = job.get(u"runs-on")) {
            const YamlNode* strategy = job.get(u"strategy");
            github::checkRunsOn(*runsOn, strategy ? strategy->get(u"matrix") : nullptr, m_declaredRunnerLabels,
                                m_runnerLabelsDeclared, m_out);
        }
        github::checkJobValues(key.value, job, m_out);
        if (const YamlNode* strategy = job.get(u"strategy"); strategy && strategy->isMap())
            checkMatrix(key.value, *strategy);
    }

    checkNeedsCycles(jobs, needsOf);
}

void Analyzer::buildJobs(const YamlNode& jobs)
{
    m_model.jobs.reserve(qsizetype(jobs.keys.size()));
    for (size_t i = 0; i < jobs.keys.size(); ++i) {
        const YamlNode& key = jobs.keys[i];
        const YamlNode& job = jobs.items[i];
        if (!job.isMap())
            continue;
        PipelineJob model;
        model.name = key.value;
        model.baseName = key.value;
        model.file = m_model.file;
        model.line = key.line;
        model.column = key.column;
        model.config = job;
        if (const YamlNode* n = job.get(u"needs")) {
            // Each job once, in the order written (checkJobs reports the repetitions).
            QSet<QString> seen;
            const YamlNodeList list = n->isSequence() ? n->items : YamlNodeList{*n};
            for (const YamlNode& need : list) {
                if (need.isScalar() && !seen.contains(need.value)) {
                    seen.insert(need.value);
                    model.needs.append(need.value);
                }
            }
        }
        if (const YamlNode* environment = job.get(u"environment"))
            model.environment = environment->isMap()
                ? (environment->get(u"name") ? environment->get(u"name")->value : QString())
                : environment->value;
        if (const YamlNode* container = job.get(u"container"))
            model.image = container->isMap() ? (container->get(u"image") ? container->get(u"image")->value : QString())
                                             : container->value;
        if (const YamlNode* continueOnError = job.get(u"continue-on-error"))
            model.allowFailure = continueOnError->toBool(false);
        if (const YamlNode* timeout = job.get(u"timeout-minutes"))
            model.timeoutMinutes = int(timeout->toInteger());
        m_model.jobs.append(model);
    }
}

void Analyzer::checkNeedsCycles(const YamlNode& jobs, const QList<QList<int>>& needsOf)
{
    // Iterative depth-first search over job indexes (a 40,000-job chain must not exhaust the stack): linear in
    // jobs + needs.
    const qsizetype count = needsOf.size();
    QList<char> state(count, 0); // 0 unvisited, 1 on the path, 2 done
    QList<qsizetype> pathIndex(count, -1);
    QList<bool> reported(count, false);
    struct Frame
    {
        int job;
        qsizetype next = 0;
    };
    QList<Frame> path;
    for (int start = 0; start < int(count); ++start) {
        if (state[start] != 0)
            continue;
        path.append(Frame{start});
        state[start] = 1;
        pathIndex[start] = 0;
        while (!path.isEmpty()) {
            const int job = path.last().job;
            const QList<int>& needs = needsOf[job];
            if (path.last().next >= needs.size()) {
                state[job] = 2;
                path.removeLast();
                continue;
            }
            const int next = needs[path.last().next++];
            if (state[next] == 0) {
                state[next] = 1;
                pathIndex[next] = path.size();
                path.append(Frame{next});
            } else if (state[next] == 1 && !reported[next]) {
                QStringList cycle;
                for (qsizetype i = pathIndex[next]; i < path.size(); ++i) {
                    cycle.append(jobs.keys[size_t(path[i].job)].value);
                    reported[path[i].job] = true;
                }
                cycle.append(jobs.keys[size_t(next)].value);
                report(jobs.keys[size_t(next)], Severity::Error, Category::Semantic, QStringLiteral("needs-cycle"),
                       QStringLiteral("needs cycle: %1; expected needs without loops")
                           .arg(cycle.join(QStringLiteral(" → "))));
            }
        }
    }
}

PipelineModel Analyzer::run(const QByteArray& text)
{
    YamlDocumentSet set = readYaml(text, m_model.file);
    // GitHub refuses a workflow with a repeated key ("'x' is already defined"): an error here, not a warning.
    const YamlNode* jobsNode = set.ok && !set.documents.empty() ? set.documents.front().get(u"jobs") : nullptr;
    for (Diagnostic& d : set.diagnostics) {
        if (d.rule != u"yaml.duplicate-key")
            continue;
        d.severity = Severity::Error;
        if (jobsNode) {
            for (const YamlNode& key : jobsNode->keys) {
                if (key.line == d.line && key.column == d.column) {
                    d.category = Category::Semantic;
                    d.rule = QStringLiteral("github.duplicate-job-id");
                    d.message = QStringLiteral("job id '%1' is defined twice; expected unique job ids (%2)")
                                    .arg(key.value, d.message);
                }
            }
        }
    }
    m_diagnostics.append(set.diagnostics);
    if (!set.ok)
        return m_model;
    m_lines = QString::fromUtf8(text).split(u'\n');
    if (set.documents.empty() || set.documents.front().isNull()) {
        report(YamlNode::map(1, 1), Severity::Error, Category::Schema, QStringLiteral("empty"),
               QStringLiteral("the workflow is empty; expected 'on:' and 'jobs:'"));
        return m_model;
    }
    const YamlNode& root = set.documents.front();
    if (!root.isMap()) {
        report(root, Severity::Error, Category::Syntax, QStringLiteral("not-a-mapping"),
               QStringLiteral("the workflow is %1; expected a mapping with 'on:' and 'jobs:'").arg(root.typeName()));
        return m_model;
    }
    m_model.merged = root;
    SchemaValidator validator(KeywordTables::github(), m_model.files, m_diagnostics);
    if (GitHubWorkflow::isActionMetadata(m_model.file)) {
        validator.validateMap(root, QStringLiteral("action"), QStringLiteral("the action"));
        github::checkActionMetadata(root, m_out);
        if (const YamlNode* runs = root.get(u"runs"); runs && runs->get(u"steps"))
            checkSteps(QStringLiteral("(composite action)"), *runs->get(u"steps"));
        checkExpressions(root, true);
        return m_model;
    }
    const YamlNode* jobs = root.get(u"jobs");
    if (jobs && jobs->isMap())
        buildJobs(*jobs);
    if (m_modelReady)
        m_modelReady(m_model);
    validator.validateMap(root, QStringLiteral("workflow"), QStringLiteral("the workflow"));
    m_declaredRunnerLabels = github::selfHostedLabels(m_files, &m_runnerLabelsDeclared);
    checkEvents(root);
    checkExpressions(root, false);
    github::checkWorkflowValues(root, m_out);
    if (jobs && jobs->isMap())
        checkJobs(*jobs);
    return m_model;
}

} // namespace

bool GitHubWorkflow::isActionMetadata(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name == u"action.yml" || name == u"action.yaml";
}

PipelineModel GitHubWorkflow::analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                      QList<Diagnostic>& diagnostics, const ModelReady& modelReady)
{
    Analyzer analyzer(path, files, diagnostics, modelReady);
    return analyzer.run(text);
}

} // namespace gatehouse::pipeline
