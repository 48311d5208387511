// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

class QApplication;

namespace gatehouse::ui {

/// Fusion style, a calm light palette and the style sheet the pages rely on (tiles, navigation, banners).
void applyTheme(QApplication& app);

/// The navigation icons, drawn from inline SVG in the palette's text colour.
enum class PageIcon
{
    Overview,
    Pipelines,
    Security,
    Deployments,
    Incidents
};
QIcon pageIcon(PageIcon icon);

/// A fixed-pitch font for file previews and commit ids.
QFont monospaceFont();

} // namespace gatehouse::ui
