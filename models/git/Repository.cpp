// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Repository.h"

#include "RepositoryPrivate.h"

#include <QDir>
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

Repository::Repository() = default;
Repository::~Repository() = default;
Repository::Repository(const Repository&) = default;
Repository& Repository::operator=(const Repository&) = default;

namespace detail {

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

} // namespace detail

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
    // HEAD's branch is resolved once: git_branch_is_head() reads HEAD and its branch from disk for every branch,
    // four system calls each, which dominated `info` on a history with 10,000 branches left behind.
    QByteArray headName;
    git_reference* rawHead = nullptr;
    if (git_repository_head(&rawHead, d->get()) == 0) {
        ReferencePtr head(rawHead);
        headName = git_reference_name(head.get());
    } else {
        git_error_clear(); // unborn or detached: no branch is HEAD
    }
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
        branch.isHead
            = !headName.isEmpty() && git_reference_is_branch(ref.get()) && headName == git_reference_name(ref.get());
        if (git_reference_type(ref.get()) == GIT_REFERENCE_DIRECT) {
            // Resolving a direct reference would read it from disk again.
            branch.target = toId(git_reference_target(ref.get()));
        } else if (git_reference* resolved = nullptr; git_reference_resolve(&resolved, ref.get()) == 0) {
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
    // Through the refs/tags/* iterator of references(): git_tag_foreach() reads every loose reference of the
    // repository (each branch too) and filters afterwards. The list comes sorted by name.
    const Result<QList<RefTarget>> refs = references("refs/tags/*");
    if (!refs.ok())
        return refs.error();
    QList<TagInfo> tags;
    tags.reserve(refs->size());
    for (const RefTarget& ref : refs.value()) {
        if (ref.target.isNull())
            continue; // a symbolic tag pointing nowhere is skipped, as git_tag_foreach() does
        TagInfo tag;
        tag.name = ref.name.mid(int(strlen("refs/tags/")));
        const git_oid oid = toOid(ref.target);
        git_object* raw = nullptr;
        if (git_object_lookup(&raw, d->get(), &oid, GIT_OBJECT_ANY) < 0) {
            git_error_clear();
            tags.append(tag);
            continue;
        }
        ObjectPtr object(raw);
        if (git_object_type(object.get()) == GIT_OBJECT_TAG) {
            auto* annotated = reinterpret_cast<git_tag*>(object.get());
            tag.annotated = true;
            tag.tagObject = ref.target;
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
        tags.append(tag);
    }
    return tags;
}

Result<QList<RefTarget>> Repository::references(const char* glob) const
{
    git_reference_iterator* rawIterator = nullptr;
    if (const int rc = git_reference_iterator_glob_new(&rawIterator, d->get(), glob); rc < 0)
        return lastError(rc, QStringLiteral("cannot list references"));
    ReferenceIteratorPtr iterator(rawIterator);
    QList<RefTarget> refs;
    git_reference* rawRef = nullptr;
    int rc = 0;
    while ((rc = git_reference_next(&rawRef, iterator.get())) == 0) {
        ReferencePtr ref(rawRef);
        RefTarget entry;
        entry.name = QString::fromUtf8(git_reference_name(ref.get()));
        if (git_reference_type(ref.get()) == GIT_REFERENCE_DIRECT) {
            entry.target = toId(git_reference_target(ref.get()));
        } else if (git_oid oid; git_reference_name_to_id(&oid, d->get(), git_reference_name(ref.get())) == 0) {
            entry.target = toId(&oid);
        } else {
            git_error_clear(); // a symbolic reference pointing nowhere keeps a null target
        }
        refs.append(entry);
    }
    if (rc != GIT_ITEROVER)
        return lastError(rc, QStringLiteral("cannot list references"));
    git_error_clear();
    std::sort(refs.begin(), refs.end(), [](const RefTarget& a, const RefTarget& b) { return a.name < b.name; });
    return refs;
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

void Repository::setObjectCaching(bool enabled)
{
    detail::ensureInitialized();
    git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled ? 1 : 0);
}

} // namespace gatehouse::git
