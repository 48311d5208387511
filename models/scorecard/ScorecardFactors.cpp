// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScorecardFactors.h"

#include "ScorecardFacts.h"

#include "classify/RepositoryClassifier.h"
#include "common/Statistics.h"
#include "delivery/DeliveryAnalysis.h"
#include "delivery/DoraMetrics.h"
#include "git/Repository.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/Pinning.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineGates.h"
#include "pipeline/PipelineValidator.h"
#include "pipeline/ScanApplicability.h"
#include "pipeline/workspace/BufferValidation.h"
#include "runs/RunHistory.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include "pipeline/YamlReader.h"

namespace gatehouse::scorecard {

namespace {

constexpr qint64 kThirtyDays = 30LL * 24 * 3600;

// --- the factors ------------------------------------------------------------------------------------------------

FactorResult factor(const char* id, const char* name)
{
    FactorResult result;
    result.id = QString::fromLatin1(id);
    result.name = QString::fromLatin1(name);
    return result;
}

FactorResult codebase(const ScorecardInputs& inputs, const QStringList& pipelineFiles)
{
    FactorResult result = factor("I", "Codebase");
    int conventional = 0;
    QString example;
    for (const QString& subject : inputs.recentSubjects) {
        if (Scorecard::isConventionalSubject(subject))
            ++conventional;
        else if (example.isEmpty())
            example = subject;
    }
    const qsizetype total = inputs.recentSubjects.size();
    const double share = total > 0 ? double(conventional) / double(total) : 0.0;
    result.sources = pipelineFiles;
    QString commits = total > 0 ? QStringLiteral("%1 of the last %2 non-merge commits (%3 %) follow Conventional "
                                                 "Commits")
                                      .arg(conventional)
                                      .arg(total)
                                      .arg(share * 100, 0, 'f', 0)
                                : QStringLiteral("no commits");
    if (!example.isEmpty())
        commits += QStringLiteral(" (e.g. not: \"%1\")").arg(example.left(60));
    const QString configs = pipelineFiles.isEmpty()
        ? QStringLiteral("no pipeline configuration is tracked")
        : QStringLiteral("%1 pipeline configuration file(s) tracked").arg(pipelineFiles.size());
    result.evidence = configs + QStringLiteral("; ") + commits + QLatin1Char('.');
    result.link = pipelineFiles.isEmpty() ? SourceLink::toPage(QStringLiteral("pipelines"))
                                          : SourceLink::file(QStringLiteral("pipelines"), pipelineFiles.first());
    if (pipelineFiles.isEmpty() || total == 0 || share < 0.5)
        result.status = FactorStatus::Fail;
    else
        result.status = share >= 0.8 ? FactorStatus::Pass : FactorStatus::Warn;
    return result;
}

bool requirementsPinned(const QByteArray& content, QString* firstLoose, int* looseLine = nullptr)
{
    bool any = false;
    int number = 0;
    for (QString line : QString::fromUtf8(content).split(QLatin1Char('\n'))) {
        ++number;
        line = line.section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.endsWith(QLatin1Char('\\')))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('-')))
            continue;
        any = true;
        if (!line.contains(QLatin1String("=="))) {
            *firstLoose = line;
            if (looseLine)
                *looseLine = number;
            return false;
        }
    }
    return any;
}

FactorResult dependencies(const ScorecardInputs& inputs)
{
    FactorResult result = factor("II", "Dependencies");
    const QSet<QString> files(inputs.files.cbegin(), inputs.files.cend());
    static const QHash<QString, QStringList> locks{
        {QStringLiteral("package.json"),
         {QStringLiteral("package-lock.json"), QStringLiteral("yarn.lock"), QStringLiteral("pnpm-lock.yaml"),
          QStringLiteral("npm-shrinkwrap.json"), QStringLiteral("bun.lockb")}},
        {QStringLiteral("go.mod"), {QStringLiteral("go.sum")}},
        {QStringLiteral("Cargo.toml"), {QStringLiteral("Cargo.lock")}},
        {QStringLiteral("Gemfile"), {QStringLiteral("Gemfile.lock")}},
        {QStringLiteral("composer.json"), {QStringLiteral("composer.lock")}},
        {QStringLiteral("Pipfile"), {QStringLiteral("Pipfile.lock")}},
        {QStringLiteral("pyproject.toml"),
         {QStringLiteral("poetry.lock"), QStringLiteral("uv.lock"), QStringLiteral("pdm.lock")}},
    };
    int manifests = 0;
    int locked = 0;
    QStringList loose;
    SourceLink looseLink; // the first manifest that is not locked
    for (const QString& path : inputs.files) {
        if (isVendored(path))
            continue;
        const QString name = QFileInfo(path).fileName();
        const QString dir = dirOf(path);
        if (name.startsWith(QLatin1String("requirements")) && name.endsWith(QLatin1String(".txt"))) {
            ++manifests;
            QString firstLoose;
            int looseLine = 0;
            if (requirementsPinned(inputs.contents.value(path), &firstLoose, &looseLine)) {
                ++locked;
                result.sources.append(path);
            } else {
                loose.append(firstLoose.isEmpty() ? path : QStringLiteral("%1 (%2)").arg(path, firstLoose));
                if (looseLink.path.isEmpty())
                    looseLink = SourceLink::file(QStringLiteral("pipelines"), path, looseLine);
            }
            continue;
        }
        const auto lockNames = locks.constFind(name);
        if (lockNames == locks.constEnd())
            continue;
        // A pyproject.toml that only configures tools declares no dependencies.
        if (name == QLatin1String("pyproject.toml")
            && !inputs.contents.value(path).contains(QByteArrayLiteral("dependencies")))
            continue;
        ++manifests;
        bool found = false;
        for (const QString& lock : lockNames.value()) {
            // Workspaces keep one lock file at the root.
            if (files.contains(dir + lock) || files.contains(lock)) {
                found = true;
                result.sources.append(files.contains(dir + lock) ? dir + lock : lock);
                break;
            }
        }
        if (!found && name == QLatin1String("pyproject.toml")) {
            for (const QString& other : inputs.files) {
                QString ignored;
                if (dirOf(other) == dir && QFileInfo(other).fileName().startsWith(QLatin1String("requirements"))
                    && requirementsPinned(inputs.contents.value(other), &ignored)) {
                    found = true;
                    break;
                }
            }
        }
        if (found) {
            ++locked;
        } else {
            loose.append(path);
            if (looseLink.path.isEmpty())
                looseLink = SourceLink::file(QStringLiteral("pipelines"), path);
        }
    }
    if (manifests == 0) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No dependency manifest found.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    result.evidence
        = QStringLiteral("%1 of %2 dependency manifest(s) locked or fully pinned").arg(locked).arg(manifests);
    result.link = !looseLink.path.isEmpty() ? looseLink
        : result.sources.isEmpty()          ? SourceLink::toPage(QStringLiteral("pipelines"))
                                            : SourceLink::file(QStringLiteral("pipelines"), result.sources.first());
    if (!loose.isEmpty())
        result.evidence += QStringLiteral("; not: %1").arg(loose.mid(0, 3).join(QLatin1String(", ")));
    result.evidence += QLatin1Char('.');
    result.status = locked == manifests ? FactorStatus::Pass : (locked > 0 ? FactorStatus::Warn : FactorStatus::Fail);
    return result;
}

FactorResult buildReleaseRun(const PipelineFacts& facts)
{
    FactorResult result = factor("V", "Pinned builds");
    int strong = 0;
    int tag = 0;
    QStringList floating;
    const Reference* worst = nullptr; // the first floating reference, else the first tag-only one
    for (const Reference& reference : facts.references) {
        if (reference.pin == pipeline::PinLevel::Pinned)
            ++strong;
        else if (reference.pin == pipeline::PinLevel::VersionTag)
            ++tag;
        else
            floating.append(QStringLiteral("%1:%2 %3").arg(reference.path).arg(reference.line).arg(reference.text));
        if (reference.pin != pipeline::PinLevel::Pinned
            && (!worst
                || (worst->pin == pipeline::PinLevel::VersionTag && reference.pin == pipeline::PinLevel::Floating)))
            worst = &reference;
        if (!result.sources.contains(reference.path))
            result.sources.append(reference.path);
    }
    if (facts.references.isEmpty()) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No container image or action reference in the pipeline configuration.");
        return result;
    }
    result.evidence = QStringLiteral("%1 image/action reference(s): %2 pinned by digest or commit SHA, %3 by an exact "
                                     "version tag only, %4 floating")
                          .arg(facts.references.size())
                          .arg(strong)
                          .arg(tag)
                          .arg(floating.size());
    if (!floating.isEmpty())
        result.evidence += QStringLiteral(" (%1%2)").arg(floating.mid(0, 3).join(QLatin1String("; ")),
                                                         floating.size() > 3 ? QStringLiteral("; …") : QString());
    result.evidence += QLatin1Char('.');
    const Reference& shown = worst ? *worst : facts.references.first();
    result.link = SourceLink::file(QStringLiteral("pipelines"), shown.path, shown.line);
    result.status = !floating.isEmpty() ? FactorStatus::Fail : (tag > 0 ? FactorStatus::Warn : FactorStatus::Pass);
    return result;
}

FactorResult processes(const delivery::DeploymentHistory& history)
{
    FactorResult result = factor("VI", "Rollback points");
    const QList<int> production = history.indexesOf(QStringLiteral("production"));
    int rollbacks = 0;
    for (int index : production) {
        if (history.deployments.at(index).rollback)
            ++rollbacks;
    }
    if (production.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("No production deployment tag: nothing to roll back to.");
        result.link = SourceLink::toPage(QStringLiteral("deployments"));
        return result;
    }
    const delivery::Deployment& last = history.deployments.at(production.last());
    result.sources.append(QStringLiteral("refs/tags/") + last.tag);
    result.link = SourceLink::tag(QStringLiteral("deployments"), last.tag);
    result.evidence = QStringLiteral("%1 production deployment tag(s) are rollback points (last: %2, %3); %4 "
                                     "rollback(s) recorded.")
                          .arg(production.size())
                          .arg(last.tag, last.time.toUTC().toString(Qt::ISODate))
                          .arg(rollbacks);
    result.status = production.size() >= 2 ? FactorStatus::Pass : FactorStatus::Warn;
    return result;
}

// "path:line: message" (GateOutcome::firstProblem) as a link to that line.
SourceLink problemLink(const QString& problem)
{
    static const QRegularExpression pattern(QStringLiteral("\\A([^:]+):(\\d+):"));
    const QRegularExpressionMatch match = pattern.match(problem);
    if (!match.hasMatch())
        return SourceLink::toPage(QStringLiteral("pipelines"));
    return SourceLink::file(QStringLiteral("pipelines"), match.captured(1), match.captured(2).toInt());
}

// The pipeline engine's gates of one factor: an error-severity finding fails, a warning warns.
FactorResult gateFactor(const ScorecardInputs& inputs, const char* id, const char* name, const QString& focus)
{
    FactorResult result = factor(id, name);
    if (inputs.pipelinesValidated == 0) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline to check.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    int enabled = 0;
    int passing = 0;
    int errors = 0;
    int warnings = 0;
    QStringList problems;
    QStringList disabled;
    QString firstError; // an error is worth more than a warning as the place to look
    QString firstWarning;
    for (const GateOutcome& gate : inputs.gates) {
        if (gate.factor != result.id)
            continue;
        if (!gate.enabled) {
            disabled.append(gate.gate);
            continue;
        }
        ++enabled;
        errors += gate.errors;
        warnings += gate.warnings;
        if (gate.errors == 0 && gate.warnings == 0)
            ++passing;
        else
            problems.append(QStringLiteral("%1 (%2)").arg(gate.gate, gate.firstProblem));
        QString& first = gate.errors > 0 ? firstError : firstWarning;
        if (first.isEmpty() && (gate.errors > 0 || gate.warnings > 0))
            first = gate.firstProblem;
    }
    result.sources = {QStringLiteral(".gatehouse/policy.yml")};
    const QString firstProblem = firstError.isEmpty() ? firstWarning : firstError;
    result.link = !firstProblem.isEmpty() ? problemLink(firstProblem)
        : inputs.contents.contains(QStringLiteral(".gatehouse/policy.yml"))
        ? SourceLink::file(QStringLiteral("pipelines"), QStringLiteral(".gatehouse/policy.yml"))
        : SourceLink::toPage(QStringLiteral("pipelines"));
    if (enabled == 0) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("Every gate of this factor is disabled in the policy (%1).")
                              .arg(disabled.join(QLatin1String(", ")));
        return result;
    }
    result.evidence = QStringLiteral("%1 of %2 enabled gate(s) pass over %3 pipeline(s)")
                          .arg(passing)
                          .arg(enabled)
                          .arg(inputs.pipelinesValidated);
    if (!problems.isEmpty())
        result.evidence += QStringLiteral("; failing: %1").arg(problems.mid(0, 3).join(QLatin1String("; ")));
    if (!disabled.isEmpty())
        result.evidence += QStringLiteral("; disabled: %1").arg(disabled.join(QLatin1String(", ")));
    result.evidence += QLatin1Char('.');
    if (!focus.isEmpty())
        result.evidence += QLatin1Char(' ') + focus;
    result.status = errors > 0 ? FactorStatus::Fail : (warnings > 0 ? FactorStatus::Warn : FactorStatus::Pass);
    return result;
}

FactorResult compliance(const ScorecardInputs& inputs)
{
    const QString path = QStringLiteral(".gatehouse/policy.yml");
    if (!inputs.contents.contains(path)) {
        FactorResult result = factor("VIII", "Compliance");
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("No policy file (.gatehouse/policy.yml): release gates are not written down.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    FactorResult result = gateFactor(inputs, "VIII", "Compliance", {});
    if (!inputs.policyProblems.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("%1 has problems: %2.")
                              .arg(path, inputs.policyProblems.mid(0, 3).join(QLatin1String("; ")));
        static const QRegularExpression line(QStringLiteral("\\Aline (\\d+):"));
        result.link = SourceLink::file(QStringLiteral("pipelines"), path,
                                       line.match(inputs.policyProblems.first()).captured(1).toInt());
    } else if (result.status == FactorStatus::NotApplicable) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("%1 exists, but there is no pipeline that could enforce it.").arg(path);
        result.link = SourceLink::file(QStringLiteral("pipelines"), path);
    } else {
        result.evidence = path + QStringLiteral(" exists; ") + result.evidence;
    }
    result.sources = {path};
    return result;
}

FactorResult disposability(const PipelineFacts& facts, const QStringList& pipelineFiles)
{
    FactorResult result = factor("IX", "Reuse");
    if (pipelineFiles.isEmpty()) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline configuration.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    result.sources = pipelineFiles;
    result.link = facts.reuseLink.path.isEmpty() ? SourceLink::file(QStringLiteral("pipelines"), pipelineFiles.first())
                                                 : facts.reuseLink;
    if (!facts.reuse) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("No include, extends, YAML anchor or reusable workflow: every job is written "
                                         "out in full.");
        return result;
    }
    result.status = FactorStatus::Pass;
    result.evidence = QStringLiteral("Pipeline definitions are reused: %1.")
                          .arg(facts.reuseEvidence.mid(0, 4).join(QLatin1String("; ")));
    return result;
}

FactorResult parity(const ScorecardInputs& inputs)
{
    FactorResult result = factor("X", "Telemetry");
    const QDateTime since = inputs.now.addSecs(-kThirtyDays);
    int deployments = 0;
    const delivery::Deployment* latest = nullptr;
    for (const delivery::Deployment& d : inputs.deployments.deployments) {
        if (d.time >= since && d.time <= inputs.now) {
            ++deployments;
            if (!latest || d.time >= latest->time)
                latest = &d;
        }
    }
    int scans = 0;
    for (const QDateTime& time : inputs.scanTimes) {
        if (time >= since && time <= inputs.now)
            ++scans;
    }
    result.evidence = QStringLiteral("In the 30 days to %1: %2 deployment(s) and %3 scan(s) recorded.")
                          .arg(inputs.now.toUTC().toString(Qt::ISODate))
                          .arg(deployments)
                          .arg(scans);
    result.sources
        = {QStringLiteral("refs/tags"), QStringLiteral("refs/notes/gatehouse-scans"), QStringLiteral("reports/")};
    result.link = latest ? SourceLink::tag(QStringLiteral("deployments"), latest->tag)
        : scans > 0      ? SourceLink::toPage(QStringLiteral("security"))
                         : SourceLink::toPage(QStringLiteral("deployments"));
    result.status = deployments > 0 && scans > 0
        ? FactorStatus::Pass
        : (deployments > 0 || scans > 0 ? FactorStatus::Warn : FactorStatus::Fail);
    return result;
}

FactorResult logs(const ScorecardInputs& inputs)
{
    FactorResult result = factor("XI", "Triage decisions");
    const QString path = QStringLiteral(".gatehouse/triage.yml");
    if (!inputs.contents.contains(path)) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("No triage file (.gatehouse/triage.yml): no decision about a finding is "
                                         "recorded.");
        result.link = SourceLink::toPage(QStringLiteral("security"));
        return result;
    }
    result.sources.append(path);
    result.link = SourceLink::file(QStringLiteral("security"), path);
    int decisions = 0;
    const pipeline::YamlDocumentSet read = pipeline::readYaml(inputs.contents.value(path), path);
    if (!read.ok) {
        const auto error = std::find_if(read.diagnostics.cbegin(), read.diagnostics.cend(),
                                        [](const auto& d) { return d.severity == pipeline::Severity::Error; });
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("%1 is not valid YAML (line %2: %3).")
                              .arg(path)
                              .arg(error != read.diagnostics.cend() ? error->line : 0)
                              .arg(error != read.diagnostics.cend() ? error->message : QString());
        return result;
    }
    if (!read.documents.empty()) {
        const pipeline::YamlNode& root = read.documents.front();
        if (root.isSequence()) {
            decisions = int(root.size());
        } else if (root.isMap()) {
            for (const char16_t* key : {u"findings", u"decisions", u"triage", u"entries"}) {
                if (const pipeline::YamlNode* list = root.get(QStringView(key)); list && list->isSequence()) {
                    decisions = int(list->size());
                    break;
                }
            }
        }
    }
    result.status = decisions > 0 ? FactorStatus::Pass : FactorStatus::Warn;
    result.evidence = QStringLiteral("%1 records %2 triage decision(s).").arg(path).arg(decisions);
    return result;
}

FactorResult adminProcesses(const PipelineFacts& facts)
{
    FactorResult result = factor("XII", "Orchestration");
    if (!facts.gitlabStages) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No GitLab pipeline with stages; the order of GitHub jobs (needs) is checked "
                                         "by the pipeline engine.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    result.sources.append(facts.gitlabPath);
    result.link = SourceLink::file(QStringLiteral("pipelines"), facts.gitlabPath, facts.stagesLine);
    // Category of a stage name, first match wins ("security-test" is security).
    static const QList<QPair<QString, QRegularExpression>> categories{
        {QStringLiteral("security"), QRegularExpression(QStringLiteral("sast|secur|scan|secret|audit|dependenc|vuln"))},
        {QStringLiteral("validate"), QRegularExpression(QStringLiteral("validat|lint|check|verify|static|format"))},
        {QStringLiteral("test"), QRegularExpression(QStringLiteral("test|qa|e2e|integration"))},
        {QStringLiteral("deploy"),
         QRegularExpression(QStringLiteral("deploy|release|production|staging|publish|rollout"))},
    };
    QHash<QString, int> first;
    const QStringList& stages = *facts.gitlabStages;
    for (int i = 0; i < stages.size(); ++i) {
        for (const auto& category : categories) {
            if (category.second.match(stages.at(i).toLower()).hasMatch()) {
                if (!first.contains(category.first))
                    first.insert(category.first, i);
                break;
            }
        }
    }
    const QStringList order{QStringLiteral("validate"), QStringLiteral("security"), QStringLiteral("test"),
                            QStringLiteral("deploy")};
    QStringList missing;
    int previous = -1;
    bool ordered = true;
    for (const QString& category : order) {
        if (!first.contains(category)) {
            missing.append(category);
            continue;
        }
        if (first.value(category) < previous)
            ordered = false;
        previous = first.value(category);
    }
    result.evidence = QStringLiteral("Stages: %1.").arg(stages.join(QStringLiteral(" → ")));
    if (!ordered) {
        result.status = FactorStatus::Fail;
        result.evidence += QStringLiteral(" Not in the order validate → security → test → deploy.");
    } else if (!missing.isEmpty()) {
        result.status = FactorStatus::Warn;
        result.evidence += QStringLiteral(" No %1 stage.").arg(missing.join(QLatin1String(", ")));
    } else {
        result.status = FactorStatus::Pass;
    }
    return result;
}

// A committed environment file holds configuration (and often secrets) in the code; the templates do not.
bool isEnvironmentFile(const QString& path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    if (name != QLatin1String(".env") && !name.startsWith(QLatin1String(".env.")))
        return false;
    static const QRegularExpression templates(QStringLiteral("\\.(example|sample|template|tmpl|dist|defaults?)\\b"));
    return !templates.match(name).hasMatch();
}

// An IP address or a host named for one environment (staging, prod, ...) written into a script line; empty if none.
QString hardCodedTarget(const QString& line)
{
    static const QRegularExpression ip(QStringLiteral("(?<![\\w.-])((?:\\d{1,3}\\.){3}\\d{1,3})(?![\\w.])"));
    static const QRegularExpression url(QStringLiteral("\\b[a-z][a-z0-9+.-]*://([A-Za-z0-9.-]+)"));
    static const QRegularExpression remote(
        QStringLiteral("\\b(?:ssh|scp|rsync|sftp)\\b.*?\\b[\\w.-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"));
    static const QRegularExpression environmentLabel(
        QStringLiteral("(?:^|[.-])(staging|stage|stg|prod|production|preprod|uat|qa|dev|internal|intranet|corp)"
                       "(?:[.-]|\\d|$)"));
    const QString code = line.trimmed();
    if (code.startsWith(QLatin1Char('#')))
        return {};
    for (auto it = ip.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (code.left(match.capturedStart()).endsWith(QLatin1String("==")))
            continue; // a pinned version (pkg==1.2.3.4)
        const QStringList octets = match.captured(1).split(QLatin1Char('.'));
        bool valid = true;
        for (const QString& octet : octets)
            valid = valid && octet.toInt() <= 255;
        const QString address = match.captured(1);
        if (valid && !address.startsWith(QLatin1String("127.")) && address != QLatin1String("0.0.0.0")
            && !address.startsWith(QLatin1String("255.")))
            return address;
    }
    for (auto it = url.globalMatch(code); it.hasNext();) {
        const QString host = it.next().captured(1).toLower();
        if (environmentLabel.match(host).hasMatch())
            return host;
    }
    if (const QRegularExpressionMatch match = remote.match(code); match.hasMatch())
        return match.captured(1);
    return {};
}

// III: configuration lives in the environment (CI variables, deploy-time settings), not in the code: no committed
// .env file, and the pipeline scripts take hosts and addresses from variables instead of spelling them out.
FactorResult configuration(const ScorecardInputs& inputs, const PipelineFacts& facts, const QStringList& pipelineFiles)
{
    FactorResult result = factor("III", "Configuration");
    QStringList envFiles;
    for (const QString& path : inputs.files) {
        if (isEnvironmentFile(path) && !isVendored(path))
            envFiles.append(path);
    }
    if (facts.scriptLines.isEmpty() && envFiles.isEmpty()) {
        result.status = FactorStatus::NotApplicable;
        result.evidence = QStringLiteral("No pipeline script and no environment file to inspect.");
        result.link = SourceLink::toPage(QStringLiteral("pipelines"));
        return result;
    }
    static const QRegularExpression variable(
        QStringLiteral("\\$(?:\\{\\{\\s*(?:vars|secrets|env|inputs)\\.[A-Za-z_]\\w*|\\{?[A-Za-z_]\\w*)"));
    QStringList hardCoded;
    SourceLink firstHardCoded;
    SourceLink firstVariable;
    QStringList names;
    int withVariables = 0;
    for (const ScriptLine& line : facts.scriptLines) {
        if (const QString target = hardCodedTarget(line.text); !target.isEmpty()) {
            hardCoded.append(QStringLiteral("%1:%2 %3").arg(line.path).arg(line.line).arg(target));
            if (firstHardCoded.path.isEmpty())
                firstHardCoded = SourceLink::file(QStringLiteral("pipelines"), line.path, line.line);
        }
        bool any = false;
        for (auto it = variable.globalMatch(line.text); it.hasNext();) {
            const QString name = it.next().captured(0);
            any = true;
            if (names.size() < 3 && !names.contains(name))
                names.append(name);
        }
        if (any) {
            ++withVariables;
            if (firstVariable.path.isEmpty())
                firstVariable = SourceLink::file(QStringLiteral("pipelines"), line.path, line.line);
        }
    }
    result.sources = envFiles + pipelineFiles;
    const QString scripts
        = QStringLiteral("%1 of %2 script line(s) read CI variables%3")
              .arg(withVariables)
              .arg(facts.scriptLines.size())
              .arg(names.isEmpty() ? QString() : QStringLiteral(" (e.g. %1)").arg(names.join(QLatin1String(", "))));
    if (!envFiles.isEmpty()) {
        result.status = FactorStatus::Fail;
        result.evidence = QStringLiteral("Environment configuration is committed: %1. %2.")
                              .arg(envFiles.mid(0, 3).join(QLatin1String(", ")), scripts);
        result.link = SourceLink::file(QStringLiteral("pipelines"), envFiles.first());
        return result;
    }
    if (!hardCoded.isEmpty()) {
        result.status = FactorStatus::Warn;
        result.evidence = QStringLiteral("%1 script line(s) hard-code an environment's host or address (%2%3); %4.")
                              .arg(hardCoded.size())
                              .arg(hardCoded.mid(0, 3).join(QLatin1String("; ")),
                                   hardCoded.size() > 3 ? QStringLiteral("; …") : QString(), scripts);
        result.link = firstHardCoded;
        return result;
    }
    result.status = FactorStatus::Pass;
    result.evidence = QStringLiteral("No committed .env file and no hard-coded environment host or IP address in the "
                                     "pipeline scripts; %1.")
                          .arg(scripts);
    result.link = firstVariable.path.isEmpty()
        ? SourceLink::file(QStringLiteral("pipelines"), facts.scriptLines.first().path)
        : firstVariable;
    return result;
}

} // namespace

QList<FactorResult> twelveFactors(const ScorecardInputs& inputs)
{
    QStringList pipelineFiles;
    for (const QString& path : inputs.files) {
        if (isPipelineConfig(path))
            pipelineFiles.append(path);
    }
    const PipelineFacts facts = pipelineFacts(inputs);

    QList<FactorResult> factors{
        codebase(inputs, pipelineFiles),
        dependencies(inputs),
        configuration(inputs, facts, pipelineFiles),
        gateFactor(inputs, "IV", "Validation gates", {}),
        buildReleaseRun(facts),
        processes(inputs.deployments),
        gateFactor(inputs, "VII", "Zero trust",
                   QStringLiteral("Plaintext secrets are checked in the pipeline files (gate no-plaintext-secrets); "
                                  "the rest of the repository is the secret scanners' job.")),
        compliance(inputs),
        disposability(facts, pipelineFiles),
        parity(inputs),
        logs(inputs),
        adminProcesses(facts),
    };
    if (!facts.parseErrors.isEmpty()) {
        for (FactorResult* result : {&factors[4], &factors[8], &factors[11]})
            result->evidence += QStringLiteral(" Unreadable: %1.").arg(facts.parseErrors.join(QLatin1String("; ")));
    }
    return factors;
}

} // namespace gatehouse::scorecard
