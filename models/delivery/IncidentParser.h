// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Incident.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::delivery {

/// A problem in a postmortem document (1-based line and column in the file; 0 when unknown).
struct IncidentDiagnostic
{
    QString path;
    int line = 0;
    int column = 0;
    QString code; ///< "postmortem.front-matter", "postmortem.binary", "postmortem.too-large"
    QString message;
};

/// Reads incidents out of commit messages and postmortem documents. Pure; any thread.
///
/// Commits: the subject is `postmortem(scope): title`, `hotfix(scope): title`, `revert(scope): title` (a `!` before
/// the colon is allowed) or git's `Revert "subject"`. Fields are `Key: value` lines anywhere in the body (trailers
/// included; a leading "- " or Markdown bold is ignored; indented lines continue the value): `Incident:`,
/// `Root cause:`, `Fix:`, `Detected:`, `Duration:`, `Severity:`, `Deployment:`. `Factor IX: …` (optionally
/// "12-Factor IX …") and `Factors: VI, IX` lines list 12-Factor ids.
///
/// Documents: Markdown under `postmortems/` or `docs/postmortems/`, with optional YAML front matter between `---`
/// lines (keys: title, date, scope/service, incident/id, severity, root_cause, fix, detected, duration, deployment,
/// factors, commit). The body adds `Key: value` lines and `## Root cause` / `## Fix` / `## Resolution` sections for
/// fields the front matter left empty; the title falls back to the first `# ` heading, then the file name.
class IncidentParser
{
public:
    /// The incident of a commit message; nullopt when the subject is not one of the incident types.
    static std::optional<Incident> parseCommitMessage(const QString& message);
    /// A postmortem document. Bad front matter is reported and the rest still read. Binary or larger than 1 MiB:
    /// nullopt with a diagnostic.
    static std::optional<Incident> parseDocument(const QString& path, const QByteArray& content,
                                                 QList<IncidentDiagnostic>* diagnostics = nullptr);

    static bool isPostmortemDocumentPath(const QString& path);
    /// "45m", "1h 30m", "2 hours", "90 minutes", "1.5h", "PT1H30M", "01:30:00"; nullopt otherwise.
    static std::optional<qint64> parseDuration(const QString& text);
    /// ISO 8601 date-time (offset or Z; none = UTC) or "YYYY-MM-DD HH:MM[:SS] [UTC]"; invalid otherwise.
    static QDateTime parseDateTime(const QString& text);
    /// "IX" → "IX"; "9" → "IX"; anything outside I–XII → empty.
    static QString normalizeFactor(const QString& text);
};

} // namespace gatehouse::delivery
