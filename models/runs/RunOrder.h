// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to models/runs: the order runs and jobs are played back in.

#include <QDateTime>
#include <QString>

namespace gatehouse::runs {

/// Compares two records by time (timed before untimed, earlier first), then by their numeric ids (the platforms
/// number runs and jobs in creation order): negative, zero or positive as `a` comes before, with or after `b`.
inline int compareByTimeThenId(const QDateTime& timeA, const QString& idA, const QDateTime& timeB, const QString& idB)
{
    if (timeA.isValid() && timeB.isValid() && timeA != timeB)
        return timeA < timeB ? -1 : 1;
    if (timeA.isValid() != timeB.isValid())
        return timeA.isValid() ? -1 : 1;
    const qint64 a = idA.toLongLong();
    const qint64 b = idB.toLongLong();
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace gatehouse::runs
