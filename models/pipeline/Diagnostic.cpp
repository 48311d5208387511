// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Diagnostic.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace gatehouse::pipeline {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString categoryName(Category category)
{
    switch (category) {
    case Category::Syntax:
        return QStringLiteral("syntax");
    case Category::Schema:
        return QStringLiteral("schema");
    case Category::Semantic:
        return QStringLiteral("semantic");
    case Category::Gate:
        return QStringLiteral("gate");
    case Category::Script:
        return QStringLiteral("script");
    }
    return {};
}

bool parseCategory(const QString& name, Category* category)
{
    for (Category c : {Category::Syntax, Category::Schema, Category::Semantic, Category::Gate, Category::Script}) {
        if (categoryName(c) == name.trimmed().toLower()) {
            *category = c;
            return true;
        }
    }
    return false;
}

void normalizeDiagnostics(QList<Diagnostic>& diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file)
            return a.file < b.file;
        if (a.line != b.line)
            return a.line < b.line;
        if (a.column != b.column)
            return a.column < b.column;
        return a.rule < b.rule;
    });
    QList<Diagnostic> unique;
    unique.reserve(diagnostics.size());
    for (const Diagnostic& d : std::as_const(diagnostics)) {
        if (!unique.isEmpty()) {
            const Diagnostic& last = unique.constLast();
            // Same place and rule: a template's schema problem inherited by several jobs is one problem.
            if (last.file == d.file && last.line == d.line && last.column == d.column && last.rule == d.rule
                && (last.message == d.message || (d.category == Category::Schema && d.line > 0)))
                continue;
        }
        unique.append(d);
    }
    diagnostics = std::move(unique);
}

namespace {

/// Optimal string alignment distance of two already lower-cased strings.
int osaDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<int> d((n + 1) * (m + 1));
    auto at = [m, &d](qsizetype i, qsizetype j) -> int& { return d[i * (m + 1) + j]; };
    for (qsizetype i = 0; i <= n; ++i)
        at(i, 0) = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        at(0, j) = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(n, m);
}

} // namespace

int editDistance(QStringView a, QStringView b)
{
    // Optimal string alignment: Levenshtein plus adjacent transpositions ("scirpt" is one edit from "script").
    return osaDistance(a.toString().toLower(), b.toString().toLower());
}

QString closestMatch(const QString& word, const QStringList& candidates)
{
    // Plausible typo: at most a third of the word wrong (and at least one edit allowed).
    const int allowed = std::max<int>(1, int(word.size()) / 3);
    const QString lower = word.toLower();
    QString best;
    int bestDistance = 1 << 20;
    for (const QString& candidate : candidates) {
        // The distance is at least the difference in length: most candidates need no table (this runs for every
        // unresolved name of a large pipeline).
        if (std::abs(candidate.size() - word.size()) > std::min(allowed, bestDistance - 1))
            continue;
        const int distance = osaDistance(lower, candidate.toLower());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= allowed && bestDistance > 0 ? best : QString();
}

QString didYouMean(const QString& word, const QStringList& candidates)
{
    const QString match = closestMatch(word, candidates);
    return match.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(match);
}

} // namespace gatehouse::pipeline
