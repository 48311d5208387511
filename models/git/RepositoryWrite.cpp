// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Repository: writing commits, tags, branches, HEAD and the index.
#include "Repository.h"

#include "RepositoryPrivate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gatehouse::git {

using namespace detail;

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

} // namespace gatehouse::git
