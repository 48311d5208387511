// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CacheFile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace gatehouse {

namespace {

constexpr int MagicSize = 4;
constexpr int HeaderSize = MagicSize + 4;
constexpr int ChecksumSize = 32; // SHA-256
const QString EntrySuffix = QStringLiteral(".cache");

QByteArray checksum(QByteArrayView payload)
{
    return QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
}

} // namespace

QString CacheFile::location(const QString& name)
{
    QString base = qEnvironmentVariable("XDG_CACHE_HOME");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        return {};
    return base + QStringLiteral("/gatehouse/") + name;
}

std::optional<QByteArray> CacheFile::read(const QString& path, QByteArrayView magic, quint32 version, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes + HeaderSize + ChecksumSize)
        return std::nullopt;
    const QByteArray content = file.readAll();
    if (content.size() < HeaderSize + ChecksumSize || !content.startsWith(magic.first(MagicSize)))
        return std::nullopt;
    QDataStream header(content.sliced(MagicSize, 4));
    quint32 stored = 0;
    header >> stored;
    if (stored != version)
        return std::nullopt;
    const QByteArrayView payload
        = QByteArrayView(content).sliced(HeaderSize, content.size() - HeaderSize - ChecksumSize);
    if (checksum(payload) != QByteArrayView(content).last(ChecksumSize))
        return std::nullopt;
    return payload.toByteArray();
}

bool CacheFile::write(const QString& path, QByteArrayView magic, quint32 version, const QByteArray& payload)
{
    QByteArray header = magic.first(MagicSize).toByteArray();
    {
        QDataStream out(&header, QIODevice::Append);
        out << version;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path); // a temporary file renamed over the old one
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(header);
    file.write(payload);
    file.write(checksum(payload));
    return file.commit();
}

KeyedCacheFolder::KeyedCacheFolder(const QString& folder, QByteArrayView magic, quint32 version, int maxEntries,
                                   qint64 maxEntryBytes)
    : m_folder(folder)
    , m_magic(magic.first(MagicSize).toByteArray())
    , m_version(version)
    , m_maxEntries(std::max(1, maxEntries))
    , m_maxEntryBytes(maxEntryBytes)
{ }

QString KeyedCacheFolder::fileFor(const QByteArray& key) const
{
    return m_folder + QLatin1Char('/') + QString::fromLatin1(checksum(key).toHex().left(40)) + EntrySuffix;
}

std::optional<QByteArray> KeyedCacheFolder::find(const QByteArray& key) const
{
    if (!isEnabled() || key.isEmpty())
        return std::nullopt;
    const std::optional<QByteArray> content
        = CacheFile::read(fileFor(key), m_magic, m_version, m_maxEntryBytes + key.size() + 4);
    if (!content)
        return std::nullopt;
    QDataStream in(*content);
    in.setVersion(QDataStream::Qt_6_0);
    QByteArray storedKey;
    in >> storedKey;
    if (in.status() != QDataStream::Ok || storedKey != key)
        return std::nullopt;
    return content->sliced(in.device()->pos());
}

bool KeyedCacheFolder::store(const QByteArray& key, const QByteArray& payload) const
{
    if (!isEnabled() || key.isEmpty() || payload.size() > m_maxEntryBytes)
        return false;
    QByteArray content;
    {
        QDataStream out(&content, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << key;
    }
    content.append(payload);
    if (!CacheFile::write(fileFor(key), m_magic, m_version, content))
        return false;
    prune();
    return true;
}

void KeyedCacheFolder::prune() const
{
    QDir dir(m_folder);
    const QFileInfoList entries
        = dir.entryInfoList({QLatin1Char('*') + EntrySuffix}, QDir::Files, QDir::Time); // newest first
    for (qsizetype i = m_maxEntries; i < entries.size(); ++i)
        QFile::remove(entries.at(i).absoluteFilePath());
}

} // namespace gatehouse
