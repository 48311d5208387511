// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScratchRepository.h"

namespace gatehouse::test {

/// A small history with everything the application shell shows: a GitLab pipeline with a local include, a GitHub
/// workflow and action, scan reports committed twice, a scan note, two deploy tags (staging, production), a plain
/// tag, and postmortem / revert / hotfix commits by three authors. The work tree is checked out at HEAD.
struct ShellFixture
{
    git::ObjectId initial;
    git::ObjectId firstScan;
    git::ObjectId stagingDeploy;
    git::ObjectId secondScan;
    git::ObjectId postmortem;
    git::ObjectId revert;
    git::ObjectId hotfix; ///< HEAD

    /// Builds the history in `scratch` (which must be empty); returns false (with a QTest failure message
    /// printed) when the git layer refused something.
    bool build(ScratchRepository& scratch);
};

} // namespace gatehouse::test
