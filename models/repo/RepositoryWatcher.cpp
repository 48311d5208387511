// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryWatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace gatehouse {

RepositoryWatcher::RepositoryWatcher(QObject* parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &RepositoryWatcher::onChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &RepositoryWatcher::onChanged);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        rewatch();
        Q_EMIT refsChanged();
    });
}

void RepositoryWatcher::setGitDir(const QString& gitDir)
{
    m_gitDir = gitDir;
    m_debounce.stop();
    rewatch();
}

QStringList RepositoryWatcher::watchedPaths() const
{
    return m_watcher.files() + m_watcher.directories();
}

void RepositoryWatcher::onChanged()
{
    // git replaces files by renaming lock files, which drops them from the watcher: rewatch after the burst.
    m_debounce.start();
}

void RepositoryWatcher::rewatch()
{
    const QStringList old = watchedPaths();
    if (!old.isEmpty())
        m_watcher.removePaths(old);
    if (m_gitDir.isEmpty())
        return;
    const QDir git(m_gitDir);
    QString common = m_gitDir;
    QFile commonFile(git.filePath(QStringLiteral("commondir")));
    if (commonFile.open(QIODevice::ReadOnly)) {
        const QString relative = QString::fromUtf8(commonFile.readAll()).trimmed();
        common = QDir::cleanPath(QDir(m_gitDir).absoluteFilePath(relative));
    }
    QStringList paths;
    // HEAD is watched through its folder too: a file replaced by rename is reported there reliably.
    paths << git.filePath(QStringLiteral("HEAD")) << QDir::cleanPath(m_gitDir);
    const QDir commonDir(common);
    if (QFileInfo::exists(commonDir.filePath(QStringLiteral("packed-refs"))))
        paths << commonDir.filePath(QStringLiteral("packed-refs"));
    if (common != QDir::cleanPath(m_gitDir))
        paths << common;
    const QString refs = commonDir.filePath(QStringLiteral("refs"));
    if (QFileInfo(refs).isDir()) {
        paths << refs;
        QDirIterator it(refs, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths << it.next();
    }
    paths.removeDuplicates();
    m_watcher.addPaths(paths);
}

} // namespace gatehouse
