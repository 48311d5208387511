// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QChart;
class QPalette;

namespace gatehouse::ui {

/// The run charts' look from the widget palette: transparent background, text and grid in the palette's colours.
void styleChart(QChart* chart, const QPalette& palette);
/// Series colours beside the palette's highlight: 0 = highlight, 1 = text, 2 = a muted text tone, 3 = a warning
/// tone (failures), 4 = a second warning tone (flaky).
QColor chartAccent(const QPalette& palette, int index);

} // namespace gatehouse::ui
