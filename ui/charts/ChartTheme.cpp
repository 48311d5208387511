// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartTheme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace gatehouse::ui {

bool ChartTheme::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor ChartTheme::adjust(QColor color, const QPalette& palette)
{
    // Saturated mid-tones vanish on a dark background: lift them.
    return isDark(palette) ? color.lighter(135) : color;
}

void ChartTheme::apply(QChart* chart, const QPalette& palette)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundVisible(false);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(palette.color(QPalette::WindowText));
    QFont title = chart->titleFont();
    title.setBold(true);
    title.setPointSizeF(10);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legend = chart->legend()->font();
    legend.setPointSizeF(8.5);
    chart->legend()->setFont(legend);
    const QList<QAbstractAxis*> axes = chart->axes();
    for (QAbstractAxis* axis : axes)
        styleAxis(axis, palette);
}

void ChartTheme::styleAxis(QAbstractAxis* axis, const QPalette& palette)
{
    axis->setLabelsColor(mutedTextColor(palette));
    axis->setTitleBrush(mutedTextColor(palette));
    axis->setLinePenColor(gridColor(palette));
    axis->setGridLineColor(gridColor(palette));
    axis->setMinorGridLineVisible(false);
    QFont font = axis->labelsFont();
    font.setPointSizeF(8);
    axis->setLabelsFont(font);
}

QColor ChartTheme::severityColor(Severity severity, const QPalette& palette)
{
    switch (severity) {
    case Severity::Critical:
        return adjust(QColor(0xc6, 0x28, 0x28), palette);
    case Severity::High:
        return adjust(QColor(0xf0, 0x7d, 0x1a), palette);
    case Severity::Medium:
        return adjust(QColor(0xf5, 0xcd, 0x3a), palette);
    case Severity::Low:
        return adjust(QColor(0x3d, 0x7e, 0xd6), palette);
    case Severity::Info:
        break;
    }
    return adjust(QColor(0x90, 0x9a, 0xa8), palette);
}

QColor ChartTheme::seriesColor(int index, const QPalette& palette)
{
    static const QColor colors[]
        = {QColor(0x2f, 0x6f, 0xdb), QColor(0x2e, 0x9e, 0x8f), QColor(0x8e, 0x5c, 0xd9), QColor(0xd9, 0x7b, 0x2b),
           QColor(0x5b, 0x8c, 0x3a), QColor(0xc4, 0x4d, 0x8a), QColor(0x4d, 0x9a, 0xc4), QColor(0x8a, 0x7a, 0x4d)};
    return adjust(colors[qAbs(index) % int(std::size(colors))], palette);
}

QColor ChartTheme::goodColor(const QPalette& palette)
{
    return adjust(QColor(0x2e, 0x8b, 0x57), palette);
}

QColor ChartTheme::badColor(const QPalette& palette)
{
    return adjust(QColor(0xd0, 0x43, 0x3a), palette);
}

QColor ChartTheme::gridColor(const QPalette& palette)
{
    QColor c = palette.color(QPalette::WindowText);
    c.setAlphaF(0.12f);
    return c;
}

QColor ChartTheme::mutedTextColor(const QPalette& palette)
{
    QColor c = palette.color(QPalette::WindowText);
    c.setAlphaF(0.7f);
    return c;
}

} // namespace gatehouse::ui
