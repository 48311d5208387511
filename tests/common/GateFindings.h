// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineValidator.h"

#include <QStringList>

namespace gatehouse::test {

/// The findings of one gate as "line:column:severity", in the result's order (for data-driven gate tests).
QStringList gateFindings(const pipeline::ValidationResult& result, const QString& gate);

} // namespace gatehouse::test
