// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to models/git: tree comparisons by entry id, for walks over long histories.

#include "GitHandles.h"
#include "GitTypes.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace gatehouse::git::detail {

/// Blobs added or modified from `oldTree` (null = empty) to `newTree` under `prefixes` (empty = everything), by
/// tree entry ids: equal subtrees are skipped without being read. Emits in tree order, like a tree-to-tree diff.
/// `deleted`, when given, receives the files of `oldTree` that `newTree` no longer has as files. Returns a libgit2
/// error code.
int compareTrees(git_repository* repo, const git_tree* oldTree, const git_tree* newTree, const QByteArray& dir,
                 const QList<QByteArray>& prefixes, QList<TreeEntry>& out, QStringList* deleted = nullptr);

/// The blobs of `tree` under the prefixes, as deleted paths (`tree` was removed or replaced by a file).
int listDeleted(git_repository* repo, const git_oid* tree, const QByteArray& path, const QList<QByteArray>& prefixes,
                QStringList& deleted);

} // namespace gatehouse::git::detail
