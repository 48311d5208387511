// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MergedConfiguration.h"
#include "PipelineGraphLayout.h"

#include "pipeline/PipelineModel.h"

#include <QHash>

#include <functional>

namespace gatehouse::pipeline {

class IncrementalYamlReader;

enum class GateState
{
    Pass,
    Fail,
    NotApplicable,
    Disabled
};

/// One gate of the policy as judged on this buffer, with the evidence to show and jump to.
struct GateStatus
{
    QString id;
    QString title;
    QString rationale;
    GateState state = GateState::NotApplicable;
    QString evidence; ///< the job that satisfies it, or the first problem that breaks it
    QString file;
    int line = 0; ///< where the evidence is (1-based), 0 = nowhere in particular
    QList<Diagnostic> problems; ///< every diagnostic of this gate
};

/// Everything the workspace shows about one state of an editor buffer, computed off the GUI thread so that
/// applying it only swaps values and paints. Value type.
struct BufferValidation
{
    quint64 generation = 0;
    QString path; ///< repository-relative path of the buffer
    bool parsed = false; ///< the YAML could be read, so `model` and `layout` describe the text
    QString failureReason; ///< when !parsed: the first syntax error, "line N: message"
    PipelineModel model;
    GraphLayout layout;
    QList<Diagnostic> diagnostics; ///< all diagnostics, sorted (other files' too: an include can be at fault)
    QList<int> topLevelKeyLines; ///< for mapping the cursor to a job
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    int gatesApplicable = 0; ///< enabled gates that apply to this kind of pipeline
    int gatesFailing = 0; ///< of those, gates with at least one error or warning
    QStringList failingGates;
    QList<GateStatus> gates; ///< every gate of the catalog, in catalog order
    QStringList fixableGates; ///< failing gates with a mechanical quick fix on this text
    MergedConfiguration merged; ///< the full configuration, rendered (empty when !parsed)
    qint64 elapsedMs = 0; ///< worker time

    int gatesPassing() const { return gatesApplicable - gatesFailing; }
};

/// Builds the FileSource a validation uses for the buffer's neighbours (includes, local actions, the policy).
/// Called on the worker thread, so it must capture only values.
using FileSourceFactory = std::function<FileSource()>;

/// Files of a work tree on disk (no git needed); `overlay` (e.g. other unsaved buffers) wins over the disk.
FileSourceFactory workTreeSource(const QString& root, const QHash<QString, QByteArray>& overlay = {});
/// Files of a commit, read with a Repository the worker opens itself.
FileSourceFactory revisionSource(const QString& repositoryPath, const QString& revision);

/// Parse, resolve, validate, check gates (with `.gatehouse/policy.yml` when `files` has one) and lay out the
/// graph. Pure function of its inputs, any thread, never throws. With `reuse` (the editor's reader of this buffer),
/// only the YAML entries an edit touched since its last text are read again; the result is the same.
BufferValidation validateBuffer(const QByteArray& text, const QString& path, const FileSource& files,
                                IncrementalYamlReader* reuse = nullptr);

/// Gates that only make sense for one CI system (GitHub token permissions, action pinning, ...).
bool gateAppliesTo(const QString& gate, PipelineKind kind);

} // namespace gatehouse::pipeline
