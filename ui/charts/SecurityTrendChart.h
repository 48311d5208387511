// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartView.h"
#include "security/Posture.h"

class QLineSeries;

namespace gatehouse::ui {

/// Open findings by severity over time, as stacked areas over the scans (each scan's "open" counts, held until the
/// next scan and up to the posture's "now"). Hovering shows the scan under the mouse; a click opens it
/// (scanActivated). Drag to zoom a time range.
class SecurityTrendChart : public ChartView
{
    Q_OBJECT
public:
    explicit SecurityTrendChart(QWidget* parent = nullptr);
    ~SecurityTrendChart() override;

    void setPosture(const Posture& posture);
    /// Shows [from, to] (invalid `from`: from the first scan).
    void setRange(const QDateTime& from, const QDateTime& to);
    QDateTime rangeStart() const;
    QDateTime rangeEnd() const;

    /// The scan in force at `time` (the newest at or before it), or -1.
    int scanIndexAt(const QDateTime& time) const;
    /// The tooltip text of a scan (what hovering shows).
    QString scanText(int scanIndex) const;
    int seriesCount() const;
    /// Acts as if the chart was clicked at `time` (tests; the series' clicks end here too).
    void activateAt(const QDateTime& time);

Q_SIGNALS:
    void scanActivated(const QString& commit);

protected:
    void rebuild() override;

private:
    void hover(const QPointF& point, bool state);

    QList<QLineSeries*> m_lines;
    QList<ScanSummary> m_scans;
    QDateTime m_now;
    QDateTime m_from;
    QDateTime m_to;
};

} // namespace gatehouse::ui
