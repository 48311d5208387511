// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryDiskCache.h"

#include "DeliveryCache.h"
#include "common/CacheFile.h"
#include "common/StreamCodec.h"
#include "git/ObjectIdStream.h"
#include "git/Repository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QIODevice>

namespace gatehouse::delivery {

namespace {

constexpr QByteArrayView Magic("GHDA");
// Bump when the analysis or this encoding changes: entries of another version read as misses.
constexpr quint32 FormatVersion = 1;
constexpr int MaxEntries = 16; // repositories (and revisions) kept
constexpr qint64 MaxEntryBytes = qint64(256) << 20;

KeyedCacheFolder folder()
{
    return KeyedCacheFolder(CacheFile::location(QStringLiteral("delivery")), Magic, FormatVersion, MaxEntries,
                            MaxEntryBytes);
}

using stream::optional;

bool validEnum(int value, int first, int last)
{
    return value >= first && value <= last;
}

} // namespace

static QDataStream& operator<<(QDataStream& out, const Deployment& d)
{
    return out << d.tag << d.source << d.platformId << d.platformStatus << d.commit << d.tagObject << d.annotated
               << d.environment << qint32(d.ruleSource) << d.rule << d.time << d.deployer << d.deployerEmail
               << d.message << qint32(d.index) << optional(d.previous) << d.redeploy << d.rollback << d.rollbackReason
               << d.failed << d.failedReasons << optional(d.changes) << d.leadTimesSeconds
               << qint32(d.clockSkewedChanges) << optional(d.leadTimeMedianSeconds);
}

static QDataStream& operator>>(QDataStream& in, Deployment& d)
{
    qint32 ruleSource = 0, index = 0, skewed = 0;
    in >> d.tag >> d.source >> d.platformId >> d.platformStatus >> d.commit >> d.tagObject >> d.annotated
        >> d.environment >> ruleSource >> d.rule >> d.time >> d.deployer >> d.deployerEmail >> d.message >> index
        >> optional(d.previous) >> d.redeploy >> d.rollback >> d.rollbackReason >> d.failed >> d.failedReasons
        >> optional(d.changes) >> d.leadTimesSeconds >> skewed >> optional(d.leadTimeMedianSeconds);
    if (!validEnum(ruleSource, int(RuleSource::Config), int(RuleSource::Release)))
        in.setStatus(QDataStream::ReadCorruptData);
    d.ruleSource = RuleSource(ruleSource);
    d.index = index;
    d.clockSkewedChanges = skewed;
    return in;
}

static QDataStream& operator<<(QDataStream& out, const Incident& i)
{
    return out << qint32(i.kind) << i.commit << i.documentPath << i.time << i.commitTime << i.title << i.scope
               << i.incident << i.rootCause << i.fix << i.detected << i.duration << optional(i.durationSeconds)
               << i.severity << i.deploymentRef << i.factors << i.factorNotes << i.revertedCommit << i.body
               << i.fixCommits << i.shippedIn << i.blamedDeployment << i.fixedByDeployment
               << optional(i.timeToRestoreSeconds) << i.notes;
}

static QDataStream& operator>>(QDataStream& in, Incident& i)
{
    qint32 kind = 0;
    in >> kind >> i.commit >> i.documentPath >> i.time >> i.commitTime >> i.title >> i.scope >> i.incident
        >> i.rootCause >> i.fix >> i.detected >> i.duration >> optional(i.durationSeconds) >> i.severity
        >> i.deploymentRef >> i.factors >> i.factorNotes >> i.revertedCommit >> i.body >> i.fixCommits >> i.shippedIn
        >> i.blamedDeployment >> i.fixedByDeployment >> optional(i.timeToRestoreSeconds) >> i.notes;
    if (!validEnum(kind, int(Incident::Kind::Postmortem), int(Incident::Kind::RevertUnshipped)))
        in.setStatus(QDataStream::ReadCorruptData);
    i.kind = Incident::Kind(kind);
    return in;
}

static QDataStream& operator<<(QDataStream& out, const RuleDiagnostic& d)
{
    return out << qint32(d.line) << qint32(d.column) << d.code << d.message;
}

static QDataStream& operator>>(QDataStream& in, RuleDiagnostic& d)
{
    qint32 line = 0, column = 0;
    in >> line >> column >> d.code >> d.message;
    d.line = line;
    d.column = column;
    return in;
}

static QDataStream& operator<<(QDataStream& out, const IncidentDiagnostic& d)
{
    return out << d.path << qint32(d.line) << qint32(d.column) << d.code << d.message;
}

static QDataStream& operator>>(QDataStream& in, IncidentDiagnostic& d)
{
    qint32 line = 0, column = 0;
    in >> d.path >> line >> column >> d.code >> d.message;
    d.line = line;
    d.column = column;
    return in;
}

namespace { } // namespace

QByteArray DeliveryDiskCache::stateKey(const git::Repository& repository, const QString& revision)
{
    const QByteArray delivery = DeliveryCache::stateKey(repository, revision);
    if (delivery.isEmpty())
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(delivery);
    hash.addData(QCoreApplication::applicationVersion().toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    // Every other ref too: a cache on disk outlives the process, so it rather misses once too often.
    for (const char* glob : {"refs/heads/*", "refs/remotes/*"}) {
        const Result<QList<git::RefTarget>> branches = repository.references(glob);
        if (!branches.ok())
            return {};
        for (const git::RefTarget& branch : branches.value()) {
            hash.addData(branch.name.toUtf8());
            hash.addData(branch.target.raw());
        }
    }
    for (const char* notesRef : {"refs/notes/gatehouse-scans", "refs/notes/gatehouse-runs"}) {
        const Result<git::ObjectId> notes = repository.resolve(QString::fromLatin1(notesRef));
        hash.addData(notes.ok() ? notes->raw() : QByteArray("-"));
    }
    return hash.result();
}

std::optional<DeliverySnapshot> DeliveryDiskCache::find(const QByteArray& key)
{
    const std::optional<QByteArray> bytes = folder().find(key);
    return bytes ? decode(*bytes) : std::nullopt;
}

bool DeliveryDiskCache::store(const QByteArray& key, const DeliverySnapshot& snapshot)
{
    return folder().store(key, encode(snapshot));
}

QString DeliveryDiskCache::fileFor(const QByteArray& key)
{
    return folder().fileFor(key);
}

QByteArray DeliveryDiskCache::encode(const DeliverySnapshot& s)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << s.repositoryPath << s.history.deployments << s.history.notes << s.history.environments << s.incidents
        << s.unshippedReverts << s.configDiagnostics << s.incidentDiagnostics;
    return bytes;
}

std::optional<DeliverySnapshot> DeliveryDiskCache::decode(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    DeliverySnapshot s;
    in >> s.repositoryPath >> s.history.deployments >> s.history.notes >> s.history.environments >> s.incidents
        >> s.unshippedReverts >> s.configDiagnostics >> s.incidentDiagnostics;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return s;
}

} // namespace gatehouse::delivery
