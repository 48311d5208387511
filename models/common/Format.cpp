// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Format.h"

#include <QtMath>

#include <cmath>

namespace gatehouse::format {

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString shortDuration(std::optional<double> seconds, DurationStyle style)
{
    const bool padded = style == DurationStyle::Padded;
    if (!seconds)
        return padded ? QStringLiteral("–") : QStringLiteral("-");
    const qint64 s = qint64(std::llround(*seconds));
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m").arg(s / 60);
    if (s < 86400)
        return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, padded ? 2 : 0, 10, QLatin1Char('0'));
    return QStringLiteral("%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString clockDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("-");
    const qint64 total = qRound64(seconds);
    if (total < 60)
        return QStringLiteral("%1 s").arg(total);
    if (total < 3600)
        return QStringLiteral("%1 m %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 m").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString metricValue(std::optional<double> value, const QString& unit, MetricStyle style)
{
    const bool card = style == MetricStyle::Card;
    if (!value)
        return card ? QStringLiteral("—") : QStringLiteral("no data");
    const double v = *value;
    if (unit == QLatin1String("ratio"))
        return QStringLiteral("%1 %").arg(v * 100, 0, 'f', card && (v >= 0.995 || v == 0) ? 0 : 1);
    if (unit == QLatin1String("seconds")) {
        if (!card)
            return v < 3600 ? QStringLiteral("%1 min").arg(v / 60, 0, 'f', 1)
                            : QStringLiteral("%1 h").arg(v / 3600, 0, 'f', 1);
        if (v < 60)
            return QStringLiteral("%1 s").arg(v, 0, 'f', 0);
        if (v < 3600)
            return QStringLiteral("%1 min").arg(v / 60, 0, 'f', 0);
        if (v < 48 * 3600)
            return QStringLiteral("%1 h").arg(v / 3600, 0, 'f', 1);
        return QStringLiteral("%1 days").arg(v / 86400, 0, 'f', 1);
    }
    if (card && unit == QLatin1String("per week"))
        return QStringLiteral("%1 / week").arg(v, 0, 'f', 1);
    return QStringLiteral("%1 %2").arg(v, 0, 'f', 2).arg(unit);
}

} // namespace gatehouse::format
