// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanArchive.h"

#include "security/ReportReader.h"
#include "security/SecurityConfig.h"

#include <QFile>
#include <QFileInfo>

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

QString ScanArchive::notesRefOf(const git::Repository& repo)
{
    if (!repo.isBare()) {
        if (auto text = repo.readWorkTreeFile(QStringLiteral(".gatehouse/config.yml"), 1 << 20)) {
            if (auto config = SecurityConfig::parse(*text); config && !config->notesRef.isEmpty())
                return config->notesRef;
        }
    }
    return defaultNotesRef();
}

Result<ScanArchive::ArchivedReport> ScanArchive::archiveFile(const QString& repoPath, const QString& filePath,
                                                             const QString& revision, const QString& name,
                                                             const QString& notesRef)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("archive.unreadable"),
                         QStringLiteral("cannot open %1: %2").arg(filePath, file.errorString()));
    const QByteArray content = file.readAll();
    const QString reportName = name.isEmpty() ? QFileInfo(filePath).fileName() : name;
    // Only reports Gatehouse can read go into the history: a broken one would be skipped at every scan.
    auto report = ReportReader::readData(content, reportName);
    if (!report)
        return makeError(report.error().code, QStringLiteral("%1: %2").arg(filePath, report.error().toString()));
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    auto commit = repo->resolve(revision.isEmpty() ? QStringLiteral("HEAD") : revision);
    if (!commit)
        return commit.error();
    const QString ref = notesRef.isEmpty() ? notesRefOf(repo.value()) : notesRef;
    auto signature = repo->defaultSignature();
    if (!signature)
        return makeError(signature.error().code,
                         signature.error().toString() + QStringLiteral(" (set user.name and user.email)"));
    auto written = archive(repo.value(), *commit, {NoteReport{reportName, content}}, *signature, ref);
    if (!written)
        return written.error();
    return ArchivedReport{*commit, reportName, reportFormatName(report->format), report->tool, report->findings.size(),
                          ref};
}

} // namespace gatehouse
