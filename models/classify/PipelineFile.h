// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gatehouse {

/// A CI/CD definition file found at the snapshot's revision.
struct PipelineFile
{
    enum class Kind
    {
        GitLabCi,
        GitLabInclude,
        GitHubWorkflow,
        GitHubAction,
        CircleCI,
        Jenkinsfile
    };
    QString path; ///< relative to the repository root, '/'-separated
    Kind kind = Kind::GitLabCi;
    qint64 size = 0;
};

} // namespace gatehouse
