// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"

#include <QWidget>

namespace gatehouse::ui {

/// A compact bar chart of commits per week (painted by hand: Qt Charts stays under ui/charts/).
class ActivityBars : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityBars(QWidget* parent = nullptr);

    void setWeeks(const QList<WeekActivity>& weeks);
    const QList<WeekActivity>& weeks() const { return m_weeks; }
    QSize sizeHint() const override { return {360, 110}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<WeekActivity> m_weeks;
};

} // namespace gatehouse::ui
