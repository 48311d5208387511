// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourcePreviewDialog.h"

#include "../Theme.h"
#include "repo/RepositoryLoader.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace gatehouse::ui {

SourcePreviewDialog::SourcePreviewDialog(const QString& repositoryPath, const QString& revision, const QString& file,
                                         int line, QWidget* parent)
    : QDialog(parent)
    , m_file(file)
    , m_line(line)
    , m_title(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sourcePreview"));
    setWindowTitle(line > 0 ? tr("%1:%2").arg(file).arg(line) : file);
    resize(820, 560);
    m_title->setText(tr("<b>%1</b> %2")
                         .arg(file.toHtmlEscaped(),
                              revision.isEmpty() ? tr("in the work tree") : tr("at %1").arg(revision.left(12))));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(monospaceFont());
    m_text->setPlainText(tr("Reading %1…").arg(file));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);

    m_job.start([repositoryPath, revision,
                 file](ProgressSink&) { return readRepositoryTextFile(repositoryPath, revision, file); },
                [this](Result<QString> result) {
                    showText(result.ok() ? result.value()
                                         : tr("%1 cannot be shown: %2").arg(m_file, result.error().message));
                    Q_EMIT loadFinished();
                });
}

void SourcePreviewDialog::showText(const QString& text)
{
    m_text->setPlainText(text);
    if (m_line <= 0 || m_line > m_text->blockCount())
        return;
    // The line the evidence points at: cursor on it, centred and marked.
    QTextCursor cursor(m_text->document()->findBlockByNumber(m_line - 1));
    m_text->setTextCursor(cursor);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_text->setExtraSelections({mark});
    m_text->centerCursor();
}

} // namespace gatehouse::ui
