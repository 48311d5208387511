// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanHistoryCache.h"

#include "common/CacheFile.h"
#include "common/SharedResults.h"
#include "common/StreamCodec.h"
#include "git/ObjectIdStream.h"
#include "git/Repository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>

namespace gatehouse {

namespace {

constexpr QByteArrayView Magic("GHSH");
// Bump when a report reader, the history reader or this encoding changes.
constexpr quint32 FormatVersion = 1;
constexpr int MaxEntries = 16;
constexpr qint64 MaxEntryBytes = qint64(512) << 20;

/// The readings under way in this process, by key: on a first open the Overview and the Security page ask for the
/// same history at once. None is kept once read (the cache on disk is the memory of later opens).
SharedResults<ScanHistory>& readings()
{
    static SharedResults<ScanHistory> shared(0);
    return shared;
}

bool inRange(int value, int first, int last)
{
    return value >= first && value <= last;
}

} // namespace

static QDataStream& operator<<(QDataStream& out, const Finding& f)
{
    const FindingLocation& l = f.location;
    return out << f.tool << qint32(f.category) << f.rule << qint32(f.severity) << f.title << f.description << l.path
               << qint32(l.line) << l.package << l.version << l.fixedVersion << l.target << f.ids << f.fingerprint
               << f.toolFingerprint << f.triage;
}

static QDataStream& operator>>(QDataStream& in, Finding& f)
{
    FindingLocation& l = f.location;
    qint32 category = 0, severity = 0, line = 0;
    in >> f.tool >> category >> f.rule >> severity >> f.title >> f.description >> l.path >> line >> l.package
        >> l.version >> l.fixedVersion >> l.target >> f.ids >> f.fingerprint >> f.toolFingerprint >> f.triage;
    if (!inRange(category, int(FindingCategory::Sast), int(FindingCategory::Iac))
        || !inRange(severity, int(Severity::Info), int(Severity::Critical)))
        in.setStatus(QDataStream::ReadCorruptData);
    f.category = FindingCategory(category);
    f.severity = Severity(severity);
    l.line = line;
    return in;
}

static QDataStream& operator<<(QDataStream& out, const ScanReport& r)
{
    return out << r.path << r.fromNote << r.blob << qint32(r.format) << r.tool << r.findings;
}

static QDataStream& operator>>(QDataStream& in, ScanReport& r)
{
    qint32 format = 0;
    in >> r.path >> r.fromNote >> r.blob >> format >> r.tool >> r.findings;
    if (!inRange(format, int(ReportFormat::Unknown), int(ReportFormat::DependabotAlerts)))
        in.setStatus(QDataStream::ReadCorruptData);
    r.format = ReportFormat(format);
    return in;
}

static QDataStream& operator<<(QDataStream& out, const Scan& s)
{
    return out << s.commit << s.time << s.author << s.summary << s.reports;
}

static QDataStream& operator>>(QDataStream& in, Scan& s)
{
    return in >> s.commit >> s.time >> s.author >> s.summary >> s.reports;
}

static QDataStream& operator<<(QDataStream& out, const SkippedReport& s)
{
    const ReportDiagnostic& d = s.diagnostic;
    return out << s.commit << s.path << s.fromNote << d.code << d.message << d.offset << qint32(d.line)
               << qint32(d.column);
}

static QDataStream& operator>>(QDataStream& in, SkippedReport& s)
{
    ReportDiagnostic& d = s.diagnostic;
    qint32 line = 0, column = 0;
    in >> s.commit >> s.path >> s.fromNote >> d.code >> d.message >> d.offset >> line >> column;
    d.line = line;
    d.column = column;
    return in;
}

QString ScanHistoryCache::folderFor(const ScanSourceOptions& options)
{
    if (options.cacheDir == QLatin1String("-"))
        return {};
    if (options.cacheDir.isEmpty())
        return CacheFile::location(QStringLiteral("scan-history"));
    return options.cacheDir + QStringLiteral("/scan-history");
}

QByteArray ScanHistoryCache::key(const git::Repository& repository, const ScanSourceOptions& options)
{
    const Result<git::ObjectId> head = repository.resolve(options.revision);
    if (!head.ok())
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // Each part ends with a NUL so no two different splits of the same bytes give the same key.
    const auto add = [&hash](const QByteArray& part) {
        hash.addData(part);
        hash.addData(QByteArrayView("\0", 1));
    };
    add(repository.gitDir().toUtf8());
    add(QCoreApplication::applicationVersion().toUtf8());
    add(head->raw());
    add(options.notesRef.toUtf8());
    if (!options.notesRef.isEmpty()) {
        const Result<git::ObjectId> notes = repository.resolve(options.notesRef);
        add(notes.ok() ? notes->raw() : QByteArray("-"));
    }
    add(options.globs.join(QLatin1Char('\n')).toUtf8());
    add(QByteArray::number(options.maxCommits));
    add(QByteArray::number(options.limits.maxFileSize) + ' ' + QByteArray::number(options.limits.maxDepth) + ' '
        + QByteArray::number(options.limits.maxFindings));
    return hash.result();
}

Result<ScanHistory> ScanHistoryCache::read(const QString& repoPath, const ScanSourceOptions& options,
                                           ProgressSink* sink)
{
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    const KeyedCacheFolder folder(folderFor(options), Magic, FormatVersion, MaxEntries, MaxEntryBytes);
    QByteArray key;
    if (const Result<git::Repository> repository = git::Repository::open(repoPath); repository.ok())
        key = ScanHistoryCache::key(repository.value(), options);
    // Every report came from a cache (on disk, or another thread's reading of the same history).
    const auto fromCache = [](ScanHistory stored) {
        stored.cacheHits += stored.reportsParsed;
        stored.reportsParsed = 0;
        stored.treeDiffs = 0;
        return stored;
    };
    if (folder.isEnabled() && !key.isEmpty()) {
        if (const std::optional<QByteArray> bytes = folder.find(key)) {
            if (std::optional<ScanHistory> stored = decode(*bytes))
                return fromCache(std::move(*stored));
        }
    }
    bool shared = false;
    Result<ScanHistory> history = readings().get(
        key,
        [&]() -> Result<ScanHistory> {
            Result<ScanHistory> read = ScanHistoryReader::read(repoPath, options, sink);
            if (read.ok() && folder.isEnabled() && !key.isEmpty())
                folder.store(key, encode(read.value()));
            return read;
        },
        &shared);
    if (shared && history.ok())
        return fromCache(history.value());
    return history;
}

int ScanHistoryCache::waitingReaders()
{
    return readings().waiting();
}

QByteArray ScanHistoryCache::encode(const ScanHistory& h)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << h.head << h.scans << h.skipped << h.commitsWalked << h.reportsParsed << h.cacheHits << h.treeDiffs;
    return bytes;
}

std::optional<ScanHistory> ScanHistoryCache::decode(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    ScanHistory h;
    in >> h.head >> h.scans >> h.skipped >> h.commitsWalked >> h.reportsParsed >> h.cacheHits >> h.treeDiffs;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return h;
}

} // namespace gatehouse
