// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GatePolicy.h"
#include "PipelineModel.h"

namespace gatehouse::pipeline {

/// Runs the enabled gates of `policy` over a resolved pipeline: appends `gate.<id>` diagnostics (category gate)
/// and records in each job's `gates` the gates it satisfies. Pure function of its inputs, any thread.
class PipelineGates
{
public:
    /// `files` is the rest of the repository (may be invalid): the gates that judge more than one file read it
    /// (security-scanning over the repository and all GitHub workflows, progressive-delivery over the manifests).
    static void check(PipelineModel& model, const GatePolicy& policy, QList<Diagnostic>& diagnostics,
                      const FileSource& files = {});

    /// A gate that needs knowledge built on top of this folder (delivery strategies): it registers here, so that
    /// models/pipeline never includes what depends on it. check() runs the registered gates last, in order.
    using ExternalGate = void (*)(PipelineModel& model, const GatePolicy& policy, const FileSource& files,
                                  QList<Diagnostic>& diagnostics);
    /// Registers a gate (once; registering it again does nothing). Call before validating: at program start.
    static void addExternalGate(ExternalGate gate);

    /// The security scan kinds ("sast", "dependency", "container", "secrets") a job performs, recognised by
    /// tools, templates, report types and well-known actions.
    static QStringList scanKinds(const PipelineJob& job);
    /// How a gate note that says a requirement does not apply here begins ("not applicable: no container image
    /// is built here"); such a note is information, never a failure of the gate.
    static QString notApplicablePrefix() { return QStringLiteral("not applicable: "); }
    /// Whether a diagnostic is such a note.
    static bool isNotApplicable(const Diagnostic& diagnostic);
    /// Whether a diagnostic fails its gate (the Gates tab, the scorecard): a gate problem at warning or error, or an
    /// info when the policy sets that gate to info; advice below the policy's severity and "not applicable" notes
    /// never do.
    static bool failsGate(const Diagnostic& diagnostic, const GatePolicy& policy);
    /// Shannon entropy in bits per character.
    static double entropy(const QString& text);
    /// Why a literal value looks like a secret (empty when it does not).
    static QString secretReason(const QString& name, const YamlNode& value);
};

} // namespace gatehouse::pipeline
