// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CircleCIAnalyzer.h"

#include "pipeline/KeywordTables.h"
#include "pipeline/SchemaValidator.h"

#include <QRegularExpression>
#include <QSet>

namespace gatehouse::pipeline::circleci {

namespace {

constexpr int MaxInstances = 1000; ///< matrix instances of one workflow job

/// One job of a workflow as CircleCI creates it (a matrix gives several).
struct Instance
{
    QString name; ///< as CircleCI shows it: the `name:`, or `job-value1-value2` for a matrix
    QString alias; ///< matrix alias (defaults to the job's name), empty without matrix
    QString jobKey;
    const YamlNode* at = nullptr; ///< the job's entry
    YamlNode call;
    QHash<QString, YamlNode> matrix;
    QStringList requiredNames;
    const YamlNode* requiresNode = nullptr;
    QList<int> needs; ///< instance indexes
};

QString scalarText(const YamlNode& node)
{
    return node.isScalar() ? node.value : node.toFlowText(60);
}

/// The environment a deploy job targets, from its names and contexts: CircleCI has no environments of its own,
/// so a production deploy is recognised by a production word in the job's name or contexts.
QString environmentOf(const QString& name, const QString& jobKey, const QStringList& contexts)
{
    static const QRegularExpression deploy(QStringLiteral("deploy|release|rollout|promot|publish"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression production(QStringLiteral("(^|[^a-z0-9])prod(uction)?([^a-z0-9]|$)"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression staging(QStringLiteral("(^|[^a-z0-9])stag(e|ing)([^a-z0-9]|$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString names = name + u' ' + jobKey;
    if (!deploy.match(names).hasMatch())
        return {};
    const QString all = names + u' ' + contexts.join(u' ');
    if (production.match(all).hasMatch())
        return QStringLiteral("production");
    if (staging.match(all).hasMatch())
        return QStringLiteral("staging");
    return {};
}

QString imageOf(const YamlNode& config)
{
    if (const YamlNode* docker = config.get(u"docker"); docker && docker->isSequence() && docker->size() > 0) {
        if (const YamlNode* image = docker->items[0].get(u"image"))
            return image->value;
    }
    if (const YamlNode* machine = config.get(u"machine")) {
        const YamlNode* image = machine->isMap() ? machine->get(u"image") : nullptr;
        return QStringLiteral("machine:") + (image ? image->value : QStringLiteral("default"));
    }
    if (const YamlNode* macos = config.get(u"macos"); macos && macos->get(u"xcode"))
        return QStringLiteral("macos:xcode ") + macos->get(u"xcode")->value;
    return {};
}

} // namespace

void Analyzer::checkFilters(const YamlNode* filters, const QString& owner)
{
    if (!filters || !filters->isMap())
        return;
    for (const char16_t* kind : {u"branches", u"tags"}) {
        const YamlNode* filter = filters->get(QStringView(kind));
        if (!filter || !filter->isMap())
            continue;
        for (const char16_t* which : {u"only", u"ignore"}) {
            const YamlNode* list = filter->get(QStringView(which));
            if (!list)
                continue;
            std::vector<const YamlNode*> patterns;
            if (list->isScalar())
                patterns.push_back(list);
            for (const YamlNode& item : list->items)
                patterns.push_back(&item);
            for (const YamlNode* pattern : patterns) {
                const QString& v = pattern->value;
                // A value between slashes is a regular expression matched against the whole name.
                if (v.size() >= 2 && v.startsWith(u'/') && v.endsWith(u'/')
                    && !QRegularExpression(v.mid(1, v.size() - 2)).isValid())
                    report(*pattern, Severity::Error, Category::Semantic, QStringLiteral("invalid-regex"),
                           QStringLiteral("filter '%1' of %2 is not a valid regular expression").arg(v, owner));
            }
        }
    }
}

void Analyzer::buildWorkflows()
{
    const YamlNode* workflows = m_root.get(u"workflows");
    QSet<QString> used;
    struct Built
    {
        QString workflow;
        QList<Instance> instances;
    };
    QList<Built> all;
    if (workflows && workflows->isMap()) {
        checkReferences(*workflows, {}, QStringLiteral("the workflows"), true);
        for (size_t w = 0; w < workflows->keys.size(); ++w) {
            const QString workflowName = workflows->keys[w].value;
            const YamlNode& workflow = workflows->items[w];
            if (workflowName == u"version" || !workflow.isMap())
                continue;
            const QString owner = QStringLiteral("workflow '%1'").arg(workflowName);
            for (const char16_t* key : {u"when", u"unless"}) {
                if (const YamlNode* condition = workflow.get(QStringView(key)))
                    checkCondition(*condition, owner);
            }
            if (const YamlNode* triggers = workflow.get(u"triggers")) {
                for (const YamlNode& trigger : triggers->items) {
                    if (const YamlNode* schedule = trigger.get(u"schedule"))
                        checkFilters(schedule->get(u"filters"), owner);
                }
            }
            const YamlNode* jobs = workflow.get(u"jobs");
            if (!jobs || !jobs->isSequence())
                continue;
            Built built{workflowName, {}};
            QHash<QString, const YamlNode*> explicitAliases;
            for (const YamlNode& entry : jobs->items) {
                QString jobKey;
                YamlNode call;
                const YamlNode* at = &entry;
                if (entry.isScalar()) {
                    jobKey = entry.value;
                } else if (entry.isMap() && entry.keys.size() == 1) {
                    jobKey = entry.keys[0].value;
                    call = entry.items[0];
                    at = &entry.keys[0];
                } else {
                    report(entry, Severity::Error, Category::Schema, QStringLiteral("invalid-workflow-job"),
                           QStringLiteral("a job of %1 must be a job name, or a mapping with the job's name as its "
                                          "only key")
                               .arg(owner));
                    continue;
                }
                const QString what = QStringLiteral("job '%1' of %2").arg(jobKey, owner);
                if (!call.isNull() && !call.isMap()) {
                    report(call, Severity::Error, Category::Schema, QStringLiteral("wrong-type"),
                           QStringLiteral("%1 must be a mapping, found %2").arg(what, call.typeName()));
                    continue;
                }
                SchemaValidator schema(KeywordTables::circleci(), m_model.files, m_diagnostics);
                schema.validateMap(call, QStringLiteral("workflow-job"), what);
                checkFilters(call.get(u"filters"), what);
                if (const YamlNode* pre = call.get(u"pre-steps"))
                    checkSteps(*pre, what);
                if (const YamlNode* post = call.get(u"post-steps"))
                    checkSteps(*post, what);
                const YamlNode* typeNode = call.get(u"type");
                const QString type = typeNode ? typeNode->value : QString();
                const bool noJob = type == u"approval" || type == u"no-op";
                if (m_jobs.contains(jobKey)) {
                    used.insert(jobKey);
                } else if (!noJob && !jobKey.contains(u"<<") && !isOrbReference(jobKey, *at, QStringLiteral("job"))) {
                    QStringList names = m_jobs.keys();
                    names.sort();
                    report(*at, Severity::Error, Category::Semantic, QStringLiteral("unknown-job"),
                           QStringLiteral("%1 runs the job '%2', which is not defined under jobs:%3")
                               .arg(owner, jobKey, didYouMean(jobKey, names)));
                }

                // The matrix: every combination of the parameters' values, less the excluded ones.
                QList<QHash<QString, YamlNode>> combinations{{}};
                QStringList order;
                QString alias;
                const YamlNode* matrix = call.get(u"matrix");
                if (matrix && matrix->isMap()) {
                    const YamlNode* parameters = matrix->get(u"parameters");
                    for (size_t p = 0; parameters && parameters->isMap() && p < parameters->keys.size(); ++p) {
                        order.append(parameters->keys[p].value);
                        YamlNode values = substitute(parameters->items[p], m_pipelineScope);
                        QList<YamlNode> list;
                        if (values.isSequence()) {
                            for (const YamlNode& v : values.items)
                                list.append(v);
                        } else {
                            list.append(values);
                        }
                        QList<QHash<QString, YamlNode>> next;
                        for (const auto& combination : std::as_const(combinations)) {
                            for (const YamlNode& v : list) {
                                if (next.size() > MaxInstances)
                                    break;
                                auto c = combination;
                                c.insert(order.constLast(), v);
                                next.append(c);
                            }
                        }
                        combinations = next;
                    }
                    if (combinations.size() > MaxInstances) {
                        report(*matrix, Severity::Error, Category::Semantic, QStringLiteral("matrix-too-large"),
                               QStringLiteral("the matrix of %1 makes more than %2 jobs").arg(what).arg(MaxInstances));
                        combinations = combinations.mid(0, MaxInstances);
                    }
                    if (const YamlNode* exclude = matrix->get(u"exclude"); exclude && exclude->isSequence()) {
                        for (const YamlNode& rule : exclude->items) {
                            if (!rule.isMap())
                                continue;
                            const qsizetype before = combinations.size();
                            combinations.removeIf([&](const QHash<QString, YamlNode>& c) {
                                for (size_t k = 0; k < rule.keys.size(); ++k) {
                                    if (!c.contains(rule.keys[k].value)
                                        || scalarText(c.value(rule.keys[k].value))
                                            != scalarText(substitute(rule.items[k], m_pipelineScope)))
                                        return false;
                                }
                                return true;
                            });
                            bool knownKeys = true;
                            for (const YamlNode& key : rule.keys) {
                                knownKeys = knownKeys && order.contains(key.value);
                                if (!order.contains(key.value))
                                    report(key, Severity::Error, Category::Semantic, QStringLiteral("matrix-exclude"),
                                           QStringLiteral("the matrix of %1 excludes by '%2', which is not one of its "
                                                          "parameters (%3)")
                                               .arg(what, key.value, order.join(QStringLiteral(", "))));
                            }
                            if (knownKeys && combinations.size() == before && !rule.toFlowText().contains(u"<<"))
                                report(rule, Severity::Warning, Category::Semantic, QStringLiteral("matrix-exclude"),
                                       QStringLiteral("this exclude of the matrix of %1 matches no combination")
                                           .arg(what));
                        }
                    }
                    const YamlNode* aliasNode = matrix->get(u"alias");
                    alias = aliasNode ? aliasNode->value : jobKey;
                    if (aliasNode) {
                        if (const YamlNode* other = explicitAliases.value(alias))
                            report(*aliasNode, Severity::Error, Category::Semantic,
                                   QStringLiteral("duplicate-matrix-alias"),
                                   QStringLiteral("matrix alias '%1' of %2 is already used at line %3; expected a "
                                                  "unique alias")
                                       .arg(alias, what)
                                       .arg(other->line));
                        else
                            explicitAliases.insert(alias, aliasNode);
                    }
                }
                const YamlNode* nameNode = call.get(u"name");
                const YamlNode* requiresNode = call.get(u"requires");
                for (const auto& combination : std::as_const(combinations)) {
                    Instance instance;
                    instance.jobKey = jobKey;
                    instance.at = at;
                    instance.call = call;
                    instance.matrix = combination;
                    instance.alias = alias;
                    Scope scope = m_pipelineScope;
                    scope.matrix = combination;
                    if (nameNode) {
                        instance.name = substitute(*nameNode, scope).value;
                    } else {
                        QStringList parts{jobKey};
                        for (const QString& p : std::as_const(order))
                            parts.append(scalarText(combination.value(p)));
                        instance.name = parts.join(u'-');
                    }
                    if (requiresNode && requiresNode->isSequence()) {
                        instance.requiresNode = requiresNode;
                        for (const YamlNode& r : requiresNode->items) {
                            // `- job` or `- job: [success, failed]` (the statuses it waits for).
                            const YamlNode& name = r.isMap() && r.keys.size() == 1 ? r.keys[0] : r;
                            instance.requiredNames.append(substitute(name, scope).value);
                        }
                    }
                    built.instances.append(instance);
                }
            }
            all.append(built);
        }
    }

    // Names and requires, per workflow.
    QHash<QString, int> workflowsOfName; // instance name → how many workflows use it
    for (Built& built : all) {
        const QString owner = QStringLiteral("workflow '%1'").arg(built.workflow);
        QHash<QString, QList<int>> byName;
        QHash<QString, QList<int>> byAlias;
        for (int i = 0; i < built.instances.size(); ++i) {
            byName[built.instances[i].name].append(i);
            if (!built.instances[i].alias.isEmpty())
                byAlias[built.instances[i].alias].append(i);
        }
        for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
            workflowsOfName[it.key()] += 1;
            // Jobs of one name whose filters differ run on different branches or tags: CircleCI keeps one.
            QSet<QString> filters;
            for (int i : it.value()) {
                const YamlNode* f = built.instances[i].call.get(u"filters");
                filters.insert(f ? f->toFlowText(100000) : QString());
            }
            if (it.value().size() > 1 && filters.size() == 1) {
                const Instance& second = built.instances[it.value().at(1)];
                report(*second.at, Severity::Error, Category::Semantic, QStringLiteral("duplicate-job-name"),
                       QStringLiteral("%1 has %2 jobs named '%3'; expected a unique name: key for each")
                           .arg(owner)
                           .arg(it.value().size())
                           .arg(it.key()));
            }
        }
        for (auto it = byAlias.cbegin(); it != byAlias.cend(); ++it) {
            const auto clash = byName.constFind(it.key());
            if (clash == byName.cend())
                continue;
            for (int i : clash.value()) {
                if (built.instances[i].alias != it.key() && built.instances[it.value().first()].jobKey != it.key()) {
                    report(*built.instances[it.value().first()].at, Severity::Error, Category::Semantic,
                           QStringLiteral("duplicate-matrix-alias"),
                           QStringLiteral("matrix alias '%1' of %2 is also the name of another job; expected a "
                                          "unique alias")
                               .arg(it.key(), owner));
                    break;
                }
            }
        }
        QStringList known = byName.keys() + byAlias.keys();
        known.removeDuplicates();
        known.sort();
        for (Instance& instance : built.instances) {
            for (qsizetype r = 0; r < instance.requiredNames.size(); ++r) {
                const QString& required = instance.requiredNames.at(r);
                const YamlNode& at = instance.requiresNode->items[size_t(qMin(r, instance.requiresNode->size() - 1))];
                QList<int> targets = byName.value(required);
                for (int t : byAlias.value(required)) {
                    if (!targets.contains(t))
                        targets.append(t);
                }
                if (targets.isEmpty()) {
                    if (!required.contains(u"<<"))
                        report(at, Severity::Error, Category::Semantic, QStringLiteral("unknown-requires"),
                               QStringLiteral("job '%1' of %2 requires '%3', which is not a job of this workflow%4")
                                   .arg(instance.name, owner, required, didYouMean(required, known)));
                    continue;
                }
                for (int t : std::as_const(targets)) {
                    if (!instance.needs.contains(t))
                        instance.needs.append(t);
                }
            }
        }
        // Cycles: CircleCI refuses a workflow whose requires loop. Iterative depth-first search, colours 0/1/2.
        QList<int> colour(built.instances.size(), 0);
        QSet<int> reported;
        for (int start = 0; start < built.instances.size(); ++start) {
            if (colour[start])
                continue;
            QList<std::pair<int, int>> stack{{start, 0}};
            colour[start] = 1;
            while (!stack.isEmpty()) {
                auto& [node, next] = stack.last();
                const QList<int>& needs = built.instances[node].needs;
                if (next >= needs.size()) {
                    colour[node] = 2;
                    stack.removeLast();
                    continue;
                }
                const int target = needs[next++];
                if (colour[target] == 1) {
                    if (!reported.contains(node)) {
                        QStringList path;
                        bool in = false;
                        for (const auto& [n, unused] : std::as_const(stack)) {
                            Q_UNUSED(unused)
                            in = in || n == target;
                            if (in) {
                                path.append(built.instances[n].name);
                                reported.insert(n);
                            }
                        }
                        path.append(built.instances[target].name);
                        const Instance& from = built.instances[node];
                        report(from.requiresNode ? *from.requiresNode : *from.at, Severity::Error, Category::Semantic,
                               QStringLiteral("requires-cycle"),
                               QStringLiteral("the requires of %1 form a cycle: %2; no job of it can start")
                                   .arg(owner, path.join(QStringLiteral(" → "))));
                    }
                } else if (colour[target] == 0) {
                    colour[target] = 1;
                    stack.append({target, 0});
                }
            }
        }
    }

    // The model: one job per instance; names shared by several workflows are qualified with the workflow's.
    for (const Built& built : std::as_const(all)) {
        auto modelName = [&](const Instance& instance) {
            return workflowsOfName.value(instance.name) > 1 ? built.workflow + u'/' + instance.name : instance.name;
        };
        for (const Instance& instance : built.instances) {
            PipelineJob job;
            job.name = modelName(instance);
            job.baseName = instance.jobKey;
            job.workflow = built.workflow;
            job.file = m_model.file;
            job.line = instance.at->line;
            job.column = instance.at->column;
            for (int n : instance.needs)
                job.needs.append(modelName(built.instances[n]));
            job.config = resolveJob(instance.jobKey, instance.call, *instance.at, instance.matrix);
            const YamlNode* type = job.config.get(u"type");
            if (type && type->value == u"approval")
                job.when = QStringLiteral("manual");
            const YamlNode* context = job.config.get(u"context");
            job.environment
                = environmentOf(instance.name, instance.jobKey, context ? context->toStringList() : QStringList());
            if (!job.environment.isEmpty()) {
                job.environmentTier = job.environment;
                job.environmentAction = QStringLiteral("start");
            }
            job.image = imageOf(job.config);
            m_model.jobs.append(job);
        }
    }

    if (!workflows) {
        // Without workflows CircleCI runs the job named build.
        if (const auto it = m_jobs.constFind(QStringLiteral("build")); it != m_jobs.constEnd()) {
            used.insert(it.key());
            PipelineJob job;
            job.name = job.baseName = it.key();
            job.file = m_model.file;
            job.line = it->key->line;
            job.column = it->key->column;
            job.config = resolveJob(it.key(), YamlNode(), *it->key, {});
            job.image = imageOf(job.config);
            m_model.jobs.append(job);
        } else if (!m_root.get(u"setup") || !m_root.get(u"setup")->toBool(false)) {
            report(m_root.keyNode(u"jobs") ? *m_root.keyNode(u"jobs") : m_root, Severity::Error, Category::Schema,
                   QStringLiteral("no-workflows"),
                   QStringLiteral("the configuration has no workflows and no job named 'build'; expected workflows: "
                                  "listing the jobs to run"));
        }
    }
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        if (!used.contains(it.key()))
            report(*it->key, Severity::Info, Category::Semantic, QStringLiteral("unused-job"),
                   QStringLiteral("job '%1' is not run by any workflow").arg(it.key()));
    }
}

} // namespace gatehouse::pipeline::circleci
