// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/ReportReader.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace gatehouse {

/// Reads the two report shapes the platforms keep findings in (whole-document readers, reentrant, never throw):
///  - GitLab's security report JSON (gl-sast-report.json, gl-dependency-scanning-report.json, …):
///    `{"version", "scan": {"type", "scanner": {"id"}}, "vulnerabilities": [{"id", "name", "severity",
///    "location": {"file", "start_line", "dependency": {"package": {"name"}, "version"}, "image", "hostname",
///    "path"}, "identifiers": [{"type", "name", "value"}]}]}`. The category comes from `scan.type` (sast,
///    dependency_scanning, container_scanning, secret_detection, dast, cluster_image_scanning), the tool from
///    `scan.scanner.id`; severity Critical/High/Medium/Low/Info, "Unknown" → medium.
///  - GitHub's Dependabot alerts (`GET /repos/{owner}/{repo}/dependabot/alerts`, one page or the pages joined into
///    one JSON list): severity, GHSA and CVE ids, package, manifest_path; a dismissed alert becomes triaged
///    ("inaccurate" → false_positive, any other reason → accepted); fixed alerts are not findings any more.
class PlatformReportReader
{
public:
    /// Top-level keys of a GitLab security report (and the keys of its first vulnerability).
    static bool recognisesGitLab(const QSet<QString>& topKeys, const QSet<QString>& vulnerabilityKeys);
    /// Keys of the first element of a JSON list of Dependabot alerts.
    static bool recognisesDependabot(const QSet<QString>& alertKeys);

    static Result<ParsedReport> readGitLab(const QByteArray& data, const QString& path, const ReportLimits& limits,
                                           ReportDiagnostic* failure = nullptr);
    static Result<ParsedReport> readDependabot(const QByteArray& data, const QString& path, const ReportLimits& limits,
                                               ReportDiagnostic* failure = nullptr);
};

} // namespace gatehouse
