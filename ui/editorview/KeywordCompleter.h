// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"

#include <QObject>
#include <QTextCursor>

class QCompleter;
class QStringListModel;

namespace gatehouse {

class PipelineEditor;

/// Keyword completion (Ctrl+Space) and hover help for the editor, from the engine's keyword tables: key names
/// valid in the mapping at the cursor, or the allowed values of the key being written. Only the lines of the
/// enclosing top-level block are looked at, so it stays instant in big files.
class KeywordCompleter : public QObject
{
    Q_OBJECT
public:
    explicit KeywordCompleter(PipelineEditor* editor);

    void setKind(pipeline::PipelineKind kind) { m_kind = kind; }
    pipeline::PipelineKind kind() const { return m_kind; }
    bool isPopupVisible() const;
    QCompleter* completer() const { return m_completer; }

    /// Opens the popup for the cursor position; false when there is nothing to offer.
    bool complete();
    /// Re-filters the open popup after a keystroke.
    void refresh();
    /// Rich-text help for the keyword under `cursor`, empty when it is no known keyword.
    QString helpAt(const QTextCursor& cursor) const;

private:
    QStringList linesUpTo(const QTextCursor& cursor, bool cutAtCursor) const;
    void insert(const QString& completion);

    PipelineEditor* m_editor;
    QCompleter* m_completer;
    QStringListModel* m_model;
    pipeline::PipelineKind m_kind = pipeline::PipelineKind::GitLab;
    bool m_valuePosition = false;
    QString m_prefix;
};

} // namespace gatehouse
