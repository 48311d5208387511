// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/KeywordTableBuilder.h"

namespace gatehouse::pipeline {

using namespace tablebuilder;

// From CircleCI's configuration reference and reusable configuration reference (version 2.1, also read for 2.0).
// The root is open: configurations keep anchors under keys of their own (`references:`, `defaults:`), which CircleCI
// ignores.
KeywordTables TableBuilder::buildCircleCI()
{
    KeywordTables t(QStringLiteral("circleci"));
    t.addValue(QStringLiteral("string"), str());
    t.addValue(QStringLiteral("scalar"), scalar());
    t.addValue(QStringLiteral("any"), any());
    t.addValue(QStringLiteral("docker-image"), mapOf("docker-image"));
    t.addValue(QStringLiteral("trigger"), mapOf("trigger"));
    t.addValue(QStringLiteral("exclude-combination"), mapOf("exclude-combination"));
    t.addValue(QStringLiteral("requires-item"), type(TypeString | TypeMap));
    const ValueSpec environment = mapOf("environment", TypeSequence, "any");
    const ValueSpec parameters = mapOf("parameters");
    const ValueSpec steps = seqOf("any");

    t.addMap(open("root", any(), "the configuration",
                  {
                      {"version", type(TypeNumber | TypeString), true, "2.1 (reusable configuration) or 2"},
                      {"setup", boolean(), false, "true: a setup workflow that continues the pipeline"},
                      {"orbs", mapOf("orbs"), false, "orbs imported by name: namespace/orb@version"},
                      {"commands", mapOf("commands"), false, "reusable step sequences"},
                      {"parameters", parameters, false, "pipeline parameters"},
                      {"executors", mapOf("executors"), false, "reusable execution environments"},
                      {"jobs", mapOf("jobs"), false, "the jobs, by name"},
                      {"workflows", mapOf("workflows"), false, "how jobs run: order, filters, matrix, approvals"},
                  }));
    t.addMap(open("orbs", type(TypeString | TypeMap), "orbs"));
    t.addMap(open("commands", mapOf("command"), "commands"));
    t.addMap(closed("command", "command",
                    {
                        {"description", str()},
                        {"parameters", parameters},
                        {"steps", steps, true, "the steps the command runs"},
                    }));
    t.addMap(open("executors", mapOf("executor"), "executors"));
    t.addMap(constrained(closed("executor", "executor",
                                {
                                    {"description", str()},
                                    {"parameters", parameters},
                                    {"docker", seqOf("docker-image"), false, "Docker images; the first is primary"},
                                    {"machine", mapOf("machine", TypeBool | TypeString), false, "a Linux VM"},
                                    {"macos", mapOf("macos"), false, "a macOS VM"},
                                    {"resource_class", str(), false, "CPU and memory of the executor"},
                                    {"shell", str(), false, "shell for run steps (default /bin/bash -eo pipefail)"},
                                    {"working_directory", str()},
                                    {"environment", environment},
                                }),
                         "docker|machine|macos", "docker|machine|macos"));
    t.addMap(closed("docker-image", "Docker image",
                    {
                        {"image", str(), true, "the image to run"},
                        {"name", str()},
                        {"entrypoint", strOrStrings()},
                        {"command", strOrStrings()},
                        {"user", str()},
                        {"environment", environment},
                        {"auth", mapOf("docker-auth")},
                        {"aws_auth", mapOf("docker-aws-auth")},
                    }));
    t.addMap(closed("docker-auth", "auth", {{"username", str()}, {"password", str()}}));
    t.addMap(closed("docker-aws-auth", "aws_auth",
                    {{"aws_access_key_id", str()}, {"aws_secret_access_key", str()}, {"oidc_role_arn", str()}}));
    t.addMap(closed("machine", "machine",
                    {{"image", str()},
                     {"docker_layer_caching", boolean()},
                     {"resource_class", str()},
                     {"enabled", boolean(), false, "version 2.0: machine: {enabled: true}"}}));
    t.addMap(closed("macos", "macos", {{"xcode", type(TypeString | TypeNumber), true, "the Xcode version"}}));
    t.addMap(open("environment", scalar(), "environment"));
    t.addMap(open("jobs", mapOf("job"), "jobs"));
    t.addMap(constrained(
        closed("job", "job",
               {
                   {"description", str()},
                   {"parameters", parameters},
                   {"docker", seqOf("docker-image")},
                   {"machine", mapOf("machine", TypeBool | TypeString)},
                   {"macos", mapOf("macos")},
                   {"executor", mapOf("executor-call", TypeString), false, "an executor by name, with parameters"},
                   {"shell", str()},
                   {"working_directory", str()},
                   {"parallelism", intRange(1, 10000, TypeString)},
                   {"environment", environment},
                   {"resource_class", str()},
                   {"steps", steps, false, "what the job runs"},
                   {"circleci_ip_ranges", boolean()},
                   {"retention", mapOf("retention")},
                   {"type", oneOf("build|approval|no-op|release")},
                   {"branches", mapOf("branch-filter"), false, "version 2.0 branch filter"},
               }),
        "docker|machine|macos|executor"));
    t.addMap(closed("retention", "retention", {{"caches", str()}}));
    t.addMap(open("executor-call", scalar(), "executor", {{"name", str(), true, "the executor's name"}}));
    t.addMap(open("parameters", mapOf("parameter"), "parameters"));
    t.addMap(closed("parameter", "parameter",
                    {
                        {"type", oneOf("string|boolean|integer|enum|executor|steps|env_var_name"), true,
                         "string, boolean, integer, enum, executor, steps or env_var_name"},
                        {"description", str()},
                        {"default", any()},
                        {"enum", seqOf("scalar")},
                    }));

    // Built-in steps (one key each in a step item).
    t.addMap(closed("step-run", "run",
                    {
                        {"command", str(), true, "the shell command"},
                        {"name", str()},
                        {"shell", str()},
                        {"environment", environment},
                        {"background", boolean()},
                        {"working_directory", str()},
                        {"no_output_timeout", str()},
                        {"when", oneOf("always|on_success|on_fail")},
                        {"max_auto_reruns", intRange(1, 5, TypeString)},
                        {"auto_rerun_delay", str()},
                    }));
    t.addMap(closed("step-checkout", "checkout", {{"path", str()}, {"method", oneOf("blobless|full")}}));
    t.addMap(closed("step-setup_remote_docker", "setup_remote_docker",
                    {{"version", str()}, {"docker_layer_caching", boolean()}}));
    t.addMap(closed("step-save_cache", "save_cache",
                    {
                        {"paths", strOrStrings(), true, "directories to cache"},
                        {"key", str(), true, "the cache key"},
                        {"name", str()},
                        {"when", oneOf("always|on_success|on_fail")},
                    }));
    t.addMap(constrained(
        closed("step-restore_cache", "restore_cache", {{"key", str()}, {"keys", strings()}, {"name", str()}}), nullptr,
        "key|keys"));
    t.addMap(closed("step-store_artifacts", "store_artifacts",
                    {{"path", str(), true, "file or directory to keep"}, {"destination", str()}, {"name", str()}}));
    t.addMap(closed("step-store_test_results", "store_test_results",
                    {{"path", str(), true, "JUnit XML file or directory"}, {"name", str()}}));
    t.addMap(closed("step-persist_to_workspace", "persist_to_workspace",
                    {{"root", str(), true, "the workspace root"},
                     {"paths", strOrStrings(), true, "paths under root"},
                     {"name", str()}}));
    t.addMap(closed("step-attach_workspace", "attach_workspace",
                    {{"at", str(), true, "where the workspace is attached"}, {"name", str()}}));
    t.addMap(closed("step-add_ssh_keys", "add_ssh_keys", {{"fingerprints", strings()}, {"name", str()}}));
    t.addMap(closed("step-when", "when",
                    {{"condition", any(), true, "a logic statement"}, {"steps", steps, true, "steps run when true"}}));
    t.addMap(closed("step-unless", "unless",
                    {{"condition", any(), true, "a logic statement"}, {"steps", steps, true, "steps run when false"}}));

    t.addMap(open("workflows", mapOf("workflow", TypeNumber | TypeString), "workflows"));
    t.addMap(closed("workflow", "workflow",
                    {
                        {"jobs", seqOf("any"), true, "the jobs the workflow runs"},
                        {"triggers", seqOf("trigger")},
                        {"when", any(), false, "a logic statement: run the workflow only when true"},
                        {"unless", any(), false, "a logic statement: run the workflow only when false"},
                        {"max_auto_reruns", intRange(1, 5)},
                    }));
    t.addMap(closed("trigger", "trigger", {{"schedule", mapOf("schedule"), true, "a scheduled run"}}));
    t.addMap(closed("schedule", "schedule",
                    {{"cron", formatted("cron"), true, "when, in cron syntax (UTC)"},
                     {"filters", mapOf("filters"), true, "the branches to run on"}}));
    t.addMap(closed("filters", "filters", {{"branches", mapOf("branch-filter")}, {"tags", mapOf("branch-filter")}}));
    t.addMap(constrained(closed("branch-filter", "filter", {{"only", strOrStrings()}, {"ignore", strOrStrings()}}),
                         nullptr));
    t.addMap(closed("matrix", "matrix",
                    {
                        {"parameters", mapOf("matrix-parameters"), true, "parameter → list of values"},
                        {"exclude", seqOf("exclude-combination")},
                        {"alias", str(), false, "the name that requires the whole matrix by"},
                    }));
    t.addMap(open("matrix-parameters", type(TypeSequence | TypeString), "matrix parameters"));
    t.addMap(open("exclude-combination", scalar(), "matrix exclude"));
    t.addMap(open("workflow-job", any(), "workflow job",
                  {
                      {"requires", seqOf("requires-item"), false, "jobs that must finish first"},
                      {"name", str(), false, "the job's name in this workflow"},
                      {"context", strOrStrings(), false, "contexts whose variables the job gets"},
                      {"type", oneOf("approval|no-op|build|release")},
                      {"filters", mapOf("filters")},
                      {"matrix", mapOf("matrix")},
                      {"pre-steps", steps},
                      {"post-steps", steps},
                      {"serial-group", str()},
                      {"override-with", str()},
                  }));
    return t;
}

const KeywordTables& KeywordTables::circleci()
{
    static const KeywordTables tables = TableBuilder::buildCircleCI();
    return tables;
}

} // namespace gatehouse::pipeline
