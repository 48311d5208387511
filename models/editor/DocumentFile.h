// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace gatehouse {

/// The on-disk side of an open editor buffer: loading, atomic saving (QSaveFile) and detection of changes made
/// by other programs (QFileSystemWatcher plus a content hash, so our own saves and touch-only events are not
/// reported). GUI thread; pipeline files are small, reads are bounded by MaxSize.
class DocumentFile : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxSize = 8 << 20;

    explicit DocumentFile(const QString& absolutePath, QObject* parent = nullptr);

    QString path() const { return m_path; }
    /// Reads the file (UTF-8) and starts watching it; remembers the content as the known disk state.
    Result<QString> load();
    /// Writes atomically and updates the known disk state. Fails on a read-only directory, a full disk, ...
    Status save(const QString& text);
    /// The file's current content differs from what was last loaded or saved.
    bool changedOnDisk() const;
    /// Accepts the current disk content as known (after a reload, or "keep mine").
    void acknowledgeDiskState();

Q_SIGNALS:
    /// Another program changed the file's content (emitted once per distinct new content).
    void externallyChanged();
    /// The file disappeared.
    void externallyRemoved();

private:
    void onFileChanged();
    QByteArray diskHash() const;

    QString m_path;
    QFileSystemWatcher m_watcher;
    QByteArray m_knownHash; ///< hash of what we believe is on disk
    QByteArray m_reportedHash; ///< last content already reported, to report each change once
    bool m_missingReported = false;
    QTimer m_rewatch; ///< a file replaced by rename comes back after a moment: watch it again
    int m_rewatchAttempts = 0;
};

} // namespace gatehouse
