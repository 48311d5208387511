// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace gatehouse {

/// Watches a repository's HEAD, refs/ folders and packed-refs and emits refsChanged() once, debounced, after
/// they change on disk (commits, checkouts, fetches, tags made outside Gatehouse). Lives on the GUI thread.
class RepositoryWatcher : public QObject
{
    Q_OBJECT
public:
    explicit RepositoryWatcher(QObject* parent = nullptr);

    /// Starts watching `gitDir` (empty = stop). Linked worktrees: the shared refs are found through `commondir`.
    void setGitDir(const QString& gitDir);
    QString gitDir() const { return m_gitDir; }
    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }
    QStringList watchedPaths() const;

Q_SIGNALS:
    void refsChanged();

private:
    void rewatch();
    void onChanged();

    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QString m_gitDir;
};

} // namespace gatehouse
