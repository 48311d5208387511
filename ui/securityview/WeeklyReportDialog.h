// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "security/WeeklySummary.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace gatehouse::ui {

/// File ▸ Export Weekly Report…: picks an ISO week, a format (PDF, HTML, Markdown, JSON) and a file, and writes the
/// same report as `gatehouse report`. The posture is computed on a worker (JobTracker); only the one-page PDF is
/// painted on the GUI thread. Closing the dialog cancels a running export.
class WeeklyReportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `revision` empty = the branch checked out (HEAD).
    WeeklyReportDialog(const QString& repoPath, const QString& revision, QWidget* parent = nullptr);

    void setWeek(const IsoWeek& week);
    IsoWeek week() const;
    /// "pdf", "html", "md" or "json".
    void setFormat(const QString& format);
    QString format() const;
    void setFilePath(const QString& path);
    QString filePath() const;

    /// Starts writing the report (what the Export button does).
    void exportReport();
    bool isExporting() const { return m_job.isRunning(); }

Q_SIGNALS:
    void exported(const QString& path);
    void exportFailed(const QString& message);

protected:
    void reject() override;

private:
    void updateWeekLabel();
    void suggestFileName();
    void browse();
    void setBusy(bool busy);
    void finish(const QString& path, const QString& error);

    QString m_repoPath;
    QString m_revision;
    QDateEdit* m_date;
    QLabel* m_weekLabel;
    QComboBox* m_format;
    QLineEdit* m_file;
    QProgressBar* m_progress;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    bool m_fileEdited = false;
    JobTracker m_job{this};
};

/// Opens the export dialog for a repository (non-modal, deleted on close) and returns it.
WeeklyReportDialog* showWeeklyReportDialog(QWidget* parent, const QString& repoPath, const QString& revision = {});

} // namespace gatehouse::ui
