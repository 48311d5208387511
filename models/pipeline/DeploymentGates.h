// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GatePolicy.h"
#include "PipelineModel.h"

#include <functional>
#include <optional>

namespace gatehouse::pipeline {

/// A `gate.<id>` diagnostic (category gate) at `at`, else at the job's key, else at the file's first line; the
/// severity is the policy's unless given.
Diagnostic gateDiagnostic(const PipelineModel& model, const GatePolicy& policy, const QString& gate, const YamlNode* at,
                          const PipelineJob* job, const QString& message,
                          std::optional<Severity> severity = std::nullopt);

/// The gates that judge the order of jobs and the deployments to production:
/// - deploy-after-validation: every deploy job runs after the pipeline's tests and its security scans (at least
///   one of each kind the pipeline has), by `needs` followed through the jobs they need, or by stage order for a
///   GitLab job without `needs`; validation jobs that need the deploy (smoke tests) are not asked for;
/// - production-approval: a production deploy waits for a human (GitLab) or goes through a protected environment
///   (GitHub) and comes after a staging deployment; a job that deploys to production by its name, its variables or
///   its commands but declares no `environment` is reported.
/// Linear in jobs + needs (the order facts are propagated once over the needs graph). Pure, any thread.
class DeploymentGates
{
public:
    /// The scan kinds of a job (PipelineGates::scanKinds, cached by the caller).
    using ScanKinds = std::function<const QStringList&(const PipelineJob&)>;

    static void check(PipelineModel& model, const GatePolicy& policy, QList<Diagnostic>& diagnostics,
                      const ScanKinds& scanKinds);

    /// Why a job without an `environment` looks like a production deployment ("its name 'deploy-prod'", "the
    /// command 'helm upgrade … --namespace production'"), empty when it does not.
    static QString productionEvidence(const PipelineModel& model, const PipelineJob& job);
    /// Whether a GitLab job waits for someone to start it: `when: manual`, or every rule that can run it is manual.
    static bool isManual(const PipelineJob& job);
};

} // namespace gatehouse::pipeline
