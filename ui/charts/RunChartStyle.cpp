// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace gatehouse::ui {

void styleChart(QChart* chart, const QPalette& palette)
{
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setTitleBrush(palette.color(QPalette::Text));
    const QColor grid = palette.color(QPalette::Mid);
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

QColor chartAccent(const QPalette& palette, int index)
{
    const QColor text = palette.color(QPalette::Text);
    switch (index) {
    case 0:
        return palette.color(QPalette::Highlight);
    case 1:
        return text;
    case 2: {
        QColor muted = text;
        muted.setAlphaF(0.55f);
        return muted;
    }
    case 3:
        // Failures: a red that keeps its contrast on light and dark bases.
        return palette.color(QPalette::Base).lightness() > 128 ? QColor(0xc0, 0x39, 0x2b) : QColor(0xf1, 0x76, 0x6b);
    default:
        return palette.color(QPalette::Base).lightness() > 128 ? QColor(0xc2, 0x7c, 0x0e) : QColor(0xf5, 0xb0, 0x41);
    }
}

} // namespace gatehouse::ui
