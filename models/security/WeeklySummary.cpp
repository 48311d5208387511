// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WeeklySummary.h"
#include "common/Format.h"
#include "common/Statistics.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

double days(const QDateTime& from, const QDateTime& to)
{
    return double(from.secsTo(to)) / 86400.0;
}

double roundTenth(double value)
{
    return std::round(value * 10.0) / 10.0;
}

QJsonObject severityCounts(const QMap<Severity, int>& counts)
{
    QJsonObject o;
    for (Severity s : allSeverities())
        o.insert(severityName(s), counts.value(s, 0));
    return o;
}

QString coverageKind(FindingCategory category)
{
    // The review's five kinds are the category names, secrets in the plural; infrastructure-as-code scans are not one
    // of them.
    if (category == FindingCategory::Iac)
        return {};
    return category == FindingCategory::Secret ? QStringLiteral("secrets") : categoryName(category);
}

QJsonValue pointJson(const ScanPoint& point)
{
    if (!point.isValid())
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("commit"), point.commit.toString()},
                       {QStringLiteral("time"), format::isoUtc(point.time)}};
}

QJsonObject findingJson(const WeeklyFinding& f)
{
    QJsonObject o{{QStringLiteral("fingerprint"), f.finding.fingerprint},
                  {QStringLiteral("tool"), f.finding.tool},
                  {QStringLiteral("rule"), f.finding.rule},
                  {QStringLiteral("severity"), severityName(f.finding.severity)},
                  {QStringLiteral("category"), categoryName(f.finding.category)},
                  {QStringLiteral("title"), f.finding.title},
                  {QStringLiteral("first_seen"), pointJson(f.firstSeen)},
                  {QStringLiteral("fixed"), pointJson(f.fixed)},
                  {QStringLiteral("age_days"), roundTenth(f.ageDays)},
                  {QStringLiteral("owner"), f.owner}};
    const QJsonObject location = f.finding.toJson().value(QStringLiteral("location")).toObject();
    if (!location.isEmpty())
        o.insert(QStringLiteral("location"), location);
    if (f.slaDays) {
        o.insert(QStringLiteral("sla_days"), *f.slaDays);
        o.insert(QStringLiteral("due"), format::isoUtc(f.due));
    }
    return o;
}

bool worseFirst(const WeeklyFinding& a, const WeeklyFinding& b)
{
    if (a.finding.severity != b.finding.severity)
        return a.finding.severity > b.finding.severity;
    if (a.opened.time != b.opened.time)
        return a.opened.time < b.opened.time;
    if (a.finding.tool != b.finding.tool)
        return a.finding.tool < b.finding.tool;
    return a.finding.rule < b.finding.rule;
}

} // namespace

bool IsoWeek::isValid() const
{
    if (week < 1 || week > 53 || year < 1 || year > 9999)
        return false;
    return containing(monday()) == *this;
}

QDate IsoWeek::monday() const
{
    // 4 January is always in week 1.
    const QDate jan4(year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek() + 7 * (week - 1));
}

QDateTime IsoWeek::start() const
{
    return QDateTime(monday(), QTime(0, 0), Qt::UTC);
}

QDateTime IsoWeek::end() const
{
    return QDateTime(monday().addDays(6), QTime(23, 59, 59), Qt::UTC);
}

QString IsoWeek::toString() const
{
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

IsoWeek IsoWeek::addWeeks(int weeks) const
{
    return containing(monday().addDays(qint64(weeks) * 7));
}

IsoWeek IsoWeek::containing(const QDate& date)
{
    IsoWeek w;
    w.week = date.weekNumber(&w.year);
    return w;
}

std::optional<IsoWeek> IsoWeek::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-?[Ww](\\d{1,2})$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const IsoWeek w{match.captured(1).toInt(), match.captured(2).toInt()};
    if (!w.isValid())
        return std::nullopt;
    return w;
}

QStringList coverageKinds()
{
    return {QStringLiteral("sast"), QStringLiteral("dependency"), QStringLiteral("container"),
            QStringLiteral("secrets"), QStringLiteral("dast")};
}

int WeeklySummary::openTotal() const
{
    int total = 0;
    for (int n : open)
        total += n;
    return total;
}

int WeeklySummary::coveredKinds() const
{
    return int(std::count_if(coverage.cbegin(), coverage.cend(), [](const ScanCoverage& c) { return c.covered; }));
}

QJsonObject WeeklySummary::toJson() const
{
    QJsonObject medians;
    for (auto it = medianDaysToFix.cbegin(); it != medianDaysToFix.cend(); ++it)
        medians.insert(severityName(it.key()), roundTenth(it.value()));
    QJsonObject coverageObject;
    for (const ScanCoverage& c : coverage) {
        QJsonObject o{{QStringLiteral("covered"), c.covered},
                      {QStringLiteral("tools"), QJsonArray::fromStringList(c.tools)}};
        o.insert(QStringLiteral("last_scan"),
                 c.lastScan.isValid() ? QJsonValue(format::isoUtc(c.lastScan)) : QJsonValue());
        coverageObject.insert(c.kind, o);
    }
    const auto list = [](const QList<WeeklyFinding>& findings) {
        QJsonArray a;
        for (const WeeklyFinding& f : findings)
            a.append(findingJson(f));
        return a;
    };
    QJsonArray trendArray;
    for (const WeekTrendPoint& p : trend) {
        trendArray.append(QJsonObject{{QStringLiteral("week"), p.week.toString()},
                                      {QStringLiteral("open"), severityCounts(p.open)},
                                      {QStringLiteral("new"), p.newFindings},
                                      {QStringLiteral("fixed"), p.fixedFindings},
                                      {QStringLiteral("scans"), p.scans}});
    }
    return {
        {QStringLiteral("week"), week.toString()},           {QStringLiteral("start"), format::isoUtc(week.start())},
        {QStringLiteral("end"), format::isoUtc(week.end())}, {QStringLiteral("as_of"), format::isoUtc(asOf)},
        {QStringLiteral("open"), severityCounts(open)},      {QStringLiteral("open_total"), openTotal()},
        {QStringLiteral("new"), int(newFindings.size())},    {QStringLiteral("fixed"), int(fixedFindings.size())},
        {QStringLiteral("overdue"), int(overdue.size())},    {QStringLiteral("scans"), scans},
        {QStringLiteral("median_days_to_fix"), medians},     {QStringLiteral("coverage"), coverageObject},
        {QStringLiteral("new_findings"), list(newFindings)}, {QStringLiteral("fixed_findings"), list(fixedFindings)},
        {QStringLiteral("overdue_findings"), list(overdue)}, {QStringLiteral("trend"), trendArray}};
}

WeeklySummary summarizeWeek(const Posture& posture, int isoYear, int isoWeek, int trendWeeks)
{
    WeeklySummary summary;
    summary.week = IsoWeek{isoYear, isoWeek};
    if (!summary.week.isValid())
        return summary;
    const QDateTime start = summary.week.start();
    summary.asOf = summary.week.end();
    if (posture.now.isValid() && posture.now < summary.asOf)
        summary.asOf = posture.now.toUTC();
    const QDateTime asOf = summary.asOf;

    QHash<git::ObjectId, QString> authors;
    for (const ScanSummary& scan : posture.scans)
        authors.insert(scan.commit, scan.author);

    QMap<Severity, QList<double>> fixDurations;
    for (const FindingLifecycle& record : posture.findings) {
        WeeklyFinding f;
        f.finding = record.finding;
        f.firstSeen = record.firstSeen;
        f.opened = record.opened;
        f.fixed = record.fixed.isValid() && record.fixed.time <= asOf ? record.fixed : ScanPoint{};
        f.owner = authors.value(record.firstSeen.commit);
        f.slaDays = record.slaDays;
        f.due = record.due;
        if (record.opened.time > asOf) {
            // Not yet seen at asOf, or seen in an earlier episode the posture no longer details.
            continue;
        }
        if (f.fixed.isValid()) {
            f.ageDays = days(f.opened.time, f.fixed.time);
            fixDurations[f.finding.severity] << f.ageDays;
        } else {
            f.ageDays = days(f.opened.time, asOf);
        }
        if (f.opened.time >= start)
            summary.newFindings << f;
        if (f.fixed.isValid() && f.fixed.time >= start)
            summary.fixedFindings << f;
        if (f.fixed.isValid())
            continue;
        bool open = true;
        if (record.triage) {
            if (record.triage->status == TriageStatus::FalsePositive || record.triage->activeAt(asOf))
                open = false;
        }
        if (!open)
            continue;
        ++summary.open[f.finding.severity];
        if (f.slaDays && asOf > f.due)
            summary.overdue << f;
    }
    for (auto it = fixDurations.begin(); it != fixDurations.end(); ++it) {
        if (const std::optional<double> median = statistics::median(it.value()))
            summary.medianDaysToFix.insert(it.key(), *median);
    }
    std::sort(summary.newFindings.begin(), summary.newFindings.end(), worseFirst);
    std::sort(summary.fixedFindings.begin(), summary.fixedFindings.end(), worseFirst);
    std::sort(summary.overdue.begin(), summary.overdue.end(), [](const WeeklyFinding& a, const WeeklyFinding& b) {
        if (a.due != b.due)
            return a.due < b.due;
        return worseFirst(a, b);
    });

    // Coverage: which kinds of scan ran in the 7 days before asOf.
    const QDateTime windowStart = asOf.addDays(-7);
    QMap<QString, ScanCoverage> coverage;
    for (const QString& kind : coverageKinds())
        coverage.insert(kind, ScanCoverage{kind, false, {}, {}});
    for (const ScanSummary& scan : posture.scans) {
        if (scan.time > asOf)
            continue;
        for (const ScanSummary::Report& report : scan.reports) {
            for (FindingCategory category : report.categories) {
                const QString kind = coverageKind(category);
                if (kind.isEmpty())
                    continue;
                ScanCoverage& c = coverage[kind];
                if (!c.lastScan.isValid() || scan.time > c.lastScan)
                    c.lastScan = scan.time;
                if (scan.time > windowStart) {
                    c.covered = true;
                    if (!c.tools.contains(report.tool))
                        c.tools << report.tool;
                }
            }
        }
    }
    for (const QString& kind : coverageKinds()) {
        ScanCoverage c = coverage.value(kind);
        c.tools.sort();
        summary.coverage << c;
    }

    // Trend: the weeks ending with this one, from the scans' own counts.
    trendWeeks = std::max(1, trendWeeks);
    qsizetype next = 0; // first scan not yet consumed
    QMap<Severity, int> lastOpen;
    const IsoWeek first = summary.week.addWeeks(-(trendWeeks - 1));
    while (next < posture.scans.size() && posture.scans.at(next).time < first.start())
        lastOpen = posture.scans.at(next++).open;
    for (int i = 0; i < trendWeeks; ++i) {
        WeekTrendPoint point;
        point.week = first.addWeeks(i);
        const QDateTime weekEnd = std::min(point.week.end(), asOf);
        while (next < posture.scans.size() && posture.scans.at(next).time <= weekEnd) {
            const ScanSummary& scan = posture.scans.at(next++);
            lastOpen = scan.open;
            point.newFindings += scan.newFindings;
            point.fixedFindings += scan.fixedFindings;
            ++point.scans;
        }
        point.open = lastOpen;
        summary.trend << point;
    }
    summary.scans = summary.trend.last().scans;
    return summary;
}

} // namespace gatehouse
