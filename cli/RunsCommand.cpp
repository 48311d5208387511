// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "runs/RunHistory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace gatehouse::cli {

int runRunsSync(const QStringList& arguments, Io io); // RunsSyncCommand.cpp

using namespace gatehouse::runs;

namespace {

const char* const kUsage = "Usage: gatehouse runs import [--repo DIR] [--notes] [--format text|json] FILE|FOLDER…\n"
                           "       gatehouse runs analyze [--repo DIR] [--since DATE] [--branch B] "
                           "[--default-branch B] [--no-notes] [--check] [--format json|text]\n"
                           "       gatehouse runs sync [--repo DIR] (--gitlab URL --project ID | --github OWNER/REPO) "
                           "[--token-env VAR] [--max-runs N] [--notes]\n";

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
    const bool json = options.format == QLatin1String("json");
    if (RunHistory::expandInputs(inputs).isEmpty()) {
        io.err << "gatehouse runs import: no *.json or *.xml file in " << inputs.join(QStringLiteral(", ")) << '\n';
        return ExitUsage;
    }
    auto report = RunHistory::importFiles(options.repo, inputs, parser.isSet(notesOption));
    if (!report) {
        io.err << "gatehouse runs import: " << report.error().toString() << '\n';
        return ExitUsage;
    }
    QJsonArray files;
    for (const FileImport& file : std::as_const(report->files)) {
        if (file.error) {
            io.err << file.path << ": cannot import: " << file.error->toString() << " [" << file.error->code << "]\n";
            files.append(QJsonObject{{QStringLiteral("file"), file.path},
                                     {QStringLiteral("error"), file.error->message},
                                     {QStringLiteral("code"), file.error->code}});
            continue;
        }
        QJsonArray diagnostics;
        for (const RunDiagnostic& diagnostic : file.diagnostics) {
            io.err << file.path << ": " << diagnostic.path << ": " << diagnostic.message << " [" << diagnostic.code
                   << "]\n";
            diagnostics.append(QJsonObject{{QStringLiteral("code"), diagnostic.code},
                                           {QStringLiteral("path"), diagnostic.path},
                                           {QStringLiteral("message"), diagnostic.message}});
        }
        files.append(QJsonObject{{QStringLiteral("file"), file.path},
                                 {QStringLiteral("format"), formatName(file.format)},
                                 {QStringLiteral("runs"), file.runs},
                                 {QStringLiteral("jobs"), file.jobs},
                                 {QStringLiteral("imported"), file.outcome.added},
                                 {QStringLiteral("updated"), file.outcome.updated},
                                 {QStringLiteral("skipped"), file.outcome.unchanged + int(file.diagnostics.size())},
                                 {QStringLiteral("diagnostics"), diagnostics}});
        if (!json) {
            io.out << file.path << " (" << formatName(file.format) << "): " << file.runs << " runs, " << file.jobs
                   << " jobs — imported " << file.outcome.added << ", updated " << file.outcome.updated << ", skipped "
                   << file.outcome.unchanged << " already stored";
            if (!file.diagnostics.isEmpty())
                io.out << ", skipped " << file.diagnostics.size() << " broken records";
            io.out << '\n';
        }
    }
    int exitCode = report->anyUnreadable() ? ExitUsage : ExitOk;
    QJsonObject notes;
    if (report->notesError) {
        io.err << "gatehouse runs import: cannot archive as notes: " << report->notesError->toString() << '\n';
        exitCode = ExitUsage;
    } else if (report->notes) {
        const NotesOutcome& archived = *report->notes;
        notes = QJsonObject{{QStringLiteral("notes_written"), archived.notesWritten},
                            {QStringLiteral("runs_archived"), archived.runsArchived},
                            {QStringLiteral("runs_without_commit"), archived.runsWithoutCommit}};
        if (!json)
            io.out << "notes " << RunStore::notesRef() << ": " << archived.notesWritten << " written, "
                   << archived.runsArchived << " runs archived, " << archived.runsWithoutCommit
                   << " runs without a commit in this repository\n";
    }

    const int skipped = report->total.unchanged + report->recordsSkipped;
    if (json) {
        QJsonObject root{{QStringLiteral("store"), report->storePath},
                         {QStringLiteral("files"), files},
                         {QStringLiteral("imported"), report->total.added},
                         {QStringLiteral("updated"), report->total.updated},
                         {QStringLiteral("skipped"), skipped},
                         {QStringLiteral("stored_runs"), report->storedRuns}};
        if (!notes.isEmpty())
            root.insert(QStringLiteral("notes"), notes);
        writeJson(io.out, QJsonDocument(root));
    } else {
        io.out << "total: imported " << report->total.added << ", updated " << report->total.updated << ", skipped "
               << skipped << "; " << report->storedRuns << " runs stored in " << report->storePath << '\n';
    }
    return exitCode;
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
            {QStringLiteral("test_reports"), p.testReports},
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
    QJsonArray targets;
    for (const MetricCheck& check : checkSuccessMetrics(analysis.overall)) {
        targets.append(QJsonObject{
            {QStringLiteral("metric"), check.metric},
            {QStringLiteral("target"), QStringLiteral("%1 %2").arg(check.comparison).arg(check.target)},
            {QStringLiteral("actual"),
             check.actual < 0 ? QJsonValue() : QJsonValue(std::round(check.actual * 10000) / 10000)},
            {QStringLiteral("met"),
             check.outcome == MetricCheck::Outcome::NoData ? QJsonValue()
                                                           : QJsonValue(check.outcome == MetricCheck::Outcome::Met)}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("pipelines"), pipelines},
                                     {QStringLiteral("targets"), targets},
                                     {QStringLiteral("jobs"), jobs},
                                     {QStringLiteral("suggestions"), suggestions},
                                     {QStringLiteral("slowest_steps"), steps},
                                     {QStringLiteral("config_changes"), correlations},
                                     {QStringLiteral("window"), window}});
}

void analysisText(QTextStream& out, const RunAnalysis& analysis)
{
    out << analysis.runsConsidered << " runs analyzed\n";
    if (analysis.runsConsidered > 0) {
        out << "\nSuccess metrics:\n";
        for (const MetricCheck& check : checkSuccessMetrics(analysis.overall)) {
            const bool seconds = check.metric.endsWith(QLatin1String("_s"));
            out << "  " << check.metric << ' ' << check.comparison << ' '
                << (seconds ? secondsText(check.target) : rateText(check.target)) << ": "
                << (seconds ? secondsText(check.actual) : rateText(check.actual)) << " — "
                << (check.outcome == MetricCheck::Outcome::Met          ? "met"
                        : check.outcome == MetricCheck::Outcome::Missed ? "MISSED"
                                                                        : "no data")
                << '\n';
        }
    }
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
    if (!analysis.jobs.isEmpty()) {
        QList<JobStats> slowest = analysis.jobs;
        std::stable_sort(slowest.begin(), slowest.end(),
                         [](const JobStats& a, const JobStats& b) { return a.durationP50 > b.durationP50; });
        out << "\nSlowest jobs:\n";
        for (const JobStats& j : slowest.mid(0, 5))
            out << "  " << j.pipeline << " / " << j.name << ": p50 " << secondsText(j.durationP50) << ", p95 "
                << secondsText(j.durationP95) << '\n';
    }
    if (!analysis.slowestSteps.isEmpty()) {
        out << "\nSlowest steps:\n";
        for (const StepStats& step : analysis.slowestSteps.mid(0, 5))
            out << "  " << step.pipeline << " / " << step.job << " / " << step.name << ": p50 "
                << secondsText(step.durationP50) << " over " << step.runs << " runs\n";
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
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Exit 1 when a success metric misses its target (success "
                                                        "rate > 95 %, false failures < 5 %, recovery < 15 min, "
                                                        "feedback < 10 min, manual interventions < 5 %)."));
    parser.addOption(checkOption);
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

    analysisOptions.defaultBranch = parser.value(defaultBranchOption); // empty: HEAD's branch
    auto result = RunHistory::analyze(options.repo, analysisOptions, !parser.isSet(noNotesOption));
    if (!result) {
        io.err << "gatehouse runs analyze: " << result.error().toString() << '\n';
        return ExitUsage;
    }
    for (const QString& warning : std::as_const(result->warnings))
        io.err << "gatehouse runs analyze: " << warning << '\n';
    if (result->runs.isEmpty())
        io.err << "gatehouse runs analyze: no runs imported for this repository yet (gatehouse runs import)\n";

    if (options.format == QLatin1String("json"))
        writeJson(io.out, analysisJson(result->analysis, result->options));
    else
        analysisText(io.out, result->analysis);
    if (parser.isSet(checkOption)) {
        const QList<MetricCheck> checks = checkSuccessMetrics(result->analysis.overall);
        if (std::any_of(checks.cbegin(), checks.cend(),
                        [](const MetricCheck& check) { return check.outcome == MetricCheck::Outcome::Missed; }))
            return ExitFindings;
    }
    return ExitOk;
}

} // namespace

// `gatehouse runs import|analyze`: CI run history.
int runRuns(const QStringList& arguments, Io io)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("import"))
        return runImport(arguments, io);
    if (action == QLatin1String("analyze"))
        return runAnalyze(arguments, io);
    if (action == QLatin1String("sync"))
        return runRunsSync(arguments, io);
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
