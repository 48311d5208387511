// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordTableBuilder.h"

namespace gatehouse::pipeline {

using namespace tablebuilder;

namespace {

/// One webhook event that can trigger a workflow, from GitHub's "Events that trigger workflows": its activity types
/// (nullptr: the event has none, so `types` is refused; "*": any, as repository_dispatch's custom types) and the
/// filters it accepts.
struct EventInfo
{
    const char* name;
    const char* schema; ///< MapSchema id of its mapping form
    const char* types;
    const char* typesId; ///< ValueSpec id of one activity type
    bool branches = false; ///< branches / branches-ignore
    bool tags = false; ///< tags / tags-ignore
    bool paths = false; ///< paths / paths-ignore
};

constexpr const char* pullRequestTypes
    = "assigned|unassigned|labeled|unlabeled|opened|edited|closed|reopened|synchronize|converted_to_draft|locked|"
      "unlocked|enqueued|dequeued|milestoned|demilestoned|ready_for_review|review_requested|review_request_removed|"
      "auto_merge_enabled|auto_merge_disabled";

const EventInfo events[] = {
    {"branch_protection_rule", "event-branch_protection_rule", "created|edited|deleted",
     "types-branch_protection_rule"},
    {"check_run", "event-check_run", "created|rerequested|completed|requested_action", "types-check_run"},
    {"check_suite", "event-check_suite", "completed", "types-check_suite"},
    {"create", "event-no-types", nullptr, nullptr},
    {"delete", "event-no-types", nullptr, nullptr},
    {"deployment", "event-no-types", nullptr, nullptr},
    {"deployment_status", "event-no-types", nullptr, nullptr},
    {"discussion", "event-discussion",
     "created|edited|deleted|transferred|pinned|unpinned|labeled|unlabeled|locked|unlocked|category_changed|answered|"
     "unanswered",
     "types-discussion"},
    {"discussion_comment", "event-discussion_comment", "created|edited|deleted", "types-discussion_comment"},
    {"fork", "event-no-types", nullptr, nullptr},
    {"gollum", "event-no-types", nullptr, nullptr},
    {"image_version", "event-image_version", "created|ready", "types-image_version"},
    {"issue_comment", "event-issue_comment", "created|edited|deleted", "types-issue_comment"},
    {"issues", "event-issues",
     "opened|edited|deleted|transferred|pinned|unpinned|closed|reopened|assigned|unassigned|labeled|unlabeled|locked|"
     "unlocked|milestoned|demilestoned|typed|untyped",
     "types-issues"},
    {"label", "event-label", "created|edited|deleted", "types-label"},
    {"merge_group", "event-merge_group", "checks_requested", "types-merge_group", true},
    {"milestone", "event-milestone", "created|closed|opened|edited|deleted", "types-milestone"},
    {"page_build", "event-no-types", nullptr, nullptr},
    {"project", "event-project", "created|closed|reopened|edited|deleted", "types-project"},
    {"project_card", "event-project_card", "created|moved|converted|edited|deleted", "types-project_card"},
    {"project_column", "event-project_column", "created|updated|moved|deleted", "types-project_column"},
    {"public", "event-no-types", nullptr, nullptr},
    {"pull_request", "pull-request-filters", pullRequestTypes, "types-pull_request", true, false, true},
    {"pull_request_review", "event-pull_request_review", "submitted|edited|dismissed", "types-pull_request_review"},
    {"pull_request_review_comment", "event-pull_request_review_comment", "created|edited|deleted",
     "types-pull_request_review_comment"},
    {"pull_request_target", "pull-request-target-filters", pullRequestTypes, "types-pull_request_target", true, false,
     true},
    {"push", "push-filters", nullptr, nullptr, true, true, true},
    {"registry_package", "event-registry_package", "published|updated", "types-registry_package"},
    {"release", "event-release", "published|unpublished|created|edited|deleted|prereleased|released", "types-release"},
    {"repository_dispatch", "event-repository_dispatch", "*", nullptr},
    {"schedule", nullptr, nullptr, nullptr},
    {"status", "event-no-types", nullptr, nullptr},
    {"watch", "event-watch", "started", "types-watch"},
    {"workflow_call", nullptr, nullptr, nullptr},
    {"workflow_dispatch", nullptr, nullptr, nullptr},
    {"workflow_run", "workflow-run", "completed|requested|in_progress", "types-workflow_run", true},
};

} // namespace

const QStringList& githubEventNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const EventInfo& event : events)
            list.append(QString::fromLatin1(event.name));
        return list;
    }();
    return names;
}

QStringList githubEventTypes(const QString& event, bool* known)
{
    for (const EventInfo& info : events) {
        if (QLatin1StringView(info.name) == event) {
            if (known)
                *known = info.types != nullptr;
            return info.types && qstrcmp(info.types, "*") != 0 ? KeywordTables::enumNames(info.types) : QStringList();
        }
    }
    if (known)
        *known = false;
    return {};
}

QStringList githubEventFilters(const QString& event)
{
    QStringList filters;
    for (const EventInfo& info : events) {
        if (QLatin1StringView(info.name) != event)
            continue;
        if (info.branches)
            filters << QStringLiteral("branches") << QStringLiteral("branches-ignore");
        if (info.tags)
            filters << QStringLiteral("tags") << QStringLiteral("tags-ignore");
        if (info.paths)
            filters << QStringLiteral("paths") << QStringLiteral("paths-ignore");
    }
    return filters;
}

const QStringList& githubRunnerLabels()
{
    // GitHub-hosted runner labels, standard and larger, from the "Available Images" table of actions/runner-images
    // (August 2026); macos-latest-xlarge and the macOS 14 labels still run (macOS 14 is deprecated).
    static const QStringList labels = KeywordTables::enumNames(
        "ubuntu-latest|ubuntu-26.04|ubuntu-24.04|ubuntu-22.04|ubuntu-slim|ubuntu-26.04-arm|ubuntu-24.04-arm|"
        "ubuntu-22.04-arm|windows-latest|windows-2025|windows-2025-vs2026|windows-2022|windows-11-arm|"
        "windows-11-vs2026-arm|macos-latest|macos-26|macos-15|macos-14|macos-26-intel|macos-15-intel|"
        "macos-latest-large|macos-26-large|macos-15-large|macos-14-large|macos-latest-xlarge|macos-26-xlarge|"
        "macos-15-xlarge|macos-14-xlarge");
    return labels;
}

const QStringList& githubSelfHostedLabels()
{
    // The labels every self-hosted runner gets by default (compared ignoring case).
    static const QStringList labels = KeywordTables::enumNames("self-hosted|linux|windows|macos|x64|arm|arm64");
    return labels;
}

QString githubRetiredRunnerReplacement(const QString& label)
{
    static const QHash<QString, QString> retired = {
        {QStringLiteral("ubuntu-16.04"), QStringLiteral("ubuntu-24.04")},
        {QStringLiteral("ubuntu-18.04"), QStringLiteral("ubuntu-24.04")},
        {QStringLiteral("ubuntu-20.04"), QStringLiteral("ubuntu-24.04")},
        {QStringLiteral("windows-2016"), QStringLiteral("windows-2025")},
        {QStringLiteral("windows-2019"), QStringLiteral("windows-2025")},
        {QStringLiteral("macos-10.15"), QStringLiteral("macos-15")},
        {QStringLiteral("macos-11"), QStringLiteral("macos-15")},
        {QStringLiteral("macos-12"), QStringLiteral("macos-15")},
        {QStringLiteral("macos-12-large"), QStringLiteral("macos-15-large")},
        {QStringLiteral("macos-12-xl"), QStringLiteral("macos-15-xlarge")},
        {QStringLiteral("macos-13"), QStringLiteral("macos-15-intel")},
        {QStringLiteral("macos-13-large"), QStringLiteral("macos-15-large")},
        {QStringLiteral("macos-13-xlarge"), QStringLiteral("macos-15-xlarge")},
    };
    return retired.value(label.toLower());
}

QString githubDeprecatedRunnerReplacement(const QString& label)
{
    // Labels still served but announced for removal (actions/runner-images marks macOS 14 deprecated).
    static const QHash<QString, QString> deprecated = {
        {QStringLiteral("macos-14"), QStringLiteral("macos-15")},
        {QStringLiteral("macos-14-large"), QStringLiteral("macos-15-large")},
        {QStringLiteral("macos-14-xlarge"), QStringLiteral("macos-15-xlarge")},
    };
    return deprecated.value(label.toLower());
}

const QStringList& githubShells()
{
    // `shell:` keywords of run steps; anything else must be a command template containing {0}.
    static const QStringList shells = KeywordTables::enumNames("bash|pwsh|python|sh|cmd|powershell");
    return shells;
}

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
    // A string is accepted where an expression is (SchemaValidator lets `${{ }}` through), other strings are not.
    const ValueSpec expressionOrBool = boolean();
    const ValueSpec minutes = ValueSpec{.types = TypeNumber, .min = 0, .max = 1e9};
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
                        {"artifact-metadata", access},
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
    // `on` as a mapping: one key per event, each with its own activity types and filters.
    QList<KeySpec> onKeys;
    for (const EventInfo& event : events) {
        ValueSpec spec = event.schema ? mapOf(event.schema, TypeNull) : mapOf("event-no-types", TypeNull);
        const QLatin1StringView n(event.name);
        if (n == QLatin1StringView("schedule"))
            spec = seqOf("schedule");
        else if (n == QLatin1StringView("workflow_dispatch"))
            spec = mapOf("workflow-dispatch", TypeNull);
        else if (n == QLatin1StringView("workflow_call"))
            spec = mapOf("workflow-call", TypeNull);
        onKeys.append(KeySpec{event.name, spec, false, "A webhook event."});
        if (!event.schema || n == QLatin1StringView("workflow_run") || qstrcmp(event.schema, "event-no-types") == 0)
            continue;
        QList<KeySpec> keys;
        if (event.typesId) {
            t.addValue(QString::fromLatin1(event.typesId), oneOf(event.types));
            keys.append(KeySpec{
                "types",
                ValueSpec{.types = TypeString | TypeSequence, .items = event.typesId, .enumValues = event.types}, false,
                "Activity types that trigger the workflow (default: all)."});
        } else if (event.types) {
            keys.append(KeySpec{"types", strOrStrings(), false, "Activity types that trigger the workflow."});
        }
        if (event.branches) {
            keys.append(KeySpec{"branches", branches, false, "Branch globs that trigger (not with branches-ignore)."});
            keys.append(KeySpec{"branches-ignore", branches, false, "Branch globs that do not trigger."});
        }
        if (event.tags) {
            keys.append(KeySpec{"tags", branches, false, "Tag globs that trigger (not with tags-ignore)."});
            keys.append(KeySpec{"tags-ignore", branches, false, "Tag globs that do not trigger."});
        }
        if (event.paths) {
            keys.append(KeySpec{"paths", branches, false, "Path globs that trigger (not with paths-ignore)."});
            keys.append(KeySpec{"paths-ignore", branches, false, "Path globs that do not trigger."});
        }
        t.addMap(closed(event.schema, event.name, keys));
    }
    t.addMap(closed("on", "on", onKeys));
    // Events without activity types or filters accept no keys.
    t.addMap(closed("event-no-types", "event", {}));
    t.addValue(QStringLiteral("types-workflow_run"), oneOf("completed|requested|in_progress"));
    t.addMap(closed("workflow-run", "workflow_run",
                    {
                        {"workflows", strOrStrings(), true, "Workflows whose runs trigger this one."},
                        {"types",
                         ValueSpec{.types = TypeString | TypeSequence,
                                   .items = "types-workflow_run",
                                   .enumValues = "completed|requested|in_progress"},
                         false, "Activity types that trigger the workflow (default: all)."},
                        {"branches", branches, false, "Branches of the triggering run (not with branches-ignore)."},
                        {"branches-ignore", branches, false, "Branches of the triggering run that do not trigger."},
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
                        {"max-parallel", intRange(1, 1e9), false, "Maximum simultaneous jobs."},
                    }));
    // Each matrix variable is a list of values (or an expression that yields one); include/exclude list mappings.
    t.addValue(QStringLiteral("matrix-combination"), mapOf("matrix-combination"));
    t.addMap(open("matrix-combination", any(), "matrix combination"));
    t.addMap(open("matrix", seqOf("any"), "matrix",
                  {
                      {"include", seqOf("matrix-combination"), false, "Extra combinations."},
                      {"exclude", seqOf("matrix-combination"), false, "Combinations removed."},
                  }));
    t.addMap(closed("container", "container",
                    {
                        {"image", str(), true, "Image."},
                        {"credentials", mapOf("credentials"), false, "Registry username and password."},
                        {"env", env},
                        {"ports", seqOf("scalar")},
                        {"volumes", strings()},
                        {"options", str()},
                    }));
    t.addMap(open("services", mapOf("container", TypeString), "services"));
    t.addMap(closed("credentials", "credentials",
                    {
                        {"username", str(), false, "Registry user."},
                        {"password", str(), false, "Registry password (a secret)."},
                    }));
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
    t.addMap(closed(
        "action-input", "input",
        {
            {"description", str()},
            {"required", type(TypeBool | TypeString), false, "Whether the input is required (not enforced by GitHub)."},
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

const KeywordTables& KeywordTables::github()
{
    static const KeywordTables tables = TableBuilder::buildGitHub();
    return tables;
}

} // namespace gatehouse::pipeline
