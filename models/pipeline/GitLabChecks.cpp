// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitLabAnalyzer.h"

#include "GitLabInputs.h"
#include "SchemaValidator.h"
#include "YamlReader.h"

#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace gatehouse::pipeline {

using namespace gitlabdetail;

void GitLabAnalyzer::validateSchema()
{
    SchemaValidator validator(KeywordTables::gitlab(), m_model.files, m_diagnostics);
    const MapSchema* root = KeywordTables::gitlab().map(QStringLiteral("root"));
    for (size_t i = 0; i < m_config.keys.size(); ++i) {
        const QString& key = m_config.keys[i].value;
        if (key == u"include")
            continue;
        if (const KeySpec* spec = root->key(key))
            validator.validateValue(m_config.items[i], spec->value, key);
    }
    // A variable's value must be one of its options.
    if (const YamlNode* variables = m_config.get(u"variables"); variables && variables->isMap()) {
        for (size_t i = 0; i < variables->keys.size(); ++i) {
            const YamlNode& variable = variables->items[i];
            const YamlNode* options = variable.isMap() ? variable.get(u"options") : nullptr;
            const YamlNode* value = variable.isMap() ? variable.get(u"value") : nullptr;
            if (!options || !options->isSequence())
                continue;
            if (!value)
                report(variables->keys[i], Severity::Error, Category::Schema, QStringLiteral("missing-key"),
                       QStringLiteral("variable '%1' has options but no value; expected a value that is one of them")
                           .arg(variables->keys[i].value));
            else if (!options->toStringList().contains(value->value))
                report(*value, Severity::Error, Category::Schema, QStringLiteral("invalid-value"),
                       QStringLiteral("the value '%1' of variable '%2' is not one of its options: %3")
                           .arg(value->value, variables->keys[i].value,
                                options->toStringList().join(QStringLiteral(", "))));
        }
    }
    QSet<QString> seen;
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        const YamlNode* config = top(job.baseName);
        validator.validateMap(config ? *config : job.config, QStringLiteral("job"),
                              QStringLiteral("job '%1'").arg(job.baseName));
        if (config && config->isMap() && config->contains(u"trigger"))
            checkTriggerJob(job.baseName, *config);
    }
}

void GitLabAnalyzer::checkChildInputs(const QString& path, const QByteArray& text, const YamlNode& entry)
{
    // The child pipeline is its own pipeline (checked when its file is), but the inputs this job gives it are
    // checked here against its spec:inputs header, as GitLab does when it creates the child pipeline.
    YamlDocumentSet set = readYaml(text, path);
    const bool header
        = set.ok && set.documents.size() >= 2 && set.documents[0].isMap() && set.documents[0].contains(u"spec");
    const YamlNode* given = entry.get(u"inputs");
    if (!header) {
        if (given && set.ok)
            report(
                *entry.keyNode(u"inputs"), Severity::Error, Category::Schema, QStringLiteral("input-unknown"),
                QStringLiteral("the child pipeline '%1' has no spec:inputs header, so it takes no inputs").arg(path));
        return;
    }
    qsizetype index = m_model.files.indexOf(path);
    if (index < 0) {
        index = m_model.files.size();
        m_model.files.append(path);
    }
    YamlNode& spec = set.documents[0];
    spec.setFile(int(index));
    // Only the inputs are checked: the child's body is interpolated and checked with the child itself.
    YamlNode body;
    if (const YamlNode* inputs = spec.get(u"spec"); inputs && inputs->isMap())
        GitLabInputs::apply(*inputs, given, GitLabInputs::Given::Include, body, m_model.files, m_diagnostics);
}

void GitLabAnalyzer::checkTriggerJob(const QString& name, const YamlNode& config)
{
    // A trigger job runs no script on a runner: GitLab refuses the runner keywords on it.
    static const QStringList allowed
        = KeywordTables::enumNames(KeywordTables::gitlab().value(QStringLiteral("trigger-job-keyword"))->enumValues);
    for (const YamlNode& key : config.keys) {
        // script and run next to trigger are reported once, as conflicting keys.
        if (key.kind == YamlNode::Kind::Scalar && !allowed.contains(key.value) && key.value != u"script"
            && key.value != u"run" && KeywordTables::gitlab().map(QStringLiteral("job"))->key(key.value))
            report(key, Severity::Error, Category::Schema, QStringLiteral("trigger-job-keyword"),
                   QStringLiteral("trigger job '%1' cannot use '%2'; a trigger job may only use: %3")
                       .arg(name, key.value, allowed.join(QStringLiteral(", "))));
    }
    // A downstream pipeline starts at once or by hand: it cannot be delayed.
    if (const YamlNode* when = config.get(u"when"); when && when->value == u"delayed")
        report(*when, Severity::Error, Category::Schema, QStringLiteral("trigger-job-keyword"),
               QStringLiteral("trigger job '%1' cannot be delayed; expected on_success, on_failure, always or manual")
                   .arg(name));
    if (const YamlNode* needs = config.get(u"needs"); needs && needs->isSequence()) {
        for (const YamlNode& need : needs->items) {
            if (const YamlNode* project = need.isMap() ? need.keyNode(u"project") : nullptr)
                report(*project, Severity::Error, Category::Schema, QStringLiteral("trigger-job-keyword"),
                       QStringLiteral("trigger job '%1' cannot use needs:project").arg(name));
        }
    }
}

void GitLabAnalyzer::checkJobs()
{
    JobIndex jobs;
    // Sized up front: growing hashes of every job name rehashes them again and again on large pipelines.
    jobs.visibleBase.reserve(m_model.jobs.size());
    jobs.byInstance.reserve(m_model.jobs.size());
    jobs.byBase.reserve(m_model.jobs.size());
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        jobs.visibleBase.insert(job.baseName);
        jobs.byInstance.insert(job.name, &job);
        if (!jobs.byBase.contains(job.baseName))
            jobs.byBase.insert(job.baseName, &job);
    }
    jobs.allNames = QStringList(jobs.visibleBase.begin(), jobs.visibleBase.end());
    jobs.allNames.sort();

    if (m_model.jobs.isEmpty()) {
        const bool partial = m_fragment || m_partial;
        report(m_config, partial ? Severity::Info : Severity::Error, Category::Semantic,
               QStringLiteral("no-visible-job"),
               partial ? QStringLiteral("no visible job in this file (fine for an included file or a template)")
                       : QStringLiteral("the pipeline has no visible job; expected at least one job whose name does "
                                        "not start with '.'"));
    }

    QSet<QString> checked;
    checked.reserve(m_model.jobs.size());
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (checked.contains(job.baseName))
            continue;
        checked.insert(job.baseName);
        const YamlNode& config = *top(job.baseName);
        const YamlNode* keyNode = topKey(job.baseName);
        const YamlNode& at = keyNode ? *keyNode : config;
        const int stageIndex = m_stageIndex.value(job.stage, -1);
        checkStageAndScript(job, config, at, stageIndex);
        checkRulesAndWhen(job, config);
        checkMatrixSize(job, config);
        const QStringList needed = checkNeeds(job, config, stageIndex, jobs);
        checkDependencies(job, config, stageIndex, jobs, needed);
        checkChildPipelines(job, config);
        checkOnStop(job, config, jobs);
    }
    checkNeedsCycles();
}

void GitLabAnalyzer::checkStageAndScript(const PipelineJob& job, const YamlNode& config, const YamlNode& at,
                                         int stageIndex)
{
    // Stage.
    if (stageIndex < 0) {
        const YamlNode* stageNode = config.get(u"stage") ? config.get(u"stage") : config.get(u"type");
        report(stageNode ? *stageNode : at, unlessPartial(), Category::Semantic, QStringLiteral("undefined-stage"),
               QStringLiteral("job '%1' uses stage '%2', which is not defined%3; available stages: %4")
                   .arg(job.baseName, job.stage, didYouMean(job.stage, m_model.stages),
                        m_model.stages.join(QStringLiteral(", "))));
    }

    // script / trigger / run.
    if (!job.config.contains(u"script") && !job.config.contains(u"trigger") && !job.config.contains(u"run")
        && !m_extendsFailed.value(job.baseName)) {
        report(at, unlessPartial(), Category::Semantic, QStringLiteral("missing-script"),
               QStringLiteral("job '%1' has no script, trigger or run; expected one of them%2")
                   .arg(job.baseName, config.contains(u"extends") ? partialNote() : QString()));
    }
}

void GitLabAnalyzer::checkRulesAndWhen(const PipelineJob& job, const YamlNode& config)
{
    // rules vs only/except/when.
    if (config.contains(u"rules")) {
        for (const char* legacy : {"only", "except"}) {
            if (const YamlNode* k = config.keyNode(QString::fromLatin1(legacy)))
                report(*k, Severity::Error, Category::Semantic, QStringLiteral("rules-with-only-except"),
                       QStringLiteral("job '%1' combines rules with %2; use rules only")
                           .arg(job.baseName, QLatin1StringView(legacy)));
        }
        if (const YamlNode* k = config.keyNode(u"when"); k && config.get(u"when")->value != u"never")
            report(*k, Severity::Warning, Category::Semantic, QStringLiteral("rules-with-when"),
                   QStringLiteral("job '%1' sets when: next to rules; the rules decide when the job runs, "
                                  "put when: inside the rules")
                       .arg(job.baseName));
    }

    // when: delayed needs start_in, and start_in needs when: delayed.
    const YamlNode* when = config.get(u"when");
    const YamlNode* startIn = config.get(u"start_in");
    if (when && when->value == u"delayed" && !startIn)
        report(*when, Severity::Error, Category::Semantic, QStringLiteral("delayed-without-start-in"),
               QStringLiteral("job '%1' is delayed but has no start_in; expected e.g. start_in: 30 minutes")
                   .arg(job.baseName));
    if (startIn && (!when || when->value != u"delayed") && !config.contains(u"rules"))
        report(*startIn, Severity::Error, Category::Semantic, QStringLiteral("start-in-without-delayed"),
               QStringLiteral("start_in only applies to when: delayed jobs"));

    // The same pairing inside rules: a rule's start_in needs the rule's when: delayed, and a delayed rule
    // needs a start_in (its own or the job's).
    if (const YamlNode* rules = config.get(u"rules"); rules && rules->isSequence()) {
        for (const YamlNode& rule : rules->items) {
            const YamlNode* ruleWhen = rule.isMap() ? rule.get(u"when") : nullptr;
            const YamlNode* ruleStart = rule.isMap() ? rule.get(u"start_in") : nullptr;
            const bool delayed = ruleWhen && ruleWhen->value == u"delayed";
            if (ruleStart && !delayed)
                report(*rule.keyNode(u"start_in"), Severity::Error, Category::Semantic,
                       QStringLiteral("start-in-without-delayed"),
                       QStringLiteral("a rule of job '%1' sets start_in without when: delayed").arg(job.baseName));
            if (delayed && !ruleStart && !startIn)
                report(*ruleWhen, Severity::Error, Category::Semantic, QStringLiteral("delayed-without-start-in"),
                       QStringLiteral("a rule of job '%1' is delayed but neither it nor the job has start_in")
                           .arg(job.baseName));
        }
    }
}

void GitLabAnalyzer::checkMatrixSize(const PipelineJob& job, const YamlNode& config)
{
    if (const YamlNode* parallel = config.get(u"parallel"); parallel && parallel->isMap()) {
        const qsizetype count = m_instances.value(job.baseName).size();
        if (count > 200)
            report(*parallel, Severity::Error, Category::Semantic, QStringLiteral("matrix-too-large"),
                   QStringLiteral("parallel:matrix creates %1 jobs; GitLab allows 200").arg(count));
    }
}

QStringList GitLabAnalyzer::checkNeeds(const PipelineJob& job, const YamlNode& config, int stageIndex,
                                       const JobIndex& jobs)
{
    const YamlNode* needs = config.get(u"needs");
    QStringList needed;
    if (needs && needs->isSequence()) {
        if (needs->size() > 50)
            report(*needs, Severity::Warning, Category::Semantic, QStringLiteral("too-many-needs"),
                   QStringLiteral("job '%1' has %2 needs; GitLab's default limit is 50")
                       .arg(job.baseName)
                       .arg(needs->size()));
        QHash<QString, int> seenNeeds;
        for (const YamlNode& need : needs->items) {
            QString name;
            bool optional = false;
            const YamlNode* at2 = &need;
            if (need.isScalar()) {
                name = need.value;
            } else if (need.isMap()) {
                if (need.contains(u"project") || need.contains(u"pipeline"))
                    continue; // another project's or pipeline's job
                if (const YamlNode* j = need.get(u"job")) {
                    name = j->value;
                    at2 = j;
                }
                if (const YamlNode* o = need.get(u"optional"))
                    optional = o->toBool(false);
                if (const YamlNode* p = need.get(u"parallel"))
                    name += QStringLiteral(" ") + p->toFlowText(200); // distinct matrix selections
            }
            if (name.isEmpty() || name.contains(u'$'))
                continue;
            if (seenNeeds.contains(name)) {
                report(*at2, Severity::Error, Category::Semantic, QStringLiteral("duplicate-needs"),
                       QStringLiteral("job '%1' needs '%2' twice (also on line %3); expected each job once")
                           .arg(job.baseName, name)
                           .arg(seenNeeds.value(name)));
                continue;
            }
            seenNeeds.insert(name, at2->line);
            const QString target = need.isMap() && need.get(u"job") ? need.get(u"job")->value : name;
            needed.append(target);
            const bool exists = jobs.exists(target);
            if (!exists) {
                if (optional)
                    continue;
                const bool hidden = target.startsWith(u'.') && top(target);
                report(*at2, hidden ? Severity::Error : unlessPartial(), Category::Semantic,
                       QStringLiteral("needs-unknown-job"),
                       hidden ? QStringLiteral("job '%1' needs the hidden job '%2'; hidden jobs never run")
                                    .arg(job.baseName, target)
                              : QStringLiteral("job '%1' needs '%2', which is not a job of this pipeline%3%4")
                                    .arg(job.baseName, target, didYouMean(target, jobs.allNames), partialNote()));
                continue;
            }
            if (const YamlNode* p = need.isMap() ? need.get(u"parallel") : nullptr) {
                // needs:parallel:matrix names instances of the needed job; each must exist.
                for (const QString& instance : GitLabPipeline::instanceNames(target, *p)) {
                    if (!jobs.byInstance.contains(instance) && !instance.contains(u'$'))
                        report(*need.keyNode(u"parallel"), Severity::Error, Category::Semantic,
                               QStringLiteral("needs-unknown-instance"),
                               QStringLiteral("job '%1' needs '%2', but '%3' creates no such instance")
                                   .arg(job.baseName, instance, target));
                }
            }
            const PipelineJob* other = jobs.find(target);
            const int otherStage = other ? m_stageIndex.value(other->stage, -1) : -1;
            if (stageIndex >= 0 && otherStage > stageIndex)
                report(*at2, Severity::Error, Category::Semantic, QStringLiteral("needs-later-stage"),
                       QStringLiteral("job '%1' (stage %2) needs '%3', which is in the later stage %4; expected "
                                      "a job of the same or an earlier stage")
                           .arg(job.baseName, job.stage, target, other->stage));
        }
    }
    return needed;
}

void GitLabAnalyzer::checkDependencies(const PipelineJob& job, const YamlNode& config, int stageIndex,
                                       const JobIndex& jobs, const QStringList& needed)
{
    if (const YamlNode* dependencies = config.get(u"dependencies"); dependencies && dependencies->isSequence()) {
        for (const YamlNode& dependency : dependencies->items) {
            const QString target = dependency.value;
            if (target.contains(u'$'))
                continue;
            if (!jobs.exists(target)) {
                report(dependency, unlessPartial(), Category::Semantic, QStringLiteral("dependencies-unknown-job"),
                       QStringLiteral("job '%1' depends on '%2', which is not a job of this pipeline%3%4")
                           .arg(job.baseName, target, didYouMean(target, jobs.allNames), partialNote()));
                continue;
            }
            const PipelineJob* other = jobs.find(target);
            const int otherStage = other ? m_stageIndex.value(other->stage, -1) : -1;
            if (const YamlNode* needs = config.get(u"needs"); needs && needs->isSequence()) {
                if (!needed.contains(target))
                    report(dependency, Severity::Error, Category::Semantic, QStringLiteral("dependencies-not-in-needs"),
                           QStringLiteral("job '%1' depends on '%2', which is not in its needs; expected "
                                          "dependencies to be a subset of needs")
                               .arg(job.baseName, target));
            } else if (stageIndex >= 0 && otherStage > stageIndex) {
                report(dependency, Severity::Error, Category::Semantic, QStringLiteral("dependencies-later-stage"),
                       QStringLiteral("job '%1' (stage %2) depends on '%3' of the later stage %4; expected a "
                                      "job of the same or an earlier stage")
                           .arg(job.baseName, job.stage, target, other->stage));
            }
        }
    }
}

void GitLabAnalyzer::checkChildPipelines(const PipelineJob& job, const YamlNode& config)
{
    // trigger:include of a local child pipeline must exist (when the whole repository is visible).
    if (const YamlNode* trigger = config.get(u"trigger");
        trigger && trigger->isMap() && m_files.complete && m_files.read) {
        const YamlNode* include = trigger->get(u"include");
        const YamlNodeList entries = include && include->isSequence() ? include->items
            : include                                                 ? YamlNodeList{*include}
                                                                      : YamlNodeList{};
        for (const YamlNode& entry : entries) {
            const YamlNode* local = entry.isMap() ? entry.get(u"local") : (entry.isScalar() ? &entry : nullptr);
            if (!local || local->value.contains(u'$') || local->value.contains(u'*'))
                continue;
            QString path = local->value;
            if (path.startsWith(u'/'))
                path.remove(0, 1);
            const Result<QByteArray> child = m_files.read(path);
            if (!child.ok())
                report(*local, Severity::Error, Category::Semantic, QStringLiteral("include-not-found"),
                       QStringLiteral("the child pipeline '%1' of job '%2' does not exist in the repository")
                           .arg(path, job.baseName));
            else if (entry.isMap())
                checkChildInputs(path, child.value(), entry);
        }
    }
}

void GitLabAnalyzer::checkOnStop(const PipelineJob& job, const YamlNode& config, const JobIndex& jobs)
{
    if (const YamlNode* environment = config.get(u"environment"); environment && environment->isMap()) {
        if (const YamlNode* onStop = environment->get(u"on_stop"); onStop && !onStop->value.contains(u'$')) {
            const YamlNode* stopConfig = top(onStop->value);
            if (!jobs.visibleBase.contains(onStop->value)) {
                report(*onStop, unlessPartial(), Category::Semantic, QStringLiteral("on-stop-unknown-job"),
                       QStringLiteral("environment:on_stop names '%1', which is not a job of this pipeline%2%3")
                           .arg(onStop->value, didYouMean(onStop->value, jobs.allNames), partialNote()));
            } else if (stopConfig) {
                const YamlNode* stopEnvironment = stopConfig->get(u"environment");
                const QString stopAction
                    = stopEnvironment && stopEnvironment->isMap() && stopEnvironment->get(u"action")
                    ? stopEnvironment->get(u"action")->value
                    : QString();
                const QString stopName = stopEnvironment
                    ? (stopEnvironment->isMap()
                           ? (stopEnvironment->get(u"name") ? stopEnvironment->get(u"name")->value : QString())
                           : stopEnvironment->value)
                    : QString();
                if (stopAction != u"stop" || stopName != job.environment)
                    report(*onStop, Severity::Warning, Category::Semantic, QStringLiteral("on-stop-inconsistent"),
                           QStringLiteral("the on_stop job '%1' should set environment name '%2' with action: stop")
                               .arg(onStop->value, job.environment));
            }
        }
    }
}

void GitLabAnalyzer::checkNeedsCycles()
{
    // Graph over base names (instances of one job share their needs), as indexes: the depth-first search below
    // then costs no string hashing per step, which matters on a 40,000-job needs chain.
    QHash<QString, int> indexOf; // base name → node
    QStringList names; // node → base name
    indexOf.reserve(m_model.jobs.size());
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (!indexOf.contains(job.baseName)) {
            indexOf.insert(job.baseName, int(names.size()));
            names.append(job.baseName);
        }
    }
    QHash<QString, int> nodeOfInstance;
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (job.name != job.baseName)
            nodeOfInstance.insert(job.name, indexOf.value(job.baseName));
    }
    std::vector<std::vector<int>> edges(size_t(names.size()));
    std::vector<bool> filled(size_t(names.size()), false);
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        const auto node = size_t(indexOf.value(job.baseName));
        if (filled[node])
            continue;
        filled[node] = true;
        for (const QString& need : job.needs) {
            int target = nodeOfInstance.value(need, -1);
            if (target < 0)
                target = indexOf.value(need, -1);
            if (target >= 0)
                edges[node].push_back(target);
        }
    }
    // Iterative depth-first search: a 40,000-job needs chain must neither recurse that deep nor go quadratic.
    std::vector<unsigned char> state(edges.size(), 0); // 0 new, 1 on stack, 2 done
    std::vector<int> stackIndex(edges.size(), -1);
    std::vector<bool> reported(edges.size(), false);
    std::vector<std::pair<int, size_t>> stack; // node, next edge
    for (int start = 0; start < int(edges.size()); ++start) {
        if (state[size_t(start)] != 0)
            continue;
        state[size_t(start)] = 1;
        stackIndex[size_t(start)] = 0;
        stack.push_back({start, 0});
        while (!stack.empty()) {
            auto& [node, position] = stack.back();
            const std::vector<int>& targets = edges[size_t(node)];
            if (position >= targets.size()) {
                state[size_t(node)] = 2;
                stack.pop_back();
                continue;
            }
            const int next = targets[position++];
            if (state[size_t(next)] == 1) {
                if (!reported[size_t(next)]) {
                    QStringList cycle;
                    for (size_t i = size_t(stackIndex[size_t(next)]); i < stack.size(); ++i) {
                        cycle.append(names.at(stack[i].first));
                        reported[size_t(stack[i].first)] = true;
                    }
                    cycle.append(names.at(next));
                    const YamlNode* at = topKey(names.at(next));
                    report(at ? *at : m_config, Severity::Error, Category::Semantic, QStringLiteral("needs-cycle"),
                           QStringLiteral("needs cycle: %1; expected needs to form a graph without loops")
                               .arg(joinChain(cycle)));
                }
            } else if (state[size_t(next)] == 0) {
                state[size_t(next)] = 1;
                stackIndex[size_t(next)] = int(stack.size());
                stack.push_back({next, 0});
            }
        }
    }
}

} // namespace gatehouse::pipeline
