// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Scorecard.h"

namespace gatehouse::scorecard {

/// The success metrics: security, delivery, then pipeline runs.
QList<MetricResult> successMetrics(const ScorecardInputs& inputs);

} // namespace gatehouse::scorecard
