// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TreeComparison.h"

namespace gatehouse::git::detail {

namespace {

/// Whether a directory may hold paths under one of the prefixes (no prefixes = everything).
bool mayContain(const QList<QByteArray>& prefixes, const QByteArray& dir)
{
    if (prefixes.isEmpty())
        return true;
    for (const QByteArray& prefix : prefixes) {
        if (prefix == dir || (prefix.startsWith(dir) && prefix.at(dir.size()) == '/')
            || (dir.startsWith(prefix) && dir.at(prefix.size()) == '/'))
            return true;
    }
    return false;
}

bool isUnder(const QList<QByteArray>& prefixes, const QByteArray& path)
{
    if (prefixes.isEmpty())
        return true;
    for (const QByteArray& prefix : prefixes) {
        if (path == prefix || (path.startsWith(prefix) && path.at(prefix.size()) == '/'))
            return true;
    }
    return false;
}

bool isFileMode(git_filemode_t mode)
{
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

/// The entries of a tree matched, in order, against the entries of another: both are sorted the way git sorts
/// them (a folder as its name and '/'), so one pass over both replaces a binary search per entry (a folder of a
/// thousand files, compared for every commit, spent its time there). A name that is a file on one side and a
/// folder on the other does not match, as byname's mode check then treated it.
class EntryCursor
{
public:
    explicit EntryCursor(const git_tree* tree)
        : m_tree(tree)
        , m_count(tree ? git_tree_entrycount(tree) : 0)
    { }
    /// The entry named as `other` (of the same kind), or nullptr; `other`s come in git's order.
    const git_tree_entry* match(const git_tree_entry* other)
    {
        while (m_next < m_count) {
            const git_tree_entry* candidate = git_tree_entry_byindex(m_tree, m_next);
            const int order = git_tree_entry_cmp(candidate, other);
            if (order > 0)
                return nullptr;
            ++m_next;
            if (order == 0)
                return candidate;
        }
        return nullptr;
    }

private:
    const git_tree* m_tree;
    size_t m_count;
    size_t m_next = 0;
};

} // namespace

/// The blobs of `tree` under the prefixes, as deleted paths (`tree` was removed or replaced by a file).
int listDeleted(git_repository* repo, const git_oid* tree, const QByteArray& path, const QList<QByteArray>& prefixes,
                QStringList& deleted)
{
    if (!path.isEmpty() && !mayContain(prefixes, path))
        return 0;
    git_tree* raw = nullptr;
    if (const int rc = git_tree_lookup(&raw, repo, tree); rc < 0)
        return rc;
    TreePtr subtree(raw);
    QList<TreeEntry> gone;
    if (const int rc = compareTrees(repo, nullptr, subtree.get(), path, prefixes, gone); rc < 0)
        return rc;
    for (const TreeEntry& entry : std::as_const(gone))
        deleted.append(entry.path);
    return 0;
}

namespace {

// Files of `oldTree` that `newTree` no longer has as files, in tree order.
int compareDeleted(git_repository* repo, const git_tree* oldTree, const git_tree* newTree, const QByteArray& dir,
                   const QList<QByteArray>& prefixes, QStringList& deleted)
{
    const size_t count = git_tree_entrycount(oldTree);
    EntryCursor cursor(newTree);
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry* old = git_tree_entry_byindex(oldTree, i);
        const char* name = git_tree_entry_name(old);
        const git_filemode_t mode = git_tree_entry_filemode(old);
        const git_tree_entry* entry = cursor.match(old);
        const git_filemode_t newMode = entry ? git_tree_entry_filemode(entry) : git_filemode_t(0);
        // Kept as a folder (compareTrees descends into it) or kept as a file: nothing deleted here.
        if (mode == GIT_FILEMODE_TREE ? newMode == GIT_FILEMODE_TREE : !isFileMode(mode) || isFileMode(newMode))
            continue;
        const QByteArray path = dir.isEmpty() ? QByteArray(name) : dir + '/' + name;
        if (mode == GIT_FILEMODE_TREE) {
            if (const int rc = listDeleted(repo, git_tree_entry_id(old), path, prefixes, deleted); rc < 0)
                return rc;
        } else if (isUnder(prefixes, path)) {
            deleted.append(QString::fromUtf8(path));
        }
    }
    return 0;
}

} // namespace

int compareTrees(git_repository* repo, const git_tree* oldTree, const git_tree* newTree, const QByteArray& dir,
                 const QList<QByteArray>& prefixes, QList<TreeEntry>& out, QStringList* deleted)
{
    if (deleted && oldTree)
        if (const int rc = compareDeleted(repo, oldTree, newTree, dir, prefixes, *deleted); rc < 0)
            return rc;
    const size_t count = git_tree_entrycount(newTree);
    EntryCursor cursor(oldTree);
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry* entry = git_tree_entry_byindex(newTree, i);
        const char* name = git_tree_entry_name(entry);
        const git_filemode_t mode = git_tree_entry_filemode(entry);
        const git_tree_entry* old = cursor.match(entry);
        if (old && git_tree_entry_filemode(old) == mode
            && git_oid_equal(git_tree_entry_id(old), git_tree_entry_id(entry)))
            continue;
        const QByteArray path = dir.isEmpty() ? QByteArray(name) : dir + '/' + name;
        if (mode == GIT_FILEMODE_TREE) {
            if (!mayContain(prefixes, path))
                continue;
            git_tree* rawNew = nullptr;
            if (const int rc = git_tree_lookup(&rawNew, repo, git_tree_entry_id(entry)); rc < 0)
                return rc;
            TreePtr subtree(rawNew);
            TreePtr oldSubtree;
            if (old && git_tree_entry_filemode(old) == GIT_FILEMODE_TREE) {
                git_tree* rawOld = nullptr;
                if (const int rc = git_tree_lookup(&rawOld, repo, git_tree_entry_id(old)); rc < 0)
                    return rc;
                oldSubtree.reset(rawOld);
            }
            if (const int rc = compareTrees(repo, oldSubtree.get(), subtree.get(), path, prefixes, out, deleted);
                rc < 0)
                return rc;
            continue;
        }
        if ((mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) || !isUnder(prefixes, path))
            continue;
        TreeEntry changed;
        changed.path = QString::fromUtf8(path);
        changed.blob = toId(git_tree_entry_id(entry));
        changed.executable = mode == GIT_FILEMODE_BLOB_EXECUTABLE;
        out.append(changed);
    }
    return 0;
}

} // namespace gatehouse::git::detail
