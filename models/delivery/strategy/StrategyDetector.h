// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryStrategy.h"
#include "ManifestReader.h"
#include "common/ProgressSink.h"
#include "common/Result.h"

#include <QJsonObject>

namespace gatehouse::delivery {

/// The strategies of a repository, one per environment, plus what could not be read.
struct StrategyReport
{
    QList<EnvironmentStrategy> environments; ///< sorted by environment name
    QList<StrategyDiagnostic> diagnostics; ///< sorted by path and line
    int filesRead = 0;

    /// Finds an environment by name; nullptr when absent.
    const EnvironmentStrategy* environment(const QString& name) const;
    /// `{"environments":[…],"diagnostics":[…]}` (the `gatehouse strategies --format json` document).
    QJsonObject toJson() const;
};

/// Recognises how changes reach each environment from the repository's files: Kubernetes manifests (ManifestReader)
/// and pipeline jobs (PipelineDeployScanner), merged per environment:
///  - the strategy comes from the strongest evidence that names one: a Flagger Canary or Argo Rollout, then a
///    Service switched by a blue/green selector, then pipeline jobs, then Deployments (a Deployment's own strategy is
///    moot once a controller drives it); among equals canary > blue-green > rolling > recreate. "unknown" only when
///    something deploys there but nothing says how;
///  - steps come from that evidence (pipeline jobs: all such jobs of the environment, in file order);
///  - metrics are the union of every finding's gates, Argo templates resolved by name;
///  - rollback is the strongest mode any finding offers (automatic > manual > none);
///  - sources are the findings that agree with the strategy or bring metrics or a rollback.
/// Feed files with addFile() then call report(). Not thread-safe; use one per worker. Value results.
class StrategyDetector
{
public:
    /// Reads one repository file if it is a manifest or a CI definition (other paths are ignored).
    void addFile(const QString& path, const QByteArray& content);
    /// Whether addFile() would look at this path (to avoid reading the others).
    static bool isCandidate(const QString& path);
    /// Findings of pipeline jobs read elsewhere (the pipeline engine's resolved jobs, see PipelineDeployScanner::
    /// evaluate), in place of addFile() for that pipeline.
    void addPipelineFindings(const QList<StrategyFinding>& findings) { m_pipelineFindings += findings; }
    /// A file that could not be read at all.
    void addDiagnostic(const StrategyDiagnostic& diagnostic);

    StrategyReport report() const;

    /// Scans a repository: at `revision` (any revision, read from the object database) or, when empty, its work
    /// tree. Opens its own Repository, so it can run on a worker thread; honours the sink's cancel flag.
    /// Fails (git.* / io.* codes) only when the repository or revision cannot be opened.
    static Result<StrategyReport> scanRepository(const QString& repositoryPath, const QString& revision = {},
                                                 ProgressSink* sink = nullptr);

    /// Merges findings per environment (exposed for tests).
    static QList<EnvironmentStrategy> merge(QList<StrategyFinding> findings,
                                            const QMap<QString, QList<MetricGate>>& analysisTemplates,
                                            QList<StrategyDiagnostic>* diagnostics = nullptr);

private:
    ManifestScan m_manifests;
    QList<StrategyFinding> m_pipelineFindings;
    int m_files = 0;
};

} // namespace gatehouse::delivery
