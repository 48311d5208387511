// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/Repository.h"

#include <QTemporaryDir>

namespace gatehouse::test {

/// Waits (bounded) for the background jobs of JobTracker::pool(): call before removing a repository a window had open.
void waitForBackgroundJobs();

/// A throw-away repository in a QTemporaryDir with fixed identities and timestamps, so commit ids are stable.
/// Every commit advances the clock by one hour from 2026-01-05 09:00 UTC unless a time is given.
class ScratchRepository
{
public:
    explicit ScratchRepository(bool bare = false);
    ~ScratchRepository();
    ScratchRepository(const ScratchRepository&) = delete;
    ScratchRepository& operator=(const ScratchRepository&) = delete;

    bool isValid() const { return m_repo.isValid(); }
    QString path() const { return m_dir.path(); }
    git::Repository& repo() { return m_repo; }

    static git::Signature signature(const QString& name, const QDateTime& time);
    static git::Signature alice(const QDateTime& time) { return signature(QStringLiteral("Alice Example"), time); }

    /// Commits `files` (path → content; a null QByteArray deletes) on HEAD's branch.
    git::ObjectId commit(const QString& message, const QMap<QString, QByteArray>& files, QDateTime time = {},
                         const QString& author = QStringLiteral("Alice Example"));
    /// A commit with explicit parents that updates no ref (for merges and branches).
    git::ObjectId commitOn(const QList<git::ObjectId>& parents, const QString& message,
                           const QMap<QString, QByteArray>& files, QDateTime time = {}, const QString& updateRef = {});
    git::ObjectId tag(const QString& name, const git::ObjectId& target, const QString& message = {},
                      QDateTime time = {});
    /// Writes a file into the work tree (not committed).
    void writeWorkTreeFile(const QString& path, const QByteArray& content);
    QDateTime nextTime();
    git::ObjectId head();

private:
    QTemporaryDir m_dir;
    git::Repository m_repo;
    QDateTime m_clock;
};

} // namespace gatehouse::test
