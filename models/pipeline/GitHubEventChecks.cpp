// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubChecks.h"
#include "KeywordTables.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gatehouse::pipeline::github {

namespace {

/// A glob of a branch, tag or path filter that can never match as written: empty, or a '[' set never closed.
QString globProblem(const QString& pattern)
{
    if (pattern.isEmpty() || pattern == u"!")
        return QStringLiteral("an empty pattern matches nothing");
    qsizetype open = -1;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == u'\\') {
            ++i;
        } else if (pattern[i] == u'[' && open < 0) {
            open = i;
        } else if (pattern[i] == u']' && open >= 0) {
            if (i == open + 1)
                return QStringLiteral("the character set '[]' is empty");
            open = -1;
        }
    }
    if (open >= 0)
        return QStringLiteral("the character set opened at '[' is never closed; expected ']'");
    return {};
}

void checkFilters(const QString& event, const YamlNode& filters, const Reporter& out)
{
    for (const char* base : {"branches", "tags", "paths"}) {
        const QString positive = QString::fromLatin1(base);
        const QString negative = positive + QStringLiteral("-ignore");
        const YamlNode* plus = filters.keyNode(positive);
        const YamlNode* minus = filters.keyNode(negative);
        if (plus && minus) {
            const YamlNode& later = plus->line > minus->line ? *plus : *minus;
            out.report(later, Severity::Error, Category::Schema, QStringLiteral("filter-conflict"),
                       QStringLiteral("'%1' and '%2' of event '%3' cannot be used together; use '%1' with '!' "
                                      "patterns instead")
                           .arg(positive, negative, event));
        }
        for (const QString& name : {positive, negative}) {
            const YamlNode* list = filters.get(name);
            if (!list)
                continue;
            const YamlNodeList items = list->isSequence() ? list->items : YamlNodeList{*list};
            bool anyPositive = false;
            for (const YamlNode& item : items) {
                if (!item.isScalar() || item.isNull())
                    continue;
                if (const QString problem = globProblem(item.value); !problem.isEmpty())
                    out.report(item, Severity::Error, Category::Schema, QStringLiteral("invalid-glob"),
                               QStringLiteral("invalid pattern '%1' in '%2' of event '%3': %4")
                                   .arg(item.value, name, event, problem));
                // Git refuses these characters in ref names, so a branch or tag pattern holding one never matches.
                static const QRegularExpression notInRefs(QStringLiteral("[\\s~^:]"));
                if (positive != u"paths" && notInRefs.match(item.value).hasMatch())
                    out.report(item, Severity::Warning, Category::Semantic, QStringLiteral("glob-never-matches"),
                               QStringLiteral("pattern '%1' in '%2' of event '%3' holds a space, '~', '^' or ':', "
                                              "which no git branch or tag name contains; it never matches")
                                   .arg(item.value, name, event));
                if (!item.value.startsWith(u'!'))
                    anyPositive = true;
            }
            // A '!' pattern only removes what an earlier pattern matched.
            if (name == positive && !anyPositive && !items.empty() && items[0].isScalar() && !items[0].isNull())
                out.report(*list, Severity::Warning, Category::Semantic, QStringLiteral("negative-only-filter"),
                           QStringLiteral("'%1' of event '%2' has only '!' patterns, so it matches nothing; add a "
                                          "positive pattern first (e.g. '**')")
                               .arg(name, event));
        }
    }
}

/// The minutes of the hour a cron minute field selects, or empty when the field cannot be read.
QList<int> cronMinutes(const QString& field)
{
    QList<bool> selected(60, false);
    for (const QString& part : field.split(u',')) {
        QString range = part;
        int step = 1;
        if (const qsizetype slash = part.indexOf(u'/'); slash >= 0) {
            range = part.left(slash);
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return {};
        }
        int from = 0;
        int to = 59;
        if (range != u"*") {
            const QStringList bounds = range.split(u'-');
            bool ok1 = false;
            bool ok2 = true;
            from = bounds[0].toInt(&ok1);
            to = bounds.size() == 2 ? bounds[1].toInt(&ok2) : (part.contains(u'/') ? 59 : from);
            if (!ok1 || !ok2 || bounds.size() > 2 || from < 0 || to > 59 || from > to)
                return {};
        }
        for (int m = from; m <= to; m += step)
            selected[m] = true;
    }
    QList<int> minutes;
    for (int m = 0; m < 60; ++m) {
        if (selected[m])
            minutes.append(m);
    }
    return minutes;
}

void checkSchedule(const YamlNode& schedule, const Reporter& out)
{
    for (const YamlNode& entry : schedule.items) {
        const YamlNode* cron = entry.get(u"cron");
        if (!cron || !cron->isScalar())
            continue;
        const QStringList fields = cron->value.simplified().split(u' ');
        if (fields.size() != 5)
            continue; // the format check reports it
        const QList<int> minutes = cronMinutes(fields[0]);
        if (minutes.isEmpty())
            continue;
        int shortest = 60;
        for (qsizetype i = 1; i < minutes.size(); ++i)
            shortest = std::min(shortest, minutes[i] - minutes[i - 1]);
        if (minutes.size() > 1)
            shortest = std::min(shortest, 60 - minutes.constLast() + minutes.constFirst());
        if (shortest < 5)
            out.report(*cron, Severity::Warning, Category::Semantic, QStringLiteral("schedule-interval"),
                       QStringLiteral("the schedule '%1' runs every %2 minute(s), but GitHub runs scheduled "
                                      "workflows at most every 5 minutes; expected an interval of 5 minutes or more")
                           .arg(cron->value)
                           .arg(shortest));
    }
}

/// Whether a literal default fits the input type ("boolean", "number", "string", "choice", "environment").
bool defaultMatches(const QString& type, const YamlNode& value)
{
    if (type == u"boolean")
        return value.isBool() || value.value == u"true" || value.value == u"false";
    if (type == u"number") {
        bool ok = false;
        value.value.toDouble(&ok);
        return ok;
    }
    return true;
}

void checkInputs(const QString& event, const YamlNode& inputs, bool dispatch, const Reporter& out)
{
    if (dispatch && inputs.size() > 25)
        out.report(inputs, Severity::Error, Category::Schema, QStringLiteral("too-many-inputs"),
                   QStringLiteral("workflow_dispatch declares %1 inputs; GitHub allows at most 25").arg(inputs.size()));
    checkIds(inputs, QStringLiteral("input of %1").arg(event), out);
    for (size_t i = 0; i < inputs.keys.size(); ++i) {
        const YamlNode& name = inputs.keys[i];
        const YamlNode& input = inputs.items[i];
        if (!input.isMap())
            continue;
        const YamlNode* typeNode = input.get(u"type");
        const QString type = typeNode && typeNode->isScalar() ? typeNode->value : QStringLiteral("string");
        const YamlNode* options = input.get(u"options");
        const YamlNode* defaultValue = input.get(u"default");
        if (dispatch && type == u"choice" && (!options || !options->isSequence() || options->items.empty())) {
            out.report(options ? *options : *input.keyNode(u"type"), Severity::Error, Category::Schema,
                       QStringLiteral("choice-without-options"),
                       QStringLiteral("input '%1' of %2 is a choice but has no options; expected a non-empty "
                                      "'options' list")
                           .arg(name.value, event));
        } else if (dispatch && type != u"choice" && options) {
            out.report(*input.keyNode(u"options"), Severity::Error, Category::Schema,
                       QStringLiteral("options-without-choice"),
                       QStringLiteral("input '%1' of %2 has 'options', which only a 'type: choice' input takes")
                           .arg(name.value, event));
        }
        if (!defaultValue || !defaultValue->isScalar() || defaultValue->isNull() || isExpression(*defaultValue))
            continue;
        if (!defaultMatches(type, *defaultValue)) {
            out.report(*defaultValue, Severity::Error, Category::Schema, QStringLiteral("input-default-type"),
                       QStringLiteral("the default '%1' of input '%2' of %3 is not a %4")
                           .arg(defaultValue->value, name.value, event, type));
        } else if (type == u"choice" && options && options->isSequence()
                   && !options->toStringList().contains(defaultValue->value)) {
            out.report(*defaultValue, Severity::Error, Category::Schema, QStringLiteral("input-default-not-option"),
                       QStringLiteral("the default '%1' of input '%2' of %3 is not one of its options (%4)%5")
                           .arg(defaultValue->value, name.value, event,
                                options->toStringList().join(QStringLiteral(", ")),
                                didYouMean(defaultValue->value, options->toStringList())));
        }
    }
}

} // namespace

void checkIds(const YamlNode& map, const QString& what, const Reporter& out)
{
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (!map.isMap())
        return;
    for (const YamlNode& key : map.keys) {
        if (key.isScalar() && !key.value.contains(u"${{") && !validId.match(key.value).hasMatch())
            out.report(key, Severity::Error, Category::Schema, QStringLiteral("invalid-id"),
                       QStringLiteral("the id '%1' of this %2 is invalid; expected letters, digits, '-' and '_', "
                                      "starting with a letter or '_'")
                           .arg(key.value, what));
    }
}

void checkEvents(const YamlNode& on, const Reporter& out)
{
    if (on.isSequence()) {
        QSet<QString> seen;
        for (const YamlNode& item : on.items) {
            if (!item.isScalar() || item.isNull())
                continue;
            if (seen.contains(item.value))
                out.report(item, Severity::Warning, Category::Semantic, QStringLiteral("duplicate-event"),
                           QStringLiteral("the event '%1' is listed twice in 'on'").arg(item.value));
            seen.insert(item.value);
        }
    }
    if (!on.isMap())
        return;
    for (size_t i = 0; i < on.keys.size(); ++i) {
        const QString& event = on.keys[i].value;
        const YamlNode& value = on.items[i];
        if (event == u"schedule") {
            if (value.isSequence())
                checkSchedule(value, out);
            continue;
        }
        if (!value.isMap())
            continue;
        if (event == u"workflow_dispatch" || event == u"workflow_call") {
            if (const YamlNode* inputs = value.get(u"inputs"); inputs && inputs->isMap())
                checkInputs(event, *inputs, event == u"workflow_dispatch", out);
            for (const char* section : {"outputs", "secrets"}) {
                if (const YamlNode* map = value.get(QString::fromLatin1(section)))
                    checkIds(*map, QStringLiteral("%1 of %2").arg(QLatin1StringView(section).chopped(1), event), out);
            }
            continue;
        }
        checkFilters(event, value, out);
    }
}

} // namespace gatehouse::pipeline::github
