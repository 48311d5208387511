// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"
#include "pipeline/PipelineModel.h"

#include <QHash>
#include <QPlainTextEdit>
#include <QTextDocument>

namespace gatehouse {

class KeywordCompleter;
class YamlHighlighter;

/// The YAML editor of the pipeline workspace: highlighting, a line-number gutter with diagnostic markers,
/// current-line and bracket highlighting, spaces-only indentation (Tab = 2 spaces, auto-indent after `key:`),
/// comment toggling (Ctrl+/), go to line (Ctrl+L) and find helpers used by FindReplaceBar.
/// Diagnostics come from outside (the document's validation) and are shown as wavy underlines, gutter markers
/// and tooltips. GUI thread only; does no parsing itself.
class PipelineEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int IndentWidth = 2;

    explicit PipelineEditor(QWidget* parent = nullptr);
    ~PipelineEditor() override;

    /// Diagnostics of this file (1-based lines/columns; line 0 = whole file, shown nowhere in the text).
    void setDiagnostics(const QList<pipeline::Diagnostic>& diagnostics);
    const QList<pipeline::Diagnostic>& diagnostics() const { return m_diagnostics; }
    /// The diagnostics on a 1-based line.
    QList<pipeline::Diagnostic> diagnosticsAt(int line) const;

    /// 1-based line of the cursor.
    int currentLine() const;
    /// Moves the cursor to a 1-based line (and 1-based column, 0 = first non-blank) and centres it.
    void goToLine(int line, int column = 0);
    /// Comments out the selected lines (or the current one) with `# `, or uncomments them when all are comments.
    void toggleComment();
    void indentSelection();
    void unindentSelection();

    /// Finds the next (or previous) occurrence from the cursor, wrapping around; selects it.
    bool findText(const QString& text, QTextDocument::FindFlags flags = {});
    /// Replaces the current selection when it matches `text`, then finds the next one.
    bool replaceNext(const QString& text, const QString& replacement, QTextDocument::FindFlags flags = {});
    /// Replaces every occurrence in one undoable step; returns the count.
    int replaceAll(const QString& text, const QString& replacement, QTextDocument::FindFlags flags = {});
    /// Highlights every occurrence of `text` (empty clears).
    void setSearchHighlight(const QString& text, QTextDocument::FindFlags flags = {});

    int gutterWidth() const;

    /// Which keyword tables completion and hover help use.
    void setPipelineKind(pipeline::PipelineKind kind);
    KeywordCompleter* keywordCompleter() const { return m_completer; }

Q_SIGNALS:
    /// The cursor moved to another 1-based line.
    void cursorLineChanged(int line);
    /// Ctrl+F (replace = false) or Ctrl+H / Ctrl+R (replace = true).
    void findRequested(bool replace);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    friend class EditorGutter;
    void paintGutter(QPaintEvent* event);
    QString gutterToolTip(int line) const;
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void onCursorMoved();
    void updateExtraSelections();
    void rebuildDiagnosticSelections();
    void insertNewline();
    void askGoToLine();

    YamlHighlighter* m_highlighter = nullptr;
    QWidget* m_gutter = nullptr;
    KeywordCompleter* m_completer = nullptr;
    QList<pipeline::Diagnostic> m_diagnostics;
    QHash<int, pipeline::Severity> m_lineSeverity; ///< 1-based line → most severe diagnostic
    QList<QTextEdit::ExtraSelection> m_diagnosticSelections;
    QList<QTextEdit::ExtraSelection> m_searchSelections;
    QList<QTextEdit::ExtraSelection> m_bracketSelections;
    int m_lastLine = -1;
};

/// Colours shared by the editor, the problems panel and the graph.
QColor severityColor(pipeline::Severity severity);

} // namespace gatehouse
