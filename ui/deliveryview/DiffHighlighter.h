// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>

namespace gatehouse::ui {

/// Colours a unified diff: file headers, hunk headers, added and removed lines. The hues read on light and dark
/// backgrounds; the rest keeps the palette's text colour.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace gatehouse::ui
