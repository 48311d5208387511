// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/TrafficShift.h"

#include <QChartView>

namespace gatehouse::ui {

/// A small traffic-shift chart for a strategy card: the share of traffic on the new version, step by step
/// (TrafficShift::curve), as a filled step line. Colours from the palette.
class DeliveryTrafficChart : public QChartView
{
    Q_OBJECT
public:
    explicit DeliveryTrafficChart(QWidget* parent = nullptr);

    void setCurve(const QList<delivery::TrafficPoint>& curve);
    const QList<delivery::TrafficPoint>& curve() const { return m_curve; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QList<delivery::TrafficPoint> m_curve;
};

} // namespace gatehouse::ui
