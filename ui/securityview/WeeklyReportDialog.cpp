// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WeeklyReportDialog.h"

#include "ReportPdfWriter.h"
#include "security/WeeklyReport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

/// What the worker hands back: the report, already serialized unless it is for the PDF writer.
struct ExportResult
{
    WeeklyReport report;
    QByteArray bytes; ///< md, html or json; empty for pdf
};

QString extension(const QString& format)
{
    return format == u"md" ? QStringLiteral("md") : format;
}

} // namespace

WeeklyReportDialog::WeeklyReportDialog(const QString& repoPath, const QString& revision, QWidget* parent)
    : QDialog(parent)
    , m_repoPath(repoPath)
    , m_revision(revision)
    , m_date(new QDateEdit(this))
    , m_weekLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Export Weekly Security Report"));
    setObjectName(QStringLiteral("weeklyReportDialog"));

    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMaximumDate(QDate::currentDate());
    m_date->setDate(QDate::currentDate());
    m_date->setAccessibleName(tr("Any day of the week to report"));
    m_weekLabel->setAccessibleName(tr("ISO week"));

    m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
    m_format->addItem(tr("HTML page"), QStringLiteral("html"));
    m_format->addItem(tr("Markdown"), QStringLiteral("md"));
    m_format->addItem(tr("JSON"), QStringLiteral("json"));
    m_format->setAccessibleName(tr("Format"));

    m_file->setAccessibleName(tr("File to write"));
    m_file->setMinimumWidth(380);
    auto* browseButton = new QToolButton(this);
    browseButton->setText(tr("Browse…"));
    browseButton->setAccessibleName(tr("Choose the file"));

    auto* weekRow = new QHBoxLayout;
    weekRow->addWidget(m_date);
    weekRow->addWidget(m_weekLabel, 1);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);

    auto* form = new QFormLayout;
    form->addRow(tr("&Week:"), weekRow);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("F&ile:"), fileRow);
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(weekRow)))
        label->setBuddy(m_date);
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(fileRow)))
        label->setBuddy(m_file);

    auto* note = new QLabel(tr("A one-page summary of the week: open, new and fixed findings, what is overdue and "
                               "whose it is, scan coverage, the trend and the pipelines' gates. The same as "
                               "<code>gatehouse report</code>."),
                            this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::RichText);

    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_progress->setAccessibleName(tr("Export progress"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QPushButton* exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        updateWeekLabel();
        suggestFileName();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { suggestFileName(); });
    connect(m_file, &QLineEdit::textEdited, this, [this] { m_fileEdited = true; });
    connect(browseButton, &QToolButton::clicked, this, &WeeklyReportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WeeklyReportDialog::exportReport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WeeklyReportDialog::reject);
    updateWeekLabel();
    suggestFileName();
}

void WeeklyReportDialog::setWeek(const IsoWeek& week)
{
    if (week.isValid())
        m_date->setDate(std::min(week.monday().addDays(6), m_date->maximumDate()));
}

IsoWeek WeeklyReportDialog::week() const
{
    return IsoWeek::containing(m_date->date());
}

void WeeklyReportDialog::setFormat(const QString& format)
{
    const int index = m_format->findData(format);
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

QString WeeklyReportDialog::format() const
{
    return m_format->currentData().toString();
}

void WeeklyReportDialog::setFilePath(const QString& path)
{
    m_file->setText(path);
    m_fileEdited = true;
}

QString WeeklyReportDialog::filePath() const
{
    return m_file->text().trimmed();
}

void WeeklyReportDialog::updateWeekLabel()
{
    const IsoWeek w = week();
    const QLocale locale;
    m_weekLabel->setText(tr("%1 (%2 – %3)")
                             .arg(w.toString(), locale.toString(w.monday(), QLocale::ShortFormat),
                                  locale.toString(w.monday().addDays(6), QLocale::ShortFormat)));
}

void WeeklyReportDialog::suggestFileName()
{
    const QString name = QStringLiteral("security-posture-%1-%2.%3")
                             .arg(QFileInfo(m_repoPath).fileName(), week().toString(), extension(format()));
    if (!m_fileEdited) {
        QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (dir.isEmpty())
            dir = QDir::homePath();
        m_file->setText(QDir(dir).filePath(name));
        return;
    }
    // Keep the folder the user chose; follow the week and the format in the name.
    const QFileInfo current(filePath());
    m_file->setText(current.dir().filePath(name));
}

void WeeklyReportDialog::browse()
{
    const QString filter = format() == u"pdf" ? tr("PDF documents (*.pdf)")
        : format() == u"html"                 ? tr("HTML pages (*.html)")
        : format() == u"md"                   ? tr("Markdown (*.md)")
                                              : tr("JSON (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Weekly Report"), filePath(), filter);
    if (!path.isEmpty())
        setFilePath(path);
}

void WeeklyReportDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy);
    }
    m_date->setEnabled(!busy);
    m_format->setEnabled(!busy);
    m_file->setEnabled(!busy);
}

void WeeklyReportDialog::exportReport()
{
    const QString path = filePath();
    if (path.isEmpty()) {
        finish({}, tr("Choose a file to write."));
        return;
    }
    const IsoWeek w = week();
    const QString fmt = format();
    const QString repoPath = m_repoPath;
    const QString revision = m_revision;
    m_status->setText(tr("Computing the posture of %1…").arg(w.toString()));
    setBusy(true);
    m_job.start(
        [repoPath, revision, w, fmt](ProgressSink& sink) -> Result<ExportResult> {
            auto report = WeeklyReport::compute(repoPath, w, QDateTime::currentDateTimeUtc(), revision, &sink);
            if (!report)
                return report.error();
            ExportResult result{std::move(*report), {}};
            if (fmt == u"json")
                result.bytes = QJsonDocument(result.report.toJson()).toJson(QJsonDocument::Indented);
            else if (fmt == u"md")
                result.bytes = result.report.toMarkdown().toUtf8();
            else if (fmt == u"html")
                result.bytes = result.report.toHtml().toUtf8();
            return result;
        },
        [this, path, fmt](Result<ExportResult> result) {
            if (!result) {
                finish({}, result.error().toString());
                return;
            }
            QByteArray bytes = std::move(result->bytes);
            if (fmt == u"pdf") {
                // Painting a one-page document is quick and QTextDocument belongs to the GUI thread.
                auto pdf = render::weeklyReportPdf(result->report);
                if (!pdf) {
                    finish({}, pdf.error().toString());
                    return;
                }
                bytes = std::move(*pdf);
            }
            QDir().mkpath(QFileInfo(path).absolutePath()); // the suggested Documents folder may not exist yet
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
                finish({}, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
                return;
            }
            finish(path, {});
        });
}

void WeeklyReportDialog::finish(const QString& path, const QString& error)
{
    setBusy(false);
    if (!error.isEmpty()) {
        m_status->setText(tr("<b>Export failed:</b> %1").arg(error.toHtmlEscaped()));
        emit exportFailed(error);
        return;
    }
    m_status->setText(tr("Written to <a href=\"%1\">%2</a>.")
                          .arg(QUrl::fromLocalFile(path).toString(), QDir::toNativeSeparators(path).toHtmlEscaped()));
    m_status->setOpenExternalLinks(true);
    emit exported(path);
}

void WeeklyReportDialog::reject()
{
    m_job.cancel();
    QDialog::reject();
}

WeeklyReportDialog* showWeeklyReportDialog(QWidget* parent, const QString& repoPath, const QString& revision)
{
    auto* dialog = new WeeklyReportDialog(repoPath, revision, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace gatehouse::ui
