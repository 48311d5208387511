// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "repo/RepositorySnapshot.h"
#include "scorecard/OverviewSummary.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;

namespace gatehouse::ui {

class ActivityBars;
class KpiTile;
class MetricsView;
class ScorecardView;

/// The Overview: KPI tiles from every area (gates, findings, deployments, incidents, runs), the 12-Factor scorecard
/// and the success metrics, all computed by a background job (OverviewSummary) whenever a snapshot arrives, plus the
/// weekly commit activity of the snapshot. Links in the scorecard and metrics are re-emitted as linkActivated.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    /// Where the job reads run and scan caches (tests); applies from the next snapshot.
    void setCollectOptions(const scorecard::CollectOptions& options) { m_options = options; }

    bool isComputing() const { return m_job.isRunning(); }
    const std::optional<scorecard::OverviewSummary>& summary() const { return m_summary; }
    QList<KpiTile*> tiles() const { return m_tiles; }
    KpiTile* tile(const QString& objectName) const;
    ScorecardView* scorecardView() const { return m_scorecard; }
    MetricsView* metricsView() const { return m_metrics; }
    ActivityBars* activityBars() const { return m_bars; }
    QString statusMessage() const;
    static QString ageText(const QDateTime& time, const QDateTime& now);

Q_SIGNALS:
    /// The background job delivered (summary() is set) or failed (statusMessage() says why).
    void summaryAvailable();
    void computeFailed(const QString& message);
    void linkActivated(const gatehouse::scorecard::SourceLink& link);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void startJob(const QString& path, const QString& revision);
    void applySummary(const scorecard::OverviewSummary& summary);
    void showPending();

    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_warnings;
    QLabel* m_status;
    QList<KpiTile*> m_tiles;
    QHash<KpiTile*, scorecard::SourceLink> m_tileLinks; ///< where a click on a tile goes
    KpiTile* m_gates;
    KpiTile* m_findings;
    KpiTile* m_deployment;
    KpiTile* m_incident;
    KpiTile* m_runs;
    QLabel* m_scorecardTitle;
    ScorecardView* m_scorecard;
    MetricsView* m_metrics;
    ActivityBars* m_bars;
    QLabel* m_barsTitle;
    QLabel* m_repositoryFacts;
    scorecard::CollectOptions m_options;
    std::optional<scorecard::OverviewSummary> m_summary;
    JobTracker m_job{this};
};

} // namespace gatehouse::ui
