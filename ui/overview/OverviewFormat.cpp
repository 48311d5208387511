// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewFormat.h"

#include "common/Format.h"

#include <QFrame>
#include <QLabel>
#include <QPalette>
#include <QPushButton>

namespace gatehouse::ui::overview {

Tone toneOf(scorecard::FactorStatus status)
{
    switch (status) {
    case scorecard::FactorStatus::Pass:
        return Tone::Good;
    case scorecard::FactorStatus::Warn:
        return Tone::Warning;
    case scorecard::FactorStatus::Fail:
        return Tone::Bad;
    case scorecard::FactorStatus::NotApplicable:
        break;
    }
    return Tone::Neutral;
}

Tone toneOf(const std::optional<bool>& met)
{
    if (!met)
        return Tone::Neutral;
    return *met ? Tone::Good : Tone::Bad;
}

QColor toneColor(Tone tone, const QPalette& palette)
{
    switch (tone) {
    case Tone::Good:
        return QColor(0x2e, 0x9d, 0x5b);
    case Tone::Warning:
        return QColor(0xc9, 0x85, 0x0a);
    case Tone::Bad:
        return QColor(0xd0, 0x41, 0x3a);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

void makeCard(QFrame* frame)
{
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
}

QLabel* makePill(const QString& text, Tone tone, QWidget* parent, int width)
{
    auto* pill = new QLabel(text, parent);
    pill->setAlignment(Qt::AlignCenter);
    pill->setFixedWidth(width);
    pill->setProperty("tone", int(tone));
    const QColor color = toneColor(tone, parent->palette());
    // Neutral is drawn as an outline so "no data" does not shout.
    pill->setStyleSheet(tone == Tone::Neutral
                            ? QStringLiteral("QLabel { color: %1; border: 1px solid %1; border-radius: 9px; "
                                             "padding: 1px 6px; font-weight: 600; font-size: 8.5pt; }")
                                  .arg(color.name())
                            : QStringLiteral("QLabel { color: white; background: %1; border-radius: 9px; "
                                             "padding: 2px 6px; font-weight: 600; font-size: 8.5pt; }")
                                  .arg(color.name()));
    return pill;
}

QString linkText(const scorecard::SourceLink& link)
{
    switch (link.kind) {
    case scorecard::SourceLink::Kind::File:
        return link.line > 0 ? QStringLiteral("%1:%2").arg(link.path).arg(link.line) : link.path;
    case scorecard::SourceLink::Kind::Commit:
        return QStringLiteral("commit %1").arg(link.ref.left(7));
    case scorecard::SourceLink::Kind::Tag:
        return link.ref;
    case scorecard::SourceLink::Kind::Page:
        break;
    }
    if (link.page.isEmpty())
        return {};
    return link.page.at(0).toUpper() + link.page.mid(1);
}

QPushButton* makeSourceButton(const scorecard::SourceLink& link, QWidget* parent)
{
    auto* button = new QPushButton(linkText(link), parent);
    button->setObjectName(QStringLiteral("sourceLink"));
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setFocusPolicy(Qt::TabFocus);
    button->setToolTip(QObject::tr("Show %1 on the %2 page").arg(linkText(link), link.page));
    button->setStyleSheet(QStringLiteral("QPushButton { color: %1; border: none; padding: 0 2px; text-align: left; }"
                                         "QPushButton:hover { text-decoration: underline; }")
                              .arg(parent->palette().color(QPalette::Link).name()));
    return button;
}

QString actualText(const scorecard::MetricResult& metric)
{
    return format::metricValue(metric.actual, metric.unit, format::MetricStyle::Card);
}

QString metText(const std::optional<bool>& met)
{
    if (!met)
        return QObject::tr("no data");
    return *met ? QObject::tr("met") : QObject::tr("not met");
}

QString statusText(scorecard::FactorStatus status)
{
    return scorecard::factorStatusName(status);
}

} // namespace gatehouse::ui::overview
