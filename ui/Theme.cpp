// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>

namespace gatehouse::ui {

namespace {

const char* const kStyleSheet = R"(
QListWidget#navigation { background: #1f2a3c; color: #dbe3f0; border: none; padding-top: 8px; font-size: 10.5pt; }
QListWidget#navigation::item { padding: 10px 14px; border-left: 3px solid transparent; }
QListWidget#navigation::item:selected { background: #2c3b55; color: white; border-left: 3px solid #5b9cff; }
QListWidget#navigation::item:hover:!selected { background: #26344b; }
QFrame[tile="true"] { background: palette(base); border: 1px solid #dde2ea; border-radius: 8px; }
QLabel[role="tileValue"] { font-size: 21pt; font-weight: 600; color: palette(text); }
QLabel[role="tileCaption"] { font-size: 8.5pt; font-weight: 600; color: #6b7789; letter-spacing: 0.5px; }
QLabel[role="tileDetail"] { font-size: 8.5pt; color: #6b7789; }
QLabel[role="pageTitle"] { font-size: 16pt; font-weight: 600; color: palette(window-text); }
QLabel[role="pageSubtitle"] { color: #5d6878; }
QLabel[role="sectionTitle"] { font-size: 11pt; font-weight: 600; color: palette(window-text); padding-top: 6px; }
QLabel[role="emptyState"] { color: #5d6878; font-size: 10.5pt; padding: 24px; background: #f7f9fc;
                            border: 1px dashed #c9d1dd; border-radius: 8px; }
QLabel[role="banner"] { background: #fdecea; color: #8a1f11; border: 1px solid #f3b7ad; border-radius: 6px;
                        padding: 8px 12px; }
QLabel[role="info"] { background: #eef4ff; color: #1f3d73; border: 1px solid #c4d6f5; border-radius: 6px;
                      padding: 8px 12px; }
QTreeView { background: white; alternate-background-color: #f5f7fa; border: 1px solid #dde2ea; }
QTreeView::item { padding: 3px 2px; }
QHeaderView::section { background: #eef1f5; color: #3a4556; padding: 5px 6px; border: none;
                       border-right: 1px solid #dde2ea; border-bottom: 1px solid #dde2ea; font-weight: 600; }
QPlainTextEdit#preview, QTextBrowser#details { background: #fbfcfd; border: 1px solid #dde2ea; }
QWidget#pageRoot { background: #f3f5f8; }
QPushButton[role="primary"] { background: #2f6fdb; color: white; border: none; border-radius: 5px;
                              padding: 8px 18px; font-weight: 600; }
QPushButton[role="primary"]:hover { background: #245fc4; }
QPushButton[role="primary"]:disabled { background: #9db7e6; }
QPushButton[role="secondary"] { background: white; color: #1d2533; border: 1px solid #c9d1dd; border-radius: 5px;
                                padding: 8px 18px; font-weight: 600; }
QPushButton[role="secondary"]:hover { background: #eef3fb; }
QPushButton[role="secondary"]:disabled { color: #8a94a3; }
QListWidget#recentRepositories { background: white; border: 1px solid #dde2ea; border-radius: 6px; }
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

} // namespace

void applyTheme(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf5, 0xf8));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf7, 0xfa));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xdb));
    palette.setColor(QPalette::Text, QColor(0x1d, 0x25, 0x33));
    palette.setColor(QPalette::WindowText, QColor(0x1d, 0x25, 0x33));
    app.setPalette(palette);
    app.setStyleSheet(QLatin1String(kStyleSheet));
}

QIcon pageIcon(PageIcon icon)
{
    QIcon result;
    for (int size : {16, 24, 32, 48}) {
        result.addPixmap(renderIcon(icon, QColor(0xc3, 0xcd, 0xdc), size), QIcon::Normal);
        result.addPixmap(renderIcon(icon, Qt::white, size), QIcon::Selected);
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
