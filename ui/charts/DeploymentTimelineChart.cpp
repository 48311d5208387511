// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentTimelineChart.h"

#include "delivery/DeploymentTableModel.h"
#include "delivery/IncidentTableModel.h"

#include <QAbstractItemModel>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimeZone>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace gatehouse::ui {

using delivery::DeploymentTableModel;
using delivery::IncidentTableModel;

namespace {

// Fixed hues that read on light and dark backgrounds alike; the neutral parts come from the palette.
const QColor OkColor(0x3b, 0x82, 0xd6);
const QColor RedeployColor(0x8a, 0x94, 0xa3);
const QColor RollbackColor(0xe0, 0x8a, 0x1e);
const QColor FailedColor(0xd6, 0x45, 0x45);
const QColor IncidentColor(0xb8, 0x32, 0x80);

QString kindOf(DeploymentTableModel::DeploymentStatus status)
{
    switch (status) {
    case DeploymentTableModel::DeploymentStatus::Ok:
        return QStringLiteral("ok");
    case DeploymentTableModel::DeploymentStatus::Redeploy:
        return QStringLiteral("redeploy");
    case DeploymentTableModel::DeploymentStatus::Rollback:
        return QStringLiteral("rollback");
    case DeploymentTableModel::DeploymentStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("ok");
}

} // namespace

DeploymentTimelineChart::DeploymentTimelineChart(QWidget* parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("deploymentTimeline"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 120);
    chart()->setMargins(QMargins(4, 4, 8, 4));
    chart()->setBackgroundRoundness(0);
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart()->setAnimationOptions(QChart::NoAnimation);
}

void DeploymentTimelineChart::setModels(QAbstractItemModel* deployments, QAbstractItemModel* incidents)
{
    for (QAbstractItemModel* model : {m_deployments.data(), m_incidents.data()}) {
        if (model)
            disconnect(model, nullptr, this, nullptr);
    }
    m_deployments = deployments;
    m_incidents = incidents;
    for (QAbstractItemModel* model : {deployments, incidents}) {
        if (!model)
            continue;
        connect(model, &QAbstractItemModel::modelReset, this, &DeploymentTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::layoutChanged, this, &DeploymentTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &DeploymentTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &DeploymentTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::dataChanged, this, &DeploymentTimelineChart::rebuild);
    }
    rebuild();
}

void DeploymentTimelineChart::setSelectedTag(const QString& tag)
{
    if (tag == m_selectedTag)
        return;
    m_selectedTag = tag;
    rebuild();
}

int DeploymentTimelineChart::markerCount(const QString& kind) const
{
    QScatterSeries* series = m_byKind.value(kind);
    return series ? int(series->count()) : 0;
}

QScatterSeries* DeploymentTimelineChart::addMarkers(const QString& kind, const QString& name, const QColor& color,
                                                    int shape, qreal size)
{
    auto* series = new QScatterSeries;
    series->setName(name);
    series->setColor(color);
    series->setBorderColor(color.darker(130));
    series->setMarkerShape(QScatterSeries::MarkerShape(shape));
    series->setMarkerSize(size);
    m_byKind.insert(kind, series);
    m_markers.insert(series, {});
    connect(series, &QScatterSeries::hovered, this,
            [this, series](const QPointF& point, bool state) { onHovered(series, point, state); });
    connect(series, &QScatterSeries::clicked, this, [this, series](const QPointF& point) { onClicked(series, point); });
    return series;
}

void DeploymentTimelineChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis* axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_markers.clear();
    m_byKind.clear();
    m_lanes.clear();
    if (!m_deployments)
        return;

    // Lanes: production first, then the others by name; incidents on top.
    QHash<QString, int> laneOf;
    const int rows = m_deployments->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QString environment = m_deployments->index(row, 0).data(DeploymentTableModel::EnvironmentRole).toString();
        if (!m_lanes.contains(environment))
            m_lanes.append(environment);
    }
    std::sort(m_lanes.begin(), m_lanes.end(), [](const QString& a, const QString& b) {
        const bool aProd = a == QLatin1String("production");
        const bool bProd = b == QLatin1String("production");
        return aProd != bProd ? aProd : a < b;
    });
    std::reverse(m_lanes.begin(), m_lanes.end()); // the first lane is drawn on top
    for (int i = 0; i < m_lanes.size(); ++i)
        laneOf.insert(m_lanes.at(i), i + 1);
    const int incidentLane = int(m_lanes.size()) + 1;

    QScatterSeries* ok
        = addMarkers(QStringLiteral("ok"), tr("Deployment"), OkColor, QScatterSeries::MarkerShapeCircle, 11);
    QScatterSeries* redeploy
        = addMarkers(QStringLiteral("redeploy"), tr("Redeploy"), RedeployColor, QScatterSeries::MarkerShapeCircle, 9);
    QScatterSeries* rollback = addMarkers(QStringLiteral("rollback"), tr("Rollback"), RollbackColor,
                                          QScatterSeries::MarkerShapeTriangle, 14);
    QScatterSeries* failed
        = addMarkers(QStringLiteral("failed"), tr("Failed"), FailedColor, QScatterSeries::MarkerShapeRectangle, 11);
    QScatterSeries* incidents
        = addMarkers(QStringLiteral("incident"), tr("Incident"), IncidentColor, QScatterSeries::MarkerShapeStar, 16);
    QHash<QString, QScatterSeries*> byKind{{QStringLiteral("ok"), ok},
                                           {QStringLiteral("redeploy"), redeploy},
                                           {QStringLiteral("rollback"), rollback},
                                           {QStringLiteral("failed"), failed}};

    qreal minX = std::numeric_limits<qreal>::max();
    qreal maxX = std::numeric_limits<qreal>::lowest();
    QHash<QString, QPointF> positionOfTag;
    QHash<QString, QLineSeries*> laneLines;
    QPointF selected;
    bool hasSelected = false;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_deployments->index(row, 0);
        const QString environment = index.data(DeploymentTableModel::EnvironmentRole).toString();
        const QDateTime time = index.data(DeploymentTableModel::TimeRole).toDateTime();
        const auto status
            = index.data(DeploymentTableModel::StatusRole).value<DeploymentTableModel::DeploymentStatus>();
        const QPointF point(qreal(time.toMSecsSinceEpoch()), laneOf.value(environment));
        minX = std::min(minX, point.x());
        maxX = std::max(maxX, point.x());
        const QString tag = index.data(Qt::DisplayRole).toString();
        positionOfTag.insert(tag, point);
        QLineSeries*& line = laneLines[environment];
        if (!line)
            line = new QLineSeries;
        line->append(point);
        QScatterSeries* series = byKind.value(kindOf(status));
        series->append(point);
        const QString changes = index.siblingAtColumn(DeploymentTableModel::ChangesColumn).data().toString();
        const QString lead = index.siblingAtColumn(DeploymentTableModel::LeadTimeColumn).data().toString();
        const QString statusText = index.siblingAtColumn(DeploymentTableModel::StatusColumn).data().toString();
        m_markers[series].append(
            {tag, -1,
             tr("<b>%1</b> → %2<br>%3 UTC · %4<br>%5 changes · lead time %6")
                 .arg(tag.toHtmlEscaped(), environment.toHtmlEscaped(),
                      time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), statusText, changes, lead)});
        if (tag == m_selectedTag) {
            selected = point;
            hasSelected = true;
        }
    }

    QList<QLineSeries*> blameLines;
    const int incidentRows = m_incidents ? m_incidents->rowCount() : 0;
    for (int row = 0; row < incidentRows; ++row) {
        const QModelIndex index = m_incidents->index(row, 0);
        const QDateTime time = index.data(IncidentTableModel::TimeRole).toDateTime();
        const QPointF point(qreal(time.toMSecsSinceEpoch()), incidentLane);
        // Only incidents inside the deployments' span: the window filter narrows both.
        if (rows > 0 && (point.x() < minX - 86400000.0 || point.x() > maxX + 86400000.0))
            continue;
        incidents->append(point);
        const QString title = index.siblingAtColumn(IncidentTableModel::TitleColumn).data().toString();
        const QString blamed = index.data(IncidentTableModel::BlamedDeploymentRole).toString();
        m_markers[incidents].append(
            {QString(), row,
             tr("<b>%1</b><br>%2 UTC%3")
                 .arg(title.toHtmlEscaped(), time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      blamed.isEmpty() ? QString() : tr("<br>blames %1").arg(blamed.toHtmlEscaped()))});
        if (const auto it = positionOfTag.constFind(blamed); it != positionOfTag.constEnd()) {
            auto* line = new QLineSeries;
            line->append(*it);
            line->append(point);
            QPen pen(IncidentColor, 1, Qt::DashLine);
            line->setPen(pen);
            blameLines.append(line);
        }
    }

    const QColor laneColor = palette().color(QPalette::Mid);
    for (QLineSeries* line : std::as_const(laneLines)) {
        line->setPen(QPen(laneColor, 1.5));
        c->addSeries(line);
    }
    for (QLineSeries* line : std::as_const(blameLines))
        c->addSeries(line);
    // Rollbacks last but incidents: the rare events stay visible where markers overlap.
    for (QScatterSeries* series : {ok, redeploy, failed, rollback, incidents})
        c->addSeries(series);
    if (hasSelected) {
        auto* ring = new QScatterSeries;
        ring->setName(tr("Selected"));
        ring->setMarkerSize(22);
        ring->setColor(Qt::transparent);
        ring->setBorderColor(palette().color(QPalette::Highlight));
        QPen pen(palette().color(QPalette::Highlight), 2.5);
        ring->setPen(pen);
        ring->append(selected);
        c->addSeries(ring);
    }

    auto* x = new QDateTimeAxis;
    if (minX > maxX) {
        const qreal now = qreal(QDateTime::currentMSecsSinceEpoch());
        minX = now - 7 * 86400000.0;
        maxX = now;
    }
    const qreal pad = std::max((maxX - minX) * 0.03, 12 * 3600000.0);
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX - pad), QTimeZone::utc()),
                QDateTime::fromMSecsSinceEpoch(qint64(maxX + pad), QTimeZone::utc()));
    x->setFormat((maxX - minX) > 300 * 86400000.0 ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM d"));
    x->setTickCount(std::clamp(width() / 120, 3, 10));
    auto* y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < m_lanes.size(); ++i)
        y->append(m_lanes.at(i), i + 1);
    y->append(tr("incidents"), incidentLane);
    y->setRange(0.4, incidentLane + 0.6);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    const auto series = c->series();
    for (QAbstractSeries* s : series) {
        s->attachAxis(x);
        s->attachAxis(y);
        // Only the marker kinds that are drawn get a legend entry.
        auto* scatter = qobject_cast<QScatterSeries*>(s);
        const bool inLegend = scatter && scatter->count() > 0 && m_markers.contains(scatter);
        const auto markers = c->legend()->markers(s);
        for (QLegendMarker* marker : markers)
            marker->setVisible(inLegend);
    }
    applyPalette();
}

void DeploymentTimelineChart::applyPalette()
{
    QChart* c = chart();
    const QPalette p = palette();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setPlotAreaBackgroundVisible(false);
    c->legend()->setLabelColor(p.color(QPalette::Text));
    const auto axes = c->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
        if (auto* category = qobject_cast<QCategoryAxis*>(axis))
            category->setGridLineVisible(true);
    }
}

void DeploymentTimelineChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

int DeploymentTimelineChart::nearest(QScatterSeries* series, const QPointF& point) const
{
    const QList<QPointF> points = series->points();
    int best = -1;
    qreal bestDistance = std::numeric_limits<qreal>::max();
    for (int i = 0; i < points.size(); ++i) {
        const qreal distance = std::abs(points.at(i).x() - point.x()) + std::abs(points.at(i).y() - point.y());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

void DeploymentTimelineChart::onHovered(QScatterSeries* series, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const int i = nearest(series, point);
    const QList<Marker>& markers = m_markers.value(series);
    if (i >= 0 && i < markers.size())
        QToolTip::showText(QCursor::pos(), markers.at(i).toolTip, this);
}

void DeploymentTimelineChart::onClicked(QScatterSeries* series, const QPointF& point)
{
    const int i = nearest(series, point);
    const QList<Marker>& markers = m_markers.value(series);
    if (i < 0 || i >= markers.size())
        return;
    if (markers.at(i).incidentRow >= 0)
        Q_EMIT incidentClicked(markers.at(i).incidentRow);
    else
        Q_EMIT deploymentClicked(markers.at(i).tag);
}

} // namespace gatehouse::ui
