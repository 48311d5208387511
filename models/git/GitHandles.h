// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to models/git: RAII owners for libgit2 objects and error capture. Never include from a public header.

#include "GitTypes.h"
#include "common/Result.h"

#include <git2.h>

#include <memory>

namespace gatehouse::git::detail {

template <typename T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)> using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using RepositoryPtr = Owned<git_repository, git_repository_free>;
using ObjectPtr = Owned<git_object, git_object_free>;
using CommitPtr = Owned<git_commit, git_commit_free>;
using TreePtr = Owned<git_tree, git_tree_free>;
using TreeEntryPtr = Owned<git_tree_entry, git_tree_entry_free>;
using BlobPtr = Owned<git_blob, git_blob_free>;
using TagPtr = Owned<git_tag, git_tag_free>;
using ReferencePtr = Owned<git_reference, git_reference_free>;
using RevwalkPtr = Owned<git_revwalk, git_revwalk_free>;
using DiffPtr = Owned<git_diff, git_diff_free>;
using PatchPtr = Owned<git_patch, git_patch_free>;
using IndexPtr = Owned<git_index, git_index_free>;
using SignaturePtr = Owned<git_signature, git_signature_free>;
using ConfigPtr = Owned<git_config, git_config_free>;
using NoteIteratorPtr = Owned<git_note_iterator, git_note_iterator_free>;
using BranchIteratorPtr = Owned<git_branch_iterator, git_branch_iterator_free>;
using ReferenceIteratorPtr = Owned<git_reference_iterator, git_reference_iterator_free>;
using OdbPtr = Owned<git_odb, git_odb_free>;

/// Captures libgit2's thread-local error text now, on the failing thread (GitAhead's Result idea).
Error lastError(int code, const QString& context);

/// Initializes libgit2 once per process (never shut down: workers may still run at exit).
void ensureInitialized();

inline ObjectId toId(const git_oid* oid)
{
    return oid ? ObjectId::fromRaw(QByteArray(reinterpret_cast<const char*>(oid->id), GIT_OID_RAWSZ)) : ObjectId();
}
inline git_oid toOid(const ObjectId& id)
{
    git_oid oid{};
    if (id.raw().size() == GIT_OID_RAWSZ)
        memcpy(oid.id, id.raw().constData(), GIT_OID_RAWSZ);
    return oid;
}
Signature toSignature(const git_signature* signature);
Result<SignaturePtr> toGitSignature(const Signature& signature);

} // namespace gatehouse::git::detail
