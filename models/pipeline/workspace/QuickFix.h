// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BufferValidation.h"

#include <optional>

namespace gatehouse::pipeline {

/// A line-based edit: remove `removeLines` lines starting at 1-based `line`, then insert `insertLines` there.
struct TextEdit
{
    int line = 1;
    int removeLines = 0;
    QStringList insertLines;
};

/// A mechanical fix for a gate problem, applied by the editor as one undoable edit.
struct QuickFix
{
    QString gate;
    QString title; ///< what the fix does, e.g. "Set allow_failure: false on 'sast'"
    TextEdit edit;
};

/// The fix for `problem` (a `gate.*` diagnostic of the buffer `text` whose validation is `result`), when the fix
/// is mechanical: `allow_failure: false` / `continue-on-error: false` on a security job, `when: manual` on a
/// production deploy, a timeout on a job, `permissions: contents: read` on a workflow. Pure function.
std::optional<QuickFix> quickFixFor(const Diagnostic& problem, const BufferValidation& result, const QString& text);

/// The first available fix of a gate (for the Gates panel's button).
std::optional<QuickFix> quickFixForGate(const QString& gate, const BufferValidation& result, const QString& text);

/// Applies an edit to text (used by tests and by callers without an editor).
QString applyEdit(const QString& text, const TextEdit& edit);

} // namespace gatehouse::pipeline
