// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GitTypes.h"
#include "common/ProgressSink.h"
#include "common/Result.h"

#include <QHash>
#include <QList>

#include <vector>

namespace gatehouse::git {

class Repository;

/// The shape of a history in memory: every commit reachable from some tips, with its parents, committer time and
/// generation number (1 + the largest of its parents'). Built by one walk that reads no message or signature; every
/// later question ("what does A add over B", "is A in B") is answered without touching the object database.
///
/// Reachability answers are exact: commits are visited by decreasing generation, so a commit's "hidden" mark is
/// final before it is reported (no clock-skew heuristics as in a date-ordered walk). A commit whose parent lies
/// outside the graph (a shallow clone's boundary) simply has fewer parents. Plain value; build it on a worker.
class CommitGraph
{
public:
    /// Walks from `tips` (null ids and ids that are not commits are skipped) once.
    static Result<CommitGraph> build(const Repository& repository, const QList<ObjectId>& tips,
                                     ProgressSink* sink = nullptr);

    /// Records a commit another walk already read (so that a walk over the same history, e.g. the incident
    /// scanner's, fills the graph too). Call markWalked() with that walk's start once it went through.
    void add(const ObjectId& id, const QList<ObjectId>& parents, qint64 commitTime);
    /// Every commit reachable from `tip` has been add()ed: extend() will not walk that history again.
    void markWalked(const ObjectId& tip);
    /// Adds what is reachable from `tips` and not known yet, in one walk that hides the histories already walked.
    Status extend(const Repository& repository, const QList<ObjectId>& tips, ProgressSink* sink = nullptr);

    int size() const { return int(m_ids.size()); }
    bool contains(const ObjectId& id) const { return m_index.contains(id); }
    /// -1 when the commit is not in the graph.
    int indexOf(const ObjectId& id) const { return m_index.value(id, -1); }
    const ObjectId& id(int commit) const { return m_ids.at(commit); }
    qint64 commitTime(int commit) const { return m_times.at(commit); } ///< seconds since the epoch

    /// Whether `ancestor` is reachable from `descendant` (a commit is not its own ancestor, as in
    /// Repository::isAncestor).
    bool isAncestor(int ancestor, int descendant) const;
    /// The commits reachable from `from` and not from `hidden` (-1: nothing hidden), like `git log from ^hidden`,
    /// newest generation first.
    QList<int> only(int from, int hidden = -1) const;

private:
    void finish(); ///< resolves the parents added since the last call and computes the generations

    QList<ObjectId> m_walked; ///< starts of complete walks: their histories are in the graph
    QList<std::pair<qsizetype, qsizetype>> m_pending; ///< per commit added since finish(): its parent ids' range
    QList<ObjectId> m_pendingParents;
    QList<ObjectId> m_ids;
    QList<qint64> m_times;
    std::vector<quint32> m_generation;
    std::vector<int> m_parentStart; ///< parents of commit n: m_parents[m_parentStart[n] .. m_parentStart[n + 1])
    std::vector<int> m_parents;
    QHash<ObjectId, int> m_index;
};

} // namespace gatehouse::git
