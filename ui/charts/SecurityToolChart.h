// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartView.h"
#include "security/Posture.h"

#include <QMap>

namespace gatehouse::ui {

/// Open findings per tool, stacked by severity (horizontal bars), at a time. Clicking a tool filters the findings
/// table by it (toolActivated).
class SecurityToolChart : public ChartView
{
    Q_OBJECT
public:
    explicit SecurityToolChart(QWidget* parent = nullptr);

    /// Findings open at `time` (invalid: the posture's now).
    void setPosture(const Posture& posture, const QDateTime& time = {});
    QStringList tools() const;
    int count(const QString& tool, Severity severity) const;
    QString toolText(int index) const;

Q_SIGNALS:
    void toolActivated(const QString& tool);

protected:
    void rebuild() override;

private:
    QMap<QString, QMap<Severity, int>> m_counts;
    QStringList m_tools; ///< most findings first
};

} // namespace gatehouse::ui
