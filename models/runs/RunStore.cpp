// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunStore.h"

#include "git/Repository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcRuns, "gatehouse.runs")

namespace gatehouse::runs {

namespace {

constexpr int kFormatVersion = 1;
constexpr qint64 kMaxStoreBytes = 2LL << 30;

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// Only what is set is written: keeps the file (and the notes) small.
void put(QJsonObject& object, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}
void putTime(QJsonObject& object, const QString& key, const QDateTime& value)
{
    if (value.isValid())
        object.insert(key, timeText(value));
}
void putSeconds(QJsonObject& object, const QString& key, double value)
{
    if (value >= 0)
        object.insert(key, value);
}
double secondsFrom(const QJsonValue& value)
{
    return value.isDouble() ? value.toDouble() : -1;
}

QJsonObject stepToJson(const Step& step)
{
    QJsonObject o;
    put(o, QStringLiteral("name"), step.name);
    o.insert(QStringLiteral("number"), step.number);
    o.insert(QStringLiteral("status"), statusName(step.status));
    putTime(o, QStringLiteral("started"), step.started);
    putTime(o, QStringLiteral("finished"), step.finished);
    putSeconds(o, QStringLiteral("duration"), step.durationSeconds);
    return o;
}

Step stepFromJson(const QJsonObject& o)
{
    Step step;
    step.name = o.value(QStringLiteral("name")).toString();
    step.number = o.value(QStringLiteral("number")).toInt();
    step.status = statusFromName(o.value(QStringLiteral("status")).toString());
    step.started = timeFrom(o.value(QStringLiteral("started")));
    step.finished = timeFrom(o.value(QStringLiteral("finished")));
    step.durationSeconds = secondsFrom(o.value(QStringLiteral("duration")));
    return step;
}

QJsonObject jobToJson(const Job& job)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), job.id);
    put(o, QStringLiteral("run_id"), job.runId);
    put(o, QStringLiteral("name"), job.name);
    put(o, QStringLiteral("stage"), job.stage);
    o.insert(QStringLiteral("status"), statusName(job.status));
    put(o, QStringLiteral("raw_status"), job.rawStatus);
    putTime(o, QStringLiteral("created"), job.created);
    putTime(o, QStringLiteral("started"), job.started);
    putTime(o, QStringLiteral("finished"), job.finished);
    putSeconds(o, QStringLiteral("duration"), job.durationSeconds);
    putSeconds(o, QStringLiteral("queue"), job.queueSeconds);
    o.insert(QStringLiteral("attempt"), job.attempt);
    if (job.retried)
        o.insert(QStringLiteral("retried"), true);
    if (job.allowFailure)
        o.insert(QStringLiteral("allow_failure"), true);
    if (job.manual)
        o.insert(QStringLiteral("manual"), true);
    put(o, QStringLiteral("runner"), job.runner);
    if (!job.needs.isEmpty())
        o.insert(QStringLiteral("needs"), QJsonArray::fromStringList(job.needs));
    put(o, QStringLiteral("web_url"), job.webUrl);
    if (!job.steps.isEmpty()) {
        QJsonArray steps;
        for (const Step& step : job.steps)
            steps.append(stepToJson(step));
        o.insert(QStringLiteral("steps"), steps);
    }
    return o;
}

Job jobFromJson(const QJsonObject& o)
{
    Job job;
    job.id = o.value(QStringLiteral("id")).toString();
    job.runId = o.value(QStringLiteral("run_id")).toString();
    job.name = o.value(QStringLiteral("name")).toString();
    job.stage = o.value(QStringLiteral("stage")).toString();
    job.status = statusFromName(o.value(QStringLiteral("status")).toString());
    job.rawStatus = o.value(QStringLiteral("raw_status")).toString();
    job.created = timeFrom(o.value(QStringLiteral("created")));
    job.started = timeFrom(o.value(QStringLiteral("started")));
    job.finished = timeFrom(o.value(QStringLiteral("finished")));
    job.durationSeconds = secondsFrom(o.value(QStringLiteral("duration")));
    job.queueSeconds = secondsFrom(o.value(QStringLiteral("queue")));
    job.attempt = qMax(1, o.value(QStringLiteral("attempt")).toInt(1));
    job.retried = o.value(QStringLiteral("retried")).toBool();
    job.allowFailure = o.value(QStringLiteral("allow_failure")).toBool();
    job.manual = o.value(QStringLiteral("manual")).toBool();
    job.runner = o.value(QStringLiteral("runner")).toString();
    for (const QJsonValue& need : o.value(QStringLiteral("needs")).toArray())
        job.needs.append(need.toString());
    job.webUrl = o.value(QStringLiteral("web_url")).toString();
    for (const QJsonValue& step : o.value(QStringLiteral("steps")).toArray())
        job.steps.append(stepFromJson(step.toObject()));
    return job;
}

QJsonObject runToJson(const Run& run)
{
    QJsonObject o;
    o.insert(QStringLiteral("source"), run.source);
    o.insert(QStringLiteral("id"), run.id);
    o.insert(QStringLiteral("attempt"), run.attempt);
    put(o, QStringLiteral("name"), run.name);
    put(o, QStringLiteral("sha"), run.sha);
    put(o, QStringLiteral("branch"), run.branch);
    o.insert(QStringLiteral("status"), statusName(run.status));
    put(o, QStringLiteral("raw_status"), run.rawStatus);
    putTime(o, QStringLiteral("created"), run.created);
    putTime(o, QStringLiteral("started"), run.started);
    putTime(o, QStringLiteral("finished"), run.finished);
    putSeconds(o, QStringLiteral("duration"), run.durationSeconds);
    putSeconds(o, QStringLiteral("queue"), run.queueSeconds);
    put(o, QStringLiteral("trigger"), run.trigger);
    put(o, QStringLiteral("web_url"), run.webUrl);
    if (!run.hasRunRecord)
        o.insert(QStringLiteral("jobs_only"), true);
    if (!run.jobs.isEmpty()) {
        QJsonArray jobs;
        for (const Job& job : run.jobs)
            jobs.append(jobToJson(job));
        o.insert(QStringLiteral("jobs"), jobs);
    }
    return o;
}

Run runFromJson(const QJsonObject& o)
{
    Run run;
    run.source = o.value(QStringLiteral("source")).toString();
    run.id = o.value(QStringLiteral("id")).toString();
    run.attempt = qMax(1, o.value(QStringLiteral("attempt")).toInt(1));
    run.name = o.value(QStringLiteral("name")).toString();
    run.sha = o.value(QStringLiteral("sha")).toString();
    run.branch = o.value(QStringLiteral("branch")).toString();
    run.status = statusFromName(o.value(QStringLiteral("status")).toString());
    run.rawStatus = o.value(QStringLiteral("raw_status")).toString();
    run.created = timeFrom(o.value(QStringLiteral("created")));
    run.started = timeFrom(o.value(QStringLiteral("started")));
    run.finished = timeFrom(o.value(QStringLiteral("finished")));
    run.durationSeconds = secondsFrom(o.value(QStringLiteral("duration")));
    run.queueSeconds = secondsFrom(o.value(QStringLiteral("queue")));
    run.trigger = o.value(QStringLiteral("trigger")).toString();
    run.webUrl = o.value(QStringLiteral("web_url")).toString();
    run.hasRunRecord = !o.value(QStringLiteral("jobs_only")).toBool();
    for (const QJsonValue& job : o.value(QStringLiteral("jobs")).toArray())
        run.jobs.append(jobFromJson(job.toObject()));
    return run;
}

template <typename T> void fill(T& target, const T& value, bool overwrite)
{
    if (overwrite || target == T())
        target = value;
}

// A newer run record overwrites what it sets; a jobs-only record only fills gaps. Jobs merge by id.
Run mergeRun(const Run& existing, const Run& incoming)
{
    Run merged = existing;
    const bool authoritative = incoming.hasRunRecord;
    if (!incoming.name.isEmpty())
        fill(merged.name, incoming.name, authoritative);
    if (!incoming.sha.isEmpty())
        fill(merged.sha, incoming.sha, authoritative);
    if (!incoming.branch.isEmpty())
        fill(merged.branch, incoming.branch, authoritative);
    if (incoming.status != RunStatus::Unknown
        && (authoritative || merged.status == RunStatus::Unknown || !merged.hasRunRecord)) {
        merged.status = incoming.status;
        merged.rawStatus = incoming.rawStatus;
    }
    if (incoming.created.isValid())
        fill(merged.created, incoming.created, authoritative);
    if (incoming.started.isValid())
        fill(merged.started, incoming.started, authoritative);
    if (incoming.finished.isValid())
        fill(merged.finished, incoming.finished, authoritative);
    if (incoming.durationSeconds >= 0 && (authoritative || merged.durationSeconds < 0))
        merged.durationSeconds = incoming.durationSeconds;
    if (incoming.queueSeconds >= 0 && (authoritative || merged.queueSeconds < 0))
        merged.queueSeconds = incoming.queueSeconds;
    if (!incoming.trigger.isEmpty())
        fill(merged.trigger, incoming.trigger, authoritative);
    if (!incoming.webUrl.isEmpty())
        fill(merged.webUrl, incoming.webUrl, authoritative);
    merged.hasRunRecord = existing.hasRunRecord || incoming.hasRunRecord;

    for (const Job& job : incoming.jobs) {
        auto it = std::find_if(merged.jobs.begin(), merged.jobs.end(),
                               [&job](const Job& known) { return known.id == job.id; });
        if (it == merged.jobs.end())
            merged.jobs.append(job);
        else
            *it = job;
    }
    // Pages of one run's jobs may come in several files: the run spans them all.
    deriveFromJobs(merged);
    return merged;
}

} // namespace

QString RunStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
}

QString RunStore::storePath(const QString& gitDir, const QString& directory)
{
    // The canonical path, so every way of naming the repository (symlinks, worktree subfolders) finds the same file.
    const QString canonical = QFileInfo(gitDir).canonicalFilePath();
    const QString identity = canonical.isEmpty() ? QDir::cleanPath(gitDir) : canonical;
    const QByteArray hash = QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha1).toHex();
    return (directory.isEmpty() ? defaultDirectory() : directory) + QLatin1Char('/') + QString::fromLatin1(hash)
        + QStringLiteral(".json");
}

RunStore::RunStore(QString path)
    : m_path(std::move(path))
{ }

Status RunStore::load()
{
    m_runs.clear();
    QFile file(m_path);
    if (!file.exists())
        return Success{};
    if (file.size() > kMaxStoreBytes)
        return makeError(QStringLiteral("runs.store-corrupt"),
                         QStringLiteral("%1: %2 bytes is too large for a run store").arg(m_path).arg(file.size()));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("io.read"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    auto runs = deserialize(file.readAll());
    if (!runs)
        return makeError(runs.error().code, QStringLiteral("%1: %2").arg(m_path, runs.error().message));
    m_runs = std::move(runs).value();
    return Success{};
}

Status RunStore::save() const
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return makeError(QStringLiteral("io.write"),
                         QStringLiteral("cannot create the directory %1").arg(QFileInfo(m_path).absolutePath()));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("io.write"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    file.write(serialize(m_runs));
    if (!file.commit())
        return makeError(QStringLiteral("io.write"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    return Success{};
}

ImportOutcome RunStore::merge(const QList<Run>& runs)
{
    return mergeInto(m_runs, runs);
}

ImportOutcome RunStore::mergeInto(QList<Run>& runs, const QList<Run>& incoming)
{
    ImportOutcome outcome;
    QHash<QString, qsizetype> index;
    index.reserve(runs.size());
    for (qsizetype i = 0; i < runs.size(); ++i)
        index.insert(runs.at(i).key(), i);
    for (const Run& run : incoming) {
        const QString key = run.key();
        const auto it = index.constFind(key);
        if (it == index.constEnd()) {
            index.insert(key, runs.size());
            runs.append(run);
            ++outcome.added;
            continue;
        }
        Run merged = mergeRun(runs.at(*it), run);
        if (merged == runs.at(*it)) {
            ++outcome.unchanged;
        } else {
            runs[*it] = std::move(merged);
            ++outcome.updated;
        }
    }
    return outcome;
}

// JSON Lines: a header line, then one compact run per line. Writing and reading hold one run's JSON tree at a time,
// not the whole history's (a single document for 100,000 runs peaked at 1.6 GB).
QByteArray RunStore::serialize(const QList<Run>& runs)
{
    QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("gatehouse-runs")},
                                                {QStringLiteral("version"), kFormatVersion}})
                          .toJson(QJsonDocument::Compact);
    data += '\n';
    for (const Run& run : runs) {
        data += QJsonDocument(runToJson(run)).toJson(QJsonDocument::Compact);
        data += '\n';
    }
    return data;
}

Result<QList<Run>> RunStore::deserialize(const QByteArray& data)
{
    QList<Run> runs;
    qsizetype start = 0;
    int line = 0;
    bool sawHeader = false;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        const QByteArray text = data.mid(start, end - start).trimmed();
        start = end + 1;
        ++line;
        if (text.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            return makeError(
                QStringLiteral("runs.store-corrupt"),
                QStringLiteral("line %1, column %2: %3").arg(line).arg(error.offset + 1).arg(error.errorString()));
        const QJsonObject object = document.object();
        if (!sawHeader) {
            if (object.value(QStringLiteral("format")).toString() != QLatin1String("gatehouse-runs"))
                return makeError(QStringLiteral("runs.store-corrupt"), QStringLiteral("not a gatehouse run store"));
            if (object.value(QStringLiteral("version")).toInt() > kFormatVersion)
                return makeError(QStringLiteral("runs.store-corrupt"),
                                 QStringLiteral("written by a newer Gatehouse (format version %1)")
                                     .arg(object.value(QStringLiteral("version")).toInt()));
            sawHeader = true;
            continue;
        }
        Run run = runFromJson(object);
        if (run.source.isEmpty() || run.id.isEmpty())
            return makeError(QStringLiteral("runs.store-corrupt"),
                             QStringLiteral("line %1: a run without source or id").arg(line));
        runs.append(std::move(run));
    }
    if (!sawHeader)
        return makeError(QStringLiteral("runs.store-corrupt"), QStringLiteral("not a gatehouse run store (empty)"));
    return runs;
}

Result<NotesOutcome> RunStore::archiveToNotes(git::Repository& repository, const QList<Run>& runs,
                                              const git::Signature& signature)
{
    NotesOutcome outcome;
    QHash<QString, QList<Run>> byCommit;
    QStringList order;
    for (const Run& run : runs) {
        const git::ObjectId id = git::ObjectId::fromHex(run.sha);
        if (id.isNull() || !repository.commit(id).ok()) {
            ++outcome.runsWithoutCommit;
            continue;
        }
        if (!byCommit.contains(run.sha))
            order.append(run.sha);
        byCommit[run.sha].append(run);
    }
    for (const QString& sha : std::as_const(order)) {
        const git::ObjectId commit = git::ObjectId::fromHex(sha);
        auto existing = repository.readNote(notesRef(), commit);
        if (!existing)
            return existing.error();
        QList<Run> noted;
        if (existing->has_value()) {
            auto parsed = deserialize(**existing);
            // A note someone else wrote by hand is not ours to overwrite.
            if (!parsed)
                return makeError(QStringLiteral("runs.note-corrupt"),
                                 QStringLiteral("the note on %1 in %2 is not a run archive: %3")
                                     .arg(commit.shortString(), notesRef(), parsed.error().message));
            noted = std::move(parsed).value();
        }
        const QList<Run>& incoming = byCommit.value(sha);
        const ImportOutcome merged = mergeInto(noted, incoming);
        outcome.runsArchived += int(incoming.size());
        if (merged.added == 0 && merged.updated == 0)
            continue;
        auto written = repository.writeNote(notesRef(), commit, serialize(noted), signature, true);
        if (!written)
            return written.error();
        ++outcome.notesWritten;
    }
    return outcome;
}

Result<QList<Run>> RunStore::readNotes(const git::Repository& repository, int* skippedNotes)
{
    if (skippedNotes)
        *skippedNotes = 0;
    auto notes = repository.notes(notesRef());
    if (!notes)
        return notes.error();
    QList<Run> runs;
    for (const git::NoteEntry& note : *notes) {
        auto content = repository.readNote(notesRef(), note.annotated);
        if (!content)
            return content.error();
        if (!content->has_value())
            continue;
        auto parsed = deserialize(**content);
        if (!parsed) {
            qCWarning(lcRuns) << "skipping the run note on" << note.annotated.shortString() << ':'
                              << parsed.error().message;
            if (skippedNotes)
                ++*skippedNotes;
            continue;
        }
        mergeInto(runs, *parsed);
    }
    return runs;
}

} // namespace gatehouse::runs
