// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TriageDialog.h"

#include "Theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

TriageDialog::TriageDialog(const FindingLifecycle& finding, TriageStatus status, const QString& who, const QDate& today,
                           QWidget* parent)
    : QDialog(parent)
    , m_finding(finding)
    , m_today(today)
    , m_falsePositive(new QRadioButton(tr("False positive: the tool is wrong here"), this))
    , m_accepted(new QRadioButton(tr("Accepted risk: real, but not fixed for now"), this))
    , m_reason(new QPlainTextEdit(this))
    , m_by(new QLineEdit(who, this))
    , m_expires(new QDateEdit(today.addDays(90), this))
    , m_never(new QCheckBox(tr("Never expires"), this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("triageDialog"));
    setWindowTitle(tr("Triage finding"));
    setMinimumWidth(560);
    auto* group = new QButtonGroup(this);
    group->addButton(m_falsePositive);
    group->addButton(m_accepted);
    (status == TriageStatus::FalsePositive ? m_falsePositive : m_accepted)->setChecked(true);
    m_reason->setPlaceholderText(tr("Why? Reviewers read this in the pull request that changes triage.yml."));
    m_reason->setFixedHeight(80);
    m_expires->setCalendarPopup(true);
    m_expires->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expires->setMinimumDate(today);
    m_preview->setFont(monospaceFont());
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setProperty("role", QStringLiteral("info"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Write to triage.yml"));

    auto* title = new QLabel(QStringLiteral("<b>%1</b><br><span style='color:gray'>%2 · %3</span>")
                                 .arg(finding.finding.title.toHtmlEscaped(), finding.finding.tool.toHtmlEscaped(),
                                      finding.finding.rule.toHtmlEscaped()),
                             this);
    title->setWordWrap(true);
    auto* expiresRow = new QHBoxLayout;
    expiresRow->addWidget(m_expires);
    expiresRow->addWidget(m_never);
    expiresRow->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Decision:"), m_falsePositive);
    form->addRow(QString(), m_accepted);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Decided by:"), m_by);
    form->addRow(tr("Expires:"), expiresRow);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Entry added to <code>.gatehouse/triage.yml</code>:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_falsePositive, &QRadioButton::toggled, this, &TriageDialog::update);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &TriageDialog::update);
    connect(m_by, &QLineEdit::textChanged, this, &TriageDialog::update);
    connect(m_expires, &QDateEdit::dateChanged, this, &TriageDialog::update);
    connect(m_never, &QCheckBox::toggled, this, &TriageDialog::update);
    update();
}

TriageEntry TriageDialog::entry() const
{
    TriageEntry e;
    e.tool = m_finding.finding.tool;
    e.rule = m_finding.finding.rule;
    e.fingerprint = m_finding.finding.fingerprint;
    e.status = m_falsePositive->isChecked() ? TriageStatus::FalsePositive : TriageStatus::AcceptedRisk;
    e.reason = m_reason->toPlainText().simplified();
    e.by = m_by->text().trimmed();
    e.date = m_today;
    if (e.status == TriageStatus::AcceptedRisk && !m_never->isChecked())
        e.expires = m_expires->date();
    return e;
}

QString TriageDialog::comment() const
{
    const FindingLocation& l = m_finding.finding.location;
    QString where = l.path.isEmpty() ? l.package : l.path;
    if (where.isEmpty())
        where = l.target;
    return QStringLiteral("%1: %2%3")
        .arg(severityName(m_finding.finding.severity), m_finding.finding.title,
             where.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(where));
}

void TriageDialog::update()
{
    const bool accepted = m_accepted->isChecked();
    m_expires->setEnabled(accepted && !m_never->isChecked());
    m_never->setEnabled(accepted);
    const TriageEntry e = entry();
    m_preview->setText(QString::fromUtf8(e.toYaml(2, comment())).trimmed().prepend(QStringLiteral("  ")));
    const bool complete = !e.reason.isEmpty() && !e.by.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(complete ? QString() : tr("A reason and who decides are required."));
}

} // namespace gatehouse::ui
