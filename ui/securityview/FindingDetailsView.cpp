// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingDetailsView.h"

#include "charts/ChartTheme.h"

#include <QDesktopServices>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse::ui {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString when(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString commitLink(const ScanPoint& point)
{
    return QStringLiteral("<a href='commit:%1'>%2</a> · %3")
        .arg(point.commit.toString(), point.commit.shortString(), when(point.time));
}

QString idLink(const QString& id)
{
    QString url;
    if (id.startsWith(QLatin1String("CVE-")))
        url = QStringLiteral("https://nvd.nist.gov/vuln/detail/") + id;
    else if (id.startsWith(QLatin1String("GHSA-")))
        url = QStringLiteral("https://github.com/advisories/") + id;
    else if (id.startsWith(QLatin1String("CWE-")))
        url = QStringLiteral("https://cwe.mitre.org/data/definitions/%1.html").arg(id.mid(4));
    return url.isEmpty() ? esc(id) : QStringLiteral("<a href='%1'>%2</a>").arg(url, esc(id));
}

QString row(const QString& label, const QString& value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><td style='padding:2px 14px 2px 0'><b>%1</b></td>"
                          "<td style='padding:2px 0'>%2</td></tr>")
        .arg(esc(label), value);
}

QString days(double d)
{
    return d < 1.0 ? FindingDetailsView::tr("%1 hours").arg(qRound(d * 24))
                   : FindingDetailsView::tr("%1 days").arg(d, 0, 'f', 1);
}

} // namespace

FindingDetailsView::FindingDetailsView(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("findingDetails"));
    setOpenLinks(false);
    setMinimumWidth(300);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("commit"))
            Q_EMIT commitActivated(url.path());
        else
            QDesktopServices::openUrl(url);
    });
    setFinding(nullptr, {}, {});
}

void FindingDetailsView::setFinding(const FindingLifecycle* finding, const QList<TriageEntry>& decisions,
                                    const QDateTime& now)
{
    if (!finding) {
        setHtml(tr("<p style='color:gray'>Select a finding to see its rule, location, ids, when it was first seen "
                   "and fixed, and its triage decisions.</p>"));
        return;
    }
    setHtml(html(*finding, decisions, now, palette()));
}

QString FindingDetailsView::html(const FindingLifecycle& f, const QList<TriageEntry>& decisions, const QDateTime& now,
                                 const QPalette& palette)
{
    const Finding& x = f.finding;
    const QColor color = ChartTheme::severityColor(x.severity, palette);
    QString h = QStringLiteral("<h3 style='margin-bottom:4px'>%1</h3>").arg(esc(x.title.isEmpty() ? x.rule : x.title));
    h += QStringLiteral("<p><span style='background:%1; color:white; font-weight:600'>&nbsp;%2&nbsp;</span>"
                        "&nbsp; %3%4</p>")
             .arg(color.name(), severityName(x.severity).toUpper(), esc(findingStateName(f.state).replace(u'_', u' ')),
                  f.overdue ? tr(" · <b style='color:%1'>overdue</b>").arg(ChartTheme::badColor(palette).name())
                            : QString());
    QString location = esc(x.location.path);
    if (!location.isEmpty() && x.location.line > 0)
        location += QLatin1Char(':') + QString::number(x.location.line);
    QString package = esc(x.location.package);
    if (!package.isEmpty() && !x.location.version.isEmpty())
        package += QStringLiteral(" %1").arg(esc(x.location.version));
    QStringList ids;
    for (const QString& id : x.ids)
        ids << idLink(id);

    h += QStringLiteral("<table cellspacing='0'>");
    h += row(tr("Tool"), esc(x.tool) + QStringLiteral(" (%1)").arg(categoryName(x.category)));
    h += row(tr("Rule"), QStringLiteral("<code>%1</code>").arg(esc(x.rule)));
    h += row(tr("Location"), location.isEmpty() ? QString() : QStringLiteral("<code>%1</code>").arg(location));
    h += row(tr("Package"), package);
    h += row(tr("Fixed version"), esc(x.location.fixedVersion));
    if (x.location.target != QLatin1String("."))
        h += row(tr("Target"), esc(x.location.target));
    h += row(tr("Ids"), ids.join(QStringLiteral(", ")));
    h += row(tr("Fingerprint"),
             QStringLiteral("<code>%1</code> %2")
                 .arg(esc(x.fingerprint), x.toolFingerprint ? tr("(the tool's)") : tr("(computed)")));
    h += row(tr("First seen"), commitLink(f.firstSeen));
    if (f.reintroductions > 0)
        h += row(tr("Reopened"), commitLink(f.opened) + tr(" (reintroduced %1×)").arg(f.reintroductions));
    h += row(tr("Fixed"), f.fixed.isValid() ? commitLink(f.fixed) : tr("still reported"));
    h += row(f.fixed.isValid() ? tr("Time to fix") : tr("Age"), days(f.ageDays));
    if (f.slaDays) {
        const QString sla = *f.slaDays == 1 ? tr("1 day") : tr("%1 days").arg(*f.slaDays);
        h += row(tr("SLA"),
                 tr("%1, due %2%3")
                     .arg(sla, when(f.due))
                     .arg(f.overdue ? tr(" (%1 late)").arg(days(double(f.due.secsTo(now)) / 86400.0)) : QString()));
    }
    h += QStringLiteral("</table>");

    if (!f.pastEpisodes.isEmpty()) {
        h += tr("<h4>Earlier episodes</h4><ul>");
        for (const FindingEpisode& e : f.pastEpisodes)
            h += QStringLiteral("<li>%1 → %2</li>").arg(commitLink(e.opened), commitLink(e.fixed));
        h += QStringLiteral("</ul>");
    }

    h += tr("<h4>Triage</h4>");
    if (decisions.isEmpty()) {
        h += tr("<p>No decision yet. <i>False positive…</i> and <i>Accept risk…</i> record one in "
                "<code>.gatehouse/triage.yml</code>, to be reviewed in git.</p>");
    } else {
        h += QStringLiteral("<ul>");
        for (qsizetype i = 0; i < decisions.size(); ++i) {
            const TriageEntry& d = decisions.at(i);
            QString text
                = d.status == TriageStatus::FalsePositive ? tr("<b>False positive</b>") : tr("<b>Accepted risk</b>");
            if (d.date.isValid())
                text += tr(" on %1").arg(d.date.toString(Qt::ISODate));
            if (!d.by.isEmpty())
                text += tr(" by %1").arg(esc(d.by));
            if (d.expires.isValid())
                text += d.activeAt(now)
                    ? tr(", until %1").arg(d.expires.toString(Qt::ISODate))
                    : tr(", <b>expired</b> %1 (the finding reopened)").arg(d.expires.toString(Qt::ISODate));
            if (!d.reason.isEmpty())
                text += QStringLiteral("<br><i>%1</i>").arg(esc(d.reason));
            text += tr("<br><span style='color:gray'>triage.yml line %1%2</span>")
                        .arg(d.line)
                        .arg(i == 0 ? tr(", applied") : tr(", superseded by the first match"));
            h += QStringLiteral("<li>%1</li>").arg(text);
        }
        h += QStringLiteral("</ul>");
    }

    if (!x.description.isEmpty() && x.description != x.title) {
        h += tr("<h4>Description</h4>");
        h += QStringLiteral("<p>%1</p>").arg(esc(x.description).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    return h;
}

} // namespace gatehouse::ui
