// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlHighlighter.h"

#include "Theme.h"

#include <QSet>

namespace gatehouse {

namespace {

// Block state: -1 = ordinary YAML; n >= 0 = inside a block scalar (`key: |`) whose owner is indented n columns.
constexpr int NoBlock = -1;

qsizetype indentationOf(const QString& text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u' ')
        ++i;
    return i;
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isLiteralWord(QStringView word)
{
    static const QStringView words[] = {u"true", u"false", u"True", u"False", u"TRUE", u"FALSE", u"null",
                                        u"Null", u"NULL",  u"~",    u"yes",   u"no",   u"on",    u"off"};
    for (QStringView w : words) {
        if (word == w)
            return true;
    }
    if (word.isEmpty())
        return false;
    bool number = true;
    for (QChar c : word) {
        if (!c.isDigit() && c != u'.' && c != u'-' && c != u'+' && c != u'e' && c != u'E' && c != u'_') {
            number = false;
            break;
        }
    }
    return number && (word.front().isDigit() || word.size() > 1);
}

// Where a `#` starts a comment: at the start or after whitespace, outside quotes.
qsizetype commentStart(const QString& text, qsizetype from)
{
    QChar quote;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"')
                ++i;
            continue;
        }
        if ((c == u'"' || c == u'\'')
            && (i == from || text.at(i - 1).isSpace() || QStringView(u"[{,:-").contains(text.at(i - 1))))
            quote = c;
        else if (c == u'#' && (i == 0 || text.at(i - 1).isSpace()))
            return i;
    }
    return -1;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    auto make = [this](Token token, const QColor& color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::DemiBold);
        f.setFontItalic(italic);
        m_formats[int(token)] = f;
    };
    // Light and dark variants of the same hues, so both palettes keep the contrast.
    const bool dark = ui::isDarkTheme();
    const auto pick = [dark](QRgb light, QRgb onDark) { return QColor::fromRgb(dark ? onDark : light); };
    make(Token::Key, pick(0x1f4e9c, 0x82aaff), true);
    make(Token::String, pick(0x2e7d32, 0x9ccc65));
    make(Token::Comment, pick(0x808080, 0x8a94a3), false, true);
    make(Token::Anchor, pick(0x8e24aa, 0xce93d8), true);
    make(Token::Tag, pick(0xc45c00, 0xffb74d), true);
    make(Token::Expression, pick(0x00697c, 0x80deea));
    m_formats[int(Token::Expression)].setBackground(pick(0xe0f2f1, 0x1f3a3d));
    make(Token::Variable, pick(0x9c4d00, 0xffcc80));
    make(Token::Literal, pick(0xb71c1c, 0xff8a80));
    make(Token::Punctuation, pick(0x555555, 0xa9b4c4));
    make(Token::Document, pick(0x555555, 0xa9b4c4), true);
}

void YamlHighlighter::apply(qsizetype from, qsizetype length, Token token)
{
    if (length > 0)
        setFormat(int(from), int(length), m_formats[int(token)]);
}

void YamlHighlighter::setGroovy(bool groovy)
{
    if (groovy == m_groovy)
        return;
    m_groovy = groovy;
    rehighlight();
}

void YamlHighlighter::highlightGroovy(const QString& text)
{
    // Block state carried across lines: inside a /* comment */ or a triple-quoted string.
    enum : int
    {
        Code = -1,
        InComment = 1,
        InSingleTriple = 2,
        InDoubleTriple = 3
    };
    static const QSet<QStringView> keywords
        = {u"pipeline",   u"agent",    u"stages",  u"stage",  u"steps",     u"post",     u"environment", u"options",
           u"parameters", u"triggers", u"tools",   u"when",   u"input",     u"parallel", u"matrix",      u"axes",
           u"axis",       u"excludes", u"exclude", u"script", u"libraries", u"failFast", u"node"};
    int state = previousBlockState();
    qsizetype i = 0;
    auto closeMultiLine = [&](const QString& close, Token token) {
        const qsizetype end = text.indexOf(close, i);
        const qsizetype stop = end < 0 ? text.size() : end + close.size();
        apply(i, stop - i, token);
        if (token == Token::String && close.startsWith(u'"'))
            highlightInterpolations(text, i, stop);
        i = stop;
        return end >= 0;
    };
    while (true) {
        if (state == InComment && !closeMultiLine(QStringLiteral("*/"), Token::Comment))
            break;
        if (state == InSingleTriple && !closeMultiLine(QStringLiteral("'''"), Token::String))
            break;
        if (state == InDoubleTriple && !closeMultiLine(QStringLiteral("\"\"\""), Token::String))
            break;
        state = Code;
        if (i >= text.size())
            break;
        const QChar c = text.at(i);
        const QStringView rest = QStringView(text).mid(i);
        if (rest.startsWith(u"//")) {
            apply(i, text.size() - i, Token::Comment);
            break;
        }
        if (rest.startsWith(u"/*")) {
            apply(i, 2, Token::Comment);
            i += 2;
            state = InComment;
            continue;
        }
        if (rest.startsWith(u"'''") || rest.startsWith(u"\"\"\"")) {
            apply(i, 3, Token::String);
            i += 3;
            state = c == u'\'' ? InSingleTriple : InDoubleTriple;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j) != c)
                j += text.at(j) == u'\\' ? 2 : 1;
            const qsizetype stop = std::min(j + 1, text.size());
            apply(i, stop - i, Token::String);
            if (c == u'"')
                highlightInterpolations(text, i, stop);
            i = stop;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < text.size() && isIdentifierChar(text.at(j)))
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (keywords.contains(word))
                apply(i, j - i, Token::Key);
            else if (word == u"true" || word == u"false" || word == u"null")
                apply(i, j - i, Token::Literal);
            i = j;
            continue;
        }
        if (c.isDigit()) {
            qsizetype j = i;
            while (j < text.size() && (text.at(j).isLetterOrNumber() || text.at(j) == u'.'))
                ++j;
            apply(i, j - i, Token::Literal);
            i = j;
            continue;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

void YamlHighlighter::highlightBlock(const QString& text)
{
    if (m_groovy) {
        highlightGroovy(text);
        return;
    }
    const int previous = previousBlockState();
    const qsizetype indent = indentationOf(text);
    const bool blank = indent == text.size();

    if (previous >= 0 && (blank || indent > previous)) {
        // Inside a block scalar: text (often a shell script) with interpolations.
        apply(0, text.size(), Token::String);
        highlightInterpolations(text, 0, text.size());
        setCurrentBlockState(previous);
        return;
    }
    setCurrentBlockState(NoBlock);
    if (blank)
        return;

    if (text.startsWith(u"---") || text.startsWith(u"...")) {
        apply(0, 3, Token::Document);
        const qsizetype comment = commentStart(text, 3);
        if (comment >= 0)
            apply(comment, text.size() - comment, Token::Comment);
        return;
    }

    qsizetype pos = indent;
    qsizetype ownerIndent = indent;
    const qsizetype comment = commentStart(text, pos);
    const qsizetype end = comment >= 0 ? comment : text.size();
    if (comment >= 0)
        apply(comment, text.size() - comment, Token::Comment);

    // Sequence markers: "- - key: value".
    while (pos < end && text.at(pos) == u'-' && (pos + 1 == end || text.at(pos + 1) == u' ')) {
        apply(pos, 1, Token::Punctuation);
        pos += 1;
        while (pos < end && text.at(pos) == u' ')
            ++pos;
        ownerIndent = pos;
    }
    if (pos >= end)
        return;

    // A key: plain or quoted text followed by ':' and a space or the end of the line.
    qsizetype keyEnd = -1;
    const QChar first = text.at(pos);
    if (first == u'"' || first == u'\'') {
        const qsizetype close = text.indexOf(first, pos + 1);
        if (close > 0 && close + 1 < end && text.at(close + 1) == u':'
            && (close + 2 == end || text.at(close + 2) == u' '))
            keyEnd = close + 1;
    } else if (first != u'{' && first != u'[' && first != u'*' && first != u'&' && first != u'!' && first != u'|'
               && first != u'>') {
        for (qsizetype i = pos; i < end; ++i) {
            if (text.at(i) == u':' && (i + 1 == end || text.at(i + 1) == u' ')) {
                keyEnd = i;
                break;
            }
            // `${{ a: b }}` or a URL is a value, not a key.
            if (text.at(i) == u'{' || text.at(i) == u'"' || text.at(i) == u'\'')
                break;
        }
    }
    if (keyEnd > pos) {
        apply(pos, keyEnd - pos, Token::Key);
        highlightInterpolations(text, pos, keyEnd);
        apply(keyEnd, 1, Token::Punctuation);
        pos = keyEnd + 1;
    }
    highlightValue(text, pos, end);

    // `key: |` / `- >-`: the following more-indented lines are a block scalar.
    qsizetype last = end - 1;
    while (last >= pos && text.at(last) == u' ')
        --last;
    qsizetype indicator = last;
    while (indicator >= pos
           && (text.at(indicator).isDigit() || text.at(indicator) == u'-' || text.at(indicator) == u'+'))
        --indicator;
    if (indicator >= pos && (text.at(indicator) == u'|' || text.at(indicator) == u'>')
        && (indicator == 0 || text.at(indicator - 1) == u' ' || indicator == pos)) {
        // Scalars inside a sequence item belong to the item's key column.
        setCurrentBlockState(int(keyEnd > 0 ? ownerIndent : indent));
    }
}

void YamlHighlighter::highlightValue(const QString& text, qsizetype from, qsizetype to)
{
    qsizetype i = from;
    while (i < to) {
        const QChar c = text.at(i);
        if (c == u' ') {
            ++i;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            qsizetype j = i + 1;
            while (j < to && text.at(j) != c) {
                if (c == u'"' && text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const qsizetype stop = qMin(j + 1, to);
            apply(i, stop - i, Token::String);
            highlightInterpolations(text, i, stop);
            i = stop;
            continue;
        }
        if (c == u'&' || c == u'*' || c == u'!') {
            qsizetype j = i + 1;
            while (j < to && !text.at(j).isSpace() && text.at(j) != u',' && text.at(j) != u']' && text.at(j) != u'}')
                ++j;
            apply(i, j - i, c == u'!' ? Token::Tag : Token::Anchor);
            i = j;
            continue;
        }
        if (QStringView(u"[]{},").contains(c)) {
            apply(i, 1, Token::Punctuation);
            ++i;
            continue;
        }
        if (c == u'|' || c == u'>') {
            apply(i, 1, Token::Punctuation);
            ++i;
            continue;
        }
        // A plain scalar runs to a flow indicator (inside flow collections) or the end.
        qsizetype j = i;
        while (j < to && text.at(j) != u',' && text.at(j) != u']' && text.at(j) != u'}')
            ++j;
        qsizetype wordEnd = j;
        while (wordEnd > i && text.at(wordEnd - 1) == u' ')
            --wordEnd;
        const QStringView word = QStringView(text).mid(i, wordEnd - i);
        // A flow-mapping key ("{ key: value }").
        const qsizetype colon = word.indexOf(u": ");
        if (colon > 0 && !word.contains(u"${{")) {
            apply(i, colon, Token::Key);
            apply(i + colon, 1, Token::Punctuation);
            i += colon + 1;
            continue;
        }
        apply(i, wordEnd - i, isLiteralWord(word) ? Token::Literal : Token::String);
        highlightInterpolations(text, i, wordEnd);
        i = j;
    }
}

void YamlHighlighter::highlightInterpolations(const QString& text, qsizetype from, qsizetype to)
{
    qsizetype i = from;
    while (i < to) {
        const qsizetype dollar = text.indexOf(u'$', i);
        if (dollar < 0 || dollar + 1 >= to)
            return;
        const QChar next = text.at(dollar + 1);
        if (next == u'{' && dollar + 2 < to && text.at(dollar + 2) == u'{') {
            const qsizetype close = text.indexOf(u"}}", dollar + 3);
            const qsizetype stop = close < 0 || close + 2 > to ? to : close + 2;
            apply(dollar, stop - dollar, Token::Expression);
            i = stop;
        } else if (next == u'{') {
            const qsizetype close = text.indexOf(u'}', dollar + 2);
            const qsizetype stop = close < 0 || close + 1 > to ? to : close + 1;
            apply(dollar, stop - dollar, Token::Variable);
            i = stop;
        } else if (isIdentifierChar(next) && !next.isDigit()) {
            qsizetype j = dollar + 1;
            while (j < to && isIdentifierChar(text.at(j)))
                ++j;
            apply(dollar, j - dollar, Token::Variable);
            i = j;
        } else {
            i = dollar + 1;
        }
    }
}

} // namespace gatehouse
