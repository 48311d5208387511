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

} // namespace gatehouse::format
