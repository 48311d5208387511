// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExpressionSyntax.h"

#include <QRegularExpression>

namespace gatehouse::pipeline::github {

namespace {

struct Token
{
    enum Type
    {
        End,
        Ident,
        Number,
        String,
        Punct,
        Error
    } type
        = End;
    QString text;
    int offset = 0;
};

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}

class Parser
{
public:
    Parser(QStringView text, ExpressionSyntax& result)
        : m_text(text)
        , m_result(result)
    {
        advance();
    }

    bool parseAll()
    {
        const int root = parseOr();
        if (root < 0)
            return false;
        if (m_token.type != Token::End)
            return fail(QStringLiteral("unexpected '%1'").arg(m_token.text)) >= 0;
        m_result.root = root;
        return true;
    }

private:
    int fail(const QString& message)
    {
        if (m_result.error.isEmpty()) {
            m_result.error = message;
            m_result.errorOffset = m_token.offset;
        }
        return -1;
    }

    int add(ExpressionNode node, int start = -1)
    {
        node.start = start < 0 ? node.offset : start;
        m_result.nodes.append(std::move(node));
        return int(m_result.nodes.size() - 1);
    }
    int add(ExpressionNode::Kind kind, int offset, const QString& text, QList<int> children = {}, int start = -1)
    {
        ExpressionNode node;
        node.kind = kind;
        node.offset = offset;
        node.text = text;
        node.children = std::move(children);
        return add(std::move(node), start);
    }

    void lexNumber()
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size()
               && (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == u'.'
                   || ((m_text[m_pos] == u'+' || m_text[m_pos] == u'-')
                       && (m_text[m_pos - 1] == u'e' || m_text[m_pos - 1] == u'E'))))
            ++m_pos;
        m_token.type = Token::Number;
        m_token.text = m_text.mid(start, m_pos - start).toString();
    }

    void lexString()
    {
        const qsizetype start = m_pos++;
        QString value;
        while (m_pos < m_text.size()) {
            if (m_text[m_pos] == u'\'') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\'') {
                    value += u'\'';
                    m_pos += 2;
                    continue;
                }
                break;
            }
            value += m_text[m_pos++];
        }
        if (m_pos >= m_text.size()) {
            m_token.type = Token::Error;
            m_token.text = QStringLiteral("unterminated string");
            m_token.offset = int(start);
            return;
        }
        ++m_pos;
        m_token.type = Token::String;
        m_token.text = value;
    }

    void advance()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
        m_token = Token{};
        m_token.offset = int(m_pos);
        if (m_pos >= m_text.size())
            return;
        const QChar c = m_text[m_pos];
        if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
                ++m_pos;
            m_token.type = Token::Ident;
            m_token.text = m_text.mid(start, m_pos - start).toString();
            return;
        }
        if (c.isDigit() || (c == u'-' && m_pos + 1 < m_text.size() && m_text[m_pos + 1].isDigit()))
            return lexNumber();
        if (c == u'\'')
            return lexString();
        const QStringView two = m_text.mid(m_pos, 2);
        for (const char* op : {"==", "!=", "<=", ">=", "&&", "||"}) {
            if (two == QLatin1StringView(op)) {
                m_pos += 2;
                m_token.type = Token::Punct;
                m_token.text = two.toString();
                return;
            }
        }
        if (QStringView(u"()[].,!<>*").contains(c)) {
            ++m_pos;
            m_token.type = Token::Punct;
            m_token.text = QString(c);
            return;
        }
        m_token.type = Token::Error;
        m_token.text = QString(c);
    }

    bool is(const char* punct) const
    {
        return m_token.type == Token::Punct && m_token.text == QLatin1StringView(punct);
    }

    /// Every nesting ('(', '[', function arguments) goes through parseOr: bound it there so hostile input cannot
    /// exhaust the stack. GitHub itself stops at 50 levels ("Exceeded max expression depth").
    static constexpr int MaxDepth = 50;

    int parseOr()
    {
        if (m_depth >= MaxDepth)
            return fail(
                QStringLiteral("the expression is nested more than %1 levels deep (GitHub's limit)").arg(MaxDepth));
        ++m_depth;
        const int node = parseBinary(0);
        --m_depth;
        return node;
    }

    /// Precedence levels from loosest to tightest: || then && then == != then < <= > >=.
    int parseBinary(int level)
    {
        static const QList<QStringList> levels
            = {{QStringLiteral("||")},
               {QStringLiteral("&&")},
               {QStringLiteral("=="), QStringLiteral("!=")},
               {QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">=")}};
        if (level == levels.size())
            return parseUnary();
        int left = parseBinary(level + 1);
        while (left >= 0 && m_token.type == Token::Punct && levels[level].contains(m_token.text)) {
            const QString op = m_token.text;
            const int offset = m_token.offset;
            const int start = m_result.nodes[left].start;
            advance();
            const int right = parseBinary(level + 1);
            if (right < 0)
                return -1;
            left = add(ExpressionNode::Kind::Binary, offset, op, {left, right}, start);
        }
        return left;
    }

    int parseUnary()
    {
        QList<int> nots;
        while (is("!")) { // a loop, not recursion: "!!!!…" must not grow the stack
            nots.append(m_token.offset);
            advance();
        }
        int node = parsePostfix();
        for (qsizetype i = nots.size() - 1; node >= 0 && i >= 0; --i)
            node = add(ExpressionNode::Kind::Not, nots[i], QString(), {node}, nots[i]);
        return node;
    }

    int parsePostfix()
    {
        int node = parsePrimary();
        while (node >= 0 && (is(".") || is("["))) {
            const int start = m_result.nodes[node].start;
            if (is(".")) {
                advance();
                if (is("*")) {
                    node = add(ExpressionNode::Kind::Filter, m_token.offset, QString(), {node}, start);
                } else if (m_token.type == Token::Ident) {
                    node = add(ExpressionNode::Kind::Property, m_token.offset, m_token.text, {node}, start);
                } else {
                    return fail(QStringLiteral("expected a property name after '.'"));
                }
                advance();
                continue;
            }
            const int offset = m_token.offset;
            advance();
            if (is("*")) {
                advance();
                node = add(ExpressionNode::Kind::Filter, offset, QString(), {node}, start);
            } else {
                const int index = parseOr();
                if (index < 0)
                    return -1;
                node = add(ExpressionNode::Kind::Index, offset, QString(), {node, index}, start);
            }
            if (!is("]"))
                return fail(QStringLiteral("expected ']'"));
            advance();
        }
        return node;
    }

    int parseNumber()
    {
        static const QRegularExpression valid(
            QStringLiteral("^-?(0x[0-9a-fA-F]+|0o[0-7]+|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)$"));
        const QString text = m_token.text;
        if (!valid.match(text).hasMatch())
            return fail(QStringLiteral("invalid number '%1'").arg(text));
        ExpressionNode node;
        node.kind = ExpressionNode::Kind::Number;
        node.offset = m_token.offset;
        node.text = text;
        const bool negative = text.startsWith(u'-');
        const QString body = negative ? text.mid(1) : text;
        bool ok = true;
        if (body.startsWith(u"0x"))
            node.number = double(body.mid(2).toLongLong(&ok, 16));
        else if (body.startsWith(u"0o"))
            node.number = double(body.mid(2).toLongLong(&ok, 8));
        else
            node.number = body.toDouble(&ok);
        if (negative)
            node.number = -node.number;
        advance();
        return add(std::move(node));
    }

    int parseCall(const QString& name, int offset)
    {
        advance(); // '('
        QList<int> args;
        if (!is(")")) {
            while (true) {
                const int arg = parseOr();
                if (arg < 0)
                    return -1;
                args.append(arg);
                if (!is(","))
                    break;
                advance();
            }
        }
        if (!is(")"))
            return fail(QStringLiteral("expected ')' after the arguments of %1()").arg(name));
        advance();
        return add(ExpressionNode::Kind::Call, offset, name, args);
    }

    int parsePrimary()
    {
        switch (m_token.type) {
        case Token::End:
            return fail(QStringLiteral("unexpected end of expression"));
        case Token::Error:
            return fail(m_token.text.size() > 1 ? m_token.text
                                                : QStringLiteral("unexpected character '%1'").arg(m_token.text));
        case Token::Number:
            return parseNumber();
        case Token::String: {
            const int node = add(ExpressionNode::Kind::String, m_token.offset, m_token.text);
            advance();
            return node;
        }
        case Token::Punct:
            if (is("(")) {
                advance();
                const int inner = parseOr();
                if (inner < 0)
                    return -1;
                if (!is(")"))
                    return fail(QStringLiteral("expected ')'"));
                advance();
                return inner;
            }
            return fail(QStringLiteral("unexpected '%1'").arg(m_token.text));
        case Token::Ident:
            break;
        }
        const QString name = m_token.text;
        const int offset = m_token.offset;
        advance();
        if (is("("))
            return parseCall(name, offset);
        ExpressionNode node;
        node.offset = offset;
        node.text = name;
        const QString lower = name.toLower();
        if (lower == u"true" || lower == u"false") {
            node.kind = ExpressionNode::Kind::Bool;
            node.boolean = lower == u"true";
        } else if (lower == u"null") {
            node.kind = ExpressionNode::Kind::Null;
        } else if (name == u"NaN" || name == u"Infinity") {
            node.kind = ExpressionNode::Kind::Number;
            node.number = name == u"NaN" ? qQNaN() : qInf();
        } else {
            node.kind = ExpressionNode::Kind::Context;
        }
        return add(std::move(node));
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    Token m_token;
    ExpressionSyntax& m_result;
};

} // namespace

ExpressionSyntax ExpressionSyntax::parse(QStringView text)
{
    ExpressionSyntax result;
    if (text.trimmed().isEmpty()) {
        result.error = QStringLiteral("empty expression");
        return result;
    }
    Parser parser(text, result);
    result.ok = parser.parseAll();
    return result;
}

} // namespace gatehouse::pipeline::github
