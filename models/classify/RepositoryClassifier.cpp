// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryClassifier.h"

#include <QRegularExpression>

#include <algorithm>

namespace gatehouse::classify {

namespace {

QString baseName(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? path : path.mid(slash + 1);
}

} // namespace

std::optional<PipelineFile::Kind> pipelineKind(const QString& path)
{
    if (path == QLatin1String(".gitlab-ci.yml"))
        return PipelineFile::Kind::GitLabCi;
    if (path == QLatin1String(".circleci/config.yml") || path == QLatin1String(".circleci/config.yaml"))
        return PipelineFile::Kind::CircleCI;
    const QString name = baseName(path);
    const bool yaml = name.endsWith(QLatin1String(".yml")) || name.endsWith(QLatin1String(".yaml"));
    if (yaml && path.startsWith(QLatin1String(".gitlab/ci/")))
        return PipelineFile::Kind::GitLabInclude;
    if (yaml && path.startsWith(QLatin1String(".github/workflows/")) && !path.mid(18).contains(QLatin1Char('/')))
        return PipelineFile::Kind::GitHubWorkflow;
    if (name == QLatin1String("action.yml") || name == QLatin1String("action.yaml"))
        return PipelineFile::Kind::GitHubAction;
    // Jenkinsfile, and the variants projects use for several pipelines (Jenkinsfile.pr, Jenkinsfile_release,
    // release.Jenkinsfile); documentation about them is not one.
    const bool variant
        = name.startsWith(QLatin1String("Jenkinsfile.")) || name.startsWith(QLatin1String("Jenkinsfile_"));
    if (name == QLatin1String("Jenkinsfile") || name.endsWith(QLatin1String(".Jenkinsfile"))
        || name.endsWith(QLatin1String(".jenkinsfile"))
        || (variant && !name.endsWith(QLatin1String(".md")) && !name.endsWith(QLatin1String(".txt"))))
        return PipelineFile::Kind::Jenkinsfile;
    return std::nullopt;
}

bool isReportPath(const QString& path)
{
    if (path.startsWith(QLatin1String("reports/")))
        return true;
    const QString name = baseName(path).toLower();
    if (name.endsWith(QLatin1String(".sarif")) || name.endsWith(QLatin1String(".sarif.json")))
        return true;
    return name.startsWith(QLatin1String("gl-")) && name.endsWith(QLatin1String("-report.json"));
}

QString reportTool(const QString& path)
{
    const QString name = baseName(path).toLower();
    static const QRegularExpression gitlab(QStringLiteral("^gl-([a-z0-9-]+)-report\\.json$"));
    if (const auto match = gitlab.match(name); match.hasMatch())
        return QStringLiteral("gitlab-") + match.captured(1);
    const QString lower = path.toLower();
    static const char* const tools[] = {"semgrep", "trivy", "gitleaks", "grype", "zap", "safety",          "bandit",
                                        "codeql",  "snyk",  "checkov",  "tfsec", "osv", "dependency-check"};
    for (const char* tool : tools) {
        if (lower.contains(QLatin1String(tool)))
            return QLatin1String(tool);
    }
    // SonarQube exports are named after the product or its scanner ("sonar-report.json", "sonarqube.json").
    if (lower.contains(QLatin1String("sonar")))
        return QStringLiteral("sonarqube");
    if (name.endsWith(QLatin1String(".sarif")) || name.endsWith(QLatin1String(".sarif.json")))
        return QStringLiteral("sarif");
    return QStringLiteral("unknown");
}

QString reportFormat(const QString& path)
{
    const QString name = baseName(path).toLower();
    if (name.endsWith(QLatin1String(".sarif")) || name.endsWith(QLatin1String(".sarif.json")))
        return QStringLiteral("sarif");
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot <= 0 ? QStringLiteral("none") : name.mid(dot + 1);
}

} // namespace gatehouse::classify
