// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtCharts/QChartView>

namespace gatehouse::ui {

/// The chart view every chart uses: palette-aware (re-themes when the palette changes), antialiased, hover
/// tooltips through showTip(), a text shown in the middle while there is no data, and optional horizontal range
/// zoom with the mouse (drag to zoom, double-click or right-click to reset).
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);

    /// Shown centred over the plot while non-empty (e.g. "No scans in this range").
    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }
    void setRangeZoomEnabled(bool enabled);
    /// The text of the last tooltip shown (tests read it; empty once hidden).
    QString lastTip() const { return m_lastTip; }
    /// Shows `text` as a tooltip at the mouse (empty hides it).
    void showTip(const QString& text);

Q_SIGNALS:
    void zoomReset();

protected:
    /// Builds the series again from the current data, in the current palette's colours.
    virtual void rebuild() = 0;
    void changeEvent(QEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    QString m_emptyText;
    QString m_lastTip;
    bool m_rangeZoom = false;
    bool m_rethemePending = false;
};

} // namespace gatehouse::ui
