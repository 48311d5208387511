// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorGutter.h"

#include "PipelineEditor.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QTextBlock>
#include <QToolTip>

namespace gatehouse {

EditorGutter::EditorGutter(PipelineEditor* editor)
    : QWidget(editor)
    , m_editor(editor)
{
    setMouseTracking(true);
}

QSize EditorGutter::sizeHint() const
{
    return {m_editor->gutterWidth(), 0};
}

void EditorGutter::paintEvent(QPaintEvent* event)
{
    m_editor->paintGutter(event);
}

bool EditorGutter::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor cursor = m_editor->cursorForPosition(QPoint(0, help->pos().y()));
        const QString text = m_editor->gutterToolTip(cursor.blockNumber() + 1);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void EditorGutter::mousePressEvent(QMouseEvent* event)
{
    // Clicking a line number selects the line, as in most editors.
    QTextCursor cursor = m_editor->cursorForPosition(QPoint(0, int(event->position().y())));
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
}

} // namespace gatehouse
