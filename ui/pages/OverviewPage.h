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
/// and the success metrics, all computed in the background (OverviewSummary) whenever a snapshot arrives, plus the
/// weekly commit activity of the snapshot. Links in the scorecard and metrics are re-emitted as linkActivated.
///
/// Opening is staged so a big history does not keep the page blank: a partial snapshot shows the repository's
/// name, branch and tags at once; the first background stage fills the gates tile (the revision alone), the second
/// the history-wide tiles, the scorecard and the metrics. Until its figure is known a tile says "computing" with a
/// busy bar. The complete snapshot that follows a partial one of the same revision continues the stages already
/// running; any other snapshot starts again and drops what the previous stages would deliver.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);
    /// Computes the figures again for the snapshot shown (records synced from a server count from then on).
    void recompute();
    /// Where the job reads run and scan caches (tests); applies from the next snapshot.
    void setCollectOptions(const scorecard::CollectOptions& options) { m_options = options; }

    bool isComputing() const { return m_job.isRunning(); }
    /// The complete figures (empty while any stage is computing).
    const std::optional<scorecard::OverviewSummary>& summary() const { return m_summary; }
    /// The first stage's figures (the pipelines' gates), kept once the summary is complete.
    const std::optional<scorecard::OverviewSummary>& firstStage() const { return m_firstStage; }
    QList<KpiTile*> tiles() const { return m_tiles; }
    KpiTile* tile(const QString& objectName) const;
    ScorecardView* scorecardView() const { return m_scorecard; }
    MetricsView* metricsView() const { return m_metrics; }
    ActivityBars* activityBars() const { return m_bars; }
    QString statusMessage() const;
    static QString ageText(const QDateTime& time, const QDateTime& now);

Q_SIGNALS:
    /// The first stage is shown (firstStage() is set); the history-wide figures are still computing.
    void firstStageAvailable();
    /// The background job delivered (summary() is set) or failed (statusMessage() says why).
    void summaryAvailable();
    void computeFailed(const QString& message);
    void linkActivated(const gatehouse::scorecard::SourceLink& link);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void startJob(const QString& path, const QString& revision);
    void startSecondStage(const scorecard::OverviewFirstStage& first);
    void applyFirstStage(const scorecard::OverviewSummary& summary);
    void applySummary(const scorecard::OverviewSummary& summary);
    void showPending();
    void showFailure(const QString& message);
    void setHistoryBusy(bool busy);
    void setTileLink(KpiTile* tile, const scorecard::SourceLink& link);

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
    QWidget* m_scorecardBusy;
    QWidget* m_metricsBusy;
    scorecard::CollectOptions m_options;
    QString m_path; ///< of the job's repository
    QString m_revision; ///< the job's revision (empty = work tree)
    QString m_partialKey; ///< the revision a partial snapshot started the stages for; its complete one continues
    std::optional<scorecard::OverviewSummary> m_firstStage;
    std::optional<scorecard::OverviewSummary> m_summary;
    JobTracker m_job{this};
};

} // namespace gatehouse::ui
