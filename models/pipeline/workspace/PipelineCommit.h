// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BufferValidation.h"

#include "common/Result.h"
#include "git/GitTypes.h"

namespace gatehouse::pipeline {

/// What committing an edited pipeline file would do: the branch, the diff against HEAD, the gates whose state
/// changes and a conventional message to start from. Value type, computed on a worker.
struct CommitPreparation
{
    QString branch;
    git::ObjectId head; ///< the parent; the commit is refused if HEAD moved in between
    QString diff; ///< unified diff against HEAD (empty when the text equals HEAD's)
    QStringList gateChanges; ///< "production-approval: fail → pass"
    QString message; ///< `ci(pipeline): …` template with the gate changes in the body
    int errors = 0; ///< errors in the new text: committing them needs an explicit override
    QString author; ///< "Name <email>" from git config
};

/// Checks that a commit is possible (a branch checked out, no merge or rebase in progress, a writable
/// repository, an identity) and prepares it. Opens its own Repository: call it from a worker.
Result<CommitPreparation> prepareCommit(const QString& repositoryPath, const QString& relativePath,
                                        const QString& text);

/// Creates the commit on the current branch with the user's identity: HEAD's tree with `relativePath` set to
/// `text`. Fails when HEAD is no longer `expectedHead`. Does not touch the index or the work tree.
Result<git::ObjectId> commitPipeline(const QString& repositoryPath, const QString& relativePath, const QString& text,
                                     const QString& message, const git::ObjectId& expectedHead);

} // namespace gatehouse::pipeline
