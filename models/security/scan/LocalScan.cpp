// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalScan.h"

#include "ScanArchive.h"
#include "git/Repository.h"
#include "security/ScanHistory.h"
#include "security/SecurityConfig.h"

#include <QDir>
#include <QSet>

#include <algorithm>

namespace gatehouse {

namespace {

struct Settings
{
    ScannerConfig scanners;
    QString notesRef = ScanArchive::defaultNotesRef();
    QStringList globs;
};

Result<Settings> readSettings(const git::Repository& repo)
{
    QByteArray text;
    if (auto content = repo.readWorkTreeFile(QStringLiteral(".gatehouse/config.yml"), 1 << 20))
        text = *content;
    auto scanners = ScannerConfig::parse(text);
    if (!scanners)
        return scanners.error();
    Settings settings;
    settings.scanners = *scanners;
    if (auto security = SecurityConfig::parse(text)) {
        if (!security->notesRef.isEmpty())
            settings.notesRef = security->notesRef;
        settings.globs = security->reportGlobs;
    }
    return settings;
}

} // namespace

int LocalScanOutcome::ran() const
{
    return int(std::count_if(runs.cbegin(), runs.cend(),
                             [](const ToolRun& r) { return r.status == ScanStatus::Ok && r.report; }));
}

QList<NoteReport> LocalScanOutcome::reports() const
{
    QList<NoteReport> list;
    for (const ToolRun& run : runs) {
        if (run.status == ScanStatus::Ok && run.report)
            list << NoteReport{run.reportName, run.reportContent};
    }
    return list;
}

Result<ScannerConfig> LocalScan::config(const QString& repoPath)
{
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    auto settings = readSettings(*repo);
    if (!settings)
        return settings.error();
    return settings->scanners;
}

Result<LocalScanOutcome> LocalScan::run(const QString& repoPath, const QStringList& only, ProgressSink* sink)
{
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    if (repo->isBare())
        return makeError(QStringLiteral("scan.bare"), QStringLiteral("a bare repository has no work tree to scan"));
    auto settings = readSettings(*repo);
    if (!settings)
        return settings.error();

    LocalScanOutcome outcome;
    outcome.notesRef = settings->notesRef;
    outcome.blockingSeverity = settings->scanners.blocking;
    ScanRunner::Options options;
    options.workTree = QDir::cleanPath(repo->workDir());
    options.only = only;
    outcome.runs = ScanRunner::run(settings->scanners, options, sink);
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("scan.cancelled"), QStringLiteral("cancelled"));

    // The newest report of each tool in the history of HEAD, as `gatehouse posture` sees them.
    QHash<QString, QPair<git::ObjectId, QSet<QString>>> baselines;
    auto head = repo->head();
    if (head && !head->unborn) {
        outcome.head = head->commit;
        ScanSourceOptions sources;
        if (!settings->globs.isEmpty())
            sources.globs = settings->globs;
        sources.notesRef = settings->notesRef;
        sources.revision = head->commit.toString();
        sources.maxCommits = 1000;
        auto history = ScanHistoryReader::read(repoPath, sources, sink);
        if (!history) {
            outcome.baselineWarning = history.error().toString();
        } else {
            for (auto scan = history->scans.crbegin(); scan != history->scans.crend(); ++scan) {
                for (const ScanReport& report : scan->reports) {
                    if (report.tool.isEmpty() || baselines.contains(report.tool))
                        continue;
                    QSet<QString> fingerprints;
                    for (const Finding& finding : report.findings)
                        fingerprints.insert(finding.fingerprint);
                    baselines.insert(report.tool, {scan->commit, fingerprints});
                }
            }
        }
    }

    QSet<FindingCategory> covered;
    QSet<FindingCategory> selected;
    int fresh = 0;
    for (int index = 0; index < outcome.runs.size(); ++index) {
        const ToolRun& run = outcome.runs.at(index);
        selected.insert(run.category);
        if (run.status != ScanStatus::Ok || !run.report)
            continue;
        covered.insert(run.category);
        const bool comparable = baselines.contains(run.report->tool);
        if (comparable)
            outcome.baselineOf.insert(run.report->tool, baselines.value(run.report->tool).first);
        else
            outcome.notCompared << run.tool;
        const QSet<QString> known = comparable ? baselines.value(run.report->tool).second : QSet<QString>();
        for (const Finding& finding : run.report->findings) {
            LocalScanOutcome::Item item{finding, index, finding.severity >= outcome.blockingSeverity, std::nullopt};
            ++outcome.counts[finding.severity];
            outcome.blocking += item.blocking ? 1 : 0;
            if (comparable) {
                item.isNew = !known.contains(finding.fingerprint);
                fresh += *item.isNew ? 1 : 0;
            }
            outcome.findings << item;
        }
    }
    if (!outcome.baselineOf.isEmpty())
        outcome.fresh = fresh;
    for (FindingCategory category : {FindingCategory::Sast, FindingCategory::Dependency, FindingCategory::Container,
                                     FindingCategory::Secret, FindingCategory::Iac, FindingCategory::Dast}) {
        if (covered.contains(category))
            outcome.covered << category;
        else if (selected.contains(category))
            outcome.uncovered << category;
    }
    return outcome;
}

Result<git::ObjectId> LocalScan::archive(const QString& repoPath, const LocalScanOutcome& outcome)
{
    if (outcome.head.isNull())
        return makeError(QStringLiteral("scan.no-head"), QStringLiteral("the repository has no commits yet"));
    const QList<NoteReport> reports = outcome.reports();
    if (reports.isEmpty())
        return makeError(QStringLiteral("scan.nothing"), QStringLiteral("no scanner produced a report"));
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    auto signature = repo->defaultSignature();
    if (!signature)
        return makeError(signature.error().code,
                         signature.error().toString() + QStringLiteral(" (set user.name and user.email)"));
    return ScanArchive::archive(repo.value(), outcome.head, reports, *signature, outcome.notesRef);
}

} // namespace gatehouse
