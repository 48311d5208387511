// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/Scorecard.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace gatehouse::ui {

/// The 12-Factor scorecard as a card: one row per factor with its status pill, name, evidence and a link to where
/// the evidence comes from. Rebuilt from a report value; GUI thread only.
class ScorecardView : public QFrame
{
    Q_OBJECT
public:
    explicit ScorecardView(QWidget* parent = nullptr);

    void setFactors(const QList<scorecard::FactorResult>& factors);
    const QList<scorecard::FactorResult>& factors() const { return m_factors; }
    /// Per row: the status pill's text, the evidence label and the link button (tests, accessibility).
    QString statusText(int row) const;
    QLabel* evidenceLabel(int row) const;
    QPushButton* linkButton(int row) const;

Q_SIGNALS:
    void linkActivated(const gatehouse::scorecard::SourceLink& link);

private:
    QVBoxLayout* m_rows;
    QLabel* m_counts;
    QList<scorecard::FactorResult> m_factors;
    QList<QLabel*> m_pills;
    QList<QLabel*> m_evidence;
    QList<QPushButton*> m_links;
    QList<QWidget*> m_rowWidgets;
};

} // namespace gatehouse::ui
