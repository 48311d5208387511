// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunReader.h"

#include "JUnitReader.h"
#include "common/JsonStringScan.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <nlohmann/json.hpp>

#include <string>

namespace gatehouse::runs {

using json = nlohmann::json;

QString formatName(RunFormat format)
{
    switch (format) {
    case RunFormat::Empty:
        return QStringLiteral("empty");
    case RunFormat::GitLabPipelines:
        return QStringLiteral("gitlab-pipelines");
    case RunFormat::GitLabJobs:
        return QStringLiteral("gitlab-jobs");
    case RunFormat::GitHubRuns:
        return QStringLiteral("github-runs");
    case RunFormat::GitHubJobs:
        return QStringLiteral("github-jobs");
    case RunFormat::GhRunList:
        return QStringLiteral("gh-run-list");
    case RunFormat::GhRunView:
        return QStringLiteral("gh-run-view");
    case RunFormat::JUnit:
        return QStringLiteral("junit");
    }
    return QStringLiteral("unknown");
}

namespace {

// Thrown inside this file only, turned into diagnostics or Errors before anything leaves it.
struct FieldError
{
    QString code;
    QString path;
    QString message;
};
struct LimitError
{
    QString code;
    QString message;
};

QString typeName(const json& value)
{
    return QString::fromLatin1(value.type_name());
}

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

const json* member(const json& object, const char* name)
{
    const auto it = object.find(name);
    if (it == object.end() || it->is_null())
        return nullptr;
    return &*it;
}

QString stringField(const json& object, const char* name, const QString& path)
{
    const json* value = member(object, name);
    if (!value)
        return {};
    if (!value->is_string())
        throw FieldError{QStringLiteral("runs.wrong-type"), path + QLatin1Char('/') + key(name),
                         QStringLiteral("expected a string, got %1").arg(typeName(*value))};
    return QString::fromStdString(value->get<std::string>());
}

// Ids are integers in both APIs; accept digit strings too (some exporters quote them).
QString idField(const json& object, const char* name, const QString& path, bool required)
{
    const json* value = member(object, name);
    const QString where = path + QLatin1Char('/') + key(name);
    if (!value) {
        if (required)
            throw FieldError{QStringLiteral("runs.missing-field"), where, QStringLiteral("required id is missing")};
        return {};
    }
    if (value->is_number_unsigned())
        return QString::number(value->get<quint64>());
    if (value->is_number_integer())
        return QString::number(value->get<qint64>());
    if (value->is_string()) {
        const QString text = QString::fromStdString(value->get<std::string>());
        bool ok = false;
        text.toULongLong(&ok);
        if (ok)
            return text;
    }
    throw FieldError{QStringLiteral("runs.wrong-type"), where,
                     QStringLiteral("expected an integer id, got %1").arg(typeName(*value))};
}

double numberField(const json& object, const char* name, const QString& path)
{
    const json* value = member(object, name);
    if (!value)
        return -1;
    if (!value->is_number())
        throw FieldError{QStringLiteral("runs.wrong-type"), path + QLatin1Char('/') + key(name),
                         QStringLiteral("expected a number, got %1").arg(typeName(*value))};
    const double number = value->get<double>();
    return number < 0 ? -1 : number;
}

int intField(const json& object, const char* name, const QString& path, int fallback)
{
    const json* value = member(object, name);
    if (!value)
        return fallback;
    if (!value->is_number_integer())
        throw FieldError{QStringLiteral("runs.wrong-type"), path + QLatin1Char('/') + key(name),
                         QStringLiteral("expected an integer, got %1").arg(typeName(*value))};
    const qint64 number = value->get<qint64>();
    return number < 1 || number > 1000000 ? fallback : int(number);
}

bool boolField(const json& object, const char* name, const QString& path)
{
    const json* value = member(object, name);
    if (!value)
        return false;
    if (!value->is_boolean())
        throw FieldError{QStringLiteral("runs.wrong-type"), path + QLatin1Char('/') + key(name),
                         QStringLiteral("expected a boolean, got %1").arg(typeName(*value))};
    return value->get<bool>();
}

QDateTime timeField(const json& object, const char* name, const QString& path)
{
    const QString text = stringField(object, name, path);
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        throw FieldError{QStringLiteral("runs.bad-time"), path + QLatin1Char('/') + key(name),
                         QStringLiteral("'%1' is not an ISO 8601 time").arg(text)};
    // `gh` prints 0001-01-01T00:00:00Z for "not yet".
    if (time.date().year() < 1971)
        return {};
    return time.toUTC();
}

const json& objectAt(const json& value, const QString& path)
{
    if (!value.is_object())
        throw FieldError{QStringLiteral("runs.wrong-type"), path,
                         QStringLiteral("expected an object, got %1").arg(typeName(value))};
    return value;
}

// Derives what the API leaves out: a finished time from updated_at, durations from the times.
void completeRun(Run& run, const QDateTime& updated)
{
    if (!run.finished.isValid() && isFinished(run.status) && updated.isValid())
        run.finished = updated;
    if (run.durationSeconds < 0)
        run.durationSeconds = secondsBetween(run.started.isValid() ? run.started : run.created, run.finished);
}

void completeJob(Job& job)
{
    if (job.durationSeconds < 0)
        job.durationSeconds = secondsBetween(job.started, job.finished);
    if (job.queueSeconds < 0)
        job.queueSeconds = secondsBetween(job.created, job.started);
}

class JsonRunParser
{
public:
    JsonRunParser(const RunReaderLimits& limits, RunReadResult& result)
        : m_limits(limits)
        , m_result(result)
    { }

    // Reads each element of `array` with `read`; a broken element becomes a diagnostic, not a failure.
    template <typename Read> void eachRecord(const json& array, const QString& path, Read read)
    {
        qsizetype index = 0;
        for (const json& element : array) {
            const QString where = path + QLatin1Char('/') + QString::number(index++);
            countRecord();
            try {
                read(objectAt(element, where), where);
            } catch (const FieldError& error) {
                m_result.diagnostics.append({error.code, error.path, error.message + QStringLiteral(" (skipped)")});
            }
        }
    }

    void countRecord()
    {
        if (++m_records > m_limits.maxRecords)
            throw LimitError{QStringLiteral("runs.too-many"),
                             QStringLiteral("more than %1 records in one file").arg(m_limits.maxRecords)};
    }

    void gitLabPipeline(const json& o, const QString& path)
    {
        Run run;
        run.source = QStringLiteral("gitlab");
        run.id = idField(o, "id", path, true);
        run.name = stringField(o, "name", path);
        run.sha = stringField(o, "sha", path);
        run.branch = stringField(o, "ref", path);
        run.rawStatus = stringField(o, "status", path);
        run.status = statusFromGitLab(run.rawStatus);
        run.created = timeField(o, "created_at", path);
        run.started = timeField(o, "started_at", path);
        run.finished = timeField(o, "finished_at", path);
        run.durationSeconds = numberField(o, "duration", path);
        run.queueSeconds = numberField(o, "queued_duration", path);
        run.trigger = stringField(o, "source", path);
        run.webUrl = stringField(o, "web_url", path);
        completeRun(run, timeField(o, "updated_at", path));
        m_result.runs.append(run);
    }

    void gitLabJob(const json& o, const QString& path)
    {
        Job job;
        job.id = idField(o, "id", path, true);
        job.name = stringField(o, "name", path);
        job.stage = stringField(o, "stage", path);
        job.rawStatus = stringField(o, "status", path);
        job.status = statusFromGitLab(job.rawStatus);
        job.created = timeField(o, "created_at", path);
        job.started = timeField(o, "started_at", path);
        job.finished = timeField(o, "finished_at", path);
        job.durationSeconds = numberField(o, "duration", path);
        job.queueSeconds = numberField(o, "queued_duration", path);
        job.allowFailure = boolField(o, "allow_failure", path);
        job.retried = boolField(o, "retried", path);
        job.manual = job.status == RunStatus::Manual || stringField(o, "when", path) == QLatin1String("manual");
        job.webUrl = stringField(o, "web_url", path);
        if (const json* runner = member(o, "runner")) {
            const json& r = objectAt(*runner, path + QStringLiteral("/runner"));
            job.runner = stringField(r, "description", path + QStringLiteral("/runner"));
            if (job.runner.isEmpty())
                job.runner = stringField(r, "name", path + QStringLiteral("/runner"));
        }
        const json* pipeline = member(o, "pipeline");
        if (!pipeline)
            throw FieldError{QStringLiteral("runs.missing-field"), path + QStringLiteral("/pipeline"),
                             QStringLiteral("a job without its pipeline")};
        const QString pipelinePath = path + QStringLiteral("/pipeline");
        const json& p = objectAt(*pipeline, pipelinePath);
        job.runId = idField(p, "id", pipelinePath, true);
        completeJob(job);

        Run& run = runFor(QStringLiteral("gitlab"), job.runId, 1);
        if (run.sha.isEmpty()) {
            run.sha = stringField(p, "sha", pipelinePath);
            run.branch = stringField(p, "ref", pipelinePath);
            run.rawStatus = stringField(p, "status", pipelinePath);
            run.status = statusFromGitLab(run.rawStatus);
            if (run.sha.isEmpty()) {
                if (const json* commit = member(o, "commit"))
                    run.sha = stringField(objectAt(*commit, path + QStringLiteral("/commit")), "id",
                                          path + QStringLiteral("/commit"));
            }
            if (run.branch.isEmpty())
                run.branch = stringField(o, "ref", path);
        }
        run.jobs.append(job);
        ++m_result.jobCount;
    }

    void gitHubRun(const json& o, const QString& path)
    {
        Run run;
        run.source = QStringLiteral("github");
        run.id = idField(o, "id", path, true);
        run.attempt = intField(o, "run_attempt", path, 1);
        run.name = stringField(o, "name", path);
        run.sha = stringField(o, "head_sha", path);
        run.branch = stringField(o, "head_branch", path);
        const QString status = stringField(o, "status", path);
        const QString conclusion = stringField(o, "conclusion", path);
        run.rawStatus = conclusion.isEmpty() ? status : conclusion;
        run.status = statusFromGitHub(status, conclusion);
        run.created = timeField(o, "created_at", path);
        run.started = timeField(o, "run_started_at", path);
        run.trigger = stringField(o, "event", path);
        run.webUrl = stringField(o, "html_url", path);
        // created_at stays the first attempt's time on re-runs, so it only measures queueing for attempt 1.
        if (run.attempt == 1)
            run.queueSeconds = secondsBetween(run.created, run.started);
        completeRun(run, timeField(o, "updated_at", path));
        m_result.runs.append(run);
    }

    void steps(const json& o, const QString& path, Job& job, bool camelCase)
    {
        const json* list = member(o, "steps");
        if (!list)
            return;
        if (!list->is_array())
            throw FieldError{QStringLiteral("runs.wrong-type"), path + QStringLiteral("/steps"),
                             QStringLiteral("expected an array, got %1").arg(typeName(*list))};
        qsizetype index = 0;
        for (const json& element : *list) {
            countRecord();
            const QString where = path + QStringLiteral("/steps/") + QString::number(index++);
            const json& s = objectAt(element, where);
            Step step;
            step.name = stringField(s, "name", where);
            step.number = intField(s, "number", where, int(index));
            step.status = statusFromGitHub(stringField(s, "status", where), stringField(s, "conclusion", where));
            step.started = timeField(s, camelCase ? "startedAt" : "started_at", where);
            step.finished = timeField(s, camelCase ? "completedAt" : "completed_at", where);
            step.durationSeconds = secondsBetween(step.started, step.finished);
            job.steps.append(step);
        }
    }

    void gitHubJob(const json& o, const QString& path)
    {
        Job job;
        job.id = idField(o, "id", path, true);
        job.runId = idField(o, "run_id", path, true);
        job.attempt = intField(o, "run_attempt", path, 1);
        job.name = stringField(o, "name", path);
        const QString status = stringField(o, "status", path);
        const QString conclusion = stringField(o, "conclusion", path);
        job.rawStatus = conclusion.isEmpty() ? status : conclusion;
        job.status = statusFromGitHub(status, conclusion);
        job.created = timeField(o, "created_at", path);
        job.started = timeField(o, "started_at", path);
        job.finished = timeField(o, "completed_at", path);
        job.runner = stringField(o, "runner_name", path);
        job.webUrl = stringField(o, "html_url", path);
        job.manual = conclusion == QLatin1String("action_required");
        steps(o, path, job, false);
        completeJob(job);

        Run& run = runFor(QStringLiteral("github"), job.runId, job.attempt);
        if (run.sha.isEmpty()) {
            run.sha = stringField(o, "head_sha", path);
            run.branch = stringField(o, "head_branch", path);
            run.name = stringField(o, "workflow_name", path);
        }
        run.jobs.append(job);
        ++m_result.jobCount;
    }

    Run ghRun(const json& o, const QString& path)
    {
        Run run;
        run.source = QStringLiteral("github");
        run.id = idField(o, "databaseId", path, true);
        run.attempt = intField(o, "attempt", path, 1);
        run.name = stringField(o, "workflowName", path);
        if (run.name.isEmpty())
            run.name = stringField(o, "name", path);
        run.sha = stringField(o, "headSha", path);
        run.branch = stringField(o, "headBranch", path);
        const QString status = stringField(o, "status", path);
        const QString conclusion = stringField(o, "conclusion", path);
        run.rawStatus = conclusion.isEmpty() ? status : conclusion;
        run.status = statusFromGitHub(status, conclusion);
        run.created = timeField(o, "createdAt", path);
        run.started = timeField(o, "startedAt", path);
        run.trigger = stringField(o, "event", path);
        run.webUrl = stringField(o, "url", path);
        if (run.attempt == 1)
            run.queueSeconds = secondsBetween(run.created, run.started);
        completeRun(run, timeField(o, "updatedAt", path));
        return run;
    }

    void ghRunView(const json& o)
    {
        Run run = ghRun(o, QString());
        const json& jobs = o.at("jobs");
        qsizetype index = 0;
        for (const json& element : jobs) {
            countRecord();
            const QString where = QStringLiteral("/jobs/") + QString::number(index++);
            try {
                const json& j = objectAt(element, where);
                Job job;
                job.id = idField(j, "databaseId", where, true);
                job.runId = run.id;
                job.attempt = run.attempt;
                job.name = stringField(j, "name", where);
                const QString status = stringField(j, "status", where);
                const QString conclusion = stringField(j, "conclusion", where);
                job.rawStatus = conclusion.isEmpty() ? status : conclusion;
                job.status = statusFromGitHub(status, conclusion);
                job.started = timeField(j, "startedAt", where);
                job.finished = timeField(j, "completedAt", where);
                job.webUrl = stringField(j, "url", where);
                steps(j, where, job, true);
                completeJob(job);
                run.jobs.append(job);
                ++m_result.jobCount;
            } catch (const FieldError& error) {
                m_result.diagnostics.append({error.code, error.path, error.message + QStringLiteral(" (skipped)")});
            }
        }
        m_result.runs.append(run);
    }

    // Jobs-only files: one run per (source, id, attempt), created on first sight, in file order.
    Run& runFor(const QString& source, const QString& id, int attempt)
    {
        const QString runKey = source + QLatin1Char(':') + id + QLatin1Char('#') + QString::number(attempt);
        const auto it = m_runIndex.constFind(runKey);
        if (it != m_runIndex.constEnd())
            return m_result.runs[*it];
        Run run;
        run.source = source;
        run.id = id;
        run.attempt = attempt;
        run.hasRunRecord = false;
        m_runIndex.insert(runKey, m_result.runs.size());
        m_result.runs.append(run);
        return m_result.runs.last();
    }

    void finishStubs()
    {
        for (Run& run : m_result.runs) {
            if (!run.hasRunRecord)
                deriveFromJobs(run);
        }
    }

private:
    const RunReaderLimits& m_limits;
    RunReadResult& m_result;
    QHash<QString, qsizetype> m_runIndex;
    qint64 m_records = 0;
};

bool has(const json& object, const char* name)
{
    return object.is_object() && object.contains(name);
}

RunFormat detectArray(const json& array)
{
    if (array.empty())
        return RunFormat::Empty;
    const json& first = array.front();
    if (!first.is_object())
        return RunFormat::Empty; // decided by the caller: unknown
    if (has(first, "databaseId") || has(first, "workflowName") || has(first, "headSha"))
        return RunFormat::GhRunList;
    if (has(first, "stage") && has(first, "pipeline"))
        return RunFormat::GitLabJobs;
    if (has(first, "sha") && has(first, "ref") && has(first, "status")
        && (has(first, "project_id") || has(first, "iid") || has(first, "source") || has(first, "web_url")))
        return RunFormat::GitLabPipelines;
    if (has(first, "run_id") && has(first, "steps"))
        return RunFormat::GitHubJobs;
    if (has(first, "head_sha") && has(first, "run_attempt"))
        return RunFormat::GitHubRuns;
    return RunFormat::Empty;
}

QString keysOf(const json& object)
{
    QStringList keys;
    if (object.is_object()) {
        for (auto it = object.begin(); it != object.end() && keys.size() < 8; ++it)
            keys.append(QString::fromStdString(it.key()));
    }
    return keys.isEmpty() ? QStringLiteral("none") : keys.join(QStringLiteral(", "));
}

Error unknownFormat(const QString& what)
{
    return makeError(QStringLiteral("runs.unknown-format"),
                     QStringLiteral("not a GitLab, GitHub, gh or JUnit run export: %1").arg(what));
}

Error shapeError(const QString& path, const QString& message)
{
    return makeError(QStringLiteral("runs.wrong-type"), QStringLiteral("%1: %2").arg(path, message));
}

// Line and column (1-based) of a byte offset, for parse errors.
std::pair<int, int> lineColumn(const QByteArray& data, qsizetype offset)
{
    int line = 1;
    int column = 1;
    const qsizetype end = qMin(offset, data.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// A linear pre-scan for nesting depth and value count: nlohmann's parse callback would do it, but it makes
// parsing quadratic in the array length.
Status checkStructure(const QByteArray& data, qsizetype start, const RunReaderLimits& limits)
{
    int depth = 0;
    qint64 values = 0;
    JsonStringScan strings;
    const char* bytes = data.constData();
    for (qsizetype i = start, end = data.size(); i < end; ++i) {
        const char c = bytes[i];
        if (strings.skip(c))
            continue;
        switch (c) {
        case '"':
            strings.open();
            break;
        case '[':
        case '{':
            if (++depth > limits.maxDepth)
                return makeError(QStringLiteral("runs.too-deep"),
                                 QStringLiteral("nested deeper than %1 levels").arg(limits.maxDepth));
            ++values;
            break;
        case ']':
        case '}':
            --depth;
            break;
        case ',':
            ++values;
            break;
        default:
            break;
        }
        if (values > limits.maxValues)
            return makeError(QStringLiteral("runs.too-many"),
                             QStringLiteral("more than %1 JSON values").arg(limits.maxValues));
    }
    return Success{};
}

Result<RunReadResult> readJson(const QByteArray& data, qsizetype start, const RunReaderLimits& limits)
{
    if (auto checked = checkStructure(data, start, limits); !checked.ok())
        return checked.error();
    json document;
    try {
        document = json::parse(data.cbegin() + start, data.cend());
    } catch (const json::parse_error& error) {
        const qsizetype offset = start + qsizetype(error.byte) - 1;
        const auto [line, column] = lineColumn(data, offset);
        // The parser reports the position of the byte it choked on; past the last byte means the file ended early.
        if (offset >= data.size() - 1)
            return makeError(
                QStringLiteral("runs.truncated"),
                QStringLiteral("line %1, column %2: the JSON ends early (truncated file?)").arg(line).arg(column));
        return makeError(
            QStringLiteral("runs.syntax"),
            QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(QString::fromUtf8(error.what())));
    } catch (const json::exception& error) {
        return makeError(QStringLiteral("runs.syntax"), QString::fromUtf8(error.what()));
    }

    RunReadResult result;
    JsonRunParser parser(limits, result);
    try {
        if (document.is_array()) {
            RunFormat format = detectArray(document);
            if (format == RunFormat::Empty && !document.empty())
                return unknownFormat(QStringLiteral("an array of %1 (first element's keys: %2)")
                                         .arg(typeName(document.front()), keysOf(document.front())));
            result.format = format;
            switch (format) {
            case RunFormat::GhRunList:
                parser.eachRecord(document, QString(), [&](const json& o, const QString& path) {
                    result.runs.append(parser.ghRun(o, path));
                });
                break;
            case RunFormat::GitLabJobs:
                parser.eachRecord(document, QString(),
                                  [&](const json& o, const QString& path) { parser.gitLabJob(o, path); });
                break;
            case RunFormat::GitLabPipelines:
                parser.eachRecord(document, QString(),
                                  [&](const json& o, const QString& path) { parser.gitLabPipeline(o, path); });
                break;
            case RunFormat::GitHubJobs:
                parser.eachRecord(document, QString(),
                                  [&](const json& o, const QString& path) { parser.gitHubJob(o, path); });
                break;
            case RunFormat::GitHubRuns:
                parser.eachRecord(document, QString(),
                                  [&](const json& o, const QString& path) { parser.gitHubRun(o, path); });
                break;
            default:
                break;
            }
        } else if (document.is_object()) {
            if (has(document, "workflow_runs")) {
                const json& runs = document.at("workflow_runs");
                if (!runs.is_array())
                    return shapeError(QStringLiteral("/workflow_runs"),
                                      QStringLiteral("expected an array, got %1").arg(typeName(runs)));
                result.format = RunFormat::GitHubRuns;
                parser.eachRecord(runs, QStringLiteral("/workflow_runs"),
                                  [&](const json& o, const QString& path) { parser.gitHubRun(o, path); });
            } else if (has(document, "jobs")) {
                const json& jobs = document.at("jobs");
                if (!jobs.is_array())
                    return shapeError(QStringLiteral("/jobs"),
                                      QStringLiteral("expected an array, got %1").arg(typeName(jobs)));
                if (has(document, "databaseId")) {
                    result.format = RunFormat::GhRunView;
                    parser.ghRunView(document);
                } else if (jobs.empty() || has(jobs.front(), "run_id")) {
                    result.format = RunFormat::GitHubJobs;
                    parser.eachRecord(jobs, QStringLiteral("/jobs"),
                                      [&](const json& o, const QString& path) { parser.gitHubJob(o, path); });
                } else if (has(jobs.front(), "databaseId")) {
                    return makeError(QStringLiteral("runs.missing-field"),
                                     QStringLiteral("`gh run view --json jobs` output without the run's id: add "
                                                    "databaseId (and headSha, headBranch, workflowName, attempt) "
                                                    "to --json"));
                } else {
                    return unknownFormat(QStringLiteral("an object with \"jobs\" whose first job's keys are %1")
                                             .arg(keysOf(jobs.front())));
                }
            } else if (has(document, "head_sha") && has(document, "run_attempt")) {
                result.format = RunFormat::GitHubRuns;
                parser.gitHubRun(document, QString());
            } else if (has(document, "sha") && has(document, "ref") && has(document, "status")) {
                result.format = RunFormat::GitLabPipelines;
                parser.gitLabPipeline(document, QString());
            } else {
                return unknownFormat(QStringLiteral("an object with keys %1").arg(keysOf(document)));
            }
        } else {
            return unknownFormat(QStringLiteral("a JSON %1").arg(typeName(document)));
        }
    } catch (const LimitError& error) {
        return makeError(error.code, error.message);
    } catch (const FieldError& error) {
        // A single-object document whose one record is broken: nothing left to read.
        return makeError(
            error.code,
            QStringLiteral("%1: %2").arg(error.path.isEmpty() ? QStringLiteral("/") : error.path, error.message));
    } catch (const json::exception& error) {
        return makeError(QStringLiteral("runs.wrong-type"), QString::fromUtf8(error.what()));
    }
    parser.finishStubs();
    return result;
}

} // namespace

Result<RunReadResult> RunReader::read(const QByteArray& data, const RunReaderLimits& limits)
{
    if (data.size() > limits.maxBytes)
        return makeError(QStringLiteral("runs.too-large"),
                         QStringLiteral("%1 bytes is more than the limit of %2").arg(data.size()).arg(limits.maxBytes));
    if (data.left(8192).contains('\0'))
        return makeError(QStringLiteral("runs.binary"), QStringLiteral("binary content (NUL bytes)"));
    qsizetype start = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (start < data.size()
           && (data.at(start) == ' ' || data.at(start) == '\n' || data.at(start) == '\r' || data.at(start) == '\t'))
        ++start;
    if (start == data.size())
        return makeError(QStringLiteral("runs.unknown-format"), QStringLiteral("the file is empty"));
    const char first = data.at(start);
    if (first == '<')
        return JUnitReader::read(data, limits);
    if (first == '[' || first == '{')
        return readJson(data, start, limits);
    return unknownFormat(QStringLiteral("neither JSON nor XML"));
}

Result<RunReadResult> RunReader::readFile(const QString& path, const RunReaderLimits& limits)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return makeError(QStringLiteral("io.not-found"), QStringLiteral("%1: no such file").arg(path));
    if (file.size() > limits.maxBytes)
        return makeError(QStringLiteral("runs.too-large"),
                         QStringLiteral("%1: %2 bytes is more than the limit of %3")
                             .arg(path)
                             .arg(file.size())
                             .arg(limits.maxBytes));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("io.read"), QStringLiteral("%1: %2").arg(path, file.errorString()));
    return read(file.readAll(), limits);
}

} // namespace gatehouse::runs
