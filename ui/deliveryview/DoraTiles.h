// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/DoraMetrics.h"

#include <QWidget>

class QLabel;

namespace gatehouse::ui {

class KpiTile;

/// The four DORA metrics of one environment and window, each with its band, plus the overall band. Every tile's
/// tooltip lists the thresholds of the DORA report the bands come from, and a legend line names the report.
class DoraTiles : public QWidget
{
    Q_OBJECT
public:
    explicit DoraTiles(QWidget* parent = nullptr);

    void setSummary(const delivery::DoraSummary& summary);
    const delivery::DoraSummary& summary() const { return m_summary; }

    /// Frequency, lead time, change failure rate, time to restore, overall band (in that order).
    QList<KpiTile*> tiles() const { return m_tiles; }
    QLabel* legend() const { return m_legend; }

    /// "2.33 / week", "3h 05m", "21.4 %" (the texts the tiles show); "–" without data.
    static QString frequencyText(std::optional<double> perWeek);
    static QString ratioText(std::optional<double> ratio);
    static QString bandText(std::optional<delivery::DoraBand> band);
    static QString thresholdsToolTip(delivery::DoraMetric metric);

private:
    delivery::DoraSummary m_summary;
    QList<KpiTile*> m_tiles;
    QLabel* m_legend;
};

} // namespace gatehouse::ui
