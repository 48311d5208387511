// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace gatehouse::runs {

/// Job name → the jobs it `needs`, for the critical path. A job present with an empty list has `needs: []` (it
/// starts at once); a job absent waits for the previous stage.
using NeedsMap = QHash<QString, QStringList>;

/// Reads the `needs:` of the jobs defined directly in a .gitlab-ci.yml (no include/extends resolution: that is the
/// pipeline engine's job; a job's own `needs:` is what the critical path needs most). Stateless, any thread.
/// Errors: runs.yaml with line and column.
class CiConfigNeeds
{
public:
    static Result<NeedsMap> fromGitLabYaml(const QByteArray& yaml);
};

} // namespace gatehouse::runs
