// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryStrategy.h"
#include "EnvironmentExpression.h"

#include "pipeline/PipelineModel.h"

#include <QByteArray>
#include <QMap>

#include <optional>

namespace gatehouse::delivery {

/// Finds the pipeline jobs that deploy, and what they say about the strategy: GitLab CI files (`.gitlab-ci.yml`,
/// `*.gitlab-ci.yml`, `.gitlab/ci/*.yml`), GitHub workflows (`.github/workflows/*.yml`), Jenkins declarative
/// pipelines (`Jenkinsfile`, `*.Jenkinsfile`, `jenkins/**/*.groovy` holding a `pipeline { }` block: a stage's `sh`
/// steps and `environment`, its `input` as manual, its `post { failure }` steps as on-failure) and CircleCI
/// configurations (`.circleci/config.yml`: a job's `run` steps and `environment`, `when: on_fail` as on-failure, a
/// job that requires an approval job as manual).
///
/// Jobs are read as the pipeline engine resolves them (anchors, `<<:` merge keys, `extends:`, `!reference`); a file's
/// includes are not followed here (each pipeline file of the repository is read on its own). A job counts
/// when it declares an `environment:` (GitLab string or `name:`, GitHub string or `name:`) or runs kubectl / helm /
/// argo rollouts / kustomize or `azure/k8s-deploy`. Its environment is the declared one, else an environment word in
/// its name, else a `-n/--namespace` value of its commands. It says:
///  - canary: "canary" in its name, environment, variables or commands, a weight in its name (`rollout 25%`), or
///    k8s-deploy `strategy: canary`; weights come from the name, `*WEIGHT*`/`*PERCENT*` variables, `--weight N`,
///    `weight=N` or k8s-deploy `percentage`;
///  - blue-green: "blue-green", "blue" or "green" there, or a Service selector switch (`kubectl patch svc … selector`);
///  - rolling: `kubectl set image deployment…` / `kubectl rollout status deployment…`;
///  - promotion: `kubectl argo rollouts promote` (manual when the job is manual), k8s-deploy `action: promote`;
///  - rollback: `kubectl rollout undo`, `helm rollback`, `argo rollouts abort|undo`, k8s-deploy `action: reject` →
///    automatic when the job or step only runs on failure (GitLab `when: on_failure`, GitHub `if: failure()`),
///    manual otherwise; `helm upgrade --atomic` → automatic.
/// An environment that is an expression (`${{ inputs.environment }}`, `${{ matrix.env }}`, `$DEPLOY_ENV`) takes the
/// values the file gives it: `workflow_dispatch` choice options or an input's default (also `workflow_call`), the
/// job's matrix values, the job's or workflow's `env:`; GitLab variables' `options` or `value` (job, then global)
/// and `parallel: matrix` values.
/// Steps: a manual job adds {"pause":"manual"}, then its weight and promotion, each tagged with the job's name.
/// Pure function of its input, any thread; never throws.
class PipelineDeployScanner
{
public:
    enum class Flavour
    {
        None,
        GitLab,
        GitHub,
        Jenkins,
        CircleCI,
    };
    static Flavour flavourOf(const QString& path);

    /// One shell line of a job and whether it only runs when something failed.
    struct Command
    {
        QString text;
        bool onFailure = false;
    };
    /// A job reduced to what matters here (exposed for tests).
    struct Job
    {
        QString name;
        int line = 0;
        QString environment; ///< as declared, may be empty
        QList<Command> commands;
        QMap<QString, QString> variables;
        QMap<QString, QString> deployInputs; ///< `with:` of an azure/k8s-deploy step
        bool manual = false;
        bool onFailure = false;
        /// What the file says the references of an environment expression can be (see EnvironmentExpression).
        QMap<QString, EnvironmentExpression::Known> known;
    };

    /// Reads one CI file; `flavour` from flavourOf(path).
    static void read(const QString& path, const QByteArray& content, Flavour flavour, QList<StrategyFinding>& findings,
                     QList<StrategyDiagnostic>& diagnostics);
    /// The findings of a pipeline the engine resolved (GitLab, GitHub, Jenkins or CircleCI).
    static QList<StrategyFinding> findingsOf(const pipeline::PipelineModel& model);
    /// A resolved job as this scanner reads one (commands, variables, deploy inputs, manual/on-failure); `known`
    /// is left empty.
    static Job jobOf(const pipeline::PipelineJob& job, pipeline::PipelineKind kind);
    /// Whether the job only waits for a human and runs nothing (a CircleCI `type: approval` job).
    static bool isApproval(pipeline::PipelineKind kind, const pipeline::PipelineJob& job);
    /// What one job says, or nothing when it does not deploy.
    static std::optional<StrategyFinding> evaluate(const QString& path, const Job& job);
    /// What one job says per environment it can deploy to: an environment given by an expression is resolved with
    /// `job.known` (one finding per value); when nothing resolves it, one finding named by the expression as
    /// written, marked chosen at run time.
    static QList<StrategyFinding> evaluateEach(const QString& path, const Job& job);
};

} // namespace gatehouse::delivery
