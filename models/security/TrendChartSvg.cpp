// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrendChartSvg.h"

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

/// A "nice" tick step (1, 2, 5 × 10^n) giving at most `maxTicks` ticks up to `maximum`.
int tickStep(int maximum, int maxTicks)
{
    int step = 1;
    while (true) {
        for (int factor : {1, 2, 5}) {
            if (maximum / (step * factor) < maxTicks)
                return step * factor;
        }
        step *= 10;
    }
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("#8e1b1b");
    case Severity::High:
        return QStringLiteral("#d9480f");
    case Severity::Medium:
        return QStringLiteral("#e8a317");
    case Severity::Low:
        return QStringLiteral("#4a7fb5");
    case Severity::Info:
        break;
    }
    return QStringLiteral("#9aa5b1");
}

QByteArray trendChartSvg(const QList<WeekTrendPoint>& trend, int width, int height)
{
    width = std::max(width, 200);
    height = std::max(height, 120);
    // Critical at the bottom: the worst findings are what a reader compares week to week.
    const QList<Severity> stack{Severity::Critical, Severity::High, Severity::Medium, Severity::Low};
    int maximum = 0;
    for (const WeekTrendPoint& p : trend) {
        int total = 0;
        for (Severity s : stack)
            total += p.open.value(s);
        maximum = std::max(maximum, total);
    }
    const int step = tickStep(std::max(maximum, 1), 5);
    const int top = std::max(step, int(std::ceil(double(std::max(maximum, 1)) / step)) * step);

    const double left = 36;
    const double right = width - 8;
    const double plotTop = 28;
    const double bottom = height - 22;
    const double plotHeight = bottom - plotTop;
    const QString font = QStringLiteral("font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"");

    QString svg;
    svg += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\">\n")
               .arg(width)
               .arg(height);
    svg += QStringLiteral("<title>Open findings by severity, per week</title>\n");
    svg += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
               .arg(width)
               .arg(height);

    // Legend, top right to left.
    double legendX = right;
    for (qsizetype i = stack.size() - 1; i >= 0; --i) {
        const QString name = severityName(stack.at(i));
        const double textWidth = name.size() * 6.2;
        legendX -= textWidth;
        svg += QStringLiteral("<text x=\"%1\" y=\"14\" font-size=\"10\" fill=\"#333333\" %2>%3</text>\n")
                   .arg(number(legendX), font, name);
        legendX -= 14;
        svg += QStringLiteral("<rect x=\"%1\" y=\"5\" width=\"10\" height=\"10\" fill=\"%2\"/>\n")
                   .arg(number(legendX), severityColor(stack.at(i)));
        legendX -= 10;
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"14\" font-size=\"10\" fill=\"#333333\" %2>Open findings</text>\n")
               .arg(number(left), font);

    // Y axis: grid lines and tick labels.
    for (int value = 0; value <= top; value += step) {
        const double y = bottom - plotHeight * value / top;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"1\"/>\n")
                   .arg(number(left), number(y), number(right),
                        value == 0 ? QStringLiteral("#666666") : QStringLiteral("#e1e4e8"));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9\" fill=\"#555555\" text-anchor=\"end\" "
                              "%3>%4</text>\n")
                   .arg(number(left - 5), number(y + 3), font)
                   .arg(value);
    }

    // Columns.
    const qsizetype n = std::max<qsizetype>(trend.size(), 1);
    const double slot = (right - left) / double(n);
    const double barWidth = std::max(2.0, slot * 0.62);
    const int labelEvery = slot < 26 ? int(std::ceil(26.0 / slot)) : 1;
    for (qsizetype i = 0; i < trend.size(); ++i) {
        const WeekTrendPoint& p = trend.at(i);
        const double x = left + slot * double(i) + (slot - barWidth) / 2;
        double y = bottom;
        int total = 0;
        for (Severity s : stack) {
            const int count = p.open.value(s);
            if (count <= 0)
                continue;
            total += count;
            const double h = plotHeight * count / top;
            y -= h;
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\">"
                                  "<title>%6 %7: %8</title></rect>\n")
                       .arg(number(x), number(y), number(barWidth), number(h), severityColor(s),
                            escaped(p.week.toString()), severityName(s))
                       .arg(count);
        }
        if (total > 0) {
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9\" fill=\"#333333\" text-anchor=\"middle\" "
                                  "%3>%4</text>\n")
                       .arg(number(x + barWidth / 2), number(y - 3), font)
                       .arg(total);
        }
        if ((trend.size() - 1 - i) % labelEvery == 0) {
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"9\" fill=\"#555555\" text-anchor=\"middle\" "
                                  "%3>W%4</text>\n")
                       .arg(number(x + barWidth / 2), number(bottom + 13), font)
                       .arg(p.week.week, 2, 10, QLatin1Char('0'));
        }
    }
    if (trend.isEmpty()) {
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" fill=\"#777777\" text-anchor=\"middle\" "
                              "%3>No scans</text>\n")
                   .arg(number((left + right) / 2), number(plotTop + plotHeight / 2), font);
    }
    svg += QStringLiteral("</svg>\n");
    return svg.toUtf8();
}

} // namespace gatehouse
