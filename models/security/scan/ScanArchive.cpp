// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanArchive.h"

#include "security/ReportReader.h"

namespace gatehouse {

Result<std::optional<ScanArchive::Baseline>> ScanArchive::latest(const git::Repository& repo, const git::ObjectId& from,
                                                                 const QString& notesRef, int maxCommits)
{
    auto notes = repo.notes(notesRef);
    if (!notes)
        return notes.error();
    if (notes->isEmpty())
        return std::optional<Baseline>();
    QSet<git::ObjectId> annotated;
    for (const git::NoteEntry& note : std::as_const(*notes))
        annotated.insert(note.annotated);

    git::LogOptions options;
    options.start = from.toString();
    options.maxCount = maxCommits;
    git::ObjectId found;
    auto walked = repo.walk(options, [&](const git::CommitInfo& commit) {
        if (!annotated.contains(commit.id))
            return true;
        found = commit.id;
        return false;
    });
    if (!walked)
        return walked.error();
    if (found.isNull())
        return std::optional<Baseline>();

    auto note = repo.readNote(notesRef, found);
    if (!note)
        return note.error();
    Baseline baseline;
    baseline.commit = found;
    auto reports = ScanNote::unpack(note->value_or(QByteArray()));
    if (!reports) {
        baseline.unreadable.append(reports.error().toString());
        return std::optional<Baseline>(baseline);
    }
    for (const NoteReport& report : std::as_const(*reports)) {
        auto parsed = ReportReader::readData(report.content, report.path);
        if (!parsed) {
            baseline.unreadable.append(report.path + QStringLiteral(": ") + parsed.error().toString());
            continue;
        }
        for (const Finding& finding : std::as_const(parsed->findings))
            baseline.fingerprints[finding.tool].insert(finding.fingerprint);
        // A report without findings still says the tool ran and found nothing.
        if (!parsed->tool.isEmpty() && !baseline.fingerprints.contains(parsed->tool))
            baseline.fingerprints.insert(parsed->tool, {});
    }
    return std::optional<Baseline>(baseline);
}

Result<git::ObjectId> ScanArchive::archive(git::Repository& repo, const git::ObjectId& commit,
                                           const QList<NoteReport>& reports, const git::Signature& signature,
                                           const QString& notesRef)
{
    auto existing = repo.readNote(notesRef, commit);
    if (!existing)
        return existing.error();
    QByteArray note = existing->value_or(QByteArray());
    for (const NoteReport& report : reports) {
        auto added = ScanNote::add(note, report);
        if (!added)
            return added.error();
        note = *added;
    }
    return repo.writeNote(notesRef, commit, note, signature, true);
}

} // namespace gatehouse
