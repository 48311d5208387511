// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubExpression.h"

namespace gatehouse::pipeline {

const QStringList& GitHubExpression::contexts()
{
    static const QStringList names
        = {QStringLiteral("github"),   QStringLiteral("env"),    QStringLiteral("vars"),   QStringLiteral("job"),
           QStringLiteral("jobs"),     QStringLiteral("steps"),  QStringLiteral("runner"), QStringLiteral("secrets"),
           QStringLiteral("strategy"), QStringLiteral("matrix"), QStringLiteral("needs"),  QStringLiteral("inputs")};
    return names;
}

const QStringList& GitHubExpression::functions()
{
    static const QStringList names
        = {QStringLiteral("contains"), QStringLiteral("startswith"), QStringLiteral("endswith"),
           QStringLiteral("format"),   QStringLiteral("join"),       QStringLiteral("tojson"),
           QStringLiteral("fromjson"), QStringLiteral("hashfiles"),  QStringLiteral("success"),
           QStringLiteral("always"),   QStringLiteral("cancelled"),  QStringLiteral("failure"),
           QStringLiteral("case")};
    return names;
}

QList<std::pair<int, QString>> GitHubExpression::embedded(const QString& value)
{
    QList<std::pair<int, QString>> result;
    qsizetype from = 0;
    while (true) {
        const qsizetype start = value.indexOf(u"${{", from);
        if (start < 0)
            break;
        // The closing `}}` that is not inside a string literal.
        qsizetype i = start + 3;
        bool inString = false;
        qsizetype end = -1;
        for (; i + 1 < value.size(); ++i) {
            if (value[i] == u'\'')
                inString = !inString;
            else if (!inString && value[i] == u'}' && value[i + 1] == u'}') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            result.append({-1, value.mid(start + 3)});
            break;
        }
        result.append({int(start + 3), value.mid(start + 3, end - start - 3)});
        from = end + 2;
    }
    return result;
}

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

class Parser
{
public:
    explicit Parser(QStringView text, GitHubExpression& result)
        : m_text(text)
        , m_result(result)
    {
        advance();
    }

    bool parseAll()
    {
        if (!parseOr())
            return false;
        if (m_token.type != Token::End)
            return fail(QStringLiteral("unexpected '%1'").arg(m_token.text));
        return true;
    }

private:
    bool fail(const QString& message)
    {
        if (m_result.error.isEmpty()) {
            m_result.error = message;
            m_result.errorOffset = m_token.offset;
        }
        return false;
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
            while (m_pos < m_text.size()
                   && (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == u'_' || m_text[m_pos] == u'-'))
                ++m_pos;
            m_token.type = Token::Ident;
            m_token.text = m_text.mid(start, m_pos - start).toString();
            return;
        }
        if (c.isDigit() || (c == u'-' && m_pos + 1 < m_text.size() && m_text[m_pos + 1].isDigit())) {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size()
                   && (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == u'.'
                       || ((m_text[m_pos] == u'+' || m_text[m_pos] == u'-')
                           && (m_text[m_pos - 1] == u'e' || m_text[m_pos - 1] == u'E'))))
                ++m_pos;
            m_token.type = Token::Number;
            m_token.text = m_text.mid(start, m_pos - start).toString();
            return;
        }
        if (c == u'\'') {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size()) {
                if (m_text[m_pos] == u'\'') {
                    if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\'') {
                        m_pos += 2;
                        continue;
                    }
                    break;
                }
                ++m_pos;
            }
            if (m_pos >= m_text.size()) {
                m_token.type = Token::Error;
                m_token.text = QStringLiteral("unterminated string");
                m_token.offset = int(start);
                return;
            }
            ++m_pos;
            m_token.type = Token::String;
            m_token.text = m_text.mid(start, m_pos - start).toString();
            return;
        }
        static const QStringList twoChar = {QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<="),
                                            QStringLiteral(">="), QStringLiteral("&&"), QStringLiteral("||")};
        const QString two = m_text.mid(m_pos, 2).toString();
        if (twoChar.contains(two)) {
            m_pos += 2;
            m_token.type = Token::Punct;
            m_token.text = two;
            return;
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

    bool parseOr()
    {
        if (m_depth >= MaxDepth)
            return fail(
                QStringLiteral("the expression is nested more than %1 levels deep (GitHub's limit)").arg(MaxDepth));
        ++m_depth;
        const bool ok = parseOrAtDepth();
        --m_depth;
        return ok;
    }
    bool parseOrAtDepth()
    {
        if (!parseAnd())
            return false;
        while (is("||")) {
            advance();
            if (!parseAnd())
                return false;
        }
        return true;
    }
    bool parseAnd()
    {
        if (!parseEquality())
            return false;
        while (is("&&")) {
            advance();
            if (!parseEquality())
                return false;
        }
        return true;
    }
    bool parseEquality()
    {
        if (!parseComparison())
            return false;
        while (is("==") || is("!=")) {
            advance();
            if (!parseComparison())
                return false;
        }
        return true;
    }
    bool parseComparison()
    {
        if (!parseUnary())
            return false;
        while (is("<") || is("<=") || is(">") || is(">=")) {
            advance();
            if (!parseUnary())
                return false;
        }
        return true;
    }
    bool parseUnary()
    {
        while (is("!")) // a loop, not recursion: "!!!!…" must not grow the stack
            advance();
        return parsePostfix();
    }
    bool parsePostfix()
    {
        QString path;
        int offset = m_token.offset;
        bool isContext = false;
        if (!parsePrimary(&path, &isContext))
            return false;
        while (is(".") || is("[")) {
            if (is(".")) {
                advance();
                if (m_token.type == Token::Ident || is("*")) {
                    path += u'.' + m_token.text;
                    advance();
                } else {
                    return fail(QStringLiteral("expected a property name after '.'"));
                }
            } else {
                advance();
                if (is("*")) {
                    path += QStringLiteral(".*");
                    advance();
                } else {
                    const bool literal = m_token.type == Token::String;
                    const QString text = m_token.text;
                    if (!parseOr())
                        return false;
                    path += literal ? u'.' + text.mid(1, text.size() - 2) : QStringLiteral(".*");
                }
                if (!is("]"))
                    return fail(QStringLiteral("expected ']'"));
                advance();
            }
        }
        if (isContext)
            m_result.accesses.append({path, offset});
        return true;
    }
    bool parsePrimary(QString* path, bool* isContext)
    {
        switch (m_token.type) {
        case Token::End:
            return fail(QStringLiteral("unexpected end of expression"));
        case Token::Error:
            return fail(m_token.text.size() > 1 ? m_token.text
                                                : QStringLiteral("unexpected character '%1'").arg(m_token.text));
        case Token::Number:
        case Token::String:
            advance();
            return true;
        case Token::Punct:
            if (is("(")) {
                advance();
                if (!parseOr())
                    return false;
                if (!is(")"))
                    return fail(QStringLiteral("expected ')'"));
                advance();
                return true;
            }
            return fail(QStringLiteral("unexpected '%1'").arg(m_token.text));
        case Token::Ident:
            break;
        }
        const QString name = m_token.text;
        const int offset = m_token.offset;
        advance();
        if (is("(")) {
            if (!GitHubExpression::functions().contains(name.toLower()))
                m_result.unknownFunctions.append(name);
            advance();
            if (!is(")")) {
                while (true) {
                    if (!parseOr())
                        return false;
                    if (is(","))
                        advance();
                    else
                        break;
                }
            }
            if (!is(")"))
                return fail(QStringLiteral("expected ')' after the arguments of %1()").arg(name));
            advance();
            return true;
        }
        const QString lower = name.toLower();
        if (lower == u"true" || lower == u"false" || lower == u"null" || name == u"NaN" || name == u"Infinity")
            return true;
        if (!GitHubExpression::contexts().contains(lower)) {
            m_result.unknownContexts.append(name);
            m_result.unknownContextOffsets.append(offset);
        }
        *path = lower;
        *isContext = true;
        return true;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    Token m_token;
    GitHubExpression& m_result;
};

} // namespace

GitHubExpression GitHubExpression::parse(QStringView text)
{
    GitHubExpression result;
    if (text.trimmed().isEmpty()) {
        result.error = QStringLiteral("empty expression");
        return result;
    }
    Parser parser(text, result);
    result.ok = parser.parseAll();
    return result;
}

} // namespace gatehouse::pipeline
