// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Statistics.h"

#include <algorithm>
#include <cmath>

namespace gatehouse::statistics {

std::optional<double> percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const auto lower = qsizetype(std::floor(rank));
    const auto upper = qsizetype(std::ceil(rank));
    const double fraction = rank - double(lower);
    return values.at(lower) + (values.at(upper) - values.at(lower)) * fraction;
}

std::optional<double> median(QList<double> values)
{
    return percentile(std::move(values), 0.5);
}

std::optional<double> nearestRank(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(std::clamp(p, 0.0, 1.0) * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank, 1, values.size()) - 1);
}

} // namespace gatehouse::statistics
