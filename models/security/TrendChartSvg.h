// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReviewSummary.h"

#include <QByteArray>

namespace gatehouse {

/// Draws the open-by-severity trend of a weekly summary as a standalone SVG (stacked columns per week, critical at
/// the bottom, a y axis with round ticks, week labels and a legend). Plain SVG 1.1 shapes and presentation
/// attributes only, so browsers and QSvgRenderer (SVG Tiny) draw it alike. Fixed document colours: the chart is
/// printed and mailed, not themed. Pure function, any thread.
QByteArray trendChartSvg(const QList<WeekTrendPoint>& trend, int width = 640, int height = 220);

/// The severity colours of reports (hex "#rrggbb").
QString severityColor(Severity severity);

} // namespace gatehouse
