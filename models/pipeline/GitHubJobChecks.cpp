// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubChecks.h"
#include "KeywordTables.h"
#include "YamlReader.h"

#include <QRegularExpression>

#include <algorithm>

namespace gatehouse::pipeline::github {

namespace {

bool containsIgnoringCase(const QStringList& list, const QString& value)
{
    return list.contains(value, Qt::CaseInsensitive);
}

void checkShell(const YamlNode& shell, const Reporter& out)
{
    if (!shell.isScalar() || shell.isNull() || isExpression(shell))
        return;
    if (githubShells().contains(shell.value) || shell.value.contains(u"{0}"))
        return;
    out.report(
        shell, Severity::Error, Category::Schema, QStringLiteral("unknown-shell"),
        QStringLiteral("unknown shell '%1'%2; expected one of %3, or a command with '{0}' for the script file")
            .arg(shell.value, didYouMean(shell.value, githubShells()), githubShells().join(QStringLiteral(", "))));
}

void checkEnvNames(const YamlNode* env, const Reporter& out)
{
    if (!env || !env->isMap())
        return;
    for (const YamlNode& key : env->keys) {
        if (!key.isScalar() || isExpression(key))
            continue;
        const bool invalid = key.value.isEmpty() || std::any_of(key.value.cbegin(), key.value.cend(), [](QChar c) {
                                 return c == u'=' || c.isSpace() || c == QChar(0);
                             });
        if (invalid)
            out.report(key, Severity::Error, Category::Schema, QStringLiteral("invalid-env-name"),
                       QStringLiteral("invalid environment variable name '%1'; expected a name without '=', spaces "
                                      "or NUL")
                           .arg(key.value));
    }
}

void checkDefaults(const YamlNode* defaults, const Reporter& out)
{
    const YamlNode* run = defaults ? defaults->get(u"run") : nullptr;
    if (const YamlNode* shell = run ? run->get(u"shell") : nullptr)
        checkShell(*shell, out);
}

void checkContainer(const QString& what, const YamlNode& container, const Reporter& out)
{
    if (!container.isMap())
        return;
    checkEnvNames(container.get(u"env"), out);
    static const QRegularExpression port(
        QStringLiteral("^((\\d{1,3}\\.){3}\\d{1,3}:)?(\\d+(-\\d+)?)(:\\d+(-\\d+)?)?(/(tcp|udp))?$"));
    if (const YamlNode* ports = container.get(u"ports"); ports && ports->isSequence()) {
        for (const YamlNode& item : ports->items) {
            if (!item.isScalar() || isExpression(item) || port.match(item.value).hasMatch())
                continue;
            out.report(item, Severity::Error, Category::Schema, QStringLiteral("invalid-port"),
                       QStringLiteral("invalid port '%1' of %2; expected 'PORT', 'HOST:CONTAINER' or with '/tcp' or "
                                      "'/udp'")
                           .arg(item.value, what));
        }
    }
    if (const YamlNode* options = container.get(u"options");
        options && options->isScalar() && !isExpression(*options)) {
        static const QRegularExpression unsupported(QStringLiteral("(^|\\s)(--network|--entrypoint)(=|\\s|$)"));
        if (const QRegularExpressionMatch match = unsupported.match(options->value); match.hasMatch())
            out.report(*options, Severity::Error, Category::Schema, QStringLiteral("unsupported-container-option"),
                       QStringLiteral("'%1' in the options of %2 is not supported by GitHub (the runner sets the "
                                      "network and entrypoint itself)")
                           .arg(match.captured(2), what));
    }
    if (const YamlNode* volumes = container.get(u"volumes"); volumes && volumes->isSequence()) {
        for (const YamlNode& item : volumes->items) {
            if (item.isScalar() && !isExpression(item) && (item.value.trimmed().isEmpty() || item.value.endsWith(u':')))
                out.report(item, Severity::Error, Category::Schema, QStringLiteral("invalid-volume"),
                           QStringLiteral("invalid volume '%1' of %2; expected 'SOURCE:/container/path' or a path")
                               .arg(item.value, what));
        }
    }
}

/// GitHub creates at most 256 jobs from one matrix. Only counted when every variable is a literal list and nothing is
/// excluded (include entries only add combinations, so the product is a lower bound).
void checkMatrixSize(const QString& jobId, const YamlNode& job, const Reporter& out)
{
    const YamlNode* strategy = job.get(u"strategy");
    const YamlNode* matrix = strategy ? strategy->get(u"matrix") : nullptr;
    if (!matrix || !matrix->isMap() || matrix->contains(u"exclude"))
        return;
    double combinations = 1;
    bool any = false;
    for (size_t i = 0; i < matrix->keys.size(); ++i) {
        if (matrix->keys[i].value == u"include")
            continue;
        if (!matrix->items[i].isSequence())
            return;
        combinations *= double(matrix->items[i].items.size());
        any = true;
    }
    if (any && combinations > 256)
        out.report(*strategy->keyNode(u"matrix"), Severity::Error, Category::Semantic,
                   QStringLiteral("matrix-too-large"),
                   QStringLiteral("the matrix of job '%1' makes %2 jobs; GitHub allows at most 256 per matrix")
                       .arg(jobId)
                       .arg(qint64(combinations)));
}

const QRegularExpression& commandPattern()
{
    static const QRegularExpression pattern(QStringLiteral("::(set-output|save-state|set-env|add-path)\\b"));
    return pattern;
}

} // namespace

void checkRunsOn(const YamlNode& runsOn, const YamlNode* matrix, const QStringList& declaredLabels, bool labelsDeclared,
                 const Reporter& out)
{
    // `runs-on: ${{ matrix.os }}`: every literal value of the matrix key is a runs-on of its own.
    static const QRegularExpression matrixKey(
        QStringLiteral("^\\$\\{\\{\\s*matrix\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*\\}\\}$"));
    if (const QRegularExpressionMatch match
        = runsOn.isScalar() ? matrixKey.match(runsOn.value) : QRegularExpressionMatch();
        match.hasMatch() && matrix && matrix->isMap()) {
        const QString key = match.captured(1);
        for (size_t i = 0; i < matrix->keys.size(); ++i) {
            const YamlNode& values = matrix->items[i];
            if (matrix->keys[i].value.compare(key, Qt::CaseInsensitive) == 0 && values.isSequence()) {
                for (const YamlNode& value : values.items)
                    checkRunsOn(value, nullptr, declaredLabels, labelsDeclared, out);
            } else if (matrix->keys[i].value == u"include" && values.isSequence()) {
                for (const YamlNode& entry : values.items) {
                    for (size_t k = 0; entry.isMap() && k < entry.keys.size(); ++k) {
                        if (entry.keys[k].value.compare(key, Qt::CaseInsensitive) == 0)
                            checkRunsOn(entry.items[k], nullptr, declaredLabels, labelsDeclared, out);
                    }
                }
            }
        }
        return;
    }
    const YamlNode* labels = &runsOn;
    if (runsOn.isMap()) {
        // A runner group has labels of its own that only the organisation knows.
        if (runsOn.contains(u"group") && !labelsDeclared)
            return;
        labels = runsOn.get(u"labels");
        if (!labels)
            return;
    }
    const YamlNodeList items = labels->isSequence() ? labels->items : YamlNodeList{*labels};
    bool selfHosted = false;
    for (const YamlNode& item : items)
        selfHosted = selfHosted || (item.isScalar() && item.value.compare(u"self-hosted", Qt::CaseInsensitive) == 0);
    for (const YamlNode& item : items) {
        if (!item.isScalar() || item.isNull() || isExpression(item))
            continue;
        const QString& label = item.value;
        if (const QString replacement = githubRetiredRunnerReplacement(label); !replacement.isEmpty()) {
            out.report(item, Severity::Error, Category::Semantic, QStringLiteral("runner-retired"),
                       QStringLiteral("the runner label '%1' was retired by GitHub, jobs on it never start; use '%2' "
                                      "(or a '-latest' label)")
                           .arg(label, replacement));
            continue;
        }
        if (const QString replacement = githubDeprecatedRunnerReplacement(label); !replacement.isEmpty()) {
            out.report(item, Severity::Warning, Category::Semantic, QStringLiteral("runner-deprecated"),
                       QStringLiteral("the runner label '%1' is deprecated and will be retired by GitHub; move to "
                                      "'%2'")
                           .arg(label, replacement));
            continue;
        }
        if (containsIgnoringCase(githubRunnerLabels(), label) || containsIgnoringCase(declaredLabels, label)
            || (selfHosted && containsIgnoringCase(githubSelfHostedLabels(), label)))
            continue;
        if (selfHosted && !labelsDeclared)
            continue; // the repository has not told which labels its runners carry
        // A near miss of a hosted label is a typo; anything else may be a larger runner the organisation named.
        QString typo = closestMatch(label, githubRunnerLabels());
        if (!typo.isEmpty() && editDistance(label.toLower(), typo) > 2)
            typo.clear();
        const bool error = labelsDeclared || !typo.isEmpty();
        out.report(item, error ? Severity::Error : Severity::Warning, Category::Semantic,
                   QStringLiteral("unknown-runner-label"),
                   QStringLiteral("'%1' is not a standard GitHub-hosted runner label%2%3; expected one of %4, or, "
                                  "for a larger or self-hosted runner, its labels declared under runners: "
                                  "self-hosted-labels in .gatehouse/config.yml")
                       .arg(label, typo.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(typo),
                            labelsDeclared ? QStringLiteral(" nor declared in .gatehouse/config.yml") : QString(),
                            QStringLiteral("ubuntu-latest, windows-latest, macos-latest")));
    }
}

void checkWorkflowValues(const YamlNode& root, const Reporter& out)
{
    checkEnvNames(root.get(u"env"), out);
    checkDefaults(root.get(u"defaults"), out);
}

void checkJobValues(const QString& jobId, const YamlNode& job, const Reporter& out)
{
    // Container jobs and service containers run only on Linux runners.
    const YamlNode* runsOn = job.get(u"runs-on");
    const QStringList labels = runsOn ? runsOn->toStringList() : QStringList();
    for (const QString& label : labels) {
        if (!(label.startsWith(u"windows-", Qt::CaseInsensitive) || label.startsWith(u"macos-", Qt::CaseInsensitive))
            || !containsIgnoringCase(githubRunnerLabels(), label))
            continue;
        for (const char* key : {"container", "services"}) {
            if (const YamlNode* at = job.keyNode(QString::fromLatin1(key)))
                out.report(*at, Severity::Error, Category::Semantic, QStringLiteral("container-needs-linux"),
                           QStringLiteral("job '%1' sets '%2', but runs on '%3'; containers run only on Linux "
                                          "runners (e.g. ubuntu-latest)")
                               .arg(jobId, QLatin1StringView(key), label));
        }
        break;
    }
    checkEnvNames(job.get(u"env"), out);
    checkDefaults(job.get(u"defaults"), out);
    checkMatrixSize(jobId, job, out);
    if (const YamlNode* outputs = job.get(u"outputs"))
        checkIds(*outputs, QStringLiteral("output of job '%1'").arg(jobId), out);
    if (const YamlNode* container = job.get(u"container"))
        checkContainer(QStringLiteral("the container of job '%1'").arg(jobId), *container, out);
    if (const YamlNode* services = job.get(u"services"); services && services->isMap()) {
        for (size_t i = 0; i < services->keys.size(); ++i)
            checkContainer(QStringLiteral("service '%1' of job '%2'").arg(services->keys[i].value, jobId),
                           services->items[i], out);
    }
}

void checkStepValues(const QString& jobId, const YamlNode& step, const Reporter& out)
{
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (const YamlNode* id = step.get(u"id");
        id && id->isScalar() && !isExpression(*id) && !id->isNull() && !validId.match(id->value).hasMatch())
        out.report(*id, Severity::Error, Category::Schema, QStringLiteral("invalid-step-id"),
                   QStringLiteral("step id '%1' of job '%2' is invalid; expected letters, digits, '-' and '_', "
                                  "starting with a letter or '_'")
                       .arg(id->value, jobId));
    if (const YamlNode* shell = step.get(u"shell"))
        checkShell(*shell, out);
    checkEnvNames(step.get(u"env"), out);
    if (const YamlNode* uses = step.get(u"uses"); uses && uses->isScalar()
        && uses->value.contains(QStringLiteral(".github/workflows/"))
        && (uses->value.contains(QStringLiteral(".yml")) || uses->value.contains(QStringLiteral(".yaml"))))
        out.report(*uses, Severity::Error, Category::Semantic, QStringLiteral("workflow-as-step"),
                   QStringLiteral("a step of job '%1' uses the workflow '%2'; a reusable workflow is called by a job "
                                  "('jobs.<id>.uses'), not by a step")
                       .arg(jobId, uses->value));
    if (step.contains(u"uses")) {
        if (const YamlNode* directory = step.keyNode(u"working-directory"))
            out.report(*directory, Severity::Error, Category::Schema, QStringLiteral("working-directory-with-uses"),
                       QStringLiteral("a step of job '%1' sets 'working-directory' with 'uses'; it only applies to "
                                      "'run' steps")
                           .arg(jobId));
        if (const YamlNode* shell = step.keyNode(u"shell"))
            out.report(*shell, Severity::Error, Category::Schema, QStringLiteral("shell-with-uses"),
                       QStringLiteral("a step of job '%1' sets 'shell' with 'uses'; it only applies to 'run' steps")
                           .arg(jobId));
    }
    const YamlNode* run = step.get(u"run");
    if (!run || !run->isScalar())
        return;
    QRegularExpressionMatchIterator it = commandPattern().globalMatch(run->value);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString command = match.captured(1);
        const bool disabled = command == u"set-env" || command == u"add-path";
        const QString file = command == u"set-output" ? QStringLiteral("$GITHUB_OUTPUT")
            : command == u"save-state"                ? QStringLiteral("$GITHUB_STATE")
            : command == u"set-env"                   ? QStringLiteral("$GITHUB_ENV")
                                                      : QStringLiteral("$GITHUB_PATH");
        const QString example = command == u"add-path" ? QStringLiteral("echo \"/some/dir\" >> \"%1\"").arg(file)
                                                       : QStringLiteral("echo \"name=value\" >> \"%1\"").arg(file);
        out.reportAt(*run, int(match.capturedStart(0)), disabled ? Severity::Error : Severity::Warning,
                     QStringLiteral("deprecated-command"),
                     QStringLiteral("the workflow command '::%1' is %2; write to %3 instead: %4")
                         .arg(command,
                              disabled ? QStringLiteral("disabled (it fails the step)")
                                       : QStringLiteral("deprecated and will stop working"),
                              file, example));
    }
}

void checkActionMetadata(const YamlNode& action, const Reporter& out)
{
    const YamlNode* runs = action.get(u"runs");
    const YamlNode* using_ = runs ? runs->get(u"using") : nullptr;
    if (!using_ || !using_->isScalar() || using_->isNull())
        return;
    const QString kind = using_->value;
    const auto require = [&](const char* key, const char* why) {
        if (!runs->contains(QString::fromLatin1(key)))
            out.report(*runs->keyNode(u"using"), Severity::Error, Category::Schema, QStringLiteral("missing-key"),
                       QStringLiteral("an action with 'using: %1' needs 'runs.%2' (%3)")
                           .arg(kind, QLatin1StringView(key), QLatin1StringView(why)));
    };
    if (kind == u"node20" || kind == u"node24") {
        require("main", "the script to run");
    } else if (kind == u"node12" || kind == u"node16") {
        out.report(*using_, Severity::Warning, Category::Semantic, QStringLiteral("deprecated-runtime"),
                   QStringLiteral("'using: %1' is a retired Node.js runtime that GitHub no longer offers; the action "
                                  "runs on a newer one, expected node20 or node24")
                       .arg(kind));
        require("main", "the script to run");
    } else if (kind == u"docker") {
        require("image", "a Dockerfile or 'docker://image'");
    } else if (kind == u"composite") {
        require("steps", "the steps to run");
        const YamlNode* steps = runs->get(u"steps");
        for (const YamlNode& step : steps && steps->isSequence() ? steps->items : YamlNodeList()) {
            // A composite action has no defaults: every run step names its shell.
            if (step.isMap() && step.contains(u"run") && !step.contains(u"shell"))
                out.report(*step.keyNode(u"run"), Severity::Error, Category::Schema,
                           QStringLiteral("composite-run-without-shell"),
                           QStringLiteral("a run step of a composite action needs 'shell' (bash, pwsh, ...)"));
        }
    } else {
        const QStringList kinds = KeywordTables::enumNames("node20|node24|docker|composite");
        out.report(*using_, Severity::Error, Category::Schema, QStringLiteral("invalid-value"),
                   QStringLiteral("invalid 'runs.using: %1'%2; expected one of: %3")
                       .arg(kind, didYouMean(kind, kinds), kinds.join(QStringLiteral(", "))));
    }
}

QStringList selfHostedLabels(const FileSource& files, bool* declared)
{
    *declared = false;
    if (!files.read)
        return {};
    const Result<QByteArray> content = files.read(QStringLiteral(".gatehouse/config.yml"));
    if (!content.ok())
        return {};
    YamlDocumentSet set = readYaml(content.value(), QStringLiteral(".gatehouse/config.yml"));
    if (!set.ok || set.documents.empty())
        return {};
    const YamlNode* runners = set.documents.front().get(u"runners");
    const YamlNode* labels = runners ? runners->get(u"self-hosted-labels") : nullptr;
    if (!labels)
        return {};
    *declared = true;
    return labels->toStringList();
}

} // namespace gatehouse::pipeline::github
