// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineModel.h"

namespace gatehouse::pipeline {

/// Finds a repository's pipelines and gives the validator its files, at a revision or in the work tree.
/// Thread affinity: the FileSource returned holds its own Repository handle; use it on one thread at a time
/// (a worker opens its own with fileSource()).
class PipelineDiscovery
{
public:
    /// The files of the repository containing `repoPath`: at `revision`, or in the work tree when it is empty.
    static Result<FileSource> fileSource(const QString& repoPath, const QString& revision);
    /// `.gitlab-ci.yml`, `.github/workflows/*.yml|yaml`, `.circleci/config.yml`, the local actions (`action.yml`)
    /// the workflows use, Jenkinsfiles (`Jenkinsfile`, `*.Jenkinsfile`) and `jenkins/**/*.groovy` files holding a
    /// `pipeline { }` block.
    static QStringList discover(const FileSource& files);
    /// Where the gate policy lives in a repository.
    static QString policyPath() { return QStringLiteral(".gatehouse/policy.yml"); }
};

} // namespace gatehouse::pipeline
