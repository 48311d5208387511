// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gatehouse {

/// One report stored in a scan note.
struct NoteReport
{
    QString path; ///< the report's file name when archived (a name hint for format detection)
    QByteArray content; ///< the report's bytes, unchanged

    bool operator==(const NoteReport&) const = default;
};

/// The content of a git note under refs/notes/gatehouse-scans: one or more reports archived with a commit.
///
/// Format (docs/security.md "Scan notes"): either a plain single report (the note is the report's JSON), or a
/// bundle with length-prefixed reports so any bytes survive unchanged:
///
///     Gatehouse-Scan-Bundle: 1\n
///     Report: <path> <size>\n
///     <size bytes>\n
///     Report: <path> <size>\n
///     ...
///
/// `path` may contain spaces (the size is the last word) but no newline. Pure functions, any thread.
class ScanNote
{
public:
    static constexpr const char* BundleHeader = "Gatehouse-Scan-Bundle: 1\n";
    static constexpr const char* PlainReportName = "note.json";

    /// Splits a note into its reports. A plain JSON report comes back as one report named PlainReportName.
    static Result<QList<NoteReport>> unpack(const QByteArray& note);
    /// Packs reports into a bundle (always the bundle form, also for one report, so the name is kept).
    static QByteArray pack(const QList<NoteReport>& reports);
    /// Adds `report` to an existing note (or to nothing when `existing` is empty), replacing a report of the same
    /// path. Fails when the existing note is neither a report nor a bundle.
    static Result<QByteArray> add(const QByteArray& existing, const NoteReport& report);
};

} // namespace gatehouse
