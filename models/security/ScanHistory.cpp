// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanHistory.h"

#include "ScanNote.h"
#include "common/CacheFile.h"
#include "git/Repository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <future>
#include <memory>
#include <optional>

namespace gatehouse {

namespace {

// Bump when a reader's output changes, so stale cached parses are not reused.
constexpr int CacheVersion = 2;

/// A parse outcome worth caching: the report or the reason it was skipped.
struct CachedParse
{
    std::optional<ParsedReport> report;
    ReportDiagnostic failure;
};
using CachedParsePtr = std::shared_ptr<const CachedParse>;

QMutex s_memoryMutex;
QHash<QString, CachedParsePtr>& memoryCache()
{
    static QHash<QString, CachedParsePtr> cache;
    return cache;
}

// The memory cache holds whole parses; past this many blobs it starts over (the disk cache still answers).
constexpr qsizetype MemoryCacheLimit = 4096;

void remember(const QString& key, const CachedParsePtr& parse)
{
    QMutexLocker lock(&s_memoryMutex);
    if (memoryCache().size() >= MemoryCacheLimit)
        memoryCache().clear();
    memoryCache().insert(key, parse);
}

/// Writes a cache file atomically (temporary file + rename) but without QSaveFile's fsync: a cache needs no
/// durability, a torn file reads as a miss, and hundreds of fsyncs made the first open of a long history slow.
void writeCacheFile(const QString& path, const QByteArray& content)
{
    const QString temporary = path + QStringLiteral(".tmp%1").arg(QCoreApplication::applicationPid());
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    const bool written = file.write(content) == content.size();
    file.close();
    if (!written || !QFile::rename(temporary, path)) {
        // rename() does not replace an existing file: drop the old one and try again.
        if (!written || !QFile::remove(path) || !QFile::rename(temporary, path))
            QFile::remove(temporary);
    }
}

QJsonObject diagnosticToJson(const ReportDiagnostic& d)
{
    return {{QStringLiteral("code"), d.code},
            {QStringLiteral("message"), d.message},
            {QStringLiteral("offset"), d.offset},
            {QStringLiteral("line"), d.line},
            {QStringLiteral("column"), d.column}};
}

ReportDiagnostic diagnosticFromJson(const QJsonObject& o)
{
    return {o.value(QStringLiteral("code")).toString(), o.value(QStringLiteral("message")).toString(),
            qint64(o.value(QStringLiteral("offset")).toDouble(-1)), o.value(QStringLiteral("line")).toInt(),
            o.value(QStringLiteral("column")).toInt()};
}

QJsonObject findingToCacheJson(const Finding& f)
{
    QJsonObject o = f.toJson();
    if (!f.description.isEmpty())
        o.insert(QStringLiteral("description"), f.description);
    o.insert(QStringLiteral("tool_fingerprint"), f.toolFingerprint);
    return o;
}

std::optional<Finding> findingFromCacheJson(const QJsonObject& o)
{
    Finding f;
    f.tool = o.value(QStringLiteral("tool")).toString();
    const auto category = categoryFromName(o.value(QStringLiteral("category")).toString());
    const auto severity = severityFromName(o.value(QStringLiteral("severity")).toString());
    if (!category || !severity)
        return std::nullopt;
    f.category = *category;
    f.severity = *severity;
    f.rule = o.value(QStringLiteral("rule")).toString();
    f.title = o.value(QStringLiteral("title")).toString();
    f.description = o.value(QStringLiteral("description")).toString();
    const QJsonObject loc = o.value(QStringLiteral("location")).toObject();
    f.location.path = loc.value(QStringLiteral("path")).toString();
    f.location.line = loc.value(QStringLiteral("line")).toInt();
    f.location.package = loc.value(QStringLiteral("package")).toString();
    f.location.version = loc.value(QStringLiteral("version")).toString();
    f.location.fixedVersion = loc.value(QStringLiteral("fixed_version")).toString();
    f.location.target = loc.value(QStringLiteral("target")).toString();
    for (const QJsonValue& id : o.value(QStringLiteral("ids")).toArray())
        f.ids << id.toString();
    f.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
    f.toolFingerprint = o.value(QStringLiteral("tool_fingerprint")).toBool();
    f.triage = o.value(QStringLiteral("triage")).toString();
    return f;
}

/// The on-disk cache: one JSON file per blob, written atomically; unreadable entries count as misses.
class DiskCache
{
public:
    explicit DiskCache(QString dir)
        : m_dir(std::move(dir))
    { }
    bool enabled() const { return !m_dir.isEmpty(); }

    QString fileFor(const QString& key) const
    {
        return QStringLiteral("%1/v%2/%3/%4.json").arg(m_dir).arg(CacheVersion).arg(key.left(2), key.mid(2));
    }

    CachedParsePtr load(const QString& key) const
    {
        if (!enabled())
            return nullptr;
        QFile file(fileFor(key));
        if (!file.open(QIODevice::ReadOnly))
            return nullptr;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        if (root.value(QStringLiteral("version")).toInt() != CacheVersion)
            return nullptr;
        auto parse = std::make_shared<CachedParse>();
        if (root.contains(QStringLiteral("error"))) {
            parse->failure = diagnosticFromJson(root.value(QStringLiteral("error")).toObject());
            return parse;
        }
        ParsedReport report;
        const QString format = root.value(QStringLiteral("format")).toString();
        for (ReportFormat f : {ReportFormat::Sarif, ReportFormat::Semgrep, ReportFormat::Trivy, ReportFormat::Gitleaks,
                               ReportFormat::Grype, ReportFormat::PipAudit, ReportFormat::Safety, ReportFormat::Zap,
                               ReportFormat::Bandit, ReportFormat::NpmAudit, ReportFormat::OsvScanner}) {
            if (reportFormatName(f) == format)
                report.format = f;
        }
        if (report.format == ReportFormat::Unknown)
            return nullptr;
        report.tool = root.value(QStringLiteral("tool")).toString();
        report.size = qint64(root.value(QStringLiteral("size")).toDouble());
        for (const QJsonValue& v : root.value(QStringLiteral("findings")).toArray()) {
            auto finding = findingFromCacheJson(v.toObject());
            if (!finding)
                return nullptr;
            report.findings << *finding;
        }
        for (const QJsonValue& v : root.value(QStringLiteral("warnings")).toArray())
            report.warnings << diagnosticFromJson(v.toObject());
        parse->report = std::move(report);
        return parse;
    }

    void store(const QString& key, const CachedParse& parse) const
    {
        if (!enabled())
            return;
        QJsonObject root{{QStringLiteral("version"), CacheVersion}};
        if (parse.report) {
            root.insert(QStringLiteral("format"), reportFormatName(parse.report->format));
            root.insert(QStringLiteral("tool"), parse.report->tool);
            root.insert(QStringLiteral("size"), parse.report->size);
            QJsonArray findings;
            for (const Finding& f : parse.report->findings)
                findings.append(findingToCacheJson(f));
            root.insert(QStringLiteral("findings"), findings);
            QJsonArray warnings;
            for (const ReportDiagnostic& w : parse.report->warnings)
                warnings.append(diagnosticToJson(w));
            root.insert(QStringLiteral("warnings"), warnings);
        } else {
            root.insert(QStringLiteral("error"), diagnosticToJson(parse.failure));
        }
        const QString path = fileFor(key);
        const QString dir = QFileInfo(path).absolutePath();
        if (!m_createdDirs.contains(dir)) {
            if (!QDir().mkpath(dir))
                return;
            m_createdDirs.insert(dir);
        }
        // A cache that cannot be written only costs time on the next open.
        writeCacheFile(path, QJsonDocument(root).toJson(QJsonDocument::Compact));
    }

private:
    QString m_dir;
    mutable QSet<QString> m_createdDirs; // spares a mkpath per stored blob
};

/// Which matching report files each commit added or changed, for one repository and one set of globs: a commit's
/// diff against its first parent never changes, so reopening the repository skips the tree diffs.
///
/// Compact for long histories: the ids of every diffed commit are one raw binary file (20 bytes each), and the JSON
/// lists only the commits that changed reports. A 50,000-commit history is 1 MB of ids and a few hundred entries,
/// read in milliseconds (one JSON key per commit made building and parsing the file the slowest part of a reopen).
class WalkCache
{
public:
    using Entries = QList<QPair<QString, QString>>; // path, blob

    WalkCache(const QString& cacheDir, const QString& gitDir, const QStringList& globs)
    {
        if (cacheDir.isEmpty())
            return;
        const QByteArray key
            = QCryptographicHash::hash((gitDir + QLatin1Char('\n') + globs.join(QLatin1Char('\n'))).toUtf8(),
                                       QCryptographicHash::Sha1)
                  .toHex();
        m_file
            = QStringLiteral("%1/walks/v%2/%3.json").arg(cacheDir).arg(WalkCacheVersion).arg(QString::fromLatin1(key));
        QFile file(m_file);
        QFile known(knownFile());
        if (!file.open(QIODevice::ReadOnly) || !known.open(QIODevice::ReadOnly))
            return;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QByteArray ids = known.readAll();
        // Both halves or nothing: a damaged file must not pass for "no reports in these commits".
        if (root.value(QStringLiteral("version")).toInt() != WalkCacheVersion || ids.size() % IdSize != 0
            || root.value(QStringLiteral("known")).toInteger() != ids.size() / IdSize)
            return;
        const QJsonObject commits = root.value(QStringLiteral("commits")).toObject();
        for (auto it = commits.begin(); it != commits.end(); ++it) {
            Entries entries;
            for (const QJsonValue& pair : it.value().toArray())
                entries.append({pair.toArray().at(0).toString(), pair.toArray().at(1).toString()});
            m_entries.insert(git::ObjectId::fromHex(it.key()), entries);
        }
        m_known.reserve(ids.size() / IdSize);
        for (qsizetype offset = 0; offset < ids.size(); offset += IdSize)
            m_known.insert(git::ObjectId::fromRaw(ids.mid(offset, IdSize)));
    }

    /// The reports a commit changed when it was diffed before (usually none), or nullopt when it was not.
    std::optional<Entries> find(const git::ObjectId& commit) const
    {
        if (!m_known.contains(commit))
            return std::nullopt;
        return m_entries.value(commit);
    }

    void insert(const git::ObjectId& commit, const Entries& entries)
    {
        if (m_file.isEmpty())
            return;
        if (!entries.isEmpty())
            m_entries.insert(commit, entries);
        m_known.insert(commit);
        m_dirty = true;
    }

    void save()
    {
        if (!m_dirty || !QDir().mkpath(QFileInfo(m_file).absolutePath()))
            return;
        QJsonObject commits;
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            QJsonArray pairs;
            for (const auto& [path, blob] : *it)
                pairs.append(QJsonArray{path, blob});
            commits.insert(it.key().toString(), pairs);
        }
        QByteArray ids;
        ids.reserve(m_known.size() * IdSize);
        for (const git::ObjectId& id : std::as_const(m_known))
            ids += id.raw();
        writeCacheFile(knownFile(), ids);
        writeCacheFile(m_file,
                       QJsonDocument(QJsonObject{{QStringLiteral("version"), WalkCacheVersion},
                                                 {QStringLiteral("known"), qint64(m_known.size())},
                                                 {QStringLiteral("commits"), commits}})
                           .toJson(QJsonDocument::Compact));
        m_dirty = false;
    }

private:
    static constexpr int WalkCacheVersion = 2;
    static constexpr qsizetype IdSize = 20;
    QString knownFile() const { return m_file.chopped(5) + QStringLiteral(".known"); }

    QString m_file;
    QHash<git::ObjectId, Entries> m_entries;
    QSet<git::ObjectId> m_known;
    bool m_dirty = false;
};

QRegularExpression globRegex(const QString& glob)
{
    QString re;
    const QString g = glob.contains(QLatin1Char('/')) ? glob : QStringLiteral("**/") + glob;
    for (qsizetype i = 0; i < g.size(); ++i) {
        const QChar c = g.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < g.size() && g.at(i + 1) == QLatin1Char('*')) {
                ++i;
                if (i + 1 < g.size() && g.at(i + 1) == QLatin1Char('/')) {
                    ++i;
                    re += QStringLiteral("(?:.*/)?");
                } else {
                    re += QStringLiteral(".*");
                }
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(re));
}

/// The directory a glob is confined to ("reports/**" → "reports"), or empty when it can match anywhere.
QString staticPrefix(const QString& glob)
{
    if (!glob.contains(QLatin1Char('/')))
        return {};
    const qsizetype wild = glob.indexOf(QRegularExpression(QStringLiteral("[*?\\[]")));
    const QString literal = wild < 0 ? glob : glob.left(wild);
    const qsizetype slash = literal.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QString() : literal.left(slash);
}

struct ParseContext
{
    const ScanSourceOptions& options;
    ProgressSink* sink; // its cancel flag also stops a long parse
    DiskCache disk;
    ScanHistory& history;
    QHash<QString, CachedParsePtr> seenThisRun;
};

CachedParsePtr parseContent(const Result<QByteArray>& content, const QString& name, const ReportLimits& limits,
                            ProgressSink* sink)
{
    auto fresh = std::make_shared<CachedParse>();
    if (!content) {
        fresh->failure = {content.error().code == QLatin1String("io.too-large") ? QStringLiteral("report.too-large")
                                                                                : QStringLiteral("report.unreadable"),
                          content.error().toString()};
    } else {
        auto report = ReportReader::readData(*content, name, limits, sink, &fresh->failure);
        if (report)
            fresh->report = std::move(report).value();
    }
    return fresh;
}

/// A report parsed in this run: counted, kept on disk and in memory.
void keepParsed(ParseContext& context, const QString& key, const CachedParsePtr& parse)
{
    ++context.history.reportsParsed;
    // Cancellation is not a property of the blob: never cache it.
    if (parse->failure.code != QLatin1String("report.cancelled"))
        context.disk.store(key, *parse);
    remember(key, parse);
    context.seenThisRun.insert(key, parse);
}

CachedParsePtr parseCached(ParseContext& context, const QString& key, const QString& name,
                           const std::function<Result<QByteArray>()>& readContent)
{
    if (auto it = context.seenThisRun.constFind(key); it != context.seenThisRun.cend())
        return *it;
    CachedParsePtr parse;
    {
        QMutexLocker lock(&s_memoryMutex);
        parse = memoryCache().value(key);
    }
    if (!parse) {
        parse = context.disk.load(key);
        if (parse)
            remember(key, parse);
    }
    if (parse) {
        ++context.history.cacheHits;
        context.seenThisRun.insert(key, parse);
        return parse;
    }
    parse = parseContent(readContent(), name, context.options.limits, context.sink);
    keepParsed(context, key, parse);
    return parse;
}

/// Parses, side by side on one thread per core, the committed reports (path, blob id) that no cache knows, so
/// that the history loop finds them parsed; it still reads the cached ones itself (and counts them as hits).
/// Each thread reads blobs through its own repository. Nothing is parsed ahead of a single report.
void parseAhead(ParseContext& context, const QString& repoPath, const QList<QPair<QString, QString>>& reports)
{
    QList<QPair<QString, QString>> jobs; // blob id, path
    QSet<QString> queued;
    for (const auto& [path, key] : reports) {
        if (queued.contains(key) || context.seenThisRun.contains(key))
            continue;
        queued.insert(key);
        {
            QMutexLocker lock(&s_memoryMutex);
            if (memoryCache().contains(key))
                continue;
        }
        if (context.disk.enabled() && QFileInfo::exists(context.disk.fileFor(key)))
            continue;
        jobs.append({key, path});
    }
    const int threads = int(std::min<qsizetype>(jobs.size(), std::max(1, QThread::idealThreadCount())));
    if (threads < 2)
        return;
    std::vector<CachedParsePtr> parsed(size_t(jobs.size()));
    std::atomic<qsizetype> next{0};
    const ReportLimits& limits = context.options.limits;
    ProgressSink* sink = context.sink;
    auto work = [&] {
        auto repo = git::Repository::open(repoPath);
        if (!repo)
            return; // the history loop reads them itself and reports the problem
        for (qsizetype i = next++; i < jobs.size(); i = next++) {
            if (sink && sink->isCancelled())
                return;
            const auto& [key, path] = jobs.at(i);
            parsed[size_t(i)]
                = parseContent(repo->readBlob(git::ObjectId::fromHex(key), limits.maxFileSize), path, limits, sink);
        }
    };
    std::vector<std::future<void>> helpers;
    for (int t = 1; t < threads; ++t)
        helpers.push_back(std::async(std::launch::async, work));
    work();
    for (auto& helper : helpers)
        helper.get();
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (parsed[size_t(i)])
            keepParsed(context, jobs.at(i).first, parsed[size_t(i)]);
    }
}

void addParse(Scan& scan, ScanHistory& history, const CachedParsePtr& parse, const QString& path, bool fromNote,
              const QString& blob)
{
    if (!parse->report) {
        history.skipped << SkippedReport{scan.commit, path, fromNote, parse->failure};
        return;
    }
    ScanReport report;
    report.path = path;
    report.fromNote = fromNote;
    report.blob = blob;
    report.format = parse->report->format;
    report.tool = parse->report->tool;
    report.findings = parse->report->findings;
    scan.reports << report;
}

struct DiffTask
{
    qsizetype index = 0;
    git::ObjectId from; ///< the parent's tree (or the parent commit when its tree is not known; null: none)
    git::ObjectId to; ///< the commit's tree
};

// Commits per chunk: each chunk opens its own repository, so libgit2's object cache (trees of neighbouring
// commits, which share most subtrees) is dropped between chunks and the peak memory stays bounded.
constexpr qsizetype DiffChunk = 4000;

/// The report files each task's commit changed against its first parent. Chunks run on a local pool, one thread
/// per core, each with its own git_repository (handles are not shared between threads).
Result<QList<QPair<qsizetype, WalkCache::Entries>>>
diffInParallel(const QString& repoPath, const QList<DiffTask>& tasks, const QStringList& prefixes,
               const QList<QRegularExpression>& globs, ProgressSink* sink)
{
    using Chunk = QList<QPair<qsizetype, WalkCache::Entries>>;
    QList<QPair<qsizetype, qsizetype>> ranges;
    for (qsizetype first = 0; first < tasks.size(); first += DiffChunk)
        ranges.append({first, std::min(tasks.size(), first + DiffChunk)});
    std::atomic<qint64> done{0};
    auto diffRange = [&](const QPair<qsizetype, qsizetype>& range) -> Result<Chunk> {
        auto repo = git::Repository::open(repoPath);
        if (!repo)
            return repo.error();
        Chunk chunk;
        for (qsizetype i = range.first; i < range.second; ++i) {
            if (sink && sink->isCancelled())
                return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
            const DiffTask& task = tasks.at(i);
            auto changed = repo->changedFiles(task.from, task.to, prefixes);
            if (!changed)
                return changed.error();
            WalkCache::Entries reports;
            for (const git::TreeEntry& entry : std::as_const(*changed)) {
                const bool matches = std::any_of(globs.cbegin(), globs.cend(), [&entry](const QRegularExpression& re) {
                    return re.match(entry.path).hasMatch();
                });
                if (matches)
                    reports.append({entry.path, entry.blob.toString()});
            }
            chunk.append({task.index, reports});
            if (sink)
                sink->report(++done, tasks.size(), QStringLiteral("Comparing trees"));
        }
        return chunk;
    };
    QList<Result<Chunk>> results;
    if (ranges.size() <= 1) {
        for (const auto& range : std::as_const(ranges))
            results.append(diffRange(range));
    } else {
        QThreadPool pool; // local: the caller may itself be a global-pool worker
        pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
        results = QtConcurrent::blockingMapped<QList<Result<Chunk>>>(&pool, ranges, diffRange);
    }
    Chunk all;
    all.reserve(tasks.size());
    for (Result<Chunk>& result : results) {
        if (!result)
            return result.error();
        all += std::move(*result);
    }
    return all;
}

} // namespace

QStringList ScanSourceOptions::defaultGlobs()
{
    return {QStringLiteral("reports/**"), QStringLiteral("**/*.sarif"), QStringLiteral("gl-*-report.json")};
}

QString ScanSourceOptions::defaultNotesRef()
{
    return QStringLiteral("refs/notes/gatehouse-scans");
}

bool ScanHistoryReader::matchesGlob(const QString& glob, const QString& path)
{
    return globRegex(glob).match(path).hasMatch();
}

QString ScanHistoryReader::defaultCacheDir()
{
    return CacheFile::location(QStringLiteral("reports"));
}

void ScanHistoryReader::clearMemoryCache()
{
    QMutexLocker lock(&s_memoryMutex);
    memoryCache().clear();
}

Result<ScanHistory> ScanHistoryReader::read(const QString& repoPath, const ScanSourceOptions& options,
                                            ProgressSink* sink)
{
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    auto head = repo->resolve(options.revision);
    if (!head)
        return head.error();

    ScanHistory history;
    history.head = *head;

    // Notes are looked up per walked commit; the note list tells which commits have one.
    QHash<git::ObjectId, git::ObjectId> noteBlobs;
    if (!options.notesRef.isEmpty()) {
        auto notes = repo->notes(options.notesRef);
        // A missing notes ref is the normal case: no scans archived in notes.
        if (notes) {
            for (const git::NoteEntry& n : *notes)
                noteBlobs.insert(n.annotated, n.blob);
        }
    }

    QList<QRegularExpression> globs;
    QStringList prefixes;
    bool anywhere = false;
    for (const QString& glob : options.globs) {
        globs << globRegex(glob);
        const QString prefix = staticPrefix(glob);
        if (prefix.isEmpty())
            anywhere = true;
        else
            prefixes << prefix;
    }
    if (anywhere)
        prefixes.clear();

    // The commits that may hold a scan, newest first, and whether each may have changed a report. When every glob
    // lies in a folder, only the commits that change those folders (their entries' ids differ from the first
    // parent's) and the commits with notes are read; otherwise every first-parent commit, compared tree by tree.
    QList<git::CommitInfo> commits;
    std::vector<bool> mayChange;
    if (options.pathLimitedWalk && !prefixes.isEmpty()) {
        const QSet<git::ObjectId> noted(noteBlobs.keyBegin(), noteBlobs.keyEnd());
        auto walked = repo->walkFirstParentPaths(
            head->toString(), prefixes, options.maxCommits, noted,
            [&](const git::CommitInfo& commit, bool touches) {
                commits.append(commit);
                mayChange.push_back(touches);
                return true;
            },
            sink);
        if (!walked)
            return walked.error();
        history.commitsWalked = *walked;
    } else {
        // Every first-parent commit is compared tree by tree; only those that hold a scan are decoded (below).
        auto all = repo->firstParentChain(head->toString(), options.maxCommits, sink);
        if (!all)
            return all.error();
        commits = std::move(*all);
        mayChange.assign(size_t(commits.size()), true);
        history.commitsWalked = commits.size();
    }

    const QString diskDir = options.cacheDir == QLatin1String("-") ? QString()
        : options.cacheDir.isEmpty()                               ? defaultCacheDir()
                                                                   : options.cacheDir;
    ParseContext context{options, sink, DiskCache(diskDir), history, {}};
    WalkCache walkCache(diskDir, repo->gitDir(), options.globs);

    // The tree comparisons of the commits the walk cache does not know, in parallel.
    std::vector<std::optional<WalkCache::Entries>> diffed(size_t(commits.size()));
    if (!globs.isEmpty()) {
        QList<DiffTask> tasks;
        for (qsizetype index = 0; index < commits.size(); ++index) {
            const git::CommitInfo& commit = commits.at(index);
            if (!mayChange[size_t(index)] || walkCache.find(commit.id))
                continue;
            // First-parent walk: the next commit listed is usually the parent, whose tree is known already.
            const git::ObjectId parent = commit.parents.value(0);
            const bool listed = index + 1 < commits.size() && commits.at(index + 1).id == parent;
            tasks.append({index, listed ? commits.at(index + 1).tree : parent, commit.tree});
        }
        auto outcome = diffInParallel(repoPath, tasks, prefixes, globs, sink);
        if (!outcome)
            return outcome.error();
        for (auto& [index, entries] : *outcome)
            diffed[size_t(index)] = std::move(entries);
        history.treeDiffs += tasks.size();
    }

    if (!globs.isEmpty()) {
        QList<QPair<QString, QString>> committed;
        for (qsizetype index = commits.size() - 1; index >= 0; --index) {
            if (!mayChange[size_t(index)])
                continue;
            if (const auto& fresh = diffed[size_t(index)])
                committed += *fresh;
            else if (const auto cached = walkCache.find(commits.at(index).id))
                committed += *cached;
        }
        parseAhead(context, repoPath, committed);
    }

    const qint64 total = commits.size();
    qint64 done = 0;

    // Oldest first, so scans come out in history order.
    for (qsizetype index = commits.size() - 1; index >= 0; --index) {
        const git::CommitInfo& commit = commits.at(index);
        if (sink) {
            if (sink->isCancelled())
                return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
            sink->report(++done, total, QStringLiteral("Reading scans"));
        }
        Scan scan;
        scan.commit = commit.id;

        if (!globs.isEmpty() && mayChange[size_t(index)]) {
            WalkCache::Entries reports;
            if (auto& fresh = diffed[size_t(index)]) {
                reports = std::move(*fresh);
                walkCache.insert(commit.id, reports);
            } else if (auto cached = walkCache.find(commit.id)) {
                reports = std::move(*cached);
            }
            for (const auto& [path, blobId] : std::as_const(reports)) {
                const git::ObjectId blob = git::ObjectId::fromHex(blobId);
                const auto parse = parseCached(context, blobId, path, [&repo, &blob, &options] {
                    return repo->readBlob(blob, options.limits.maxFileSize);
                });
                addParse(scan, history, parse, path, false, blobId);
            }
        }

        if (const auto note = noteBlobs.constFind(commit.id); note != noteBlobs.cend()) {
            auto content = repo->readBlob(*note, options.limits.maxFileSize);
            auto reports = content ? ScanNote::unpack(*content) : Result<QList<NoteReport>>(content.error());
            if (!reports) {
                history.skipped << SkippedReport{
                    commit.id, options.notesRef, true, {reports.error().code, reports.error().toString()}};
            } else {
                for (const NoteReport& r : *reports) {
                    // A bundle's reports share the note's blob; their own hash is the cache key.
                    const QString key = QString::fromLatin1(
                        QCryptographicHash::hash(
                            QByteArray("blob " + QByteArray::number(r.content.size()) + '\0' + r.content),
                            QCryptographicHash::Sha1)
                            .toHex());
                    const auto parse
                        = parseCached(context, key, r.path, [&r] { return Result<QByteArray>(r.content); });
                    addParse(scan, history, parse, r.path, true, key);
                }
            }
        }
        // A parse stopped by the cancel flag must not pass for a skipped report.
        if (sink && sink->isCancelled())
            return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
        if (!scan.reports.isEmpty()) {
            // A commit of the raw chain carries only its id and tree: decoded now that it holds a scan.
            const git::CommitInfo decoded
                = commit.committer.time.isValid() ? commit : repo->commit(commit.id).valueOr(commit);
            scan.time = decoded.committer.time.toUTC();
            scan.author = decoded.author.name;
            scan.summary = decoded.summary;
            history.scans << scan;
        }
    }
    walkCache.save();
    return history;
}

} // namespace gatehouse
