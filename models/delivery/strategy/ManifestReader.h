// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryStrategy.h"

#include <QByteArray>
#include <QMap>

namespace gatehouse::delivery {

/// What the Kubernetes manifests of a repository say about delivery, before findings are merged per environment.
struct ManifestScan
{
    QList<StrategyFinding> findings;
    /// Argo AnalysisTemplate / ClusterAnalysisTemplate metrics by template name.
    QMap<QString, QList<MetricGate>> analysisTemplates;
    QList<StrategyDiagnostic> diagnostics;
    int documents = 0; ///< YAML documents read (for statistics and tests)
};

/// Reads Kubernetes manifests (multi-document YAML) for deployment strategies:
///  - Flagger `Canary` (flagger.app): spec.analysis interval, threshold, maxWeight, stepWeight, stepWeights,
///    iterations, match, metrics (thresholdRange min/max, interval) and webhooks. stepWeight(s) → canary,
///    iterations without match → blue-green, iterations with match (A/B testing) → canary. Rollback automatic.
///  - Argo Rollouts `Rollout` (argoproj.io): strategy.canary (steps: setWeight, pause, analysis; background analysis)
///    and strategy.blueGreen (activeService, previewService, autoPromotionEnabled, autoPromotionSeconds,
///    pre/postPromotionAnalysis). Rollback automatic when an analysis gates it, manual otherwise.
///  - Argo `AnalysisTemplate` / `ClusterAnalysisTemplate`: metrics with successCondition/failureCondition,
///    failureLimit and interval; simple conditions (`result[0] >= 0.95`) give min/max.
///  - `Deployment` spec.strategy.type (RollingUpdate, the default, or Recreate).
///  - `Service` whose selector picks a colour (`version: blue|green`): a blue-green switch, rolled back by hand.
/// The environment is taken from the path (`k8s/production/…`, `overlays/staging/…`), else the namespace.
/// Helm templates (`{{ … }}`) are read with the template actions blanked out. Never throws; bad input becomes
/// diagnostics and the remaining documents of the file are still read. Pure function of its input, any thread.
class ManifestReader
{
public:
    /// Files above this size are not parsed (a generated bundle or a data file, not a manifest someone wrote).
    static constexpr qint64 MaxFileSize = 2 * 1024 * 1024;
    /// Flow collections nested deeper than this are refused before parsing (yaml-cpp recurses without a limit).
    static constexpr int MaxNesting = 200;

    /// Whether a path may hold manifests: .yaml/.yml outside CI definitions.
    static bool isCandidatePath(const QString& path);
    /// Reads one file's content into `scan`.
    static void read(const QString& path, const QByteArray& content, ManifestScan& scan);
};

} // namespace gatehouse::delivery
