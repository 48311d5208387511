// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineGraphLayout.h"

#include "pipeline/PipelineGates.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace gatehouse::pipeline {

JobRole classifyJob(const PipelineJob& job)
{
    // A job that deploys to an environment is a deploy job, whatever it mentions (its needs name the scanners).
    if (!job.environment.isEmpty())
        return JobRole::Deploy;
    // The engine recognises scanners by tool, template and report type; names are the fallback.
    if (!PipelineGates::scanKinds(job).isEmpty())
        return JobRole::Security;
    // The job's own name says more than its stage ("build-image" in stage "test" builds).
    for (const QString& source : {job.name.toLower(), job.stage.toLower()}) {
        auto has = [&source](std::initializer_list<QStringView> words) {
            return std::any_of(words.begin(), words.end(), [&source](QStringView w) { return source.contains(w); });
        };
        if (has({u"sast", u"secret", u"security", u"scan", u"trivy", u"codeql", u"audit", u"dependency", u"vuln",
                 u"gitleaks", u"semgrep", u"coverity", u"fuzz"}))
            return JobRole::Security;
        if (has({u"deploy", u"release", u"publish", u"pages", u"upload", u"rollout"}))
            return JobRole::Deploy;
        if (has({u"build", u"compile", u"package", u"image", u"container", u"docker"}))
            return JobRole::Build;
        if (has({u"test", u"check", u"lint", u"verify", u"coverage", u"style", u"analysis", u"valgrind", u"asan"}))
            return JobRole::Test;
    }
    return JobRole::Other;
}

QList<int> GraphLayout::needsChain(int card) const
{
    QList<int> result;
    if (card < 0 || card >= cards.size())
        return result;
    QSet<int> seen{card};
    result.append(card);
    // Upstream and downstream separately: a sibling that shares a dependency is not on the chain.
    for (const bool up : {true, false}) {
        QList<int> stack{card};
        while (!stack.isEmpty()) {
            const int current = stack.takeLast();
            for (int next : up ? cards.at(current).needs : cards.at(current).neededBy) {
                if (!seen.contains(next)) {
                    seen.insert(next);
                    result.append(next);
                    stack.append(next);
                }
            }
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

int GraphLayout::cardForJob(const QString& name) const
{
    for (int i = 0; i < cards.size(); ++i) {
        if (cards.at(i).name == name)
            return i;
    }
    return -1;
}

namespace {

// Resolves each job's needs to card indices (exact names first, then a parallel job's base name).
void linkNeeds(const PipelineModel& model, GraphLayout& layout)
{
    QHash<QString, int> byName;
    QHash<QString, QList<int>> byBase;
    for (int i = 0; i < layout.cards.size(); ++i) {
        const PipelineJob& job = model.jobs.at(layout.cards.at(i).job);
        byName.insert(job.name, i);
        byBase[job.baseName].append(i);
    }
    for (int i = 0; i < layout.cards.size(); ++i) {
        const PipelineJob& job = model.jobs.at(layout.cards.at(i).job);
        for (const QString& need : job.needs) {
            QList<int> targets;
            if (const auto it = byName.constFind(need); it != byName.constEnd())
                targets.append(*it);
            else
                targets = byBase.value(need);
            for (int target : std::as_const(targets)) {
                if (target == i || layout.cards[i].needs.contains(target))
                    continue;
                layout.cards[i].needs.append(target);
                layout.cards[target].neededBy.append(i);
                layout.edges.append({target, i});
            }
        }
    }
}

/// CircleCI workflows run side by side: each gets its own run of columns (its levels by needs, which never cross
/// workflows), each column titled by its workflow (the view adds the count of cards).
void groupByWorkflow(const GraphLayout& layout, QList<int>& columnOf, QStringList& titles)
{
    QStringList workflows;
    QHash<QString, int> levels;
    for (int i = 0; i < layout.cards.size(); ++i) {
        const QString& workflow = layout.cards.at(i).workflow;
        if (!workflows.contains(workflow))
            workflows.append(workflow);
        levels[workflow] = qMax(levels.value(workflow), columnOf.at(i) + 1);
    }
    QHash<QString, int> first;
    for (const QString& workflow : std::as_const(workflows)) {
        first.insert(workflow, int(titles.size()));
        const int count = levels.value(workflow);
        for (int l = 0; l < count; ++l)
            titles.append(workflow.isEmpty() ? QStringLiteral("Level %1").arg(l + 1) : workflow);
    }
    for (int i = 0; i < layout.cards.size(); ++i)
        columnOf[i] += first.value(layout.cards.at(i).workflow);
}

} // namespace

GraphLayout layoutPipeline(const PipelineModel& model, const GraphMetrics& metrics)
{
    GraphLayout layout;
    layout.kind = model.kind;
    for (int i = 0; i < model.jobs.size(); ++i) {
        const PipelineJob& job = model.jobs.at(i);
        if (job.hidden)
            continue;
        GraphCard card;
        card.job = i;
        card.name = job.name;
        card.stage = job.stage;
        card.workflow = job.workflow;
        card.label = !job.workflow.isEmpty() && job.name.startsWith(job.workflow + u'/')
            ? job.name.mid(job.workflow.size() + 1)
            : job.name;
        card.environment = job.environment;
        card.when = job.when == u"on_success" ? QString() : job.when;
        card.allowFailure = job.allowFailure;
        card.role = classifyJob(job);
        card.line = job.line;
        card.file = job.file;
        layout.cards.append(card);
    }
    linkNeeds(model, layout);

    // Column of each card.
    QList<int> columnOf(layout.cards.size(), 0);
    QStringList titles;
    // Jenkins stages nest (sequential stages inside a parallel branch): their order is their needs, as on GitHub.
    if (model.kind != PipelineKind::GitLab) {
        // Level = longest chain of needs below the job; iterating to a fixed point copes with any order, and the
        // bound stops a needs cycle (reported by the validator) from looping.
        bool changed = true;
        for (int round = 0; changed && round <= layout.cards.size(); ++round) {
            changed = false;
            for (int i = 0; i < layout.cards.size(); ++i) {
                int level = 0;
                for (int need : std::as_const(layout.cards.at(i).needs))
                    level = qMax(level, columnOf.at(need) + 1);
                level = qMin(level, int(layout.cards.size()));
                if (level != columnOf.at(i)) {
                    columnOf[i] = level;
                    changed = true;
                }
            }
        }
        int levels = 0;
        for (int c : std::as_const(columnOf))
            levels = qMax(levels, c + 1);
        if (model.kind == PipelineKind::CircleCI)
            groupByWorkflow(layout, columnOf, titles);
        else {
            for (int l = 0; l < levels; ++l)
                titles.append(QStringLiteral("Level %1").arg(l + 1));
        }
        // A Jenkins level that belongs to one top-level stage is titled by it.
        for (int l = 0; l < levels && model.kind == PipelineKind::Jenkins; ++l) {
            QSet<QString> stages;
            for (int i = 0; i < layout.cards.size(); ++i) {
                if (columnOf.at(i) == l)
                    stages.insert(layout.cards.at(i).stage);
            }
            if (stages.size() == 1)
                titles[l] = *stages.cbegin();
        }
    } else {
        QStringList order = model.stages;
        for (const GraphCard& card : std::as_const(layout.cards)) {
            if (!order.contains(card.stage))
                order.append(card.stage); // an undefined stage still shows, after the real ones
        }
        QList<bool> used(order.size(), false);
        for (int i = 0; i < layout.cards.size(); ++i)
            used[order.indexOf(layout.cards.at(i).stage)] = true;
        QHash<QString, int> index;
        for (int s = 0; s < order.size(); ++s) {
            if (used.at(s)) {
                index.insert(order.at(s), int(titles.size()));
                titles.append(order.at(s));
            }
        }
        for (int i = 0; i < layout.cards.size(); ++i)
            columnOf[i] = index.value(layout.cards.at(i).stage);
    }
    // Drop levels nobody sits in (possible after a cycle is cut).
    for (const QString& title : std::as_const(titles)) {
        GraphColumn column;
        column.title = title;
        layout.columns.append(column);
    }
    for (int i = 0; i < layout.cards.size(); ++i)
        layout.columns[columnOf.at(i)].cards.append(i);
    layout.columns.removeIf([](const GraphColumn& c) { return c.cards.isEmpty(); });

    qreal x = metrics.margin;
    qreal height = 0;
    for (int c = 0; c < layout.columns.size(); ++c) {
        GraphColumn& column = layout.columns[c];
        const int count = int(column.cards.size());
        const int rows = qMax(1, qMin(count, metrics.maxRowsPerColumn));
        const int subColumns = (count + rows - 1) / rows;
        const qreal width = subColumns * metrics.cardWidth + (subColumns - 1) * metrics.subColumnGap;
        for (int k = 0; k < count; ++k) {
            GraphCard& card = layout.cards[column.cards.at(k)];
            card.column = c;
            card.row = k;
            const int sub = k / rows;
            const int row = k % rows;
            card.rect = QRectF(x + sub * (metrics.cardWidth + metrics.subColumnGap),
                               metrics.margin + metrics.headerHeight + row * (metrics.cardHeight + metrics.rowGap),
                               metrics.cardWidth, metrics.cardHeight);
        }
        const qreal columnHeight = metrics.headerHeight + rows * (metrics.cardHeight + metrics.rowGap);
        column.rect = QRectF(x, metrics.margin, width, columnHeight);
        height = qMax(height, columnHeight);
        x += width + metrics.columnGap;
    }
    for (GraphColumn& column : layout.columns)
        column.rect.setHeight(height);
    layout.size = QSizeF(layout.columns.isEmpty() ? 2 * metrics.margin : x - metrics.columnGap + metrics.margin,
                         height + 2 * metrics.margin);
    return layout;
}

QList<int> topLevelKeyLines(const QByteArray& text)
{
    QList<int> lines;
    int line = 1;
    bool atStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (atStart && c != ' ' && c != '\t' && c != '#' && c != '\n' && c != '\r' && c != '-' && c != '.')
            lines.append(line);
        else if (atStart && c == '.' && i + 1 < text.size() && text.at(i + 1) != '.')
            lines.append(line); // hidden templates (".base:") end the job before them
        else if (atStart && c == '-' && !(i + 2 < text.size() && text.at(i + 1) == '-' && text.at(i + 2) == '-'))
            lines.append(line);
        atStart = c == '\n';
        if (c == '\n')
            ++line;
    }
    return lines;
}

int jobAtLine(const PipelineModel& model, const QList<int>& topLevelKeyLines, const QString& file, int line)
{
    const bool github = model.kind == PipelineKind::GitHub;
    if (model.kind == PipelineKind::GitLab) {
        // GitLab jobs are top-level keys: the job is the one whose key starts the enclosing top-level block.
        const auto it = std::upper_bound(topLevelKeyLines.cbegin(), topLevelKeyLines.cend(), line);
        if (it == topLevelKeyLines.cbegin())
            return -1;
        const int start = *(it - 1);
        for (int i = 0; i < model.jobs.size(); ++i) {
            if (model.jobs.at(i).line == start && (model.jobs.at(i).file == file || model.jobs.at(i).file.isEmpty()))
                return i;
        }
        return -1;
    }
    // GitHub jobs are keys under `jobs:`, CircleCI's entries of a workflow's jobs: the last job starting at or before
    // the line, within the `jobs:` block.
    int best = -1;
    for (int i = 0; i < model.jobs.size(); ++i) {
        const PipelineJob& job = model.jobs.at(i);
        if (job.line <= line && (job.file == file || job.file.isEmpty())
            && (best < 0 || job.line > model.jobs.at(best).line))
            best = i;
    }
    if (best >= 0 && github) {
        // A top-level key after the job ends the jobs block.
        const auto it = std::upper_bound(topLevelKeyLines.cbegin(), topLevelKeyLines.cend(), model.jobs.at(best).line);
        if (it != topLevelKeyLines.cend() && *it <= line)
            return -1;
    }
    return best;
}

} // namespace gatehouse::pipeline
