// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QSvgRenderer>

namespace gatehouse::ui {

namespace {

const char* const kStyleSheet = R"(
QListWidget#navigation { background: @navBg@; color: @navText@; border: none; padding-top: 8px; font-size: 10.5pt;
                         outline: 0; }
QListWidget#navigation::item { padding: 10px 14px; border-left: 3px solid transparent; }
QListWidget#navigation::item:selected { background: @navSel@; color: @navSelText@; border-left: 3px solid @accentLine@; }
QListWidget#navigation::item:hover:!selected { background: @navHover@; }
QFrame[tile="true"] { background: @tile@; border: 1px solid @border@; border-radius: 8px; }
QLabel[role="tileValue"] { font-size: 21pt; font-weight: 600; color: @text@; }
QLabel[role="tileCaption"] { font-size: 8.5pt; font-weight: 600; color: @muted@; letter-spacing: 0.5px; }
QLabel[role="tileDetail"] { font-size: 8.5pt; color: @muted@; }
QLabel[role="pageTitle"] { font-size: 16pt; font-weight: 600; color: @text@; }
QLabel[role="pageSubtitle"] { color: @subtle@; }
QLabel[role="sectionTitle"] { font-size: 11pt; font-weight: 600; color: @text@; padding-top: 6px; }
QLabel[role="emptyState"] { color: @subtle@; font-size: 10.5pt; padding: 24px; background: @emptyBg@;
                            border: 1px dashed @strongBorder@; border-radius: 8px; }
QLabel[role="banner"] { background: @bannerBg@; color: @bannerText@; border: 1px solid @bannerBorder@; border-radius: 6px;
                        padding: 8px 12px; }
QLabel[role="info"] { background: @infoBg@; color: @infoText@; border: 1px solid @infoBorder@; border-radius: 6px;
                      padding: 8px 12px; }
QTreeView { background: @base@; alternate-background-color: @altBase@; border: 1px solid @border@; }
QTreeView::item { padding: 3px 2px; }
QHeaderView::section { background: @headerBg@; color: @headerText@; padding: 5px 6px; border: none;
                       border-right: 1px solid @border@; border-bottom: 1px solid @border@; font-weight: 600; }
QPlainTextEdit#preview, QTextBrowser#details { background: @previewBg@; border: 1px solid @border@; }
QWidget#pageRoot { background: @window@; }
QPushButton[role="primary"] { background: @accent@; color: @onAccent@; border: none; border-radius: 5px;
                              padding: 8px 18px; font-weight: 600; }
QPushButton[role="primary"]:hover { background: @accentHover@; }
QPushButton[role="primary"]:disabled { background: @accentDisabled@; }
QPushButton[role="secondary"] { background: @tile@; color: @text@; border: 1px solid @strongBorder@; border-radius: 5px;
                                padding: 8px 18px; font-weight: 600; }
QPushButton[role="secondary"]:hover { background: @secondaryHover@; }
QPushButton[role="secondary"]:disabled { color: @disabledText@; }
QListWidget#recentRepositories { background: @base@; border: 1px solid @border@; border-radius: 6px; }
QListWidget#recentRepositories::item { padding: 6px 8px; }
)";

// 24×24 outline glyphs; "currentColor" is replaced with the palette's colour.
const char* svgFor(PageIcon icon)
{
    switch (icon) {
    case PageIcon::Overview:
        return R"(<rect x="3" y="3" width="7.5" height="7.5" rx="1.5"/><rect x="13.5" y="3" width="7.5" height="7.5" rx="1.5"/>
                  <rect x="3" y="13.5" width="7.5" height="7.5" rx="1.5"/><rect x="13.5" y="13.5" width="7.5" height="7.5" rx="1.5"/>)";
    case PageIcon::Pipelines:
        return R"(<circle cx="5" cy="12" r="2.5"/><circle cx="19" cy="5.5" r="2.5"/><circle cx="19" cy="18.5" r="2.5"/>
                  <path d="M7.5 12h4l5-5.5M11.5 12l5 5.5"/>)";
    case PageIcon::Security:
        return R"(<path d="M12 2.5l8 3v6c0 5-3.5 8.6-8 10-4.5-1.4-8-5-8-10v-6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>)";
    case PageIcon::Deployments:
        return R"(<path d="M12 3c3 2 4.5 5 4.5 9l-2 3h-5l-2-3c0-4 1.5-7 4.5-9z"/><circle cx="12" cy="9.5" r="1.6"/>
                  <path d="M9.5 15l-2.5 3.5 3-.5M14.5 15l2.5 3.5-3-.5M12 17v4"/>)";
    case PageIcon::Incidents:
        return R"(<path d="M12 3l9.5 17h-19z"/><path d="M12 9.5v5M12 17.2v.3"/>)";
    }
    return "";
}

QPixmap renderIcon(PageIcon icon, const QColor& color, int size)
{
    const QString svg
        = QStringLiteral(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" )"
                         R"(stroke="%1" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">)")
              .arg(color.name())
        + QLatin1String(svgFor(icon)) + QStringLiteral("</svg>");
    QSvgRenderer renderer(svg.toUtf8());
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    return pixmap;
}

bool s_dark = false;

// The style sheet's colour tokens, light and dark; the QPalette below uses the same values.
struct Tokens
{
    const char* name;
    const char* light;
    const char* dark;
};
constexpr Tokens kTokens[] = {
    {"window", "#f3f5f8", "#1b1f26"},       {"base", "#ffffff", "#222831"},
    {"altBase", "#f5f7fa", "#272e38"},      {"tile", "#ffffff", "#252c36"},
    {"text", "#1d2533", "#e3e8ef"},         {"muted", "#6b7789", "#9aa6b8"},
    {"subtle", "#5d6878", "#a9b4c4"},       {"border", "#dde2ea", "#363f4c"},
    {"strongBorder", "#c9d1dd", "#4a5566"}, {"emptyBg", "#f7f9fc", "#20262e"},
    {"navBg", "#1f2a3c", "#151a21"},        {"navText", "#dbe3f0", "#c9d3e1"},
    {"navSel", "#2c3b55", "#26344b"},       {"navSelText", "#ffffff", "#ffffff"},
    {"navHover", "#26344b", "#1f2a3a"},     {"accentLine", "#5b9cff", "#5b9cff"},
    {"bannerBg", "#fdecea", "#3a1f1c"},     {"bannerText", "#8a1f11", "#f5b7ad"},
    {"bannerBorder", "#f3b7ad", "#6e2f26"}, {"infoBg", "#eef4ff", "#1c2a40"},
    {"infoText", "#1f3d73", "#b9cff5"},     {"infoBorder", "#c4d6f5", "#2f4a75"},
    {"headerBg", "#eef1f5", "#2a313c"},     {"headerText", "#3a4556", "#c3ccd9"},
    {"previewBg", "#fbfcfd", "#1e242c"},    {"accent", "#2f6fdb", "#3d7fe8"},
    {"accentHover", "#245fc4", "#2f6fdb"},  {"accentDisabled", "#9db7e6", "#34466a"},
    {"onAccent", "#ffffff", "#ffffff"},     {"secondaryHover", "#eef3fb", "#2c3644"},
    {"disabledText", "#8a94a3", "#6c7787"}, {"link", "#2f6fdb", "#7eaaf5"},
};

QColor token(const char* name)
{
    for (const Tokens& t : kTokens) {
        if (qstrcmp(t.name, name) == 0)
            return QColor(QLatin1String(s_dark ? t.dark : t.light));
    }
    return {};
}

QString styleSheet()
{
    QString sheet = QLatin1String(kStyleSheet);
    for (const Tokens& t : kTokens)
        sheet.replace(QLatin1Char('@') + QLatin1String(t.name) + QLatin1Char('@'),
                      QLatin1String(s_dark ? t.dark : t.light));
    return sheet;
}

// Qt 6.4 has no QStyleHints::colorScheme(): a platform palette whose window is darker than its text is dark.
bool systemPrefersDark(const QPalette& platform)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() != Qt::ColorScheme::Unknown)
        return QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
#endif
    return platform.color(QPalette::Window).lightness() < platform.color(QPalette::WindowText).lightness();
}

} // namespace

ThemeMode themeModeFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("dark"))
        return ThemeMode::Dark;
    if (n == QLatin1String("light"))
        return ThemeMode::Light;
    return ThemeMode::System;
}

void applyTheme(QApplication& app, ThemeMode mode)
{
    if (mode == ThemeMode::System)
        mode = themeModeFromName(qEnvironmentVariable("GATEHOUSE_THEME"));
    const QPalette platform = QGuiApplication::palette();
    s_dark = mode == ThemeMode::Dark || (mode == ThemeMode::System && systemPrefersDark(platform));

    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.style()->standardPalette();
    const auto set = [&palette](QPalette::ColorRole role, const char* name) {
        palette.setColor(QPalette::All, role, token(name));
    };
    set(QPalette::Window, "window");
    set(QPalette::Base, "base");
    set(QPalette::AlternateBase, "altBase");
    set(QPalette::Highlight, "accent");
    set(QPalette::HighlightedText, "onAccent");
    set(QPalette::Text, "text");
    set(QPalette::WindowText, "text");
    set(QPalette::ButtonText, "text");
    set(QPalette::ToolTipText, "text");
    set(QPalette::PlaceholderText, "muted");
    set(QPalette::Link, "link");
    set(QPalette::LinkVisited, "link");
    if (s_dark) {
        set(QPalette::Button, "headerBg");
        set(QPalette::ToolTipBase, "tile");
        palette.setColor(QPalette::Light, QColor(0x3a, 0x43, 0x50));
        palette.setColor(QPalette::Midlight, QColor(0x30, 0x38, 0x44));
        palette.setColor(QPalette::Mid, QColor(0x25, 0x2b, 0x34));
        palette.setColor(QPalette::Dark, QColor(0x12, 0x16, 0x1c));
        palette.setColor(QPalette::Shadow, QColor(0x08, 0x0a, 0x0d));
        palette.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    }
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, token("disabledText"));
    app.setPalette(palette);
    app.setStyleSheet(styleSheet());
}

bool isDarkTheme()
{
    return s_dark;
}

QColor themeColor(const char* name)
{
    return token(name);
}

QIcon pageIcon(PageIcon icon)
{
    QIcon result;
    for (int size : {16, 24, 32, 48}) {
        result.addPixmap(renderIcon(icon, QColor(0xc3, 0xcd, 0xdc), size), QIcon::Normal);
        result.addPixmap(renderIcon(icon, token("navSelText"), size), QIcon::Selected);
    }
    return result;
}

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(qMax(9.5, font.pointSizeF()));
    return font;
}

} // namespace gatehouse::ui
