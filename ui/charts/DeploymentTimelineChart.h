// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QHash>
#include <QPointer>

class QAbstractItemModel;
class QScatterSeries;

namespace gatehouse::ui {

/// The deployment timeline: one lane per environment with a marker per deployment
/// (ok, redeploy, rollback, failed), the incidents on their own lane with a dashed line to the deployment they blame,
/// and a ring around the selected deployment. Reads a DeploymentTableModel (or a proxy of it) and an
/// IncidentTableModel by their roles; colours come from the widget's palette so dark palettes work.
class DeploymentTimelineChart : public QChartView
{
    Q_OBJECT
public:
    explicit DeploymentTimelineChart(QWidget* parent = nullptr);

    void setModels(QAbstractItemModel* deployments, QAbstractItemModel* incidents);
    void setSelectedTag(const QString& tag);

    /// Markers drawn for "ok", "redeploy", "rollback", "failed" or "incident" (for tests and the legend).
    int markerCount(const QString& kind) const;
    QStringList lanes() const { return m_lanes; }

Q_SIGNALS:
    void deploymentClicked(const QString& tag);
    void incidentClicked(int incidentRow);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Marker
    {
        QString tag; ///< deployment markers
        int incidentRow = -1; ///< incident markers
        QString toolTip;
    };
    void rebuild();
    void applyPalette();
    QScatterSeries* addMarkers(const QString& kind, const QString& name, const QColor& color, int shape, qreal size);
    void onHovered(QScatterSeries* series, const QPointF& point, bool state);
    void onClicked(QScatterSeries* series, const QPointF& point);
    int nearest(QScatterSeries* series, const QPointF& point) const;

    QPointer<QAbstractItemModel> m_deployments;
    QPointer<QAbstractItemModel> m_incidents;
    QString m_selectedTag;
    QStringList m_lanes;
    QHash<QScatterSeries*, QList<Marker>> m_markers;
    QHash<QString, QScatterSeries*> m_byKind;
};

} // namespace gatehouse::ui
