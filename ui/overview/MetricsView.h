// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/Scorecard.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace gatehouse::ui {

/// The seed's success metrics as a card: metric, target, actual, met / not met / no data and the source link,
/// grouped by area (security, delivery, runs); the evidence is the row's second line. GUI thread only.
class MetricsView : public QFrame
{
    Q_OBJECT
public:
    explicit MetricsView(QWidget* parent = nullptr);

    void setMetrics(const QList<scorecard::MetricResult>& metrics);
    const QList<scorecard::MetricResult>& metrics() const { return m_metrics; }
    /// The row of a metric by name, or -1.
    int rowOf(const QString& name) const;
    QString actualText(int row) const;
    QString metText(int row) const;
    QPushButton* linkButton(int row) const;

Q_SIGNALS:
    void linkActivated(const gatehouse::scorecard::SourceLink& link);

private:
    QVBoxLayout* m_rows;
    QList<scorecard::MetricResult> m_metrics;
    QList<QLabel*> m_actuals;
    QList<QLabel*> m_met;
    QList<QPushButton*> m_links;
    QList<QWidget*> m_rowWidgets;
};

} // namespace gatehouse::ui
