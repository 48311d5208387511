// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroovyLexer.h"

#include <algorithm>

namespace gatehouse::pipeline::jenkins {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

/// Operators longest first, so `==~` wins over `==` and `=`.
const QStringList& operators()
{
    static const QStringList list = {
        QStringLiteral("==~"), QStringLiteral("<=>"), QStringLiteral("..<"), QStringLiteral(">>>"),
        QStringLiteral("=="),  QStringLiteral("!="),  QStringLiteral("<="),  QStringLiteral(">="),
        QStringLiteral("&&"),  QStringLiteral("||"),  QStringLiteral("=~"),  QStringLiteral("?:"),
        QStringLiteral("?."),  QStringLiteral("*."),  QStringLiteral(".&"),  QStringLiteral("->"),
        QStringLiteral(".."),  QStringLiteral("<<"),  QStringLiteral(">>"),  QStringLiteral("++"),
        QStringLiteral("--"),  QStringLiteral("+="),  QStringLiteral("-="),  QStringLiteral("*="),
        QStringLiteral("/="),  QStringLiteral("**"),  QStringLiteral("::"),
    };
    return list;
}

constexpr int MaxInterpolationDepth = 32;

} // namespace

GroovyLexer::GroovyLexer(const QString& source, const QString& path, QList<Diagnostic>& diagnostics)
    : m_source(source)
    , m_path(path)
    , m_diagnostics(diagnostics)
{
    m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < source.size(); ++i) {
        if (source.at(i) == u'\n')
            m_lineStarts.push_back(i + 1);
    }
}

std::pair<int, int> GroovyLexer::position(qsizetype offset) const
{
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = qsizetype(it - m_lineStarts.begin()); // 1-based
    return {int(line), int(offset - m_lineStarts[size_t(line - 1)] + 1)};
}

void GroovyLexer::error(qsizetype offset, const QString& message)
{
    const auto [line, column] = position(offset);
    m_diagnostics.append(
        {m_path, line, column, Severity::Error, Category::Syntax, QStringLiteral("jenkins.syntax"), message});
}

qsizetype GroovyLexer::skipQuoted(qsizetype i, int depth) const
{
    const QChar quote = at(i);
    const bool triple = at(i + 1) == quote && at(i + 2) == quote;
    const QString close = triple ? QString(3, quote) : QString(quote);
    i += close.size();
    while (i < m_source.size()) {
        const QChar c = m_source.at(i);
        if (c == u'\\') {
            i += 2;
            continue;
        }
        if (!triple && c == u'\n')
            return -1;
        if (quote == u'"' && c == u'$' && at(i + 1) == u'{') {
            i = skipInterpolation(i + 1, depth + 1);
            if (i < 0)
                return -1;
            continue;
        }
        if (QStringView(m_source).mid(i).startsWith(close))
            return i + close.size();
        ++i;
    }
    return -1;
}

qsizetype GroovyLexer::skipInterpolation(qsizetype i, int depth) const
{
    if (depth > MaxInterpolationDepth)
        return -1;
    int braces = 0;
    while (i < m_source.size()) {
        const QChar c = m_source.at(i);
        if (c == u'{') {
            ++braces;
        } else if (c == u'}') {
            if (--braces == 0)
                return i + 1;
        } else if (c == u'"' || c == u'\'') {
            const qsizetype end = skipQuoted(i, depth);
            if (end < 0)
                return -1;
            i = end;
            continue;
        }
        ++i;
    }
    return -1;
}

Token GroovyLexer::stringToken(qsizetype start, qsizetype open) const
{
    Token token;
    token.type = Token::Type::String;
    token.begin = start;
    std::tie(token.line, token.column) = position(start);
    std::tie(token.contentLine, token.contentColumn) = position(start + open);
    return token;
}

void GroovyLexer::finishString(std::vector<Token>& out, Token& token, const QString& value, qsizetype end)
{
    token.text = value;
    token.end = end;
    m_pos = end;
    out.push_back(token);
}

bool GroovyLexer::lexString(std::vector<Token>& out)
{
    const qsizetype start = m_pos;
    const QChar quote = at(start);
    const bool triple = at(start + 1) == quote && at(start + 2) == quote;
    const qsizetype open = triple ? 3 : 1;
    Token token = stringToken(start, open);
    qsizetype i = start + open;
    QString value;
    while (true) {
        if (i >= m_source.size()) {
            error(start, QStringLiteral("unterminated string: expected the closing %1").arg(QString(int(open), quote)));
            return false;
        }
        const QChar c = m_source.at(i);
        if (!triple && c == u'\n') {
            error(start,
                  QStringLiteral("unterminated string: a %1…%1 string ends on its line (use %2 for several lines)")
                      .arg(quote, QString(3, quote)));
            return false;
        }
        if (c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote))) {
            i += open;
            break;
        }
        if (c == u'\\') {
            token.verbatim = false;
            const QChar next = at(i + 1);
            switch (next.unicode()) {
            case 'n':
                value += u'\n';
                break;
            case 't':
                value += u'\t';
                break;
            case 'r':
                value += u'\r';
                break;
            case 'b':
                value += u'\b';
                break;
            case 'f':
                value += u'\f';
                break;
            case '\n':
                break; // a line continuation
            case 'u': {
                bool ok = false;
                const ushort code = m_source.mid(i + 2, 4).toUShort(&ok, 16);
                if (ok) {
                    value += QChar(code);
                    i += 6;
                    continue;
                }
                value += next;
                break;
            }
            default:
                value += next;
                break;
            }
            i += 2;
            continue;
        }
        if (quote == u'"' && c == u'$' && at(i + 1) == u'{') {
            token.interpolated = true;
            const qsizetype end = skipInterpolation(i + 1, 0);
            if (end < 0) {
                error(i, QStringLiteral("unterminated ${…} interpolation in a string"));
                return false;
            }
            value += m_source.mid(i, end - i);
            i = end;
            continue;
        }
        if (quote == u'"' && c == u'$' && isIdentifierStart(at(i + 1)))
            token.interpolated = true;
        value += c;
        ++i;
    }
    finishString(out, token, value, i);
    return true;
}

bool GroovyLexer::lexSlashy(std::vector<Token>& out, bool dollar)
{
    const qsizetype start = m_pos;
    const qsizetype open = dollar ? 2 : 1;
    Token token = stringToken(start, open);
    qsizetype i = start + open;
    QString value;
    while (true) {
        if (i >= m_source.size()) {
            error(start,
                  QStringLiteral("unterminated slashy string: expected the closing %1")
                      .arg(dollar ? QStringLiteral("/$") : QStringLiteral("/")));
            return false;
        }
        const QChar c = m_source.at(i);
        if (dollar ? (c == u'/' && at(i + 1) == u'$') : c == u'/') {
            i += open;
            break;
        }
        if (!dollar && c == u'\\' && at(i + 1) == u'/') {
            token.verbatim = false;
            value += u'/';
            i += 2;
            continue;
        }
        if (dollar && c == u'$' && (at(i + 1) == u'$' || at(i + 1) == u'/')) {
            token.verbatim = false;
            value += at(i + 1);
            i += 2;
            continue;
        }
        if (c == u'$' && (at(i + 1) == u'{' || isIdentifierStart(at(i + 1))))
            token.interpolated = true;
        value += c;
        ++i;
    }
    finishString(out, token, value, i);
    return true;
}

std::vector<Token> GroovyLexer::tokens()
{
    std::vector<Token> out;
    auto push = [&](Token::Type type, qsizetype begin, qsizetype end, const QString& text) {
        Token token;
        token.type = type;
        token.text = text;
        token.begin = begin;
        token.end = end;
        std::tie(token.line, token.column) = position(begin);
        out.push_back(token);
    };
    // The previous token decides whether `/` divides or opens a slashy string.
    auto divides = [&out, this]() {
        for (auto it = out.rbegin(); it != out.rend(); ++it) {
            if (it->type == Token::Type::Newline)
                return false;
            if (it->type == Token::Type::Identifier) {
                // A command at the start of a statement takes a slashy argument: `changelog /^fix/`.
                const auto before = it + 1;
                const bool commandStart = before == out.rend() || before->type == Token::Type::Newline
                    || before->is(u"{") || before->is(u";");
                if (commandStart && it->end < m_pos && !at(m_pos + 1).isSpace())
                    return false;
                return it->text != u"return";
            }
            if (it->type == Token::Type::Number || it->type == Token::Type::String)
                return true;
            return it->is(u")") || it->is(u"]") || it->is(u"}");
        }
        return false;
    };
    if (m_source.startsWith(u"#!")) {
        while (m_pos < m_source.size() && m_source.at(m_pos) != u'\n')
            ++m_pos;
    }
    while (m_pos < m_source.size()) {
        const QChar c = m_source.at(m_pos);
        if (c == u'\n') {
            if (out.empty() || out.back().type != Token::Type::Newline)
                push(Token::Type::Newline, m_pos, m_pos + 1, QString());
            ++m_pos;
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\r' || c == u'\f' || c == QChar(0xFEFF)) {
            ++m_pos;
            continue;
        }
        if (c == u'\\' && (at(m_pos + 1) == u'\n' || (at(m_pos + 1) == u'\r' && at(m_pos + 2) == u'\n'))) {
            m_pos += at(m_pos + 1) == u'\n' ? 2 : 3; // a line continuation
            continue;
        }
        if (c == u'/' && at(m_pos + 1) == u'/') {
            while (m_pos < m_source.size() && m_source.at(m_pos) != u'\n')
                ++m_pos;
            continue;
        }
        if (c == u'/' && at(m_pos + 1) == u'*') {
            const qsizetype end = m_source.indexOf(QStringLiteral("*/"), m_pos + 2);
            if (end < 0) {
                error(m_pos, QStringLiteral("unterminated comment: expected the closing */"));
                break;
            }
            m_pos = end + 2;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            if (!lexString(out))
                break;
            continue;
        }
        if (c == u'$' && at(m_pos + 1) == u'/') {
            if (!lexSlashy(out, true))
                break;
            continue;
        }
        if (c == u'/' && !divides()) {
            if (!lexSlashy(out, false))
                break;
            continue;
        }
        if (isIdentifierStart(c)) {
            const qsizetype start = m_pos;
            while (m_pos < m_source.size() && isIdentifierPart(m_source.at(m_pos)))
                ++m_pos;
            push(Token::Type::Identifier, start, m_pos, m_source.mid(start, m_pos - start));
            continue;
        }
        if (c.isDigit()) {
            const qsizetype start = m_pos;
            while (m_pos < m_source.size()
                   && (m_source.at(m_pos).isLetterOrNumber() || m_source.at(m_pos) == u'_'
                       || (m_source.at(m_pos) == u'.' && at(m_pos + 1).isDigit())))
                ++m_pos;
            push(Token::Type::Number, start, m_pos, m_source.mid(start, m_pos - start));
            continue;
        }
        const QStringView rest = QStringView(m_source).mid(m_pos, 3);
        QString op;
        for (const QString& candidate : operators()) {
            if (rest.startsWith(candidate)) {
                op = candidate;
                break;
            }
        }
        if (op.isEmpty()) {
            static const QString single = QStringLiteral("{}()[],.;:=+-*/%!?<>&|^~@");
            if (!single.contains(c)) {
                error(m_pos,
                      c.unicode() == 0 || c.category() == QChar::Other_Control
                          ? QStringLiteral("unexpected control character (U+%1): is this a binary file?")
                                .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                          : QStringLiteral("unexpected character '%1'").arg(c));
                break;
            }
            op = c;
        }
        push(Token::Type::Punctuation, m_pos, m_pos + op.size(), op);
        m_pos += op.size();
    }
    push(Token::Type::End, m_source.size(), m_source.size(), QString());
    return out;
}

} // namespace gatehouse::pipeline::jenkins
