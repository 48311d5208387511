// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportPdfWriter.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace gatehouse::render {

namespace {

// The chart's size in the HTML (CSS pixels) and how much finer it is rasterized for print.
constexpr int ChartWidth = 640;
constexpr int ChartHeight = 220;
constexpr int ChartScale = 4;

} // namespace

Result<QByteArray> weeklyReportPdf(const WeeklyReport& report)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(QStringLiteral("report.no-gui"),
                         QStringLiteral("PDF output needs a QGuiApplication (fonts and painting)"));

    QSvgRenderer svg(report.trendChart());
    if (!svg.isValid())
        return makeError(QStringLiteral("report.chart"), QStringLiteral("the trend chart could not be drawn"));
    QImage chart(ChartWidth * ChartScale, ChartHeight * ChartScale, QImage::Format_ARGB32_Premultiplied);
    chart.fill(Qt::white);
    {
        QPainter painter(&chart);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        svg.render(&painter);
    }
    chart.setDevicePixelRatio(ChartScale);

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter);
        writer.setResolution(144);
        writer.setTitle(
            QStringLiteral("Security posture: %1, %2").arg(report.repository, report.summary.week.toString()));
        writer.setCreator(report.generator);

        QTextDocument document;
        document.setDocumentMargin(0);
        const QUrl chartUrl(QStringLiteral("gatehouse:trend.png"));
        document.addResource(QTextDocument::ImageResource, chartUrl, chart);
        document.setHtml(report.toHtml(chartUrl.toString()));
        // Lay the text out on the page's printable width (in the writer's device pixels), then print.
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        document.setPageSize(page.size());
        document.print(&writer);
    }
    buffer.close();
    if (pdf.isEmpty())
        return makeError(QStringLiteral("report.pdf"), QStringLiteral("the PDF writer produced nothing"));
    return pdf;
}

} // namespace gatehouse::render
