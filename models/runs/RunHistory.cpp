// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunHistory.h"

#include "common/ProgressSink.h"
#include "git/Repository.h"
#include "pipeline/GitLabPipeline.h"
#include "pipeline/PipelineDiscovery.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>

#include <functional>

namespace gatehouse::runs {

namespace {

// Serializes the load-merge-save of the stores within this process (QLockFile only guards against other processes).
QMutex& storeMutex()
{
    static QMutex s_mutex;
    return s_mutex;
}

// Commits on HEAD's history that touched the CI configuration, for the success-rate correlation.
QList<ConfigChange> configChangesOf(const git::Repository& repo)
{
    const QStringList ciPaths{QStringLiteral(".gitlab-ci.yml"), QStringLiteral(".gitlab/ci"),
                              QStringLiteral(".github/workflows")};
    git::LogOptions log;
    log.paths = ciPaths;
    log.maxCount = 500;
    QList<ConfigChange> changes;
    auto commits = repo.log(log);
    if (!commits)
        return changes;
    for (const git::CommitInfo& commit : std::as_const(*commits)) {
        ConfigChange change{commit.id.toString(), commit.committer.time.toUTC(), commit.summary, {}};
        auto diff = repo.diff(commit.parents.value(0), commit.id, ciPaths, false);
        if (diff) {
            for (const git::FileChange& file : std::as_const(*diff))
                change.files.append(file.newPath.isEmpty() ? file.oldPath : file.newPath);
        }
        changes.append(change);
    }
    return changes;
}

// HEAD's GitLab pipeline as GitLab resolves it (includes, extends, parallel instances): the API's job names are
// its instance names, so its `needs:` sharpen the critical path beyond stage order.
std::optional<NeedsMap> gitLabNeeds(const QString& repositoryPath, QStringList& warnings)
{
    const QString path = QStringLiteral(".gitlab-ci.yml");
    auto files = pipeline::PipelineDiscovery::fileSource(repositoryPath, QStringLiteral("HEAD"));
    if (!files)
        return std::nullopt;
    auto text = files->read(path);
    if (!text)
        return std::nullopt;
    QList<pipeline::Diagnostic> diagnostics;
    const pipeline::PipelineModel model = pipeline::GitLabPipeline::analyze(*text, path, *files, diagnostics);
    for (const pipeline::Diagnostic& diagnostic : std::as_const(diagnostics)) {
        if (diagnostic.severity == pipeline::Severity::Error && diagnostic.category == pipeline::Category::Syntax) {
            warnings.append(QStringLiteral("%1:%2:%3: %4 (critical path from stage order)")
                                .arg(diagnostic.file.isEmpty() ? path : diagnostic.file)
                                .arg(diagnostic.line)
                                .arg(diagnostic.column)
                                .arg(diagnostic.message));
            return std::nullopt;
        }
    }
    NeedsMap needs;
    for (const pipeline::PipelineJob& job : model.jobs) {
        if (!job.hidden && job.config.contains(u"needs"))
            needs.insert(job.name, job.needs);
    }
    return needs;
}

} // namespace

bool ImportReport::anyUnreadable() const
{
    return std::any_of(files.cbegin(), files.cend(), [](const FileImport& file) { return file.error.has_value(); });
}

QStringList RunHistory::expandInputs(const QStringList& inputs)
{
    QStringList files;
    for (const QString& input : inputs) {
        if (!QFileInfo(input).isDir()) {
            files.append(input);
            continue;
        }
        QStringList found;
        QDirIterator it(input, {QStringLiteral("*.json"), QStringLiteral("*.xml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        found.sort();
        files += found;
    }
    return files;
}

namespace {

// The common end of every import: save what changed, then optionally share the imported runs as git notes.
Result<ImportReport> finishImport(git::Repository& repo, RunStore& store, const QList<Run>& imported, bool archiveNotes,
                                  ImportReport report)
{
    if (report.total.added + report.total.updated > 0) {
        if (const Status saved = store.save(); !saved)
            return saved.error();
    }
    report.storedRuns = int(store.runs().size());
    if (archiveNotes && !imported.isEmpty()) {
        auto signature = repo.defaultSignature();
        const git::Signature who = signature
            ? *signature
            : git::Signature{QStringLiteral("Gatehouse"), QStringLiteral("gatehouse@localhost"),
                             QDateTime::currentDateTimeUtc()};
        auto archived = RunStore::archiveToNotes(repo, imported, who);
        if (archived)
            report.notes = *archived;
        else
            report.notesError = archived.error();
    }
    return report;
}

// Every import: opens the repository and its run store, then loads, merges (`merge` returns the runs it imported)
// and saves under a lock: the GUI and a CLI import may run at once and must not lose each other's runs.
Result<ImportReport> importLocked(const QString& repositoryPath, const QString& storeDirectory, bool archiveNotes,
                                  const std::function<QList<Run>(RunStore& store, ImportReport& report)>& merge)
{
    auto repo = git::Repository::open(repositoryPath);
    if (!repo)
        return repo.error();
    ImportReport report;
    RunStore store(RunStore::storePath(repo->gitDir(), storeDirectory));
    report.storePath = store.path();
    if (!QDir().mkpath(QFileInfo(store.path()).absolutePath()))
        return makeError(QStringLiteral("io.write"),
                         QStringLiteral("cannot create the directory %1").arg(QFileInfo(store.path()).absolutePath()));
    // QLockFile guards against other processes only; threads of this process are serialized by a mutex first.
    QMutexLocker threadLock(&storeMutex());
    QLockFile lock(store.path() + QStringLiteral(".lock"));
    lock.setStaleLockTime(5 * 60 * 1000);
    if (!lock.tryLock(30 * 1000))
        return makeError(QStringLiteral("runs.store-locked"),
                         QStringLiteral("%1 is locked by another import (lock file %1.lock)").arg(store.path()));
    if (const Status loaded = store.load(); !loaded)
        return loaded.error();
    const QList<Run> imported = merge(store, report);
    return finishImport(repo.value(), store, imported, archiveNotes, std::move(report));
}

} // namespace

Result<ImportReport> RunHistory::importFiles(const QString& repositoryPath, const QStringList& files, bool archiveNotes,
                                             const QString& storeDirectory, ProgressSink* sink)
{
    return importLocked(repositoryPath, storeDirectory, archiveNotes, [&](RunStore& store, ImportReport& report) {
        const QStringList paths = expandInputs(files);
        QList<Run> imported;
        for (qsizetype i = 0; i < paths.size(); ++i) {
            if (sink && sink->isCancelled())
                break;
            FileImport file;
            file.path = paths.at(i);
            auto read = RunReader::readFile(file.path);
            if (!read) {
                file.error = read.error();
            } else {
                file.format = read->format;
                file.runs = int(read->runs.size());
                file.jobs = read->jobCount;
                file.diagnostics = read->diagnostics;
                file.outcome = store.merge(read->runs);
                report.total.added += file.outcome.added;
                report.total.updated += file.outcome.updated;
                report.total.unchanged += file.outcome.unchanged;
                report.recordsSkipped += int(file.diagnostics.size());
                imported += read->runs;
            }
            report.files.append(file);
            if (sink)
                sink->report(i + 1, paths.size(), QStringLiteral("importing runs"));
        }
        return imported;
    });
}

Result<ImportReport> RunHistory::importRuns(const QString& repositoryPath, const QList<Run>& runs, bool archiveNotes,
                                            const QString& storeDirectory)
{
    return importLocked(repositoryPath, storeDirectory, archiveNotes, [&](RunStore& store, ImportReport& report) {
        report.total = store.merge(runs);
        return runs;
    });
}

Result<QList<Run>> RunHistory::load(const QString& repositoryPath, bool includeNotes, const QString& storeDirectory,
                                    QStringList* warnings)
{
    auto repo = git::Repository::open(repositoryPath);
    if (!repo)
        return repo.error();
    RunStore store(RunStore::storePath(repo->gitDir(), storeDirectory));
    if (const Status loaded = store.load(); !loaded)
        return loaded.error();
    QList<Run> runs = store.runs();
    if (includeNotes) {
        int skipped = 0;
        auto noted = RunStore::readNotes(*repo, &skipped);
        if (!noted) {
            if (warnings)
                warnings->append(QStringLiteral("cannot read %1: %2").arg(RunStore::notesRef(), noted.error().message));
        } else {
            RunStore::mergeInto(runs, *noted);
            if (skipped > 0 && warnings)
                warnings->append(
                    QStringLiteral("skipped %1 unreadable notes in %2").arg(skipped).arg(RunStore::notesRef()));
        }
    }
    return runs;
}

Result<RepositoryAnalysis> RunHistory::analyze(const QString& repositoryPath, AnalysisOptions options,
                                               bool includeNotes, const QString& storeDirectory, ProgressSink* sink)
{
    RepositoryAnalysis result;
    auto runs = load(repositoryPath, includeNotes, storeDirectory, &result.warnings);
    if (!runs)
        return runs.error();
    result.runs = std::move(runs).value();

    auto repo = git::Repository::open(repositoryPath);
    if (!repo)
        return repo.error();
    if (options.defaultBranch.isEmpty()) {
        auto head = repo->head();
        options.defaultBranch = head && !head->branch.isEmpty() ? head->branch : QStringLiteral("main");
    }
    // The config history and the pipeline's needs only sharpen what the runs say: without runs, neither is read
    // (the config walk is a path-limited walk of the whole history).
    if (options.configChanges.isEmpty() && !result.runs.isEmpty())
        options.configChanges = configChangesOf(*repo);
    if (!options.needs.contains(QStringLiteral("gitlab")) && !result.runs.isEmpty()) {
        if (auto needs = gitLabNeeds(repositoryPath, result.warnings))
            options.needs.insert(QStringLiteral("gitlab"), *needs);
    }
    result.analysis = analyzeRuns(result.runs, options, sink);
    result.options = std::move(options);
    return result;
}

} // namespace gatehouse::runs
