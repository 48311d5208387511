// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingSpec.h"

namespace gatehouse::test {

Finding specFinding(const QString& tool, QString spec, FindingCategory category)
{
    Finding f;
    f.tool = tool;
    f.category = category;
    f.severity = Severity::High;
    if (spec.endsWith(QLatin1Char('!'))) {
        f.severity = Severity::Critical;
        spec.chop(1);
    } else if (spec.endsWith(QLatin1Char('-'))) {
        f.severity = Severity::Low;
        spec.chop(1);
    }
    f.fingerprint = spec;
    f.rule = QStringLiteral("rule-") + spec;
    f.title = QStringLiteral("Finding ") + spec;
    f.location.path = QStringLiteral("app/") + spec + QStringLiteral(".py");
    return f;
}

ScanReport specReport(const QString& tool, ReportFormat format, const QStringList& specs, FindingCategory category)
{
    ScanReport r;
    r.tool = tool;
    r.format = format;
    r.path = QStringLiteral("reports/%1.json").arg(tool);
    for (const QString& spec : specs)
        r.findings << specFinding(tool, spec, category);
    return r;
}

} // namespace gatehouse::test
