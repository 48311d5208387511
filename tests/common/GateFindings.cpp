// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GateFindings.h"

namespace gatehouse::test {

QStringList gateFindings(const pipeline::ValidationResult& result, const QString& gate)
{
    QStringList out;
    for (const pipeline::Diagnostic& d : result.diagnostics) {
        if (d.rule == QStringLiteral("gate.") + gate)
            out << QStringLiteral("%1:%2:%3").arg(d.line).arg(d.column).arg(pipeline::severityName(d.severity));
    }
    return out;
}

} // namespace gatehouse::test
