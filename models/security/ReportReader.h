// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Finding.h"
#include "common/ProgressSink.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace gatehouse {

/// The report formats Gatehouse reads. Detected from the content; the file name is only a tie-breaker for
/// reports whose content says nothing (an empty JSON array).
enum class ReportFormat
{
    Unknown,
    Sarif,
    Semgrep,
    Trivy,
    Gitleaks,
    Grype,
    PipAudit,
    Safety,
    Zap,
    Bandit,
    NpmAudit,
    OsvScanner,
    SonarQube, ///< generic issue import format or api/issues/search pages
    GitLabSecurity, ///< GitLab's security report JSON (gl-sast-report.json, …)
    DependabotAlerts, ///< GitHub's Dependabot alerts API answer (a JSON list of alerts)
};

/// "sarif", "semgrep-json", "trivy-json", ... (the `format` field of `gatehouse findings parse`).
QString reportFormatName(ReportFormat format);
/// The tool a native format belongs to ("semgrep", "trivy", ...); empty for SARIF (any tool) and Unknown.
QString reportFormatTool(ReportFormat format);

/// Guards against hostile or broken input. Hitting one stops the report with a clear error.
struct ReportLimits
{
    qint64 maxFileSize = qint64(1) << 30; ///< bytes
    int maxDepth = 100; ///< JSON nesting
    qint64 maxFindings = 1000000;
};

/// A problem in a report. Fatal ones stop the report (returned as the Error of ReportReader's Result, with the
/// position in the message); others are attached to the parsed report as warnings.
struct ReportDiagnostic
{
    QString code; ///< e.g. "report.truncated", "report.unknown-format", "report.entry-skipped"
    QString message;
    qint64 offset = -1; ///< byte offset in the report, -1 when unknown
    int line = 0; ///< 1-based, 0 when unknown
    int column = 0;

    QString toString() const;
};

/// One report, parsed and normalized.
struct ParsedReport
{
    QString path; ///< as given (file path or path in the repository)
    ReportFormat format = ReportFormat::Unknown;
    QString tool; ///< the tool of the report (for SARIF: the first run's driver, normalized)
    QList<Finding> findings;
    QList<ReportDiagnostic> warnings; ///< skipped entries and other non-fatal problems
    qint64 size = 0; ///< bytes read
};

/// Reads scanner reports with a streaming (SAX) JSON parse: only one finding-sized sub-object is held as a DOM at
/// a time, so a 100 MB report needs memory for its findings, not for its text.
///
/// Stateless; every function is reentrant and can run on any thread. Never throws: problems come back as an Error
/// whose code is "report.*" and whose message names the byte offset (and line/column when known).
class ReportReader
{
public:
    /// Detects the format from the first bytes of `data` (a prefix is enough). `nameHint` (a file name) only
    /// breaks ties for reports whose content does not identify the tool.
    static ReportFormat detectFormat(const QByteArray& prefix, const QString& nameHint = {});

    /// On failure `failure` (when given) receives the structured diagnostic behind the returned Error.
    static Result<ParsedReport> readFile(const QString& path, const ReportLimits& limits = {},
                                         ProgressSink* sink = nullptr, ReportDiagnostic* failure = nullptr);
    /// `path` is recorded in the report and used as the name hint.
    static Result<ParsedReport> readData(const QByteArray& data, const QString& path, const ReportLimits& limits = {},
                                         ProgressSink* sink = nullptr, ReportDiagnostic* failure = nullptr);
    /// Reads from an open device (sequential reads only). `size` is used for limits and progress (-1 unknown).
    static Result<ParsedReport> readDevice(QIODevice& device, qint64 size, const QString& path,
                                           const ReportLimits& limits = {}, ProgressSink* sink = nullptr,
                                           ReportDiagnostic* failure = nullptr);
};

} // namespace gatehouse
