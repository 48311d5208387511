// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "DeploymentRules.h"
#include "Incident.h"
#include "IncidentParser.h"
#include "IncidentScanner.h"
#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/CommitGraph.h"

#include <QMetaType>
#include <QString>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::delivery {

/// Everything the delivery views and commands need, computed once: deployments (with rollbacks and incident
/// failures applied) and linked incidents. Value type, handed from a worker to the GUI thread.
struct DeliverySnapshot
{
    QString repositoryPath;
    DeploymentHistory history;
    QList<Incident> incidents; ///< what reached users: every count (DORA, Overview, info) uses these
    /// Reverts of commits no deployment had shipped before the revert ("reverted before release"): not incidents.
    QList<Incident> unshippedReverts;
    QList<RuleDiagnostic> configDiagnostics; ///< problems in .gatehouse/config.yml (the defaults still applied)
    QList<IncidentDiagnostic> incidentDiagnostics; ///< problems in postmortem documents
};

/// The revision's history as a caller's own walk read it, handed to the analysis so that history is read once: the
/// caller add()s every commit Repository::walk gives from `tip` (default options), in that order. Used only when
/// the walk went through and `tip` is still the revision's commit; otherwise the analysis walks by itself.
class WalkedHistory
{
public:
    explicit WalkedHistory(const git::ObjectId& tip)
        : m_tip(tip)
    { }
    WalkedHistory(const WalkedHistory&) = delete;
    WalkedHistory& operator=(const WalkedHistory&) = delete;

    void add(const git::CommitInfo& commit) { m_incidents.add(commit); }
    const git::ObjectId& tip() const { return m_tip; }

private:
    friend class DeliveryAnalysis;
    git::ObjectId m_tip;
    git::CommitGraph m_graph;
    IncidentScanner::Walk m_incidents{&m_graph};
    bool m_used = false;
};

/// The whole delivery analysis: rules → deployments → incidents → links. Runs on a worker thread; opens its own
/// Repository from the path (the overload taking one is for callers that already own one on this thread).
class DeliveryAnalysis
{
public:
    /// `revision`: where incidents, documents and the config are read (empty: the work tree's config and HEAD).
    static Result<DeliverySnapshot> run(const QString& repositoryPath, const QString& revision = {},
                                        ProgressSink* sink = nullptr);
    /// `walked`: the revision's history, read by the caller (see WalkedHistory); consumed when it is used.
    static Result<DeliverySnapshot> run(const git::Repository& repository, const QString& revision = {},
                                        ProgressSink* sink = nullptr, WalkedHistory* walked = nullptr);
    /// The analysis itself: run() answers from the DeliveryCache and computes through this once per repository
    /// state.
    static Result<DeliverySnapshot> compute(const git::Repository& repository, const QString& revision = {},
                                            ProgressSink* sink = nullptr, WalkedHistory* walked = nullptr);
};

} // namespace gatehouse::delivery

Q_DECLARE_METATYPE(gatehouse::delivery::DeliverySnapshot)
