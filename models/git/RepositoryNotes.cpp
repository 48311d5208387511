// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Repository: reading and writing git notes.
#include "Repository.h"

#include "RepositoryPrivate.h"

namespace gatehouse::git {

using namespace detail;

Result<QList<NoteEntry>> Repository::notes(const QString& notesRef) const
{
    QList<NoteEntry> result;
    git_note_iterator* rawIterator = nullptr;
    const int rc = git_note_iterator_new(&rawIterator, d->get(), notesRef.toUtf8().constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return result;
    }
    if (rc < 0)
        return lastError(rc, QStringLiteral("cannot read notes %1").arg(notesRef));
    NoteIteratorPtr iterator(rawIterator);
    git_oid noteId;
    git_oid annotatedId;
    int next = 0;
    while ((next = git_note_next(&noteId, &annotatedId, iterator.get())) == 0)
        result.append(NoteEntry{toId(&annotatedId), toId(&noteId)});
    if (next != GIT_ITEROVER)
        return lastError(next, QStringLiteral("cannot read notes %1").arg(notesRef));
    git_error_clear();
    return result;
}

Result<std::optional<QByteArray>> Repository::readNote(const QString& notesRef, const ObjectId& commit) const
{
    git_note* rawNote = nullptr;
    const git_oid oid = toOid(commit);
    const int rc = git_note_read(&rawNote, d->get(), notesRef.toUtf8().constData(), &oid);
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return std::optional<QByteArray>();
    }
    if (rc < 0)
        return lastError(rc, QStringLiteral("cannot read the note of %1").arg(commit.shortString()));
    Owned<git_note, git_note_free> note(rawNote);
    // Read the blob itself: git_note_message() stops at the first NUL.
    auto content = blobContent(d->get(), git_note_id(note.get()), 256 << 20, QStringLiteral("note"));
    if (!content)
        return content.error();
    return std::optional<QByteArray>(*content);
}

Result<ObjectId> Repository::writeNote(const QString& notesRef, const ObjectId& commit, const QByteArray& content,
                                       const Signature& signature, bool overwrite)
{
    if (content.contains('\0'))
        return makeError(QStringLiteral("git.invalid-note"), QStringLiteral("a note cannot contain NUL bytes"));
    auto sig = toGitSignature(signature);
    if (!sig)
        return sig.error();
    git_oid noteId;
    const git_oid target = toOid(commit);
    if (const int rc = git_note_create(&noteId, d->get(), notesRef.toUtf8().constData(), sig->get(), sig->get(),
                                       &target, content.constData(), overwrite ? 1 : 0);
        rc < 0)
        return lastError(rc, QStringLiteral("cannot write the note on %1").arg(commit.shortString()));
    return toId(&noteId);
}

} // namespace gatehouse::git
