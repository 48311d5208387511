// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Repository.h"

#include "GitHandles.h"
#include "TreeComparison.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace gatehouse::git {

using namespace detail;

ObjectId ObjectId::fromHex(const QString& hex)
{
    if (hex.size() != GIT_OID_HEXSZ)
        return {};
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    return raw.size() == GIT_OID_RAWSZ ? ObjectId(raw) : ObjectId();
}

struct Repository::Private
{
    RepositoryPtr repo;
    git_repository* get() const { return repo.get(); }
};

Repository::Repository() = default;
Repository::~Repository() = default;
Repository::Repository(const Repository&) = default;
Repository& Repository::operator=(const Repository&) = default;

namespace {

QString normalizedRelativePath(const QString& path)
{
    QString clean = QDir::cleanPath(path);
    while (clean.startsWith(QLatin1String("./")))
        clean = clean.mid(2);
    if (clean == QLatin1String("."))
        clean.clear();
    return clean;
}

bool escapesRoot(const QString& relative)
{
    return relative.startsWith(QLatin1String("../")) || relative == QLatin1String("..")
        || QDir::isAbsolutePath(relative);
}

Result<CommitPtr> lookupCommit(git_repository* repo, const ObjectId& id)
{
    git_commit* commit = nullptr;
    const git_oid oid = toOid(id);
    if (const int rc = git_commit_lookup(&commit, repo, &oid); rc < 0)
        return lastError(rc, QStringLiteral("commit %1").arg(id.shortString()));
    return CommitPtr(commit);
}

// The tree of a commit, or the tree itself when `id` names one (long walks pass the trees they already know, which
// saves reading every commit a second time).
Result<TreePtr> commitTree(git_repository* repo, const ObjectId& id)
{
    if (id.isNull())
        return TreePtr();
    git_object* raw = nullptr;
    const git_oid oid = toOid(id);
    if (const int rc = git_object_lookup(&raw, repo, &oid, GIT_OBJECT_ANY); rc < 0)
        return lastError(rc, QStringLiteral("cannot read %1").arg(id.shortString()));
    ObjectPtr object(raw);
    if (git_object_type(raw) == GIT_OBJECT_TREE)
        return TreePtr(reinterpret_cast<git_tree*>(object.release()));
    if (git_object_type(raw) != GIT_OBJECT_COMMIT)
        return makeError(QStringLiteral("git.not-a-commit"),
                         QStringLiteral("%1 is not a commit").arg(id.shortString()));
    git_tree* tree = nullptr;
    if (const int rc = git_commit_tree(&tree, reinterpret_cast<git_commit*>(raw)); rc < 0)
        return lastError(rc, QStringLiteral("tree of %1").arg(id.shortString()));
    return TreePtr(tree);
}

CommitInfo toCommitInfo(const git_commit* commit)
{
    CommitInfo info;
    info.id = toId(git_commit_id(commit));
    const unsigned count = git_commit_parentcount(commit);
    for (unsigned i = 0; i < count; ++i)
        info.parents.append(toId(git_commit_parent_id(commit, i)));
    info.author = toSignature(git_commit_author(commit));
    info.committer = toSignature(git_commit_committer(commit));
    info.message = QString::fromUtf8(git_commit_message(commit));
    info.summary = info.message.left(info.message.indexOf(QLatin1Char('\n'))).trimmed(); // the whole text without one
    info.tree = toId(git_commit_tree_id(commit));
    return info;
}

Result<QByteArray> blobContent(git_repository* repo, const git_oid* oid, qint64 maxSize, const QString& what)
{
    git_blob* raw = nullptr;
    if (const int rc = git_blob_lookup(&raw, repo, oid); rc < 0)
        return lastError(rc, what);
    BlobPtr blob(raw);
    const qint64 size = qint64(git_blob_rawsize(blob.get()));
    if (size > maxSize)
        return makeError(QStringLiteral("io.too-large"),
                         QStringLiteral("%1 is %2 bytes, more than the limit of %3").arg(what).arg(size).arg(maxSize));
    return QByteArray(static_cast<const char*>(git_blob_rawcontent(blob.get())), size);
}

// The entry id at `path` in `tree`, or a null id when absent (tree may be null = empty tree).
ObjectId entryId(git_tree* tree, const QByteArray& path)
{
    if (!tree)
        return {};
    if (path.isEmpty())
        return toId(git_tree_id(tree));
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree, path.constData()) < 0) {
        git_error_clear();
        return {};
    }
    TreeEntryPtr entry(raw);
    return toId(git_tree_entry_id(entry.get()));
}

} // namespace

Result<Repository> Repository::open(const QString& path)
{
    ensureInitialized();
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(QStringLiteral("io.not-found"), QStringLiteral("%1 does not exist").arg(path));
    if (!info.isReadable())
        return makeError(QStringLiteral("io.permission"), QStringLiteral("%1 is not readable").arg(path));
    git_repository* raw = nullptr;
    const QByteArray native = QFile::encodeName(info.absoluteFilePath());
    if (const int rc = git_repository_open_ext(&raw, native.constData(), 0, nullptr); rc < 0) {
        if (rc == GIT_ENOTFOUND && QFileInfo::exists(info.absoluteFilePath() + QStringLiteral("/.git"))) {
            const Error detail = lastError(rc, {});
            return makeError(QStringLiteral("git.corrupt"),
                             QStringLiteral("%1 has a .git folder that is not a readable repository (corrupt?): %2")
                                 .arg(info.absoluteFilePath(), detail.message));
        }
        if (rc == GIT_ENOTFOUND) {
            git_error_clear();
            return makeError(QStringLiteral("git.not-a-repository"),
                             QStringLiteral("%1 is not inside a git repository").arg(info.absoluteFilePath()));
        }
        return lastError(rc, QStringLiteral("cannot open %1").arg(info.absoluteFilePath()));
    }
    Repository repository;
    repository.d = std::make_shared<Private>();
    repository.d->repo.reset(raw);
    return repository;
}

Result<Repository> Repository::init(const QString& path, bool bare, const QString& initialBranch)
{
    ensureInitialized();
    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_MKPATH | (bare ? GIT_REPOSITORY_INIT_BARE : 0);
    const QByteArray head = initialBranch.toUtf8();
    if (!initialBranch.isEmpty())
        options.initial_head = head.constData();
    git_repository* raw = nullptr;
    const QByteArray native = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    if (const int rc = git_repository_init_ext(&raw, native.constData(), &options); rc < 0)
        return lastError(rc, QStringLiteral("cannot create a repository in %1").arg(path));
    Repository repository;
    repository.d = std::make_shared<Private>();
    repository.d->repo.reset(raw);
    return repository;
}

QString Repository::gitDir() const
{
    return d ? QFile::decodeName(git_repository_path(d->get())) : QString();
}

QString Repository::workDir() const
{
    const char* dir = d ? git_repository_workdir(d->get()) : nullptr;
    return dir ? QFile::decodeName(dir) : QString();
}

bool Repository::isBare() const
{
    return d && git_repository_is_bare(d->get());
}

bool Repository::isWorktree() const
{
    return d && git_repository_is_worktree(d->get());
}

bool Repository::isEmpty() const
{
    // git_repository_is_empty() only recognises an unborn *default* branch; any unborn HEAD means no commits.
    return d && (git_repository_head_unborn(d->get()) == 1 || git_repository_is_empty(d->get()) == 1);
}

QString Repository::displayName() const
{
    QString dir = isBare() ? gitDir() : workDir();
    while (dir.endsWith(QLatin1Char('/')))
        dir.chop(1);
    QString name = QFileInfo(dir).fileName();
    if (isBare() && name.endsWith(QLatin1String(".git")) && name.size() > 4)
        name.chop(4);
    return name;
}

Result<HeadInfo> Repository::head() const
{
    HeadInfo info;
    git_reference* raw = nullptr;
    const int rc = git_repository_head(&raw, d->get());
    if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) {
        git_error_clear();
        info.unborn = true;
        // HEAD names the branch to be born.
        git_reference* symbolic = nullptr;
        if (git_reference_lookup(&symbolic, d->get(), "HEAD") == 0) {
            ReferencePtr ref(symbolic);
            if (const char* target = git_reference_symbolic_target(ref.get())) {
                info.branch = QString::fromUtf8(target);
                info.branch.remove(QStringLiteral("refs/heads/"));
            }
        } else {
            git_error_clear();
        }
        return info;
    }
    if (rc < 0)
        return lastError(rc, QStringLiteral("cannot read HEAD"));
    ReferencePtr ref(raw);
    info.detached = git_repository_head_detached(d->get()) == 1;
    if (!info.detached)
        info.branch = QString::fromUtf8(git_reference_shorthand(ref.get()));
    info.commit = toId(git_reference_target(ref.get()));
    return info;
}

Result<ObjectId> Repository::resolve(const QString& revision) const
{
    const QByteArray spec = revision.trimmed().toUtf8();
    if (spec.isEmpty())
        return makeError(QStringLiteral("git.invalid-spec"), QStringLiteral("empty revision"));
    git_object* raw = nullptr;
    if (const int rc = git_revparse_single(&raw, d->get(), spec.constData()); rc < 0)
        return lastError(rc, QStringLiteral("unknown revision '%1'").arg(revision));
    ObjectPtr object(raw);
    git_object* peeled = nullptr;
    if (const int rc = git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT); rc < 0)
        return lastError(rc, QStringLiteral("'%1' is not a commit").arg(revision));
    ObjectPtr commit(peeled);
    return toId(git_object_id(commit.get()));
}

Result<CommitInfo> Repository::commit(const ObjectId& id) const
{
    auto commit = lookupCommit(d->get(), id);
    if (!commit)
        return commit.error();
    return toCommitInfo(commit->get());
}

Result<QList<BranchInfo>> Repository::branches(bool includeRemote) const
{
    git_branch_iterator* rawIterator = nullptr;
    if (const int rc
        = git_branch_iterator_new(&rawIterator, d->get(), includeRemote ? GIT_BRANCH_ALL : GIT_BRANCH_LOCAL);
        rc < 0)
        return lastError(rc, QStringLiteral("cannot list branches"));
    BranchIteratorPtr iterator(rawIterator);
    QList<BranchInfo> result;
    git_reference* rawRef = nullptr;
    git_branch_t type;
    int rc = 0;
    while ((rc = git_branch_next(&rawRef, &type, iterator.get())) == 0) {
        ReferencePtr ref(rawRef);
        BranchInfo branch;
        const char* name = nullptr;
        if (git_branch_name(&name, ref.get()) == 0 && name)
            branch.name = QString::fromUtf8(name);
        branch.remote = type == GIT_BRANCH_REMOTE;
        branch.isHead = git_branch_is_head(ref.get()) == 1;
        git_reference* resolved = nullptr;
        if (git_reference_resolve(&resolved, ref.get()) == 0) {
            ReferencePtr target(resolved);
            branch.target = toId(git_reference_target(target.get()));
        } else {
            git_error_clear(); // e.g. origin/HEAD pointing nowhere
        }
        if (!branch.name.endsWith(QLatin1String("/HEAD")))
            result.append(branch);
    }
    if (rc != GIT_ITEROVER)
        return lastError(rc, QStringLiteral("cannot list branches"));
    git_error_clear();
    return result;
}

Result<QList<TagInfo>> Repository::tags() const
{
    struct Payload
    {
        git_repository* repo;
        QList<TagInfo> tags;
    } payload{d->get(), {}};
    const int rc = git_tag_foreach(
        d->get(),
        [](const char* name, git_oid* oid, void* data) -> int {
            auto* payload = static_cast<Payload*>(data);
            TagInfo tag;
            tag.name = QString::fromUtf8(name);
            tag.name.remove(0, int(strlen("refs/tags/")));
            git_object* raw = nullptr;
            if (git_object_lookup(&raw, payload->repo, oid, GIT_OBJECT_ANY) < 0) {
                git_error_clear();
                payload->tags.append(tag);
                return 0;
            }
            ObjectPtr object(raw);
            if (git_object_type(object.get()) == GIT_OBJECT_TAG) {
                auto* annotated = reinterpret_cast<git_tag*>(object.get());
                tag.annotated = true;
                tag.tagObject = toId(git_object_id(object.get()));
                tag.tagger = toSignature(git_tag_tagger(annotated));
                tag.message = QString::fromUtf8(git_tag_message(annotated));
            }
            git_object* peeled = nullptr;
            if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) == 0) {
                ObjectPtr commit(peeled);
                tag.target = toId(git_object_id(commit.get()));
                tag.pointsAtCommit = true;
            } else {
                git_error_clear();
            }
            payload->tags.append(tag);
            return 0;
        },
        &payload);
    if (rc < 0 && rc != GIT_ENOTFOUND)
        return lastError(rc, QStringLiteral("cannot list tags"));
    git_error_clear();
    std::sort(payload.tags.begin(), payload.tags.end(),
              [](const TagInfo& a, const TagInfo& b) { return a.name < b.name; });
    return payload.tags;
}

Result<QList<TreeEntry>> Repository::listFiles(const ObjectId& commit, const QString& prefix) const
{
    auto tree = commitTree(d->get(), commit);
    if (!tree)
        return tree.error();
    git_tree* root = tree->get();
    TreePtr subtree;
    const QString cleanPrefix = normalizedRelativePath(prefix);
    if (!cleanPrefix.isEmpty()) {
        git_tree_entry* rawEntry = nullptr;
        if (git_tree_entry_bypath(&rawEntry, root, cleanPrefix.toUtf8().constData()) < 0) {
            git_error_clear();
            return QList<TreeEntry>();
        }
        TreeEntryPtr entry(rawEntry);
        if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
            return QList<TreeEntry>();
        git_tree* raw = nullptr;
        if (const int rc = git_tree_lookup(&raw, d->get(), git_tree_entry_id(entry.get())); rc < 0)
            return lastError(rc, cleanPrefix);
        subtree.reset(raw);
        root = subtree.get();
    }
    struct Payload
    {
        QString prefix;
        QList<TreeEntry> entries;
    } payload{cleanPrefix.isEmpty() ? QString() : cleanPrefix + QLatin1Char('/'), {}};
    const int rc = git_tree_walk(
        root, GIT_TREEWALK_PRE,
        [](const char* dir, const git_tree_entry* entry, void* data) -> int {
            if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
                return 0;
            auto* payload = static_cast<Payload*>(data);
            TreeEntry file;
            file.path = payload->prefix + QString::fromUtf8(dir) + QString::fromUtf8(git_tree_entry_name(entry));
            file.blob = toId(git_tree_entry_id(entry));
            file.executable = git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE;
            file.size = -1; // filled below when cheap
            payload->entries.append(file);
            return 0;
        },
        &payload);
    if (rc < 0)
        return lastError(rc, QStringLiteral("cannot list files"));
    // Object headers give sizes without inflating the blobs.
    git_odb* rawOdb = nullptr;
    if (git_repository_odb(&rawOdb, d->get()) == 0) {
        OdbPtr odb(rawOdb);
        for (TreeEntry& entry : payload.entries) {
            size_t length = 0;
            git_object_t type;
            const git_oid oid = toOid(entry.blob);
            if (git_odb_read_header(&length, &type, odb.get(), &oid) == 0)
                entry.size = qint64(length);
        }
    }
    git_error_clear();
    return payload.entries;
}

Result<QByteArray> Repository::readFile(const ObjectId& commit, const QString& path, qint64 maxSize) const
{
    auto tree = commitTree(d->get(), commit);
    if (!tree)
        return tree.error();
    const QString clean = normalizedRelativePath(path);
    if (!tree->get() || clean.isEmpty())
        return makeError(QStringLiteral("git.not-found"), QStringLiteral("%1 does not exist").arg(path));
    git_tree_entry* raw = nullptr;
    if (const int rc = git_tree_entry_bypath(&raw, tree->get(), clean.toUtf8().constData()); rc < 0)
        return lastError(rc, QStringLiteral("%1 at %2").arg(path, commit.shortString()));
    TreeEntryPtr entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return makeError(QStringLiteral("io.not-a-file"), QStringLiteral("%1 is not a file").arg(path));
    return blobContent(d->get(), git_tree_entry_id(entry.get()), maxSize, path);
}

Result<QByteArray> Repository::readFile(const QString& revision, const QString& path, qint64 maxSize) const
{
    auto id = resolve(revision);
    if (!id)
        return id.error();
    return readFile(*id, path, maxSize);
}

Result<QByteArray> Repository::readBlob(const ObjectId& blob, qint64 maxSize) const
{
    const git_oid oid = toOid(blob);
    return blobContent(d->get(), &oid, maxSize, QStringLiteral("blob %1").arg(blob.shortString()));
}

Result<QByteArray> Repository::readWorkTreeFile(const QString& path, qint64 maxSize) const
{
    const QString root = workDir();
    if (root.isEmpty())
        return makeError(QStringLiteral("git.bare"), QStringLiteral("a bare repository has no work tree"));
    const QString clean = normalizedRelativePath(path);
    if (clean.isEmpty() || escapesRoot(clean))
        return makeError(QStringLiteral("io.outside"), QStringLiteral("%1 is outside the work tree").arg(path));
    const QString absolute = root + clean;
    // Never follow a symlink out of the repository.
    const QString canonical = QFileInfo(absolute).canonicalFilePath();
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (!canonical.isEmpty() && !canonical.startsWith(canonicalRoot + QLatin1Char('/')))
        return makeError(QStringLiteral("io.outside"), QStringLiteral("%1 points outside the work tree").arg(path));
    QFile file(absolute);
    if (!QFileInfo(absolute).isFile())
        return makeError(QStringLiteral("io.not-found"), QStringLiteral("%1 does not exist").arg(path));
    if (file.size() > maxSize)
        return makeError(
            QStringLiteral("io.too-large"),
            QStringLiteral("%1 is %2 bytes, more than the limit of %3").arg(path).arg(file.size()).arg(maxSize));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("io.read"), QStringLiteral("%1: %2").arg(path, file.errorString()));
    return file.readAll();
}

Result<QStringList> Repository::listWorkTreeFiles(const QString& prefix) const
{
    const QString root = workDir();
    if (root.isEmpty())
        return makeError(QStringLiteral("git.bare"), QStringLiteral("a bare repository has no work tree"));
    const QString clean = normalizedRelativePath(prefix);
    if (escapesRoot(clean))
        return makeError(QStringLiteral("io.outside"), QStringLiteral("%1 is outside the work tree").arg(prefix));
    QStringList files;
    const QString start = clean.isEmpty() ? root : root + clean;
    if (!QFileInfo(start).isDir())
        return files;
    // Manual recursion so ignored directories (build/, node_modules/) are pruned, not walked.
    QStringList pending{clean};
    while (!pending.isEmpty()) {
        const QString relativeDir = pending.takeLast();
        QDir dir(relativeDir.isEmpty() ? root : root + relativeDir);
        const auto entries
            = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QFileInfo& entry : entries) {
            const QString relative
                = relativeDir.isEmpty() ? entry.fileName() : relativeDir + QLatin1Char('/') + entry.fileName();
            if (entry.fileName() == QLatin1String(".git"))
                continue;
            int ignored = 0;
            const QByteArray gitPath
                = (entry.isDir() && !entry.isSymLink() ? relative + QLatin1Char('/') : relative).toUtf8();
            if (git_ignore_path_is_ignored(&ignored, d->get(), gitPath.constData()) < 0)
                git_error_clear();
            if (ignored)
                continue;
            if (entry.isDir() && !entry.isSymLink())
                pending.append(relative);
            else if (entry.isFile())
                files.append(relative);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

Status Repository::walk(const LogOptions& options, const std::function<bool(const CommitInfo&)>& visit,
                        ProgressSink* sink) const
{
    git_revwalk* rawWalk = nullptr;
    if (const int rc = git_revwalk_new(&rawWalk, d->get()); rc < 0)
        return lastError(rc, QStringLiteral("cannot walk history"));
    RevwalkPtr walker(rawWalk);
    git_revwalk_sorting(walker.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if (options.firstParent)
        git_revwalk_simplify_first_parent(walker.get());
    auto start = resolve(options.start);
    if (!start)
        return start.error();
    const git_oid startOid = toOid(*start);
    if (const int rc = git_revwalk_push(walker.get(), &startOid); rc < 0)
        return lastError(rc, QStringLiteral("cannot walk from %1").arg(options.start));
    for (const QString& hidden : options.hide) {
        auto id = resolve(hidden);
        if (!id)
            return id.error();
        const git_oid oid = toOid(*id);
        if (const int rc = git_revwalk_hide(walker.get(), &oid); rc < 0)
            return lastError(rc, QStringLiteral("cannot hide %1").arg(hidden));
    }
    QList<QByteArray> paths;
    for (const QString& path : options.paths)
        paths.append(normalizedRelativePath(path).toUtf8());

    const qint64 sinceSecs
        = options.since.isValid() ? options.since.toSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 untilSecs
        = options.until.isValid() ? options.until.toSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    int emitted = 0;
    qint64 seen = 0;
    git_oid oid;
    int rc = 0;
    while ((rc = git_revwalk_next(&oid, walker.get())) == 0) {
        if (sink) {
            if (sink->isCancelled())
                return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
            sink->report(++seen, 0, QStringLiteral("history"));
        }
        git_commit* rawCommit = nullptr;
        if (const int lookup = git_commit_lookup(&rawCommit, d->get(), &oid); lookup < 0)
            return lastError(lookup, QStringLiteral("corrupt history"));
        CommitPtr commit(rawCommit);
        const qint64 time = git_commit_time(commit.get());
        if (time < sinceSecs || time > untilSecs)
            continue;
        if (!paths.isEmpty()) {
            // A commit touches the paths when their entries differ from the parent(s) (TREESAME in git's terms:
            // in full mode a merge is kept only when it differs from every parent).
            git_tree* rawTree = nullptr;
            if (git_commit_tree(&rawTree, commit.get()) < 0) {
                git_error_clear();
                continue;
            }
            TreePtr tree(rawTree);
            const unsigned parentCount = options.firstParent ? std::min(1u, git_commit_parentcount(commit.get()))
                                                             : git_commit_parentcount(commit.get());
            bool touches = true;
            if (parentCount == 0) {
                touches = std::any_of(paths.cbegin(), paths.cend(),
                                      [&](const QByteArray& path) { return !entryId(tree.get(), path).isNull(); });
            } else {
                for (unsigned i = 0; i < parentCount && touches; ++i) {
                    git_commit* rawParent = nullptr;
                    if (git_commit_parent(&rawParent, commit.get(), i) < 0) {
                        git_error_clear();
                        continue;
                    }
                    CommitPtr parent(rawParent);
                    git_tree* rawParentTree = nullptr;
                    if (git_commit_tree(&rawParentTree, parent.get()) < 0) {
                        git_error_clear();
                        continue;
                    }
                    TreePtr parentTree(rawParentTree);
                    const bool same = std::all_of(paths.cbegin(), paths.cend(), [&](const QByteArray& path) {
                        return entryId(tree.get(), path) == entryId(parentTree.get(), path);
                    });
                    if (same)
                        touches = false;
                }
            }
            if (!touches)
                continue;
        }
        if (!visit(toCommitInfo(commit.get())))
            break;
        if (options.maxCount >= 0 && ++emitted >= options.maxCount)
            break;
    }
    if (rc < 0 && rc != GIT_ITEROVER)
        return lastError(rc, QStringLiteral("cannot walk history"));
    git_error_clear();
    return Success{};
}

Result<QList<CommitInfo>> Repository::log(const LogOptions& options, ProgressSink* sink) const
{
    QList<CommitInfo> commits;
    const Status status = walk(
        options,
        [&commits](const CommitInfo& commit) {
            commits.append(commit);
            return true;
        },
        sink);
    if (!status)
        return status.error();
    return commits;
}

Result<bool> Repository::isAncestor(const ObjectId& ancestor, const ObjectId& descendant) const
{
    const git_oid a = toOid(ancestor);
    const git_oid b = toOid(descendant);
    const int rc = git_graph_descendant_of(d->get(), &b, &a);
    if (rc < 0)
        return lastError(
            rc, QStringLiteral("cannot compare %1 and %2").arg(ancestor.shortString(), descendant.shortString()));
    return rc == 1;
}

namespace {

struct PathspecHolder
{
    explicit PathspecHolder(const QStringList& paths)
    {
        for (const QString& path : paths)
            storage.append(normalizedRelativePath(path).toUtf8());
        for (const QByteArray& path : storage)
            pointers.push_back(const_cast<char*>(path.constData()));
    }
    void apply(git_diff_options& options)
    {
        options.pathspec.strings = pointers.data();
        options.pathspec.count = pointers.size();
    }
    QList<QByteArray> storage;
    std::vector<char*> pointers;
};

Result<DiffPtr> treeDiff(git_repository* repo, const ObjectId& from, const ObjectId& to, const QStringList& paths,
                         bool detectRenames)
{
    auto oldTree = commitTree(repo, from);
    if (!oldTree)
        return oldTree.error();
    auto newTree = commitTree(repo, to);
    if (!newTree)
        return newTree.error();
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    PathspecHolder pathspec(paths);
    pathspec.apply(options);
    git_diff* raw = nullptr;
    if (const int rc = git_diff_tree_to_tree(&raw, repo, oldTree->get(), newTree->get(), &options); rc < 0)
        return lastError(rc, QStringLiteral("cannot diff"));
    DiffPtr diff(raw);
    if (detectRenames) {
        git_diff_find_options find;
        git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
        find.flags = GIT_DIFF_FIND_RENAMES;
        if (const int rc = git_diff_find_similar(diff.get(), &find); rc < 0)
            return lastError(rc, QStringLiteral("cannot detect renames"));
    }
    return diff;
}

FileChange::Status toStatus(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
        return FileChange::Status::Added;
    case GIT_DELTA_DELETED:
        return FileChange::Status::Deleted;
    case GIT_DELTA_MODIFIED:
        return FileChange::Status::Modified;
    case GIT_DELTA_RENAMED:
        return FileChange::Status::Renamed;
    case GIT_DELTA_COPIED:
        return FileChange::Status::Copied;
    case GIT_DELTA_TYPECHANGE:
        return FileChange::Status::TypeChange;
    default:
        return FileChange::Status::Other;
    }
}

} // namespace

Result<QList<FileChange>> Repository::diff(const ObjectId& from, const ObjectId& to, const QStringList& paths,
                                           bool detectRenames) const
{
    auto diff = treeDiff(d->get(), from, to, paths, detectRenames);
    if (!diff)
        return diff.error();
    QList<FileChange> changes;
    const size_t count = git_diff_num_deltas(diff->get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff->get(), i);
        FileChange change;
        change.status = toStatus(delta->status);
        change.oldPath = QString::fromUtf8(delta->old_file.path);
        change.newPath = QString::fromUtf8(delta->new_file.path);
        git_patch* rawPatch = nullptr;
        if (git_patch_from_diff(&rawPatch, diff->get(), i) == 0 && rawPatch) {
            PatchPtr patch(rawPatch);
            size_t context = 0, additions = 0, deletions = 0;
            git_patch_line_stats(&context, &additions, &deletions, patch.get());
            change.additions = int(additions);
            change.deletions = int(deletions);
        }
        git_error_clear();
        change.binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
        changes.append(change);
    }
    return changes;
}

Result<QList<TreeEntry>> Repository::changedFiles(const ObjectId& from, const ObjectId& to, const QStringList& paths,
                                                  QStringList* deletedPaths) const
{
    // Plain prefixes (the usual case, and every caller walking long histories) are compared entry by entry: a
    // libgit2 diff costs a config snapshot and an iterator per call, most of a 50,000-commit walk. Pathspecs with
    // wildcards keep libgit2's matching.
    const bool plain = std::none_of(paths.cbegin(), paths.cend(), [](const QString& path) {
        return path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('?')) || path.contains(QLatin1Char('['));
    });
    if (plain) {
        auto oldTree = commitTree(d->get(), from);
        if (!oldTree)
            return oldTree.error();
        auto newTree = commitTree(d->get(), to);
        if (!newTree)
            return newTree.error();
        QList<QByteArray> prefixes;
        for (const QString& path : paths) {
            QByteArray prefix = normalizedRelativePath(path).toUtf8();
            while (prefix.endsWith('/'))
                prefix.chop(1);
            if (prefix.isEmpty())
                return changedFiles(from, to, {}, deletedPaths); // the root: everything
            prefixes.append(prefix);
        }
        QList<TreeEntry> entries;
        int rc = 0;
        if (!newTree->get()) {
            // Nothing added to an empty tree; everything the old one had is gone.
            if (deletedPaths && oldTree->get())
                rc = listDeleted(d->get(), git_tree_id(oldTree->get()), {}, prefixes, *deletedPaths);
        } else {
            rc = compareTrees(d->get(), oldTree->get(), newTree->get(), {}, prefixes, entries, deletedPaths);
        }
        if (rc < 0)
            return lastError(rc, QStringLiteral("cannot compare the trees of %1").arg(to.shortString()));
        return entries;
    }
    auto diff = treeDiff(d->get(), from, to, paths, false);
    if (!diff)
        return diff.error();
    QList<TreeEntry> entries;
    const size_t count = git_diff_num_deltas(diff->get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff->get(), i);
        if (delta->status == GIT_DELTA_DELETED && deletedPaths)
            deletedPaths->append(QString::fromUtf8(delta->old_file.path));
        if (delta->status == GIT_DELTA_DELETED || !(delta->new_file.flags & GIT_DIFF_FLAG_VALID_ID))
            continue;
        if (delta->new_file.mode != GIT_FILEMODE_BLOB && delta->new_file.mode != GIT_FILEMODE_BLOB_EXECUTABLE)
            continue;
        TreeEntry entry;
        entry.path = QString::fromUtf8(delta->new_file.path);
        entry.blob = toId(&delta->new_file.id);
        entry.size = qint64(delta->new_file.size);
        entry.executable = delta->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
        entries.append(entry);
    }
    return entries;
}

Result<QString> Repository::patch(const ObjectId& from, const ObjectId& to, const QStringList& paths) const
{
    auto diff = treeDiff(d->get(), from, to, paths, true);
    if (!diff)
        return diff.error();
    git_buf buffer = GIT_BUF_INIT;
    if (const int rc = git_diff_to_buf(&buffer, diff->get(), GIT_DIFF_FORMAT_PATCH); rc < 0)
        return lastError(rc, QStringLiteral("cannot format the diff"));
    const QString text = QString::fromUtf8(buffer.ptr, qsizetype(buffer.size));
    git_buf_dispose(&buffer);
    return text;
}

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

Result<Signature> Repository::defaultSignature() const
{
    git_signature* raw = nullptr;
    if (const int rc = git_signature_default(&raw, d->get()); rc < 0)
        return lastError(rc, QStringLiteral("no git identity (set user.name and user.email)"));
    SignaturePtr signature(raw);
    return toSignature(signature.get());
}

QString Repository::configString(const QString& key) const
{
    git_config* rawConfig = nullptr;
    if (git_repository_config_snapshot(&rawConfig, d->get()) < 0) {
        git_error_clear();
        return {};
    }
    ConfigPtr config(rawConfig);
    const char* value = nullptr;
    if (git_config_get_string(&value, config.get(), key.toUtf8().constData()) < 0) {
        git_error_clear();
        return {};
    }
    return QString::fromUtf8(value);
}

Result<ObjectId> Repository::createCommit(const QString& updateRef, const QList<ObjectId>& parents,
                                          const QMap<QString, std::optional<QByteArray>>& changes,
                                          const Signature& author, const Signature& committer, const QString& message)
{
    git_index* rawIndex = nullptr;
    if (const int rc = git_index_new(&rawIndex); rc < 0)
        return lastError(rc, QStringLiteral("cannot create an index"));
    IndexPtr index(rawIndex);
    std::vector<CommitPtr> parentCommits;
    for (const ObjectId& parent : parents) {
        auto commit = lookupCommit(d->get(), parent);
        if (!commit)
            return commit.error();
        parentCommits.push_back(std::move(commit).value());
    }
    if (!parentCommits.empty()) {
        git_tree* rawTree = nullptr;
        if (const int rc = git_commit_tree(&rawTree, parentCommits.front().get()); rc < 0)
            return lastError(rc, QStringLiteral("cannot read the parent tree"));
        TreePtr tree(rawTree);
        if (const int rc = git_index_read_tree(index.get(), tree.get()); rc < 0)
            return lastError(rc, QStringLiteral("cannot read the parent tree"));
    }
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QString path = normalizedRelativePath(it.key());
        if (path.isEmpty() || escapesRoot(path))
            return makeError(QStringLiteral("git.invalid-path"), QStringLiteral("invalid path '%1'").arg(it.key()));
        const QByteArray utf8 = path.toUtf8();
        if (!it.value()) {
            if (const int rc = git_index_remove(index.get(), utf8.constData(), 0); rc < 0 && rc != GIT_ENOTFOUND)
                return lastError(rc, path);
            git_error_clear();
            continue;
        }
        const QByteArray& content = *it.value();
        git_oid blob;
        if (const int rc = git_blob_create_from_buffer(&blob, d->get(), content.constData(), size_t(content.size()));
            rc < 0)
            return lastError(rc, path);
        git_index_entry entry{};
        entry.path = utf8.constData();
        entry.id = blob;
        entry.mode = content.startsWith("#!") ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
        entry.file_size = uint32_t(content.size());
        if (const int rc = git_index_add(index.get(), &entry); rc < 0)
            return lastError(rc, path);
    }
    git_oid treeId;
    if (const int rc = git_index_write_tree_to(&treeId, index.get(), d->get()); rc < 0)
        return lastError(rc, QStringLiteral("cannot write the tree"));
    git_tree* rawTree = nullptr;
    if (const int rc = git_tree_lookup(&rawTree, d->get(), &treeId); rc < 0)
        return lastError(rc, QStringLiteral("cannot read the new tree"));
    TreePtr tree(rawTree);
    auto authorSig = toGitSignature(author);
    if (!authorSig)
        return authorSig.error();
    auto committerSig = toGitSignature(committer.isValid() ? committer : author);
    if (!committerSig)
        return committerSig.error();
    std::vector<const git_commit*> parentPointers;
    for (const CommitPtr& parent : parentCommits)
        parentPointers.push_back(parent.get());
    git_oid commitId;
    const QByteArray ref = updateRef.toUtf8();
    if (const int rc = git_commit_create(&commitId, d->get(), updateRef.isEmpty() ? nullptr : ref.constData(),
                                         authorSig->get(), committerSig->get(), "UTF-8", message.toUtf8().constData(),
                                         tree.get(), parentPointers.size(), parentPointers.data());
        rc < 0)
        return lastError(rc, QStringLiteral("cannot create the commit"));
    return toId(&commitId);
}

Result<ObjectId> Repository::createTag(const QString& name, const ObjectId& target, const Signature& tagger,
                                       const QString& message, bool force)
{
    git_object* raw = nullptr;
    const git_oid oid = toOid(target);
    if (const int rc = git_object_lookup(&raw, d->get(), &oid, GIT_OBJECT_ANY); rc < 0)
        return lastError(rc, QStringLiteral("cannot tag %1").arg(target.shortString()));
    ObjectPtr object(raw);
    git_oid tagId;
    const QByteArray utf8Name = name.toUtf8();
    if (tagger.isValid()) {
        auto sig = toGitSignature(tagger);
        if (!sig)
            return sig.error();
        if (const int rc = git_tag_create(&tagId, d->get(), utf8Name.constData(), object.get(), sig->get(),
                                          message.toUtf8().constData(), force ? 1 : 0);
            rc < 0)
            return lastError(rc, QStringLiteral("cannot create tag %1").arg(name));
    } else if (const int rc
               = git_tag_create_lightweight(&tagId, d->get(), utf8Name.constData(), object.get(), force ? 1 : 0);
               rc < 0) {
        return lastError(rc, QStringLiteral("cannot create tag %1").arg(name));
    }
    return toId(&tagId);
}

Status Repository::createBranch(const QString& name, const ObjectId& target, bool force)
{
    auto commit = lookupCommit(d->get(), target);
    if (!commit)
        return commit.error();
    git_reference* raw = nullptr;
    if (const int rc = git_branch_create(&raw, d->get(), name.toUtf8().constData(), commit->get(), force ? 1 : 0);
        rc < 0)
        return lastError(rc, QStringLiteral("cannot create branch %1").arg(name));
    ReferencePtr ref(raw);
    return Success{};
}

Status Repository::setHead(const QString& refName)
{
    if (const int rc = git_repository_set_head(d->get(), refName.toUtf8().constData()); rc < 0)
        return lastError(rc, QStringLiteral("cannot point HEAD at %1").arg(refName));
    return Success{};
}

Status Repository::checkoutHead(bool force)
{
    git_checkout_options options;
    git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION);
    options.checkout_strategy = force ? GIT_CHECKOUT_FORCE : GIT_CHECKOUT_SAFE;
    if (const int rc = git_checkout_head(d->get(), &options); rc < 0)
        return lastError(rc, QStringLiteral("cannot check out HEAD"));
    return Success{};
}

Status Repository::syncIndexEntry(const QString& path, const ObjectId& commit)
{
    const QString clean = normalizedRelativePath(path);
    if (clean.isEmpty() || escapesRoot(clean))
        return makeError(QStringLiteral("git.invalid-path"), QStringLiteral("invalid path '%1'").arg(path));
    const QByteArray utf8 = clean.toUtf8();
    auto tree = commitTree(d->get(), commit);
    if (!tree)
        return tree.error();
    git_index* rawIndex = nullptr;
    if (const int rc = git_repository_index(&rawIndex, d->get()); rc < 0)
        return lastError(rc, QStringLiteral("cannot open the index"));
    IndexPtr index(rawIndex);
    // Another process may have changed the index since it was opened.
    if (const int rc = git_index_read(index.get(), false); rc < 0)
        return lastError(rc, QStringLiteral("cannot read the index"));
    git_tree_entry* rawEntry = nullptr;
    const int found = tree->get() ? git_tree_entry_bypath(&rawEntry, tree->get(), utf8.constData()) : GIT_ENOTFOUND;
    TreeEntryPtr treeEntry(rawEntry);
    if (found == GIT_ENOTFOUND || (found == 0 && git_tree_entry_type(treeEntry.get()) != GIT_OBJECT_BLOB)) {
        git_error_clear();
        if (const int rc = git_index_remove_bypath(index.get(), utf8.constData()); rc < 0)
            return lastError(rc, clean);
    } else if (found < 0) {
        return lastError(found, clean);
    } else {
        const git_oid* blob = git_tree_entry_id(treeEntry.get());
        // When the work tree holds the same content, add it from there so the entry gets the file's stat data
        // and git does not rehash it on every status.
        bool fromWorkTree = false;
        if (!isBare()) {
            git_oid onDisk;
            const QByteArray full = QFile::encodeName(workDir() + clean);
            if (QFileInfo(workDir() + clean).isFile()
                && git_odb_hashfile(&onDisk, full.constData(), GIT_OBJECT_BLOB) == 0 && git_oid_equal(&onDisk, blob))
                fromWorkTree = git_index_add_bypath(index.get(), utf8.constData()) == 0;
            git_error_clear();
        }
        if (!fromWorkTree) {
            git_index_entry entry{};
            entry.path = utf8.constData();
            entry.id = *blob;
            entry.mode = git_tree_entry_filemode(treeEntry.get());
            git_blob* rawBlob = nullptr;
            if (git_blob_lookup(&rawBlob, d->get(), blob) == 0) {
                BlobPtr content(rawBlob);
                entry.file_size = uint32_t(git_blob_rawsize(content.get()));
            }
            if (const int rc = git_index_add(index.get(), &entry); rc < 0)
                return lastError(rc, clean);
        }
    }
    if (const int rc = git_index_write(index.get()); rc < 0)
        return lastError(rc, QStringLiteral("cannot write the index"));
    return Success{};
}

Result<QList<StatusEntry>> Repository::status() const
{
    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS
        | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    git_status_list* rawList = nullptr;
    if (const int rc = git_status_list_new(&rawList, d->get(), &options); rc < 0)
        return lastError(rc, QStringLiteral("cannot read the status"));
    const std::unique_ptr<git_status_list, void (*)(git_status_list*)> list(rawList, git_status_list_free);
    QList<StatusEntry> entries;
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry* e = git_status_byindex(list.get(), i);
        const unsigned s = e->status;
        const git_diff_delta* delta = e->head_to_index ? e->head_to_index : e->index_to_workdir;
        if (!delta)
            continue;
        const QString path = QString::fromUtf8(delta->new_file.path ? delta->new_file.path : delta->old_file.path);
        StatusEntry entry;
        entry.path = path;
        if (s & GIT_STATUS_CONFLICTED) {
            entry.index = entry.workTree = 'U';
        } else if (s & GIT_STATUS_WT_NEW) {
            // A staged deletion whose file is still on disk is two lines in git: "D  f" and "?? f".
            if (s & GIT_STATUS_INDEX_DELETED)
                entries.append(StatusEntry{path, 'D', ' '});
            entry.index = entry.workTree = '?';
        } else {
            entry.index = (s & GIT_STATUS_INDEX_NEW) ? 'A'
                : (s & GIT_STATUS_INDEX_MODIFIED)    ? 'M'
                : (s & GIT_STATUS_INDEX_DELETED)     ? 'D'
                : (s & GIT_STATUS_INDEX_RENAMED)     ? 'R'
                : (s & GIT_STATUS_INDEX_TYPECHANGE)  ? 'T'
                                                     : ' ';
            entry.workTree = (s & GIT_STATUS_WT_MODIFIED) ? 'M'
                : (s & GIT_STATUS_WT_DELETED)             ? 'D'
                : (s & GIT_STATUS_WT_TYPECHANGE)          ? 'T'
                : (s & GIT_STATUS_WT_RENAMED)             ? 'R'
                                                          : ' ';
        }
        if (entry.index == ' ' && entry.workTree == ' ')
            continue;
        entries.append(entry);
    }
    return entries;
}

QString Repository::libgit2Version()
{
    int major = 0, minor = 0, revision = 0;
    git_libgit2_version(&major, &minor, &revision);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(revision);
}

} // namespace gatehouse::git
