// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to models/pipeline/workspace: the line rules of the editor's text helpers, which work on the text as typed
// (it may not parse yet).

#include <QString>

namespace gatehouse::pipeline::yamllines {

/// The number of leading spaces (YAML indents with spaces only).
inline int indentOf(const QString& line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    return i;
}

/// A line that says nothing about the structure: empty, blank or a comment.
inline bool isBlankOrComment(const QString& line)
{
    const QString trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(u'#');
}

} // namespace gatehouse::pipeline::yamllines
