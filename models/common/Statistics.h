// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>

/// The one place medians and percentiles are computed. Two methods, each for one kind of figure:
/// - percentile()/median(): linear interpolation between closest ranks (numpy's default, R type 7); the median of an
///   even count is the mean of the two middle values. Used for durations summarised over many events: DORA lead
///   time and time to restore, security days-to-fix.
/// - nearestRank(): the smallest value with at least p of the values at or below it, so every figure is a value that
///   was observed (the median of an even count is the lower middle value). Used for CI run durations and the
///   scorecard's run figures, where a shown duration must be one a run really took.
/// p is in [0, 1] (clamped); every function returns nullopt for an empty list.
namespace gatehouse::statistics {

std::optional<double> percentile(QList<double> values, double p);
std::optional<double> median(QList<double> values);
std::optional<double> nearestRank(QList<double> values, double p);

} // namespace gatehouse::statistics
