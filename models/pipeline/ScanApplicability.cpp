// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanApplicability.h"

#include "GitHubWorkflow.h"
#include "PipelineGates.h"
#include "classify/RepositoryClassifier.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <tuple>

namespace gatehouse::pipeline {

namespace {

/// Folders whose files the project does not build or ship itself.
bool isForeign(const QString& lowerPath)
{
    for (const char* folder : {"vendor/", "node_modules/", "third_party/", "third-party/", "testdata/"}) {
        const QLatin1StringView name(folder);
        if (lowerPath.startsWith(name) || lowerPath.contains(u'/' + name))
            return true;
    }
    return false;
}

bool isGitHubWorkflow(const QString& path)
{
    const QString lower = path.toLower();
    return lower.startsWith(u".github/workflows/") && lower.count(u'/') == 2
        && (lower.endsWith(u".yml") || lower.endsWith(u".yaml"));
}

/// The `on:` events of a workflow document and whether any of push/pull_request is narrowed by a filter.
QPair<QStringList, bool> triggersOf(const YamlNode& document)
{
    QStringList events;
    bool filtered = false;
    const YamlNode* on = document.get(u"on");
    if (!on)
        return {};
    if (on->isScalar()) {
        events << on->value;
    } else if (on->isSequence()) {
        for (const YamlNode& item : on->items)
            events << item.value;
    } else {
        for (size_t i = 0; i < on->keys.size(); ++i) {
            const QString event = on->keys[i].value;
            events << event;
            if (event != u"push" && event != u"pull_request")
                continue;
            for (const char* filter : {"paths", "branches", "tags"}) {
                if (on->items[i].get(QString::fromLatin1(filter)))
                    filtered = true;
            }
        }
    }
    return {events, filtered};
}

} // namespace

bool ScanSurvey::applies(const QString& kind) const
{
    return notApplicableReason(kind).isEmpty();
}

QString ScanSurvey::notApplicableReason(const QString& kind) const
{
    if (!known)
        return {};
    if (kind == u"container" && imageEvidence.isEmpty())
        return QStringLiteral("no container image is built here (no Dockerfile or Containerfile, no job building or "
                              "pushing an image)");
    if (kind == u"dependency" && dependencyEvidence.isEmpty() && platformDependencyScanning.isEmpty())
        return QStringLiteral("no package manifest or lock file here");
    return {};
}

bool ScanApplicability::isContainerFile(const QString& path)
{
    const QString lower = path.toLower();
    if (isForeign(lower))
        return false;
    const QString name = lower.section(u'/', -1);
    for (const char* base : {"dockerfile", "containerfile"}) {
        const QLatin1StringView b(base);
        if (name == b || name.startsWith(b + u'.') || name.endsWith(u'.' + b))
            return true;
    }
    return false;
}

bool ScanApplicability::isDependencyFile(const QString& path)
{
    const QString lower = path.toLower();
    if (isForeign(lower))
        return false;
    const QString name = path.section(u'/', -1);
    static const QSet<QString> names{
        // Manifests.
        QStringLiteral("package.json"), QStringLiteral("go.mod"), QStringLiteral("Cargo.toml"),
        QStringLiteral("Gemfile"), QStringLiteral("composer.json"), QStringLiteral("Pipfile"),
        QStringLiteral("pyproject.toml"), QStringLiteral("setup.py"), QStringLiteral("pom.xml"),
        QStringLiteral("build.gradle"), QStringLiteral("build.gradle.kts"), QStringLiteral("packages.config"),
        QStringLiteral("Directory.Packages.props"), QStringLiteral("mix.exs"), QStringLiteral("pubspec.yaml"),
        QStringLiteral("Package.swift"), QStringLiteral("Podfile"), QStringLiteral("conanfile.txt"),
        QStringLiteral("conanfile.py"), QStringLiteral("vcpkg.json"), QStringLiteral("build.sbt"),
        QStringLiteral("deps.edn"), QStringLiteral("project.clj"),
        // Lock files.
        QStringLiteral("package-lock.json"), QStringLiteral("npm-shrinkwrap.json"), QStringLiteral("yarn.lock"),
        QStringLiteral("pnpm-lock.yaml"), QStringLiteral("bun.lockb"), QStringLiteral("go.sum"),
        QStringLiteral("Cargo.lock"), QStringLiteral("Gemfile.lock"), QStringLiteral("composer.lock"),
        QStringLiteral("Pipfile.lock"), QStringLiteral("poetry.lock"), QStringLiteral("uv.lock"),
        QStringLiteral("pdm.lock"), QStringLiteral("gradle.lockfile"), QStringLiteral("packages.lock.json"),
        QStringLiteral("mix.lock"), QStringLiteral("pubspec.lock"), QStringLiteral("Package.resolved"),
        QStringLiteral("Podfile.lock"), QStringLiteral("conan.lock")};
    if (names.contains(name))
        return true;
    return (name.startsWith(u"requirements") && name.endsWith(u".txt")) || name.endsWith(u".csproj");
}

QString ScanApplicability::mainPipeline(const QStringList& paths,
                                        const QMap<QString, QPair<QStringList, bool>>& triggers,
                                        const QMap<QString, int>& jobCounts)
{
    for (const QString& path : paths) {
        if (path == u".gitlab-ci.yml")
            return path;
    }
    for (const QString& path : paths) {
        if (path == u".circleci/config.yml" || path == u".circleci/config.yaml")
            return path;
    }
    // The project's CI runs on every change proposed and pushed; release, triage and bot workflows do not.
    auto score = [&](const QString& path) {
        const auto [events, filtered] = triggers.value(path);
        int value = (events.contains(QStringLiteral("pull_request")) ? 4 : 0)
            + (events.contains(QStringLiteral("push")) ? 2 : 0)
            + (events.contains(QStringLiteral("merge_group")) ? 1 : 0);
        return std::tuple(value, !filtered, jobCounts.value(path));
    };
    QString best;
    for (const QString& path : paths) {
        if (!isGitHubWorkflow(path))
            continue;
        // Ties go to the first in path order (paths come sorted), so the choice is stable.
        if (best.isEmpty() || score(path) > score(best))
            best = path;
    }
    if (!best.isEmpty())
        return best;
    // A repository built by Jenkins alone: its root Jenkinsfile, else the first one.
    if (paths.contains(QStringLiteral("Jenkinsfile")))
        return QStringLiteral("Jenkinsfile");
    for (const QString& path : paths) {
        if (classify::pipelineKind(path) == PipelineFile::Kind::Jenkinsfile)
            return path;
    }
    return {};
}

QString ScanApplicability::imageBuilder(const PipelineJob& job)
{
    static const QRegularExpression builder(QStringLiteral(
        R"(\b(docker\s+(image\s+)?(build|push)|docker\s+buildx|buildx\s+(build|bake)|podman\s+(build|push)|)"
        R"(buildah|kaniko|docker/build-push-action|docker/bake-action|docker/login-action|)"
        R"(redhat-actions/push-to-registry|skopeo\s+copy|crane\s+push|ko\s+(build|publish)|)"
        R"(docker[- ]compose\s+(build|push)))"));
    QStringList texts{job.image};
    for (const QStringView key : {u"script", u"before_script", u"after_script", u"steps", u"image", u"services"}) {
        const YamlNode* value = job.config.get(key);
        if (!value)
            continue;
        std::function<void(const YamlNode&)> collect = [&](const YamlNode& node) {
            if (node.isScalar())
                texts << node.value;
            for (const YamlNode& item : node.items)
                collect(item);
        };
        collect(*value);
    }
    const QRegularExpressionMatch match = builder.match(texts.join(u'\n').toLower());
    return match.hasMatch() ? match.captured(1).simplified() : QString();
}

QList<QPair<QString, QString>> ScanApplicability::platformScans(const PipelineModel& model)
{
    static const QList<std::pair<QString, QString>> templates{
        {QStringLiteral("sast"), QStringLiteral("SAST")},
        {QStringLiteral("dependency"), QStringLiteral("Dependency-Scanning")},
        {QStringLiteral("container"), QStringLiteral("Container-Scanning")},
        {QStringLiteral("secrets"), QStringLiteral("Secret-Detection")},
    };
    QList<QPair<QString, QString>> found;
    for (const QString& include : model.unresolvedIncludes) {
        for (const auto& [kind, name] : templates) {
            if (include.contains(name, Qt::CaseInsensitive)
                && (include.startsWith(u"template:") || include.startsWith(u"component:")))
                found.append({kind, QStringLiteral("GitLab %1 template").arg(name)});
        }
    }
    // CodeQL's analyze action uploads its results to GitHub's code scanning.
    for (const PipelineJob& job : model.jobs) {
        const YamlNode* steps = job.config.get(u"steps");
        for (size_t i = 0; steps && i < steps->items.size(); ++i) {
            const YamlNode* uses = steps->items[i].get(u"uses");
            if (uses && uses->value.startsWith(u"github/codeql-action/analyze"))
                return found << QPair<QString, QString>(QStringLiteral("sast"),
                                                        QStringLiteral("GitHub code scanning (CodeQL)"));
        }
    }
    return found;
}

QStringList ScanApplicability::dependabotEcosystems(const QByteArray& text)
{
    static const QRegularExpression entry(QStringLiteral(R"(package-ecosystem\s*:\s*["']?([A-Za-z0-9_-]+))"));
    QStringList ecosystems;
    auto it = entry.globalMatch(QString::fromUtf8(text));
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!ecosystems.contains(name))
            ecosystems << name;
    }
    return ecosystems;
}

ScanSurvey ScanApplicability::survey(const FileSource& files, const QString& current)
{
    ScanSurvey survey;
    if (!files.isValid() || !files.list || !files.complete)
        return survey;
    QStringList paths = files.list();
    if (paths.isEmpty())
        return survey;
    paths.sort();
    survey.known = true;
    QMap<QString, QPair<QStringList, bool>> triggers;
    QMap<QString, int> jobCounts;
    for (const QString& path : std::as_const(paths)) {
        if (survey.imageEvidence.isEmpty() && isContainerFile(path))
            survey.imageEvidence = path;
        if (survey.dependencyEvidence.isEmpty() && isDependencyFile(path)) {
            // A pyproject.toml that only configures tools declares no dependencies.
            const bool toolsOnly = path.endsWith(u"pyproject.toml")
                && !files.read(path).valueOr(QByteArray()).contains(QByteArrayLiteral("dependencies"));
            if (!toolsOnly)
                survey.dependencyEvidence = path;
        }
        if (path == u".github/dependabot.yml" || path == u".github/dependabot.yaml") {
            const QStringList ecosystems = dependabotEcosystems(files.read(path).valueOr(QByteArray()));
            if (!ecosystems.isEmpty())
                survey.platformDependencyScanning
                    = QStringLiteral("Dependabot (%1)").arg(ecosystems.join(QStringLiteral(", ")));
        }
        if (!isGitHubWorkflow(path))
            continue;
        const Result<QByteArray> text = files.read(path);
        if (!text.ok())
            continue;
        QList<Diagnostic> ignored;
        const PipelineModel workflow = GitHubWorkflow::analyze(text.value(), path, FileSource(), ignored);
        triggers.insert(path, triggersOf(workflow.merged));
        jobCounts.insert(path, int(workflow.jobs.size()));
        for (const PipelineJob& job : workflow.jobs) {
            if (path != current) {
                for (const QString& kind : PipelineGates::scanKinds(job))
                    survey.workflowKinds.insert(kind);
            }
            if (survey.imageEvidence.isEmpty()) {
                const QString how = imageBuilder(job);
                if (!how.isEmpty())
                    survey.imageEvidence = QStringLiteral("%1 in job '%2' of %3").arg(how, job.baseName, path);
            }
        }
    }
    survey.mainPipeline = mainPipeline(paths, triggers, jobCounts);
    return survey;
}

} // namespace gatehouse::pipeline
