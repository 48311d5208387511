// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

namespace gatehouse {

/// Where "Open demo repository" and `make run` keep the demo: `<XDG cache>/gatehouse/demo`.
QString demoRepositoryPath();

/// Creates the demo repository in `dir` with DemoRepository::create() unless it already holds one, creating the
/// folder if absent, and returns `dir`. Runs on any thread (writes a repository: keep it off the GUI thread).
Result<QString> ensureDemoRepository(const QString& dir);

} // namespace gatehouse
