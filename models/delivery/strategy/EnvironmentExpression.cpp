// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentExpression.h"

#include <QRegularExpression>

namespace gatehouse::delivery {

namespace {

constexpr int MaxValues = 32;
constexpr int MaxDepth = 4; // a variable whose value names another variable

/// `${{ … }}` (GitHub), `${NAME}` and `$NAME` (GitLab, shell style).
const QRegularExpression& referencePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(\$\{\{\s*(.*?)\s*\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*))"));
    return pattern;
}

QString keyOf(const QRegularExpressionMatch& match)
{
    if (!match.captured(2).isEmpty())
        return match.captured(2);
    if (!match.captured(3).isEmpty())
        return match.captured(3);
    // Inside `${{ }}`: a plain context lookup only (`inputs.x`, `github.event.inputs.x`, `matrix.x`, `env.X`).
    static const QRegularExpression lookup(
        QStringLiteral(R"(^(?:github\.event\.)?(inputs|matrix|env)\.([A-Za-z_][A-Za-z0-9_-]*)$)"));
    const QRegularExpressionMatch plain = lookup.match(match.captured(1));
    return plain.hasMatch() ? plain.captured(1) + u'.' + plain.captured(2) : QString();
}

} // namespace

bool EnvironmentExpression::isExpression(const QString& name)
{
    return referencePattern().match(name).hasMatch();
}

QStringList EnvironmentExpression::references(const QString& name)
{
    QStringList keys;
    auto it = referencePattern().globalMatch(name);
    while (it.hasNext())
        keys << keyOf(it.next());
    return keys;
}

EnvironmentExpression::Resolution EnvironmentExpression::resolve(const QString& name, const QMap<QString, Known>& known)
{
    Resolution result;
    QStringList partial{name};
    QStringList origins;
    for (int depth = 0; depth < MaxDepth; ++depth) {
        QStringList next;
        bool substituted = false;
        for (const QString& text : std::as_const(partial)) {
            const QRegularExpressionMatch match = referencePattern().match(text);
            if (!match.hasMatch()) {
                next << text;
                continue;
            }
            const QString key = keyOf(match);
            const auto entry = known.constFind(key);
            if (key.isEmpty() || entry == known.constEnd() || entry->values.isEmpty()) {
                result.chosenAtRunTime = true;
                return result;
            }
            if (!origins.contains(entry->origin))
                origins << entry->origin;
            for (const QString& value : entry->values) {
                if (next.size() < MaxValues)
                    next << text.left(match.capturedStart()) + value + text.mid(match.capturedEnd());
            }
            substituted = true;
        }
        partial = next;
        if (!substituted)
            break;
        // A reference per round: repeat until none is left (or the depth says the values keep referring).
        if (depth == MaxDepth - 1) {
            for (const QString& text : std::as_const(partial)) {
                if (isExpression(text)) {
                    result.chosenAtRunTime = true;
                    return result;
                }
            }
        }
    }
    for (const QString& value : std::as_const(partial)) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty() && !result.values.contains(trimmed))
            result.values << trimmed;
    }
    result.chosenAtRunTime = result.values.isEmpty();
    result.origin = origins.join(QStringLiteral(", "));
    return result;
}

} // namespace gatehouse::delivery
