// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CircleCIParameters.h"

#include <QRegularExpression>

namespace gatehouse::pipeline::circleci {

namespace {

const QStringList& parameterTypes()
{
    static const QStringList types
        = {QStringLiteral("string"),   QStringLiteral("boolean"), QStringLiteral("integer"),     QStringLiteral("enum"),
           QStringLiteral("executor"), QStringLiteral("steps"),   QStringLiteral("env_var_name")};
    return types;
}

const YamlNode* lookup(const Scope& scope, const QString& ns, const QString& name);

const QRegularExpression& referencePattern()
{
    // CircleCI's parameter syntax: `<< parameters.name >>`, spaces optional; names are letters, digits, `_` and `-`.
    // `<<# parameters.flag >>text<</ parameters.flag >>` (and `<<^ … >>`, its negation) wraps conditional text.
    static const QRegularExpression pattern(QStringLiteral(
        "<<\\s*([#^/]?)\\s*(pipeline\\.parameters|parameters|matrix|pipeline)\\.([A-Za-z0-9_.-]+)\\s*>>"));
    return pattern;
}

const QRegularExpression& sectionPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("<<\\s*([#^])\\s*(pipeline\\.parameters|parameters|matrix|pipeline)\\.([A-Za-z0-9_.-]+)\\s*>>"
                       "(.*?)<<\\s*/\\s*\\2\\.\\3\\s*>>"),
        QRegularExpression::DotMatchesEverythingOption);
    return pattern;
}

/// A value's truth for a conditional section: false, 0, null and the empty text are false.
bool truthy(const YamlNode& value)
{
    if (value.isNull())
        return false;
    if (value.isScalar()) {
        const QString v = value.value.trimmed();
        return !(v.isEmpty() || v == u"false" || v == u"0");
    }
    return value.size() > 0;
}

/// The text with its conditional sections kept or dropped by the values they test (unknown ones stay).
QString resolveSections(const QString& text, const Scope& scope)
{
    if (!text.contains(u"<<#") && !text.contains(u"<<^") && !text.contains(u"<< #") && !text.contains(u"<< ^"))
        return text;
    QString out;
    qsizetype last = 0;
    auto it = sectionPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const YamlNode* value = lookup(scope, m.captured(2), m.captured(3));
        out += QStringView(text).mid(last, m.capturedStart() - last);
        if (!value)
            out += m.captured(0);
        else if (truthy(*value) == (m.captured(1) == u"#"))
            out += m.captured(4);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString scalarText(const YamlNode& value)
{
    return value.isScalar() ? value.value : value.toFlowText(200);
}

const YamlNode* lookup(const Scope& scope, const QString& ns, const QString& name)
{
    const QHash<QString, YamlNode>* table = ns == u"parameters" ? &scope.parameters
        : ns == u"pipeline.parameters"                          ? &scope.pipelineParameters
        : ns == u"matrix"                                       ? &scope.matrix
                                                                : nullptr;
    if (!table)
        return nullptr;
    const auto it = table->constFind(name);
    return it == table->constEnd() ? nullptr : &*it;
}

/// The value a whole-scalar reference (`<< parameters.steps >>`) stands for, or nullptr.
const YamlNode* wholeReference(const YamlNode& node, const Scope& scope)
{
    if (!node.isScalar() || !node.value.contains(u"<<"))
        return nullptr;
    const QList<Reference> refs = references(node.value);
    if (refs.size() != 1)
        return nullptr;
    const QRegularExpressionMatch match = referencePattern().match(node.value);
    if (match.capturedStart() != 0 || match.capturedLength() != node.value.trimmed().size())
        return nullptr;
    if (!match.captured(1).isEmpty())
        return nullptr;
    return lookup(scope, refs.first().ns, refs.first().name);
}

} // namespace

QList<Reference> references(const QString& text)
{
    QList<Reference> found;
    if (!text.contains(u"<<"))
        return found;
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        found.append({m.captured(2), m.captured(3), m.capturedStart()});
    }
    return found;
}

bool isPipelineValue(const QString& name)
{
    static const QStringList exact = {QStringLiteral("id"),
                                      QStringLiteral("number"),
                                      QStringLiteral("in_setup"),
                                      QStringLiteral("trigger_source"),
                                      QStringLiteral("project.git_url"),
                                      QStringLiteral("project.type")};
    static const QStringList prefixes
        = {QStringLiteral("git."),   QStringLiteral("schedule."), QStringLiteral("trigger_parameters."),
           QStringLiteral("event."), QStringLiteral("project."),  QStringLiteral("deploy.")};
    if (exact.contains(name))
        return true;
    return std::any_of(prefixes.cbegin(), prefixes.cend(), [&name](const QString& p) { return name.startsWith(p); });
}

QList<Parameter> readParameters(const YamlNode* declarations, const QString& owner, const Report& report)
{
    QList<Parameter> result;
    if (!declarations || !declarations->isMap())
        return result;
    for (size_t i = 0; i < declarations->keys.size(); ++i) {
        const YamlNode& key = declarations->keys[i];
        const YamlNode& decl = declarations->items[i];
        Parameter p;
        p.name = key.value;
        p.key = key;
        if (!decl.isMap()) {
            result.append(p);
            continue; // the schema reports a parameter that is not a mapping
        }
        const YamlNode* type = decl.get(u"type");
        p.type = type ? type->value : QString();
        if (!p.type.isEmpty() && !parameterTypes().contains(p.type)) {
            result.append(p);
            continue; // the schema reports the unknown type
        }
        if (const YamlNode* values = decl.get(u"enum"))
            p.enumValues = values->toStringList();
        if (p.type == u"enum" && p.enumValues.isEmpty())
            report(type ? *type : key, Severity::Error, Category::Semantic, QStringLiteral("invalid-parameter"),
                   QStringLiteral("enum parameter '%1' of %2 lists no values; expected enum: [a, b, …]")
                       .arg(p.name, owner));
        if (const YamlNode* def = decl.get(u"default")) {
            p.hasDefault = true;
            p.defaultValue = *def;
            if (const QString problem = checkArgument(p, *def); !problem.isEmpty())
                report(*def, Severity::Error, Category::Semantic, QStringLiteral("invalid-parameter"),
                       QStringLiteral("the default of parameter '%1' of %2 %3").arg(p.name, owner, problem));
        }
        result.append(p);
    }
    return result;
}

QString checkArgument(const Parameter& parameter, const YamlNode& value)
{
    // A reference is resolved by CircleCI when the configuration is processed: its type is checked there.
    if (value.isScalar() && value.value.contains(u"<<"))
        return {};
    const QString& type = parameter.type;
    if (type == u"boolean" && !(value.isBool()))
        return QStringLiteral("must be a boolean (true or false), found '%1'").arg(scalarText(value));
    if (type == u"integer" && !value.isInteger())
        return QStringLiteral("must be an integer, found '%1'").arg(scalarText(value));
    if ((type == u"string" || type == u"env_var_name") && !value.isScalar() && !value.isNull())
        return QStringLiteral("must be a string, found %1").arg(value.typeName());
    if (type == u"env_var_name" && value.isScalar() && !value.value.isEmpty()) {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!name.match(value.value).hasMatch())
            return QStringLiteral("must be an environment variable name, found '%1'").arg(value.value);
    }
    if (type == u"enum" && !parameter.enumValues.isEmpty() && !parameter.enumValues.contains(scalarText(value)))
        return QStringLiteral("must be one of %1, found '%2'%3")
            .arg(parameter.enumValues.join(QStringLiteral(", ")), scalarText(value),
                 didYouMean(scalarText(value), parameter.enumValues));
    if (type == u"steps" && !value.isSequence() && !value.isNull())
        return QStringLiteral("must be a list of steps, found %1").arg(value.typeName());
    if (type == u"executor" && !value.isScalar() && !value.isMap())
        return QStringLiteral("must be an executor name or mapping, found %1").arg(value.typeName());
    return {};
}

QHash<QString, YamlNode> bindArguments(const QList<Parameter>& declared, const YamlNode* call, const YamlNode& at,
                                       const QStringList& reserved, const QString& what, const Report& report)
{
    QHash<QString, YamlNode> values;
    QStringList names;
    for (const Parameter& p : declared)
        names.append(p.name);
    if (call && call->isMap()) {
        for (size_t i = 0; i < call->keys.size(); ++i) {
            const YamlNode& key = call->keys[i];
            if (reserved.contains(key.value))
                continue;
            const auto it = std::find_if(declared.cbegin(), declared.cend(),
                                         [&key](const Parameter& p) { return p.name == key.value; });
            if (it == declared.cend()) {
                report(key, Severity::Error, Category::Semantic, QStringLiteral("unknown-parameter"),
                       QStringLiteral("%1 has no parameter '%2'%3")
                           .arg(what, key.value,
                                names.isEmpty() ? QStringLiteral("; it declares none")
                                    : didYouMean(key.value, names).isEmpty()
                                    ? QStringLiteral("; expected one of: %1").arg(names.join(QStringLiteral(", ")))
                                    : didYouMean(key.value, names)));
                continue;
            }
            if (const QString problem = checkArgument(*it, call->items[i]); !problem.isEmpty())
                report(call->items[i], Severity::Error, Category::Semantic, QStringLiteral("invalid-argument"),
                       QStringLiteral("parameter '%1' of %2 %3").arg(key.value, what, problem));
            values.insert(key.value, call->items[i]);
        }
    }
    for (const Parameter& p : declared) {
        if (values.contains(p.name))
            continue;
        if (p.hasDefault)
            values.insert(p.name, p.defaultValue);
        else if (!p.type.isEmpty())
            report(at, Severity::Error, Category::Semantic, QStringLiteral("missing-parameter"),
                   QStringLiteral("%1 needs the parameter '%2' (%3, no default)").arg(what, p.name, p.type));
    }
    return values;
}

YamlNode substitute(const YamlNode& node, const Scope& scope, int depth)
{
    if (depth > 64)
        return node;
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return node;
    case YamlNode::Kind::Scalar: {
        if (!node.value.contains(u"<<"))
            return node;
        if (const YamlNode* whole = wholeReference(node, scope); whole && !whole->isScalar()) {
            YamlNode copy = *whole;
            if (!copy.hasPosition()) {
                copy.line = node.line;
                copy.column = node.column;
            }
            return copy;
        }
        YamlNode copy = node;
        const QString text = resolveSections(node.value, scope);
        QRegularExpressionMatchIterator it = referencePattern().globalMatch(text);
        QString out;
        qsizetype last = 0;
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(last, m.capturedStart() - last);
            const YamlNode* value = m.captured(1).isEmpty() ? lookup(scope, m.captured(2), m.captured(3)) : nullptr;
            if (value)
                out += scalarText(*value);
            else
                out += m.captured(0);
            last = m.capturedEnd();
        }
        out += QStringView(text).mid(last);
        copy.value = out;
        // The whole value came from one parameter: it keeps the parameter's type (a boolean stays a boolean).
        if (const YamlNode* whole = wholeReference(node, scope); whole && whole->isScalar())
            copy.plain = whole->plain;
        return copy;
    }
    case YamlNode::Kind::Sequence: {
        YamlNode copy = node;
        copy.items.clear();
        for (const YamlNode& item : node.items) {
            const YamlNode* whole = wholeReference(item, scope);
            if (whole && whole->isSequence()) {
                for (const YamlNode& spliced : whole->items)
                    copy.items.push_back(substitute(spliced, scope, depth + 1));
                continue;
            }
            copy.items.push_back(substitute(item, scope, depth + 1));
        }
        return copy;
    }
    case YamlNode::Kind::Map: {
        YamlNode copy = node;
        for (auto& item : copy.items)
            item = substitute(item, scope, depth + 1);
        return copy;
    }
    }
    return node;
}

} // namespace gatehouse::pipeline::circleci
