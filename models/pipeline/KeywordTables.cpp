// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordTables.h"

#include "KeywordTableBuilder.h"

namespace gatehouse::pipeline {

const KeySpec* MapSchema::key(QStringView name) const
{
    for (const KeySpec& spec : keys) {
        if (QLatin1StringView(spec.name) == name)
            return &spec;
    }
    return nullptr;
}

QStringList MapSchema::keyNames() const
{
    QStringList names;
    for (const KeySpec& spec : keys)
        names.append(QString::fromLatin1(spec.name));
    return names;
}

KeywordTables::KeywordTables(QString system)
    : m_system(std::move(system))
{ }

void KeywordTables::addMap(MapSchema schema)
{
    const QString id = schema.id;
    m_maps.insert(id, std::move(schema));
}

void KeywordTables::addValue(const QString& id, ValueSpec spec)
{
    m_values.insert(id, spec);
}

const MapSchema* KeywordTables::map(const QString& id) const
{
    const auto it = m_maps.constFind(id);
    return it == m_maps.constEnd() ? nullptr : &*it;
}

const ValueSpec* KeywordTables::value(const QString& id) const
{
    const auto it = m_values.constFind(id);
    return it == m_values.constEnd() ? nullptr : &*it;
}

QStringList KeywordTables::enumNames(const char* enumValues)
{
    return enumValues ? QString::fromLatin1(enumValues).split(QLatin1Char('|')) : QStringList();
}

namespace {
/// The schema of the mapping a value spec describes (directly, or through its sequence items).
const MapSchema* mapOfValue(const KeywordTables& tables, const ValueSpec& spec)
{
    if (spec.map)
        return tables.map(QString::fromLatin1(spec.map));
    if (spec.items) {
        if (const ValueSpec* item = tables.value(QString::fromLatin1(spec.items)))
            return item->map ? tables.map(QString::fromLatin1(item->map)) : nullptr;
    }
    return nullptr;
}
} // namespace

const MapSchema* KeywordTables::schemaAt(const QStringList& path) const
{
    const bool gitlab = m_system == u"gitlab";
    const MapSchema* schema = map(gitlab ? QStringLiteral("root") : QStringLiteral("workflow"));
    for (qsizetype i = 0; i < path.size() && schema; ++i) {
        const QString& key = path[i];
        // GitLab: a top-level key that is not a keyword is a job.
        if (gitlab && i == 0 && !schema->key(key)) {
            schema = map(QStringLiteral("job"));
            continue;
        }
        if (const KeySpec* spec = schema->key(key))
            schema = mapOfValue(*this, spec->value);
        else if (schema->open)
            schema = mapOfValue(*this, schema->otherValue);
        else
            return nullptr;
    }
    return schema;
}

const KeySpec* KeywordTables::keywordAt(const QStringList& path) const
{
    if (path.isEmpty())
        return nullptr;
    const MapSchema* parent = schemaAt(path.mid(0, path.size() - 1));
    return parent ? parent->key(path.constLast()) : nullptr;
}

const QStringList& githubEventNames()
{
    static const QStringList names = KeywordTables::enumNames(
        "branch_protection_rule|check_run|check_suite|create|delete|deployment|deployment_status|discussion|"
        "discussion_comment|fork|gollum|image_version|issue_comment|issues|label|merge_group|milestone|page_build|"
        "project|project_card|project_column|public|pull_request|pull_request_review|pull_request_review_comment|"
        "pull_request_target|push|registry_package|release|repository_dispatch|schedule|status|watch|workflow_call|"
        "workflow_dispatch|workflow_run");
    return names;
}

using namespace tablebuilder;

// From GitHub's "Workflow syntax for GitHub Actions" and "Metadata syntax for GitHub Actions".
KeywordTables TableBuilder::buildGitHub()
{
    KeywordTables t(QStringLiteral("github"));
    t.addValue(QStringLiteral("string"), str());
    t.addValue(QStringLiteral("scalar"), scalar());
    t.addValue(QStringLiteral("event"), oneOf(nullptr));
    t.addValue(QStringLiteral("step"), mapOf("step"));
    t.addValue(QStringLiteral("schedule"), mapOf("schedule"));
    t.addValue(QStringLiteral("any"), any());

    const ValueSpec env = mapOf("env", TypeString);
    // A mapping of scopes, or one of the two shorthands for all scopes.
    const ValueSpec permissions
        = ValueSpec{.types = TypeMap | TypeString, .map = "permissions", .enumValues = "read-all|write-all"};
    const ValueSpec concurrency = mapOf("concurrency", TypeString);
    const ValueSpec defaults = mapOf("defaults");
    const ValueSpec expressionOrBool = type(TypeBool | TypeString);
    const ValueSpec minutes = type(TypeNumber | TypeString);
    const ValueSpec branches = strOrStrings();

    t.addMap(closed(
        "workflow", "workflow",
        {
            {"name", str(), false, "The workflow's name."},
            {"run-name", str(), false, "The name of workflow runs."},
            {"on", mapOf("on", TypeString | TypeSequence, "string"), true, "The events that trigger the workflow."},
            {"permissions", permissions, false, "GITHUB_TOKEN permissions of every job."},
            {"env", env, false, "Variables for every job."},
            {"defaults", defaults, false, "Default settings of every job."},
            {"concurrency", concurrency, false, "Only one run of this group at a time."},
            {"jobs", mapOf("jobs"), true, "The workflow's jobs."},
        }));
    t.addMap(open("env", type(TypeScalar | TypeNull), "env"));
    t.addMap(closed("defaults", "defaults", {{"run", mapOf("defaults-run"), false, "Defaults of run steps."}}));
    t.addMap(closed("defaults-run", "defaults:run",
                    {
                        {"shell", str(), false, "Shell of run steps."},
                        {"working-directory", str(), false, "Working directory."},
                    }));
    t.addMap(closed("concurrency", "concurrency",
                    {
                        {"group", str(), true, "Concurrency group."},
                        {"cancel-in-progress", expressionOrBool, false, "Cancel the running job or workflow."},
                    }));
    const ValueSpec access = oneOf("read|write|none");
    t.addMap(closed("permissions", "permissions",
                    {
                        {"actions", access},
                        {"attestations", access},
                        {"checks", access},
                        {"contents", access},
                        {"deployments", access},
                        {"discussions", access},
                        {"id-token", oneOf("write|none")},
                        {"issues", access},
                        {"models", oneOf("read|none")},
                        {"packages", access},
                        {"pages", access},
                        {"pull-requests", access},
                        {"repository-projects", access},
                        {"security-events", access},
                        {"statuses", access},
                    }));
    // `on` as a mapping: one key per event.
    const ValueSpec filters = mapOf("event-filters", TypeNull);
    QList<KeySpec> events;
    for (const QString& name : githubEventNames()) {
        static QList<QByteArray> storage;
        storage.append(name.toLatin1());
        events.append(KeySpec{storage.constLast().constData(), filters, false, "A webhook event."});
    }
    MapSchema on = closed("on", "on", events);
    for (KeySpec& event : on.keys) {
        const QLatin1StringView n(event.name);
        if (n == QLatin1StringView("schedule"))
            event.value = seqOf("schedule");
        else if (n == QLatin1StringView("workflow_dispatch"))
            event.value = mapOf("workflow-dispatch", TypeNull);
        else if (n == QLatin1StringView("workflow_call"))
            event.value = mapOf("workflow-call", TypeNull);
        else if (n == QLatin1StringView("workflow_run"))
            event.value = mapOf("workflow-run", TypeNull);
        else if (n == QLatin1StringView("push") || n == QLatin1StringView("pull_request")
                 || n == QLatin1StringView("pull_request_target"))
            event.value = mapOf("push-filters", TypeNull);
    }
    t.addMap(on);
    t.addMap(closed("event-filters", "event", {{"types", strOrStrings(), false, "Activity types."}}));
    t.addMap(closed("push-filters", "event",
                    {
                        {"types", strOrStrings(), false, "Activity types."},
                        {"branches", branches},
                        {"branches-ignore", branches},
                        {"tags", branches},
                        {"tags-ignore", branches},
                        {"paths", branches},
                        {"paths-ignore", branches},
                    }));
    t.addMap(closed("workflow-run", "workflow_run",
                    {
                        {"workflows", strOrStrings(), true, "Workflows whose runs trigger this one."},
                        {"types", strOrStrings()},
                        {"branches", branches},
                        {"branches-ignore", branches},
                    }));
    t.addMap(closed("schedule", "schedule", {{"cron", formatted("cron"), true, "POSIX cron (UTC)."}}));
    t.addMap(closed("workflow-dispatch", "workflow_dispatch", {{"inputs", mapOf("dispatch-inputs")}}));
    t.addMap(open("dispatch-inputs", mapOf("dispatch-input", TypeNull), "inputs"));
    t.addMap(closed("dispatch-input", "input",
                    {
                        {"description", str()},
                        {"required", boolean()},
                        {"default", scalar()},
                        {"deprecationMessage", str()},
                        {"type", oneOf("string|boolean|choice|number|environment")},
                        {"options", seqOf("scalar")},
                    }));
    t.addMap(closed("workflow-call", "workflow_call",
                    {
                        {"inputs", mapOf("call-inputs")},
                        {"outputs", mapOf("call-outputs")},
                        {"secrets", mapOf("call-secrets")},
                    }));
    t.addMap(open("call-inputs", mapOf("call-input"), "inputs"));
    t.addMap(closed("call-input", "input",
                    {
                        {"description", str()},
                        {"required", boolean()},
                        {"default", scalar()},
                        {"type", oneOf("string|boolean|number"), true, "Input type."},
                        {"deprecationMessage", str()},
                    }));
    t.addMap(open("call-outputs", mapOf("call-output"), "outputs"));
    t.addMap(closed("call-output", "output", {{"description", str()}, {"value", str(), true, "Output value."}}));
    t.addMap(open("call-secrets", mapOf("call-secret", TypeNull), "secrets"));
    t.addMap(closed("call-secret", "secret", {{"description", str()}, {"required", boolean()}}));

    t.addMap(open("jobs", mapOf("job"), "jobs"));
    t.addMap(
        closed("job", "job",
               {
                   {"name", str(), false, "Display name."},
                   {"needs", strOrStrings(), false, "Jobs that must succeed first."},
                   {"permissions", permissions, false, "GITHUB_TOKEN permissions."},
                   {"runs-on", mapOf("runs-on", TypeString | TypeSequence, "string"), false, "Runner labels or group."},
                   {"environment", mapOf("environment", TypeString), false, "Deployment environment."},
                   {"concurrency", concurrency, false, "Concurrency group."},
                   {"outputs", mapOf("env"), false, "Outputs for dependent jobs."},
                   {"env", env, false, "Job variables."},
                   {"defaults", defaults, false, "Defaults of run steps."},
                   {"if", type(TypeScalar), false, "Condition."},
                   {"steps", seqOf("step"), false, "The job's steps."},
                   {"timeout-minutes", minutes, false, "Maximum minutes (default 360)."},
                   {"strategy", mapOf("strategy"), false, "Matrix and failure strategy."},
                   {"continue-on-error", expressionOrBool, false, "Let the workflow pass when this job fails."},
                   {"container", mapOf("container", TypeString), false, "Container the job runs in."},
                   {"services", mapOf("services"), false, "Service containers."},
                   {"uses", formatted("uses-workflow"), false, "Reusable workflow to call."},
                   {"with", mapOf("env"), false, "Inputs of the reusable workflow."},
                   {"secrets", mapOf("env", TypeString), false, "Secrets for the reusable workflow, or inherit."},
                   {"snapshot", type(TypeString | TypeMap), false, "Custom image snapshot."},
               }));
    t.addMap(closed("runs-on", "runs-on", {{"group", str()}, {"labels", strOrStrings()}}));
    t.addMap(closed("environment", "environment",
                    {
                        {"name", str(), true, "Environment name."},
                        {"url", str()},
                        {"deployment", expressionOrBool},
                    }));
    t.addMap(closed("strategy", "strategy",
                    {
                        {"matrix", mapOf("matrix", TypeString), false, "Variables, one job per combination."},
                        {"fail-fast", expressionOrBool, false, "Cancel the other jobs when one fails."},
                        {"max-parallel", type(TypeNumber | TypeString), false, "Maximum simultaneous jobs."},
                    }));
    t.addMap(open("matrix", type(TypeSequence | TypeString), "matrix",
                  {
                      {"include", seqOf("any", TypeString), false, "Extra combinations."},
                      {"exclude", seqOf("any", TypeString), false, "Combinations removed."},
                  }));
    t.addMap(closed("container", "container",
                    {
                        {"image", str(), true, "Image."},
                        {"credentials", type(TypeMap)},
                        {"env", env},
                        {"ports", seqOf("scalar")},
                        {"volumes", strings()},
                        {"options", str()},
                    }));
    t.addMap(open("services", mapOf("container", TypeString), "services"));
    t.addMap(closed("step", "step",
                    {
                        {"id", str(), false, "Step id for steps.<id>."},
                        {"if", type(TypeScalar), false, "Condition."},
                        {"name", str(), false, "Display name."},
                        {"uses", formatted("uses-action"), false, "Action to run."},
                        {"run", str(), false, "Shell commands."},
                        {"working-directory", str(), false, "Working directory of run."},
                        {"shell", str(), false, "Shell of run."},
                        {"with", mapOf("env"), false, "Action inputs."},
                        {"env", env, false, "Step variables."},
                        {"continue-on-error", expressionOrBool, false, "Let the job pass when this step fails."},
                        {"timeout-minutes", minutes, false, "Maximum minutes."},
                    }));
    // action.yml metadata (local actions referenced by workflows).
    t.addMap(closed("action", "action",
                    {
                        {"name", str(), true, "Action name."},
                        {"author", str()},
                        {"description", str(), true, "Description."},
                        {"inputs", mapOf("action-inputs")},
                        {"outputs", mapOf("action-outputs")},
                        {"runs", mapOf("action-runs"), true, "How the action runs."},
                        {"branding", type(TypeMap)},
                    }));
    t.addMap(open("action-inputs", mapOf("action-input", TypeNull), "inputs"));
    t.addMap(closed("action-input", "input",
                    {
                        {"description", str()},
                        {"required", expressionOrBool},
                        {"default", scalar()},
                        {"deprecationMessage", str()},
                    }));
    t.addMap(open("action-outputs", mapOf("action-output", TypeNull), "outputs"));
    t.addMap(closed("action-output", "output", {{"description", str()}, {"value", str()}}));
    t.addMap(closed("action-runs", "runs",
                    {
                        {"using", str(), true, "composite, docker, node20, ..."},
                        {"main", str()},
                        {"pre", str()},
                        {"post", str()},
                        {"pre-if", str()},
                        {"post-if", str()},
                        {"steps", seqOf("step")},
                        {"image", str()},
                        {"args", seqOf("scalar")},
                        {"entrypoint", str()},
                        {"pre-entrypoint", str()},
                        {"post-entrypoint", str()},
                        {"env", env},
                    }));
    return t;
}

const KeywordTables& KeywordTables::gitlab()
{
    static const KeywordTables tables = TableBuilder::buildGitLab();
    return tables;
}

const KeywordTables& KeywordTables::github()
{
    static const KeywordTables tables = TableBuilder::buildGitHub();
    return tables;
}

} // namespace gatehouse::pipeline
