// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RevisionFactsCache.h"

#include "common/CacheFile.h"
#include "git/GitTypes.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>

namespace gatehouse::scorecard {

namespace {

constexpr QByteArrayView Magic("GHRF");
// Bump when what collectAtRevision gathers, the gate engine, or this encoding changes.
constexpr quint32 FormatVersion = 1;
constexpr int MaxEntries = 32;
constexpr qint64 MaxEntryBytes = qint64(64) << 20;

KeyedCacheFolder folder()
{
    return KeyedCacheFolder(CacheFile::location(QStringLiteral("revision")), Magic, FormatVersion, MaxEntries,
                            MaxEntryBytes);
}

} // namespace

static QDataStream& operator<<(QDataStream& out, const GateOutcome& g)
{
    return out << g.gate << g.factor << g.enabled << qint32(g.errors) << qint32(g.warnings) << g.firstProblem;
}

static QDataStream& operator>>(QDataStream& in, GateOutcome& g)
{
    qint32 errors = 0, warnings = 0;
    in >> g.gate >> g.factor >> g.enabled >> errors >> warnings >> g.firstProblem;
    g.errors = errors;
    g.warnings = warnings;
    return in;
}

static QDataStream& operator<<(QDataStream& out, const PipelineGateSummary& p)
{
    return out << p.path << qint32(p.enabled) << qint32(p.passing) << p.firstProblem;
}

static QDataStream& operator>>(QDataStream& in, PipelineGateSummary& p)
{
    qint32 enabled = 0, passing = 0;
    in >> p.path >> enabled >> passing >> p.firstProblem;
    p.enabled = enabled;
    p.passing = passing;
    return in;
}

QByteArray RevisionFactsCache::key(const git::ObjectId& commit)
{
    if (commit.isNull())
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(commit.raw());
    hash.addData(QCoreApplication::applicationVersion().toUtf8());
    return hash.result();
}

std::optional<ScorecardInputs> RevisionFactsCache::find(const QByteArray& key)
{
    const std::optional<QByteArray> bytes = folder().find(key);
    return bytes ? decode(*bytes) : std::nullopt;
}

bool RevisionFactsCache::store(const QByteArray& key, const ScorecardInputs& inputs)
{
    return folder().store(key, encode(inputs));
}

QString RevisionFactsCache::fileFor(const QByteArray& key)
{
    return folder().fileFor(key);
}

QByteArray RevisionFactsCache::encode(const ScorecardInputs& i)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << i.files << i.contents << qint32(i.pipelinesValidated) << i.gates << i.policyProblems << i.pipelineGates
        << i.requiredScanKinds << i.notApplicableScanKinds << i.platformScans << i.mainPipeline;
    return bytes;
}

std::optional<ScorecardInputs> RevisionFactsCache::decode(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    ScorecardInputs i;
    qint32 validated = 0;
    in >> i.files >> i.contents >> validated >> i.gates >> i.policyProblems >> i.pipelineGates >> i.requiredScanKinds
        >> i.notApplicableScanKinds >> i.platformScans >> i.mainPipeline;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    i.pipelinesValidated = validated;
    return i;
}

} // namespace gatehouse::scorecard
