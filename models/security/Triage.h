// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Finding.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace gatehouse {

enum class TriageStatus
{
    FalsePositive,
    AcceptedRisk
};

/// One decision of `.gatehouse/triage.yml`. It matches a finding when every given selector matches: `fingerprint`,
/// `tool`, `rule`, `path` (exact, or a glob with '*'), `package`. At least `fingerprint` or `rule` is required.
struct TriageEntry
{
    QString fingerprint;
    QString tool;
    QString rule;
    QString path;
    QString package;
    TriageStatus status = TriageStatus::FalsePositive;
    QString reason;
    QString by;
    QDate date;
    QDate expires; ///< accepted risks only; invalid = never. Expired acceptances reopen the finding.
    int line = 0; ///< where the entry is in triage.yml (1-based)

    bool matches(const Finding& finding) const;
    /// Whether the decision holds at `time`: false positives always, accepted risks until the end of `expires`.
    bool activeAt(const QDateTime& time) const;
    /// The decision as an item of the `findings:` list, each line indented by `indent` spaces, ending in a newline
    /// (`comment`, when given, goes on a `#` line above it).
    QByteArray toYaml(int indent = 2, const QString& comment = {}) const;
};

/// The triage decisions of a repository: `.gatehouse/triage.yml`, a mapping with a `findings` list (a bare list
/// is accepted too). Statuses: `false_positive`, `accepted_risk` (or `accepted`).
class Triage
{
public:
    Triage() = default;
    explicit Triage(QList<TriageEntry> entries)
        : m_entries(std::move(entries))
    { }

    /// Errors carry the line and column ("triage.invalid").
    static Result<Triage> parse(const QByteArray& yaml);

    const QList<TriageEntry>& entries() const { return m_entries; }
    /// The first decision matching the finding, or nullptr.
    const TriageEntry* find(const Finding& finding) const;
    /// Every decision matching the finding, in file order (the first is the one applied).
    QList<TriageEntry> matching(const Finding& finding) const;

    /// The text of triage.yml (`existing`, possibly empty) with `entry` added at the end of its decisions. Comments
    /// and layout are kept when the list is a block list at the end of the file; otherwise the file is rewritten
    /// from its decisions. Fails when `existing` does not parse.
    static Result<QByteArray> append(const QByteArray& existing, const TriageEntry& entry, const QString& comment = {});

private:
    QList<TriageEntry> m_entries;
};

} // namespace gatehouse
