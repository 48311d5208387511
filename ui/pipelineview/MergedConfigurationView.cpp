// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MergedConfigurationView.h"

#include "editorview/PipelineEditor.h"

#include <QLabel>
#include <QMouseEvent>
#include <QScrollBar>
#include <QVBoxLayout>

namespace gatehouse {

MergedConfigurationView::MergedConfigurationView(QWidget* parent)
    : QWidget(parent)
    , m_editor(new PipelineEditor(this))
    , m_origin(new QLabel(this))
{
    m_editor->setReadOnly(true);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_origin->setContentsMargins(6, 3, 6, 3);
    m_origin->setText(tr("Double-click a line to go to where it was written."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_origin);
    layout->addWidget(m_editor, 1);
    connect(m_editor, &PipelineEditor::cursorLineChanged, this, [this](int line) {
        const pipeline::SourceRef ref = origin(line);
        if (ref.line == 0)
            m_origin->setText(tr("Line %1: computed (no single source line)").arg(line));
        else
            m_origin->setText(
                tr("Line %1 comes from %2:%3 (double-click to go there)").arg(line).arg(ref.file).arg(ref.line));
    });
    m_editor->viewport()->installEventFilter(this);
}

void MergedConfigurationView::setConfiguration(const pipeline::MergedConfiguration& configuration)
{
    m_configuration = configuration;
    m_stale = true;
    if (isVisible())
        ensureRendered();
}

pipeline::SourceRef MergedConfigurationView::origin(int line) const
{
    return line >= 1 && line <= m_configuration.origins.size() ? m_configuration.origins.at(line - 1)
                                                               : pipeline::SourceRef{};
}

void MergedConfigurationView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureRendered();
}

void MergedConfigurationView::ensureRendered()
{
    // Laying out thousands of lines is the costly part: only for a visible view, only when changed.
    if (!m_stale)
        return;
    m_stale = false;
    const int scroll = m_editor->verticalScrollBar()->value();
    m_editor->setPlainText(m_configuration.text);
    m_editor->verticalScrollBar()->setValue(scroll);
}

bool MergedConfigurationView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor->viewport() && event->type() == QEvent::MouseButtonDblClick) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const pipeline::SourceRef ref
            = origin(m_editor->cursorForPosition(mouse->position().toPoint()).blockNumber() + 1);
        if (ref.line > 0)
            Q_EMIT originActivated(ref.file, ref.line);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gatehouse
