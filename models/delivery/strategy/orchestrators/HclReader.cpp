// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HclReader.h"

namespace gatehouse::delivery {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

class Parser
{
public:
    explicit Parser(const QString& text)
        : m_s(text)
    { }

    HclReader::Parsed run()
    {
        HclReader::Parsed parsed;
        parseBody(parsed.body, true, 0);
        parsed.error = m_error;
        return parsed;
    }

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek(int offset = 0) const { return m_pos + offset < m_s.size() ? m_s.at(m_pos + offset) : QChar(); }
    void advance()
    {
        if (atEnd())
            return;
        if (m_s.at(m_pos) == QLatin1Char('\n')) {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }
    bool fail(const QString& message, int line = 0, int column = 0)
    {
        if (!m_error)
            m_error = HclError{line > 0 ? line : m_line, line > 0 ? column : m_column, message};
        return false;
    }
    QString found() const
    {
        if (atEnd())
            return QStringLiteral("the end of the file");
        if (peek() == QLatin1Char('\n'))
            return QStringLiteral("the end of the line");
        return QStringLiteral("'%1'").arg(peek());
    }

    /// Spaces and comments; new lines too when `newlines`. False on an unterminated block comment.
    bool skipSpace(bool newlines)
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')
                || (newlines && c == QLatin1Char('\n'))) {
                advance();
            } else if (c == QLatin1Char('#') || (c == QLatin1Char('/') && peek(1) == QLatin1Char('/'))) {
                while (!atEnd() && peek() != QLatin1Char('\n'))
                    advance();
            } else if (c == QLatin1Char('/') && peek(1) == QLatin1Char('*')) {
                const int line = m_line;
                const int column = m_column;
                advance();
                advance();
                while (!atEnd() && !(peek() == QLatin1Char('*') && peek(1) == QLatin1Char('/')))
                    advance();
                if (atEnd())
                    return fail(QStringLiteral("comment opened at line %1 is not closed").arg(line), line, column);
                advance();
                advance();
            } else {
                break;
            }
        }
        return true;
    }

    QString readIdent()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isIdentChar(peek()))
            advance();
        return m_s.mid(start, m_pos - start);
    }

    bool parseBody(HclBlock& block, bool top, int depth)
    {
        const int openLine = block.line;
        while (true) {
            if (!skipSpace(true))
                return false;
            if (atEnd()) {
                if (top)
                    return true;
                return fail(QStringLiteral("block '%1' opened at line %2 is not closed (missing '}')")
                                .arg(block.type)
                                .arg(openLine));
            }
            if (peek() == QLatin1Char('}')) {
                if (top)
                    return fail(QStringLiteral("unexpected '}' (no block is open)"));
                advance();
                return true;
            }
            if (!isIdentStart(peek()))
                return fail(QStringLiteral("expected an attribute or a block, found %1").arg(found()));
            const int line = m_line;
            const QString name = readIdent();
            if (!skipSpace(false))
                return false;
            if (peek() == QLatin1Char('=') && peek(1) != QLatin1Char('=')) {
                advance();
                HclAttribute attribute{name, {}, line};
                if (!parseExpression(attribute.value, depth))
                    return false;
                if (!skipSpace(false))
                    return false;
                if (!atEnd() && peek() != QLatin1Char('\n') && peek() != QLatin1Char('}'))
                    return fail(
                        QStringLiteral("expected a new line after attribute '%1', found %2").arg(name, found()));
                block.attributes << attribute;
                continue;
            }
            HclBlock child;
            child.type = name;
            child.line = line;
            while (peek() == QLatin1Char('"') || isIdentStart(peek())) {
                if (peek() == QLatin1Char('"')) {
                    HclValue label;
                    if (!parseString(label))
                        return false;
                    child.labels << label.text;
                } else {
                    child.labels << readIdent();
                }
                if (!skipSpace(false))
                    return false;
            }
            if (peek() != QLatin1Char('{'))
                return fail(QStringLiteral("expected '=' or '{' after '%1', found %2").arg(name, found()));
            if (depth + 1 > HclReader::MaxDepth)
                return fail(QStringLiteral("blocks nested deeper than %1 levels").arg(HclReader::MaxDepth));
            advance();
            if (!parseBody(child, false, depth + 1))
                return false;
            block.blocks << child;
        }
    }

    bool parseString(HclValue& value)
    {
        const int line = m_line;
        advance(); // opening quote
        QString text;
        int templateDepth = 0;
        while (true) {
            if (atEnd() || peek() == QLatin1Char('\n'))
                return fail(QStringLiteral("string opened at line %1 is not closed").arg(line));
            const QChar c = peek();
            if (templateDepth > 0) {
                if (c == QLatin1Char('{'))
                    ++templateDepth;
                else if (c == QLatin1Char('}'))
                    --templateDepth;
                text += c;
                advance();
                continue;
            }
            if (c == QLatin1Char('"')) {
                advance();
                break;
            }
            if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && peek(1) == QLatin1Char('{')) {
                templateDepth = 1;
                text += c;
                text += QLatin1Char('{');
                advance();
                advance();
                continue;
            }
            if (c == QLatin1Char('\\')) {
                advance();
                const QChar e = peek();
                if (e == QLatin1Char('n'))
                    text += QLatin1Char('\n');
                else if (e == QLatin1Char('t'))
                    text += QLatin1Char('\t');
                else if (e == QLatin1Char('r'))
                    text += QLatin1Char('\r');
                else if (e == QLatin1Char('"') || e == QLatin1Char('\\'))
                    text += e;
                else if (e == QLatin1Char('u')) {
                    bool ok = false;
                    const uint code = m_s.mid(m_pos + 1, 4).toUInt(&ok, 16);
                    if (!ok)
                        return fail(QStringLiteral("bad \\u escape in a string"));
                    text += QChar(char16_t(code));
                    for (int i = 0; i < 4; ++i)
                        advance();
                } else {
                    return fail(QStringLiteral("unknown escape '\\%1' in a string").arg(e));
                }
                advance();
                continue;
            }
            text += c;
            advance();
        }
        value.kind = HclValue::Kind::String;
        value.text = text;
        return true;
    }

    bool parseHeredoc(HclValue& value)
    {
        const int line = m_line;
        advance();
        advance();
        const bool indented = peek() == QLatin1Char('-');
        if (indented)
            advance();
        const QString marker = readIdent();
        if (marker.isEmpty() || peek() != QLatin1Char('\n'))
            return fail(QStringLiteral("a heredoc needs a marker and a new line (<<EOF)"));
        advance();
        QStringList lines;
        while (true) {
            if (atEnd())
                return fail(QStringLiteral("heredoc opened at line %1 is not closed by %2").arg(line).arg(marker));
            const qsizetype start = m_pos;
            while (!atEnd() && peek() != QLatin1Char('\n'))
                advance();
            const QString content = m_s.mid(start, m_pos - start);
            if (content.trimmed() == marker)
                break;
            lines << content;
            advance();
        }
        if (indented) {
            qsizetype indent = -1;
            for (const QString& l : std::as_const(lines)) {
                if (l.trimmed().isEmpty())
                    continue;
                qsizetype n = 0;
                while (n < l.size() && l.at(n).isSpace())
                    ++n;
                indent = indent < 0 ? n : std::min(indent, n);
            }
            for (QString& l : lines)
                l = l.mid(std::max<qsizetype>(0, indent));
        }
        value.kind = HclValue::Kind::String;
        value.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        return true;
    }

    bool parseExpression(HclValue& value, int depth)
    {
        if (!skipSpace(false))
            return false;
        value.line = m_line;
        if (depth > HclReader::MaxDepth)
            return fail(QStringLiteral("values nested deeper than %1 levels").arg(HclReader::MaxDepth));
        const QChar c = peek();
        if (c == QLatin1Char('"'))
            return parseString(value);
        if (c == QLatin1Char('<') && peek(1) == QLatin1Char('<'))
            return parseHeredoc(value);
        if (c == QLatin1Char('[')) {
            const int line = m_line;
            advance();
            value.kind = HclValue::Kind::List;
            while (true) {
                if (!skipSpace(true))
                    return false;
                if (atEnd())
                    return fail(QStringLiteral("list opened at line %1 is not closed (missing ']')").arg(line));
                if (peek() == QLatin1Char(']')) {
                    advance();
                    return true;
                }
                HclValue item;
                if (!parseExpression(item, depth + 1))
                    return false;
                value.items << item;
                if (!skipSpace(true))
                    return false;
                if (atEnd())
                    return fail(QStringLiteral("list opened at line %1 is not closed (missing ']')").arg(line));
                if (peek() == QLatin1Char(','))
                    advance();
                else if (peek() != QLatin1Char(']'))
                    return fail(QStringLiteral("expected ',' or ']' in a list, found %1").arg(found()));
            }
        }
        if (c == QLatin1Char('{')) {
            const int line = m_line;
            advance();
            value.kind = HclValue::Kind::Object;
            while (true) {
                if (!skipSpace(true))
                    return false;
                if (atEnd())
                    return fail(QStringLiteral("object opened at line %1 is not closed (missing '}')").arg(line));
                if (peek() == QLatin1Char('}')) {
                    advance();
                    return true;
                }
                QString key;
                if (peek() == QLatin1Char('"')) {
                    HclValue k;
                    if (!parseString(k))
                        return false;
                    key = k.text;
                } else if (isIdentStart(peek())) {
                    key = readIdent();
                } else {
                    return fail(QStringLiteral("expected an object key, found %1").arg(found()));
                }
                if (!skipSpace(false))
                    return false;
                if (peek() != QLatin1Char('=') && peek() != QLatin1Char(':'))
                    return fail(QStringLiteral("expected '=' after key '%1', found %2").arg(key, found()));
                advance();
                HclValue item;
                if (!parseExpression(item, depth + 1))
                    return false;
                value.fields << qMakePair(key, item);
                if (!skipSpace(false))
                    return false;
                if (peek() == QLatin1Char(','))
                    advance();
            }
        }
        if (c.isDigit() || (c == QLatin1Char('-') && peek(1).isDigit())) {
            const qsizetype start = m_pos;
            advance();
            while (!atEnd()
                   && (peek().isDigit() || peek() == QLatin1Char('.') || peek() == QLatin1Char('e')
                       || peek() == QLatin1Char('E')
                       || ((peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                           && (m_s.at(m_pos - 1) == QLatin1Char('e') || m_s.at(m_pos - 1) == QLatin1Char('E')))))
                advance();
            value.text = m_s.mid(start, m_pos - start);
            bool ok = false;
            value.number = value.text.toDouble(&ok);
            if (!ok)
                return fail(QStringLiteral("bad number '%1'").arg(value.text));
            value.kind = HclValue::Kind::Number;
            return rawRest(value, start);
        }
        if (isIdentStart(c)) {
            const qsizetype start = m_pos;
            const QString word = readIdent();
            if (word == QLatin1String("true") || word == QLatin1String("false")) {
                value.kind = HclValue::Kind::Bool;
                value.boolean = word == QLatin1String("true");
                value.text = word;
            } else if (word == QLatin1String("null")) {
                value.kind = HclValue::Kind::Null;
                value.text = word;
            } else {
                value.kind = HclValue::Kind::Expression;
            }
            return rawRest(value, start);
        }
        if (c == QLatin1Char('(') || c == QLatin1Char('!') || c == QLatin1Char('-')) {
            value.kind = HclValue::Kind::Expression;
            return rawRest(value, m_pos);
        }
        return fail(QStringLiteral("expected a value, found %1").arg(found()));
    }

    /// An expression continuing past a literal (`1 + var.x`, `var.count`, `max(1, 2)`): when an operator, an
    /// accessor or a call follows, the rest is kept as text up to the end of the line or a closing bracket of the
    /// enclosing value.
    bool rawRest(HclValue& value, qsizetype start)
    {
        static const QString continuation = QStringLiteral("+-*/%<>=!&|?:.[(");
        qsizetype ahead = m_pos;
        while (ahead < m_s.size() && (m_s.at(ahead) == QLatin1Char(' ') || m_s.at(ahead) == QLatin1Char('\t')))
            ++ahead;
        const bool continues = ahead < m_s.size() && continuation.contains(m_s.at(ahead))
            && !(m_s.at(ahead) == QLatin1Char('/') && ahead + 1 < m_s.size()
                 && (m_s.at(ahead + 1) == QLatin1Char('/') || m_s.at(ahead + 1) == QLatin1Char('*')));
        if (!continues) {
            if (value.kind == HclValue::Kind::Expression)
                value.text = m_s.mid(start, m_pos - start);
            return true;
        }
        int nesting = 0;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == QLatin1Char('\n') && nesting == 0)
                break;
            if (nesting == 0
                && (c == QLatin1Char(',') || c == QLatin1Char(']') || c == QLatin1Char('}') || c == QLatin1Char('#')
                    || (c == QLatin1Char('/') && (peek(1) == QLatin1Char('/') || peek(1) == QLatin1Char('*')))))
                break;
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++nesting;
            else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
                --nesting;
            advance();
        }
        if (nesting > 0)
            return fail(QStringLiteral("expression is missing a closing bracket"));
        value.kind = HclValue::Kind::Expression; // `1 + x` is not the number 1
        value.text = m_s.mid(start, m_pos - start).trimmed();
        return true;
    }

    const QString& m_s;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    std::optional<HclError> m_error;
};

} // namespace

std::optional<double> HclValue::toNumber() const
{
    if (kind == Kind::Number)
        return number;
    if (kind == Kind::String) {
        bool ok = false;
        const double value = text.trimmed().toDouble(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

std::optional<bool> HclValue::toBool() const
{
    if (kind == Kind::Bool)
        return boolean;
    if (kind == Kind::String && (text == QLatin1String("true") || text == QLatin1String("false")))
        return text == QLatin1String("true");
    return std::nullopt;
}

const HclAttribute* HclBlock::attribute(const QString& name) const
{
    for (const HclAttribute& a : attributes) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

const HclBlock* HclBlock::block(const QString& blockType) const
{
    for (const HclBlock& b : blocks) {
        if (b.type == blockType)
            return &b;
    }
    return nullptr;
}

QList<const HclBlock*> HclBlock::blocksOf(const QString& blockType) const
{
    QList<const HclBlock*> list;
    for (const HclBlock& b : blocks) {
        if (b.type == blockType)
            list << &b;
    }
    return list;
}

QString HclError::toString() const
{
    return QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(message);
}

HclReader::Parsed HclReader::parse(const QString& text)
{
    return Parser(text).run();
}

} // namespace gatehouse::delivery
