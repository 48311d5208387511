// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/ScanHistory.h"

#include <QStringList>

namespace gatehouse::test {

/// A finding written as a short spec, for posture tests: "a" → a high finding with fingerprint "a" (rule "rule-a",
/// title "Finding a", in app/a.py); "a!" → critical, "a-" → low.
Finding specFinding(const QString& tool, QString spec, FindingCategory category = FindingCategory::Sast);

/// A report of `tool` at reports/<tool>.json holding one finding per spec.
ScanReport specReport(const QString& tool, ReportFormat format, const QStringList& specs,
                      FindingCategory category = FindingCategory::Sast);

} // namespace gatehouse::test
