// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "runs/RunAnalysis.h"
#include "runs/RunReader.h"
#include "runs/RunStore.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace gatehouse::cli {

using namespace gatehouse::runs;

namespace {

const char* const kUsage = "Usage: gatehouse runs import [--repo DIR] [--notes] [--format text|json] FILE|FOLDER…\n"
                           "       gatehouse runs analyze [--repo DIR] [--since DATE] [--branch B] "
                           "[--default-branch B] [--no-notes] [--format json|text]\n";

QJsonValue secondsValue(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(value * 10) / 10);
}

QJsonValue rateValue(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(value * 10000) / 10000);
}

QString secondsText(double value)
{
    return value < 0 ? QStringLiteral("-") : QStringLiteral("%1 s").arg(qRound64(value));
}

QString rateText(double value)
{
    return value < 0 ? QStringLiteral("-") : QStringLiteral("%1 %").arg(value * 100, 0, 'f', 1);
}

// Files given on the command line; folders contribute their *.json and *.xml files (recursively, sorted).
QStringList expandInputs(const QStringList& inputs)
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

// --since: an ISO date or date-time, or a relative "30d" / "12w" / "6h" before now.
QDateTime parseSince(const QString& text)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d+)([hdw])$"));
    const QRegularExpressionMatch match = relative.match(text);
    if (match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 hours = unit == QLatin1Char('h') ? amount : unit == QLatin1Char('d') ? amount * 24 : amount * 168;
        return QDateTime::currentDateTimeUtc().addSecs(-hours * 3600);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = QDateTime(date, QTime(0, 0), Qt::UTC);
    } else if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC);
    }
    return time;
}

Result<git::Repository> openRepository(const QString& path)
{
    auto repo = git::Repository::open(path);
    if (!repo)
        return repo.error();
    return repo;
}

int runImport(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Run exports: GitLab/GitHub API JSON, gh "
                                                "JSON, JUnit XML; folders are searched."));
    const QCommandLineOption notesOption(QStringLiteral("notes"),
                                         QStringLiteral("Also archive the runs as git notes (refs/notes/"
                                                        "gatehouse-runs) on their commits, to share with git push."));
    parser.addOption(notesOption);
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("runs"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    const QStringList inputs = parser.positionalArguments().mid(1);
    if (inputs.isEmpty()) {
        io.err << "gatehouse runs import: no FILE given\n" << kUsage;
        return ExitUsage;
    }
    auto repo = openRepository(options.repo);
    if (!repo) {
        io.err << "gatehouse runs import: " << repo.error().toString() << '\n';
        return ExitUsage;
    }
    RunStore store(RunStore::storePath(repo->gitDir()));
    if (const Status loaded = store.load(); !loaded) {
        io.err << "gatehouse runs import: " << loaded.error().toString() << '\n';
        return ExitUsage;
    }

    const bool json = options.format == QLatin1String("json");
    int exitCode = ExitOk;
    ImportOutcome total;
    int recordsSkipped = 0;
    QList<Run> imported;
    QJsonArray files;
    const QStringList paths = expandInputs(inputs);
    if (paths.isEmpty()) {
        io.err << "gatehouse runs import: no *.json or *.xml file in " << inputs.join(QStringLiteral(", ")) << '\n';
        return ExitUsage;
    }
    for (const QString& path : paths) {
        auto read = RunReader::readFile(path);
        if (!read) {
            io.err << path << ": cannot import: " << read.error().toString() << " [" << read.error().code << "]\n";
            files.append(QJsonObject{{QStringLiteral("file"), path},
                                     {QStringLiteral("error"), read.error().message},
                                     {QStringLiteral("code"), read.error().code}});
            exitCode = ExitUsage;
            continue;
        }
        const ImportOutcome outcome = store.merge(read->runs);
        total.added += outcome.added;
        total.updated += outcome.updated;
        total.unchanged += outcome.unchanged;
        recordsSkipped += int(read->diagnostics.size());
        imported += read->runs;
        QJsonArray diagnostics;
        for (const RunDiagnostic& diagnostic : std::as_const(read->diagnostics)) {
            io.err << path << ": " << diagnostic.path << ": " << diagnostic.message << " [" << diagnostic.code << "]\n";
            diagnostics.append(QJsonObject{{QStringLiteral("code"), diagnostic.code},
                                           {QStringLiteral("path"), diagnostic.path},
                                           {QStringLiteral("message"), diagnostic.message}});
        }
        files.append(QJsonObject{{QStringLiteral("file"), path},
                                 {QStringLiteral("format"), formatName(read->format)},
                                 {QStringLiteral("runs"), int(read->runs.size())},
                                 {QStringLiteral("jobs"), read->jobCount},
                                 {QStringLiteral("imported"), outcome.added},
                                 {QStringLiteral("updated"), outcome.updated},
                                 {QStringLiteral("skipped"), outcome.unchanged + int(read->diagnostics.size())},
                                 {QStringLiteral("diagnostics"), diagnostics}});
        if (!json) {
            io.out << path << " (" << formatName(read->format) << "): " << read->runs.size() << " runs, "
                   << read->jobCount << " jobs — imported " << outcome.added << ", updated " << outcome.updated
                   << ", skipped " << outcome.unchanged << " already stored";
            if (!read->diagnostics.isEmpty())
                io.out << ", skipped " << read->diagnostics.size() << " broken records";
            io.out << '\n';
        }
    }
    if (total.added + total.updated > 0) {
        if (const Status saved = store.save(); !saved) {
            io.err << "gatehouse runs import: " << saved.error().toString() << '\n';
            return ExitUsage;
        }
    }

    QJsonObject notes;
    if (parser.isSet(notesOption) && !imported.isEmpty()) {
        auto signature = repo->defaultSignature();
        const git::Signature who = signature
            ? *signature
            : git::Signature{QStringLiteral("Gatehouse"), QStringLiteral("gatehouse@localhost"),
                             QDateTime::currentDateTimeUtc()};
        auto archived = RunStore::archiveToNotes(repo.value(), imported, who);
        if (!archived) {
            io.err << "gatehouse runs import: cannot archive as notes: " << archived.error().toString() << '\n';
            exitCode = ExitUsage;
        } else {
            notes = QJsonObject{{QStringLiteral("notes_written"), archived->notesWritten},
                                {QStringLiteral("runs_archived"), archived->runsArchived},
                                {QStringLiteral("runs_without_commit"), archived->runsWithoutCommit}};
            if (!json)
                io.out << "notes " << RunStore::notesRef() << ": " << archived->notesWritten << " written, "
                       << archived->runsArchived << " runs archived, " << archived->runsWithoutCommit
                       << " runs without a commit in this repository\n";
        }
    }

    if (json) {
        QJsonObject root{{QStringLiteral("store"), store.path()},
                         {QStringLiteral("files"), files},
                         {QStringLiteral("imported"), total.added},
                         {QStringLiteral("updated"), total.updated},
                         {QStringLiteral("skipped"), total.unchanged + recordsSkipped},
                         {QStringLiteral("stored_runs"), int(store.runs().size())}};
        if (!notes.isEmpty())
            root.insert(QStringLiteral("notes"), notes);
        writeJson(io.out, QJsonDocument(root));
    } else {
        io.out << "total: imported " << total.added << ", updated " << total.updated << ", skipped "
               << total.unchanged + recordsSkipped << "; " << store.runs().size() << " runs stored in " << store.path()
               << '\n';
    }
    return exitCode;
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

QJsonObject criticalPathJson(const CriticalPath& path)
{
    return QJsonObject{{QStringLiteral("run"), path.runKey.isEmpty() ? QJsonValue() : QJsonValue(path.runKey)},
                       {QStringLiteral("jobs"), QJsonArray::fromStringList(path.jobs)},
                       {QStringLiteral("dependencies"), path.dependencies},
                       {QStringLiteral("path_s"), secondsValue(path.pathSeconds)},
                       {QStringLiteral("observed_s"), secondsValue(path.observedSeconds)},
                       {QStringLiteral("serial_s"), secondsValue(path.serialSeconds)},
                       {QStringLiteral("parallel_saving_s"), secondsValue(path.parallelSavingSeconds)}};
}

QJsonArray trendJson(const QList<TrendPoint>& trend)
{
    QJsonArray points;
    for (const TrendPoint& point : trend)
        points.append(QJsonObject{{QStringLiteral("start"), point.start.toString(Qt::ISODate)},
                                  {QStringLiteral("runs"), point.runs},
                                  {QStringLiteral("successes"), point.successes},
                                  {QStringLiteral("failures"), point.failures},
                                  {QStringLiteral("success_rate"), rateValue(point.successRate)},
                                  {QStringLiteral("duration_p50_s"), secondsValue(point.durationP50)},
                                  {QStringLiteral("duration_p95_s"), secondsValue(point.durationP95)}});
    return points;
}

QJsonDocument analysisJson(const RunAnalysis& analysis, const AnalysisOptions& options)
{
    QJsonArray pipelines;
    for (const PipelineStats& p : analysis.pipelines) {
        pipelines.append(QJsonObject{
            {QStringLiteral("name"), p.name},
            {QStringLiteral("runs"), p.runs},
            {QStringLiteral("success_rate"), rateValue(p.successRate)},
            {QStringLiteral("duration_p50_s"), secondsValue(p.durationP50)},
            {QStringLiteral("duration_p95_s"), secondsValue(p.durationP95)},
            {QStringLiteral("false_failure_rate"), rateValue(p.falseFailureRate)},
            {QStringLiteral("recovery_time_median_s"), secondsValue(p.recoveryMedian)},
            {QStringLiteral("feedback_time_median_s"), secondsValue(p.feedbackMedian)},
            {QStringLiteral("successes"), p.successes},
            {QStringLiteral("failures"), p.failures},
            {QStringLiteral("canceled"), p.canceled},
            {QStringLiteral("false_failures"), p.falseFailures},
            {QStringLiteral("recoveries"), p.recoveries},
            {QStringLiteral("queue_p50_s"), secondsValue(p.queueP50)},
            {QStringLiteral("manual_jobs_run"), p.manualJobsRun},
            {QStringLiteral("job_retries"), p.jobRetries},
            {QStringLiteral("reruns"), p.reruns},
            {QStringLiteral("manual_intervention_rate"), rateValue(p.manualInterventionRate)},
            {QStringLiteral("critical_path"), criticalPathJson(p.criticalPath)},
            {QStringLiteral("duration_p50_change"), std::round(p.durationP50Change * 10000) / 10000},
            {QStringLiteral("trend_bucket_days"), p.trendBucketDays},
            {QStringLiteral("trend"), trendJson(p.trend)},
        });
    }
    QJsonArray jobs;
    for (const JobStats& j : analysis.jobs) {
        jobs.append(QJsonObject{
            {QStringLiteral("pipeline"), j.pipeline},
            {QStringLiteral("name"), j.name},
            {QStringLiteral("runs"), j.runs},
            {QStringLiteral("failure_rate"), rateValue(j.failureRate)},
            {QStringLiteral("flaky_failures"), j.flakyFailures},
            {QStringLiteral("duration_p50_s"), secondsValue(j.durationP50)},
            {QStringLiteral("stage"), j.stage.isEmpty() ? QJsonValue() : QJsonValue(j.stage)},
            {QStringLiteral("failures"), j.failures},
            {QStringLiteral("retries"), j.retries},
            {QStringLiteral("manual_runs"), j.manualRuns},
            {QStringLiteral("duration_p95_s"), secondsValue(j.durationP95)},
            {QStringLiteral("queue_p50_s"), secondsValue(j.queueP50)},
        });
    }
    QJsonArray suggestions;
    for (const Suggestion& s : analysis.suggestions) {
        suggestions.append(QJsonObject{{QStringLiteral("kind"), s.kind},
                                       {QStringLiteral("job"), s.job.isEmpty() ? QJsonValue() : QJsonValue(s.job)},
                                       {QStringLiteral("evidence"), s.evidence},
                                       {QStringLiteral("saving_s"), secondsValue(s.savingSeconds)},
                                       {QStringLiteral("pipeline"), s.pipeline}});
    }
    QJsonArray steps;
    for (const StepStats& s : analysis.slowestSteps) {
        steps.append(QJsonObject{{QStringLiteral("pipeline"), s.pipeline},
                                 {QStringLiteral("job"), s.job},
                                 {QStringLiteral("name"), s.name},
                                 {QStringLiteral("runs"), s.runs},
                                 {QStringLiteral("duration_p50_s"), secondsValue(s.durationP50)}});
    }
    QJsonArray correlations;
    for (const ConfigCorrelation& c : analysis.configCorrelations) {
        correlations.append(QJsonObject{{QStringLiteral("pipeline"), c.pipeline},
                                        {QStringLiteral("commit"), c.change.sha},
                                        {QStringLiteral("summary"), c.change.summary},
                                        {QStringLiteral("time"), c.change.time.toString(Qt::ISODate)},
                                        {QStringLiteral("files"), QJsonArray::fromStringList(c.change.files)},
                                        {QStringLiteral("runs_before"), c.runsBefore},
                                        {QStringLiteral("runs_after"), c.runsAfter},
                                        {QStringLiteral("success_rate_before"), rateValue(c.successBefore)},
                                        {QStringLiteral("success_rate_after"), rateValue(c.successAfter)}});
    }
    const QJsonObject window{
        {QStringLiteral("since"),
         options.since.isValid() ? QJsonValue(options.since.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("branch"), options.branch.isEmpty() ? QJsonValue() : QJsonValue(options.branch)},
        {QStringLiteral("default_branch"), options.defaultBranch},
        {QStringLiteral("runs"), analysis.runsConsidered}};
    return QJsonDocument(QJsonObject{{QStringLiteral("pipelines"), pipelines},
                                     {QStringLiteral("jobs"), jobs},
                                     {QStringLiteral("suggestions"), suggestions},
                                     {QStringLiteral("slowest_steps"), steps},
                                     {QStringLiteral("config_changes"), correlations},
                                     {QStringLiteral("window"), window}});
}

void analysisText(QTextStream& out, const RunAnalysis& analysis)
{
    out << analysis.runsConsidered << " runs analyzed\n";
    for (const PipelineStats& p : analysis.pipelines) {
        out << "\n"
            << p.name << ": " << p.runs << " runs, success " << rateText(p.successRate) << ", duration p50 "
            << secondsText(p.durationP50) << " / p95 " << secondsText(p.durationP95) << ", queue p50 "
            << secondsText(p.queueP50) << '\n'
            << "  false failures " << p.falseFailures << " (" << rateText(p.falseFailureRate) << "), recovery median "
            << secondsText(p.recoveryMedian) << " over " << p.recoveries << ", feedback median "
            << secondsText(p.feedbackMedian) << '\n'
            << "  interventions: " << p.manualJobsRun << " manual jobs run, " << p.jobRetries << " job retries, "
            << p.reruns << " re-runs (" << rateText(p.manualInterventionRate) << " of runs)\n";
        if (!p.criticalPath.jobs.isEmpty())
            out << "  critical path (" << p.criticalPath.runKey << ", by " << p.criticalPath.dependencies
                << "): " << p.criticalPath.jobs.join(QStringLiteral(" → ")) << " = "
                << secondsText(p.criticalPath.pathSeconds) << " of " << secondsText(p.criticalPath.observedSeconds)
                << " observed\n";
    }
    if (!analysis.jobs.isEmpty()) {
        out << "\nJobs (flakiest first):\n";
        for (const JobStats& j : analysis.jobs.mid(0, 20))
            out << "  " << j.pipeline << " / " << j.name << ": " << j.runs << " runs, failure "
                << rateText(j.failureRate) << ", flaky " << j.flakyFailures << ", p50 " << secondsText(j.durationP50)
                << '\n';
    }
    if (!analysis.suggestions.isEmpty()) {
        out << "\nSuggestions:\n";
        for (const Suggestion& s : analysis.suggestions) {
            out << "  [" << s.kind << "] " << (s.job.isEmpty() ? s.pipeline : s.job);
            if (s.savingSeconds >= 0)
                out << " (saves " << secondsText(s.savingSeconds) << ")";
            out << ": " << s.evidence << '\n';
        }
    }
}

int runAnalyze(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("Only runs started since DATE (ISO date or time, or 30d, "
                                                        "12w, 6h)."),
                                         QStringLiteral("DATE"));
    const QCommandLineOption branchOption(QStringLiteral("branch"), QStringLiteral("Only runs on branch B."),
                                          QStringLiteral("B"));
    const QCommandLineOption defaultBranchOption(
        QStringLiteral("default-branch"),
        QStringLiteral("The branch recovery time is measured on (default: HEAD's branch)."), QStringLiteral("B"));
    const QCommandLineOption noNotesOption(QStringLiteral("no-notes"),
                                           QStringLiteral("Ignore runs archived in refs/notes/gatehouse-runs."));
    parser.addOption(sinceOption);
    parser.addOption(branchOption);
    parser.addOption(defaultBranchOption);
    parser.addOption(noNotesOption);
    CommonOptions options;
    if (int code = parseArguments(parser, QStringLiteral("runs"), arguments,
                                  {QStringLiteral("json"), QStringLiteral("text")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    if (parser.positionalArguments().size() > 1) {
        io.err << "gatehouse runs analyze: unexpected argument '" << parser.positionalArguments().at(1) << "'\n"
               << kUsage;
        return ExitUsage;
    }
    AnalysisOptions analysisOptions;
    if (parser.isSet(sinceOption)) {
        analysisOptions.since = parseSince(parser.value(sinceOption));
        if (!analysisOptions.since.isValid()) {
            io.err << "gatehouse runs analyze: --since '" << parser.value(sinceOption)
                   << "' is not a date (expected e.g. 2026-01-31, 2026-01-31T12:00:00Z or 30d)\n";
            return ExitUsage;
        }
    }
    analysisOptions.branch = parser.value(branchOption);

    auto repo = openRepository(options.repo);
    if (!repo) {
        io.err << "gatehouse runs analyze: " << repo.error().toString() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(defaultBranchOption)) {
        analysisOptions.defaultBranch = parser.value(defaultBranchOption);
    } else if (auto head = repo->head(); head && !head->branch.isEmpty()) {
        analysisOptions.defaultBranch = head->branch;
    }

    analysisOptions.configChanges = configChangesOf(*repo);
    // GitLab job names are the config's keys: HEAD's `needs:` sharpen the critical path beyond stage order.
    if (auto config = repo->readFile(QStringLiteral("HEAD"), QStringLiteral(".gitlab-ci.yml"), 4 << 20); config) {
        auto needs = CiConfigNeeds::fromGitLabYaml(*config);
        if (needs)
            analysisOptions.needs.insert(QStringLiteral("gitlab"), *needs);
        else
            io.err << "gatehouse runs analyze: .gitlab-ci.yml: " << needs.error().toString()
                   << " (critical path from stage order)\n";
    }

    RunStore store(RunStore::storePath(repo->gitDir()));
    if (const Status loaded = store.load(); !loaded) {
        io.err << "gatehouse runs analyze: " << loaded.error().toString() << '\n';
        return ExitUsage;
    }
    QList<Run> runs = store.runs();
    if (!parser.isSet(noNotesOption)) {
        int skipped = 0;
        auto noted = RunStore::readNotes(*repo, &skipped);
        if (!noted) {
            io.err << "gatehouse runs analyze: cannot read " << RunStore::notesRef() << ": " << noted.error().toString()
                   << '\n';
        } else {
            RunStore::mergeInto(runs, *noted);
            if (skipped > 0)
                io.err << "gatehouse runs analyze: skipped " << skipped << " unreadable notes in "
                       << RunStore::notesRef() << '\n';
        }
    }
    if (runs.isEmpty())
        io.err << "gatehouse runs analyze: no runs imported for this repository yet (gatehouse runs import)\n";

    const RunAnalysis analysis = analyzeRuns(runs, analysisOptions);
    if (options.format == QLatin1String("json"))
        writeJson(io.out, analysisJson(analysis, analysisOptions));
    else
        analysisText(io.out, analysis);
    return ExitOk;
}

} // namespace

// `gatehouse runs import|analyze`: CI run history (issue 7).
int runRuns(const QStringList& arguments, Io io)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("import"))
        return runImport(arguments, io);
    if (action == QLatin1String("analyze"))
        return runAnalyze(arguments, io);
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        io.out << kUsage;
        return ExitOk;
    }
    io.err << "gatehouse runs: "
           << (action.isEmpty() ? QStringLiteral("missing action") : QStringLiteral("unknown action '%1'").arg(action))
           << '\n'
           << kUsage;
    return ExitUsage;
}

} // namespace gatehouse::cli
