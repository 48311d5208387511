// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Posture.h"
#include "ScanHistoryCache.h"
#include "common/Format.h"

#include "common/Statistics.h"
#include "git/Repository.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

QJsonValue pointJson(const ScanPoint& point)
{
    if (!point.isValid())
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("commit"), point.commit.toString()},
                       {QStringLiteral("time"), format::isoUtc(point.time)}};
}

QJsonObject severityCounts(const QMap<Severity, int>& counts)
{
    QJsonObject o;
    for (Severity s : allSeverities())
        o.insert(severityName(s), counts.value(s, 0));
    return o;
}

double days(const QDateTime& from, const QDateTime& to)
{
    return double(from.secsTo(to)) / 86400.0;
}

double roundTenth(double value)
{
    return std::round(value * 10.0) / 10.0;
}

QString lifecycleKey(const Finding& f)
{
    return f.tool + QLatin1Char('\x1f') + f.fingerprint;
}

bool isMissing(const Error& error)
{
    return error.code.endsWith(QLatin1String("not-found"));
}

/// config.yml / triage.yml: the work tree's when no revision was asked for, else the revision's; empty if absent.
Result<QByteArray> readSetting(const git::Repository& repo, const QString& revision, const git::ObjectId& commit,
                               const QString& path)
{
    if (revision.isEmpty() && !repo.isBare()) {
        auto content = repo.readWorkTreeFile(path, 4 << 20);
        if (content || !isMissing(content.error()))
            return content;
        return QByteArray();
    }
    auto content = repo.readFile(commit, path, 4 << 20);
    if (!content && isMissing(content.error()))
        return QByteArray();
    return content;
}

/// The decision that applies to a finding: triage.yml's first match, else the tool's own triage (a SonarQube issue
/// resolved as false positive or won't fix), so a decision made in the tool is not asked for again.
std::optional<TriageEntry> decisionFor(const Triage& triage, const Finding& finding)
{
    if (const TriageEntry* decision = triage.find(finding))
        return *decision;
    if (finding.triage.isEmpty())
        return std::nullopt;
    TriageEntry entry;
    entry.fingerprint = finding.fingerprint;
    entry.tool = finding.tool;
    entry.rule = finding.rule;
    const bool falsePositive = finding.triage == QLatin1String("false_positive");
    entry.status = falsePositive ? TriageStatus::FalsePositive : TriageStatus::AcceptedRisk;
    entry.reason
        = QStringLiteral("resolved as %1 in %2")
              .arg(falsePositive ? QStringLiteral("false positive") : QStringLiteral("won't fix"), finding.tool);
    entry.by = finding.tool;
    return entry;
}

} // namespace

QString findingStateName(FindingState state)
{
    switch (state) {
    case FindingState::Open:
        return QStringLiteral("open");
    case FindingState::Fixed:
        return QStringLiteral("fixed");
    case FindingState::FalsePositive:
        return QStringLiteral("false_positive");
    case FindingState::Accepted:
        break;
    }
    return QStringLiteral("accepted");
}

QList<FindingEpisode> FindingLifecycle::episodes() const
{
    QList<FindingEpisode> all = pastEpisodes;
    all << FindingEpisode{opened, fixed};
    return all;
}

std::optional<FindingEpisode> FindingLifecycle::episodeAt(const QDateTime& time) const
{
    if (FindingEpisode current{opened, fixed}; current.containsTime(time))
        return current;
    for (const FindingEpisode& episode : pastEpisodes) {
        if (episode.containsTime(time))
            return episode;
    }
    return std::nullopt;
}

QList<FindingCategory> reportCategories(const ScanReport& report)
{
    QList<FindingCategory> categories;
    for (const Finding& f : report.findings) {
        if (!categories.contains(f.category))
            categories << f.category;
    }
    if (!categories.isEmpty()) {
        std::sort(categories.begin(), categories.end());
        return categories;
    }
    const QString tool = report.tool.toLower();
    const QString path = report.path.toLower();
    if (tool.contains(QLatin1String("gitleaks")) || tool.contains(QLatin1String("trufflehog"))
        || tool.contains(QLatin1String("detect-secrets")) || path.contains(QLatin1String("secret")))
        return {FindingCategory::Secret};
    if (tool.contains(QLatin1String("zap")) || tool.contains(QLatin1String("nuclei"))
        || path.contains(QLatin1String("dast")))
        return {FindingCategory::Dast};
    if (path.contains(QLatin1String("config")) || path.contains(QLatin1String("iac")))
        return {FindingCategory::Iac};
    if (tool == QLatin1String("trivy") || tool == QLatin1String("grype")) {
        if (path.contains(QLatin1String("container")) || path.contains(QLatin1String("image")))
            return {FindingCategory::Container};
        return {FindingCategory::Dependency};
    }
    if (path.contains(QLatin1String("container")) || path.contains(QLatin1String("image")))
        return {FindingCategory::Container};
    switch (report.format) {
    case ReportFormat::PipAudit:
    case ReportFormat::Safety:
    case ReportFormat::NpmAudit:
    case ReportFormat::OsvScanner:
    case ReportFormat::Grype:
    case ReportFormat::DependabotAlerts:
        return {FindingCategory::Dependency};
    case ReportFormat::Gitleaks:
        return {FindingCategory::Secret};
    case ReportFormat::Zap:
        return {FindingCategory::Dast};
    default:
        break;
    }
    if (path.contains(QLatin1String("dependency")) || path.contains(QLatin1String("audit")))
        return {FindingCategory::Dependency};
    return {FindingCategory::Sast};
}

QMap<Severity, int> Posture::openBySeverity() const
{
    QMap<Severity, int> counts;
    for (const FindingLifecycle& f : findings) {
        if (f.state == FindingState::Open)
            ++counts[f.finding.severity];
    }
    return counts;
}

int Posture::overdueCount() const
{
    return int(std::count_if(findings.cbegin(), findings.cend(), [](const FindingLifecycle& f) { return f.overdue; }));
}

double Posture::falsePositiveRate() const
{
    if (findings.isEmpty())
        return 0;
    const auto fp = std::count_if(findings.cbegin(), findings.cend(), [](const FindingLifecycle& f) {
        return f.triage && f.triage->status == TriageStatus::FalsePositive;
    });
    return double(fp) / double(findings.size());
}

QMap<Severity, double> Posture::medianDaysToFix() const
{
    QMap<Severity, QList<double>> durations;
    for (const FindingLifecycle& f : findings) {
        if (f.state == FindingState::Fixed)
            durations[f.finding.severity] << days(f.opened.time, f.fixed.time);
    }
    QMap<Severity, double> medians;
    for (auto it = durations.begin(); it != durations.end(); ++it) {
        if (const std::optional<double> median = statistics::median(it.value()))
            medians.insert(it.key(), *median);
    }
    return medians;
}

QJsonObject Posture::toJson() const
{
    QJsonArray scanArray;
    for (const ScanSummary& s : scans) {
        QJsonArray reports;
        for (const ScanSummary::Report& r : s.reports) {
            reports.append(QJsonObject{
                {QStringLiteral("path"), r.path},
                {QStringLiteral("tool"), r.tool},
                {QStringLiteral("findings"), qint64(r.findings)},
                {QStringLiteral("source"), r.fromNote ? QStringLiteral("note") : QStringLiteral("commit")}});
        }
        scanArray.append(QJsonObject{{QStringLiteral("commit"), s.commit.toString()},
                                     {QStringLiteral("time"), format::isoUtc(s.time)},
                                     {QStringLiteral("reports"), reports},
                                     {QStringLiteral("open"), severityCounts(s.open)},
                                     {QStringLiteral("new"), s.newFindings},
                                     {QStringLiteral("fixed"), s.fixedFindings}});
    }
    QJsonArray findingArray;
    for (const FindingLifecycle& f : findings) {
        QJsonObject o{{QStringLiteral("fingerprint"), f.finding.fingerprint},
                      {QStringLiteral("tool"), f.finding.tool},
                      {QStringLiteral("rule"), f.finding.rule},
                      {QStringLiteral("severity"), severityName(f.finding.severity)},
                      {QStringLiteral("title"), f.finding.title},
                      {QStringLiteral("category"), categoryName(f.finding.category)},
                      {QStringLiteral("first_seen"), pointJson(f.firstSeen)},
                      {QStringLiteral("fixed"), pointJson(f.fixed)},
                      {QStringLiteral("state"), findingStateName(f.state)},
                      {QStringLiteral("age_days"), roundTenth(f.ageDays)},
                      {QStringLiteral("overdue"), f.overdue}};
        const QJsonObject location = f.finding.toJson().value(QStringLiteral("location")).toObject();
        if (!location.isEmpty())
            o.insert(QStringLiteral("location"), location);
        if (f.slaDays) {
            o.insert(QStringLiteral("sla_days"), *f.slaDays);
            o.insert(QStringLiteral("due"), format::isoUtc(f.due));
        }
        if (f.reintroductions > 0) {
            o.insert(QStringLiteral("reintroduced"), f.reintroductions);
            o.insert(QStringLiteral("opened"), pointJson(f.opened));
        }
        if (f.triage) {
            QJsonObject t{{QStringLiteral("status"),
                           f.triage->status == TriageStatus::FalsePositive ? QStringLiteral("false_positive")
                                                                           : QStringLiteral("accepted_risk")},
                          {QStringLiteral("reason"), f.triage->reason},
                          {QStringLiteral("by"), f.triage->by}};
            if (f.triage->date.isValid())
                t.insert(QStringLiteral("date"), f.triage->date.toString(Qt::ISODate));
            if (f.triage->expires.isValid())
                t.insert(QStringLiteral("expires"), f.triage->expires.toString(Qt::ISODate));
            t.insert(QStringLiteral("expired"), f.triageExpired);
            o.insert(QStringLiteral("triage"), t);
        }
        findingArray.append(o);
    }
    QJsonObject medians;
    const QMap<Severity, double> median = medianDaysToFix();
    for (auto it = median.cbegin(); it != median.cend(); ++it)
        medians.insert(severityName(it.key()), roundTenth(it.value()));
    QJsonArray skippedArray;
    for (const SkippedReport& s : skipped) {
        skippedArray.append(
            QJsonObject{{QStringLiteral("commit"), s.commit.toString()},
                        {QStringLiteral("path"), s.path},
                        {QStringLiteral("source"), s.fromNote ? QStringLiteral("note") : QStringLiteral("commit")},
                        {QStringLiteral("code"), s.diagnostic.code},
                        {QStringLiteral("message"), s.diagnostic.toString()}});
    }
    const QJsonObject summary{{QStringLiteral("open"), severityCounts(openBySeverity())},
                              {QStringLiteral("overdue"), overdueCount()},
                              {QStringLiteral("findings"), qint64(findings.size())},
                              {QStringLiteral("false_positive_rate"), falsePositiveRate()},
                              {QStringLiteral("median_days_to_fix"), medians}};
    return {{QStringLiteral("head"), head.toString()},  {QStringLiteral("now"), format::isoUtc(now)},
            {QStringLiteral("summary"), summary},       {QStringLiteral("scans"), scanArray},
            {QStringLiteral("findings"), findingArray}, {QStringLiteral("skipped"), skippedArray}};
}

Posture PostureBuilder::build(const ScanHistory& history, const SecurityConfig& config, const Triage& triage,
                              const QDateTime& now)
{
    Posture posture;
    posture.head = history.head;
    posture.now = now.toUTC();
    posture.skipped = history.skipped;
    posture.triage = triage.entries();

    QList<FindingLifecycle> records;
    QHash<QString, qsizetype> index; // lifecycle key → records
    // A stream is one kind of scan of one tool: tool + report format. The nightly trivy JSON note and the weekly
    // committed trivy JSON are one stream (the latest scan wins), the trivy config SARIF is another, so a scan of one
    // does not mark the other's findings fixed. Reports of one stream in one commit are merged. A finding is present
    // while the latest scan of any stream reports it, and fixed when it leaves the last one.
    QHash<QString, QSet<QString>> streams; // stream → keys in its latest scan
    QHash<QString, int> holders; // lifecycle key → number of streams whose latest scan reports it

    for (const Scan& scan : history.scans) {
        ScanSummary summary;
        summary.commit = scan.commit;
        summary.time = scan.time;
        summary.author = scan.author;
        const ScanPoint point{scan.commit, scan.time};

        QHash<QString, QHash<QString, Finding>> current; // stream → its findings in this scan
        for (const ScanReport& report : scan.reports) {
            summary.reports << ScanSummary::Report{report.path, report.tool, report.findings.size(), report.fromNote,
                                                   reportCategories(report)};
            const QString suffix = QLatin1Char('\x1f') + reportFormatName(report.format);
            current[report.tool + suffix];
            for (const Finding& f : report.findings)
                current[f.tool + suffix].insert(lifecycleKey(f), f);
        }
        // Additions before removals: a finding moving between streams in one scan is neither fixed nor new.
        for (auto stream = current.cbegin(); stream != current.cend(); ++stream) {
            const QSet<QString>& previous = streams[stream.key()];
            for (auto it = stream->cbegin(); it != stream->cend(); ++it) {
                const auto existing = index.constFind(it.key());
                if (existing == index.cend()) {
                    FindingLifecycle record;
                    record.finding = it.value();
                    record.firstSeen = point;
                    record.opened = point;
                    index.insert(it.key(), records.size());
                    records << record;
                    ++summary.newFindings;
                } else {
                    FindingLifecycle& record = records[*existing];
                    record.finding = it.value();
                    if (record.fixed.isValid()) {
                        record.pastEpisodes << FindingEpisode{record.opened, record.fixed};
                        record.fixed = {};
                        record.opened = point;
                        ++record.reintroductions;
                        ++summary.newFindings;
                    }
                }
                if (!previous.contains(it.key()))
                    ++holders[it.key()];
            }
        }
        for (auto stream = current.cbegin(); stream != current.cend(); ++stream) {
            QSet<QString>& previous = streams[stream.key()];
            for (const QString& key : std::as_const(previous)) {
                if (stream->contains(key))
                    continue;
                if (--holders[key] == 0) {
                    records[index.value(key)].fixed = point;
                    ++summary.fixedFindings;
                }
            }
            previous = QSet<QString>(stream->keyBegin(), stream->keyEnd());
        }
        for (auto holder = holders.cbegin(); holder != holders.cend(); ++holder) {
            if (holder.value() <= 0)
                continue;
            const FindingLifecycle& record = records.at(index.value(holder.key()));
            // The tool's own triage has no expiry: it holds at every scan.
            const TriageEntry* decision = triage.find(record.finding);
            if (decision ? decision->activeAt(scan.time) : !record.finding.triage.isEmpty())
                continue;
            ++summary.open[record.finding.severity];
        }
        posture.scans << summary;
    }

    for (FindingLifecycle& record : records) {
        const bool isPresent = !record.fixed.isValid();
        record.triage = decisionFor(triage, record.finding);
        record.slaDays = config.sla(record.finding.severity);
        if (record.slaDays)
            record.due = record.opened.time.addDays(*record.slaDays);
        if (!isPresent) {
            record.state = FindingState::Fixed;
            record.ageDays = days(record.opened.time, record.fixed.time);
            continue;
        }
        record.ageDays = days(record.opened.time, posture.now);
        record.state = FindingState::Open;
        if (record.triage) {
            if (record.triage->status == TriageStatus::FalsePositive)
                record.state = FindingState::FalsePositive;
            else if (record.triage->activeAt(posture.now))
                record.state = FindingState::Accepted;
            else
                record.triageExpired = true;
        }
        record.overdue = record.state == FindingState::Open && record.slaDays && posture.now > record.due;
    }
    std::stable_sort(records.begin(), records.end(), [](const FindingLifecycle& a, const FindingLifecycle& b) {
        if (a.firstSeen.time != b.firstSeen.time)
            return a.firstSeen.time < b.firstSeen.time;
        if (a.finding.severity != b.finding.severity)
            return a.finding.severity > b.finding.severity;
        if (a.finding.tool != b.finding.tool)
            return a.finding.tool < b.finding.tool;
        if (a.finding.rule != b.finding.rule)
            return a.finding.rule < b.finding.rule;
        return a.finding.fingerprint < b.finding.fingerprint;
    });
    posture.findings = std::move(records);
    return posture;
}

Result<Posture> PostureBuilder::compute(const QString& repoPath, const QString& revision, const QDateTime& now,
                                        ProgressSink* sink, const QString& cacheDir)
{
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    const QString rev = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    auto commit = repo->resolve(rev);
    if (!commit)
        return commit.error();

    auto configText = readSetting(*repo, revision, *commit, QStringLiteral(".gatehouse/config.yml"));
    if (!configText)
        return configText.error();
    auto config = SecurityConfig::parse(*configText);
    if (!config)
        return config.error();
    auto triageText = readSetting(*repo, revision, *commit, QStringLiteral(".gatehouse/triage.yml"));
    if (!triageText)
        return triageText.error();
    auto triage = Triage::parse(*triageText);
    if (!triage)
        return triage.error();

    ScanSourceOptions options;
    options.revision = commit->toString();
    options.globs = config->reportGlobs;
    options.notesRef = config->notesRef;
    options.cacheDir = cacheDir;
    auto history = ScanHistoryCache::read(repoPath, options, sink);
    if (!history)
        return history.error();
    return build(*history, *config, *triage, now);
}

} // namespace gatehouse
