// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityTiles.h"

#include "charts/ChartTheme.h"
#include "widgets/KpiTile.h"

#include <QEvent>
#include <QGridLayout>
#include <QMouseEvent>

namespace gatehouse::ui {

namespace {

QString days(double value)
{
    if (value < 1.0)
        return SecurityTiles::tr("%1 h").arg(qRound(value * 24));
    return SecurityTiles::tr("%1 d").arg(value, 0, 'f', 1);
}

QString kindLabel(const QString& kind)
{
    if (kind == QLatin1String("sast"))
        return SecurityTiles::tr("SAST");
    if (kind == QLatin1String("dependency"))
        return SecurityTiles::tr("Dependencies");
    if (kind == QLatin1String("container"))
        return SecurityTiles::tr("Container");
    if (kind == QLatin1String("secrets"))
        return SecurityTiles::tr("Secrets");
    if (kind == QLatin1String("dast"))
        return SecurityTiles::tr("DAST");
    return kind;
}

} // namespace

SecurityTiles::SecurityTiles(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("securityTiles"));
    const QStringList captions{tr("Open critical"),   tr("Open high"), tr("New this week"),
                               tr("Fixed this week"), tr("Overdue"),   tr("Median time to fix"),
                               tr("Scan coverage")};
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(12);
    layout->setVerticalSpacing(12);
    for (int i = 0; i < TileCount; ++i) {
        auto* tile = new KpiTile(captions.at(i), this);
        tile->setObjectName(QStringLiteral("securityTile%1").arg(i));
        tile->setMinimumWidth(110);
        if (i != TimeToFix && i != Coverage) {
            tile->setCursor(Qt::PointingHandCursor);
            tile->installEventFilter(this);
        }
        m_tiles << tile;
    }
    // Five counters on the first row; the two wider explanations share the second.
    for (int i = 0; i < 5; ++i)
        layout->addWidget(m_tiles.at(i), 0, i);
    layout->addWidget(m_tiles.at(TimeToFix), 1, 0, 1, 3);
    layout->addWidget(m_tiles.at(Coverage), 1, 3, 1, 2);
    for (int i = 0; i < 5; ++i)
        layout->setColumnStretch(i, 1);
    // Tiles of a row keep one height whatever their detail lines.
    for (KpiTile* tile : std::as_const(m_tiles))
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void SecurityTiles::setSummary(const WeeklySummary& s, const QMap<Severity, std::optional<int>>& slaDays)
{
    const bool complete = s.asOf == s.week.end();
    const QString when
        = complete ? tr("at the end of %1").arg(s.week.toString()) : tr("now (%1 in progress)").arg(s.week.toString());
    const QString shortWhen = complete ? tr("end of %1").arg(s.week.toString()) : tr("now");
    const auto openTile = [&](Tile t, Severity severity) {
        const int n = s.open.value(severity, 0);
        const std::optional<int> sla = slaDays.value(severity);
        const QString slaText = !sla ? QString() : *sla == 1 ? tr("SLA 1 day · ") : tr("SLA %1 days · ").arg(*sla);
        m_tiles[t]->setValue(QString::number(n), slaText + shortWhen,
                             tr("Open %1 findings %2, without false positives and accepted risks. Click to list them.")
                                 .arg(severityName(severity), when));
    };
    openTile(OpenCritical, Severity::Critical);
    openTile(OpenHigh, Severity::High);
    const QString range = tr("%1 – %2").arg(s.week.start().date().toString(QStringLiteral("d MMM")),
                                            s.week.end().date().toString(QStringLiteral("d MMM")));
    m_tiles[NewThisWeek]->setValue(
        QString::number(s.newFindings.size()),
        s.scans == 1 ? tr("%1 · 1 scan").arg(range) : tr("%1 · %2 scans").arg(range).arg(s.scans),
        tr("Findings first seen or reintroduced in %1. Click to list them.").arg(s.week.toString()));
    m_tiles[FixedThisWeek]->setValue(
        QString::number(s.fixedFindings.size()), range,
        tr("Findings that left their tool's scans in %1. Click to list them.").arg(s.week.toString()));
    m_tiles[Overdue]->setValue(QString::number(s.overdue.size()), tr("past their SLA · %1").arg(shortWhen),
                               tr("Open findings older than their severity's SLA %1. Click to list them.").arg(when));

    QStringList parts;
    for (Severity severity : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        if (s.medianDaysToFix.contains(severity))
            parts << tr("<b>%1</b> %2").arg(severityName(severity), days(s.medianDaysToFix.value(severity)));
    }
    if (parts.isEmpty()) {
        m_tiles[TimeToFix]->setValue(tr("–"), tr("Nothing fixed yet up to %1.").arg(s.week.toString()));
    } else {
        const Severity headline
            = s.medianDaysToFix.contains(Severity::Critical) ? Severity::Critical : s.medianDaysToFix.lastKey();
        m_tiles[TimeToFix]->setValue(
            tr("%1 %2").arg(days(s.medianDaysToFix.value(headline)), severityName(headline)),
            parts.join(QStringLiteral(" &nbsp;·&nbsp; ")),
            tr("Median time from the scan that reported a finding to the scan it left, over the fixes up to %1.")
                .arg(s.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    }

    QStringList chips;
    QStringList details;
    for (const ScanCoverage& c : s.coverage) {
        const QColor color = c.covered ? ChartTheme::goodColor(palette()) : ChartTheme::badColor(palette());
        chips << QStringLiteral("<span style='color:%1'>%2&nbsp;%3</span>")
                     .arg(color.name(), c.covered ? QStringLiteral("&#10003;") : QStringLiteral("&#10007;"),
                          kindLabel(c.kind));
        details
            << (c.covered ? tr("%1: %2").arg(kindLabel(c.kind), c.tools.join(QStringLiteral(", ")))
                    : c.lastScan.isValid()
                    ? tr("%1: last scan %2").arg(kindLabel(c.kind), c.lastScan.toString(QStringLiteral("yyyy-MM-dd")))
                    : tr("%1: never scanned").arg(kindLabel(c.kind)));
    }
    m_tiles[Coverage]->setValue(
        tr("%1 of %2").arg(s.coveredKinds()).arg(s.coverage.size()), chips.join(QStringLiteral(" &nbsp; ")),
        tr("Kinds of scan that reported in the 7 days before %1:\n%2")
            .arg(s.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")), details.join(QLatin1Char('\n'))));
}

bool SecurityTiles::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonRelease && static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
        const int index = int(m_tiles.indexOf(static_cast<KpiTile*>(watched)));
        if (index >= 0) {
            Q_EMIT tileActivated(Tile(index));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gatehouse::ui
