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

QString normalizeEnvironment(QString env)
{
    env = env.trimmed().toLower();
    if (env == QLatin1String("prod") || env == QLatin1String("prd") || env == QLatin1String("live"))
        return QStringLiteral("production");
    if (env == QLatin1String("stage") || env == QLatin1String("stg"))
        return QStringLiteral("staging");
    return env;
}

} // namespace

std::optional<PipelineFile::Kind> pipelineKind(const QString& path)
{
    if (path == QLatin1String(".gitlab-ci.yml"))
        return PipelineFile::Kind::GitLabCi;
    const QString name = baseName(path);
    const bool yaml = name.endsWith(QLatin1String(".yml")) || name.endsWith(QLatin1String(".yaml"));
    if (yaml && path.startsWith(QLatin1String(".github/workflows/")) && !path.mid(18).contains(QLatin1Char('/')))
        return PipelineFile::Kind::GitHubWorkflow;
    if (name == QLatin1String("action.yml") || name == QLatin1String("action.yaml"))
        return PipelineFile::Kind::GitHubAction;
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

std::optional<DeployClassification> classifyDeployTag(const QString& name, const QString& message)
{
    const QString lowerName = name.toLower();
    QString fromName;
    bool deployName = false;
    static const QRegularExpression prefix(QStringLiteral("^(deploy|staging|stage|prod|production)[-_/](.*)$"));
    if (const auto match = prefix.match(lowerName); match.hasMatch()) {
        deployName = true;
        const QString head = match.captured(1);
        if (head != QLatin1String("deploy")) {
            fromName = normalizeEnvironment(head);
        } else {
            // deploy-<env>-… names carry the environment as the second word when it is a known one.
            static const QStringList known{
                QStringLiteral("production"), QStringLiteral("prod"),    QStringLiteral("staging"),
                QStringLiteral("stage"),      QStringLiteral("qa"),      QStringLiteral("dev"),
                QStringLiteral("test"),       QStringLiteral("preview"), QStringLiteral("canary")};
            const QString word = match.captured(2).section(QRegularExpression(QStringLiteral("[-_/]")), 0, 0);
            if (known.contains(word))
                fromName = normalizeEnvironment(word);
        }
    }

    const QString firstLine = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    QString fromMessage;
    static const QRegularExpression envDeployment(QStringLiteral("^([A-Za-z][\\w-]*)\\s+deployment\\b"),
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression deployTo(QStringLiteral("^deploy(?:ed|ment)?\\s+to\\s+([A-Za-z][\\w-]*)"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (const auto match = envDeployment.match(firstLine); match.hasMatch())
        fromMessage = normalizeEnvironment(match.captured(1));
    else if (const auto match2 = deployTo.match(firstLine); match2.hasMatch())
        fromMessage = normalizeEnvironment(match2.captured(1));

    if (!deployName && fromMessage.isEmpty())
        return std::nullopt;
    DeployClassification result;
    result.environment = !fromMessage.isEmpty() ? fromMessage
        : !fromName.isEmpty()                   ? fromName
                                                : QStringLiteral("unspecified");
    static const QRegularExpression rollback(QStringLiteral("\\broll(?:ed)?[- ]?back\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    result.rollback = rollback.match(message).hasMatch() || rollback.match(name).hasMatch();
    return result;
}

std::optional<IncidentCommit> classifyIncident(const QString& message)
{
    // Every kind starts with p, h, f or r (after leading blanks): most commits are ruled out without a regex, which
    // matters in a walk over tens of thousands of commits.
    const auto first = std::find_if(message.cbegin(), message.cend(), [](QChar c) { return !c.isSpace(); });
    if (first == message.cend() || !QStringView(u"pPhHfFrR").contains(*first))
        return std::nullopt;
    const QString summary = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    static const QRegularExpression postmortem(QStringLiteral("^post-?mortem\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression hotfix(QStringLiteral("^(hot-?fix\\b|fix\\(hot-?fix\\))"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression revert(QStringLiteral("^revert\\b"), QRegularExpression::CaseInsensitiveOption);
    IncidentCommit incident;
    if (postmortem.match(summary).hasMatch())
        incident.kind = IncidentCommit::Kind::Postmortem;
    else if (hotfix.match(summary).hasMatch())
        incident.kind = IncidentCommit::Kind::Hotfix;
    else if (revert.match(summary).hasMatch())
        incident.kind = IncidentCommit::Kind::Revert;
    else
        return std::nullopt;
    incident.summary = summary;

    static const QRegularExpression field(QStringLiteral("^\\s*(incident|root[ -]cause|fix)\\s*:\\s*(.*)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression factor(QStringLiteral("^\\s*factor\\b"), QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = message.split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (const auto match = field.match(line); match.hasMatch()) {
            const QString key = match.captured(1).toLower();
            const QString value = match.captured(2).trimmed();
            QString& target = key == QLatin1String("incident") ? incident.incident
                : key == QLatin1String("fix")                  ? incident.fix
                                                               : incident.rootCause;
            if (target.isEmpty())
                target = value;
        } else if (factor.match(line).hasMatch()) {
            incident.factors.append(line.trimmed());
        }
    }
    return incident;
}

} // namespace gatehouse::classify
