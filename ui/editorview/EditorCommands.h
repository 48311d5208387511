// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextCursor>

namespace gatehouse::EditorCommands {

/// Text operations of the YAML editor, each one undoable step on the cursor's document.

/// Comments out the cursor's lines (selection or current line) with `marker` and a space (`# ` for YAML, `// ` for
/// a Jenkinsfile) at their common indentation, or uncomments them when every non-blank line is a comment.
void toggleComment(QTextCursor cursor, const QString& marker = QStringLiteral("#"));
/// Indents / unindents the cursor's lines by `width` spaces.
void indentLines(QTextCursor cursor, int width);
void unindentLines(QTextCursor cursor, int width);
/// The indentation of a new line after `before` (the text left of the cursor): kept, deeper after `key:` or a
/// block scalar indicator, aligned with the content of a sequence item.
int nextLineIndent(const QString& before, int width);

/// The bracket next to `position` (after it, else before it) and its partner: {bracket, partner}; -1 for no
/// bracket, partner -1 when unmatched. The scan is bounded so a huge unbalanced file cannot slow the cursor.
std::pair<int, int> matchingBracket(const QTextDocument* document, int position);

} // namespace gatehouse::EditorCommands
