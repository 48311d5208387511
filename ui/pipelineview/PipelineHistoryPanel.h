// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace gatehouse {

class JobTracker;
namespace pipeline {
class PipelineHistoryModel;
}

/// The history of a pipeline file: its commits with the structural and gate changes, gate regressions
/// highlighted, commits per week and the number of authors. Loaded on a worker the first time it is shown;
/// double-clicking a commit asks for that version (read-only).
class PipelineHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    PipelineHistoryPanel(const QString& repositoryPath, const QString& relativePath, QWidget* parent = nullptr);
    ~PipelineHistoryPanel() override;

    /// Starts (re)loading the history in the background.
    void reload();
    bool isLoaded() const { return m_loaded; }
    pipeline::PipelineHistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString summaryText() const;

Q_SIGNALS:
    void loaded();
    void revisionActivated(const QString& commit);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QString m_repositoryPath;
    QString m_relativePath;
    pipeline::PipelineHistoryModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    std::unique_ptr<JobTracker> m_job;
    bool m_loaded = false;
    bool m_requested = false;
};

} // namespace gatehouse
