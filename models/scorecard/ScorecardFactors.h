// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Scorecard.h"

namespace gatehouse::scorecard {

/// The twelve factors, judged on the facts gathered from the repository (ScorecardFacts) and the inputs.
QList<FactorResult> twelveFactors(const ScorecardInputs& inputs);

} // namespace gatehouse::scorecard
