// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorCommands.h"

#include <QTextBlock>
#include <QTextDocument>

#include <limits>

namespace gatehouse::EditorCommands {

namespace {
// The first and last block of the selection (or the cursor's block).
std::pair<QTextBlock, QTextBlock> selectedBlocks(const QTextCursor& cursor)
{
    QTextDocument* document = cursor.document();
    QTextBlock first = document->findBlock(cursor.selectionStart());
    QTextBlock last = document->findBlock(cursor.selectionEnd());
    // A selection ending at the start of a line does not include that line.
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();
    return {first, last};
}
} // namespace

int nextLineIndent(const QString& before, int width)
{
    qsizetype indent = 0;
    while (indent < before.size() && before.at(indent) == u' ')
        ++indent;
    // Strip a trailing comment to see whether the line opens a mapping (`key:`).
    QString code = before;
    const qsizetype hash = code.indexOf(u" #");
    if (hash >= 0)
        code.truncate(hash);
    code = code.trimmed();
    qsizetype next = indent;
    if (code.startsWith(u"- ")) {
        // The content of a sequence item starts after the dash.
        qsizetype i = indent;
        while (i < before.size() && (before.at(i) == u'-' || before.at(i) == u' '))
            ++i;
        if (code.endsWith(u':'))
            next = i + width;
        else if (code.contains(u": "))
            next = i;
    } else if (code.endsWith(u':') || code.endsWith(u'{') || code.endsWith(u'|') || code.endsWith(u'>')
               || code.endsWith(u"|-") || code.endsWith(u">-")) {
        next = indent + width;
    }
    return int(next);
}

void toggleComment(QTextCursor cursor, const QString& marker)
{
    auto [first, last] = selectedBlocks(cursor);
    bool allCommented = true;
    qsizetype minIndent = std::numeric_limits<qsizetype>::max();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        const QString trimmed = text.trimmed();
        if (!trimmed.isEmpty()) {
            allCommented = allCommented && trimmed.startsWith(marker);
            qsizetype indent = 0;
            while (indent < text.size() && text.at(indent) == u' ')
                ++indent;
            minIndent = qMin(minIndent, indent);
        }
        if (b == last)
            break;
    }
    if (minIndent == std::numeric_limits<qsizetype>::max())
        return; // only blank lines
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            QTextCursor edit(b);
            if (allCommented) {
                const qsizetype hash = text.indexOf(marker);
                const qsizetype after = hash + marker.size();
                const int length = int(marker.size()) + (after < text.size() && text.at(after) == u' ' ? 1 : 0);
                edit.setPosition(b.position() + int(hash));
                edit.setPosition(b.position() + int(hash) + length, QTextCursor::KeepAnchor);
                edit.removeSelectedText();
            } else {
                edit.setPosition(b.position() + int(minIndent));
                edit.insertText(marker + u' ');
            }
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

void indentLines(QTextCursor cursor, int width)
{
    auto [first, last] = selectedBlocks(cursor);
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (!b.text().isEmpty()) {
            QTextCursor edit(b);
            edit.insertText(QString(width, u' '));
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

void unindentLines(QTextCursor cursor, int width)
{
    auto [first, last] = selectedBlocks(cursor);
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        int remove = 0;
        while (remove < width && remove < text.size() && text.at(remove) == u' ')
            ++remove;
        if (remove > 0) {
            QTextCursor edit(b);
            edit.setPosition(b.position() + remove, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

std::pair<int, int> matchingBracket(const QTextDocument* document, int position)
{
    static const QString open = QStringLiteral("([{");
    static const QString close = QStringLiteral(")]}");
    const QTextBlock block = document->findBlock(position);
    const QString text = block.text();
    const int col = position - block.position();
    auto isBracket = [](QChar c) { return open.contains(c) || close.contains(c); };
    int at = -1;
    if (col < text.size() && isBracket(text.at(col)))
        at = col;
    else if (col > 0 && col <= text.size() && isBracket(text.at(col - 1)))
        at = col - 1;
    if (at < 0)
        return {-1, -1};
    const QChar c = text.at(at);
    const bool forward = open.contains(c);
    const QChar partner = forward ? close.at(open.indexOf(c)) : open.at(close.indexOf(c));
    const int size = document->characterCount();
    const int start = block.position() + at;
    constexpr int Limit = 20000;
    int depth = 0;
    for (int i = start, steps = 0; i >= 0 && i < size && steps < Limit; i += forward ? 1 : -1, ++steps) {
        const QChar ch = document->characterAt(i);
        if (ch == c)
            ++depth;
        else if (ch == partner && --depth == 0)
            return {start, i};
    }
    return {start, -1};
}

} // namespace gatehouse::EditorCommands
