// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommitDialog.h"

#include "common/JobTracker.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

/// Added lines green, removed red, hunk headers blue.
class DiffHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString& text) override
    {
        QColor color;
        if (text.startsWith(u"+++") || text.startsWith(u"---") || text.startsWith(u"diff "))
            color = QColor(0x61, 0x61, 0x61);
        else if (text.startsWith(u'+'))
            color = QColor(0x1b, 0x5e, 0x20);
        else if (text.startsWith(u'-'))
            color = QColor(0xb7, 0x1c, 0x1c);
        else if (text.startsWith(u"@@"))
            color = QColor(0x15, 0x65, 0xc0);
        if (color.isValid())
            setFormat(0, int(text.size()), color);
    }
};

} // namespace

CommitDialog::CommitDialog(const QString& repositoryPath, const QString& relativePath, const QString& text,
                           QWidget* parent)
    : QDialog(parent)
    , m_repositoryPath(repositoryPath)
    , m_relativePath(relativePath)
    , m_text(text)
    , m_job(std::make_unique<JobTracker>(this))
    , m_header(new QLabel(this))
    , m_diff(new QPlainTextEdit(this))
    , m_gates(new QLabel(this))
    , m_message(new QPlainTextEdit(this))
    , m_override(new QCheckBox(this))
    , m_problem(new QLabel(this))
    , m_commitButton(new QPushButton(tr("Commit"), this))
{
    setWindowTitle(tr("Commit %1").arg(relativePath));
    resize(820, 640);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_diff->setReadOnly(true);
    m_diff->setFont(mono);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setPlaceholderText(tr("Computing the diff against HEAD…"));
    new DiffHighlighter(m_diff->document());
    m_message->setFont(mono);
    m_message->setPlaceholderText(tr("Commit message"));
    m_gates->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_override->hide();
    m_header->setText(tr("Preparing…"));

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_commitButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_commitButton, &QPushButton::clicked, this, &CommitDialog::doCommit);
    connect(m_override, &QCheckBox::toggled, this, &CommitDialog::updateButton);
    connect(m_message, &QPlainTextEdit::textChanged, this, &CommitDialog::updateButton);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_diff);
    splitter->addWidget(m_message);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_gates);
    layout->addWidget(m_problem);
    layout->addWidget(m_override);
    layout->addWidget(buttons);
    updateButton();

    // libgit2 and two validations: off the GUI thread, with values only.
    m_job->start([repositoryPath, relativePath,
                  text](ProgressSink&) { return pipeline::prepareCommit(repositoryPath, relativePath, text); },
                 [this](Result<pipeline::CommitPreparation> result) { onPrepared(result); });
}

CommitDialog::~CommitDialog() = default;

QString CommitDialog::problemText() const
{
    return m_problem->text();
}

void CommitDialog::onPrepared(const Result<pipeline::CommitPreparation>& result)
{
    if (!result.ok()) {
        m_header->setText(tr("Cannot commit."));
        m_problem->setText(result.error().toString());
        m_diff->setPlaceholderText(QString());
        updateButton();
        Q_EMIT prepared();
        return;
    }
    m_prepared = result.value();
    m_header->setText(
        tr("On branch <b>%1</b> as %2").arg(m_prepared->branch.toHtmlEscaped(), m_prepared->author.toHtmlEscaped()));
    m_diff->setPlainText(m_prepared->diff.isEmpty() ? tr("(no change against HEAD)") : m_prepared->diff);
    m_message->setPlainText(m_prepared->message);
    m_gates->setText(m_prepared->gateChanges.isEmpty()
                         ? tr("No gate changes state.")
                         : tr("Gates changing state: %1").arg(m_prepared->gateChanges.join(QStringLiteral("; "))));
    if (m_prepared->errors > 0) {
        m_problem->setText(m_prepared->errors == 1 ? tr("The pipeline has 1 error.")
                                                   : tr("The pipeline has %1 errors.").arg(m_prepared->errors));
        m_override->setText(tr("Commit anyway, with the errors"));
        m_override->show();
    }
    updateButton();
    Q_EMIT prepared();
}

void CommitDialog::updateButton()
{
    const bool ready = m_prepared && !m_prepared->diff.isEmpty() && !m_message->toPlainText().trimmed().isEmpty()
        && (m_prepared->errors == 0 || m_override->isChecked());
    m_commitButton->setEnabled(ready);
}

void CommitDialog::doCommit()
{
    if (!m_commitButton->isEnabled() || !m_prepared)
        return;
    const auto id = pipeline::commitPipeline(m_repositoryPath, m_relativePath, m_text, m_message->toPlainText(),
                                             m_prepared->head);
    if (!id.ok()) {
        m_problem->setText(id.error().toString());
        return;
    }
    m_commit = id.value();
    Q_EMIT committed(m_commit);
    accept();
}

} // namespace gatehouse
