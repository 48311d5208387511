// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Finding.h"
#include "common/Result.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>

#include <optional>

namespace gatehouse {

/// The security settings of `.gatehouse/config.yml` (other sections of the file belong to other features):
///
///     sla:                 # days to fix, counted from the first scan that reported a finding
///       critical: 1
///       high: 7
///       medium: 30
///       low: 90
///     reports:             # report files in commits (globs from the repository root)
///       - "reports/**"
///     notes:
///       ref: refs/notes/gatehouse-scans
///
/// Absent keys keep their defaults. Value type, any thread.
struct SecurityConfig
{
    QMap<Severity, int> slaDays{
        {Severity::Critical, 1}, {Severity::High, 7}, {Severity::Medium, 30}, {Severity::Low, 90}};
    QStringList reportGlobs;
    QString notesRef;

    /// The SLA for a severity; none for info (and for severities set to 0 or less).
    std::optional<int> sla(Severity severity) const;

    static SecurityConfig defaults();
    /// Parses the YAML text of config.yml. Errors carry the line and column ("config.invalid").
    static Result<SecurityConfig> parse(const QByteArray& yaml);
};

} // namespace gatehouse
