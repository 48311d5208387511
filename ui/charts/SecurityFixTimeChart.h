// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartView.h"
#include "security/Posture.h"

#include <QMap>

namespace gatehouse::ui {

/// Time to fix per severity: the median and the slowest fix (days) beside the SLA, over the fixes up to a time.
class SecurityFixTimeChart : public ChartView
{
    Q_OBJECT
public:
    explicit SecurityFixTimeChart(QWidget* parent = nullptr);

    /// Fixes of `posture` up to `until` (invalid: all).
    void setPosture(const Posture& posture, const QDateTime& until = {});
    QStringList categories() const;
    QString severityText(int index) const;

protected:
    void rebuild() override;

private:
    struct Row
    {
        Severity severity = Severity::Info;
        int fixes = 0;
        double median = 0;
        double slowest = 0;
        std::optional<int> sla;
    };
    QList<Row> m_rows;
};

} // namespace gatehouse::ui
