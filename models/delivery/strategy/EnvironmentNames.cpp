// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentNames.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace gatehouse::delivery {

QString EnvironmentNames::canonical(const QString& word)
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("prod"), QStringLiteral("production")},
        {QStringLiteral("prd"), QStringLiteral("production")},
        {QStringLiteral("production"), QStringLiteral("production")},
        {QStringLiteral("live"), QStringLiteral("production")},
        {QStringLiteral("stage"), QStringLiteral("staging")},
        {QStringLiteral("staging"), QStringLiteral("staging")},
        {QStringLiteral("stg"), QStringLiteral("staging")},
        {QStringLiteral("dev"), QStringLiteral("development")},
        {QStringLiteral("develop"), QStringLiteral("development")},
        {QStringLiteral("development"), QStringLiteral("development")},
        {QStringLiteral("test"), QStringLiteral("test")},
        {QStringLiteral("testing"), QStringLiteral("test")},
        {QStringLiteral("qa"), QStringLiteral("qa")},
        {QStringLiteral("uat"), QStringLiteral("uat")},
        {QStringLiteral("preview"), QStringLiteral("preview")},
        {QStringLiteral("sandbox"), QStringLiteral("sandbox")},
        {QStringLiteral("perf"), QStringLiteral("perf")},
        {QStringLiteral("demo"), QStringLiteral("demo")},
    };
    return aliases.value(word.toLower());
}

QString EnvironmentNames::fromText(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    for (const QString& token : tokens) {
        if (QString name = canonical(token); !name.isEmpty())
            return name;
    }
    return {};
}

QString EnvironmentNames::fromPath(const QString& path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return {};
    const QStringList folders = parts.mid(0, parts.size() - 1);
    static const QStringList containers{QStringLiteral("overlays"), QStringLiteral("environments"),
                                        QStringLiteral("envs"),     QStringLiteral("env"),
                                        QStringLiteral("clusters"), QStringLiteral("stages")};
    for (int i = 0; i + 1 < folders.size(); ++i) {
        if (containers.contains(folders.at(i).toLower())) {
            const QString name = folders.at(i + 1);
            const QString known = canonical(name);
            return known.isEmpty() ? name.toLower() : known;
        }
    }
    for (const QString& folder : folders) {
        if (QString name = canonical(folder); !name.isEmpty())
            return name;
    }
    for (const QString& folder : folders) {
        if (QString name = fromText(folder); !name.isEmpty())
            return name;
    }
    QString file = parts.last();
    file = file.left(file.lastIndexOf(QLatin1Char('.')));
    return fromText(file);
}

QString EnvironmentNames::fromDeclared(const QString& declared)
{
    const QString trimmed = declared.trimmed();
    const QString known = canonical(trimmed);
    return known.isEmpty() ? trimmed : known;
}

} // namespace gatehouse::delivery
