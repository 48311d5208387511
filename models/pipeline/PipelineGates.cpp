// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineGates.h"

#include "DeploymentGates.h"
#include "GitHubExpression.h"
#include "GitHubWorkflow.h"
#include "Pinning.h"
#include "ScanApplicability.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace gatehouse::pipeline {

namespace {

QMutex& externalGatesMutex()
{
    static QMutex mutex;
    return mutex;
}

QList<PipelineGates::ExternalGate>& externalGatesList()
{
    static QList<PipelineGates::ExternalGate> gates;
    return gates;
}

// A copy, so that a gate registered meanwhile never invalidates the iteration.
QList<PipelineGates::ExternalGate> externalGates()
{
    const QMutexLocker lock(&externalGatesMutex());
    return externalGatesList();
}

/// All scalar text of a subtree (scripts, image names, action references), lower-cased, for tool recognition.
void collectText(const YamlNode& node, QString& out)
{
    if (out.size() > 200000)
        return;
    if (node.isScalar()) {
        out += node.value.toLower();
        out += u'\n';
    }
    for (const YamlNode& key : node.keys) {
        out += key.value.toLower();
        out += u'\n';
    }
    for (const YamlNode& item : node.items)
        collectText(item, out);
}

struct Context
{
    PipelineModel& model;
    const GatePolicy& policy;
    QList<Diagnostic>& diagnostics;
    const FileSource& files; ///< the rest of the repository (may be invalid)
    QHash<QString, QStringList> scanKinds; ///< per job base name, computed once (the text search is the cost)

    const QStringList& kindsOf(const PipelineJob& job)
    {
        auto it = scanKinds.find(job.baseName);
        if (it == scanKinds.end())
            it = scanKinds.insert(job.baseName, PipelineGates::scanKinds(job));
        return *it;
    }

    void report(const QString& gate, const YamlNode* at, const PipelineJob* job, const QString& message,
                std::optional<Severity> severity = std::nullopt)
    {
        diagnostics.append(gateDiagnostic(model, policy, gate, at, job, message, severity));
    }
    bool enabled(const QString& gate) const { return policy.isEnabled(gate); }
};

bool isGitHub(const PipelineModel& model)
{
    return model.kind == PipelineKind::GitHub;
}

void checkScanning(Context& c)
{
    const QString gate = QStringLiteral("security-scanning");
    QSet<QString> found;
    QString includes = c.model.unresolvedIncludes.join(u'\n').toLower();
    for (PipelineJob& job : c.model.jobs) {
        const QStringList kinds = c.kindsOf(job);
        for (const QString& k : kinds)
            found.insert(k);
        if (!kinds.isEmpty() && c.enabled(gate))
            job.gates.append(gate);
    }
    // GitLab's security templates (their jobs are not resolved here).
    const QList<std::pair<const char*, const char*>> templates = {{"sast", "sast"},
                                                                  {"dependency-scanning", "dependency"},
                                                                  {"container-scanning", "container"},
                                                                  {"secret-detection", "secrets"},
                                                                  {"sast-iac", "sast"}};
    for (const auto& [needle, kind] : templates) {
        if (includes.contains(QLatin1StringView(needle)))
            found.insert(QString::fromLatin1(kind));
    }
    if (!c.enabled(gate))
        return;
    const QStringList required = c.policy.parameter(gate, QStringLiteral("required")).toStringList();
    if (std::all_of(required.cbegin(), required.cend(), [&found](const QString& kind) { return found.contains(kind); }))
        return; // nothing to say: the repository need not be surveyed
    // A repository-wide requirement is one finding, on the repository's main pipeline, not one per file; and a
    // kind of scan applies only where its subject (an image, a dependency manifest) exists.
    ScanSurvey survey = ScanApplicability::survey(c.files, c.model.file);
    if (survey.known && !survey.mainPipeline.isEmpty() && survey.mainPipeline != c.model.file)
        return;
    for (const PipelineJob& job : std::as_const(c.model.jobs)) {
        if (!survey.imageEvidence.isEmpty())
            break;
        if (const QString how = ScanApplicability::imageBuilder(job); !how.isEmpty())
            survey.imageEvidence = QStringLiteral("%1 in job '%2'").arg(how, job.baseName);
    }
    // GitHub splits one CI into several workflows (a release-only one runs no scan itself): the repository's set
    // of workflows is judged together. A platform's own dependency scanning (Dependabot) counts too.
    const bool repositoryWide = isGitHub(c.model) && survey.known;
    if (repositoryWide)
        found.unite(survey.workflowKinds);
    if (!survey.platformDependencyScanning.isEmpty())
        found.insert(QStringLiteral("dependency"));
    for (const QString& kind : required) {
        if (found.contains(kind))
            continue;
        if (const QString reason = survey.notApplicableReason(kind); !reason.isEmpty()) {
            c.report(gate, &c.model.merged, nullptr, PipelineGates::notApplicablePrefix() + reason, Severity::Info);
            continue;
        }
        c.report(gate, &c.model.merged, nullptr,
                 QStringLiteral("no %1 scan in %3; expected a job running one (e.g. %2)")
                     .arg(kind == u"sast"             ? QStringLiteral("SAST")
                              : kind == u"dependency" ? QStringLiteral("dependency")
                              : kind == u"container"  ? QStringLiteral("container image")
                                                      : QStringLiteral("secret"),
                          kind == u"sast"             ? QStringLiteral("semgrep, CodeQL or GitLab's SAST template")
                              : kind == u"dependency" ? QStringLiteral("pip-audit, npm audit, snyk or trivy fs")
                              : kind == u"container"  ? QStringLiteral("trivy image or grype")
                                                      : QStringLiteral("gitleaks or trufflehog"),
                          repositoryWide ? QStringLiteral("any workflow of this repository")
                                         : QStringLiteral("this pipeline")));
    }
}

/// The security templates GitLab ships (`include: template:`), by a word of their path, and the jobs they add, as
/// GitLab's documentation names them. Their jobs run with allow_failure: true; a job of the same name in the
/// repository is merged over the template's and may set allow_failure: false.
struct SecurityTemplate
{
    const char* pathWord;
    QRegularExpression jobs;
};

const QList<SecurityTemplate>& securityTemplates()
{
    static const QList<SecurityTemplate> templates = {
        {"sast-iac", QRegularExpression(QStringLiteral("^(kics-iac-sast|iac-sast)$"))},
        {"sast", QRegularExpression(QStringLiteral("^(sast|[a-z0-9-]+-sast)$"))},
        {"secret-detection", QRegularExpression(QStringLiteral("^secret_detection$"))},
        {"dependency-scanning", QRegularExpression(QStringLiteral("^([a-z0-9-]+-)?dependency[_-]scanning$"))},
        {"container-scanning", QRegularExpression(QStringLiteral("^container_scanning$"))},
        {"dast", QRegularExpression(QStringLiteral("^dast$"))},
    };
    return templates;
}

/// The GitLab security template (as included) that defines a job of this name, empty when none does.
QString templateOf(const PipelineModel& model, const QString& job)
{
    for (const QString& include : model.unresolvedIncludes) {
        if (!include.startsWith(u"template:"))
            continue;
        const QString path = include.mid(9).toLower();
        for (const SecurityTemplate& t : securityTemplates()) {
            if (path.contains(QLatin1StringView(t.pathWord))) {
                if (t.jobs.match(job).hasMatch())
                    return include.mid(9);
                break; // SAST-IaC before SAST: one template per path
            }
        }
    }
    return {};
}

/// Whether a job is written by GitLab's own CI templates (validated as files of GitLab's repository): by the
/// templates' folder, or by GitLab's analyzer images (gitlab-org/security-products, pulled through
/// CI_TEMPLATE_REGISTRY_HOST, the registry GitLab documents as the one its templates use).
bool isGitLabTemplateJob(const PipelineModel& model, const PipelineJob& job, const QString& file)
{
    if (file.contains(u"lib/gitlab/ci/templates/"))
        return true;
    QString text;
    for (const YamlNode* node :
         {job.config.get(u"image"), job.config.get(u"variables"), model.merged.get(u"variables")}) {
        if (node)
            collectText(*node, text);
    }
    return text.contains(u"ci_template_registry_host") || text.contains(u"gitlab-org/security-products");
}

/// CircleCI has no allow_failure: a scan command made harmless by `|| true` (`|| :`, `|| exit 0`) in a run step is
/// the same choice. The command's node, or nullptr.
const YamlNode* circleciIgnoredScan(const PipelineJob& job)
{
    static const QRegularExpression scanner(
        QStringLiteral("semgrep|trivy|gitleaks|grype|snyk|pip-audit|npm audit|yarn audit|bandit|safety check|"
                       "osv-scanner|trufflehog|codeql|dependency-check|govulncheck"));
    static const QRegularExpression ignored(QStringLiteral("\\|\\|\\s*(true|:|exit\\s+0)\\s*(;|#|$)"));
    const YamlNode* steps = job.config.get(u"steps");
    if (!steps || !steps->isSequence())
        return nullptr;
    for (const YamlNode& step : steps->items) {
        const YamlNode* run = step.get(u"run");
        const YamlNode* command = run && run->isMap() ? run->get(u"command") : run;
        if (!command || !command->isScalar())
            continue;
        for (const QStringView line : QStringView(command->value).split(u'\n')) {
            const QString text = line.toString().toLower();
            if (scanner.match(text).hasMatch() && ignored.match(text).hasMatch())
                return command;
        }
    }
    return nullptr;
}

void checkSecurityBlocking(Context& c)
{
    const QString gate = QStringLiteral("security-blocking");
    if (!c.enabled(gate))
        return;
    // A repository's own allow_failure is its choice to ignore the scan (the policy's severity, an error by
    // default); one that comes from GitLab's templates is GitLab's default, reported as a warning at most.
    const Severity own = c.policy.severity(gate);
    const Severity inherited = own == Severity::Error ? Severity::Warning : own;
    // One finding per place: a template's allow_failure inherited by ten scanners is one line to change.
    QList<std::pair<const YamlNode*, QStringList>> allowed;
    QHash<const YamlNode*, const PipelineJob*> firstJob;
    QSet<QString> overridesReported;
    for (PipelineJob& job : c.model.jobs) {
        // Read through a const node: a non-const lookup copies the children the gates' model shares with the
        // analyzer's (copy-on-write), for every job.
        const YamlNode& config = job.config;
        if (c.kindsOf(job).isEmpty())
            continue;
        const YamlNode* allow = config.get(isGitHub(c.model) ? u"continue-on-error" : u"allow_failure");
        if (job.allowFailure) {
            auto it = std::find_if(allowed.begin(), allowed.end(), [allow](const auto& entry) {
                return entry.first && allow && entry.first->file == allow->file && entry.first->line == allow->line
                    && entry.first->column == allow->column;
            });
            if (it == allowed.end()) {
                allowed.append({allow, {job.baseName}});
                firstJob.insert(allow, &job);
            } else if (!it->second.contains(job.baseName)) {
                it->second.append(job.baseName);
            }
            continue;
        }
        if (!isGitHub(c.model) && !allow) {
            // An override of a template job that leaves the template's allow_failure: true in place.
            if (const QString from = templateOf(c.model, job.baseName); !from.isEmpty()) {
                if (!overridesReported.contains(job.baseName)) {
                    overridesReported.insert(job.baseName);
                    c.report(gate, nullptr, &job,
                             QStringLiteral("security job '%1' comes from GitLab's template '%2', which sets "
                                            "allow_failure: true, so a failing scan does not fail the pipeline; "
                                            "expected allow_failure: false in this job")
                                 .arg(job.baseName, from),
                             inherited);
                }
                continue;
            }
        }
        if (c.model.kind == PipelineKind::CircleCI) {
            if (const YamlNode* command = circleciIgnoredScan(job)) {
                c.report(gate, command, &job,
                         QStringLiteral("a scan of job '%1' ignores its own failure (|| true); expected the scan to "
                                        "fail the job")
                             .arg(job.baseName));
                continue;
            }
        }
        bool stepAllowed = false;
        if (const YamlNode* steps = config.get(u"steps"); steps && isGitHub(c.model)) {
            for (const YamlNode& step : steps->items) {
                if (const YamlNode* coe = step.get(u"continue-on-error"); coe && coe->toBool(false)) {
                    QString text;
                    collectText(step, text);
                    if (text.contains(u"codeql") || text.contains(u"semgrep") || text.contains(u"trivy")
                        || text.contains(u"gitleaks") || text.contains(u"snyk") || text.contains(u"grype")) {
                        stepAllowed = true;
                        c.report(gate, coe, &job,
                                 QStringLiteral("a security step of job '%1' has continue-on-error: true; expected "
                                                "it to fail the job")
                                     .arg(job.baseName));
                    }
                }
            }
        }
        if (!stepAllowed && !job.gates.contains(gate))
            job.gates.append(gate);
    }
    for (const auto& [allow, jobs] : std::as_const(allowed)) {
        const PipelineJob* job = firstJob.value(allow);
        const QString file = allow ? c.model.files.value(allow->file) : job->file;
        const QString names
            = QStringLiteral("security job%1 '%2'")
                  .arg(jobs.size() > 1 ? QStringLiteral("s") : QString(), jobs.join(QStringLiteral("', '")));
        if (isGitHub(c.model)) {
            c.report(gate, allow, job,
                     names
                         + QStringLiteral(" may fail without failing the workflow (continue-on-error: true); "
                                          "expected no continue-on-error"));
        } else if (c.model.kind == PipelineKind::Jenkins) {
            c.report(gate, allow, job,
                     names
                         + QStringLiteral(" may fail without failing the build (catchError, warnError, unstable or "
                                          "returnStatus: true); expected the scan to fail its stage"));
        } else if (isGitLabTemplateJob(c.model, *job, file)) {
            c.report(gate, allow, job,
                     names
                         + QStringLiteral(" may fail without failing the pipeline: GitLab's own template sets "
                                          "allow_failure: true; expected allow_failure: false where it is used"),
                     inherited);
        } else {
            c.report(gate, allow, job,
                     names
                         + QStringLiteral(" may fail without failing the pipeline: this repository sets "
                                          "allow_failure: true; expected allow_failure: false"));
        }
    }
}

void checkSecretsIn(Context& c, const YamlNode* variables, const PipelineJob* job)
{
    if (!variables || !variables->isMap())
        return;
    const QString gate = QStringLiteral("no-plaintext-secrets");
    for (size_t i = 0; i < variables->keys.size(); ++i) {
        const YamlNode& value = variables->items[i];
        const YamlNode& v = value.isMap() && value.get(u"value") ? *value.get(u"value") : value;
        const QString reason = PipelineGates::secretReason(variables->keys[i].value, v);
        if (!reason.isEmpty())
            c.report(gate, &v, job,
                     QStringLiteral("'%1' holds a literal %2; expected a masked CI/CD variable or a secret reference")
                         .arg(variables->keys[i].value, reason));
    }
}

void checkSecrets(Context& c)
{
    if (!c.enabled(QStringLiteral("no-plaintext-secrets")))
        return;
    const bool github = isGitHub(c.model);
    const bool circleci = c.model.kind == PipelineKind::CircleCI;
    // Variables live under env (GitHub), environment (CircleCI: the job's, its images' and its run steps') or
    // variables (GitLab).
    const QStringView key = github ? u"env" : circleci ? u"environment" : u"variables";
    if (!circleci)
        checkSecretsIn(c, c.model.merged.get(key), nullptr);
    QSet<QString> seen;
    seen.reserve(c.model.jobs.size());
    for (const PipelineJob& job : c.model.jobs) {
        if (seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        checkSecretsIn(c, job.config.get(key), &job);
        if (const YamlNode* docker = job.config.get(u"docker"); circleci && docker) {
            for (const YamlNode& image : docker->items)
                checkSecretsIn(c, image.get(u"environment"), &job);
        }
        if (const YamlNode* steps = job.config.get(u"steps"); circleci && steps) {
            for (const YamlNode& step : steps->items) {
                if (const YamlNode* run = step.get(u"run"); run && run->isMap())
                    checkSecretsIn(c, run->get(u"environment"), &job);
            }
        }
        if (const YamlNode* steps = job.config.get(u"steps"); github && steps) {
            for (const YamlNode& step : steps->items) {
                checkSecretsIn(c, step.get(u"env"), &job);
                checkSecretsIn(c, step.get(u"with"), &job);
            }
        }
    }
}

void checkImage(Context& c, const YamlNode& image, const PipelineJob* job, PipelineJob* satisfied)
{
    const QString gate = QStringLiteral("pinned-images");
    QString name = image.isMap() ? (image.get(u"name") ? image.get(u"name")->value : QString()) : image.value;
    if (name.startsWith(u"docker://"))
        name = name.mid(9);
    if (name.isEmpty() || name.contains(u'$'))
        return;
    const YamlNode& at = image.isMap() && image.get(u"name") ? *image.get(u"name") : image;
    const PinLevel level = imagePinLevel(name);
    if (level == PinLevel::Pinned) {
        if (satisfied && !satisfied->gates.contains(gate))
            satisfied->gates.append(gate);
        return;
    }
    const QString last = name.section(u'/', -1);
    if (level == PinLevel::VersionTag) {
        c.report(gate, &at, job,
                 QStringLiteral("image '%1' is not pinned: its version tag can move; a digest (@sha256:…) pins it")
                     .arg(name),
                 Severity::Info);
    } else if (!last.contains(u':')) {
        c.report(
            gate, &at, job,
            QStringLiteral("image '%1' has no tag, so it follows :latest; expected a digest (@sha256:…)").arg(name));
    } else if (last.endsWith(u":latest")) {
        c.report(gate, &at, job, QStringLiteral("image '%1' uses :latest; expected a digest (@sha256:…)").arg(name));
    } else {
        c.report(gate, &at, job,
                 QStringLiteral("image '%1' uses the floating tag '%2', which moves with every release; expected a "
                                "digest (@sha256:…)")
                     .arg(name, last.section(u':', 1)));
    }
}

void checkImages(Context& c)
{
    if (!c.enabled(QStringLiteral("pinned-images")))
        return;
    const bool github = isGitHub(c.model);
    QSet<QString> seen;
    seen.reserve(c.model.jobs.size());
    for (PipelineJob& job : c.model.jobs) {
        const YamlNode& config = job.config;
        if (seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        if (const YamlNode* docker = config.get(u"docker"); c.model.kind == PipelineKind::CircleCI) {
            // The first image is the one the steps run in; the others are services.
            for (size_t i = 0; docker && i < docker->items.size(); ++i) {
                if (const YamlNode* image = docker->items[i].get(u"image"))
                    checkImage(c, *image, &job, i == 0 ? &job : nullptr);
            }
            continue;
        }
        if (!github) {
            if (const YamlNode* image = config.get(u"image"))
                checkImage(c, *image, &job, &job);
            if (const YamlNode* services = config.get(u"services"); services && services->isSequence()) {
                for (const YamlNode& service : services->items)
                    checkImage(c, service, &job, nullptr);
            }
            continue;
        }
        if (const YamlNode* container = config.get(u"container"))
            checkImage(c,
                       container->isMap() ? (container->get(u"image") ? *container->get(u"image") : *container)
                                          : *container,
                       &job, &job);
        if (const YamlNode* services = config.get(u"services"); services && services->isMap()) {
            for (const YamlNode& service : services->items)
                checkImage(c, service.isMap() && service.get(u"image") ? *service.get(u"image") : service, &job,
                           nullptr);
        }
        if (const YamlNode* steps = config.get(u"steps")) {
            for (const YamlNode& step : steps->items) {
                if (const YamlNode* uses = step.get(u"uses"); uses && uses->value.startsWith(u"docker://"))
                    checkImage(c, *uses, &job, nullptr);
            }
        }
    }
}

void checkActions(Context& c)
{
    const QString gate = QStringLiteral("pinned-actions");
    if (!isGitHub(c.model) || !c.enabled(gate))
        return;
    for (PipelineJob& job : c.model.jobs) {
        const YamlNode& config = job.config;
        std::vector<const YamlNode*> uses;
        if (const YamlNode* u = config.get(u"uses"))
            uses.push_back(u);
        if (const YamlNode* steps = config.get(u"steps")) {
            for (const YamlNode& step : steps->items) {
                if (const YamlNode* u = step.get(u"uses"))
                    uses.push_back(u);
            }
        }
        bool allPinned = true;
        for (const YamlNode* u : uses) {
            const QString value = u->value;
            if (value.startsWith(u"./") || value.startsWith(u"docker://") || value.contains(u"${{"))
                continue;
            const QString owner = value.section(u'/', 0, 0).toLower();
            // GitHub's own actions are maintained by the platform itself.
            if (owner == u"actions" || owner == u"github")
                continue;
            const QString ref = value.section(u'@', 1);
            if (actionPinLevel(value) != PinLevel::Pinned) {
                allPinned = false;
                c.report(gate, u, &job,
                         QStringLiteral("third-party action '%1' is pinned to '%2', which can move; expected a full "
                                        "commit SHA (with the tag in a comment)")
                             .arg(value.section(u'@', 0, 0), ref));
            }
        }
        if (allPinned)
            job.gates.append(gate);
    }
}

void checkTimeouts(Context& c)
{
    const QString gate = QStringLiteral("job-timeouts");
    if (!c.enabled(gate))
        return;
    const int maxMinutes = c.policy.parameter(gate, QStringLiteral("max-minutes"), 60).toInt();
    QSet<QString> seen;
    seen.reserve(c.model.jobs.size());
    for (PipelineJob& job : c.model.jobs) {
        const YamlNode& config = job.config;
        if (seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        const YamlNode* timeout = config.get(isGitHub(c.model) ? u"timeout-minutes" : u"timeout");
        if (timeout && timeout->value.contains(u'$'))
            continue;
        if (isGitHub(c.model) && !config.contains(u"uses") && !timeout) {
            c.report(gate, nullptr, &job,
                     QStringLiteral("job '%1' has no timeout-minutes, so a hung run holds a runner for 6 hours; "
                                    "expected timeout-minutes")
                         .arg(job.baseName));
            continue;
        }
        if (timeout && job.timeoutMinutes > maxMinutes) {
            c.report(gate, timeout, &job,
                     QStringLiteral("job '%1' may run %2 minutes; the policy expects at most %3")
                         .arg(job.baseName)
                         .arg(job.timeoutMinutes)
                         .arg(maxMinutes));
            continue;
        }
        if (timeout)
            job.gates.append(gate);
    }
}

void checkPermissions(Context& c)
{
    const QString gate = QStringLiteral("restricted-permissions");
    if (!isGitHub(c.model) || !c.enabled(gate))
        return;
    const YamlNode* top = c.model.merged.get(u"permissions");
    if (top && top->isScalar() && top->value == u"write-all")
        c.report(gate, top, nullptr,
                 QStringLiteral("permissions: write-all gives every job full write access; "
                                "expected only the scopes needed"));
    for (PipelineJob& job : c.model.jobs) {
        const YamlNode& config = job.config;
        const YamlNode* own = config.get(u"permissions");
        if (own && own->isScalar() && own->value == u"write-all") {
            c.report(gate, own, &job,
                     QStringLiteral("job '%1' has permissions: write-all; expected only the scopes "
                                    "needed")
                         .arg(job.baseName));
            continue;
        }
        if (!top && !own && !config.contains(u"uses")) {
            c.report(gate, nullptr, &job,
                     QStringLiteral("job '%1' has no permissions (nor the workflow), so its token gets the "
                                    "repository default, possibly write access; expected e.g. permissions: "
                                    "{contents: read}")
                         .arg(job.baseName));
            continue;
        }
        job.gates.append(gate);
    }
}

bool isUntrusted(const QString& path)
{
    // Fields an outsider controls (GitHub Security Lab's list); base.ref and the like belong to the repository.
    static const QRegularExpression untrusted(
        QStringLiteral("^github\\.(head_ref"
                       "|event\\.(issue|pull_request|discussion)\\.(title|body)"
                       "|event\\.pull_request\\.head\\.(ref|label|repo\\.default_branch)"
                       "|event\\.(comment|review|review_comment)\\.body"
                       "|event\\.pages\\.[^.]+\\.page_name"
                       "|event\\.commits\\.[^.]+\\.(message|author\\.(email|name))"
                       "|event\\.head_commit\\.(message|author\\.(email|name))"
                       "|event\\.workflow_run\\.(head_branch|head_commit\\.(message|author\\.(email|name))|"
                       "pull_requests\\.[^.]+\\.head\\.ref))$"),
        QRegularExpression::CaseInsensitiveOption);
    return untrusted.match(path).hasMatch();
}

void checkInjection(Context& c)
{
    if (!isGitHub(c.model))
        return;
    const QString injection = QStringLiteral("script-injection");
    const QString checkout = QStringLiteral("untrusted-checkout");
    const YamlNode* on = c.model.merged.get(u"on");
    const bool prTarget = on
        && (on->isMap() ? on->contains(u"pull_request_target")
                        : on->toStringList().contains(QStringLiteral("pull_request_target")));
    for (const PipelineJob& job : c.model.jobs) {
        const YamlNode* steps = job.config.get(u"steps");
        if (!steps)
            continue;
        for (const YamlNode& step : steps->items) {
            std::vector<const YamlNode*> scripts;
            if (const YamlNode* run = step.get(u"run"))
                scripts.push_back(run);
            if (const YamlNode* uses = step.get(u"uses"); uses && uses->value.startsWith(u"actions/github-script")) {
                if (const YamlNode* with = step.get(u"with"); with && with->get(u"script"))
                    scripts.push_back(with->get(u"script"));
            }
            if (c.enabled(injection)) {
                for (const YamlNode* script : scripts) {
                    for (const auto& [offset, text] : GitHubExpression::embedded(script->value)) {
                        if (offset < 0)
                            continue;
                        for (const GitHubExpression::Access& access : GitHubExpression::parse(text).accesses) {
                            if (!isUntrusted(access.path))
                                continue;
                            c.report(injection, script, &job,
                                     QStringLiteral("'${{ %1 }}' is attacker-controlled text pasted into a script; "
                                                    "expected it passed through env: and used as \"$VAR\"")
                                         .arg(text.trimmed()));
                        }
                    }
                }
            }
            if (prTarget && c.enabled(checkout)) {
                const YamlNode* uses = step.get(u"uses");
                const YamlNode* with = step.get(u"with");
                const YamlNode* ref = with ? with->get(u"ref") : nullptr;
                if (uses && uses->value.startsWith(u"actions/checkout") && ref
                    && (ref->value.contains(u"pull_request.head") || ref->value.contains(u"head_ref")
                        || ref->value.contains(u"refs/pull/")))
                    c.report(checkout, ref, &job,
                             QStringLiteral("pull_request_target checks out the pull request's head (%1) with the "
                                            "base repository's secrets; expected pull_request, or no checkout of the "
                                            "head")
                                 .arg(ref->value));
            }
        }
    }
}

} // namespace

QStringList PipelineGates::scanKinds(const PipelineJob& job)
{
    // Only where a scanner shows itself: the name, the commands, the image, the actions and the report types.
    QString text = job.baseName.toLower() + u'\n';
    for (const QStringView key : {u"script", u"before_script", u"after_script", u"image", u"services", u"trigger",
                                  u"uses", u"steps", u"artifacts", u"name"}) {
        if (const YamlNode* value = job.config.get(key))
            collectText(*value, text);
    }
    // trivy-action scans what its scan-type says: an image by default, the checked-out files (lock files) with fs.
    if (const YamlNode* steps = job.config.get(u"steps"); steps && steps->isSequence()) {
        for (const YamlNode& step : steps->items) {
            const YamlNode* uses = step.get(u"uses");
            if (!uses || !uses->value.toLower().contains(u"trivy-action"))
                continue;
            const YamlNode* with = step.get(u"with");
            const YamlNode* type = with ? with->get(u"scan-type") : nullptr;
            const QString scanType = type ? type->value.toLower() : QStringLiteral("image");
            if (scanType == u"fs" || scanType == u"filesystem" || scanType == u"rootfs" || scanType == u"repo")
                text += QStringLiteral("trivy fs\n");
            else if (scanType == u"config")
                text += QStringLiteral("trivy config\n");
            else if (!scanType.contains(u"${{"))
                text += QStringLiteral("trivy image\n");
        }
    }
    // One pass per kind (PCRE2 JIT) instead of one substring search per tool: this runs for every job.
    static const QList<std::pair<QString, QRegularExpression>> kinds = {
        {QStringLiteral("sast"),
         QRegularExpression(
             QStringLiteral("semgrep|codeql|sast|bandit|gosec|brakeman|spotbugs|flawfinder|"
                            "sonar-scanner|sonarsource|sonar:sonar|withsonarqubeenv|cppcheck|zizmor|trivy config"))},
        {QStringLiteral("dependency"),
         QRegularExpression(QStringLiteral("dependency[_-]scanning|gemnasium|safety check|pip-audit|npm audit|"
                                           "yarn audit|snyk|cargo[ -]audit|cargo[ -]deny|osv-scanner|"
                                           "dependency-?check|dependency-review-action|govulncheck|trivy fs|"
                                           "trivy filesystem|grype dir"))},
        {QStringLiteral("container"),
         QRegularExpression(QStringLiteral("container[_-]scanning|trivy image|grype|anchore/scan-action|"
                                           "docker scout|clair"))},
        {QStringLiteral("secrets"),
         QRegularExpression(QStringLiteral("secret[_-]detection|gitleaks|trufflehog|detect-secrets|ggshield"))},
    };
    QStringList found;
    for (const auto& [kind, re] : kinds) {
        if (re.match(text).hasMatch())
            found << kind;
    }
    return found;
}

bool PipelineGates::isNotApplicable(const Diagnostic& diagnostic)
{
    return diagnostic.severity == Severity::Info && diagnostic.rule.startsWith(u"gate.")
        && diagnostic.message.startsWith(notApplicablePrefix());
}

bool PipelineGates::failsGate(const Diagnostic& diagnostic, const GatePolicy& policy)
{
    if (diagnostic.category != Category::Gate || !diagnostic.rule.startsWith(u"gate.") || isNotApplicable(diagnostic))
        return false;
    return diagnostic.severity != Severity::Info || policy.severity(diagnostic.rule.mid(5)) == Severity::Info;
}

double PipelineGates::entropy(const QString& text)
{
    if (text.isEmpty())
        return 0;
    QHash<QChar, int> counts;
    for (QChar c : text)
        ++counts[c];
    double result = 0;
    for (int n : std::as_const(counts)) {
        const double p = double(n) / double(text.size());
        result -= p * std::log2(p);
    }
    return result;
}

QString PipelineGates::secretReason(const QString& name, const YamlNode& value)
{
    if (!value.isScalar() || value.value.isEmpty())
        return {};
    const QString v = value.value;
    if (v.contains(u'$'))
        return {}; // a reference, not a literal
    static const QList<std::pair<QRegularExpression, QString>> formats = {
        {QRegularExpression(QStringLiteral("\\bgh[pousr]_[A-Za-z0-9]{36}\\b")), QStringLiteral("GitHub token")},
        {QRegularExpression(QStringLiteral("\\bgithub_pat_[A-Za-z0-9_]{40,}")), QStringLiteral("GitHub token")},
        {QRegularExpression(QStringLiteral("\\bglpat-[A-Za-z0-9_-]{20}")), QStringLiteral("GitLab token")},
        {QRegularExpression(QStringLiteral("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")), QStringLiteral("AWS access key")},
        {QRegularExpression(QStringLiteral("\\bxox[abprs]-[A-Za-z0-9-]{10,}")), QStringLiteral("Slack token")},
        {QRegularExpression(QStringLiteral("-----BEGIN [A-Z ]*PRIVATE KEY-----")), QStringLiteral("private key")},
        {QRegularExpression(QStringLiteral("\\b[sr]k_live_[A-Za-z0-9]{20,}")), QStringLiteral("Stripe key")},
        {QRegularExpression(QStringLiteral("\\bAIza[0-9A-Za-z_-]{35}\\b")), QStringLiteral("Google API key")},
    };
    for (const auto& [re, what] : formats) {
        if (re.match(v).hasMatch())
            return what;
    }
    static const QRegularExpression secretName(
        QStringLiteral("(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential)s?$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression harmless(QStringLiteral("^(true|false|yes|no|none|null|\\d+|[a-z_-]+)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (secretName.match(name).hasMatch() && v.size() >= 8 && !harmless.match(v).hasMatch() && !v.contains(u' ')
        && !v.contains(u'/'))
        return QStringLiteral("secret-looking value");
    static const QRegularExpression hexOnly(QStringLiteral("^(sha\\d+:)?[0-9a-fA-F]+$"));
    static const QRegularExpression mixed(QStringLiteral("^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])[A-Za-z0-9+/=_-]{24,}$"));
    // A name of words joined by dashes (a runner label such as "Agent-AL2023-X64-Docker-Host") is mixed-case and
    // varied but no key: random tokens rarely hold three dashes between short runs.
    const QStringList words = v.split(u'-');
    const bool dashedName = words.size() >= 4
        && std::all_of(words.cbegin(), words.cend(), [](const QString& w) { return !w.isEmpty() && w.size() <= 12; });
    if (mixed.match(v).hasMatch() && !hexOnly.match(v).hasMatch() && !dashedName && entropy(v) > 4.5)
        return QStringLiteral("high-entropy value (a key or token?)");
    return {};
}

void PipelineGates::check(PipelineModel& model, const GatePolicy& policy, QList<Diagnostic>& diagnostics,
                          const FileSource& files)
{
    Context context{model, policy, diagnostics, files, {}};
    context.scanKinds.reserve(model.jobs.size());
    checkScanning(context);
    checkSecurityBlocking(context);
    DeploymentGates::check(model, policy, diagnostics,
                           [&context](const PipelineJob& job) -> const QStringList& { return context.kindsOf(job); });
    checkSecrets(context);
    checkImages(context);
    checkActions(context);
    checkTimeouts(context);
    checkPermissions(context);
    checkInjection(context);
    for (const ExternalGate gate : externalGates())
        gate(model, policy, files, diagnostics);
}

void PipelineGates::addExternalGate(ExternalGate gate)
{
    const QMutexLocker lock(&externalGatesMutex());
    if (!externalGatesList().contains(gate))
        externalGatesList().append(gate);
}

} // namespace gatehouse::pipeline
