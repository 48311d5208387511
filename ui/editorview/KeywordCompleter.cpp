// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordCompleter.h"

#include "PipelineEditor.h"

#include "pipeline/workspace/KeywordContext.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace gatehouse {

namespace {
constexpr int MaxLinesBack = 3000;
}

KeywordCompleter::KeywordCompleter(PipelineEditor* editor)
    : QObject(editor)
    , m_editor(editor)
    , m_completer(new QCompleter(this))
    , m_model(new QStringListModel(this))
{
    m_completer->setModel(m_model);
    m_completer->setWidget(editor);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &KeywordCompleter::insert);
}

bool KeywordCompleter::isPopupVisible() const
{
    return m_completer->popup() && m_completer->popup()->isVisible();
}

QStringList KeywordCompleter::linesUpTo(const QTextCursor& cursor, bool cutAtCursor) const
{
    QStringList lines;
    QTextBlock block = cursor.block();
    lines.prepend(cutAtCursor ? block.text().left(cursor.positionInBlock()) : block.text());
    // Walk up to the enclosing top-level key: that block is all the context the path needs.
    for (block = block.previous(); block.isValid() && lines.size() < MaxLinesBack; block = block.previous()) {
        const QString text = block.text();
        lines.prepend(text);
        if (!text.isEmpty() && text.at(0) != u' ' && text.at(0) != u'#' && text.at(0) != u'-')
            break;
    }
    return lines;
}

bool KeywordCompleter::complete()
{
    if (m_editor->isReadOnly())
        return false;
    const pipeline::KeywordCompletion completion
        = pipeline::completionAt(m_kind, linesUpTo(m_editor->textCursor(), true));
    if (completion.candidates.isEmpty())
        return false;
    m_valuePosition = completion.valuePosition;
    m_prefix = completion.prefix;
    m_model->setStringList(completion.candidates);
    m_completer->setCompletionPrefix(completion.prefix);
    if (m_completer->completionCount() == 0)
        return false;
    QAbstractItemView* popup = m_completer->popup();
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = m_editor->cursorRect();
    rect.translate(m_editor->gutterWidth(), 0);
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width() + 16);
    m_completer->complete(rect);
    return true;
}

void KeywordCompleter::refresh()
{
    if (!isPopupVisible())
        return;
    const pipeline::KeywordCompletion completion
        = pipeline::completionAt(m_kind, linesUpTo(m_editor->textCursor(), true));
    m_prefix = completion.prefix;
    m_completer->setCompletionPrefix(completion.prefix);
    if (completion.candidates.isEmpty() || m_completer->completionCount() == 0)
        m_completer->popup()->hide();
    else
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void KeywordCompleter::insert(const QString& completion)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(m_prefix.size()));
    QString text = completion;
    // A key is completed with its colon unless one is already there.
    if (!m_valuePosition
        && !cursor.block().text().mid(cursor.positionInBlock() + int(m_prefix.size())).startsWith(u':'))
        text += QStringLiteral(": ");
    cursor.insertText(text);
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
}

QString KeywordCompleter::helpAt(const QTextCursor& cursor) const
{
    const QString line = cursor.block().text();
    const pipeline::KeywordHelp help = pipeline::keywordHelp(m_kind, linesUpTo(cursor, false));
    if (help.key.isEmpty())
        return {};
    // Only when the mouse is over the key itself.
    const qsizetype start = line.indexOf(help.key);
    const int column = cursor.positionInBlock();
    if (start < 0 || column < start || column > start + help.key.size())
        return {};
    QString text = u"<b>" % help.key.toHtmlEscaped() % u"</b> — " % help.description.toHtmlEscaped();
    if (!help.values.isEmpty())
        text += u"<br><i>" % tr("values:") % u"</i> " % help.values.join(QStringLiteral(", ")).toHtmlEscaped();
    if (!help.rules.isEmpty())
        text += u"<br><i>" % tr("accepts:") % u"</i> " % help.rules.toHtmlEscaped();
    return text;
}

} // namespace gatehouse
