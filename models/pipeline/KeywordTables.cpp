// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordTables.h"

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

// Short constructors so the tables below read like the reference pages they come from.
namespace {

constexpr ValueSpec any()
{
    return ValueSpec{};
}
constexpr ValueSpec type(unsigned types)
{
    return ValueSpec{.types = types};
}
constexpr ValueSpec str()
{
    return ValueSpec{.types = TypeString};
}
constexpr ValueSpec scalar()
{
    return ValueSpec{.types = TypeScalar};
}
constexpr ValueSpec boolean()
{
    return ValueSpec{.types = TypeBool};
}
constexpr ValueSpec strings()
{
    return ValueSpec{.types = TypeSequence, .items = "string"};
}
constexpr ValueSpec strOrStrings()
{
    return ValueSpec{.types = TypeString | TypeSequence, .items = "string"};
}
constexpr ValueSpec mapOf(const char* id, unsigned alsoTypes = 0, const char* items = nullptr)
{
    return ValueSpec{.types = TypeMap | alsoTypes, .map = id, .items = items};
}
constexpr ValueSpec seqOf(const char* items, unsigned alsoTypes = 0)
{
    return ValueSpec{.types = TypeSequence | alsoTypes, .items = items};
}
constexpr ValueSpec oneOf(const char* values, unsigned types = TypeString)
{
    return ValueSpec{.types = types, .enumValues = values};
}
constexpr ValueSpec intRange(double min, double max, unsigned alsoTypes = 0, const char* map = nullptr)
{
    return ValueSpec{.types = TypeInteger | alsoTypes, .map = map, .min = min, .max = max};
}
constexpr ValueSpec formatted(const char* format, unsigned types = TypeString)
{
    return ValueSpec{.types = types, .format = format};
}

MapSchema open(const char* id, ValueSpec other, const char* what, QList<KeySpec> keys = {})
{
    return MapSchema{QString::fromLatin1(id), std::move(keys), true, other, QString::fromLatin1(what)};
}
MapSchema closed(const char* id, const char* what, QList<KeySpec> keys)
{
    return MapSchema{QString::fromLatin1(id), std::move(keys), false, ValueSpec{}, QString::fromLatin1(what)};
}

} // namespace

struct TableBuilder
{
    static KeywordTables buildGitLab();
    static KeywordTables buildGitHub();
};

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
