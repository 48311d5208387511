// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordTableBuilder.h"

namespace gatehouse::pipeline {

using namespace tablebuilder;

// From GitLab's "CI/CD YAML syntax reference" (docs.gitlab.com/ci/yaml/). One table: the validator, the editor's
// completion and its hover text all read it.
KeywordTables TableBuilder::buildGitLab()
{
    KeywordTables t(QStringLiteral("gitlab"));
    t.addValue(QStringLiteral("string"), str());
    t.addValue(QStringLiteral("scalar"), scalar());
    t.addValue(QStringLiteral("integer"), type(TypeInteger));
    // Script lines: strings (a bare `true` or `42` is not one: quote it), or nested arrays of strings (what
    // `!reference` produces), up to 10 levels.
    t.addValue(QStringLiteral("script-line"), seqOf("script-line", TypeString));
    // GitLab flattens nested lists of stages (what YAML anchors of stage lists produce).
    t.addValue(QStringLiteral("stage-entry"), seqOf("stage-entry", TypeString));
    t.addValue(QStringLiteral("service"), mapOf("service", TypeString));
    t.addValue(QStringLiteral("cache"), mapOf("cache"));
    t.addValue(QStringLiteral("need"), mapOf("need", TypeString));
    t.addValue(QStringLiteral("rule"), mapOf("rule", TypeSequence, "rule"));
    t.addValue(QStringLiteral("workflow-rule"), mapOf("workflow-rule", TypeSequence, "workflow-rule"));
    t.addValue(QStringLiteral("include-rule"), mapOf("include-rule", TypeSequence, "include-rule"));
    t.addValue(QStringLiteral("include"),
               ValueSpec{.types = TypeMap | TypeString, .map = "include", .format = "yaml-file"});
    t.addValue(QStringLiteral("trigger-include"),
               ValueSpec{.types = TypeMap | TypeString, .map = "trigger-include", .format = "yaml-file"});
    t.addValue(QStringLiteral("matrix-entry"), mapOf("matrix-entry"));
    t.addValue(QStringLiteral("matrix-value"), type(TypeScalar));
    t.addValue(QStringLiteral("release-link"), mapOf("release-link"));
    t.addValue(QStringLiteral("exit-code"), type(TypeInteger));
    t.addValue(
        QStringLiteral("retry-when"),
        oneOf("always|unknown_failure|script_failure|api_failure|stuck_or_timeout_failure|"
              "runner_system_failure|runner_unsupported|stale_schedule|job_execution_timeout|archived_failure|"
              "unmet_prerequisites|scheduler_failure|data_integrity_failure|runner_interrupted|job_router_failure"));
    t.addValue(QStringLiteral("pull-policy"), oneOf("always|if-not-present|never"));
    t.addValue(QStringLiteral("default-keyword"),
               oneOf("after_script|artifacts|before_script|cache|hooks|id_tokens|image|interruptible|retry|services|"
                     "tags|timeout|identity"));
    t.addValue(QStringLiteral("step"), type(TypeMap));
    // GitLab only includes YAML files: every included path ends in .yml or .yaml.
    t.addValue(QStringLiteral("yaml-file"), formatted("yaml-file"));
    // The keywords a job with `trigger` may use (it runs no script, so image, cache, artifacts, ... make no sense).
    t.addValue(QStringLiteral("trigger-job-keyword"),
               oneOf("allow_failure|environment|except|extends|inherit|interruptible|manual_confirmation|needs|only|"
                     "parallel|resource_group|rules|stage|trigger|type|variables|when"));

    const ValueSpec script = seqOf("script-line", TypeString);
    const ValueSpec image = mapOf("image", TypeString);
    const ValueSpec services = seqOf("service");
    // One cache, or a list of up to four.
    const ValueSpec cache = limited(mapOf("cache", TypeSequence, "cache"), 4);
    const ValueSpec variables = mapOf("job-variables");
    const ValueSpec retry = intRange(0, 2, TypeMap, "retry");
    const ValueSpec duration = formatted("duration", TypeString | TypeInteger);
    const ValueSpec delay = formatted("delay", TypeString | TypeInteger);
    // Lifetimes also accept "never".
    const ValueSpec lifetime = formatted("lifetime", TypeString | TypeInteger);
    const ValueSpec hooks = mapOf("hooks");
    const ValueSpec idTokens = mapOf("id-tokens");
    const ValueSpec pullPolicy = ValueSpec{
        .types = TypeString | TypeSequence, .items = "pull-policy", .enumValues = "always|if-not-present|never"};
    const ValueSpec exitCodes = seqOf("exit-code", TypeInteger);
    const ValueSpec allowFailure = mapOf("allow-failure", TypeBool);
    const ValueSpec when = oneOf("on_success|on_failure|always|manual|delayed|never");
    // `never` exists only in rules: a job that never runs is written as a rule.
    const ValueSpec jobWhen = oneOf("on_success|on_failure|always|manual|delayed");
    const ValueSpec tags = limited(strings(), 50);
    // GitLab's default limit of 50 needs can be raised by an administrator: checked as a warning elsewhere.
    const ValueSpec yamlFile = formatted("yaml-file");
    const ValueSpec yamlFiles
        = ValueSpec{.types = TypeString | TypeSequence, .items = "yaml-file", .format = "yaml-file"};
    const ValueSpec needs = seqOf("need", TypeString);

    t.addMap(closed(
        "root", "the pipeline",
        {
            {"default", mapOf("default"), false, "Default values for every job (image, before_script, cache, ...)."},
            {"include",
             ValueSpec{.types = TypeMap | TypeString | TypeSequence,
                       .map = "include",
                       .items = "include",
                       .format = "yaml-file"},
             false, "Import configuration from other files: local, project + file, remote, template or component."},
            {"stages", seqOf("stage-entry"), false,
             "The names and order of the pipeline stages (nested lists are flattened)."},
            {"variables", mapOf("global-variables"), false, "CI/CD variables for every job."},
            {"workflow", mapOf("workflow"), false, "Controls when and how pipelines are created."},
            {"image", image, false, "Deprecated at top level: use default:image."},
            {"services", services, false, "Deprecated at top level: use default:services."},
            {"cache", cache, false, "Deprecated at top level: use default:cache."},
            {"before_script", script, false, "Deprecated at top level: use default:before_script."},
            {"after_script", script, false, "Deprecated at top level: use default:after_script."},
            {"types", seqOf("stage-entry"), false, "Deprecated synonym of stages."},
            {"spec", mapOf("spec"), false, "Header of a configuration with inputs (before the `---`)."},
        }));
    t.addMap(closed("spec", "spec",
                    {
                        {"inputs", mapOf("spec-inputs"), false, "Inputs the configuration accepts."},
                        {"include", any(), false, "Header includes."},
                        {"component", any(), false, "Component metadata."},
                    }));
    t.addMap(open("spec-inputs", mapOf("spec-input", TypeNull), "spec:inputs"));
    t.addMap(closed(
        "spec-input", "input",
        {
            {"default", any(), false, "The value when the input is not given; without it the input is required."},
            {"description", str(), false, "What the input is for."},
            {"options", limited(seqOf("scalar"), 50), false, "The allowed values (at most 50)."},
            {"regex", formatted("slash-regex"), false, "A regular expression a string value must match."},
            {"type", oneOf("string|number|boolean|array"), false, "The input's type (default: string)."},
            {"rules", any(), false, "Conditional options and defaults."},
        }));
    t.addMap(closed("default", "default",
                    {
                        {"after_script", script, false, "Commands run after every job's script."},
                        {"artifacts", mapOf("artifacts"), false, "Default job artifacts."},
                        {"before_script", script, false, "Commands run before every job's script."},
                        {"cache", cache, false, "Default cache (one, or a list of up to 4)."},
                        {"hooks", hooks, false, "Commands run at stages of job execution."},
                        {"id_tokens", idTokens, false, "OIDC ID tokens."},
                        {"image", image, false, "Default Docker image."},
                        {"interruptible", boolean(), false, "Whether jobs can be cancelled by a newer pipeline."},
                        {"retry", retry, false, "Default automatic retries (0 to 2, or max/when/exit_codes)."},
                        {"services", services, false, "Default service containers."},
                        {"tags", tags, false, "Default runner tags."},
                        {"timeout", duration, false, "Default job timeout, such as '1h 30m'."},
                        {"identity", oneOf("google_cloud"), false, "Identity federation."},
                    }));
    // Variable values are strings or numbers: GitLab refuses a YAML boolean (quote it: "true").
    t.addMap(open("global-variables", mapOf("variable", TypeString | TypeNumber | TypeNull), "variables"));
    // description and options only exist for the top-level variables (they prefill "Run pipeline").
    t.addMap(open("job-variables", mapOf("job-variable", TypeString | TypeNumber | TypeNull), "variables"));
    t.addMap(closed("job-variable", "variable",
                    {
                        {"value", type(TypeString | TypeNumber), false, "The variable's value (a string or a number)."},
                        {"expand", boolean(), false, "Whether $ references in the value are expanded."},
                    }));
    t.addMap(closed("variable", "variable",
                    {
                        {"value", type(TypeString | TypeNumber), false, "The variable's value (a string or a number)."},
                        {"description", str(), false, "Shown when running a pipeline manually."},
                        {"options", seqOf("scalar"), false, "Values offered when running a pipeline manually."},
                        {"expand", boolean(), false, "Whether $ references in the value are expanded."},
                    }));
    t.addMap(closed("workflow", "workflow",
                    {
                        {"rules", seqOf("workflow-rule"), false, "Whether a pipeline is created."},
                        {"name", str(), false, "The pipeline's name."},
                        {"auto_cancel", mapOf("auto-cancel"), false, "Auto-cancel behaviour of redundant pipelines."},
                    }));
    t.addMap(
        closed("auto-cancel", "auto_cancel",
               {
                   {"on_new_commit", oneOf("conservative|interruptible|none"), false, "What a new commit cancels."},
                   {"on_job_failure", oneOf("none|all"), false, "What a failed job cancels."},
               }));
    const ValueSpec changes = mapOf("rule-changes", TypeSequence, "string");
    const ValueSpec exists = mapOf("rule-exists", TypeSequence, "string");
    t.addMap(closed("workflow-rule", "workflow rule",
                    {
                        {"if", str(), false, "A CI/CD variable expression."},
                        {"changes", changes, false, "Files that changed (a list, or paths + compare_to)."},
                        {"exists", exists, false, "Files that exist (a list, or paths + project + ref)."},
                        {"when", oneOf("always|never"), false, "always: create the pipeline; never: do not."},
                        {"variables", mapOf("job-variables"), false, "Variables set when the rule matches."},
                        {"auto_cancel", mapOf("auto-cancel"), false, "Auto-cancel settings when the rule matches."},
                    }));
    t.addMap(closed("include-rule", "include rule",
                    {
                        {"if", str(), false, "A CI/CD variable expression."},
                        {"changes", changes, false, "Files that changed."},
                        {"exists", exists, false, "Files that exist."},
                        {"when", oneOf("always|never"), false, "never: do not include the file."},
                    }));
    // Exactly one source per entry; file and ref belong to project.
    t.addMap(constrained(
        closed("include", "include",
               {
                   {"local", yamlFile, false, "A file of the same repository."},
                   {"file", yamlFiles, false, "Files of another project (with project:)."},
                   {"project", formatted("project"), false, "Full path of another project (with file:)."},
                   {"ref", str(), false, "Branch, tag or commit of the project."},
                   {"remote", formatted("url"), false, "A file at a public URL."},
                   {"template", yamlFile, false, "A template shipped with GitLab."},
                   {"component", formatted("component"), false, "A CI/CD component: host/group/project/name@version."},
                   {"rules", seqOf("include-rule"), false, "When to include the file."},
                   {"inputs", type(TypeMap), false, "Input values of the included configuration."},
                   {"integrity", str(), false, "SHA256 of a remote file."},
                   {"cache", type(TypeBool | TypeString), false, "Cache a remote include."},
               }),
        "local|project|remote|template|component", "local|project|remote|template|component",
        "file>project;project>file;ref>project;integrity>remote"));
    t.addMap(constrained(
        closed(
            "job", "job",
            {
                {"after_script", script, false, "Commands run after the job's script, even on failure."},
                {"allow_failure", allowFailure, false,
                 "Let the pipeline continue when the job fails: true, false or exit_codes."},
                {"artifacts", mapOf("artifacts"), false, "Files attached to the job."},
                {"before_script", script, false, "Commands run before the job's script."},
                {"cache", cache, false, "Files cached between jobs (one cache, or a list of up to 4)."},
                {"coverage", formatted("slash-regex"), false,
                 "Regular expression (between slashes) extracting code coverage from the log."},
                {"dast_configuration", mapOf("dast-configuration"), false, "DAST site and scanner profiles."},
                {"dependencies", strings(), false, "Jobs to fetch artifacts from."},
                {"environment",
                 ValueSpec{.types = TypeMap | TypeString, .map = "environment", .format = "environment-name"}, false,
                 "The environment the job deploys to."},
                {"except", mapOf("only", TypeString | TypeSequence, "string"), false,
                 "Deprecated: when the job is not created."},
                {"extends", strOrStrings(), false, "Configuration entries this job inherits from."},
                {"hooks", hooks, false, "Commands run at stages of job execution."},
                {"identity", oneOf("google_cloud"), false, "Identity federation."},
                {"id_tokens", idTokens, false, "OIDC ID tokens."},
                {"image", image, false, "Docker image the job runs in."},
                {"inherit", mapOf("inherit"), false, "Which global defaults and variables the job inherits."},
                {"inputs", type(TypeMap), false, "Inputs for CI/CD steps."},
                {"interruptible", boolean(), false, "Whether a newer pipeline can cancel the job."},
                {"manual_confirmation", str(), false, "Confirmation message of a manual job."},
                {"needs", needs, false, "Jobs that must finish before this one starts."},
                {"only", mapOf("only", TypeString | TypeSequence, "string"), false,
                 "Deprecated: when the job is created."},
                {"pages", mapOf("pages", TypeBool), false, "Deploy to GitLab Pages."},
                {"parallel", intRange(1, 200, TypeMap, "parallel"), false,
                 "Number of parallel instances (1 to 200), or a matrix."},
                {"publish", str(), false, "Deprecated: folder GitLab Pages publishes."},
                {"release", mapOf("release"), false, "Create a release."},
                {"resource_group", formatted("environment-name"), false,
                 "Run only one job of this group at a time (same characters as environment names)."},
                {"retry", retry, false, "Automatic retries on failure (0 to 2, or max/when/exit_codes)."},
                {"rules", seqOf("rule"), false, "Whether the job is created, and its attributes."},
                {"run", seqOf("step"), false, "CI/CD steps."},
                {"script", script, false, "Shell commands the runner executes."},
                {"secrets", mapOf("secrets"), false, "Secrets from an external secrets provider."},
                {"services", services, false, "Service containers linked to the job's image."},
                {"stage", str(), false, "The stage the job runs in (default: test)."},
                {"start_in", delay, false, "Delay of a `when: delayed` job, at most one week, such as '30 minutes'."},
                {"tags", tags, false, "Runner tags (at most 50)."},
                {"timeout", duration, false, "Job timeout, such as '1h 30m'."},
                {"trigger", mapOf("trigger", TypeString), false, "Start a downstream pipeline."},
                {"type", str(), false, "Deprecated synonym of stage."},
                {"variables", variables, false, "Job variables."},
                {"when", jobWhen, false, "When the job runs (never only inside rules)."},
            }),
        // A job runs a script, a downstream pipeline or steps: never two of them.
        "script|trigger|run,stage|type"));
    t.addMap(closed("allow-failure", "allow_failure",
                    {
                        {"exit_codes", exitCodes, true, "Exit codes that are allowed to fail."},
                    }));
    t.addMap(closed("dast-configuration", "dast_configuration",
                    {
                        {"site_profile", str(), false, "Name of the DAST site profile."},
                        {"scanner_profile", str(), false, "Name of the DAST scanner profile."},
                    }));
    t.addMap(constrained(
        closed("artifacts", "artifacts",
               {
                   {"paths", strings(), false, "Files and folders to keep."},
                   {"exclude", strings(), false, "Files excluded from paths."},
                   {"expire_in", lifetime, false, "How long artifacts are kept, such as '1 week', or 'never'."},
                   {"expose_as", formatted("expose-as"), false, "Name shown in merge requests."},
                   {"name", str(), false, "Archive name."},
                   {"public", boolean(), false, "Deprecated: use access."},
                   {"access", oneOf("all|developer|maintainer|none"), false, "Who may download the artifacts."},
                   {"reports", mapOf("reports"), false, "Test, coverage and security reports."},
                   {"untracked", boolean(), false, "Also keep untracked files."},
                   {"when", oneOf("on_success|on_failure|always"), false, "When artifacts are uploaded."},
               }),
        "public|access", nullptr, "expose_as>paths"));
    const ValueSpec report = strOrStrings();
    t.addMap(closed("reports", "artifacts:reports",
                    {
                        {"accessibility", report, false, "Accessibility report."},
                        {"annotations", report, false, "External links shown on the job."},
                        {"api_fuzzing", report, false, "API fuzzing report."},
                        {"browser_performance", report, false, "Browser performance report."},
                        {"cluster_image_scanning", report},
                        {"codequality", report, false, "Code Quality report."},
                        {"container_scanning", report, false, "Container scanning report."},
                        {"coverage_fuzzing", report, false, "Coverage-guided fuzzing report."},
                        {"coverage_report", mapOf("coverage-report"), false,
                         "Coverage report: coverage_format (cobertura or jacoco) and path."},
                        {"cobertura", report, false, "Deprecated: use coverage_report."},
                        {"cyclonedx", report, false, "CycloneDX SBOM."},
                        {"dast", report, false, "DAST report."},
                        {"dependency_scanning", report, false, "Dependency scanning report."},
                        {"dotenv", report, false, "Variables for later jobs."},
                        {"junit", report, false, "JUnit test report."},
                        {"license_scanning", report},
                        {"load_performance", report, false, "Load performance report."},
                        {"metrics", report, false, "Metrics report."},
                        {"performance", report},
                        {"repository_xray", report},
                        {"requirements", report, false, "Requirements report."},
                        {"requirements_v2", report},
                        {"sast", report, false, "SAST report."},
                        {"secret_detection", report, false, "Secret detection report."},
                        {"terraform", report, false, "Terraform plan report."},
                        {"lsif", report},
                        {"network_referee", report},
                    }));
    t.addMap(closed("coverage-report", "coverage_report",
                    {
                        {"coverage_format", oneOf("cobertura|jacoco"), true, "Report format."},
                        {"path", str(), true, "Report file."},
                    }));
    t.addMap(closed(
        "cache", "cache",
        {
            {"key", ValueSpec{.types = TypeMap | TypeString | TypeInteger, .map = "cache-key", .format = "cache-key"},
             false, "Cache key: a string without '/', or files (up to 2) + prefix."},
            {"paths", strings(), false, "Files and folders to cache."},
            {"untracked", boolean(), false, "Cache untracked files."},
            {"unprotect", boolean(), false, "Share with unprotected branches."},
            {"when", oneOf("on_success|on_failure|always"), false, "When the cache is saved."},
            {"policy", oneOf("pull|push|pull-push"), false, "Download, upload or both (or a variable)."},
            {"fallback_keys", strings(), false, "Keys tried when key has no cache."},
            {"name", str(), false, "Cache name."},
        }));
    // A string key is checked by format; the mapping form computes the key from files.
    t.addMap(constrained(
        closed("cache-key", "cache:key",
               {
                   {"files", limited(strings(), 2), false, "Files whose content forms the key (1 or 2)."},
                   {"files_commits", limited(strings(), 2), false, "Files whose last commits form the key."},
                   {"prefix", formatted("cache-key"), false, "Prefix of the computed key."},
               }),
        "files|files_commits", "files|files_commits"));
    t.addMap(closed(
        "environment", "environment",
        {
            {"name", formatted("environment-name"), true,
             "Environment name: letters, digits, spaces and - _ / $ { } . (not starting or ending with /)."},
            {"url", formatted("url"), false, "Environment URL."},
            {"on_stop", str(), false, "Job that stops the environment."},
            {"action", oneOf("start|prepare|stop|verify|access"), false, "What the job does to the environment."},
            {"auto_stop_in", lifetime, false, "Lifetime of the environment, such as '1 day', or 'never'."},
            {"kubernetes", mapOf("environment-kubernetes"), false, "Kubernetes settings."},
            {"deployment_tier", oneOf("production|staging|testing|development|other"), false,
             "Tier of the environment."},
        }));
    t.addMap(closed("environment-kubernetes", "environment:kubernetes",
                    {
                        {"agent", str(), false, "The agent for Kubernetes: path/to/agent/project:agent-name."},
                        {"namespace", str(), false, "The Kubernetes namespace."},
                        {"flux_resource_path", str(), false, "Path of the Flux resource."},
                        {"dashboard", type(TypeMap), false, "Dashboard settings."},
                    }));
    t.addMap(closed("hooks", "hooks",
                    {
                        {"pre_get_sources_script", script, false, "Commands run before fetching sources."},
                    }));
    t.addMap(open("id-tokens", mapOf("id-token"), "id_tokens"));
    t.addMap(closed("id-token", "id token", {{"aud", strOrStrings(), true, "Token audience (a string or a list)."}}));
    t.addMap(closed("image", "image",
                    {
                        {"name", str(), true, "Image name."},
                        {"entrypoint", strings(), false, "Entry point override (an array)."},
                        {"pull_policy", pullPolicy, false, "always, if-not-present or never (or a list)."},
                        {"docker", mapOf("executor-docker"), false, "Docker executor options: platform, user."},
                        {"kubernetes", mapOf("executor-kubernetes"), false, "Kubernetes executor options: user."},
                        {"ports", type(TypeSequence), false, "Ports exposed for the Web IDE's terminal."},
                    }));
    t.addMap(closed("executor-docker", "docker",
                    {
                        {"platform", str(), false, "Image architecture, such as linux/arm64."},
                        {"user", str(), false, "User name or UID the container runs as."},
                    }));
    t.addMap(closed("executor-kubernetes", "kubernetes",
                    {
                        {"user", type(TypeString | TypeInteger), false, "User name or UID the container runs as."},
                    }));
    t.addMap(closed("service", "service",
                    {
                        {"name", str(), true, "Image name."},
                        {"alias", str(), false, "Host name(s) of the service."},
                        {"entrypoint", strings(), false, "Entry point override (an array)."},
                        {"command", strings(), false, "Command override (an array)."},
                        {"variables", mapOf("job-variables"), false, "Service variables."},
                        {"pull_policy", pullPolicy, false, "always, if-not-present or never (or a list)."},
                        {"docker", mapOf("executor-docker"), false, "Docker executor options: platform, user."},
                        {"kubernetes", mapOf("executor-kubernetes"), false, "Kubernetes executor options: user."},
                        {"ports", type(TypeSequence), false, "Ports exposed for the Web IDE's terminal."},
                    }));
    t.addMap(closed(
        "inherit", "inherit",
        {
            {"default", seqOf("default-keyword", TypeBool), false, "true, false, or the default keywords to inherit."},
            {"variables", seqOf("string", TypeBool), false, "true, false, or the global variables to inherit."},
        }));
    // A job of this pipeline, of another pipeline (pipeline + job) or of another project (project + job + ref).
    t.addMap(constrained(
        closed("need", "needs entry",
               {
                   {"job", str(), false, "The job needed."},
                   {"artifacts", boolean(), false, "Whether to download its artifacts."},
                   {"optional", boolean(), false, "Do not fail when the job is not in the pipeline."},
                   {"project", str(), false, "Another project (cross-project artifacts, with job and ref)."},
                   {"ref", str(), false, "Ref of the other project."},
                   {"pipeline", str(), false, "Another pipeline (parent-child artifacts)."},
                   {"parallel", mapOf("need-parallel"), false, "Matrix instance(s) of the needed job."},
               }),
        "project|pipeline", "job|pipeline", "project>job;project>ref;ref>project;parallel>job"));
    t.addMap(closed("need-parallel", "needs:parallel",
                    {
                        {"matrix", seqOf("matrix-entry"), true, "The matrix values selecting instances."},
                    }));
    t.addMap(closed("only", "only/except",
                    {
                        {"refs", strOrStrings(), false, "Branches and tags."},
                        {"variables", strOrStrings(), false, "Variable expressions."},
                        {"changes", strOrStrings(), false, "Changed files."},
                        {"kubernetes", oneOf("active"), false, "Kubernetes integration active."},
                    }));
    t.addMap(closed("pages", "pages",
                    {
                        {"publish", str(), false, "Folder to publish."},
                        {"path_prefix", str(), false, "Path prefix of a parallel deployment."},
                        {"expire_in", lifetime, false, "Lifetime of the deployment, or 'never'."},
                    }));
    t.addMap(closed("parallel", "parallel",
                    {
                        {"matrix", limited(seqOf("matrix-entry"), 200), true,
                         "Variable sets, one job per combination (at most 200)."},
                    }));
    t.addMap(open("matrix-entry", seqOf("matrix-value", TypeScalar), "matrix entry"));
    t.addMap(closed("release", "release",
                    {
                        {"tag_name", str(), true, "The release's tag."},
                        {"tag_message", str(), false, "Annotated tag message."},
                        {"name", str(), false, "Release name."},
                        {"description", str(), false, "Release notes."},
                        {"ref", str(), false, "Commit the tag is created at."},
                        {"milestones", strings(), false, "Milestones."},
                        {"released_at", formatted("datetime"), false, "Release date (ISO 8601)."},
                        {"assets", mapOf("release-assets"), false, "Release assets."},
                    }));
    t.addMap(closed("release-assets", "release:assets", {{"links", seqOf("release-link"), true, "Asset links."}}));
    t.addMap(closed("release-link", "release link",
                    {
                        {"name", str(), true, "Link name."},
                        {"url", str(), true, "Link URL."},
                        {"filepath", str(), false, "Deprecated: use direct_asset_path."},
                        {"direct_asset_path", str(), false, "Path of a permanent link to the asset."},
                        {"link_type", oneOf("other|runbook|image|package"), false, "Kind of asset."},
                    }));
    t.addMap(closed("retry", "retry",
                    {
                        {"max", intRange(0, 2), false, "Retries (0 to 2)."},
                        {"when", seqOf("retry-when", TypeString), false, "Failures that are retried."},
                        {"exit_codes", exitCodes, false, "Exit codes that are retried."},
                    }));
    t.addMap(closed("rule", "rule",
                    {
                        {"if", str(), false, "A CI/CD variable expression."},
                        {"changes", changes, false, "Files that changed (a list, or paths + compare_to)."},
                        {"exists", exists, false, "Files that exist (a list, or paths + project + ref)."},
                        {"when", when, false, "When the job runs."},
                        {"allow_failure", allowFailure, false, "Let the pipeline continue when the job fails."},
                        {"variables", mapOf("job-variables"), false, "Variables set when the rule matches."},
                        {"needs", needs, false, "Needs when the rule matches."},
                        {"start_in", delay, false, "Delay with when: delayed (at most one week)."},
                        {"interruptible", boolean(), false, "Interruptible when the rule matches."},
                    }));
    t.addMap(closed("rule-changes", "rules:changes",
                    {
                        {"paths", strOrStrings(), true, "Paths."},
                        {"compare_to", str(), false, "Ref to compare with."},
                    }));
    t.addMap(constrained(closed("rule-exists", "rules:exists",
                                {
                                    {"paths", strOrStrings(), true, "Paths."},
                                    {"project", formatted("project"), false, "Another project to look in."},
                                    {"ref", str(), false, "Ref of that project."},
                                }),
                         nullptr, nullptr, "ref>project"));
    t.addMap(open("secrets", mapOf("secret"), "secrets"));
    // Each secret comes from exactly one provider.
    const char* providers = "vault|gcp_secret_manager|azure_key_vault|aws_secrets_manager|gitlab_secrets_manager";
    t.addMap(
        constrained(closed("secret", "secret",
                           {
                               {"vault", mapOf("vault-secret", TypeString), false,
                                "HashiCorp Vault: path/to/secret/field@engine, or engine + path + field."},
                               {"gcp_secret_manager", mapOf("named-secret"), false, "Google Cloud Secret Manager."},
                               {"azure_key_vault", mapOf("named-secret"), false, "Azure Key Vault."},
                               {"aws_secrets_manager", type(TypeMap | TypeString), false, "AWS Secrets Manager."},
                               {"gitlab_secrets_manager", type(TypeMap), false, "GitLab secrets manager."},
                               {"file", boolean(), false, "Expose the secret as a file (default true)."},
                               {"token", str(), false, "The ID token used to authenticate, such as $VAULT_ID_TOKEN."},
                           }),
                    providers, providers));
    t.addMap(closed("vault-secret", "secrets:vault",
                    {
                        {"engine", mapOf("vault-engine"), true, "Secrets engine: name and path."},
                        {"path", str(), true, "Path of the secret."},
                        {"field", str(), true, "Field of the secret."},
                    }));
    t.addMap(closed("vault-engine", "secrets:vault:engine",
                    {
                        {"name", str(), true, "Engine name, such as kv-v2."},
                        {"path", str(), true, "Engine mount path."},
                    }));
    t.addMap(closed("named-secret", "secret",
                    {
                        {"name", str(), true, "Secret name."},
                        {"version", scalar(), false, "Secret version."},
                    }));
    t.addMap(constrained(
        closed("trigger", "trigger",
               {
                   {"include", mapOf("trigger-include", TypeString | TypeSequence, "trigger-include"), false,
                    "Child pipeline configuration: local, template, artifact + job, project + file, component."},
                   {"project", formatted("project"), false, "Downstream project."},
                   {"branch", str(), false, "Downstream branch."},
                   {"strategy", oneOf("depend|mirror"), false, "Wait for (and mirror) the downstream pipeline."},
                   {"forward", mapOf("trigger-forward"), false, "Which variables are forwarded."},
                   {"inputs", type(TypeMap), false, "Inputs of the downstream pipeline."},
               }),
        "include|project", "include|project", "branch>project"));
    t.addMap(constrained(closed("trigger-include", "trigger:include",
                                {
                                    {"local", yamlFile, false, "A file of this repository."},
                                    {"template", yamlFile, false, "A template shipped with GitLab."},
                                    {"artifact", str(), false, "A configuration generated by a job (with job:)."},
                                    {"job", str(), false, "The job that generated the artifact."},
                                    {"project", formatted("project"), false, "Another project (with file:)."},
                                    {"file", yamlFiles, false, "Files of that project."},
                                    {"ref", str(), false, "Ref of that project."},
                                    {"component", formatted("component"), false, "A CI/CD component."},
                                    {"inputs", type(TypeMap), false, "Input values of the child configuration."},
                                    {"remote", formatted("url"), false, "A file at a public URL."},
                                }),
                         "local|template|artifact|project|component|remote",
                         "local|template|artifact|project|component|remote",
                         "artifact>job;job>artifact;file>project;project>file;ref>project"));
    t.addMap(closed("trigger-forward", "trigger:forward",
                    {
                        {"yaml_variables", boolean(), false, "Forward the trigger job's variables (default true)."},
                        {"pipeline_variables", boolean(), false, "Forward this pipeline's variables (default false)."},
                    }));
    return t;
}

} // namespace gatehouse::pipeline
