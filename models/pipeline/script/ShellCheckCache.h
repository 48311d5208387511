// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::pipeline {

/// One shellcheck comment on a script, in the script's own lines and columns (1-based).
struct ShellCheckComment
{
    int line = 0;
    int column = 0;
    int code = 0; ///< 2086 for SC2086
    QString level; ///< error, warning, info, style
    QString message;

    bool operator==(const ShellCheckComment&) const = default;
};

/// shellcheck's comments per script, kept across runs in one file so an unchanged script is never checked twice.
///
/// Keys are hashes of everything the comments depend on (see key()). The file is written whole to a temporary file
/// and renamed over the old one, so concurrent runs never see a half-written cache (the last writer's entries win,
/// merged with what was on disk when it saved). A file that fails its checksum or cannot be read is ignored and
/// rewritten by the next save(). Holds at most `maxEntries`, dropping the least recently used. Not thread-safe: the
/// owner locks.
class ShellCheckCache
{
public:
    using Comments = QList<ShellCheckComment>;

    /// `file` empty: memory only. Reads the file at once.
    explicit ShellCheckCache(const QString& file = {}, int maxEntries = 20000);

    /// The key of a script: the checker's identity (program and version), its options, the dialect and the text.
    static QByteArray key(const QString& checker, const QStringList& options, const QString& shell,
                          const QString& text);

    std::optional<Comments> find(const QByteArray& key);
    void insert(const QByteArray& key, const Comments& comments);
    int size() const { return int(m_entries.size()); }
    /// The file existed but was not a readable cache (it is replaced on save()).
    bool fileWasCorrupt() const { return m_corrupt; }

    /// Writes the entries (merged with the file's current ones) when something changed; false on a write error.
    bool save();

private:
    struct Entry
    {
        Comments comments;
        qint64 used = 0; ///< seconds since the epoch of the last run that needed it
    };

    static bool read(const QString& file, QHash<QByteArray, Entry>& entries);

    QString m_file;
    int m_maxEntries;
    qint64 m_now;
    bool m_dirty = false;
    bool m_corrupt = false;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace gatehouse::pipeline
