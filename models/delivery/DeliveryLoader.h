// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryAnalysis.h"
#include "common/JobTracker.h"
#include "strategy/StrategyDetector.h"

#include <QObject>

#include <optional>

namespace gatehouse::delivery {

/// What the Deployments and Incidents pages show: the delivery analysis and the rollout strategies of one revision.
/// Value type, built on a worker.
struct DeliveryLoadResult
{
    QString repositoryPath;
    QString revision; ///< as requested; empty = the work tree
    DeliverySnapshot delivery;
    StrategyReport strategies;
    QString strategyError; ///< why strategies could not be read (the deployments still count)
};

/// Runs DeliveryAnalysis and StrategyDetector for a repository in the background, for the pages that share them.
/// Every load() supersedes the previous one (its result is dropped), cancel() drops the running one.
///
/// Thread affinity: the thread it lives on (the GUI thread); the worker opens its own Repository from the path.
class DeliveryLoader : public QObject
{
    Q_OBJECT
public:
    explicit DeliveryLoader(QObject* parent = nullptr);

    /// Starts analysing the repository at `repositoryPath` (incidents and config read at `revision`, or the work
    /// tree and HEAD when empty).
    void load(const QString& repositoryPath, const QString& revision = {});
    /// Drops the running load (the pages keep what they showed before, or their empty state).
    void cancel();
    /// Forgets the result (no repository).
    void clear();

    bool isLoading() const { return m_jobs.isRunning(); }
    bool hasResult() const { return m_result.has_value(); }
    /// The last result; only valid when hasResult().
    const DeliveryLoadResult& result() const { return *m_result; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void loadStarted();
    void progressChanged(int permille, const QString& stage);
    void loadFinished(const gatehouse::delivery::DeliveryLoadResult& result);
    void loadFailed(const QString& message);
    void loadCancelled();
    void cleared();

private:
    JobTracker m_jobs{this};
    std::optional<DeliveryLoadResult> m_result;
    QString m_lastError;
};

} // namespace gatehouse::delivery
