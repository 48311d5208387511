// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse {

/// Normalized severity of a finding. Ordered: a higher value is worse. Each tool's mapping is documented in
/// docs/security.md ("Severity mapping").
enum class Severity
{
    Info = 0,
    Low,
    Medium,
    High,
    Critical
};

/// What kind of scan produced a finding.
enum class FindingCategory
{
    Sast,
    Dependency,
    Container,
    Secret,
    Dast,
    Iac
};

QString severityName(Severity severity); ///< "critical", "high", "medium", "low", "info"
std::optional<Severity> severityFromName(const QString& name); ///< case-insensitive, also accepts "moderate" etc.
/// Maps a CVSS base score (0.0–10.0) to a severity with the CVSS v3 qualitative scale (0 = info).
Severity severityFromCvss(double score);
QString categoryName(FindingCategory category); ///< "sast", "dependency", "container", "secret", "dast", "iac"
std::optional<FindingCategory> categoryFromName(const QString& name);
/// All severities, worst first (for tables and JSON objects keyed by severity).
QList<Severity> allSeverities();

/// Where a finding is: a file and line for code, a package (installed and fixed version) for dependencies, a
/// target (image, URL, manifest) for containers and DAST. Empty strings / 0 mean "absent".
struct FindingLocation
{
    QString path;
    int line = 0;
    QString package;
    QString version; ///< installed version
    QString fixedVersion;
    QString target; ///< image name, site URL or scanned artifact

    bool operator==(const FindingLocation&) const = default;
};

/// One normalized finding of one report. Value type, usable from any thread.
struct Finding
{
    QString tool; ///< normalized tool id, e.g. "trivy", "semgrep", "codeql"
    FindingCategory category = FindingCategory::Sast;
    QString rule; ///< the tool's rule / check / vulnerability id
    Severity severity = Severity::Medium;
    QString title;
    QString description; ///< longer text when the report has one (not part of the parse JSON contract)
    FindingLocation location;
    QStringList ids; ///< CVE-, CWE- and GHSA- identifiers, deduplicated, in report order
    /// Stable across scans: the tool's own fingerprint when it has one, otherwise a hash of identity fields that
    /// do not include the line (docs/security.md "Fingerprints").
    QString fingerprint;
    bool toolFingerprint = false; ///< true when `fingerprint` came from the tool itself
    /// The tool's own triage of the finding, for tools that keep one (a SonarQube issue resolved as FALSE-POSITIVE
    /// or WONTFIX): "false_positive" or "accepted"; empty otherwise. `.gatehouse/triage.yml` still takes precedence.
    QString triage;

    bool operator==(const Finding&) const = default;

    /// The `gatehouse findings parse` JSON object (absent fields omitted).
    QJsonObject toJson() const;
};

} // namespace gatehouse

Q_DECLARE_METATYPE(gatehouse::Finding)
