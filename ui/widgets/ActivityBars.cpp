// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ActivityBars.h"

#include "../Theme.h"
#include "Widgets.h"

#include <QPainter>

#include <algorithm>

namespace gatehouse::ui {

ActivityBars::ActivityBars(QWidget* parent)
    : QWidget(parent)
{
    setMinimumHeight(96);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ActivityBars::setWeeks(const QList<WeekActivity>& weeks)
{
    m_weeks = weeks;
    QStringList tip;
    for (const WeekActivity& week : weeks)
        tip << tr("Week of %1: %2")
                   .arg(week.weekStart.toString(Qt::ISODate), countText(week.commits, tr("commit"), tr("commits")));
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

void ActivityBars::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_weeks.isEmpty())
        return;
    const int maxCommits = std::max(1, std::max_element(m_weeks.cbegin(), m_weeks.cend(), [](auto& a, auto& b) {
                                           return a.commits < b.commits;
                                       })->commits);
    const QFontMetrics metrics(font());
    const int labelHeight = metrics.height() + 2;
    const QRectF area = QRectF(rect()).adjusted(2, labelHeight, -2, -labelHeight);
    const qreal slot = area.width() / m_weeks.size();
    const qreal barWidth = std::max<qreal>(3, slot * 0.68);
    for (int i = 0; i < m_weeks.size(); ++i) {
        const WeekActivity& week = m_weeks.at(i);
        const qreal height = week.commits == 0 ? 2 : std::max<qreal>(3, area.height() * week.commits / maxCommits);
        const QRectF bar(area.left() + i * slot + (slot - barWidth) / 2, area.bottom() - height, barWidth, height);
        painter.setPen(Qt::NoPen);
        painter.setBrush(week.commits == 0 ? themeColor("strongBorder") : themeColor("accent"));
        painter.drawRoundedRect(bar, 2, 2);
        if (week.commits > 0 && slot > metrics.horizontalAdvance(QStringLiteral("88"))) {
            painter.setPen(themeColor("subtle"));
            painter.drawText(QRectF(bar.left() - 6, bar.top() - labelHeight, bar.width() + 12, labelHeight),
                             Qt::AlignHCenter | Qt::AlignBottom, QString::number(week.commits));
        }
    }
    painter.setPen(themeColor("muted"));
    const QRectF labels(area.left(), area.bottom() + 2, area.width(), labelHeight);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter,
                     m_weeks.first().weekStart.toString(QStringLiteral("d MMM")));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter,
                     tr("week of %1").arg(m_weeks.last().weekStart.toString(QStringLiteral("d MMM yyyy"))));
}

} // namespace gatehouse::ui
