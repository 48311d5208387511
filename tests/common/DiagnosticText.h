// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"
#include "pipeline/GitHubWorkflow.h"
#include "pipeline/PipelineModel.h"

#include <QStringList>

#include <initializer_list>

namespace gatehouse::test {

/// Every error and warning as "line:column:severity:rule" ("line:column:rule" without the severity), infos left
/// out: the rows rule tests compare with their expectations.
inline QStringList describeProblems(const QList<pipeline::Diagnostic>& diagnostics, bool withSeverity = true)
{
    QStringList out;
    for (const pipeline::Diagnostic& d : diagnostics) {
        if (d.severity == pipeline::Severity::Info)
            continue;
        out << (withSeverity
                    ? QStringLiteral("%1:%2:%3:%4").arg(d.line).arg(d.column).arg(severityName(d.severity), d.rule)
                    : QStringLiteral("%1:%2:%3").arg(d.line).arg(d.column).arg(d.rule));
    }
    return out;
}

/// Expected rows written as C strings ("6:9:error:circleci.unknown-step"), as a QStringList.
inline QStringList rows(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* item : list)
        out << QString::fromLatin1(item);
    return out;
}

/// Every message, one a line, to check that a message names what it should.
inline QString messagesOf(const QList<pipeline::Diagnostic>& diagnostics)
{
    QStringList out;
    for (const pipeline::Diagnostic& d : diagnostics)
        out << d.message;
    return out.join(u'\n');
}

/// The diagnostics of `text` as the workflow .github/workflows/ci.yml of a repository holding `files`, in the
/// validator's order: what the GitHub rule tests compare.
inline QList<pipeline::Diagnostic> githubDiagnostics(const QByteArray& text, const QHash<QString, QByteArray>& files)
{
    QList<pipeline::Diagnostic> diagnostics;
    pipeline::GitHubWorkflow::analyze(text, QStringLiteral(".github/workflows/ci.yml"),
                                      pipeline::FileSource::fromMap(files, true), diagnostics);
    pipeline::normalizeDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace gatehouse::test
