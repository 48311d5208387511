// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Text for times and durations, shared by the GUI's models and the CLI so the two cannot drift apart.
namespace gatehouse::format {

/// "2026-01-05T10:00:00Z": ISO 8601 in UTC, whatever offset the time carries; empty when the time is invalid.
QString isoUtc(const QDateTime& time);

/// How shortDuration() writes a missing value and the minutes after whole hours. The GUI pads ("1h 05m") and shows
/// an en dash; the CLI's text output has always printed "1h 5m" and "-", and scripts may read it, so it keeps that.
enum class DurationStyle
{
    Padded, ///< "–" when missing, "1h 05m"
    Plain, ///< "-" when missing, "1h 5m"
};

/// The two largest units of a duration, rounded to whole seconds: "45s", "12m", "3h 05m", "2d 4h".
QString shortDuration(std::optional<double> seconds, DurationStyle style = DurationStyle::Padded);

/// A run or job duration with its seconds: "45 s", "2 m 05 s", "1 h 03 m"; "-" for a negative (unknown) value.
QString clockDuration(double seconds);

/// How metricValue() writes a success metric. The Overview cards are compact ("97 %", "42 min", "1.5 / week", "—"
/// without data); the CLI's scorecard text keeps one decimal everywhere ("97.0 %", "42.0 min", "no data").
enum class MetricStyle
{
    Card,
    Text,
};

/// A metric's value in its unit ("ratio", "seconds", "per week" or any other unit, printed after the number).
QString metricValue(std::optional<double> value, const QString& unit, MetricStyle style);

} // namespace gatehouse::format
