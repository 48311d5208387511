// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"
#include "common/Result.h"

namespace gatehouse::git {
class Repository;
}
namespace gatehouse::delivery {
class WalkedHistory;
}

namespace gatehouse {

/// Fills the snapshot's deployments and incidents from the delivery analysis (the one place that decides what a
/// deployment and an incident are), so `info` and the shell count exactly what `deployments`, `incidents` and the
/// Delivery pages count. Runs on the loader's worker thread with the repository it opened. `walked`: the snapshot's
/// history as the loader's walk read it, so that the analysis does not read it again (null: it walks by itself).
Status fillDeliveryFacts(const git::Repository& repository, RepositorySnapshot& snapshot,
                         delivery::WalkedHistory* walked = nullptr);

} // namespace gatehouse
