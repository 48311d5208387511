// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryAnalysis.h"

#include <QByteArray>

#include <functional>

namespace gatehouse::delivery {

/// One delivery analysis per repository state, shared by everyone who asks (the dashboard's snapshot, the Overview's
/// scorecard and the Deployments and Incidents pages ask the same question at the same time when a repository
/// opens). The state is what the analysis reads: the revision's commit, every tag, the deployment notes ref and the
/// rules file; when any of them moves, the next request computes afresh and the old result is dropped.
///
/// A request for a state being computed on another thread waits for that result instead of walking the history a
/// second time; a computation that was cancelled is not shared (the next caller computes). Thread-safe; a few of
/// the latest states are kept.
class DeliveryCache
{
public:
    using Compute = std::function<Result<DeliverySnapshot>()>;

    static DeliveryCache& instance();

    /// The key of the repository's delivery state at `revision` (empty: HEAD and the work tree's rules; a name and
    /// the sha it resolves to give one key); empty when it cannot be read (then nothing is cached).
    static QByteArray stateKey(const git::Repository& repository, const QString& revision);

    /// The snapshot for `key`: cached, awaited from another thread, or computed here by `compute`.
    Result<DeliverySnapshot> get(const QByteArray& key, const Compute& compute);

    /// How many analyses get() ran since the start (tests).
    int computations() const;
    void clear();

private:
    DeliveryCache() = default;
};

} // namespace gatehouse::delivery
