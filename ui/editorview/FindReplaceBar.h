// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace gatehouse {

class PipelineEditor;

/// The find/replace strip shown above the editor (Ctrl+F, Ctrl+H); Esc hides it and returns to the text.
class FindReplaceBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(PipelineEditor* editor, QWidget* parent = nullptr);

    /// Shows the bar (with the replace row when `replace`), seeded with the editor's selection.
    void activate(bool replace);
    QLineEdit* findEdit() const { return m_find; }
    QLineEdit* replaceEdit() const { return m_replace; }

public Q_SLOTS:
    void findNext();
    void findPrevious();
    void replaceNext();
    void replaceAll();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QTextDocument::FindFlags flags() const;
    void setFound(bool found);
    void close();

    PipelineEditor* m_editor;
    QLineEdit* m_find;
    QLineEdit* m_replace;
    QCheckBox* m_caseSensitive;
    QCheckBox* m_wholeWords;
    QWidget* m_replaceRow;
    QLabel* m_status;
};

} // namespace gatehouse
