// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace gatehouse::ui {

/// A read-only view of one repository file at a line, for scorecard sources that no page shows (dependency
/// manifests, the triage file, environment files). The file is read by a background job.
class SourcePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    /// `revision` empty = the work tree; `line` 1-based, 0 = the top.
    SourcePreviewDialog(const QString& repositoryPath, const QString& revision, const QString& file, int line,
                        QWidget* parent = nullptr);

    QString file() const { return m_file; }
    int line() const { return m_line; }
    bool isLoading() const { return m_job.isRunning(); }
    QPlainTextEdit* textView() const { return m_text; }

Q_SIGNALS:
    void loadFinished();

private:
    void showText(const QString& text);

    QString m_file;
    int m_line;
    QLabel* m_title;
    QPlainTextEdit* m_text;
    JobTracker m_job{this};
};

} // namespace gatehouse::ui
