// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace gatehouse::pipeline::github {

struct ObjectShape;

/// The static type of an expression value. Objects are shared: a context's shape is built once and read by
/// every expression that uses it.
struct ExpressionType
{
    enum class Kind : quint8
    {
        Any, ///< unknown at check time (accepted everywhere)
        Null,
        Bool,
        Number,
        String,
        Object,
        Array
    };
    Kind kind = Kind::Any;
    std::shared_ptr<const ObjectShape> object; ///< Object: its properties
    std::shared_ptr<const ExpressionType> element; ///< Array: its elements (Any when unknown)

    static ExpressionType any() { return {}; }
    static ExpressionType of(Kind kind)
    {
        ExpressionType t;
        t.kind = kind;
        return t;
    }
    static ExpressionType array(const ExpressionType& element);
    static ExpressionType objectOf(std::shared_ptr<const ObjectShape> shape);
    /// A map whose every property has `value` (env, secrets, outputs).
    static ExpressionType mapOf(const ExpressionType& value);

    bool isPrimitive() const { return kind == Kind::Bool || kind == Kind::Number || kind == Kind::String; }
    bool isComposite() const { return kind == Kind::Object || kind == Kind::Array; }
    /// "string", "object", "array of string", …
    QString name() const;

    /// Parses the compact notation the context tables are written in: `s` string, `n` number, `b` boolean,
    /// `a` any, `[T]` array of T, `{name:T,…}` strict object, `{name:T,…,*}` object with more unknown properties,
    /// `{*:T}` map of T. Names are stored lower-case (property access ignores case).
    static ExpressionType fromSpec(QStringView spec);
};

/// The properties of an object type.
struct ObjectShape
{
    struct Property
    {
        QString name; ///< as documented
        ExpressionType type;
    };
    QHash<QString, Property> properties; ///< by lower-case name
    /// The type of properties not listed; empty for a strict object whose unknown properties are errors.
    std::optional<ExpressionType> rest;
    /// For strict objects: the rule and the message of an unknown property (`%1` the name, `%2` the known names).
    QString unknownRule;
    QString unknownMessage;
    /// Fixed schemas (github, runner) make an unknown property a typo: an error. Names the workflow declares
    /// (matrix keys, step ids, needs, outputs, inputs) read as an empty value at run time: a warning.
    Severity unknownSeverity = Severity::Error;

    void add(const QString& name, const ExpressionType& type) { properties.insert(name.toLower(), {name, type}); }
    const Property* find(const QString& name) const;
    QStringList names() const;
};

/// The documented types of the contexts that do not depend on the workflow.
namespace contexts {
ExpressionType github(const QStringList& events); ///< github, with github.event typed for `events`
ExpressionType runner();
ExpressionType job();
ExpressionType strategy();
} // namespace contexts

} // namespace gatehouse::pipeline::github
