// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellScript.h"

#include "pipeline/jenkins/JenkinsPipeline.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace gatehouse::pipeline {

namespace {

// The files' lines, read once per extraction.
class SourceLines
{
public:
    SourceLines(const PipelineModel& model, const QByteArray& mainText, const FileSource& files)
        : m_model(model)
        , m_files(files)
    {
        if (!model.files.isEmpty())
            m_lines.insert(model.files.first(), QString::fromUtf8(mainText).split(QLatin1Char('\n')));
    }

    QString path(int fileIndex) const { return m_model.files.value(fileIndex, m_model.file); }

    const QStringList& lines(const QString& path)
    {
        auto it = m_lines.find(path);
        if (it == m_lines.end()) {
            QStringList lines;
            if (m_files.read) {
                if (auto content = m_files.read(path))
                    lines = QString::fromUtf8(content.value()).split(QLatin1Char('\n'));
            }
            it = m_lines.insert(path, lines);
        }
        return it.value();
    }

private:
    const PipelineModel& m_model;
    const FileSource& m_files;
    QHash<QString, QStringList> m_lines;
};

qsizetype indentation(const QString& line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
        ++i;
    return i;
}

QString withoutCarriageReturn(QString line)
{
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

// Appends one scalar's text to the script and maps its lines to the YAML source.
using Mask = QString (*)(const QString&);

void appendScalar(ShellScript& script, const YamlNode& node, SourceLines& sources, Mask mask)
{
    const QString file = sources.path(node.file);
    const QString value = mask ? mask(node.value) : node.value;
    const int firstScriptLine = int(script.text.count(QLatin1Char('\n'))) + 1;
    script.text += value;
    if (!value.endsWith(QLatin1Char('\n')))
        script.text += QLatin1Char('\n');
    if (script.fallback.line == 0)
        script.fallback = {file, node.line, node.column};

    const QStringList& lines = sources.lines(file);
    if (node.line <= 0 || node.line > lines.size())
        return;
    // Where the text starts: on the lines after a `|`/`>` header, inside quotes, or right at the node.
    int sourceLine = node.line; // 1-based
    qsizetype column = qMax(0, node.column - 1);
    const QString first = withoutCarriageReturn(lines.at(node.line - 1));
    const QChar indicator = column < first.size() ? first.at(column) : QChar();
    bool block = false;
    QChar quote;
    qsizetype blockIndent = 0;
    if (indicator == QLatin1Char('|') || indicator == QLatin1Char('>')) {
        block = true;
        ++sourceLine;
        // The block's indentation is the first content line's; deeper lines keep their extra spaces in the text.
        for (int l = sourceLine; l <= lines.size(); ++l) {
            const QString raw = withoutCarriageReturn(lines.at(l - 1));
            if (!raw.trimmed().isEmpty()) {
                blockIndent = indentation(raw);
                break;
            }
        }
    } else if (indicator == QLatin1Char('"') || indicator == QLatin1Char('\'')) {
        quote = indicator;
        ++column;
    }

    const QStringList valueLines = value.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < valueLines.size(); ++i) {
        const QString& wanted = valueLines.at(i);
        qsizetype done = 0;
        while (done < wanted.size()) {
            if (sourceLine > lines.size())
                return;
            const QString raw = withoutCarriageReturn(lines.at(sourceLine - 1));
            const bool firstLine = !block && sourceLine == node.line;
            const qsizetype start = firstLine ? column : (block ? std::min(blockIndent, raw.size()) : indentation(raw));
            QString piece = raw.mid(start);
            if (mask)
                piece = mask(piece); // same length: columns stay right
            if (!block) {
                if (!quote.isNull() && piece.endsWith(quote))
                    piece.chop(1);
                while (piece.endsWith(QLatin1Char(' ')))
                    piece.chop(1);
            }
            if (piece.isEmpty()) {
                ++sourceLine; // a blank line inside the scalar
                continue;
            }
            const QString rest = wanted.mid(done);
            qsizetype matched = 0;
            if (rest.startsWith(piece))
                matched = piece.size();
            else if (piece.startsWith(rest))
                matched = rest.size();
            else
                return; // escapes or folding this reader cannot follow: the rest maps to the scalar's start
            script.segments.append(
                {firstScriptLine + int(i), int(done), int(matched), file, sourceLine, int(start) + 1});
            done += matched;
            if (done < wanted.size() && wanted.at(done) == QLatin1Char(' '))
                ++done; // folded lines are joined by one space
            ++sourceLine;
        }
    }
}

void flatten(const YamlNode& node, std::vector<const YamlNode*>& scalars, int depth = 0)
{
    if (depth > 50)
        return;
    if (node.isScalar() && !node.isNull())
        scalars.push_back(&node);
    else if (node.isSequence()) {
        for (const YamlNode& item : node.items)
            flatten(item, scalars, depth + 1);
    }
}

QString shellOf(const YamlNode* shell)
{
    if (!shell || !shell->isScalar())
        return {};
    return shell->value.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('/'), -1);
}

/// Why a GitLab job does not run a POSIX shell (empty when it does): a Windows runner picked by its tags, or a
/// Windows or PowerShell image (such runners use PowerShell for the script).
QString gitlabNonPosixReason(const PipelineJob& job)
{
    if (const YamlNode* tags = job.config.get(u"tags"); tags && tags->isSequence()) {
        for (const QString& tag : tags->toStringList()) {
            const QString lower = tag.toLower();
            if (lower.contains(QLatin1String("windows")) || lower.contains(QLatin1String("powershell"))
                || lower == QLatin1String("pwsh"))
                return QStringLiteral("runs on a Windows or PowerShell runner (tag '%1')").arg(tag);
        }
    }
    const YamlNode* image = job.config.get(u"image");
    const YamlNode* name = image && image->isMap() ? image->get(u"name") : image;
    const QString lower = name && name->isScalar() ? name->value.toLower() : QString();
    if (lower.startsWith(QLatin1String("mcr.microsoft.com/windows")) || lower.contains(QLatin1String("powershell"))
        || lower.contains(QLatin1String("servercore")) || lower.contains(QLatin1String("nanoserver")))
        return QStringLiteral("runs in a Windows or PowerShell image ('%1')").arg(name->value);
    return {};
}

} // namespace

ShellScript::Position ShellScript::map(int line, int column) const
{
    const Segment* best = nullptr;
    for (const Segment& segment : segments) {
        if (segment.scriptLine != line)
            continue;
        if (segment.scriptColumn <= column - 1 && (!best || segment.scriptColumn >= best->scriptColumn))
            best = &segment;
    }
    if (!best)
        return fallback;
    return {best->file, best->yamlLine, best->yamlColumn + (column - 1 - best->scriptColumn)};
}

namespace {

/// `open … close` → a same-length run of `_` with `X` at both ends.
QString maskBetween(const QString& text, QLatin1StringView open, QLatin1StringView close)
{
    QString result = text;
    qsizetype from = 0;
    while (true) {
        const qsizetype start = result.indexOf(open, from);
        if (start < 0)
            break;
        const qsizetype end = result.indexOf(close, start + open.size());
        if (end < 0)
            break;
        const qsizetype length = end + close.size() - start;
        QString placeholder(length, QLatin1Char('_'));
        placeholder[0] = QLatin1Char('X');
        placeholder[length - 1] = QLatin1Char('X');
        result.replace(start, length, placeholder);
        from = start + length;
    }
    return result;
}

/// A CircleCI job's or command's run steps (bash unless `shell:` says otherwise), `when`/`unless` steps included.
void circleciRunSteps(const YamlNode& steps, const QString& owner, const QString& ownerShell, SourceLines& sources,
                      QList<ShellScript>& scripts, QStringList& otherShells, int depth = 0)
{
    if (!steps.isSequence() || depth > 16)
        return;
    for (size_t s = 0; s < steps.items.size(); ++s) {
        const YamlNode& step = steps.items[s];
        if (!step.isMap() || step.keys.size() != 1)
            continue;
        const QString& name = step.keys[0].value;
        const YamlNode& body = step.items[0];
        if (name == QLatin1String("when") || name == QLatin1String("unless")) {
            if (const YamlNode* nested = body.get(u"steps"))
                circleciRunSteps(*nested, owner, ownerShell, sources, scripts, otherShells, depth + 1);
            continue;
        }
        if (name != QLatin1String("run"))
            continue;
        const YamlNode* command = body.isScalar() ? &body : body.get(u"command");
        if (!command || !command->isScalar() || command->value.trimmed().isEmpty())
            continue;
        QString shell = body.isMap() ? shellOf(body.get(u"shell")) : QString();
        if (shell.isEmpty())
            shell = ownerShell.isEmpty() ? QStringLiteral("bash") : ownerShell;
        if (shell != QLatin1String("bash") && shell != QLatin1String("sh")) {
            if (!otherShells.contains(shell))
                otherShells.append(shell);
            continue;
        }
        ShellScript script;
        script.job = owner;
        script.key = QStringLiteral("steps[%1].run").arg(s);
        script.shell = shell;
        appendScalar(script, *command, sources, &ShellScriptExtractor::maskCircleCIParameters);
        scripts.append(script);
    }
}

} // namespace

QString ShellScriptExtractor::maskCircleCIParameters(const QString& text)
{
    // Only parameter references: a shell's own `<<` (here-documents) and `>>` stay. `\<<` is CircleCI's escape
    // of a literal `<<`, which the shell receives without the backslash.
    if (!text.contains(QLatin1String("<<")))
        return text;
    QString unescaped = text;
    unescaped.replace(QLatin1String("\\<<"), QLatin1String(" <<"));
    static const QRegularExpression reference(
        QStringLiteral("<<\\s*[#^/]?\\s*(pipeline|parameters|matrix)\\.[A-Za-z0-9_.-]+\\s*>>"));
    QString result = unescaped;
    auto it = reference.globalMatch(unescaped);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString placeholder(m.capturedLength(), QLatin1Char('_'));
        placeholder[0] = QLatin1Char('X');
        placeholder[placeholder.size() - 1] = QLatin1Char('X');
        result.replace(m.capturedStart(), m.capturedLength(), placeholder);
    }
    return result;
}

QString ShellScriptExtractor::maskGitHubExpressions(const QString& text)
{
    return maskBetween(text, QLatin1StringView("${{"), QLatin1StringView("}}"));
}

QList<ShellScript> ShellScriptExtractor::extract(const PipelineModel& model, const QByteArray& mainText,
                                                 const FileSource& files, QList<SkippedShell>* skipped)
{
    QList<ShellScript> scripts;
    if (model.kind == PipelineKind::Jenkins)
        return JenkinsPipeline::shellScripts(mainText, model.file);
    SourceLines sources(model, mainText, files);
    if (model.kind == PipelineKind::GitLab) {
        QSet<QString> skippedJobs; // parallel instances share their base job's runner
        for (const PipelineJob& job : model.jobs) {
            if (!job.config.isMap())
                continue;
            if (const QString reason = gitlabNonPosixReason(job); !reason.isEmpty()) {
                if (skipped && !skippedJobs.contains(job.baseName)) {
                    skippedJobs.insert(job.baseName);
                    skipped->append({job.baseName, reason, {job.file, job.line, job.column}});
                }
                continue;
            }
            auto build = [&](const QString& key, std::initializer_list<const char16_t*> names) {
                ShellScript script;
                script.job = job.name;
                script.key = key;
                script.shell = QStringLiteral("bash");
                for (const char16_t* name : names) {
                    std::vector<const YamlNode*> scalars;
                    if (const YamlNode* node = job.config.get(QStringView(name)))
                        flatten(*node, scalars);
                    for (const YamlNode* scalar : scalars)
                        appendScalar(script, *scalar, sources, nullptr);
                }
                if (!script.text.trimmed().isEmpty())
                    scripts.append(script);
            };
            build(QStringLiteral("script"), {u"before_script", u"script"});
            build(QStringLiteral("after_script"), {u"after_script"});
        }
    } else if (model.kind == PipelineKind::GitHub) {
        const YamlNode* jobs = model.merged.get(u"jobs");
        if (!jobs || !jobs->isMap())
            return scripts;
        const YamlNode* workflowDefaults = model.merged.get(u"defaults");
        const QString workflowShell = shellOf(
            workflowDefaults && workflowDefaults->get(u"run") ? workflowDefaults->get(u"run")->get(u"shell") : nullptr);
        for (size_t j = 0; j < jobs->keys.size(); ++j) {
            const YamlNode& job = jobs->items[j];
            if (!job.isMap())
                continue;
            const YamlNode* defaults = job.get(u"defaults");
            QString jobShell
                = shellOf(defaults && defaults->get(u"run") ? defaults->get(u"run")->get(u"shell") : nullptr);
            if (jobShell.isEmpty())
                jobShell = workflowShell;
            const YamlNode* runsOn = job.get(u"runs-on");
            const bool windows = runsOn
                && runsOn->toStringList()
                       .join(QLatin1Char(' '))
                       .contains(QLatin1String("windows"), Qt::CaseInsensitive);
            const YamlNode* steps = job.get(u"steps");
            if (!steps || !steps->isSequence())
                continue;
            QStringList otherShells; // the non-POSIX shells of this job's skipped run steps
            int skippedSteps = 0;
            bool runnerDefault = false; // a step skipped only because a Windows runner's default shell is pwsh
            for (size_t s = 0; s < steps->items.size(); ++s) {
                const YamlNode& step = steps->items[s];
                const YamlNode* run = step.get(u"run");
                if (!run || !run->isScalar())
                    continue;
                QString shell = shellOf(step.get(u"shell"));
                if (shell.isEmpty())
                    shell = jobShell;
                if (shell.isEmpty()) {
                    shell = windows ? QStringLiteral("pwsh") : QStringLiteral("bash");
                    runnerDefault = runnerDefault || windows;
                }
                if (shell != QLatin1String("bash") && shell != QLatin1String("sh")) {
                    ++skippedSteps;
                    const QString label = shell.startsWith(QLatin1String("${{"))
                        ? QStringLiteral("${{ … }} (chosen when the workflow runs)")
                        : shell;
                    if (!otherShells.contains(label))
                        otherShells.append(label);
                    continue;
                }
                ShellScript script;
                script.job = jobs->keys[j].value;
                script.key = QStringLiteral("steps[%1].run").arg(s);
                script.shell = shell;
                appendScalar(script, *run, sources, &ShellScriptExtractor::maskGitHubExpressions);
                scripts.append(script);
            }
            if (skipped && skippedSteps > 0) {
                const YamlNode& key = jobs->keys[j];
                const QString count = QStringLiteral("%1 run step%2")
                                          .arg(skippedSteps)
                                          .arg(skippedSteps > 1 ? QStringLiteral("s") : QString());
                const QString reason = runnerDefault && otherShells == QStringList{QStringLiteral("pwsh")}
                    ? QStringLiteral("runs on a Windows runner, whose default shell is PowerShell (%1)").arg(count)
                    : QStringLiteral("runs %1 with shell: %2").arg(count, otherShells.join(QStringLiteral(", ")));
                skipped->append({key.value, reason, {sources.path(key.file), key.line, key.column}});
            }
        }
    }
    if (model.kind == PipelineKind::CircleCI) {
        // The definitions as written (not the resolved jobs): one script per run step where it is written, with
        // `<< parameters.x >>` masked, so each problem is reported once, at its line.
        for (const char16_t* section : {u"commands", u"jobs"}) {
            const YamlNode* definitions = model.merged.get(QStringView(section));
            if (!definitions || !definitions->isMap())
                continue;
            for (size_t d = 0; d < definitions->keys.size(); ++d) {
                const YamlNode& definition = definitions->items[d];
                const YamlNode* steps = definition.get(u"steps");
                if (!steps)
                    continue;
                QString shell = shellOf(definition.get(u"shell"));
                const YamlNode* executor = definition.get(u"executor");
                const QString executorName = executor
                    ? (executor->isMap() && executor->get(u"name") ? executor->get(u"name")->value : executor->value)
                    : QString();
                if (shell.isEmpty() && executorName.contains(QLatin1String("win"), Qt::CaseInsensitive))
                    shell = QStringLiteral("powershell");
                QStringList otherShells;
                circleciRunSteps(*steps, definitions->keys[d].value, shell, sources, scripts, otherShells);
                if (skipped && !otherShells.isEmpty()) {
                    const YamlNode& key = definitions->keys[d];
                    skipped->append(
                        {key.value,
                         QStringLiteral("runs steps with shell: %1").arg(otherShells.join(QStringLiteral(", "))),
                         {sources.path(key.file), key.line, key.column}});
                }
            }
        }
    }
    return scripts;
}

} // namespace gatehouse::pipeline
