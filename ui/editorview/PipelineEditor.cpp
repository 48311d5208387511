// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineEditor.h"

#include "EditorCommands.h"
#include "EditorGutter.h"
#include "KeywordCompleter.h"
#include "YamlHighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QInputDialog>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace gatehouse {

using pipeline::Diagnostic;
using pipeline::Severity;

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case Severity::Warning:
        return QColor(0xe6, 0x9b, 0x00);
    case Severity::Info:
        return QColor(0x19, 0x76, 0xd2);
    }
    return Qt::gray;
}

PipelineEditor::PipelineEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new YamlHighlighter(document()))
    , m_gutter(new EditorGutter(this))
    , m_completer(new KeywordCompleter(this))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(qMax(font.pointSizeF(), 10.0));
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * IndentWidth);
    setTabChangesFocus(false);
    setCenterOnScroll(false);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &PipelineEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &PipelineEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &PipelineEditor::onCursorMoved);
    updateGutterWidth();
    updateExtraSelections();
}

PipelineEditor::~PipelineEditor() = default;

void PipelineEditor::setPipelineKind(pipeline::PipelineKind kind)
{
    m_completer->setKind(kind);
    m_highlighter->setGroovy(kind == pipeline::PipelineKind::Jenkins);
}

int PipelineEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return 6 + fontMetrics().horizontalAdvance(u'9') * digits + 16;
}

void PipelineEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void PipelineEditor::updateGutter(const QRect& rect, int dy)
{
    if (dy) {
        m_gutter->scroll(0, dy);
        if (!m_diagnosticSelections.isEmpty())
            updateExtraSelections();
    } else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void PipelineEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
    if (!m_diagnosticSelections.isEmpty())
        updateExtraSelections();
}

void PipelineEditor::paintGutter(QPaintEvent* event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window).lighter(103));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(m_gutter->width() - 1, event->rect().top(), m_gutter->width() - 1, event->rect().bottom());

    const int current = textCursor().blockNumber();
    const int markerSize = qMin(10, fontMetrics().height() - 4);
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    painter.setFont(font());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QColor numberColor = pal.color(QPalette::PlaceholderText);
            if (block.blockNumber() == current)
                numberColor = pal.color(QPalette::Text);
            painter.setPen(numberColor);
            painter.drawText(0, top, m_gutter->width() - 18, fontMetrics().height(), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
            const auto it = m_lineSeverity.constFind(line);
            if (it != m_lineSeverity.constEnd()) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColor(*it));
                const int y = top + (fontMetrics().height() - markerSize) / 2;
                painter.drawEllipse(QRect(m_gutter->width() - 4 - markerSize, y, markerSize, markerSize));
                painter.setRenderHint(QPainter::Antialiasing, false);
            }
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QString PipelineEditor::gutterToolTip(int line) const
{
    QStringList lines;
    for (const Diagnostic& d : diagnosticsAt(line))
        lines.append(u"<b>" % pipeline::severityName(d.severity) % u"</b> " % d.message.toHtmlEscaped() % u" <i>["
                     % d.rule.toHtmlEscaped() % u"]</i>");
    return lines.join(u"<br>");
}

void PipelineEditor::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    m_diagnostics = diagnostics;
    m_lineSeverity.clear();
    for (const Diagnostic& d : diagnostics) {
        if (d.line <= 0)
            continue;
        auto it = m_lineSeverity.find(d.line);
        if (it == m_lineSeverity.end())
            m_lineSeverity.insert(d.line, d.severity);
        else if (int(d.severity) < int(*it))
            *it = d.severity;
    }
    rebuildDiagnosticSelections();
    updateExtraSelections();
    m_gutter->update();
}

QList<Diagnostic> PipelineEditor::diagnosticsAt(int line) const
{
    QList<Diagnostic> result;
    for (const Diagnostic& d : m_diagnostics) {
        if (d.line == line)
            result.append(d);
    }
    return result;
}

void PipelineEditor::rebuildDiagnosticSelections()
{
    m_diagnosticSelections.clear();
    // Most severe last, so an error's underline is drawn over a warning's on the same text.
    QList<Diagnostic> ordered = m_diagnostics;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return int(a.severity) > int(b.severity); });
    for (const Diagnostic& d : std::as_const(ordered)) {
        const QTextBlock block = document()->findBlockByNumber(d.line - 1);
        if (d.line <= 0 || !block.isValid())
            continue;
        const QString text = block.text();
        qsizetype start = 0;
        while (start < text.size() && text.at(start).isSpace())
            ++start;
        qsizetype end = text.size();
        if (d.column > 0 && d.column - 1 < text.size()) {
            start = d.column - 1;
            end = start;
            while (end < text.size() && !text.at(end).isSpace())
                ++end;
            if (end == start)
                end = text.size();
        }
        while (end > start && text.at(end - 1).isSpace())
            --end;
        if (end <= start) {
            // An empty line: underline the position anyway so the problem is visible.
            if (text.isEmpty())
                continue;
            start = qMax<qsizetype>(0, text.size() - 1);
            end = text.size();
        }
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(block.position() + int(start));
        selection.cursor.setPosition(block.position() + int(end), QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(severityColor(d.severity));
        selection.format.setToolTip(d.message);
        m_diagnosticSelections.append(selection);
    }
}

void PipelineEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> all;
    QTextEdit::ExtraSelection current;
    current.format.setBackground(palette().color(QPalette::Highlight).lighter(190));
    if (palette().color(QPalette::Base).lightness() < 128)
        current.format.setBackground(palette().color(QPalette::Base).lighter(140));
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    all.append(current);
    all += m_searchSelections;
    all += m_bracketSelections;
    // Only the underlines on screen: hundreds of off-screen selections would make every keystroke pay for them.
    // A margin of lines around the viewport keeps scrolling by a few lines from showing bare text.
    const int first = firstVisibleBlock().blockNumber() - 20;
    const int last = first + 20 + viewport()->height() / qMax(1, fontMetrics().height()) + 60;
    for (const QTextEdit::ExtraSelection& selection : std::as_const(m_diagnosticSelections)) {
        const int block = selection.cursor.block().blockNumber();
        if (block >= first && block <= last)
            all.append(selection);
    }
    setExtraSelections(all);
}

int PipelineEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

void PipelineEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(1, line, blockCount()) - 1);
    QTextCursor cursor(block);
    const QString text = block.text();
    int offset = 0;
    if (column > 0) {
        offset = qMin(column - 1, int(text.size()));
    } else {
        while (offset < text.size() && text.at(offset).isSpace())
            ++offset;
    }
    cursor.setPosition(block.position() + offset);
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void PipelineEditor::onCursorMoved()
{
    m_bracketSelections.clear();
    // Matching brackets: the one right after the cursor or right before it.
    const QTextCursor cursor = textCursor();
    const auto [start, found] = EditorCommands::matchingBracket(document(), cursor.position());
    if (start >= 0) {
        QTextCharFormat format;
        format.setBackground(found >= 0 ? QColor(0xc8, 0xe6, 0xc9) : QColor(0xff, 0xcd, 0xd2));
        format.setFontWeight(QFont::Bold);
        for (int pos : {start, found}) {
            if (pos < 0)
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(document());
            selection.cursor.setPosition(pos);
            selection.cursor.setPosition(pos + 1, QTextCursor::KeepAnchor);
            selection.format = format;
            m_bracketSelections.append(selection);
        }
    }
    updateExtraSelections();
    const int line = cursor.blockNumber() + 1;
    if (line != m_lastLine) {
        m_lastLine = line;
        m_gutter->update();
        Q_EMIT cursorLineChanged(line);
    }
}

bool PipelineEditor::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keep the editor's own shortcuts when a window-level action uses the same keys.
        auto* key = static_cast<QKeyEvent*>(event);
        const bool ctrl = key->modifiers() & Qt::ControlModifier;
        if (ctrl
            && (key->key() == Qt::Key_Slash || key->key() == Qt::Key_L || key->key() == Qt::Key_F
                || key->key() == Qt::Key_Space || key->key() == Qt::Key_H || key->key() == Qt::Key_R)) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        const int line = cursor.blockNumber() + 1;
        const int column = cursor.positionInBlock() + 1;
        QStringList lines;
        for (const Diagnostic& d : diagnosticsAt(line)) {
            const int length = qMax(1, int(cursor.block().text().indexOf(u' ', qMax(0, d.column - 1))) - d.column + 1);
            if (d.column <= 0 || (column >= d.column - 1 && column <= d.column + length + 1) || lines.isEmpty())
                lines.append(d.message);
        }
        if (lines.isEmpty()) {
            const QString keyword = m_completer->helpAt(cursor);
            if (keyword.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), keyword, viewport());
        } else {
            QToolTip::showText(help->globalPos(), lines.join(u'\n'), viewport());
        }
        return true;
    }
    return QPlainTextEdit::event(event);
}

void PipelineEditor::keyPressEvent(QKeyEvent* event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (m_completer->isPopupVisible()) {
        // The popup takes these: accept, dismiss, cycle.
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
        case Qt::Key_Escape:
            event->ignore();
            return;
        default:
            break;
        }
    }
    if (ctrl && event->key() == Qt::Key_Space) {
        m_completer->complete();
        return;
    }
    if (ctrl && event->key() == Qt::Key_F) {
        Q_EMIT findRequested(false);
        return;
    }
    if (ctrl && (event->key() == Qt::Key_H || event->key() == Qt::Key_R)) {
        Q_EMIT findRequested(true);
        return;
    }
    if (ctrl && event->key() == Qt::Key_L) {
        askGoToLine();
        return;
    }
    if (isReadOnly()) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    if (ctrl && event->key() == Qt::Key_Slash) {
        toggleComment();
        return;
    }
    if (event->key() == Qt::Key_Tab && !(event->modifiers() & ~Qt::KeypadModifier)) {
        if (textCursor().hasSelection() && textCursor().selectedText().contains(QChar::ParagraphSeparator)) {
            indentSelection();
        } else {
            const int col = textCursor().positionInBlock();
            textCursor().insertText(QString(IndentWidth - col % IndentWidth, u' '));
        }
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        unindentSelection();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !(event->modifiers() & ~Qt::KeypadModifier)) {
        insertNewline();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    m_completer->refresh();
}

void PipelineEditor::insertNewline()
{
    QTextCursor cursor = textCursor();
    const int next = EditorCommands::nextLineIndent(cursor.block().text().left(cursor.positionInBlock()), IndentWidth);
    cursor.beginEditBlock();
    cursor.insertText(u'\n' % QString(next, u' '));
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

void PipelineEditor::toggleComment()
{
    if (!isReadOnly())
        // A Jenkinsfile is Groovy, whose comments start with `//`.
        EditorCommands::toggleComment(textCursor(),
                                      m_completer->kind() == pipeline::PipelineKind::Jenkins ? QStringLiteral("//")
                                                                                             : QStringLiteral("#"));
}

void PipelineEditor::indentSelection()
{
    EditorCommands::indentLines(textCursor(), IndentWidth);
}

void PipelineEditor::unindentSelection()
{
    EditorCommands::unindentLines(textCursor(), IndentWidth);
}

void PipelineEditor::askGoToLine()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line (1–%1):").arg(blockCount()), currentLine(),
                                          1, blockCount(), 1, &ok);
    if (ok)
        goToLine(line);
}

bool PipelineEditor::findText(const QString& text, QTextDocument::FindFlags flags)
{
    if (text.isEmpty())
        return false;
    QTextCursor found = document()->find(text, textCursor(), flags);
    if (found.isNull()) {
        QTextCursor wrap(document());
        if (flags & QTextDocument::FindBackward)
            wrap.movePosition(QTextCursor::End);
        found = document()->find(text, wrap, flags);
    }
    if (found.isNull())
        return false;
    setTextCursor(found);
    ensureCursorVisible();
    return true;
}

bool PipelineEditor::replaceNext(const QString& text, const QString& replacement, QTextDocument::FindFlags flags)
{
    if (isReadOnly() || text.isEmpty())
        return false;
    QTextCursor cursor = textCursor();
    const Qt::CaseSensitivity cs = flags & QTextDocument::FindCaseSensitively ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (cursor.hasSelection() && cursor.selectedText().compare(text, cs) == 0)
        cursor.insertText(replacement);
    setTextCursor(cursor);
    return findText(text, flags & ~QTextDocument::FindBackward);
}

int PipelineEditor::replaceAll(const QString& text, const QString& replacement, QTextDocument::FindFlags flags)
{
    if (isReadOnly() || text.isEmpty())
        return 0;
    flags &= ~QTextDocument::FindBackward;
    int count = 0;
    QTextCursor edit(document());
    edit.beginEditBlock();
    QTextCursor found = document()->find(text, 0, flags);
    while (!found.isNull()) {
        found.insertText(replacement);
        ++count;
        found = document()->find(text, found, flags);
    }
    edit.endEditBlock();
    return count;
}

void PipelineEditor::setSearchHighlight(const QString& text, QTextDocument::FindFlags flags)
{
    m_searchSelections.clear();
    if (!text.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(QColor(0xff, 0xf1, 0x76));
        QTextCursor found = document()->find(text, 0, flags & ~QTextDocument::FindBackward);
        // Bounded: highlighting thousands of hits would make every keystroke slow.
        while (!found.isNull() && m_searchSelections.size() < 2000) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = found;
            selection.format = format;
            m_searchSelections.append(selection);
            found = document()->find(text, found, flags & ~QTextDocument::FindBackward);
        }
    }
    updateExtraSelections();
}

} // namespace gatehouse
