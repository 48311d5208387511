// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeploymentComparison.h"
#include "Incident.h"
#include "strategy/DeliveryStrategy.h"

#include <QHash>

#include <optional>
#include <utility>

namespace gatehouse::delivery {

/// A gate whose state differs between two deployments in one pipeline file.
struct GateChange
{
    enum class State
    {
        Absent, ///< the file does not exist on that side
        Pass,
        Fail,
        NotApplicable,
        Disabled
    };
    QString file;
    QString gate; ///< gate id, e.g. "production-approval"
    QString title;
    State before = State::Absent;
    State after = State::Absent;
    QString evidence; ///< why it fails (or passes) after the change
};
QString gateStateName(GateChange::State state); ///< "absent", "pass", "fail", "n/a", "disabled"

/// What one deployment brings compared with another (the previous one of its environment, or any other), for the
/// Deployments page's detail. Value type.
struct DeploymentDetail
{
    git::ObjectId from; ///< null: no baseline (the first deployment of its environment)
    git::ObjectId to;
    DeploymentDiff diff;
    QStringList pipelineFiles; ///< CI files whose gates were compared (union of both sides)
    QList<GateChange> gateChanges;
    int gatesFailingBefore = 0; ///< over every pipeline file
    int gatesFailingAfter = 0;
    QString environment;
    std::optional<EnvironmentStrategy> strategy; ///< the strategy in force for `environment` at `to`
    QStringList notes; ///< problems met (unreadable strategy files, ...)
};

/// The Incidents page's detail: what shipped between the last good deployment and the blamed one, and the diff of
/// the commit that fixed it. Value type.
struct IncidentDetail
{
    int blamedIndex = -1; ///< into the history's deployments
    int lastGoodIndex = -1;
    int fixedByIndex = -1;
    std::optional<DeploymentDiff> whatChanged; ///< last good → blamed (empty when either is missing)
    git::ObjectId fixCommit; ///< the first `Fix:` commit, else the incident's own commit
    bool fixIsIncidentCommit = false; ///< no `Fix:` commit resolved: the incident's commit is shown
    QString fixSummary;
    QString fixPatch; ///< unified diff of fixCommit against its first parent
    bool fixPatchTruncated = false;
};

/// Worker-side computations behind the delivery pages' details. Each opens its own Repository from the path.
class DeliveryInspector
{
public:
    static constexpr qsizetype MaxPatchCharacters = 400000;

    /// Changelog, files, pipeline files and gate changes from `from` to `to` (from may be null), and the strategy
    /// of `environment` at `to`. Cancelling returns the error "cancelled".
    static Result<DeploymentDetail> inspectDeployment(const QString& repositoryPath, const git::ObjectId& from,
                                                      const git::ObjectId& to, const QString& environment,
                                                      ProgressSink* sink = nullptr);
    /// The gate states of every pipeline of a revision, keyed by "file\ngate".
    static QHash<QString, std::pair<GateChange::State, QString>>
    gateStates(const QString& repositoryPath, const git::ObjectId& commit, QStringList* files);
    static Result<IncidentDetail> inspectIncident(const QString& repositoryPath, const DeploymentHistory& history,
                                                  const Incident& incident, ProgressSink* sink = nullptr);
};

} // namespace gatehouse::delivery
