// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindReplaceBar.h"

#include "PipelineEditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace gatehouse {

FindReplaceBar::FindReplaceBar(PipelineEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_caseSensitive(new QCheckBox(tr("Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Words"), this))
    , m_replaceRow(new QWidget(this))
    , m_status(new QLabel(this))
{
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));

    auto* previous = new QPushButton(tr("Previous"), this);
    auto* next = new QPushButton(tr("Next"), this);
    auto* closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close (Esc)"));
    auto* replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    auto* replaceEvery = new QPushButton(tr("Replace all"), m_replaceRow);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_caseSensitive, 0, 3);
    layout->addWidget(m_wholeWords, 0, 4);
    layout->addWidget(m_status, 0, 5);
    layout->addWidget(closeButton, 0, 6);
    auto* replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    layout->addWidget(m_replaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(5, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_editor->setSearchHighlight(text, flags());
        setFound(text.isEmpty() || m_editor->findText(text, flags()));
    });
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceNext);
    connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replaceNext);
    connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(closeButton, &QToolButton::clicked, this, &FindReplaceBar::close);
    for (QCheckBox* box : {m_caseSensitive, m_wholeWords})
        connect(box, &QCheckBox::toggled, this, [this] { m_editor->setSearchHighlight(m_find->text(), flags()); });
    hide();
}

QTextDocument::FindFlags FindReplaceBar::flags() const
{
    QTextDocument::FindFlags result;
    if (m_caseSensitive->isChecked())
        result |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        result |= QTextDocument::FindWholeWords;
    return result;
}

void FindReplaceBar::activate(bool replace)
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_replaceRow->setVisible(replace && !m_editor->isReadOnly());
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindReplaceBar::setFound(bool found)
{
    m_status->setText(found ? QString() : tr("Not found"));
    QPalette pal = m_find->palette();
    pal.setColor(QPalette::Base, found ? palette().color(QPalette::Base) : QColor(0xff, 0xeb, 0xee));
    m_find->setPalette(pal);
}

void FindReplaceBar::findNext()
{
    setFound(m_editor->findText(m_find->text(), flags()));
}

void FindReplaceBar::findPrevious()
{
    setFound(m_editor->findText(m_find->text(), flags() | QTextDocument::FindBackward));
}

void FindReplaceBar::replaceNext()
{
    setFound(m_editor->replaceNext(m_find->text(), m_replace->text(), flags()));
}

void FindReplaceBar::replaceAll()
{
    const int count = m_editor->replaceAll(m_find->text(), m_replace->text(), flags());
    m_status->setText(tr("%n replaced", nullptr, count));
}

void FindReplaceBar::close()
{
    m_editor->setSearchHighlight({});
    hide();
    m_editor->setFocus();
}

void FindReplaceBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace gatehouse
