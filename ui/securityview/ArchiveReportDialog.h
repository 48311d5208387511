// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

/// "Archive report with commit…": stores a scanner report in a git note on a commit (refs/notes/gatehouse-scans),
/// as `gatehouse findings archive FILE --commit REV` does. The report is read and the note written on a worker.
class ArchiveReportDialog : public QDialog
{
    Q_OBJECT
public:
    ArchiveReportDialog(const QString& repoPath, const QString& revision, QWidget* parent = nullptr);

    QLineEdit* fileEdit() const { return m_file; }
    QLineEdit* revisionEdit() const { return m_revision; }
    QPushButton* archiveButton() const { return m_archive; }
    QLabel* statusLabel() const { return m_status; }
    /// Runs the archive job with the fields' values (what the Archive button does).
    void archive();

Q_SIGNALS:
    /// A report was archived: the posture should be read again.
    void archived(const QString& commit);

private:
    void browse();
    void updateButtons();

    QString m_repoPath;
    QLineEdit* m_file;
    QLineEdit* m_revision;
    QLineEdit* m_name;
    QLabel* m_status;
    QPushButton* m_archive;
    QDialogButtonBox* m_buttons;
    JobTracker m_job{this};
};

} // namespace gatehouse::ui
