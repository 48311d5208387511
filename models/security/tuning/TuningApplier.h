// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScanTuning.h"
#include "common/Result.h"
#include "git/GitTypes.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

/// A tuning recommendation written into the tool's own configuration.
struct TuningChange
{
    QString path; ///< repository-relative file
    QByteArray content; ///< its new content
    QString message; ///< the commit message: what is turned off and why (the counts behind the recommendation)
};

/// Writes a rule's recommendation where the tool itself reads it, so the scans in CI are quieter too:
///  - semgrep: `--exclude-rule RULE` in the semgrep command of `.gatehouse/config.yml` (`scanners.tools.semgrep`);
///  - gitleaks: the fingerprints of the rule's findings in `.gitleaksignore` (gitleaks ignores findings, not rules);
///  - trivy: the vulnerability or check id in `.trivyignore`;
///  - bandit: the test id in the `skips` of `.bandit` (the INI file bandit reads with --recursive);
///  - sonarqube: an issue exclusion (`sonar.issue.ignore.multicriteria`) in `sonar-project.properties`.
/// Other tools have no configuration Gatehouse knows how to write: change() fails with "tuning.unsupported".
/// Pure functions except apply(), which commits.
class TuningApplier
{
public:
    /// The file the tool's configuration lives in; empty when unsupported.
    static QString configPath(const QString& tool);
    /// The new content of configPath(rule.tool) given its current content (empty when absent). Fails when the rule
    /// is already excluded ("tuning.already") or the file cannot be edited safely ("tuning.unsupported").
    static Result<TuningChange> change(const RuleNoise& rule, const QByteArray& existing);
    /// Commits the change on the checked-out branch (the user's identity) and updates the work tree file and its
    /// index entry when the work tree had the committed content. Refuses a dirty config file, a detached HEAD or a
    /// merge in progress. Opens its own repository: call it from a worker.
    static Result<git::ObjectId> apply(const QString& repositoryPath, const RuleNoise& rule);
};

} // namespace gatehouse
