// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"

#include <QString>

#include <vector>

namespace gatehouse::pipeline::jenkins {

struct Argument;
struct Statement;

/// A Groovy value as the declarative syntax uses it: literals, identifiers, calls with arguments, lists, maps and
/// closures; anything more complex (operators, method chains) is kept as its source text.
struct Value
{
    enum class Type
    {
        String,
        Number,
        Bool,
        Null,
        Identifier,
        Call, ///< `name(args)`, `name(args) { … }` or `name { … }`
        List,
        Map,
        Closure,
        Expression ///< any other expression; `text` is its source
    };
    Type type = Type::Expression;
    QString text; ///< decoded string, identifier, number, call name, or the expression's source
    int line = 0;
    int column = 0;
    bool interpolated = false; ///< a GString with `${…}` (its value is only known when the build runs)
    bool verbatim = true; ///< a string whose text is its source unchanged (no escapes), so positions map 1:1
    int contentLine = 0; ///< where a string's first character is written
    int contentColumn = 0;
    std::vector<Argument> arguments; ///< call arguments, list items, map entries (named)
    std::vector<Statement> body; ///< a closure's statements (calls and closures)

    bool isString() const { return type == Type::String; }
    bool isLiteral() const { return type == Type::String || type == Type::Number || type == Type::Bool; }
};

/// `name: value` (a named argument or map entry) or a positional `value` (empty name).
struct Argument
{
    QString name;
    int line = 0;
    int column = 0;
    Value value;
};

/// One statement of a block: `name`, `name value, key: value`, `name(args)`, `name(args) { … }`, `name { … }` or
/// `NAME = value`. Blocks named `script` and `expression` are Groovy code: kept as text (`raw`) with their position.
struct Statement
{
    enum class Form
    {
        Call, ///< a directive, section or step
        Assignment, ///< `NAME = value` (environment)
        Other ///< anything else (Groovy statements, annotations); `raw` holds its text
    };
    Form form = Form::Call;
    QString name;
    int line = 0;
    int column = 0;
    std::vector<Argument> arguments;
    Value assigned; ///< the value of an assignment
    bool hasBlock = false;
    std::vector<Statement> body; ///< the block's statements (unless opaque)
    bool opaque = false; ///< the block is Groovy code kept in `raw`
    QString raw; ///< opaque block text (between the braces), or the text of an Other statement
    int rawLine = 0; ///< where `raw` begins
    int rawColumn = 0;
    QString trailing; ///< text after the statement that belongs to no form (`agent any foo`)
    int trailingLine = 0;
    int trailingColumn = 0;

    /// The first positional argument, or nullptr.
    const Value* positional(int index = 0) const;
    /// A named argument, or nullptr.
    const Value* named(QStringView key) const;
    /// The statements of the block named `name` (first one), or nullptr.
    const Statement* child(QStringView childName) const;
};

/// The parsed file: its top-level statements and the syntax errors (with line and column) met on the way.
struct Document
{
    std::vector<Statement> statements;
    QList<Diagnostic> diagnostics; ///< category syntax, rule "jenkins.syntax"
};

/// Reads the Groovy subset of a Jenkinsfile: every string form ('…', "…", '''…''', """…""", /slashy/, $/…/$),
/// comments, method calls with named arguments, closures, lists and maps. Unknown Groovy is kept as text, never
/// rejected: only broken strings, comments and brackets are syntax errors. Never throws; bounded recursion.
class JenkinsSyntax
{
public:
    static Document parse(const QString& text, const QString& path);
    /// Files bigger than this are refused with a diagnostic.
    static constexpr qsizetype MaxSize = 8 << 20;
};

} // namespace gatehouse::pipeline::jenkins
