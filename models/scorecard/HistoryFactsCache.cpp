// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryFactsCache.h"

#include "common/CacheFile.h"
#include "delivery/DeliveryDiskCache.h"

#include <QDataStream>
#include <QIODevice>

namespace gatehouse::scorecard {

namespace {

constexpr QByteArrayView Magic("GHHF");
// Bump when what the walks collect or this encoding changes.
constexpr quint32 FormatVersion = 1;
constexpr int MaxEntries = 16;
constexpr qint64 MaxEntryBytes = qint64(16) << 20;

KeyedCacheFolder folder()
{
    return KeyedCacheFolder(CacheFile::location(QStringLiteral("scorecard")), Magic, FormatVersion, MaxEntries,
                            MaxEntryBytes);
}

} // namespace

QByteArray HistoryFactsCache::stateKey(const git::Repository& repository, const QString& revision)
{
    return delivery::DeliveryDiskCache::stateKey(repository, revision);
}

std::optional<HistoryFacts> HistoryFactsCache::find(const QByteArray& key)
{
    const std::optional<QByteArray> bytes = folder().find(key);
    return bytes ? decode(*bytes) : std::nullopt;
}

bool HistoryFactsCache::store(const QByteArray& key, const HistoryFacts& facts)
{
    return folder().store(key, encode(facts));
}

QString HistoryFactsCache::fileFor(const QByteArray& key)
{
    return folder().fileFor(key);
}

QByteArray HistoryFactsCache::encode(const HistoryFacts& facts)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << facts.recentSubjects << facts.scanTimes;
    return bytes;
}

std::optional<HistoryFacts> HistoryFactsCache::decode(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    HistoryFacts facts;
    in >> facts.recentSubjects >> facts.scanTimes;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return facts;
}

} // namespace gatehouse::scorecard
