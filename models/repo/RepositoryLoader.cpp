// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryLoader.h"

#include "SnapshotDelivery.h"
#include "classify/RepositoryClassifier.h"
#include "delivery/DeliveryAnalysis.h"
#include "git/Repository.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace gatehouse {

namespace {

// Overall progress is split into fixed stages so the bar moves forward monotonically.
struct Stages
{
    ProgressSink* sink;
    void report(int from, int to, qint64 done, qint64 total, const QString& stage) const
    {
        if (!sink)
            return;
        const qint64 span = to - from;
        const qint64 value = from + (total > 0 ? qMin<qint64>(span, done * span / total) : 0);
        sink->report(value, 1000, stage);
    }
    bool cancelled() const { return sink && sink->isCancelled(); }
};

Error cancelledError()
{
    return makeError(QStringLiteral("cancelled"), QStringLiteral("Loading was cancelled."));
}

QDate weekStartOf(const QDateTime& time)
{
    const QDate date = time.toUTC().date();
    return date.addDays(1 - date.dayOfWeek());
}

// `include:` entries of a .gitlab-ci.yml that name local files: strings that are not URLs, and `local:` keys.
QStringList localIncludes(const QByteArray& yaml, QString* problem)
{
    QStringList result;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap() || !root["include"])
            return result;
        const YAML::Node include = root["include"];
        auto take = [&result](const YAML::Node& node) {
            if (node.IsScalar()) {
                const QString value = QString::fromStdString(node.as<std::string>());
                if (!value.contains(QLatin1String("://")))
                    result.append(value);
            } else if (node.IsMap() && node["local"] && node["local"].IsScalar()) {
                result.append(QString::fromStdString(node["local"].as<std::string>()));
            }
        };
        if (include.IsSequence()) {
            for (const YAML::Node& node : include)
                take(node);
        } else {
            take(include);
        }
    } catch (const YAML::Exception& e) {
        *problem = QStringLiteral(".gitlab-ci.yml could not be read for includes (line %1, column %2): %3")
                       .arg(e.mark.line + 1)
                       .arg(e.mark.column + 1)
                       .arg(QString::fromStdString(e.msg));
    }
    for (QString& path : result) {
        path = path.trimmed();
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
    }
    result.removeAll(QString());
    return result;
}

QString firstLine(const QByteArray& text)
{
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return trimmed.left(200);
    }
    return {};
}

// A one-line description of a scan note: scanner reports (often whole JSON documents) get their tool and the
// number of results, anything else its first line.
QString describeNote(const QByteArray& text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return firstLine(text);
    if (document.isArray()) {
        const QJsonArray array = document.array();
        if (!array.isEmpty() && array.first().toObject().contains(QLatin1String("RuleID")))
            return QStringLiteral("gitleaks report: %1 leaks").arg(array.size());
        return QStringLiteral("JSON list of %1 entries").arg(array.size());
    }
    const QJsonObject object = document.object();
    if (object.contains(QLatin1String("runs"))) {
        qsizetype results = 0;
        QString tool;
        const QJsonArray runs = object.value(QLatin1String("runs")).toArray();
        for (const QJsonValue& run : runs) {
            results += run.toObject().value(QLatin1String("results")).toArray().size();
            if (tool.isEmpty())
                tool = run[QLatin1String("tool")][QLatin1String("driver")][QLatin1String("name")].toString();
        }
        return QStringLiteral("SARIF report%1: %2 results")
            .arg(tool.isEmpty() ? QString() : QString(QStringLiteral(" from ") + tool))
            .arg(results);
    }
    if (object.contains(QLatin1String("Results")) && object.contains(QLatin1String("SchemaVersion"))) {
        qsizetype vulnerabilities = 0;
        const QJsonArray results = object.value(QLatin1String("Results")).toArray();
        for (const QJsonValue& result : results)
            vulnerabilities += result.toObject().value(QLatin1String("Vulnerabilities")).toArray().size()
                + result.toObject().value(QLatin1String("Misconfigurations")).toArray().size();
        return QStringLiteral("trivy report: %1 findings").arg(vulnerabilities);
    }
    if (object.contains(QLatin1String("results")) && object.value(QLatin1String("results")).isArray())
        return QStringLiteral("semgrep report: %1 results")
            .arg(object.value(QLatin1String("results")).toArray().size());
    QStringList keys = object.keys();
    return QStringLiteral("JSON object (%1)").arg(keys.mid(0, 4).join(QStringLiteral(", ")));
}

struct CommitFacts
{
    QString summary;
    QString author;
    QString committer;
    QDateTime authorTime;
    QDateTime committerTime;
    git::ObjectId firstParent;
    git::ObjectId tree;
};

} // namespace

Result<RepositorySnapshot> loadRepositorySnapshot(const QString& path, const QString& revision, ProgressSink* sink,
                                                  const std::function<void(const RepositorySnapshot&)>& onPartial)
{
    const Stages stages{sink};
    stages.report(0, 10, 0, 1, QStringLiteral("Opening repository"));
    if (!QFileInfo::exists(path))
        return makeError(QStringLiteral("repo.open-failed"),
                         QStringLiteral("Cannot open a git repository at %1: it does not exist.").arg(path));
    auto opened = git::Repository::open(path);
    if (!opened)
        return makeError(QStringLiteral("repo.open-failed"),
                         QStringLiteral("Cannot open a git repository at %1: %2").arg(path, opened.error().message));
    const git::Repository repo = opened.value();
    // isEmpty() alone misses an unborn HEAD on a branch other than init.defaultBranch.
    const auto headInfo = repo.head();
    if (repo.isEmpty() || (headInfo.ok() && headInfo->unborn))
        return makeError(QStringLiteral("repo.empty"),
                         QStringLiteral("The repository at %1 has no commits yet. Commit something first.")
                             .arg(repo.workDir().isEmpty() ? repo.gitDir() : repo.workDir()));

    RepositorySnapshot snap;
    snap.gitDir = repo.gitDir();
    snap.path = repo.isBare() ? repo.gitDir() : repo.workDir();
    if (snap.path.size() > 1 && snap.path.endsWith(QLatin1Char('/')))
        snap.path.chop(1);
    snap.displayName = repo.displayName();
    snap.revision = revision;
    snap.bare = repo.isBare();
    snap.workTree = revision.isEmpty() && !repo.isBare();
    if (headInfo)
        snap.head = headInfo.value();
    else
        snap.warnings.append(QStringLiteral("HEAD could not be read: ") + headInfo.error().message);

    const QString start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    auto resolved = repo.resolve(start);
    if (!resolved)
        return makeError(
            QStringLiteral("repo.bad-revision"),
            QStringLiteral("'%1' is not a revision of %2: %3").arg(start, snap.displayName, resolved.error().message));
    snap.commit = resolved.value();
    if (auto info = repo.commit(snap.commit)) {
        snap.commitSummary = info->summary;
        snap.commitTime = info->committer.time;
    } else {
        return info.error();
    }

    // --- Refs
    stages.report(10, 50, 0, 1, QStringLiteral("Reading branches and tags"));
    if (auto branches = repo.branches(true))
        snap.branches = branches.value();
    else
        snap.warnings.append(QStringLiteral("Branches could not be read: ") + branches.error().message);
    if (auto tags = repo.tags())
        snap.tags = tags.value();
    else
        snap.warnings.append(QStringLiteral("Tags could not be read: ") + tags.error().message);
    if (stages.cancelled())
        return cancelledError();

    // --- Files
    stages.report(50, 150, 0, 1, QStringLiteral("Listing files"));
    QStringList files;
    QHash<QString, qint64> sizes;
    if (snap.workTree) {
        auto listed = repo.listWorkTreeFiles();
        if (!listed)
            return listed.error();
        files = listed.value();
    } else {
        auto listed = repo.listFiles(snap.commit);
        if (!listed)
            return listed.error();
        for (const git::TreeEntry& entry : listed.value()) {
            files.append(entry.path);
            sizes.insert(entry.path, entry.size);
        }
    }
    snap.fileCount = int(files.size());
    const QString workDir = repo.workDir();
    auto sizeOf = [&](const QString& file) -> qint64 {
        if (!snap.workTree)
            return sizes.value(file);
        return QFileInfo(workDir + file).size();
    };
    auto readText = [&](const QString& file) -> Result<QByteArray> {
        return snap.workTree ? repo.readWorkTreeFile(file, 1 << 20) : repo.readFile(snap.commit, file, 1 << 20);
    };

    const QSet<QString> fileSet(files.cbegin(), files.cend());
    for (const QString& file : std::as_const(files)) {
        if (const auto kind = classify::pipelineKind(file))
            snap.pipelineFiles.append({file, *kind, sizeOf(file)});
        if (classify::isReportPath(file)) {
            ReportFile report;
            report.path = file;
            report.tool = classify::reportTool(file);
            report.format = classify::reportFormat(file);
            report.size = sizeOf(file);
            snap.reportFiles.append(report);
        }
    }
    if (fileSet.contains(QStringLiteral(".gitlab-ci.yml"))) {
        if (auto text = readText(QStringLiteral(".gitlab-ci.yml"))) {
            QString problem;
            const QStringList includes = localIncludes(text.value(), &problem);
            if (!problem.isEmpty())
                snap.warnings.append(problem);
            for (const QString& include : includes) {
                // Wildcard includes (`ci/*.yml`) match files of one folder level, as GitLab does.
                const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(include));
                bool found = false;
                for (const QString& file : std::as_const(files)) {
                    const bool match
                        = include.contains(QLatin1Char('*')) ? pattern.match(file).hasMatch() : file == include;
                    if (!match)
                        continue;
                    found = true;
                    const bool known = std::any_of(snap.pipelineFiles.cbegin(), snap.pipelineFiles.cend(),
                                                   [&file](const PipelineFile& p) { return p.path == file; });
                    if (!known)
                        snap.pipelineFiles.append({file, PipelineFile::Kind::GitLabInclude, sizeOf(file)});
                }
                if (!found)
                    snap.warnings.append(
                        QStringLiteral(".gitlab-ci.yml includes %1, which does not exist").arg(include));
            }
        } else {
            snap.warnings.append(QStringLiteral(".gitlab-ci.yml could not be read: ") + text.error().message);
        }
    }
    std::sort(snap.pipelineFiles.begin(), snap.pipelineFiles.end(),
              [](const PipelineFile& a, const PipelineFile& b) { return a.path < b.path; });
    std::sort(snap.reportFiles.begin(), snap.reportFiles.end(),
              [](const ReportFile& a, const ReportFile& b) { return a.path < b.path; });
    if (stages.cancelled())
        return cancelledError();
    if (onPartial) {
        RepositorySnapshot partial = snap;
        partial.partial = true;
        onPartial(partial);
    }

    // --- History
    const QDate lastWeek = weekStartOf(snap.commitTime);
    const QDate firstWeek = lastWeek.addDays(-7 * (RepositorySnapshot::kActivityWeeks - 1));
    QList<QSet<QString>> weekAuthors(RepositorySnapshot::kActivityWeeks);
    snap.weeks.resize(RepositorySnapshot::kActivityWeeks);
    for (int i = 0; i < RepositorySnapshot::kActivityWeeks; ++i)
        snap.weeks[i].weekStart = firstWeek.addDays(7 * i);
    QHash<QString, Contributor> contributors;
    QList<CommitFacts> scanCandidates;
    QList<git::ObjectId> scanIds;

    // The delivery analysis needs the same commits (incident messages, the commit graph): it gets them from this walk
    // instead of reading history a second time.
    delivery::WalkedHistory walkedHistory(snap.commit);

    git::LogOptions options;
    options.start = snap.commit.toString();
    options.maxCount = RepositorySnapshot::kMaxHistory;
    bool cancelled = false;
    const Status walked = repo.walk(options, [&](const git::CommitInfo& commit) {
        if (stages.cancelled()) {
            cancelled = true;
            return false;
        }
        ++snap.commitsWalked;
        // The total is unknown up front: approach the stage's end asymptotically.
        stages.report(150, 700, snap.commitsWalked, snap.commitsWalked + 2000, QStringLiteral("Reading history"));
        const QString author = commit.author.name;
        if (snap.recentCommits.size() < RepositorySnapshot::kRecentCommits)
            snap.recentCommits.append({commit.id, commit.summary, author, commit.author.email, commit.author.time,
                                       int(commit.parents.size())});
        const QString key = commit.author.email.toLower();
        auto it = contributors.find(key);
        if (it == contributors.end()) {
            // Newest first: the first time an e-mail is seen carries its most recent name.
            it = contributors.insert(key, {author, commit.author.email, 0, commit.author.time, commit.author.time});
        }
        ++it->commits;
        it->first = qMin(it->first, commit.author.time);
        it->last = qMax(it->last, commit.author.time);

        const qint64 day = firstWeek.daysTo(weekStartOf(commit.author.time));
        if (day >= 0 && day / 7 < RepositorySnapshot::kActivityWeeks) {
            ++snap.weeks[int(day / 7)].commits;
            weekAuthors[int(day / 7)].insert(key);
        }

        CommitFacts fact{
            commit.summary,          author,     commit.committer.name, commit.author.time, commit.committer.time,
            commit.parents.value(0), commit.tree};
        if (scanIds.size() < RepositorySnapshot::kScanHistory) {
            scanIds.append(commit.id);
            scanCandidates.append(fact);
        }
        walkedHistory.add(commit);
        return true;
    });
    if (cancelled || stages.cancelled())
        return cancelledError();
    if (!walked)
        return walked.error();
    snap.historyTruncated = snap.commitsWalked >= RepositorySnapshot::kMaxHistory;
    for (int i = 0; i < RepositorySnapshot::kActivityWeeks; ++i)
        snap.weeks[i].authors = int(weekAuthors[i].size());
    snap.contributors = contributors.values();
    // The e-mail settles ties (one name under two addresses): the hash's order differs from run to run.
    std::sort(snap.contributors.begin(), snap.contributors.end(), [](const Contributor& a, const Contributor& b) {
        if (a.commits != b.commits)
            return a.commits > b.commits;
        return a.name != b.name ? a.name < b.name : a.email.toLower() < b.email.toLower();
    });

    // --- Report changes per commit
    QHash<git::ObjectId, qsizetype> scanIndex;
    for (qsizetype i = 0; i < scanIds.size(); ++i) {
        if (stages.cancelled())
            return cancelledError();
        stages.report(700, 900, i, scanIds.size(), QStringLiteral("Looking for scan reports"));
        // Tree entries by id, not a libgit2 diff: unchanged folders are skipped unread, and no diff machinery is set
        // up per commit.
        QStringList deleted;
        auto changes = repo.changedFiles(scanCandidates.at(i).firstParent, scanCandidates.at(i).tree, {}, &deleted);
        if (!changes) {
            snap.warnings.append(QStringLiteral("Changes of %1 could not be read: %2")
                                     .arg(scanIds.at(i).shortString(), changes.error().message));
            continue;
        }
        ScanCommit scan;
        for (const QString& path : std::as_const(deleted)) {
            if (classify::isReportPath(path))
                scan.deletedReportPaths.append(path);
        }
        for (const git::TreeEntry& change : changes.value()) {
            if (classify::isReportPath(change.path))
                scan.reportPaths.append(change.path);
        }
        if (scan.reportPaths.isEmpty() && scan.deletedReportPaths.isEmpty())
            continue;
        const CommitFacts& fact = scanCandidates.at(i);
        scan.commit = scanIds.at(i);
        scan.summary = fact.summary;
        scan.author = fact.author;
        scan.time = fact.authorTime;
        scanIndex.insert(scan.commit, snap.scanCommits.size());
        snap.scanCommits.append(scan);
        for (ReportFile& report : snap.reportFiles) {
            if (report.lastCommit.isNull() && scan.reportPaths.contains(report.path)) {
                report.lastCommit = scan.commit;
                report.lastChanged = scan.time;
            }
        }
    }

    // --- Scan notes
    stages.report(900, 950, 0, 1, QStringLiteral("Reading scan notes"));
    const QString notesRef = QLatin1String(RepositorySnapshot::kScanNotesRef);
    if (auto notes = repo.notes(notesRef)) {
        snap.scanNotes = int(notes->size());
        for (const git::NoteEntry& note : notes.value()) {
            if (stages.cancelled())
                return cancelledError();
            qsizetype index = scanIndex.value(note.annotated, -1);
            if (index < 0) {
                ScanCommit scan;
                scan.commit = note.annotated;
                if (auto info = repo.commit(note.annotated)) {
                    scan.summary = info->summary;
                    scan.author = info->author.name;
                    scan.time = info->author.time;
                }
                index = snap.scanCommits.size();
                snap.scanCommits.append(scan);
            }
            ScanCommit& scan = snap.scanCommits[index];
            scan.hasNote = true;
            if (auto content = repo.readBlob(note.blob, 4 << 20)) {
                scan.noteSize = content->size();
                scan.noteSummary = describeNote(content.value());
            } else {
                snap.warnings.append(QStringLiteral("The scan note on %1 could not be read: %2")
                                         .arg(note.annotated.shortString(), content.error().message));
            }
        }
    } else if (repo.resolve(notesRef).ok()) {
        // The notes ref exists but could not be listed: say so; a missing ref simply means no notes.
        snap.warnings.append(QStringLiteral("Scan notes could not be read: ") + notes.error().message);
    }
    std::stable_sort(snap.scanCommits.begin(), snap.scanCommits.end(),
                     [](const ScanCommit& a, const ScanCommit& b) { return a.time > b.time; });

    // --- Deployments and incidents: the delivery analysis decides, so every page and command counts the same.
    stages.report(950, 1000, 0, 1, QStringLiteral("Classifying tags"));
    if (const Status delivered = fillDeliveryFacts(repo, snap, snap.historyTruncated ? nullptr : &walkedHistory);
        !delivered.ok())
        snap.warnings.append(QStringLiteral("Deployments and incidents could not be read: ")
                             + delivered.error().message);
    if (stages.cancelled())
        return cancelledError();
    stages.report(0, 1000, 1, 1, QStringLiteral("Done"));
    return snap;
}

Result<QString> readRepositoryTextFile(const QString& path, const QString& revision, const QString& file,
                                       qint64 maxSize)
{
    auto opened = git::Repository::open(path);
    if (!opened)
        return opened.error();
    const git::Repository& repo = opened.value();
    auto content = revision.isEmpty() && !repo.isBare()
        ? repo.readWorkTreeFile(file, maxSize)
        : repo.readFile(revision.isEmpty() ? QStringLiteral("HEAD") : revision, file, maxSize);
    if (!content)
        return content.error();
    if (content->contains('\0'))
        return makeError(QStringLiteral("io.binary"), QStringLiteral("%1 is a binary file.").arg(file));
    return QString::fromUtf8(content.value());
}

RepositoryLoader::RepositoryLoader(QObject* parent)
    : QObject(parent)
{ }

RepositoryLoader::~RepositoryLoader() = default;

void RepositoryLoader::load(const QString& path, const QString& revision)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Q_EMIT loadStarted(path, revision);
    // A partial snapshot of a load that was cancelled or replaced meanwhile is dropped, like its result.
    const quint64 id = ++*m_loadId;
    auto partial = [loadId = m_loadId, id, self = QPointer<RepositoryLoader>(this)](const RepositorySnapshot& snap) {
        QMetaObject::invokeMethod(
            self.data(),
            [loadId, id, self, snap] {
                if (self && loadId->load() == id)
                    Q_EMIT self->partialSnapshotAvailable(snap);
            },
            Qt::QueuedConnection);
    };
    m_jobs.start([path, revision,
                  partial](ProgressSink& sink) { return loadRepositorySnapshot(path, revision, &sink, partial); },
                 [this](Result<RepositorySnapshot> result) {
                     if (result.ok())
                         Q_EMIT snapshotAvailable(result.value());
                     else
                         Q_EMIT loadFailed(result.error());
                 },
                 [this](int permille, const QString& stage) { Q_EMIT progressChanged(permille, stage); });
}

void RepositoryLoader::cancel()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_jobs.isRunning())
        return;
    m_jobs.cancel();
    ++*m_loadId;
    Q_EMIT loadCancelled();
}

} // namespace gatehouse
