// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "security/WeeklyReport.h"

#include <QByteArray>

namespace gatehouse::render {

/// Prints the weekly report to an A4 PDF through Qt's own printing support (QTextDocument on a QPdfWriter), with
/// the trend chart rasterized from its SVG by QSvgRenderer. Needs a QGuiApplication (fonts); the CLI creates one on
/// the `offscreen` platform for `report --format pdf`, so no display is required. Fails with "report.no-gui"
/// without one. Matches WeeklyReport::PdfWriter, so it can be registered with WeeklyReport::setPdfWriter().
Result<QByteArray> weeklyReportPdf(const WeeklyReport& report);

} // namespace gatehouse::render
