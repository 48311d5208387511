// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiffHighlighter.h"

namespace gatehouse::ui {

DiffHighlighter::DiffHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{ }

void DiffHighlighter::highlightBlock(const QString& text)
{
    QTextCharFormat format;
    if (text.startsWith(u"diff --git") || text.startsWith(u"+++") || text.startsWith(u"---")
        || text.startsWith(u"index ")) {
        format.setFontWeight(QFont::Bold);
    } else if (text.startsWith(u"@@")) {
        format.setForeground(QColor(0x7b, 0x4f, 0xb8));
    } else if (text.startsWith(u'+')) {
        format.setForeground(QColor(0x1f, 0x8a, 0x5b));
        format.setBackground(QColor(0x1f, 0x8a, 0x5b, 28));
    } else if (text.startsWith(u'-')) {
        format.setForeground(QColor(0xc2, 0x3b, 0x3b));
        format.setBackground(QColor(0xc2, 0x3b, 0x3b, 28));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}

} // namespace gatehouse::ui
