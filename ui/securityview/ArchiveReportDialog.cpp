// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveReportDialog.h"

#include "security/scan/ScanArchive.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

ArchiveReportDialog::ArchiveReportDialog(const QString& repoPath, const QString& revision, QWidget* parent)
    : QDialog(parent)
    , m_repoPath(repoPath)
    , m_file(new QLineEdit(this))
    , m_revision(new QLineEdit(revision.isEmpty() ? QStringLiteral("HEAD") : revision, this))
    , m_name(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_archive(new QPushButton(tr("Archive"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("archiveReportDialog"));
    setWindowTitle(tr("Archive report with commit"));
    setMinimumWidth(620);
    m_file->setObjectName(QStringLiteral("archiveFile"));
    m_file->setPlaceholderText(tr("semgrep.json, trivy.json, results.sarif, …"));
    m_revision->setObjectName(QStringLiteral("archiveRevision"));
    m_name->setPlaceholderText(tr("the file's name"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("archiveStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_archive->setProperty("role", QStringLiteral("primary"));
    m_archive->setObjectName(QStringLiteral("archiveButton"));
    m_buttons->addButton(m_archive, QDialogButtonBox::ActionRole);

    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* intro
        = new QLabel(tr("Stores a scanner report in a git note on a commit (under refs/notes/gatehouse-scans, or "
                        "the ref set in .gatehouse/config.yml), so the scan joins the history and the trends "
                        "without a commit. Share it with <code>git push origin refs/notes/*</code>."),
                     this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Report file:"), fileRow);
    form->addRow(tr("Commit:"), m_revision);
    form->addRow(tr("Name in the note:"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ArchiveReportDialog::browse);
    connect(m_archive, &QPushButton::clicked, this, &ArchiveReportDialog::archive);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_file, &QLineEdit::textChanged, this, &ArchiveReportDialog::updateButtons);
    connect(m_revision, &QLineEdit::textChanged, this, &ArchiveReportDialog::updateButtons);
    updateButtons();
}

void ArchiveReportDialog::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Scanner report"), m_repoPath,
                                                      tr("Scanner reports (*.json *.sarif);;All files (*)"));
    if (!file.isEmpty())
        m_file->setText(file);
}

void ArchiveReportDialog::updateButtons()
{
    m_archive->setEnabled(!m_job.isRunning() && !m_file->text().trimmed().isEmpty()
                          && !m_revision->text().trimmed().isEmpty());
}

void ArchiveReportDialog::archive()
{
    const QString repo = m_repoPath;
    const QString file = m_file->text().trimmed();
    const QString revision = m_revision->text().trimmed();
    const QString name = m_name->text().trimmed();
    m_status->setText(tr("Reading %1…").arg(QFileInfo(file).fileName()));
    QPointer<ArchiveReportDialog> self(this);
    m_job.start(
        [repo, file, revision, name](ProgressSink&) { return ScanArchive::archiveFile(repo, file, revision, name); },
        [self](Result<ScanArchive::ArchivedReport> result) {
            if (!self)
                return;
            self->updateButtons();
            if (!result) {
                self->m_status->setText(tr("Not archived: %1").arg(result.error().toString()));
                return;
            }
            self->m_status->setText(tr("Archived %1 (%2, %3 findings from %4) with %5 in %6.")
                                        .arg(result->name, result->format)
                                        .arg(result->findings)
                                        .arg(result->tool, result->commit.shortString(), result->notesRef));
            Q_EMIT self->archived(result->commit.toString());
        });
    updateButtons();
}

} // namespace gatehouse::ui
