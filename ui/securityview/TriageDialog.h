// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/Posture.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace gatehouse::ui {

/// Asks for a triage decision on one finding: false positive or accepted risk, the reason, who decides and (for an
/// accepted risk) until when. The decision selects the finding by tool, rule and fingerprint; entry() is what goes
/// into .gatehouse/triage.yml (a preview shows the YAML).
class TriageDialog : public QDialog
{
    Q_OBJECT
public:
    TriageDialog(const FindingLifecycle& finding, TriageStatus status, const QString& who, const QDate& today,
                 QWidget* parent = nullptr);

    TriageEntry entry() const;
    QString comment() const; ///< the `#` line written above the entry

    QRadioButton* falsePositiveButton() const { return m_falsePositive; }
    QRadioButton* acceptedButton() const { return m_accepted; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }
    QLineEdit* byEdit() const { return m_by; }
    QDateEdit* expiresEdit() const { return m_expires; }
    QCheckBox* neverExpiresBox() const { return m_never; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void update();

    FindingLifecycle m_finding;
    QDate m_today;
    QRadioButton* m_falsePositive;
    QRadioButton* m_accepted;
    QPlainTextEdit* m_reason;
    QLineEdit* m_by;
    QDateEdit* m_expires;
    QCheckBox* m_never;
    QLabel* m_preview;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
