// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JenkinsSyntax.h"

#include "GroovyLexer.h"

namespace gatehouse::pipeline::jenkins {

const Value* Statement::positional(int index) const
{
    int seen = 0;
    for (const Argument& argument : arguments) {
        if (argument.name.isEmpty() && seen++ == index)
            return &argument.value;
    }
    return nullptr;
}

const Value* Statement::named(QStringView key) const
{
    for (const Argument& argument : arguments) {
        if (argument.name == key)
            return &argument.value;
    }
    return nullptr;
}

const Statement* Statement::child(QStringView childName) const
{
    for (const Statement& statement : body) {
        if (statement.form == Form::Call && statement.name == childName)
            return &statement;
    }
    return nullptr;
}

namespace {

using Type = Token::Type;

/// Blocks whose content is Groovy code rather than declarative directives.
bool isOpaque(const QString& name)
{
    return name == u"script" || name == u"expression";
}

constexpr int MaxDepth = 200; // deeper nesting is refused rather than recursed into

class Parser
{
public:
    Parser(const QString& source, const QString& path, QList<Diagnostic>& diagnostics)
        : m_source(source)
        , m_path(path)
        , m_diagnostics(diagnostics)
        , m_lexer(source, path, diagnostics)
    {
        m_tokens = m_lexer.tokens();
    }

    std::vector<Statement> parseFile()
    {
        std::vector<Statement> statements = parseStatements(nullptr, 0);
        return statements;
    }

private:
    const Token& cur() const { return m_tokens[std::min(m_pos, m_tokens.size() - 1)]; }
    const Token& peek(size_t ahead = 1) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    bool atEnd() const { return cur().type == Type::End; }
    void advance()
    {
        if (!atEnd())
            ++m_pos;
    }
    void skipNewlines()
    {
        while (cur().type == Type::Newline)
            advance();
    }
    bool endsStatement(const Token& token) const
    {
        return token.type == Type::Newline || token.type == Type::End || token.is(u";") || token.is(u"}");
    }

    void syntaxError(const Token& at, const QString& message)
    {
        if (m_diagnostics.size() > 200)
            return; // one broken bracket can cascade; the first errors are the useful ones
        m_diagnostics.append(
            {m_path, at.line, at.column, Severity::Error, Category::Syntax, QStringLiteral("jenkins.syntax"), message});
    }

    static QString closerOf(const QString& open)
    {
        return open == u"(" ? QStringLiteral(")") : open == u"[" ? QStringLiteral("]") : QStringLiteral("}");
    }

    /// Consumes a bracketed group (the current token opens it) iteratively; reports unclosed and mismatched
    /// brackets. Returns the index of the closing token (or of the end).
    size_t skipBalanced()
    {
        std::vector<size_t> open{m_pos};
        advance();
        while (!open.empty()) {
            const Token& token = cur();
            if (token.type == Type::End) {
                const Token& opener = m_tokens[open.back()];
                syntaxError(opener, QStringLiteral("'%1' opened here is never closed").arg(opener.text));
                return m_pos;
            }
            if (token.is(u"(") || token.is(u"[") || token.is(u"{")) {
                open.push_back(m_pos);
            } else if (token.is(u")") || token.is(u"]") || token.is(u"}")) {
                const Token& opener = m_tokens[open.back()];
                if (closerOf(opener.text) != token.text) {
                    syntaxError(token,
                                QStringLiteral("'%1' does not close the '%2' opened at line %3, column %4")
                                    .arg(token.text, opener.text)
                                    .arg(opener.line)
                                    .arg(opener.column));
                }
                open.pop_back();
                if (open.empty())
                    return m_pos++;
            }
            advance();
        }
        return m_pos;
    }

    QString sourceBetween(qsizetype begin, qsizetype end) const { return m_source.mid(begin, end - begin); }

    /// Skips the rest of an expression: up to `,`, a closing bracket or the end of the line at depth 0 (a line
    /// that ends with an operator, or a next line that starts with `.`, continues it).
    void skipExpression(bool stopAtColon = false)
    {
        while (true) {
            const Token& token = cur();
            if (token.type == Type::End || token.is(u",") || token.is(u")") || token.is(u"]") || token.is(u"}")
                || token.is(u";") || (stopAtColon && token.is(u":")))
                return;
            if (token.type == Type::Newline) {
                const Token& before = m_tokens[m_pos - 1];
                const Token& after = peek();
                const bool continues
                    = (before.type == Type::Punctuation && !before.is(u")") && !before.is(u"]") && !before.is(u"}"))
                    || after.is(u".") || after.is(u"?.") || after.is(u"?") || after.is(u":") || after.is(u"&&")
                    || after.is(u"||");
                if (!continues)
                    return;
                advance();
                continue;
            }
            if (token.is(u"(") || token.is(u"[") || token.is(u"{")) {
                skipBalanced();
                continue;
            }
            advance();
        }
    }

    Value expressionFrom(size_t startToken)
    {
        Value value;
        const Token& start = m_tokens[startToken];
        value.line = start.line;
        value.column = start.column;
        skipExpression();
        const qsizetype end = m_pos > startToken ? m_tokens[m_pos - 1].end : start.end;
        value.type = Value::Type::Expression;
        value.text = sourceBetween(start.begin, end).trimmed();
        return value;
    }

    std::vector<Argument> parseArguments(const QString& close, int depth)
    {
        std::vector<Argument> arguments;
        while (true) {
            skipNewlines();
            const Token& token = cur();
            if (token.type == Type::End || token.is(close))
                break;
            if (token.is(u")") || token.is(u"]") || token.is(u"}")) {
                syntaxError(token, QStringLiteral("expected '%1', found '%2'").arg(close, token.text));
                break;
            }
            const size_t before = m_pos;
            Argument argument;
            argument.line = token.line;
            argument.column = token.column;
            if ((token.type == Type::Identifier || token.type == Type::String || token.type == Type::Number)
                && peek().is(u":")) {
                argument.name = token.text;
                advance();
                advance();
                skipNewlines();
            }
            argument.value = parseValue(depth + 1);
            arguments.push_back(std::move(argument));
            skipNewlines();
            if (cur().is(u","))
                advance();
            else if (!cur().is(close) && m_pos == before)
                advance(); // never stall on a token no form takes
        }
        return arguments;
    }

    Value parseValue(int depth)
    {
        const size_t start = m_pos;
        const Token& token = cur();
        Value value;
        value.line = token.line;
        value.column = token.column;
        if (depth > MaxDepth) {
            syntaxError(token, QStringLiteral("nesting too deep"));
            return expressionFrom(start);
        }
        if (token.type == Type::String) {
            value.type = Value::Type::String;
            value.text = token.text;
            value.interpolated = token.interpolated;
            value.verbatim = token.verbatim;
            value.contentLine = token.contentLine;
            value.contentColumn = token.contentColumn;
            advance();
        } else if (token.type == Type::Number) {
            value.type = Value::Type::Number;
            value.text = token.text;
            advance();
        } else if (token.type == Type::Identifier) {
            value.text = token.text;
            advance();
            if (token.text == u"true" || token.text == u"false") {
                value.type = Value::Type::Bool;
            } else if (token.text == u"null") {
                value.type = Value::Type::Null;
            } else if (cur().is(u"(")) {
                value.type = Value::Type::Call;
                advance();
                value.arguments = parseArguments(QStringLiteral(")"), depth);
                if (cur().is(u")"))
                    advance();
                if (cur().is(u"{"))
                    parseClosureInto(value, depth);
            } else if (cur().is(u"{")) {
                value.type = Value::Type::Call;
                parseClosureInto(value, depth);
            } else {
                value.type = Value::Type::Identifier;
            }
        } else if (token.is(u"[")) {
            advance();
            skipNewlines();
            if (cur().is(u":") && peek().is(u"]")) {
                value.type = Value::Type::Map;
                advance();
                advance();
            } else {
                value.arguments = parseArguments(QStringLiteral("]"), depth);
                if (cur().is(u"]"))
                    advance();
                const bool named = !value.arguments.empty() && !value.arguments.front().name.isEmpty();
                value.type = named ? Value::Type::Map : Value::Type::List;
            }
        } else if (token.is(u"{")) {
            value.type = Value::Type::Closure;
            parseClosureInto(value, depth);
        } else {
            return expressionFrom(start);
        }
        // Anything after the primary value (an operator, a method chain) makes it an expression.
        const Token& next = cur();
        const bool complete = next.type == Type::End || next.type == Type::Newline || next.is(u",") || next.is(u")")
            || next.is(u"]") || next.is(u"}") || next.is(u";");
        if (!complete) {
            m_pos = start;
            Value expression = expressionFrom(start);
            expression.interpolated = value.interpolated || value.type != Value::Type::String;
            return expression;
        }
        return value;
    }

    /// A trailing closure of a call: its statements (or its code, for opaque names).
    void parseClosureInto(Value& value, int depth)
    {
        const Token open = cur();
        advance();
        value.body = parseStatements(&open, depth + 1);
    }

    Statement parseStatement(int depth)
    {
        const size_t start = m_pos;
        const Token& token = cur();
        Statement statement;
        statement.line = token.line;
        statement.column = token.column;
        if (token.type != Type::Identifier) {
            statement.form = Statement::Form::Other;
            if (token.is(u"{")) {
                const Token open = token;
                advance();
                statement.hasBlock = true;
                statement.body = parseStatements(&open, depth + 1);
            } else {
                skipExpression();
            }
            statement.raw = sourceBetween(token.begin, m_tokens[std::max(m_pos, start + 1) - 1].end);
            return statement;
        }
        statement.name = token.text;
        advance();
        if (cur().is(u"=")) {
            statement.form = Statement::Form::Assignment;
            advance();
            skipNewlines();
            statement.assigned = parseValue(depth + 1);
        } else if (cur().is(u"(")) {
            advance();
            statement.arguments = parseArguments(QStringLiteral(")"), depth);
            if (cur().is(u")"))
                advance();
        } else if (!endsStatement(cur()) && !cur().is(u"{")) {
            // Command form: `sh 'make'`, `label 'linux'`, `timeout time: 5, unit: 'MINUTES'`.
            const Token& first = cur();
            const bool startsValue = first.type != Type::Punctuation || first.is(u"[") || first.is(u"-")
                || first.is(u"!") || first.is(u"(");
            if (startsValue) {
                while (true) {
                    Argument argument;
                    argument.line = cur().line;
                    argument.column = cur().column;
                    if ((cur().type == Type::Identifier || cur().type == Type::String) && peek().is(u":")) {
                        argument.name = cur().text;
                        advance();
                        advance();
                        skipNewlines();
                    }
                    const size_t before = m_pos;
                    argument.value = parseValue(depth + 1);
                    statement.arguments.push_back(std::move(argument));
                    if (m_pos == before)
                        break;
                    if (!cur().is(u","))
                        break;
                    advance();
                    skipNewlines();
                }
            }
        }
        if (cur().is(u"{")
            || (cur().type == Type::Newline && peek().is(u"{") && statement.form == Statement::Form::Call
                && !statement.arguments.empty())) {
            skipNewlines();
            const Token open = cur();
            statement.hasBlock = true;
            if (isOpaque(statement.name)) {
                statement.opaque = true;
                const size_t close = skipBalanced();
                const qsizetype contentBegin = open.end;
                const qsizetype contentEnd = m_tokens[close].is(u"}") ? m_tokens[close].begin : m_source.size();
                statement.raw = sourceBetween(contentBegin, contentEnd);
                std::tie(statement.rawLine, statement.rawColumn) = m_lexer.position(contentBegin);
            } else {
                advance();
                statement.body = parseStatements(&open, depth + 1);
            }
        }
        if (!endsStatement(cur())) {
            const Token& extra = cur();
            statement.trailingLine = extra.line;
            statement.trailingColumn = extra.column;
            const size_t from = m_pos;
            skipExpression();
            if (m_pos == from)
                advance();
            statement.trailing = sourceBetween(extra.begin, m_tokens[m_pos - 1].end).trimmed();
        }
        return statement;
    }

    /// Statements up to the `}` that closes `open` (or the end of the file when `open` is null).
    std::vector<Statement> parseStatements(const Token* open, int depth)
    {
        std::vector<Statement> statements;
        if (depth > MaxDepth) {
            syntaxError(*open, QStringLiteral("nesting too deep"));
            --m_pos;
            skipBalanced();
            return statements;
        }
        while (true) {
            while (cur().type == Type::Newline || cur().is(u";"))
                advance();
            const Token& token = cur();
            if (token.type == Type::End) {
                if (open)
                    syntaxError(*open, QStringLiteral("'{' opened here is never closed"));
                return statements;
            }
            if (token.is(u"}")) {
                if (open) {
                    advance();
                    return statements;
                }
                syntaxError(token, QStringLiteral("'}' closes no block"));
                advance();
                continue;
            }
            if (token.is(u")") || token.is(u"]")) {
                syntaxError(token, QStringLiteral("'%1' closes nothing here").arg(token.text));
                advance();
                continue;
            }
            const size_t before = m_pos;
            statements.push_back(parseStatement(depth));
            if (m_pos == before)
                advance();
        }
    }

    const QString& m_source;
    QString m_path;
    QList<Diagnostic>& m_diagnostics;
    GroovyLexer m_lexer;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
};

} // namespace

Document JenkinsSyntax::parse(const QString& text, const QString& path)
{
    Document document;
    if (text.size() > MaxSize) {
        document.diagnostics.append(
            {path, 1, 1, Severity::Error, Category::Syntax, QStringLiteral("jenkins.syntax"),
             QStringLiteral("the file has %1 characters; files over %2 are not read").arg(text.size()).arg(MaxSize)});
        return document;
    }
    Parser parser(text, path, document.diagnostics);
    document.statements = parser.parseFile();
    return document;
}

} // namespace gatehouse::pipeline::jenkins
