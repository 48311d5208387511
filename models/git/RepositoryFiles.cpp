// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Repository: reading files and blobs of a commit or of the work tree.
#include "Repository.h"

#include "RepositoryPrivate.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace gatehouse::git {

using namespace detail;

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

} // namespace gatehouse::git
