// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The entry points every fuzz harness drives, shared with tst_fuzzregressions so a crasher found by a fuzzer is
// replayed through exactly the same calls in the normal build. Each returns the diagnostic codes the input
// produced (rule ids, error codes), so a regression test can assert that bad input was reported, not ignored.

#include "delivery/DeploymentRules.h"
#include "delivery/IncidentParser.h"
#include "delivery/strategy/ProgressiveDeliveryGate.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/PipelineValidator.h"
#include "security/ReportReader.h"
#include "security/ScanNote.h"
#include "security/SecurityConfig.h"
#include "security/Triage.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace gatehouse::fuzz {

/// The targets, by the name of their harness (tests/fuzz/fuzz_<name>.cpp) and regression folder.
inline QStringList targetNames()
{
    return {QStringLiteral("gitlab"),   QStringLiteral("github"), QStringLiteral("report"),
            QStringLiteral("incident"), QStringLiteral("config"), QStringLiteral("scannote")};
}

/// Parse + resolve + validate (gates included) as the CLI does. The file is also in the repository's file source,
/// so `include:` / `uses: ./` of itself (recursion) is exercised too.
inline QStringList runPipeline(const QByteArray& data, const QString& path)
{
    delivery::ProgressiveDeliveryGate::install(); // as main() does
    pipeline::ValidationOptions options;
    QHash<QString, QByteArray> files{{path, data}};
    options.files = pipeline::FileSource::fromMap(files, true);
    const pipeline::ValidationResult result = pipeline::validatePipeline(data, path, options);
    QStringList codes;
    for (const pipeline::Diagnostic& diagnostic : result.diagnostics)
        codes << diagnostic.rule;
    return codes;
}

inline QStringList runGitLab(const QByteArray& data)
{
    return runPipeline(data, QStringLiteral(".gitlab-ci.yml"));
}

inline QStringList runGitHub(const QByteArray& data)
{
    return runPipeline(data, QStringLiteral(".github/workflows/x.yml"));
}

/// Every report reader: the format is detected from the content, so one harness reaches all of them.
inline QStringList runReport(const QByteArray& data)
{
    ReportLimits limits;
    limits.maxFileSize = 4 * 1024 * 1024;
    ReportDiagnostic failure;
    const Result<ParsedReport> report
        = ReportReader::readData(data, QStringLiteral("report.json"), limits, nullptr, &failure);
    QStringList codes;
    if (!report.ok()) {
        codes << report.error().code;
        return codes;
    }
    for (const ReportDiagnostic& warning : report.value().warnings)
        codes << warning.code;
    // The fingerprints and normalized fields are what the rest of the program uses: touch them.
    for (const Finding& finding : report.value().findings)
        (void)finding.fingerprint.size();
    return codes;
}

/// A commit message and a postmortem document with the same text.
inline QStringList runIncident(const QByteArray& data)
{
    QStringList codes;
    const QString message = QString::fromUtf8(data);
    if (const auto incident = delivery::IncidentParser::parseCommitMessage(message))
        codes << QStringLiteral("incident.commit");
    QList<delivery::IncidentDiagnostic> diagnostics;
    (void)delivery::IncidentParser::parseDocument(QStringLiteral("postmortems/x.md"), data, &diagnostics);
    for (const delivery::IncidentDiagnostic& diagnostic : diagnostics)
        codes << diagnostic.code;
    (void)delivery::IncidentParser::parseDuration(message.left(200));
    (void)delivery::IncidentParser::parseDateTime(message.left(200));
    return codes;
}

/// The YAML readers of `.gatehouse/`: the gate policy, the deployment rules, the security config and the triage.
inline QStringList runConfig(const QByteArray& data)
{
    QStringList codes;
    QList<pipeline::Diagnostic> policyDiagnostics;
    (void)pipeline::GatePolicy::parse(data, QStringLiteral(".gatehouse/policy.yml"), &policyDiagnostics);
    for (const pipeline::Diagnostic& diagnostic : policyDiagnostics)
        codes << diagnostic.rule;
    QList<delivery::RuleDiagnostic> ruleDiagnostics;
    const delivery::DeploymentRules rules = delivery::DeploymentRules::fromConfig(data, &ruleDiagnostics);
    for (const delivery::RuleDiagnostic& diagnostic : ruleDiagnostics)
        codes << diagnostic.code;
    // Compiled rules run against tag names: exercise the regexes the input made.
    (void)rules.classify(QStringLiteral("deploy-2026-01-01"), QStringLiteral("Production deployment"));
    (void)rules.classify(QStringLiteral("v1.2.3"));
    const Result<SecurityConfig> config = SecurityConfig::parse(data);
    if (!config.ok())
        codes << config.error().code;
    const Result<Triage> triage = Triage::parse(data);
    if (!triage.ok())
        codes << triage.error().code;
    return codes;
}

/// A git note of archived scans, and every report in it.
inline QStringList runScanNote(const QByteArray& data)
{
    QStringList codes;
    const Result<QList<NoteReport>> reports = ScanNote::unpack(data);
    if (!reports.ok()) {
        codes << reports.error().code;
        return codes;
    }
    for (const NoteReport& report : reports.value()) {
        ReportLimits limits;
        limits.maxFileSize = 4 * 1024 * 1024;
        const Result<ParsedReport> parsed = ReportReader::readData(report.content, report.path, limits);
        if (!parsed.ok())
            codes << parsed.error().code;
    }
    (void)ScanNote::pack(reports.value());
    return codes;
}

/// The entry point of a target by name (for the regression test).
inline QStringList run(const QString& target, const QByteArray& data)
{
    if (target == QLatin1String("gitlab"))
        return runGitLab(data);
    if (target == QLatin1String("github"))
        return runGitHub(data);
    if (target == QLatin1String("report"))
        return runReport(data);
    if (target == QLatin1String("incident"))
        return runIncident(data);
    if (target == QLatin1String("config"))
        return runConfig(data);
    if (target == QLatin1String("scannote"))
        return runScanNote(data);
    return {};
}

} // namespace gatehouse::fuzz
