// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "git/Repository.h"
#include "security/Posture.h"
#include "security/PostureStatistics.h"
#include "security/WeeklySummary.h"

#include <QJsonArray>

#include <QJsonDocument>

namespace gatehouse::cli {

// `gatehouse posture`: every scan on the branch and every finding's lifecycle.
int runPosture(const QStringList& arguments, Io io)
{
    QCommandLineParser parser;
    CommonOptions options;
    const QCommandLineOption nowOption(QStringLiteral("now"),
                                       QStringLiteral("Evaluate ages, SLAs and triage expiry at this ISO 8601 time "
                                                      "instead of the current time."),
                                       QStringLiteral("TIME"));
    const QCommandLineOption cacheOption(QStringLiteral("no-cache"),
                                         QStringLiteral("Do not read or write the on-disk report cache."));
    const QCommandLineOption weekOption(QStringLiteral("week"),
                                        QStringLiteral("Add the weekly review of this ISO week (e.g. 2026-W47) as "
                                                       "\"week\", with its new, fixed and overdue findings."),
                                        QStringLiteral("WEEK"));
    parser.addOption(nowOption);
    parser.addOption(cacheOption);
    parser.addOption(weekOption);
    if (int code = parseArguments(parser, QStringLiteral("posture"), arguments,
                                  {QStringLiteral("text"), QStringLiteral("json")}, io, options);
        code != ExitOk)
        return finishEarly(code);
    const std::optional<QDateTime> parsedNow = parseNow(parser, nowOption, QStringLiteral("posture"), io);
    if (!parsedNow)
        return ExitUsage;
    QDateTime now = *parsedNow;
    std::optional<IsoWeek> week;
    if (parser.isSet(weekOption)) {
        week = IsoWeek::parse(parser.value(weekOption));
        if (!week) {
            io.err << "gatehouse posture: --week expects an ISO week, e.g. 2026-W47\n";
            return ExitUsage;
        }
    }
    // One process, one first-parent walk: every commit and tree is read once.
    git::Repository::setObjectCaching(false);
    auto posture = PostureBuilder::compute(options.repo, options.rev, now, nullptr,
                                           parser.isSet(cacheOption) ? QStringLiteral("-") : QString());
    if (!posture) {
        io.err << "gatehouse posture: " << posture.error().toString() << '\n';
        return ExitUsage;
    }
    for (const SkippedReport& s : posture->skipped)
        io.err << "gatehouse posture: skipped " << s.path << " at " << s.commit.shortString() << ": "
               << s.diagnostic.toString() << '\n';
    // The weekly review: the week asked for, else the week of "now".
    const IsoWeek reviewed = week ? *week : IsoWeek::containing(posture->now);
    const WeeklySummary summary = summarizeWeek(*posture, reviewed.year, reviewed.week);
    if (options.format == QLatin1String("json")) {
        QJsonObject root = posture->toJson();
        QJsonArray weekArray;
        for (const WeekTrendPoint& p : PostureStatistics::weeklyTrend(*posture)) {
            QJsonObject open;
            for (Severity s : allSeverities())
                open.insert(severityName(s), p.open.value(s, 0));
            weekArray.append(QJsonObject{{QStringLiteral("week"), p.week.toString()},
                                         {QStringLiteral("open"), open},
                                         {QStringLiteral("new"), p.newFindings},
                                         {QStringLiteral("fixed"), p.fixedFindings},
                                         {QStringLiteral("scans"), p.scans}});
        }
        root.insert(QStringLiteral("weeks"), weekArray);
        if (week)
            root.insert(QStringLiteral("week"), summary.toJson());
        writeJson(io.out, QJsonDocument(root));
        return ExitOk;
    }
    const QMap<Severity, int> open = posture->openBySeverity();
    io.out << posture->scans.size() << " scans, " << posture->findings.size() << " findings\n";
    io.out << "open:";
    for (Severity s : allSeverities())
        io.out << ' ' << severityName(s) << ' ' << open.value(s, 0);
    io.out << "\noverdue: " << posture->overdueCount() << '\n';
    if (summary.week.isValid()) {
        QStringList uncovered;
        for (const ScanCoverage& c : summary.coverage) {
            if (!c.covered)
                uncovered << c.kind;
        }
        io.out << "week " << summary.week.toString() << ": " << summary.newFindings.size() << " new, "
               << summary.fixedFindings.size() << " fixed, " << summary.overdue.size() << " overdue, " << summary.scans
               << " scans; not covered in the last 7 days: "
               << (uncovered.isEmpty() ? QStringLiteral("none") : uncovered.join(QStringLiteral(", "))) << '\n';
    }
    for (const FindingLifecycle& f : posture->findings) {
        if (f.state != FindingState::Open)
            continue;
        io.out << QStringLiteral("%1 %2 %3 %4 days%5  %6\n")
                      .arg(severityName(f.finding.severity).toUpper(), -8)
                      .arg(f.finding.tool, -10)
                      .arg(f.finding.rule, -28)
                      .arg(f.ageDays, 0, 'f', 1)
                      .arg(f.overdue ? QStringLiteral(" OVERDUE") : QString(), f.finding.title);
    }
    return ExitOk;
}

} // namespace gatehouse::cli
