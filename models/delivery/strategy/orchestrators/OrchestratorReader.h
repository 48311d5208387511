// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/strategy/ManifestReader.h"
#include "delivery/strategy/PipelineDeployScanner.h"

#include <QByteArray>

namespace gatehouse::delivery {

/// Reads rollouts of orchestrators other than Kubernetes:
///  - Docker Swarm: the services of Compose / stack files (`docker-compose*.yml`, `compose*.yml`, `*stack*.yml` and
///    any YAML with top-level `services:` whose services have `deploy:`): `replicas`, `update_config` (parallelism,
///    delay, failure_action, monitor, max_failure_ratio, order) and `rollback_config`, plus the service's
///    `healthcheck`. parallelism 0 updates all tasks at once: recreate with order stop-first, blue-green with
///    start-first; otherwise rolling, one weight step per batch (the share of tasks on the new version) with the
///    delay as a pause. failure_action rollback → automatic rollback; a rollback_config alone → manual.
///  - Nomad job specifications in HCL (`*.nomad`, `*.nomad.hcl`, `*.hcl` holding a `job` block) or JSON
///    (`*.nomad.json`, the API's `{"Job":{…}}`): the `update` block of the job, overridden per group (canary,
///    max_parallel, auto_promote, auto_revert, health_check, min_healthy_time, healthy_deadline). canary = count →
///    blue-green; canary > 0 → canary (weight canary/count, then promotion); otherwise rolling in max_parallel batches.
///    auto_revert → automatic rollback; canaries without it → manual (`nomad deployment fail`).
/// Health gates become metrics. The environment is taken from the path, else the job or stack name, else the
/// namespace, else "default". Never throws; bad files become diagnostics with line and column.
class OrchestratorReader
{
public:
    static bool isCandidatePath(const QString& path);
    /// Reads one file into `scan` (findings and diagnostics). Files that turn out to be neither are ignored.
    static void read(const QString& path, const QByteArray& content, ManifestScan& scan);
};

/// What pipeline jobs running Swarm or Nomad commands say: `docker service update` (its --update-* flags),
/// `docker stack deploy`, `docker service rollback`, `nomad job run`, `nomad job promote` / `nomad deployment
/// promote`, `nomad job revert` / `nomad deployment fail`.
class OrchestratorCommands
{
public:
    /// Whether a command line deploys with Swarm or Nomad.
    static bool deploys(const QString& command);
    /// Adds to a job's finding what its Swarm/Nomad commands say (strategy when none was found, steps, rollback).
    static void refine(const PipelineDeployScanner::Job& job, StrategyFinding& finding);
};

} // namespace gatehouse::delivery
