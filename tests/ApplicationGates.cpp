// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Linked as an object into every test and benchmark: they validate pipelines with the gates main() installs at
// start, so a test sees what the application reports.
#include "delivery/strategy/ProgressiveDeliveryGate.h"

#include <QtGlobal>

namespace {

void installApplicationGates()
{
    gatehouse::delivery::ProgressiveDeliveryGate::install();
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(installApplicationGates)
