// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "repo/RepositorySnapshot.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTreeView;

namespace gatehouse {
class RepositoryFileModel;
}

namespace gatehouse::ui {

/// The pipeline files found, with a read-only preview of the selected one (read on a worker).
class PipelinesPage : public QWidget
{
    Q_OBJECT
public:
    explicit PipelinesPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    QTreeView* fileView() const { return m_files; }
    QPlainTextEdit* preview() const { return m_preview; }
    QString previewPath() const { return m_previewPath; }

Q_SIGNALS:
    void previewLoaded(const QString& path);

private:
    void showFile(int sourceRow);

    RepositoryFileModel* m_model;
    QTreeView* m_files;
    QLabel* m_summary;
    QLabel* m_previewTitle;
    QPlainTextEdit* m_preview;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QString m_repoPath;
    QString m_revision;
    QList<PipelineFile> m_entries;
    QString m_previewPath;
    JobTracker m_jobs{this};
};

} // namespace gatehouse::ui
