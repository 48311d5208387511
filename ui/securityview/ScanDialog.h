// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "security/scan/LocalScan.h"

#include <QDialog>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace gatehouse::ui {

/// "Run security scans…": the scanners of the work tree's config (installed or not), run in the background with
/// per-tool progress and cancel; then counts by severity, what is new against the latest archived scan, the
/// blocking findings and an Archive button that stores the reports as a note on HEAD.
class ScanDialog : public QDialog
{
    Q_OBJECT
public:
    enum ToolColumns
    {
        ToolColumn,
        CategoryColumn,
        StatusColumn,
        FindingsColumn,
        TimeColumn,
        ToolColumnCount
    };

    explicit ScanDialog(const QString& repoPath, QWidget* parent = nullptr);

    /// Starts the selected (checked) tools.
    void run();
    void cancel();
    void archive();
    bool isRunning() const { return m_job.isRunning(); }
    const std::optional<LocalScanOutcome>& outcome() const { return m_outcome; }

    QTreeWidget* toolList() const { return m_tools; }
    QTreeWidget* findingList() const { return m_findings; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* archiveButton() const { return m_archive; }
    QProgressBar* progressBar() const { return m_progress; }
    /// Checks exactly the named tools.
    void selectTools(const QStringList& tools);

Q_SIGNALS:
    void finished();
    void archived(const QString& commit);

protected:
    void reject() override;

private:
    void loadTools();
    void showOutcome(const LocalScanOutcome& outcome);
    void onProgress(int permille, const QString& stage);
    void setRunning(bool running);

    QString m_repoPath;
    QTreeWidget* m_tools;
    QTreeWidget* m_findings;
    QLabel* m_summary;
    QLabel* m_stage;
    QLabel* m_findingsTitle = nullptr;
    QProgressBar* m_progress;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_archive;
    std::optional<LocalScanOutcome> m_outcome;
    JobTracker m_job{this};
    JobTracker m_archiveJob{this};
};

} // namespace gatehouse::ui
