// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityTiles.h"

#include "../charts/ChartTheme.h"
#include "../widgets/KpiTile.h"

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

QString categoryLabel(FindingCategory c)
{
    switch (c) {
    case FindingCategory::Sast:
        return SecurityTiles::tr("SAST");
    case FindingCategory::Dependency:
        return SecurityTiles::tr("Dependencies");
    case FindingCategory::Container:
        return SecurityTiles::tr("Container");
    case FindingCategory::Secret:
        return SecurityTiles::tr("Secrets");
    case FindingCategory::Dast:
        return SecurityTiles::tr("DAST");
    case FindingCategory::Iac:
        break;
    }
    return SecurityTiles::tr("IaC");
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
        tile->setMinimumWidth(150);
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
    const QString when = s.complete ? tr("at the end of %1").arg(s.week.toString())
                                    : tr("now (%1 in progress)").arg(s.week.toString());
    const QString shortWhen = s.complete ? tr("end of %1").arg(s.week.toString()) : tr("now");
    const auto openTile = [&](Tile t, Severity severity) {
        const int n = s.openCount(severity);
        const std::optional<int> sla = slaDays.value(severity);
        const QString slaText = !sla ? QString() : *sla == 1 ? tr("SLA 1 day · ") : tr("SLA %1 days · ").arg(*sla);
        m_tiles[t]->setValue(QString::number(n), slaText + shortWhen,
                             tr("Open %1 findings %2, without false positives and accepted risks. Click to list them.")
                                 .arg(severityName(severity), when));
    };
    openTile(OpenCritical, Severity::Critical);
    openTile(OpenHigh, Severity::High);
    const QString range = tr("%1 – %2").arg(s.start.date().toString(QStringLiteral("d MMM")),
                                            s.end.date().addDays(-1).toString(QStringLiteral("d MMM")));
    m_tiles[NewThisWeek]->setValue(
        QString::number(s.newFindings), tr("%1 · %2 scans").arg(range).arg(s.scans),
        tr("Findings first seen or reintroduced in %1. Click to list them.").arg(s.week.toString()));
    m_tiles[FixedThisWeek]->setValue(
        QString::number(s.fixedFindings), range,
        tr("Findings that left their tool's scans in %1. Click to list them.").arg(s.week.toString()));
    m_tiles[Overdue]->setValue(QString::number(s.overdue), tr("past their SLA · %1").arg(shortWhen),
                               tr("Open findings older than their severity's SLA. Click to list them."));

    QStringList parts;
    for (Severity severity : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        if (s.medianDaysToFix.contains(severity))
            parts << tr("<b>%1</b> %2").arg(severityName(severity), days(s.medianDaysToFix.value(severity)));
    }
    if (parts.isEmpty()) {
        m_tiles[TimeToFix]->setValue(tr("–"), tr("Nothing fixed yet up to %1.").arg(s.week.toString()));
    } else {
        const Severity headline
            = s.medianDaysToFix.contains(Severity::Critical) ? Severity::Critical : s.medianDaysToFix.firstKey();
        m_tiles[TimeToFix]->setValue(
            tr("%1 %2").arg(days(s.medianDaysToFix.value(headline)), severityName(headline)),
            parts.join(QStringLiteral(" &nbsp;·&nbsp; ")),
            tr("Median time from the scan that reported a finding to the scan it left, over every fix up to %1.")
                .arg(s.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    }

    QStringList chips;
    for (FindingCategory c : coverageCategories()) {
        const QColor color = s.covered(c) ? ChartTheme::goodColor(palette()) : ChartTheme::badColor(palette());
        chips << QStringLiteral("<span style='color:%1'>%2&nbsp;%3</span>")
                     .arg(color.name(), s.covered(c) ? QStringLiteral("&#10003;") : QStringLiteral("&#10007;"),
                          categoryLabel(c));
    }
    const qsizetype covered = s.coveredCategories().size();
    m_tiles[Coverage]->setValue(tr("%1 of %2").arg(covered).arg(coverageCategories().size()),
                                chips.join(QStringLiteral(" &nbsp; ")),
                                tr("Kinds of scan that reported in the %1 days before %2.")
                                    .arg(s.coverageDays)
                                    .arg(s.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
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
