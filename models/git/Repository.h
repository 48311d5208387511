// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GitTypes.h"
#include "common/ProgressSink.h"
#include "common/Result.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace gatehouse::git {

/// A libgit2 repository handle (RAII, pimpl: no libgit2 header leaks out).
///
/// Thread affinity: a Repository may be used by one thread at a time. Workers open their own from the path
/// (libgit2's objects are not meant to be shared between threads, and its error text is thread-local; every
/// Error returned here already carries that text, captured on the failing thread).
/// Copies share the same underlying handle.
///
/// Nothing here modifies the work tree, the index or the refs, except the explicit write operations at the end
/// (commit, tag, notes), which the UI only runs on a user's action.
class Repository
{
public:
    Repository();
    ~Repository();
    Repository(const Repository&);
    Repository& operator=(const Repository&);

    /// Opens the repository containing `path` (any directory inside a work tree, a .git dir, a bare repository or a
    /// linked worktree).
    static Result<Repository> open(const QString& path);
    /// Creates a new repository (used by the demo generator and tests).
    static Result<Repository> init(const QString& path, bool bare = false, const QString& initialBranch = {});

    bool isValid() const { return bool(d); }
    QString gitDir() const; ///< absolute, with trailing '/'
    QString workDir() const; ///< absolute, with trailing '/'; empty for bare repositories
    bool isBare() const;
    bool isWorktree() const; ///< a linked worktree (`git worktree add`)
    bool isEmpty() const; ///< no commits yet
    /// A readable name: the work tree's folder name (or the git dir's for bare repositories).
    QString displayName() const;

    Result<HeadInfo> head() const;
    /// Resolves any revision (branch, tag, sha, `HEAD~3`, `v1.0^{commit}`) to a commit id.
    Result<ObjectId> resolve(const QString& revision) const;
    Result<CommitInfo> commit(const ObjectId& id) const;

    Result<QList<BranchInfo>> branches(bool includeRemote = true) const;
    Result<QList<TagInfo>> tags() const;
    /// The references matching `glob` (e.g. "refs/tags/*"), sorted by name, without reading the objects they point
    /// at: what cache keys need, much cheaper than tags() or branches() on a repository with many refs.
    Result<QList<RefTarget>> references(const char* glob) const;

    /// Every file of the commit's tree (recursively), optionally only under `prefix`.
    Result<QList<TreeEntry>> listFiles(const ObjectId& commit, const QString& prefix = {}) const;
    /// A file's content at a revision, without checkout. Fails with "io.too-large" above maxSize bytes.
    Result<QByteArray> readFile(const ObjectId& commit, const QString& path, qint64 maxSize = 64 << 20) const;
    Result<QByteArray> readFile(const QString& revision, const QString& path, qint64 maxSize = 64 << 20) const;
    Result<QByteArray> readBlob(const ObjectId& blob, qint64 maxSize = 64 << 20) const;
    /// The work tree's version of a file (path relative to the work tree's root).
    Result<QByteArray> readWorkTreeFile(const QString& path, qint64 maxSize = 64 << 20) const;
    /// Files in the work tree that git would track (not ignored), relative paths, optionally under `prefix`.
    Result<QStringList> listWorkTreeFiles(const QString& prefix = {}) const;

    /// Walks history newest first. `visit` returns false to stop early. Honours the sink's cancel flag.
    Status walk(const LogOptions& options, const std::function<bool(const CommitInfo&)>& visit,
                ProgressSink* sink = nullptr) const;
    /// The first-parent history from `start` limited to `paths` (folder or file prefixes from the root), like
    /// `git log --first-parent -- paths`: `visit` gets, newest first, each commit whose entries at the paths differ
    /// from its first parent's (a root commit: that has any of them) with `touches` set, and each commit of
    /// `alsoVisit` with `touches` false when it does not touch them; false from `visit` stops. Only the ids of the
    /// paths' entries are compared (one lookup per path and commit, no tree listed), and no other commit is decoded.
    /// Walks at most `maxCount` commits (-1: all) and returns how many it walked. Honours the sink's cancel flag.
    Result<qint64> walkFirstParentPaths(const QString& start, const QStringList& paths, int maxCount,
                                        const QSet<ObjectId>& alsoVisit,
                                        const std::function<bool(const CommitInfo&, bool touches)>& visit,
                                        ProgressSink* sink = nullptr) const;
    /// The first-parent chain from `start`, newest first, at most `maxCount` commits (-1: all), read from the raw
    /// objects: each CommitInfo holds only its id, its tree and its first parent (commit() decodes the rest).
    /// Honours the sink's cancel flag.
    Result<QList<CommitInfo>> firstParentChain(const QString& start, int maxCount, ProgressSink* sink = nullptr) const;
    /// Convenience: the whole walk collected.
    Result<QList<CommitInfo>> log(const LogOptions& options, ProgressSink* sink = nullptr) const;
    /// Whether `ancestor` is reachable from `descendant` (a commit counts as its own ancestor: false).
    Result<bool> isAncestor(const ObjectId& ancestor, const ObjectId& descendant) const;

    /// Changes between two commits' trees (either may be null = empty tree), limited to `paths` prefixes.
    Result<QList<FileChange>> diff(const ObjectId& from, const ObjectId& to, const QStringList& paths = {},
                                   bool detectRenames = true) const;
    /// Files added or modified between two commits' trees (either may be null = empty tree), with their new blob
    /// ids: no content diff and no rename detection, and identical subtrees are skipped, so it is cheap per commit.
    /// `from` and `to` may also name trees (walks that know them skip reading each commit again).
    /// `deletedPaths`, when given, receives the files of `from` that `to` no longer has (as files).
    Result<QList<TreeEntry>> changedFiles(const ObjectId& from, const ObjectId& to, const QStringList& paths = {},
                                          QStringList* deletedPaths = nullptr) const;
    /// Unified patch text between two commits for `paths` (empty = all).
    Result<QString> patch(const ObjectId& from, const ObjectId& to, const QStringList& paths = {}) const;

    /// Notes under `notesRef` (e.g. "refs/notes/gatehouse-scans").
    Result<QList<NoteEntry>> notes(const QString& notesRef) const;
    /// The note attached to `commit`, or an empty optional when there is none.
    Result<std::optional<QByteArray>> readNote(const QString& notesRef, const ObjectId& commit) const;
    Result<ObjectId> writeNote(const QString& notesRef, const ObjectId& commit, const QByteArray& content,
                               const Signature& signature, bool overwrite = true);

    /// The user's identity from git config (user.name / user.email), now.
    Result<Signature> defaultSignature() const;
    /// A string value from the repository's effective config, or empty.
    QString configString(const QString& key) const;

    // --- Writing (explicit user actions, the demo generator and tests) ---

    /// Creates a commit whose tree is the tree of `parents.first()` (or empty) with `changes` applied: a value is
    /// the file's new content, std::nullopt deletes it. Updates `updateRef` (e.g. "HEAD", "refs/heads/main") when
    /// given. Does not touch the index or the work tree.
    Result<ObjectId> createCommit(const QString& updateRef, const QList<ObjectId>& parents,
                                  const QMap<QString, std::optional<QByteArray>>& changes, const Signature& author,
                                  const Signature& committer, const QString& message);
    /// Annotated when `tagger` is valid, lightweight otherwise.
    Result<ObjectId> createTag(const QString& name, const ObjectId& target, const Signature& tagger,
                               const QString& message, bool force = false);
    Status createBranch(const QString& name, const ObjectId& target, bool force = false);
    /// Points HEAD at a branch (symbolic) — the branch need not exist yet.
    Status setHead(const QString& refName);
    /// Checks out HEAD into the work tree (only for freshly created repositories such as the demo).
    Status checkoutHead(bool force = true);

    /// The index entry of `path` becomes its blob in `commit`'s tree (the entry is removed when the commit has no
    /// such file); every other entry is kept. After a commit made past the index (createCommit), this makes
    /// `git status` agree with the new HEAD for that path without unstaging the user's other changes.
    Status syncIndexEntry(const QString& path, const ObjectId& commit);
    /// Like `git status --porcelain` (untracked files included, ignored ones not), sorted by path.
    Result<QList<StatusEntry>> status() const;

    /// Versions of the libraries for About dialogs and `--version`.
    static QString libgit2Version();
    /// libgit2's object cache, process-wide (on by default). A one-shot command whose walk reads each commit and
    /// tree once turns it off: filling and freeing the cache is then a tenth of its time.
    static void setObjectCaching(bool enabled);

private:
    struct Private;
    std::shared_ptr<Private> d;
};

} // namespace gatehouse::git
