// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellCheckCache.h"

#include "common/CacheFile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>

namespace gatehouse::pipeline {

namespace {

constexpr QByteArrayView Magic("GHSC");
constexpr quint32 FormatVersion = 1;
constexpr qint64 MaxFileBytes = qint64(1) << 30;
constexpr quint32 MaxCommentsPerScript = 100000; // beyond this a count can only be damage

} // namespace

ShellCheckCache::ShellCheckCache(const QString& file, int maxEntries)
    : m_file(file)
    , m_maxEntries(std::max(1, maxEntries))
    , m_now(QDateTime::currentSecsSinceEpoch())
{
    if (!m_file.isEmpty() && QFileInfo::exists(m_file))
        m_corrupt = !read(m_file, m_entries);
}

QByteArray ShellCheckCache::key(const QString& checker, const QStringList& options, const QString& shell,
                                const QString& text)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // Each part ends with a NUL so no two different splits of the same bytes give the same key.
    for (const QString& part : {checker, options.join(QLatin1Char('\n')), shell, text}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result();
}

std::optional<ShellCheckCache::Comments> ShellCheckCache::find(const QByteArray& key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    if (it->used != m_now) {
        it->used = m_now;
        m_dirty = !m_file.isEmpty();
    }
    return it->comments;
}

void ShellCheckCache::insert(const QByteArray& key, const Comments& comments)
{
    m_entries.insert(key, {comments, m_now});
    m_dirty = !m_file.isEmpty();
}

bool ShellCheckCache::read(const QString& path, QHash<QByteArray, Entry>& entries)
{
    const std::optional<QByteArray> payload = CacheFile::read(path, Magic, FormatVersion, MaxFileBytes);
    if (!payload)
        return false;
    QDataStream in(*payload);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 count = 0;
    in >> count;
    QHash<QByteArray, Entry> read;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QByteArray key;
        Entry entry;
        quint32 comments = 0;
        in >> key >> entry.used >> comments;
        if (comments > MaxCommentsPerScript)
            return false;
        for (quint32 c = 0; c < comments && in.status() == QDataStream::Ok; ++c) {
            ShellCheckComment comment;
            qint32 line = 0, column = 0, code = 0;
            in >> line >> column >> code >> comment.level >> comment.message;
            comment.line = line;
            comment.column = column;
            comment.code = code;
            entry.comments.append(comment);
        }
        read.insert(key, entry);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd() || quint32(read.size()) != count)
        return false;
    entries = std::move(read);
    return true;
}

bool ShellCheckCache::save()
{
    if (!m_dirty)
        return true;
    // Another run may have saved since this one read the file: keep its entries too.
    QHash<QByteArray, Entry> onDisk;
    if (read(m_file, onDisk)) {
        for (auto it = onDisk.cbegin(); it != onDisk.cend(); ++it) {
            const auto mine = m_entries.find(it.key());
            if (mine == m_entries.end())
                m_entries.insert(it.key(), it.value());
            else
                mine->used = std::max(mine->used, it->used);
        }
    }
    if (m_entries.size() > m_maxEntries) {
        QList<qint64> used;
        used.reserve(m_entries.size());
        for (const Entry& entry : std::as_const(m_entries))
            used.append(entry.used);
        std::nth_element(used.begin(), used.begin() + (used.size() - m_maxEntries), used.end());
        const qint64 oldestKept = used.at(used.size() - m_maxEntries);
        // Entries last used before the cut go, then ties at the cut in hash order until the bound holds.
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = it->used < oldestKept ? m_entries.erase(it) : std::next(it);
        for (auto it = m_entries.begin(); it != m_entries.end() && m_entries.size() > m_maxEntries;)
            it = it->used == oldestKept ? m_entries.erase(it) : std::next(it);
    }

    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << quint32(m_entries.size());
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            out << it.key() << it->used << quint32(it->comments.size());
            for (const ShellCheckComment& comment : it->comments)
                out << qint32(comment.line) << qint32(comment.column) << qint32(comment.code) << comment.level
                    << comment.message;
        }
    }
    if (!CacheFile::write(m_file, Magic, FormatVersion, payload))
        return false;
    m_dirty = false;
    m_corrupt = false;
    return true;
}

} // namespace gatehouse::pipeline
