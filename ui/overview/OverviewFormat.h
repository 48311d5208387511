// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scorecard/Scorecard.h"

#include <QColor>

class QFrame;
class QLabel;
class QPalette;
class QPushButton;
class QWidget;

/// Shared look of the Overview's scorecard and metrics: the status colours (the only place that turns the core's
/// semantic statuses into colours), value formatting and the small link buttons.
namespace gatehouse::ui::overview {

enum class Tone
{
    Good,
    Warning,
    Bad,
    Neutral
};

Tone toneOf(scorecard::FactorStatus status);
Tone toneOf(const std::optional<bool>& met);
/// Mid-saturation colours readable on light and dark palettes; Neutral comes from the palette.
QColor toneColor(Tone tone, const QPalette& palette);

/// A card on the palette's base colour (not the style sheet's fixed white), so text stays readable with a dark
/// palette too.
void makeCard(QFrame* frame);
/// A rounded pill with white (or palette) text on the tone's colour; fixed width so columns line up.
QLabel* makePill(const QString& text, Tone tone, QWidget* parent, int width = 52);
/// A flat, link-coloured button showing where a figure comes from.
QPushButton* makeSourceButton(const scorecard::SourceLink& link, QWidget* parent);
/// "path:12", "deploy-7", "commit abc1234", or the page name, for the button and tooltips.
QString linkText(const scorecard::SourceLink& link);

/// A metric's actual value as people read it: "97.5 %", "42 min", "3.1 h", "1.5 / week"; "—" without data.
QString actualText(const scorecard::MetricResult& metric);
QString metText(const std::optional<bool>& met); ///< "met", "not met", "no data"
QString statusText(scorecard::FactorStatus status); ///< "pass", "warn", "fail", "n.a."

} // namespace gatehouse::ui::overview
