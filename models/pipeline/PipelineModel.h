// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"
#include "YamlNode.h"

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>

namespace gatehouse::pipeline {

enum class PipelineKind
{
    Unknown,
    GitLab,
    CircleCI,
    Jenkins,
    GitHub
};
QString pipelineKindName(PipelineKind kind); ///< "gitlab" / "github" / "unknown"

/// Reads the other files of the same repository state (GitLab `include: local`, local actions, called workflows):
/// the work tree, a git revision or, in tests, a map. Must be callable from the validating thread.
struct FileSource
{
    /// Repository-relative path (no leading '/') → content; an Error when absent or unreadable.
    std::function<Result<QByteArray>(const QString& path)> read;
    /// Every file path (for wildcard includes); may be empty.
    std::function<QStringList()> list;
    /// True when `read` sees the whole repository, so a missing file is a real error (false: it may just not be
    /// available here, e.g. a single file given without its repository).
    bool complete = false;

    bool isValid() const { return bool(read); }
    /// A source over an in-memory map (tests, the editor's unsaved buffers).
    static FileSource fromMap(const QHash<QString, QByteArray>& files, bool complete = true);
};

/// A job as the CI system will create it (after include, extends, default, !reference and parallel expansion).
struct PipelineJob
{
    QString name; ///< instance name as the CI shows it ("test 1/3", "deploy: [aws, eu]")
    QString baseName; ///< the key in the file ("test", "deploy")
    QString file;
    int line = 0;
    int column = 0;
    bool hidden = false;
    QString stage; ///< GitLab stage, Jenkins top-level stage; GitHub and CircleCI: empty
    /// The CircleCI workflow that runs the job (for grouping on screen); empty for the other systems. Kept apart
    /// from `stage`, which the gates read as what the job does: a workflow named "build-and-deploy" does not make
    /// each of its jobs a deploy job.
    QString workflow;
    QStringList needs; ///< job names (GitLab: instance or base names as written; GitHub: job ids)
    QString when; ///< on_success, manual, delayed, always, never, on_failure (GitLab); GitHub: empty
    bool allowFailure = false;
    QString environment;
    QString environmentAction;
    QString environmentTier;
    QString image;
    int timeoutMinutes = 0; ///< 0 = not set
    QStringList gates; ///< ids of the gates this job satisfies (filled by the gate checks)
    YamlNode config; ///< the resolved configuration of the job
};

/// The resolved pipeline. Value snapshot.
struct PipelineModel
{
    PipelineKind kind = PipelineKind::Unknown;
    QString file; ///< the file validated
    QStringList files; ///< file table: index → path (YamlNode::file); [0] = `file`
    QStringList stages; ///< GitLab stages in order (with .pre/.post); GitHub: empty
    QList<PipelineJob> jobs; ///< visible jobs in file order (GitLab: expanded instances)
    YamlNode merged; ///< the fully expanded configuration (GitLab "full configuration"; GitHub: the document)
    QStringList unresolvedIncludes; ///< GitLab includes not followed, as "template:Jobs/SAST.gitlab-ci.yml"

    const PipelineJob* job(const QString& name) const;
};

} // namespace gatehouse::pipeline
