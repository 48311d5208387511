// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuickFix.h"

#include "YamlLines.h"

#include <QRegularExpression>

namespace gatehouse::pipeline {

using yamllines::indentOf;
using yamllines::isBlankOrComment;

namespace {

/// The lines of a job's block mapping: its key line, the end (exclusive, 1-based) and its keys' indentation.
struct JobBlock
{
    int keyLine = 0;
    int end = 0;
    int contentIndent = 0;
};

std::optional<JobBlock> jobBlock(const QStringList& lines, int keyLine)
{
    if (keyLine < 1 || keyLine > lines.size())
        return std::nullopt;
    const QString& key = lines.at(keyLine - 1);
    // `job: {script: x}` (flow style) cannot take a new block key.
    static const QRegularExpression blockKey(QStringLiteral("^\\s*[^#]+:\\s*(#.*)?$"));
    if (!blockKey.match(key).hasMatch())
        return std::nullopt;
    JobBlock block;
    block.keyLine = keyLine;
    block.end = keyLine + 1;
    block.contentIndent = -1;
    const int keyIndent = indentOf(key);
    for (int i = keyLine; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (isBlankOrComment(line))
            continue;
        const int indent = indentOf(line);
        if (indent <= keyIndent)
            break;
        if (block.contentIndent < 0)
            block.contentIndent = indent;
        block.end = i + 2;
    }
    if (block.contentIndent < 0)
        block.contentIndent = keyIndent + 2;
    return block;
}

/// 1-based line of `key:` directly in the block, or 0.
int findKey(const QStringList& lines, const JobBlock& block, QStringView key)
{
    for (int line = block.keyLine + 1; line < block.end; ++line) {
        const QString& text = lines.at(line - 1);
        if (indentOf(text) == block.contentIndent && QStringView(text).trimmed().startsWith(key)
            && QStringView(text).trimmed().mid(key.size()).startsWith(u':'))
            return line;
    }
    return 0;
}

const PipelineJob* jobFor(const Diagnostic& problem, const BufferValidation& result)
{
    const int index = jobAtLine(result.model, result.topLevelKeyLines, result.path, problem.line);
    if (index >= 0)
        return &result.model.jobs.at(index);
    // The problem sits in a template or include: find the job the message names.
    static const QRegularExpression quoted(QStringLiteral("'([^']+)'"));
    const QRegularExpressionMatch match = quoted.match(problem.message);
    if (!match.hasMatch())
        return nullptr;
    for (const PipelineJob& job : result.model.jobs) {
        if ((job.baseName == match.captured(1) || job.name == match.captured(1)) && job.file == result.path)
            return &job;
    }
    return nullptr;
}

/// Sets `key: value` in the job: replaces the line where the key is, or inserts it first in the job.
std::optional<TextEdit> setJobKey(const QStringList& lines, const PipelineJob& job, QStringView key,
                                  const QString& value)
{
    const auto block = jobBlock(lines, job.line);
    if (!block)
        return std::nullopt;
    const QString newLine = QString(block->contentIndent, u' ') + key + QStringLiteral(": ") + value;
    TextEdit edit;
    if (const int existing = findKey(lines, *block, key)) {
        // Only a one-line scalar value is replaced; a mapping value spans lines we will not guess at.
        const int next = existing < lines.size() ? existing : 0;
        if (next && next < block->end && indentOf(lines.at(next)) > block->contentIndent
            && !isBlankOrComment(lines.at(next)))
            return std::nullopt;
        edit.line = existing;
        edit.removeLines = 1;
    } else {
        edit.line = block->keyLine + 1;
    }
    edit.insertLines = {newLine};
    return edit;
}

} // namespace

std::optional<QuickFix> quickFixFor(const Diagnostic& problem, const BufferValidation& result, const QString& text)
{
    // The fixes edit YAML; a Jenkinsfile is Groovy.
    if (!problem.rule.startsWith(u"gate.") || !result.parsed || result.model.kind == PipelineKind::Jenkins)
        return std::nullopt;
    if (!problem.file.isEmpty() && problem.file != result.path)
        return std::nullopt;
    // The fixes write GitLab's and GitHub's keywords (when: manual, allow_failure, timeout-minutes).
    if (result.model.kind != PipelineKind::GitLab && result.model.kind != PipelineKind::GitHub)
        return std::nullopt;
    const QString gate = problem.rule.mid(5);
    const QStringList lines = text.split(u'\n');
    const bool github = result.model.kind == PipelineKind::GitHub;
    const QString lineText = problem.line > 0 && problem.line <= lines.size() ? lines.at(problem.line - 1) : QString();
    QuickFix fix;
    fix.gate = gate;

    if (gate == u"security-blocking") {
        // The offending `true` is right there: flip it.
        static const QRegularExpression flag(
            QStringLiteral("^(\\s*(?:-\\s+)?(?:allow_failure|continue-on-error):\\s*)(true|True|yes)(\\s*(#.*)?)$"));
        const QRegularExpressionMatch m = flag.match(lineText);
        if (m.hasMatch()) {
            fix.edit = {problem.line, 1, {m.captured(1) + QStringLiteral("false") + m.captured(3)}};
            fix.title = QObject::tr("Set %1 to false").arg(m.captured(1).trimmed().remove(u'-').trimmed());
            return fix;
        }
        const PipelineJob* job = jobFor(problem, result);
        const QString key = github ? QStringLiteral("continue-on-error") : QStringLiteral("allow_failure");
        if (!job)
            return std::nullopt;
        if (const auto edit = setJobKey(lines, *job, key, QStringLiteral("false"))) {
            fix.edit = *edit;
            fix.title = QObject::tr("Set %1: false on '%2'").arg(key, job->baseName);
            return fix;
        }
        return std::nullopt;
    }
    if (gate == u"production-approval") {
        const PipelineJob* job = jobFor(problem, result);
        // GitHub approvals live in the environment's settings; jobs with rules decide `when` per rule.
        if (github || !job || job->when == u"manual" || job->config.contains(u"rules")
            || !problem.message.contains(u"when: manual"))
            return std::nullopt;
        if (const auto edit = setJobKey(lines, *job, u"when", QStringLiteral("manual"))) {
            fix.edit = *edit;
            fix.title = QObject::tr("Make '%1' manual (when: manual)").arg(job->baseName);
            return fix;
        }
        return std::nullopt;
    }
    if (gate == u"job-timeouts") {
        const PipelineJob* job = jobFor(problem, result);
        if (!job)
            return std::nullopt;
        const QString key = github ? QStringLiteral("timeout-minutes") : QStringLiteral("timeout");
        const QString value = github ? QStringLiteral("60") : QStringLiteral("1h");
        if (const auto edit = setJobKey(lines, *job, key, value)) {
            fix.edit = *edit;
            fix.title = QObject::tr("Set %1: %2 on '%3'").arg(key, value, job->baseName);
            return fix;
        }
        return std::nullopt;
    }
    if (gate == u"restricted-permissions" && github) {
        static const QRegularExpression writeAll(QStringLiteral("^(\\s*)permissions:\\s*write-all\\s*(#.*)?$"));
        const QRegularExpressionMatch m = writeAll.match(lineText);
        if (m.hasMatch()) {
            fix.edit = {
                problem.line,
                1,
                {m.captured(1) + QStringLiteral("permissions:"), m.captured(1) + QStringLiteral("  contents: read")}};
            fix.title = QObject::tr("Restrict permissions to contents: read");
            return fix;
        }
        // No permissions anywhere: one workflow-level block covers every job.
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(u"jobs:")) {
                fix.edit = {i + 1, 0, {QStringLiteral("permissions:"), QStringLiteral("  contents: read"), QString()}};
                fix.title = QObject::tr("Add permissions: contents: read to the workflow");
                return fix;
            }
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<QuickFix> quickFixForGate(const QString& gate, const BufferValidation& result, const QString& text)
{
    for (const GateStatus& status : result.gates) {
        if (status.id != gate)
            continue;
        for (const Diagnostic& problem : status.problems) {
            if (auto fix = quickFixFor(problem, result, text))
                return fix;
        }
    }
    return std::nullopt;
}

QString applyEdit(const QString& text, const TextEdit& edit)
{
    QStringList lines = text.split(u'\n');
    const int at = qBound(0, edit.line - 1, int(lines.size()));
    for (int i = 0; i < edit.removeLines && at < lines.size(); ++i)
        lines.removeAt(at);
    for (int i = 0; i < edit.insertLines.size(); ++i)
        lines.insert(at + i, edit.insertLines.at(i));
    return lines.join(u'\n');
}

} // namespace gatehouse::pipeline
