// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time tool: renders the scalable icon to the PNG sizes desktops ask for (no binary files in the repository).
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char* argv[])
{
    // The offscreen platform: this runs on build machines without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: gatehouse_render_icon SVG SIZE PNG\n");
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    const int size = arguments.at(2).toInt();
    if (!renderer.isValid() || size <= 0) {
        std::fprintf(stderr, "gatehouse_render_icon: cannot render %s\n", qPrintable(arguments.at(1)));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    return image.save(arguments.at(3), "PNG") ? 0 : 1;
}
