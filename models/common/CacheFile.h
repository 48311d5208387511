// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace gatehouse {

/// Files of Gatehouse's on-disk caches: a 4-byte magic, a format version, the payload and its SHA-256. A file whose
/// magic, version or checksum does not match, or that is larger than the reader allows, reads as a miss (the caller
/// recomputes and writes it again); writes go to a temporary file renamed over the old one, so a reader never sees
/// half a file.
namespace CacheFile {

/// `$XDG_CACHE_HOME/gatehouse/NAME` (or the platform's generic cache folder); empty when there is none.
QString location(const QString& name);

/// The file's payload, or nothing when it is absent, damaged, of another format or version, or over `maxBytes`.
std::optional<QByteArray> read(const QString& path, QByteArrayView magic, quint32 version, qint64 maxBytes);
/// Writes the framed payload (creating the folder); false on an I/O error.
bool write(const QString& path, QByteArrayView magic, quint32 version, const QByteArray& payload);

} // namespace CacheFile

/// A folder of cache entries, one file per key (a hash of what the value depends on), framed by CacheFile. The key
/// is stored in the file too, so an entry answers only its own key; the oldest files beyond `maxEntries` are removed
/// when one is written. Any thread (each call opens its own file); two writers of one key leave one whole file.
class KeyedCacheFolder
{
public:
    /// `folder` empty: no cache (find() misses, store() does nothing).
    KeyedCacheFolder(const QString& folder, QByteArrayView magic, quint32 version, int maxEntries,
                     qint64 maxEntryBytes);

    bool isEnabled() const { return !m_folder.isEmpty(); }
    QString fileFor(const QByteArray& key) const;
    /// The payload stored under `key`, or nothing (absent, damaged or written for another format).
    std::optional<QByteArray> find(const QByteArray& key) const;
    /// Stores `payload` under `key`; false when disabled, too large or on an I/O error.
    bool store(const QByteArray& key, const QByteArray& payload) const;

private:
    void prune() const;

    QString m_folder;
    QByteArray m_magic;
    quint32 m_version;
    int m_maxEntries;
    qint64 m_maxEntryBytes;
};

} // namespace gatehouse
