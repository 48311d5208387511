// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GatePolicy.h"
#include "PipelineModel.h"

#include "delivery/strategy/PipelineDeployScanner.h"

namespace gatehouse::pipeline {

/// The `progressive-delivery` gate: production reaches users progressively (canary or blue-green) with
/// an automatic rollback on a metric. Judged on the pipelines that deploy to production, with the strategies of the
/// whole repository state (delivery::StrategyDetector over the Kubernetes manifests and the other pipelines of
/// `files`, plus this pipeline's resolved jobs). Pure function of its inputs, any thread.
class ProgressiveDeliveryGate
{
public:
    static void check(PipelineModel& model, const GatePolicy& policy, const FileSource& files,
                      QList<Diagnostic>& diagnostics);

    /// A resolved job as the strategy scanner reads one (commands, variables, deploy inputs, manual/on-failure).
    static delivery::PipelineDeployScanner::Job scannerJob(const PipelineJob& job, PipelineKind kind);
};

} // namespace gatehouse::pipeline
