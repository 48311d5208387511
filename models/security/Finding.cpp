// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Finding.h"

#include <QJsonArray>

namespace gatehouse {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("critical");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

std::optional<Severity> severityFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("critical"))
        return Severity::Critical;
    if (n == QLatin1String("high"))
        return Severity::High;
    if (n == QLatin1String("medium") || n == QLatin1String("moderate"))
        return Severity::Medium;
    if (n == QLatin1String("low"))
        return Severity::Low;
    if (n == QLatin1String("info") || n == QLatin1String("informational") || n == QLatin1String("negligible")
        || n == QLatin1String("none") || n == QLatin1String("unknown"))
        return Severity::Info;
    return std::nullopt;
}

Severity severityFromCvss(double score)
{
    if (score >= 9.0)
        return Severity::Critical;
    if (score >= 7.0)
        return Severity::High;
    if (score >= 4.0)
        return Severity::Medium;
    if (score > 0.0)
        return Severity::Low;
    return Severity::Info;
}

QList<Severity> allSeverities()
{
    return {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info};
}

QString categoryName(FindingCategory category)
{
    switch (category) {
    case FindingCategory::Sast:
        return QStringLiteral("sast");
    case FindingCategory::Dependency:
        return QStringLiteral("dependency");
    case FindingCategory::Container:
        return QStringLiteral("container");
    case FindingCategory::Secret:
        return QStringLiteral("secret");
    case FindingCategory::Dast:
        return QStringLiteral("dast");
    case FindingCategory::Iac:
        break;
    }
    return QStringLiteral("iac");
}

std::optional<FindingCategory> categoryFromName(const QString& name)
{
    for (FindingCategory c : {FindingCategory::Sast, FindingCategory::Dependency, FindingCategory::Container,
                              FindingCategory::Secret, FindingCategory::Dast, FindingCategory::Iac}) {
        if (categoryName(c) == name)
            return c;
    }
    return std::nullopt;
}

QJsonObject Finding::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("tool"), tool);
    object.insert(QStringLiteral("category"), categoryName(category));
    if (!rule.isEmpty())
        object.insert(QStringLiteral("rule"), rule);
    object.insert(QStringLiteral("severity"), severityName(severity));
    if (!title.isEmpty())
        object.insert(QStringLiteral("title"), title);
    QJsonObject loc;
    if (!location.path.isEmpty())
        loc.insert(QStringLiteral("path"), location.path);
    if (location.line > 0)
        loc.insert(QStringLiteral("line"), location.line);
    if (!location.package.isEmpty())
        loc.insert(QStringLiteral("package"), location.package);
    if (!location.version.isEmpty())
        loc.insert(QStringLiteral("version"), location.version);
    if (!location.fixedVersion.isEmpty())
        loc.insert(QStringLiteral("fixed_version"), location.fixedVersion);
    if (!location.target.isEmpty())
        loc.insert(QStringLiteral("target"), location.target);
    if (!loc.isEmpty())
        object.insert(QStringLiteral("location"), loc);
    if (!ids.isEmpty())
        object.insert(QStringLiteral("ids"), QJsonArray::fromStringList(ids));
    object.insert(QStringLiteral("fingerprint"), fingerprint);
    if (!triage.isEmpty())
        object.insert(QStringLiteral("triage"), triage);
    return object;
}

} // namespace gatehouse
