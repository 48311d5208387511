// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/Finding.h"

#include <QColor>
#include <QPalette>

class QAbstractAxis;
class QChart;

namespace gatehouse::ui {

/// Colours and styling shared by every chart, taken from the widget's palette so light and dark palettes both work:
/// backgrounds and text from the palette roles, data colours from a fixed set of hues lightened on dark palettes.
class ChartTheme
{
public:
    static bool isDark(const QPalette& palette);
    /// Transparent plot background, palette text for titles, legends and labels; animations off (tests, remote X).
    static void apply(QChart* chart, const QPalette& palette);
    static void styleAxis(QAbstractAxis* axis, const QPalette& palette);
    /// critical red, high orange, medium amber, low blue, info grey.
    static QColor severityColor(Severity severity, const QPalette& palette);
    /// A qualitative palette for series without meaning of their own (tools, weeks).
    static QColor seriesColor(int index, const QPalette& palette);
    /// "Good" (green) and "bad" (red) colours, e.g. fixed and new findings.
    static QColor goodColor(const QPalette& palette);
    static QColor badColor(const QPalette& palette);
    /// Grid lines and other quiet decorations.
    static QColor gridColor(const QPalette& palette);
    static QColor mutedTextColor(const QPalette& palette);

private:
    static QColor adjust(QColor color, const QPalette& palette);
};

} // namespace gatehouse::ui
