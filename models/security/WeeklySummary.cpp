// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WeeklySummary.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

QString iso(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

double days(const QDateTime& from, const QDateTime& to)
{
    return double(from.secsTo(to)) / 86400.0;
}

double roundTenth(double value)
{
    return std::round(value * 10.0) / 10.0;
}

int weeksInYear(int year)
{
    // Dec 28 is always in the last ISO week of its year.
    return QDate(year, 12, 28).weekNumber();
}

/// Open at `time`: present in an episode and not under a decision that holds then.
bool openAt(const FindingLifecycle& f, const QDateTime& time, std::optional<FindingEpisode>* episode = nullptr)
{
    const auto at = f.episodeAt(time);
    if (!at)
        return false;
    if (f.triage && f.triage->activeAt(time))
        return false;
    if (episode)
        *episode = at;
    return true;
}

QJsonArray findingList(const Posture& posture, const QList<qsizetype>& indexes)
{
    QJsonArray list;
    for (qsizetype i : indexes) {
        const Finding& f = posture.findings.at(i).finding;
        list.append(QJsonObject{{QStringLiteral("tool"), f.tool},
                                {QStringLiteral("fingerprint"), f.fingerprint},
                                {QStringLiteral("severity"), severityName(f.severity)},
                                {QStringLiteral("rule"), f.rule},
                                {QStringLiteral("title"), f.title}});
    }
    return list;
}

} // namespace

bool IsoWeek::isValid() const
{
    return year >= 1 && year <= 9999 && week >= 1 && week <= weeksInYear(year);
}

QDate IsoWeek::monday() const
{
    if (!isValid())
        return {};
    const QDate jan4(year, 1, 4); // always in week 1
    return jan4.addDays(1 - jan4.dayOfWeek()).addDays(qint64(week - 1) * 7);
}

QDateTime IsoWeek::start() const
{
    return isValid() ? monday().startOfDay(Qt::UTC) : QDateTime();
}

QDateTime IsoWeek::end() const
{
    return isValid() ? monday().addDays(7).startOfDay(Qt::UTC) : QDateTime();
}

QString IsoWeek::toString() const
{
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

QDateTime IsoWeek::lastSecond() const
{
    return isValid() ? end().addSecs(-1) : QDateTime();
}

IsoWeek IsoWeek::addWeeks(int weeks) const
{
    return of(monday().addDays(qint64(weeks) * 7));
}

IsoWeek IsoWeek::next() const
{
    return of(monday().addDays(7));
}

IsoWeek IsoWeek::previous() const
{
    return of(monday().addDays(-7));
}

IsoWeek IsoWeek::of(const QDate& date)
{
    IsoWeek w;
    if (!date.isValid())
        return w;
    w.week = date.weekNumber(&w.year);
    return w;
}

IsoWeek IsoWeek::of(const QDateTime& time)
{
    return of(time.toUTC().date());
}

std::optional<IsoWeek> IsoWeek::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d{4})-?[Ww](\d{1,2})\s*$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const IsoWeek w{match.captured(1).toInt(), match.captured(2).toInt()};
    if (!w.isValid())
        return std::nullopt;
    return w;
}

QList<FindingCategory> coverageCategories()
{
    return {FindingCategory::Sast, FindingCategory::Dependency, FindingCategory::Container, FindingCategory::Secret,
            FindingCategory::Dast};
}

QList<FindingCategory> WeeklySummary::coveredCategories() const
{
    QList<FindingCategory> list;
    for (FindingCategory c : coverageCategories()) {
        if (covered(c))
            list << c;
    }
    return list;
}

QList<FindingCategory> WeeklySummary::uncoveredCategories() const
{
    QList<FindingCategory> list;
    for (FindingCategory c : coverageCategories()) {
        if (!covered(c))
            list << c;
    }
    return list;
}

QJsonObject WeeklySummary::toJson(const Posture* posture) const
{
    QJsonObject openObject;
    for (Severity s : allSeverities())
        openObject.insert(severityName(s), openCount(s));
    QJsonObject medians;
    for (auto it = medianDaysToFix.cbegin(); it != medianDaysToFix.cend(); ++it)
        medians.insert(severityName(it.key()), roundTenth(it.value()));
    QJsonArray covered;
    QJsonArray uncovered;
    for (FindingCategory c : coveredCategories())
        covered.append(categoryName(c));
    for (FindingCategory c : uncoveredCategories())
        uncovered.append(categoryName(c));
    QJsonObject o{{QStringLiteral("week"), week.toString()},
                  {QStringLiteral("start"), iso(start)},
                  {QStringLiteral("end"), iso(end)},
                  {QStringLiteral("as_of"), iso(asOf)},
                  {QStringLiteral("complete"), complete},
                  {QStringLiteral("scans"), scans},
                  {QStringLiteral("open"), openObject},
                  {QStringLiteral("new"), newFindings},
                  {QStringLiteral("fixed"), fixedFindings},
                  {QStringLiteral("overdue"), overdue},
                  {QStringLiteral("median_days_to_fix"), medians},
                  {QStringLiteral("coverage"),
                   QJsonObject{{QStringLiteral("covered"), covered},
                               {QStringLiteral("uncovered"), uncovered},
                               {QStringLiteral("days"), coverageDays}}}};
    if (posture) {
        o.insert(QStringLiteral("new_findings"), findingList(*posture, newIndexes));
        o.insert(QStringLiteral("fixed_findings"), findingList(*posture, fixedIndexes));
        o.insert(QStringLiteral("overdue_findings"), findingList(*posture, overdueIndexes));
    }
    return o;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

QMap<Severity, QList<double>> fixDurations(const Posture& posture, const QDateTime& until)
{
    QMap<Severity, QList<double>> durations;
    for (const FindingLifecycle& f : posture.findings) {
        for (const FindingEpisode& e : f.episodes()) {
            if (e.fixed.isValid() && e.fixed.time <= until)
                durations[f.finding.severity] << days(e.opened.time, e.fixed.time);
        }
    }
    return durations;
}

QMap<QString, QMap<Severity, int>> openByTool(const Posture& posture, const QDateTime& time)
{
    QMap<QString, QMap<Severity, int>> counts;
    for (const FindingLifecycle& f : posture.findings) {
        if (openAt(f, time))
            ++counts[f.finding.tool][f.finding.severity];
    }
    return counts;
}

WeeklySummary summarizeWeek(const Posture& posture, int isoYear, int isoWeek, int coverageDays)
{
    WeeklySummary s;
    s.week = IsoWeek{isoYear, isoWeek};
    s.coverageDays = coverageDays;
    if (!s.week.isValid())
        return s;
    s.start = s.week.start();
    s.end = s.week.end();
    const QDateTime now = posture.now.isValid() ? posture.now : s.end;
    s.asOf = std::min(s.end, now);
    s.complete = s.asOf == s.end;
    // A week that starts after `now` has nothing yet: everything is evaluated at the end of the range it covers.
    const bool inWeek = s.asOf >= s.start;

    for (qsizetype i = 0; i < posture.findings.size(); ++i) {
        const FindingLifecycle& f = posture.findings.at(i);
        bool opened = false;
        bool fixed = false;
        for (const FindingEpisode& e : f.episodes()) {
            if (inWeek && e.opened.time >= s.start && e.opened.time < s.end && e.opened.time <= s.asOf) {
                ++s.newFindings;
                opened = true;
            }
            if (inWeek && e.fixed.isValid() && e.fixed.time >= s.start && e.fixed.time < s.end
                && e.fixed.time <= s.asOf) {
                ++s.fixedFindings;
                fixed = true;
            }
        }
        if (opened)
            s.newIndexes << i;
        if (fixed)
            s.fixedIndexes << i;
        std::optional<FindingEpisode> episode;
        if (!openAt(f, s.asOf, &episode))
            continue;
        ++s.open[f.finding.severity];
        if (f.slaDays && s.asOf > episode->opened.time.addDays(*f.slaDays)) {
            ++s.overdue;
            s.overdueIndexes << i;
        }
    }
    const QMap<Severity, QList<double>> durations = fixDurations(posture, s.asOf);
    for (auto it = durations.cbegin(); it != durations.cend(); ++it)
        s.medianDaysToFix.insert(it.key(), median(it.value()));

    const QDateTime coverageStart = s.asOf.addDays(-coverageDays);
    const QList<FindingCategory> tracked = coverageCategories();
    for (const ScanSummary& scan : posture.scans) {
        if (scan.time >= s.start && scan.time < s.end && scan.time <= s.asOf)
            ++s.scans;
        if (scan.time <= coverageStart || scan.time > s.asOf)
            continue;
        for (const ScanSummary::Report& report : scan.reports) {
            for (FindingCategory c : report.categories) {
                if (tracked.contains(c) && (!s.lastScanOf.contains(c) || s.lastScanOf.value(c) < scan.time))
                    s.lastScanOf.insert(c, scan.time);
            }
        }
    }
    return s;
}

QList<WeeklySummary> summarizeWeeks(const Posture& posture, int maxWeeks)
{
    QList<WeeklySummary> weeks;
    if (posture.scans.isEmpty() || !posture.now.isValid())
        return weeks;
    const IsoWeek last = IsoWeek::of(posture.now);
    IsoWeek week = IsoWeek::of(posture.scans.constFirst().time);
    // Count back from the last week so a very long history keeps its newest weeks.
    const qint64 span = week.monday().daysTo(last.monday()) / 7 + 1;
    if (span > maxWeeks)
        week = IsoWeek::of(last.monday().addDays(-qint64(maxWeeks - 1) * 7));
    for (; week <= last && week.isValid(); week = week.next())
        weeks << summarizeWeek(posture, week.year, week.week);
    return weeks;
}

} // namespace gatehouse
