// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
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

using namespace table;

// From GitLab's "CI/CD YAML syntax reference" (docs.gitlab.com/ci/yaml/).
KeywordTables TableBuilder::buildGitLab()
{
    KeywordTables t(QStringLiteral("gitlab"));
    t.addValue(QStringLiteral("string"), str());
    t.addValue(QStringLiteral("scalar"), scalar());
    t.addValue(QStringLiteral("integer"), type(TypeInteger));
    // Script lines: strings, or nested arrays of strings (what `!reference` produces), up to 10 levels.
    t.addValue(QStringLiteral("script-line"), seqOf("script-line", TypeScalar));
    t.addValue(QStringLiteral("service"), mapOf("service", TypeString));
    t.addValue(QStringLiteral("cache"), mapOf("cache"));
    t.addValue(QStringLiteral("need"), mapOf("need", TypeString));
    t.addValue(QStringLiteral("rule"), mapOf("rule", TypeSequence, "rule"));
    t.addValue(QStringLiteral("workflow-rule"), mapOf("workflow-rule", TypeSequence, "workflow-rule"));
    t.addValue(QStringLiteral("include"), mapOf("include", TypeString));
    t.addValue(QStringLiteral("matrix-entry"), mapOf("matrix-entry"));
    t.addValue(QStringLiteral("release-link"), mapOf("release-link"));
    t.addValue(QStringLiteral("exit-code"), type(TypeInteger));
    t.addValue(
        QStringLiteral("retry-when"),
        oneOf("always|unknown_failure|script_failure|api_failure|stuck_or_timeout_failure|"
              "runner_system_failure|runner_unsupported|stale_schedule|job_execution_timeout|archived_failure|"
              "unmet_prerequisites|scheduler_failure|data_integrity_failure|runner_interrupted|job_router_failure"));
    t.addValue(QStringLiteral("pull-policy"), oneOf("always|if-not-present|never"));
    t.addValue(QStringLiteral("step"), type(TypeMap));

    const ValueSpec script = seqOf("script-line", TypeString);
    const ValueSpec image = mapOf("image", TypeString);
    const ValueSpec services = seqOf("service");
    const ValueSpec cache = mapOf("cache", TypeSequence, "cache");
    const ValueSpec variables = mapOf("job-variables");
    const ValueSpec retry = intRange(0, 2, TypeMap, "retry");
    const ValueSpec duration = formatted("duration", TypeString | TypeInteger);
    const ValueSpec hooks = mapOf("hooks");
    const ValueSpec idTokens = mapOf("id-tokens");

    t.addMap(closed(
        "root", "the pipeline",
        {
            {"default", mapOf("default"), false, "Default values for every job (image, before_script, cache, ...)."},
            {"include", mapOf("include", TypeString | TypeSequence, "include"), false,
             "Import configuration from other files."},
            {"stages", strings(), false, "The names and order of the pipeline stages."},
            {"variables", mapOf("global-variables"), false, "CI/CD variables for every job."},
            {"workflow", mapOf("workflow"), false, "Controls when and how pipelines are created."},
            {"image", image, false, "Deprecated at top level: use default:image."},
            {"services", services, false, "Deprecated at top level: use default:services."},
            {"cache", cache, false, "Deprecated at top level: use default:cache."},
            {"before_script", script, false, "Deprecated at top level: use default:before_script."},
            {"after_script", script, false, "Deprecated at top level: use default:after_script."},
            {"types", strings(), false, "Deprecated synonym of stages."},
            {"spec", mapOf("spec"), false, "Header of a configuration with inputs (before the `---`)."},
        }));
    t.addMap(closed("spec", "spec",
                    {
                        {"inputs", mapOf("spec-inputs"), false, "Inputs the configuration accepts."},
                        {"include", any(), false, "Header includes."},
                        {"component", any(), false, "Component metadata."},
                    }));
    t.addMap(open("spec-inputs", mapOf("spec-input", TypeNull), "spec:inputs"));
    t.addMap(closed("spec-input", "input",
                    {
                        {"default", any(), false, "The value when the input is not given."},
                        {"description", str(), false, "What the input is for."},
                        {"options", seqOf("scalar"), false, "The allowed values."},
                        {"regex", str(), false, "A regular expression the value must match."},
                        {"type", oneOf("string|number|boolean|array"), false, "The input's type."},
                        {"rules", any(), false, "Conditional options and defaults."},
                    }));
    t.addMap(closed("default", "default",
                    {
                        {"after_script", script, false, "Commands run after every job's script."},
                        {"artifacts", mapOf("artifacts"), false, "Default job artifacts."},
                        {"before_script", script, false, "Commands run before every job's script."},
                        {"cache", cache, false, "Default cache."},
                        {"hooks", hooks, false, "Commands run at stages of job execution."},
                        {"id_tokens", idTokens, false, "OIDC ID tokens."},
                        {"image", image, false, "Default Docker image."},
                        {"interruptible", boolean(), false, "Whether jobs can be cancelled by a newer pipeline."},
                        {"retry", retry, false, "Default automatic retries."},
                        {"services", services, false, "Default service containers."},
                        {"tags", strOrStrings(), false, "Default runner tags."},
                        {"timeout", duration, false, "Default job timeout."},
                        {"identity", oneOf("google_cloud"), false, "Identity federation."},
                    }));
    t.addMap(open("global-variables", mapOf("variable", TypeScalar | TypeNull), "variables"));
    // description and options only exist for the top-level variables (they prefill "Run pipeline").
    t.addMap(open("job-variables", mapOf("job-variable", TypeScalar | TypeNull), "variables"));
    t.addMap(closed("job-variable", "variable",
                    {
                        {"value", scalar(), false, "The variable's value."},
                        {"expand", boolean(), false, "Whether $ references in the value are expanded."},
                    }));
    t.addMap(closed("variable", "variable",
                    {
                        {"value", scalar(), false, "The variable's value."},
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
    t.addMap(closed(
        "workflow-rule", "workflow rule",
        {
            {"if", str(), false, "A CI/CD variable expression."},
            {"changes", mapOf("rule-changes", TypeSequence | TypeString, "string"), false, "Files that changed."},
            {"exists", mapOf("rule-exists", TypeSequence | TypeString, "string"), false, "Files that exist."},
            {"when", oneOf("always|never"), false, "always: create the pipeline; never: do not."},
            {"variables", mapOf("job-variables"), false, "Variables set when the rule matches."},
            {"auto_cancel", mapOf("auto-cancel"), false, "Auto-cancel settings when the rule matches."},
        }));
    t.addMap(closed("include", "include",
                    {
                        {"local", str(), false, "A file of the same repository."},
                        {"file", strOrStrings(), false, "Files of another project (with project:)."},
                        {"project", formatted("project"), false, "Full path of another project."},
                        {"ref", str(), false, "Branch, tag or commit of the project."},
                        {"remote", formatted("url"), false, "A file at a public URL."},
                        {"template", str(), false, "A template shipped with GitLab."},
                        {"component", str(), false, "A CI/CD component."},
                        {"rules", seqOf("rule"), false, "When to include the file."},
                        {"inputs", type(TypeMap), false, "Input values of the included configuration."},
                        {"integrity", str(), false, "SHA256 of a remote file."},
                        {"cache", type(TypeBool | TypeString), false, "Cache a remote include."},
                    }));
    t.addMap(closed(
        "job", "job",
        {
            {"after_script", script, false, "Commands run after the job's script, even on failure."},
            {"allow_failure", mapOf("allow-failure", TypeBool), false, "Let the pipeline continue when the job fails."},
            {"artifacts", mapOf("artifacts"), false, "Files attached to the job."},
            {"before_script", script, false, "Commands run before the job's script."},
            {"cache", cache, false, "Files cached between jobs."},
            {"coverage", str(), false, "Regular expression extracting code coverage from the log."},
            {"dast_configuration", type(TypeMap), false, "DAST site and scanner profiles."},
            {"dependencies", strings(), false, "Jobs to fetch artifacts from."},
            {"environment", mapOf("environment", TypeString), false, "The environment the job deploys to."},
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
            {"needs", seqOf("need", TypeString), false, "Jobs that must finish before this one starts."},
            {"only", mapOf("only", TypeString | TypeSequence, "string"), false, "Deprecated: when the job is created."},
            {"pages", mapOf("pages", TypeBool), false, "Deploy to GitLab Pages."},
            {"parallel", intRange(1, 200, TypeMap, "parallel"), false, "Number of parallel instances, or a matrix."},
            {"publish", str(), false, "Deprecated: folder GitLab Pages publishes."},
            {"release", mapOf("release"), false, "Create a release."},
            {"resource_group", str(), false, "Run only one job of this group at a time."},
            {"retry", retry, false, "Automatic retries on failure (0 to 2)."},
            {"rules", seqOf("rule"), false, "Whether the job is created, and its attributes."},
            {"run", seqOf("step"), false, "CI/CD steps."},
            {"script", script, false, "Shell commands the runner executes."},
            {"secrets", mapOf("secrets"), false, "Secrets from an external secrets provider."},
            {"services", services, false, "Service containers linked to the job's image."},
            {"stage", str(), false, "The stage the job runs in (default: test)."},
            {"start_in", str(), false, "Delay of a `when: delayed` job."},
            {"tags", strOrStrings(), false, "Runner tags."},
            {"timeout", duration, false, "Job timeout."},
            {"trigger", mapOf("trigger", TypeString), false, "Start a downstream pipeline."},
            {"type", str(), false, "Deprecated synonym of stage."},
            {"variables", variables, false, "Job variables."},
            {"when", oneOf("on_success|on_failure|always|manual|delayed|never"), false, "When the job runs."},
        }));
    t.addMap(closed("allow-failure", "allow_failure",
                    {
                        {"exit_codes", seqOf("exit-code", TypeInteger), true, "Exit codes that are allowed to fail."},
                    }));
    t.addMap(closed("artifacts", "artifacts",
                    {
                        {"paths", strings(), false, "Files and folders to keep."},
                        {"exclude", strings(), false, "Files excluded from paths."},
                        {"expire_in", str(), false, "How long artifacts are kept."},
                        {"expose_as", str(), false, "Name shown in merge requests."},
                        {"name", str(), false, "Archive name."},
                        {"public", boolean(), false, "Deprecated: use access."},
                        {"access", oneOf("all|developer|maintainer|none"), false, "Who may download the artifacts."},
                        {"reports", mapOf("reports"), false, "Test, coverage and security reports."},
                        {"untracked", boolean(), false, "Also keep untracked files."},
                        {"when", oneOf("on_success|on_failure|always"), false, "When artifacts are uploaded."},
                    }));
    const ValueSpec report = strOrStrings();
    t.addMap(closed("reports", "artifacts:reports",
                    {
                        {"accessibility", report},
                        {"annotations", report},
                        {"api_fuzzing", report},
                        {"browser_performance", report},
                        {"cluster_image_scanning", report},
                        {"codequality", report, false, "Code Quality report."},
                        {"container_scanning", report, false, "Container scanning report."},
                        {"coverage_fuzzing", report},
                        {"coverage_report", mapOf("coverage-report")},
                        {"cobertura", report, false, "Deprecated: use coverage_report."},
                        {"cyclonedx", report, false, "CycloneDX SBOM."},
                        {"dast", report, false, "DAST report."},
                        {"dependency_scanning", report, false, "Dependency scanning report."},
                        {"dotenv", report, false, "Variables for later jobs."},
                        {"junit", report, false, "JUnit test report."},
                        {"license_scanning", report},
                        {"load_performance", report},
                        {"metrics", report},
                        {"performance", report},
                        {"repository_xray", report},
                        {"requirements", report},
                        {"requirements_v2", report},
                        {"sast", report, false, "SAST report."},
                        {"secret_detection", report, false, "Secret detection report."},
                        {"terraform", report},
                        {"lsif", report},
                        {"network_referee", report},
                    }));
    t.addMap(closed("coverage-report", "coverage_report",
                    {
                        {"coverage_format", oneOf("cobertura|jacoco"), true, "Report format."},
                        {"path", str(), true, "Report file."},
                    }));
    t.addMap(closed("cache", "cache",
                    {
                        {"key", mapOf("cache-key", TypeString | TypeInteger), false, "Cache key."},
                        {"paths", strings(), false, "Files and folders to cache."},
                        {"untracked", boolean(), false, "Cache untracked files."},
                        {"unprotect", boolean(), false, "Share with unprotected branches."},
                        {"when", oneOf("on_success|on_failure|always"), false, "When the cache is saved."},
                        {"policy", oneOf("pull|push|pull-push"), false, "Download, upload or both."},
                        {"fallback_keys", strings(), false, "Keys tried when key has no cache."},
                        {"name", str(), false, "Cache name."},
                    }));
    t.addMap(closed("cache-key", "cache:key",
                    {
                        {"files", strings(), false, "Files whose content forms the key."},
                        {"files_commits", strings(), false, "Files whose last commits form the key."},
                        {"prefix", str(), false, "Prefix of the computed key."},
                    }));
    t.addMap(closed(
        "environment", "environment",
        {
            {"name", str(), true, "Environment name."},
            {"url", str(), false, "Environment URL."},
            {"on_stop", str(), false, "Job that stops the environment."},
            {"action", oneOf("start|prepare|stop|verify|access"), false, "What the job does to the environment."},
            {"auto_stop_in", str(), false, "Lifetime of the environment."},
            {"kubernetes", type(TypeMap), false, "Kubernetes settings."},
            {"deployment_tier", oneOf("production|staging|testing|development|other"), false,
             "Tier of the environment."},
        }));
    t.addMap(closed("hooks", "hooks",
                    {
                        {"pre_get_sources_script", script, false, "Commands run before fetching sources."},
                    }));
    t.addMap(open("id-tokens", mapOf("id-token"), "id_tokens"));
    t.addMap(closed("id-token", "id token", {{"aud", strOrStrings(), true, "Token audience."}}));
    t.addMap(closed("image", "image",
                    {
                        {"name", str(), true, "Image name."},
                        {"entrypoint", strOrStrings(), false, "Entry point override."},
                        {"pull_policy", seqOf("pull-policy", TypeString), false, "When the runner pulls the image."},
                        {"docker", type(TypeMap), false, "Docker executor options."},
                        {"kubernetes", type(TypeMap), false, "Kubernetes executor options."},
                    }));
    t.addMap(closed("service", "service",
                    {
                        {"name", str(), true, "Image name."},
                        {"alias", str(), false, "Host name(s) of the service."},
                        {"entrypoint", strOrStrings(), false, "Entry point override."},
                        {"command", strOrStrings(), false, "Command override."},
                        {"variables", mapOf("job-variables"), false, "Service variables."},
                        {"pull_policy", seqOf("pull-policy", TypeString), false, "When the runner pulls the image."},
                        {"docker", type(TypeMap), false, "Docker executor options."},
                        {"kubernetes", type(TypeMap), false, "Kubernetes executor options."},
                    }));
    t.addMap(
        closed("inherit", "inherit",
               {
                   {"default", seqOf("string", TypeBool), false, "true, false, or the default keywords to inherit."},
                   {"variables", seqOf("string", TypeBool), false, "true, false, or the global variables to inherit."},
               }));
    t.addMap(closed("need", "needs entry",
                    {
                        {"job", str(), false, "The job needed."},
                        {"artifacts", boolean(), false, "Whether to download its artifacts."},
                        {"optional", boolean(), false, "Do not fail when the job is not in the pipeline."},
                        {"project", str(), false, "Another project (cross-project artifacts)."},
                        {"ref", str(), false, "Ref of the other project."},
                        {"pipeline", str(), false, "Another pipeline (parent-child artifacts)."},
                        {"parallel", mapOf("need-parallel"), false, "Matrix instance(s) of the needed job."},
                    }));
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
                        {"expire_in", str(), false, "Lifetime of the deployment."},
                    }));
    t.addMap(closed("parallel", "parallel",
                    {
                        {"matrix", seqOf("matrix-entry"), true, "Variable sets, one job per combination."},
                    }));
    t.addMap(open("matrix-entry", type(TypeScalar | TypeSequence), "matrix entry"));
    t.addMap(closed("release", "release",
                    {
                        {"tag_name", str(), true, "The release's tag."},
                        {"tag_message", str(), false, "Annotated tag message."},
                        {"name", str(), false, "Release name."},
                        {"description", str(), false, "Release notes."},
                        {"ref", str(), false, "Commit the tag is created at."},
                        {"milestones", strings(), false, "Milestones."},
                        {"released_at", str(), false, "Release date."},
                        {"assets", mapOf("release-assets"), false, "Release assets."},
                    }));
    t.addMap(closed("release-assets", "release:assets", {{"links", seqOf("release-link"), false, "Asset links."}}));
    t.addMap(closed("release-link", "release link",
                    {
                        {"name", str(), true, "Link name."},
                        {"url", str(), true, "Link URL."},
                        {"filepath", str()},
                        {"direct_asset_path", str()},
                        {"link_type", oneOf("other|runbook|image|package")},
                    }));
    t.addMap(closed("retry", "retry",
                    {
                        {"max", intRange(0, 2), false, "Retries (0 to 2)."},
                        {"when", seqOf("retry-when", TypeString), false, "Failures that are retried."},
                        {"exit_codes", seqOf("exit-code", TypeInteger), false, "Exit codes that are retried."},
                    }));
    t.addMap(closed(
        "rule", "rule",
        {
            {"if", str(), false, "A CI/CD variable expression."},
            {"changes", mapOf("rule-changes", TypeSequence | TypeString, "string"), false, "Files that changed."},
            {"exists", mapOf("rule-exists", TypeSequence | TypeString, "string"), false, "Files that exist."},
            {"when", oneOf("on_success|on_failure|always|manual|delayed|never"), false, "When the job runs."},
            {"allow_failure", boolean(), false, "Let the pipeline continue when the job fails."},
            {"variables", mapOf("job-variables"), false, "Variables set when the rule matches."},
            {"needs", seqOf("need", TypeString), false, "Needs when the rule matches."},
            {"start_in", str(), false, "Delay with when: delayed."},
            {"interruptible", boolean(), false, "Interruptible when the rule matches."},
        }));
    t.addMap(closed("rule-changes", "rules:changes",
                    {
                        {"paths", strOrStrings(), false, "Paths."},
                        {"compare_to", str(), false, "Ref to compare with."},
                    }));
    t.addMap(closed("rule-exists", "rules:exists",
                    {
                        {"paths", strOrStrings(), false, "Paths."},
                        {"project", str()},
                        {"ref", str()},
                    }));
    t.addMap(open("secrets", type(TypeMap), "secrets"));
    t.addMap(closed("trigger", "trigger",
                    {
                        {"include", mapOf("trigger-include", TypeString | TypeSequence, "include"), false,
                         "Child pipeline configuration."},
                        {"project", formatted("project"), false, "Downstream project."},
                        {"branch", str(), false, "Downstream branch."},
                        {"strategy", oneOf("depend|mirror"), false, "Wait for the downstream pipeline."},
                        {"forward", mapOf("trigger-forward"), false, "Which variables are forwarded."},
                        {"inputs", type(TypeMap), false, "Inputs of the downstream pipeline."},
                    }));
    t.addMap(closed("trigger-include", "trigger:include",
                    {
                        {"local", str()},
                        {"file", strOrStrings()},
                        {"project", str()},
                        {"ref", str()},
                        {"template", str()},
                        {"artifact", str()},
                        {"job", str()},
                        {"component", str()},
                        {"inputs", type(TypeMap)},
                        {"remote", str()},
                    }));
    t.addMap(closed("trigger-forward", "trigger:forward",
                    {
                        {"yaml_variables", boolean()},
                        {"pipeline_variables", boolean()},
                    }));
    return t;
}

const KeywordTables& KeywordTables::gitlab()
{
    static const KeywordTables tables = TableBuilder::buildGitLab();
    return tables;
}

} // namespace gatehouse::pipeline
