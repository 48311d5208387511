// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to models/git: the state behind Repository and the helpers its files share. Never include from a public
// header.

#include "GitHandles.h"
#include "Repository.h"

namespace gatehouse::git {

struct Repository::Private
{
    detail::RepositoryPtr repo;
    git_repository* get() const { return repo.get(); }
};

namespace detail {

/// `path` relative to the repository root, without `./` and with `.` as the root (empty).
QString normalizedRelativePath(const QString& path);
/// True when a relative path leaves the repository root (or is absolute).
bool escapesRoot(const QString& relative);
Result<CommitPtr> lookupCommit(git_repository* repo, const ObjectId& id);
/// The tree of a commit, or the tree itself when `id` names one (long walks pass the trees they already know, which
/// saves reading every commit a second time). A null id gives a null tree (the empty tree).
Result<TreePtr> commitTree(git_repository* repo, const ObjectId& id);
CommitInfo toCommitInfo(const git_commit* commit);
/// The content of a blob, refused when larger than `maxSize`; `what` names it in errors.
Result<QByteArray> blobContent(git_repository* repo, const git_oid* oid, qint64 maxSize, const QString& what);

} // namespace detail
} // namespace gatehouse::git
