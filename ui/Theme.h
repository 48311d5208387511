// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QApplication;

namespace gatehouse::ui {

enum class ThemeMode
{
    System, ///< GATEHOUSE_THEME=light|dark if set, else the platform's colour scheme
    Light,
    Dark
};
/// "light" / "dark" (any case); anything else is System.
ThemeMode themeModeFromName(const QString& name);

/// Fusion style, a calm light or dark palette and the style sheet the pages rely on (tiles, navigation, banners).
/// Call once, on the GUI thread, after the QApplication exists.
void applyTheme(QApplication& app, ThemeMode mode = ThemeMode::System);
/// Whether applyTheme() chose the dark palette: for colours the palette has no role for (charts, badges).
bool isDarkTheme();
/// A named colour of the current theme ("text", "muted", "border", "accent", "tile", …), as the style sheet uses.
QColor themeColor(const char* name);

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
