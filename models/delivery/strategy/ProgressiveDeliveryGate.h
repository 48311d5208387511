// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/GatePolicy.h"
#include "pipeline/PipelineModel.h"

namespace gatehouse::delivery {

/// The `progressive-delivery` gate: production reaches users progressively (canary or blue-green) with
/// an automatic rollback on a metric. Judged on the pipelines that deploy to production, with the strategies of the
/// whole repository state (StrategyDetector over the Kubernetes manifests and the other pipelines of `files`, plus
/// this pipeline's resolved jobs). Pure function of its inputs, any thread.
///
/// models/pipeline does not know delivery strategies, so the pipeline engine runs this gate through
/// pipeline::PipelineGates::addExternalGate(): install() registers it once; main() calls it at start, before any
/// pipeline is validated, and so do tests that judge the gate.
class ProgressiveDeliveryGate
{
public:
    static void check(pipeline::PipelineModel& model, const pipeline::GatePolicy& policy,
                      const pipeline::FileSource& files, QList<pipeline::Diagnostic>& diagnostics);
    /// Registers check() with the pipeline engine's gates (idempotent).
    static void install();
};

} // namespace gatehouse::delivery
