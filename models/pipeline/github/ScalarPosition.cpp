// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScalarPosition.h"

#include <algorithm>

namespace gatehouse::pipeline::github {

namespace {

/// The token at `offset`: up to the next white space, at most 24 characters.
QString tokenAt(const QString& value, int offset)
{
    qsizetype end = offset;
    while (end < value.size() && end - offset < 24 && !value[end].isSpace())
        ++end;
    return value.mid(offset, end - offset);
}

/// The (`skip`+1)-th occurrence of `token` in the source from the scalar's start on, or nothing.
std::optional<SourcePosition> findInSource(const YamlNode& node, const QString& token, int skip,
                                           const QStringList& lines, qsizetype lineBudget)
{
    for (qsizetype i = node.line - 1; i < lines.size() && i < node.line - 1 + lineBudget; ++i) {
        qsizetype from = i == node.line - 1 ? std::max(0, node.column - 1) : 0;
        while (true) {
            const qsizetype found = lines[i].indexOf(token, from);
            if (found < 0)
                break;
            if (skip-- == 0)
                return SourcePosition{int(i + 1), int(found + 1)};
            from = found + 1;
        }
    }
    return std::nullopt;
}

} // namespace

SourcePosition scalarPosition(const YamlNode& node, int offset, const QStringList& lines)
{
    const SourcePosition start{node.line, node.column};
    if (node.file != 0 || node.line < 1 || node.line > lines.size())
        return start;
    const QString& first = lines[node.line - 1];
    const QString before = node.value.left(offset);
    const qsizetype newlines = before.count(u'\n');
    if (first.mid(node.column - 1, 1) == u"|") {
        // Literal block: the content starts on the line after the `|`, lines kept as written.
        SourcePosition at{node.line + int(newlines) + 1, 0};
        const QString lineText = lines.value(at.line - 1);
        qsizetype indent = 0;
        while (indent < lineText.size() && lineText[indent] == u' ')
            ++indent;
        at.column = int(indent + offset - before.lastIndexOf(u'\n'));
        return at;
    }
    const QString token = tokenAt(node.value, offset);
    // One-line plain or quoted scalar: the value follows the key (after the opening quote).
    const int column = node.column + offset + (node.plain ? 0 : 1);
    if (node.value.indexOf(u'\n') < 0 && (token.isEmpty() || first.mid(column - 1, token.size()) == token))
        return {node.line, column};
    if (token.isEmpty())
        return start;
    int skip = 0;
    for (qsizetype i = node.value.indexOf(token); i >= 0 && i < offset; i = node.value.indexOf(token, i + 1))
        ++skip;
    // A folded scalar spans at most as many lines as its value has words, plus its indicator line.
    const qsizetype budget = node.value.count(u' ') + node.value.count(u'\n') + 2;
    return findInSource(node, token, skip, lines, budget).value_or(start);
}

} // namespace gatehouse::pipeline::github
