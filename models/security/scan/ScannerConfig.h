// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "security/Finding.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

/// One scanner Gatehouse can run: its command line and how to judge the run. Value type, any thread.
///
/// `command` is an argument vector (never given to a shell). Placeholders: `{repo}` = the work tree's absolute path,
/// `{report}` = a temporary file the tool writes its report to (without it, the report is read from stdout).
struct ScannerSpec
{
    QString name; ///< tool id as in the report readers ("bandit", "npm-audit", ...) or a team's own name
    QStringList command;
    FindingCategory category = FindingCategory::Sast; ///< what it covers (the coverage tile)
    int timeoutSeconds = 600;
    /// Exit codes of a run that worked (most scanners exit 1 when they found something).
    QList<int> okExitCodes{0, 1};
    /// The tool only applies when one of these files exists in the work tree (e.g. npm audit needs a lock file).
    QStringList requiresAnyOf;
    /// Run after `command` succeeded; its stdout is the report. For tools that send their results to a server
    /// (sonar-scanner) and whose issues are read back from its web API. Placeholders: `{sonar.KEY}` = KEY of the
    /// work tree's sonar-project.properties (`{sonar.host.url}` defaults to $SONAR_HOST_URL, then
    /// http://localhost:9000).
    QStringList reportCommand;
    bool enabled = true;

    bool writesReportFile() const;
};

/// The `scanners:` section of `.gatehouse/config.yml`: the built-in table, changed and extended by the team.
///
///     scanners:
///       blocking: high          # lowest severity that blocks (exit 1); default high (= critical and high)
///       timeout: 600            # default per-tool timeout in seconds
///       tools:
///         bandit:               # a built-in: only the keys given change
///           command: [bandit, -r, ., -f, json, -q, -x, ./tests]
///           timeout: 120
///         semgrep:
///           enabled: false
///         license-check:        # a team's own tool: its report must be SARIF or a format the readers know
///           command: [/opt/tools/lc, --sarif, --output, "{report}", "{repo}"]
///           category: dependency
///           exit-codes: [0, 3]
///           requires: [package.json]
///
/// `command` may also be one string, split into words at spaces (double quotes group words; nothing is expanded).
/// Executables are looked up on PATH, or given as absolute paths; a command inside the repository is refused when
/// run (Gatehouse never runs the repository's own scripts).
struct ScannerConfig
{
    QList<ScannerSpec> tools;
    Severity blocking = Severity::High;

    /// The built-in table: semgrep, trivy (fs), gitleaks, grype, pip-audit, bandit, npm audit, osv-scanner, and
    /// sonarqube (sonar-scanner where sonar-project.properties exists, its issues fetched with curl; credentials
    /// for the server from ~/.netrc, so no token appears on a command line).
    static QList<ScannerSpec> builtinTools();
    static ScannerConfig defaults();
    /// Reads the `scanners:` key of config.yml's text (other keys are ignored; empty text = defaults). Errors carry
    /// "config.invalid" and the line:column in the message.
    static Result<ScannerConfig> parse(const QByteArray& configYaml);

    const ScannerSpec* find(const QString& name) const;
};

} // namespace gatehouse
