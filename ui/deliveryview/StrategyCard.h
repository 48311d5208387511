// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/strategy/DeliveryStrategy.h"

#include <QFrame>

class QLabel;

namespace gatehouse::ui {

class DeliveryTrafficChart;

/// How changes reach one environment: the strategy, its steps as a traffic-shift chart, the
/// metric gates and what triggers a rollback, with the files it was read from.
class StrategyCard : public QFrame
{
    Q_OBJECT
public:
    explicit StrategyCard(QWidget* parent = nullptr);

    void setStrategy(const delivery::EnvironmentStrategy& strategy, const QString& captionSuffix = {});
    const delivery::EnvironmentStrategy& strategy() const { return m_strategy; }
    QString headline() const;
    QString caption() const; ///< the environment as shown (names in capitals, expressions as written)
    QString details() const; ///< the lines under the headline (rich text)
    DeliveryTrafficChart* chart() const { return m_chart; }

private:
    delivery::EnvironmentStrategy m_strategy;
    QLabel* m_caption;
    QLabel* m_headline;
    DeliveryTrafficChart* m_chart;
    QLabel* m_metrics;
    QLabel* m_sources;
};

} // namespace gatehouse::ui
