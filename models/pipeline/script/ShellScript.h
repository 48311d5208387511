// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"

#include <QList>
#include <QString>

namespace gatehouse::pipeline {

/// One shell script of a pipeline, as the runner will execute it, and where each piece of its text was written in
/// the YAML. Value type, any thread.
struct ShellScript
{
    /// A run of script text that comes from one YAML line. Lines and columns 1-based; scriptColumn 0-based.
    struct Segment
    {
        int scriptLine = 0; ///< 1-based line in `text`
        int scriptColumn = 0; ///< 0-based start in that line
        int length = 0;
        QString file;
        int yamlLine = 0;
        int yamlColumn = 0;
    };
    struct Position
    {
        QString file;
        int line = 0;
        int column = 0;
    };

    QString job; ///< GitLab job name / GitHub job id
    QString key; ///< "script" (before_script + script), "after_script", or "steps[N].run"
    QString shell; ///< "bash" or "sh"
    QString text; ///< what the shell checker sees (GitHub `${{ }}` replaced by same-length placeholders)
    QList<Segment> segments;
    Position fallback; ///< where the script starts, for text no segment covers

    /// The YAML position of a 1-based script line and column.
    Position map(int line, int column) const;
};

/// A job whose scripts are not run by a POSIX shell (a Windows or PowerShell runner, `shell: pwsh`…), so the shell
/// checker skips them.
struct SkippedShell
{
    QString job;
    QString reason; ///< e.g. "runs on a Windows runner (tags: windows)"
    ShellScript::Position at; ///< the job's key
};

/// Extracts the shell scripts of a resolved pipeline: GitLab `before_script` + `script` (one shell session) and
/// `after_script` of every visible job, after `!reference`, anchors, `extends` and `default:`; GitHub `run:` steps
/// whose shell is bash or sh (the default on non-Windows runners; `shell: pwsh`/`python`/`cmd` and Windows runners
/// without an explicit shell are skipped); CircleCI `run` steps of jobs and commands (bash unless `shell:` names
/// another); GitLab jobs of Windows or PowerShell runners (by `tags` or `image`) are
/// skipped whole.
///
/// Positions: each YAML scalar is found in its file's text and matched line by line, so plain and quoted scalars,
/// `|` and `>` block scalars (also with chomping/indentation indicators) and multi-line folded plain scalars map back
/// exactly; text that cannot be matched (escape sequences in double quotes) maps to the scalar's start.
/// Pure function of its inputs, any thread.
class ShellScriptExtractor
{
public:
    /// `mainText` is the text of `model.file`; other files of `model.files` are read through `files`.
    /// `skipped` (optional) receives the jobs left out because their shell is not POSIX, once per job.
    static QList<ShellScript> extract(const PipelineModel& model, const QByteArray& mainText, const FileSource& files,
                                      QList<SkippedShell>* skipped = nullptr);

    /// `${{ … }}` → a same-length run of `_` with `X` at both ends, so columns stay right and the shell checker
    /// sees a plain word.
    static QString maskGitHubExpressions(const QString& text);
    /// `<< parameters.x >>`, `<< pipeline.… >>` and `<< matrix.x >>` → a same-length placeholder, likewise.
    static QString maskCircleCIParameters(const QString& text);
};

} // namespace gatehouse::pipeline
