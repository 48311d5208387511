// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WeeklyReport.h"
#include "common/Format.h"

#include "TrendChartSvg.h"
#include "git/Repository.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineValidator.h"

#include <QJsonArray>
#include <QLocale>

#include <atomic>
#include <cmath>

namespace gatehouse {

namespace {

std::atomic<WeeklyReport::PdfWriter> s_pdfWriter{nullptr};

// One page: longer lists end with "… and N more" (the JSON has them all).
constexpr qsizetype ListLimit = 8;

QString day(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

QString daysText(double days)
{
    if (days < 1.0)
        return QStringLiteral("%1 h").arg(qRound(days * 24));
    return QStringLiteral("%1 d").arg(days, 0, 'f', days < 10 ? 1 : 0);
}

QString location(const Finding& f)
{
    if (!f.location.package.isEmpty()) {
        QString text = f.location.package;
        if (!f.location.version.isEmpty())
            text += QLatin1Char(' ') + f.location.version;
        if (!f.location.fixedVersion.isEmpty())
            text += QStringLiteral(" → ") + f.location.fixedVersion;
        return text;
    }
    if (!f.location.path.isEmpty())
        return f.location.line > 0 ? QStringLiteral("%1:%2").arg(f.location.path).arg(f.location.line)
                                   : f.location.path;
    return f.location.target;
}

QString weekRange(const IsoWeek& week)
{
    const QLocale c = QLocale::c();
    return c.toString(week.monday(), QStringLiteral("d MMM")) + QStringLiteral(" – ")
        + c.toString(week.monday().addDays(6), QStringLiteral("d MMM yyyy"));
}

QString markdownCell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString coverageLabel(const QString& kind)
{
    if (kind == u"sast")
        return QStringLiteral("SAST");
    if (kind == u"dast")
        return QStringLiteral("DAST");
    return capitalized(kind);
}

QString statusColor(const QString& status)
{
    if (status == u"failed")
        return QStringLiteral("#b42318");
    if (status == u"warning")
        return QStringLiteral("#b54708");
    if (status == u"passed")
        return QStringLiteral("#067647");
    return QStringLiteral("#555555");
}

QList<PipelineGateStatus> gateStatuses(const QString& repoPath, const git::ObjectId& commit)
{
    using namespace gatehouse::pipeline;
    QList<PipelineGateStatus> statuses;
    auto source = PipelineDiscovery::fileSource(repoPath, commit.toString());
    if (!source)
        return statuses;
    ValidationOptions options;
    options.files = *source;
    if (Result<QByteArray> text = options.files.read(PipelineDiscovery::policyPath())) {
        QList<Diagnostic> ignored; // a broken policy is `gatehouse validate`'s to report; its defaults apply here
        options.policy = GatePolicy::parse(*text, PipelineDiscovery::policyPath(), &ignored);
    }
    for (const QString& path : PipelineDiscovery::discover(options.files)) {
        PipelineGateStatus status;
        status.path = path;
        const Result<QByteArray> text = options.files.read(path);
        if (!text) {
            status.errors = 1;
            statuses << status;
            continue;
        }
        const ValidationResult result = validatePipeline(*text, path, options);
        status.kind = pipelineKindName(result.kind);
        for (const Diagnostic& d : result.diagnostics) {
            status.errors += d.severity == pipeline::Severity::Error;
            status.warnings += d.severity == pipeline::Severity::Warning;
            if (d.category != Category::Gate || d.severity == pipeline::Severity::Info)
                continue;
            const QString gate = d.rule.startsWith(u"gate.") ? d.rule.mid(5) : d.rule;
            if (d.severity == pipeline::Severity::Error && !status.failedGates.contains(gate))
                status.failedGates << gate;
        }
        for (const Diagnostic& d : result.diagnostics) {
            const QString gate = d.rule.startsWith(u"gate.") ? d.rule.mid(5) : d.rule;
            if (d.category == Category::Gate && d.severity == pipeline::Severity::Warning
                && !status.failedGates.contains(gate) && !status.warnedGates.contains(gate))
                status.warnedGates << gate;
        }
        status.failedGates.sort();
        status.warnedGates.sort();
        statuses << status;
    }
    return statuses;
}

QJsonObject pointJson(const WeeklyReport& report)
{
    return {{QStringLiteral("id"), report.commit.toString()},
            {QStringLiteral("time"), format::isoUtc(report.commitTime)},
            {QStringLiteral("summary"), report.commitSummary}};
}

} // namespace

QString PipelineGateStatus::status() const
{
    if (errors > 0 || !failedGates.isEmpty())
        return QStringLiteral("failed");
    if (!warnedGates.isEmpty())
        return QStringLiteral("warning");
    return QStringLiteral("passed");
}

void WeeklyReport::setPdfWriter(PdfWriter writer)
{
    s_pdfWriter.store(writer);
}

WeeklyReport::PdfWriter WeeklyReport::pdfWriter()
{
    return s_pdfWriter.load();
}

QString WeeklyReport::gateStatus() const
{
    if (pipelines.isEmpty())
        return QStringLiteral("none");
    QString worst = QStringLiteral("passed");
    for (const PipelineGateStatus& p : pipelines) {
        const QString s = p.status();
        if (s == u"failed")
            return s;
        if (s == u"warning")
            worst = s;
    }
    return worst;
}

Result<WeeklyReport> WeeklyReport::compute(const QString& repoPath, const IsoWeek& week, const QDateTime& now,
                                           const QString& revision, ProgressSink* sink, const QString& cacheDir)
{
    if (!week.isValid())
        return makeError(QStringLiteral("report.invalid-week"), QStringLiteral("not an ISO week"));
    const QDateTime nowUtc = now.toUTC();
    if (week.start() > nowUtc)
        return makeError(
            QStringLiteral("report.future-week"),
            QStringLiteral("%1 has not started yet (it begins %2)").arg(week.toString(), day(week.start())));
    const QDateTime asOf = std::min(week.end(), nowUtc);

    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    WeeklyReport report;
    report.repository = repo->displayName();
    report.generator = QStringLiteral("Gatehouse " GATEHOUSE_VERSION);
    report.revision = revision;
    if (revision.isEmpty()) {
        auto head = repo->head();
        if (!head)
            return head.error();
        report.revision = head->detached ? QStringLiteral("HEAD") : head->branch;
    }
    git::LogOptions log;
    log.start = revision.isEmpty() ? QStringLiteral("HEAD") : revision;
    log.firstParent = true;
    log.until = asOf;
    log.maxCount = 1;
    auto commits = repo->log(log, sink);
    if (!commits)
        return commits.error();

    Posture posture;
    posture.now = asOf;
    if (!commits->isEmpty()) {
        const git::CommitInfo& last = commits->first();
        report.commit = last.id;
        report.commitSummary = last.summary;
        report.commitTime = last.committer.time.toUTC();
        auto computed = PostureBuilder::compute(repoPath, last.id.toString(), asOf, sink, cacheDir);
        if (!computed)
            return computed.error();
        posture = std::move(*computed);
        report.skipped = posture.skipped;
        report.pipelines = gateStatuses(repoPath, last.id);
    }
    report.summary = summarizeWeek(posture, week.year, week.week);
    return report;
}

QByteArray WeeklyReport::trendChart() const
{
    return trendChartSvg(summary.trend);
}

QJsonObject WeeklyReport::toJson() const
{
    QJsonObject o = summary.toJson();
    o.insert(QStringLiteral("repository"), repository);
    o.insert(QStringLiteral("revision"), revision);
    o.insert(QStringLiteral("commit"), commit.isNull() ? QJsonValue() : QJsonValue(pointJson(*this)));
    QJsonArray pipelineArray;
    for (const PipelineGateStatus& p : pipelines) {
        pipelineArray.append(QJsonObject{{QStringLiteral("path"), p.path},
                                         {QStringLiteral("kind"), p.kind},
                                         {QStringLiteral("status"), p.status()},
                                         {QStringLiteral("errors"), p.errors},
                                         {QStringLiteral("warnings"), p.warnings},
                                         {QStringLiteral("failed_gates"), QJsonArray::fromStringList(p.failedGates)},
                                         {QStringLiteral("warned_gates"), QJsonArray::fromStringList(p.warnedGates)}});
    }
    o.insert(QStringLiteral("pipelines"), pipelineArray);
    o.insert(QStringLiteral("gates"), gateStatus());
    QJsonArray skippedArray;
    for (const SkippedReport& s : skipped) {
        skippedArray.append(QJsonObject{{QStringLiteral("commit"), s.commit.toString()},
                                        {QStringLiteral("path"), s.path},
                                        {QStringLiteral("message"), s.diagnostic.toString()}});
    }
    o.insert(QStringLiteral("skipped"), skippedArray);
    o.insert(QStringLiteral("generator"), generator);
    return o;
}

QString WeeklyReport::toMarkdown() const
{
    const WeeklySummary& s = summary;
    QString md;
    md += QStringLiteral("# Security posture: %1, %2\n\n").arg(repository, s.week.toString());
    md += QStringLiteral("%1 · as of %2 UTC · %3 at %4\n\n")
              .arg(weekRange(s.week), s.asOf.toString(QStringLiteral("yyyy-MM-dd HH:mm")), revision,
                   commit.isNull() ? QStringLiteral("(no commit yet)")
                                   : QStringLiteral("`%1`").arg(commit.shortString()));

    md += QStringLiteral("| Open critical | Open high | Open medium | Open low | New | Fixed | Overdue | Coverage |\n"
                         "|---:|---:|---:|---:|---:|---:|---:|:---|\n");
    md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8/5 |\n\n")
              .arg(s.open.value(Severity::Critical))
              .arg(s.open.value(Severity::High))
              .arg(s.open.value(Severity::Medium))
              .arg(s.open.value(Severity::Low))
              .arg(s.newFindings.size())
              .arg(s.fixedFindings.size())
              .arg(s.overdue.size())
              .arg(s.coveredKinds());

    QStringList medians;
    for (Severity severity : allSeverities()) {
        if (s.medianDaysToFix.contains(severity))
            medians << severityName(severity) + QLatin1Char(' ') + daysText(s.medianDaysToFix.value(severity));
    }
    md += QStringLiteral("**Median time to fix:** %1\n\n")
              .arg(medians.isEmpty() ? QStringLiteral("no fixes yet") : medians.join(QStringLiteral(", ")));

    QStringList coverage;
    for (const ScanCoverage& c : s.coverage) {
        coverage << QStringLiteral("%1 %2").arg(c.covered ? QStringLiteral("✔") : QStringLiteral("✘"),
                                                coverageLabel(c.kind));
    }
    md += QStringLiteral("**Scan coverage (last 7 days):** %1\n\n").arg(coverage.join(QStringLiteral(" · ")));

    const auto findingTable = [&md](const QString& title, const QList<WeeklyFinding>& findings, bool overdue) {
        md += QStringLiteral("## %1 (%2)\n\n").arg(title).arg(findings.size());
        if (findings.isEmpty()) {
            md += QStringLiteral("None.\n\n");
            return;
        }
        md += overdue
            ? QStringLiteral("| Severity | Finding | Where | Age | Due | Owner |\n|---|---|---|---:|---|---|\n")
            : QStringLiteral("| Severity | Finding | Where | Tool | First seen |\n|---|---|---|---|---|\n");
        for (qsizetype i = 0; i < std::min(findings.size(), ListLimit); ++i) {
            const WeeklyFinding& f = findings.at(i);
            const QString name = markdownCell(f.finding.rule + QStringLiteral(": ") + f.finding.title);
            if (overdue) {
                md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                          .arg(severityName(f.finding.severity), name, markdownCell(location(f.finding)),
                               daysText(f.ageDays), day(f.due), markdownCell(f.owner));
            } else {
                md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                          .arg(severityName(f.finding.severity), name, markdownCell(location(f.finding)),
                               f.finding.tool, day(f.firstSeen.time));
            }
        }
        if (findings.size() > ListLimit)
            md += QStringLiteral("\n… and %1 more.\n").arg(findings.size() - ListLimit);
        md += QLatin1Char('\n');
    };
    findingTable(QStringLiteral("Overdue"), s.overdue, true);
    findingTable(QStringLiteral("New this week"), s.newFindings, false);
    findingTable(QStringLiteral("Fixed this week"), s.fixedFindings, false);

    md += QStringLiteral("## Open findings by severity, last %1 weeks\n\n").arg(s.trend.size());
    md += QStringLiteral(
        "| Week | Critical | High | Medium | Low | New | Fixed |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (const WeekTrendPoint& p : s.trend) {
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                  .arg(p.week.toString())
                  .arg(p.open.value(Severity::Critical))
                  .arg(p.open.value(Severity::High))
                  .arg(p.open.value(Severity::Medium))
                  .arg(p.open.value(Severity::Low))
                  .arg(p.newFindings)
                  .arg(p.fixedFindings);
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## Pipeline gates: %1\n\n").arg(gateStatus());
    if (pipelines.isEmpty()) {
        md += QStringLiteral("No pipeline at this commit.\n\n");
    } else {
        md += QStringLiteral("| Pipeline | Kind | Status | Errors | Warnings | Gates failing | Gates warning |\n"
                             "|---|---|---|---:|---:|---|---|\n");
        for (const PipelineGateStatus& p : pipelines) {
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                      .arg(markdownCell(p.path), p.kind, p.status())
                      .arg(p.errors)
                      .arg(p.warnings)
                      .arg(p.failedGates.join(QStringLiteral(", ")), p.warnedGates.join(QStringLiteral(", ")));
        }
        md += QLatin1Char('\n');
    }
    if (!skipped.isEmpty())
        md += QStringLiteral("%1 report(s) could not be read and were skipped.\n\n").arg(skipped.size());
    md += QStringLiteral("_%1 · %2_\n").arg(generator, s.week.toString());
    return md;
}

QString WeeklyReport::toHtml(const QString& chartImage) const
{
    const WeeklySummary& s = summary;
    QString h;
    h += QStringLiteral(
             "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>Security posture: %1, %2</title>\n"
             "<style>\n"
             "body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 9pt; color: #1f2328; "
             "max-width: 820px; margin: 16px auto; }\n"
             "h1 { font-size: 16pt; margin: 0 0 2px 0; }\n"
             "h2 { font-size: 10.5pt; margin: 10px 0 3px 0; color: #24292f; }\n"
             "p.sub { color: #57606a; margin: 0 0 6px 0; }\n"
             "table.list { border-collapse: collapse; width: 100%; }\n"
             "table.list th { text-align: left; background-color: #f0f2f4; font-weight: bold; }\n"
             "table.list td, table.list th { padding: 2px 5px; border-bottom: 1px solid #d0d7de; }\n"
             "td.num { text-align: right; }\n"
             "p.foot { color: #8c959f; font-size: 7.5pt; margin-top: 8px; }\n"
             "</style></head><body>\n")
             .arg(html(repository), s.week.toString());
    h += QStringLiteral("<h1>Security posture — %1 — %2</h1>\n").arg(html(repository), s.week.toString());
    h += QStringLiteral("<p class=\"sub\">%1 · as of %2 UTC · %3 at %4</p>\n")
             .arg(html(weekRange(s.week)), s.asOf.toString(QStringLiteral("yyyy-MM-dd HH:mm")), html(revision),
                  commit.isNull()
                      ? QStringLiteral("(no commit yet)")
                      : QStringLiteral("<code>%1</code> %2").arg(commit.shortString(), html(commitSummary)));

    // Tiles: one row, each a big number and a caption.
    struct Tile
    {
        QString caption;
        QString value;
        QString color;
    };
    const int critical = s.open.value(Severity::Critical);
    const int high = s.open.value(Severity::High);
    const QList<Tile> tiles{
        {QStringLiteral("Open critical"), QString::number(critical),
         critical ? severityColor(Severity::Critical) : QStringLiteral("#1f2328")},
        {QStringLiteral("Open high"), QString::number(high),
         high ? severityColor(Severity::High) : QStringLiteral("#1f2328")},
        {QStringLiteral("Open medium / low"),
         QStringLiteral("%1 / %2").arg(s.open.value(Severity::Medium)).arg(s.open.value(Severity::Low)),
         QStringLiteral("#1f2328")},
        {QStringLiteral("New this week"), QString::number(s.newFindings.size()), QStringLiteral("#1f2328")},
        {QStringLiteral("Fixed this week"), QString::number(s.fixedFindings.size()), QStringLiteral("#067647")},
        {QStringLiteral("Overdue"), QString::number(s.overdue.size()),
         s.overdue.isEmpty() ? QStringLiteral("#1f2328") : QStringLiteral("#b42318")},
        {QStringLiteral("Scan coverage"), QStringLiteral("%1/5").arg(s.coveredKinds()),
         s.coveredKinds() == 5 ? QStringLiteral("#067647") : QStringLiteral("#b54708")},
        {QStringLiteral("Pipeline gates"), gateStatus(), statusColor(gateStatus())},
    };
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"4\" cellpadding=\"4\"><tr>\n");
    for (const Tile& t : tiles) {
        h += QStringLiteral("<td width=\"12%\" align=\"center\" bgcolor=\"#f6f8fa\" style=\"background-color: #f6f8fa;"
                            " text-align: center;\"><span style=\"font-size: 15pt; font-weight: bold; color: %1;\">%2"
                            "</span><br><span style=\"font-size: 7.5pt; color: #57606a;\">%3</span></td>\n")
                 .arg(t.color, html(t.value), html(t.caption));
    }
    h += QStringLiteral("</tr></table>\n");

    QStringList medians;
    for (Severity severity : allSeverities()) {
        if (s.medianDaysToFix.contains(severity))
            medians << severityName(severity) + QLatin1Char(' ') + daysText(s.medianDaysToFix.value(severity));
    }
    QStringList coverage;
    for (const ScanCoverage& c : s.coverage) {
        coverage << QStringLiteral("<span style=\"color: %1;\">%2 %3</span>")
                        .arg(c.covered ? QStringLiteral("#067647") : QStringLiteral("#b42318"),
                             c.covered ? QStringLiteral("✔") : QStringLiteral("✘"), coverageLabel(c.kind));
    }
    h += QStringLiteral("<p><b>Median time to fix:</b> %1 &nbsp;·&nbsp; <b>Scan coverage, last 7 days:</b> %2</p>\n")
             .arg(medians.isEmpty() ? QStringLiteral("no fixes yet") : html(medians.join(QStringLiteral(", "))),
                  coverage.join(QStringLiteral(" &nbsp;")));

    h += QStringLiteral("<h2>Open findings by severity, last %1 weeks</h2>\n").arg(s.trend.size());
    if (chartImage.isEmpty())
        h += QString::fromUtf8(trendChart()).section(QLatin1Char('\n'), 1) + QLatin1Char('\n');
    else
        h += QStringLiteral("<p><img src=\"%1\" width=\"640\" height=\"220\"></p>\n").arg(html(chartImage));

    const auto findingTable = [&h](const QString& title, const QList<WeeklyFinding>& findings, bool overdue) {
        h += QStringLiteral("<h2>%1 (%2)</h2>\n").arg(title).arg(findings.size());
        if (findings.isEmpty()) {
            h += QStringLiteral("<p>None.</p>\n");
            return;
        }
        h += QStringLiteral("<table class=\"list\" width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>");
        h += overdue ? QStringLiteral("<th>Severity</th><th>Finding</th><th>Where</th><th>Age</th><th>Due</th>"
                                      "<th>Owner</th></tr>\n")
                     : QStringLiteral("<th>Severity</th><th>Finding</th><th>Where</th><th>Tool</th><th>First seen</th>"
                                      "</tr>\n");
        for (qsizetype i = 0; i < std::min(findings.size(), ListLimit); ++i) {
            const WeeklyFinding& f = findings.at(i);
            QString title = f.finding.title;
            if (title.size() > 70)
                title = title.left(69) + QStringLiteral("…");
            h += QStringLiteral("<tr><td><b style=\"color: %1;\">%2</b></td><td>%3: %4</td><td>%5</td>")
                     .arg(severityColor(f.finding.severity), severityName(f.finding.severity), html(f.finding.rule),
                          html(title), html(location(f.finding)));
            if (overdue)
                h += QStringLiteral("<td class=\"num\" align=\"right\">%1</td><td>%2</td><td>%3</td></tr>\n")
                         .arg(daysText(f.ageDays), day(f.due), html(f.owner));
            else
                h += QStringLiteral("<td>%1</td><td>%2</td></tr>\n").arg(html(f.finding.tool), day(f.firstSeen.time));
        }
        h += QStringLiteral("</table>\n");
        if (findings.size() > ListLimit)
            h += QStringLiteral("<p>… and %1 more.</p>\n").arg(findings.size() - ListLimit);
    };
    findingTable(QStringLiteral("Overdue"), s.overdue, true);
    findingTable(QStringLiteral("New this week"), s.newFindings, false);
    findingTable(QStringLiteral("Fixed this week"), s.fixedFindings, false);

    h += QStringLiteral("<h2>Pipeline gates at the end of the week: <span style=\"color: %1;\">%2</span></h2>\n")
             .arg(statusColor(gateStatus()), gateStatus());
    if (pipelines.isEmpty()) {
        h += QStringLiteral("<p>No pipeline at this commit.</p>\n");
    } else {
        h += QStringLiteral(
            "<table class=\"list\" width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr><th>Pipeline"
            "</th><th>Status</th><th>Errors</th><th>Warnings</th><th>Gates failing / warning</th></tr>\n");
        for (const PipelineGateStatus& p : pipelines) {
            QStringList gates;
            for (const QString& g : p.failedGates)
                gates << QStringLiteral("<span style=\"color: #b42318;\">%1</span>").arg(html(g));
            for (const QString& g : p.warnedGates)
                gates << QStringLiteral("<span style=\"color: #b54708;\">%1</span>").arg(html(g));
            h += QStringLiteral(
                     "<tr><td>%1 <span style=\"color: #57606a;\">(%2)</span></td><td><b style=\"color: %3;\">"
                     "%4</b></td><td class=\"num\" align=\"right\">%5</td><td class=\"num\" align=\"right\">%6"
                     "</td><td>%7</td></tr>\n")
                     .arg(html(p.path), p.kind, statusColor(p.status()), p.status())
                     .arg(p.errors)
                     .arg(p.warnings)
                     .arg(gates.isEmpty() ? QStringLiteral("—") : gates.join(QStringLiteral(", ")));
        }
        h += QStringLiteral("</table>\n");
    }
    QString foot = QStringLiteral("%1 · %2").arg(html(generator), s.week.toString());
    if (!skipped.isEmpty())
        foot += QStringLiteral(" · %1 unreadable report(s) skipped").arg(skipped.size());
    h += QStringLiteral("<p class=\"foot\">%1</p>\n</body></html>\n").arg(foot);
    return h;
}

} // namespace gatehouse
