// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/ReportReader.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace gatehouse {

/// Reads SonarQube issues in its two JSON shapes:
///  - the generic issue import format (`{"rules":[…],"issues":[…]}`, and the deprecated form whose issues carry
///    `engineId`, `severity` and `type` themselves): rule, primaryLocation.filePath and textRange.startLine;
///  - the `api/issues/search` web API response (`{"paging":…,"issues":[…],"components":[…]}`), one page, several
///    pages concatenated in one file, or a JSON list of pages: rule, component (the `projectKey:` prefix removed, or
///    the component's `path`), line or textRange.startLine, status, resolution and the issue key as fingerprint.
/// Severities: BLOCKER → critical, CRITICAL → high, MAJOR → medium, MINOR → low, INFO → info; an issue's
/// `impacts` (SonarQube 10.2+: BLOCKER, HIGH, MEDIUM, LOW, INFO) count too, and the worst of all of them wins. Resolved
/// issues: FALSE-POSITIVE becomes a false-positive finding, WONTFIX (and the newer ACCEPTED status) an accepted one;
/// FIXED and REMOVED issues are not findings any more and are left out. Reentrant; never throws.
class SonarQubeReader
{
public:
    /// Whether a report whose top-level keys (or, for a list of pages, its first element's keys) are `keys` and
    /// whose `issues` entries have `issueKeys` is a SonarQube document.
    static bool recognises(const QSet<QString>& keys, const QSet<QString>& issueKeys);

    /// Parses the whole report. Errors are "report.*" diagnostics with the byte offset, line and column.
    static Result<ParsedReport> read(const QByteArray& data, const QString& path, const ReportLimits& limits,
                                     ReportDiagnostic* failure = nullptr);

    /// The normalized severity of a SonarQube severity or impact severity; Medium when unknown.
    static Severity severity(const QString& sonarSeverity);
};

} // namespace gatehouse
