// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommitGraph.h"

#include "GitHandles.h"
#include "Repository.h"

#include <queue>

namespace gatehouse::git {

using namespace detail;

Result<CommitGraph> CommitGraph::build(const Repository& repository, const QList<ObjectId>& tips, ProgressSink* sink)
{
    CommitGraph graph;
    if (!repository.isValid() || repository.isEmpty())
        return graph;
    ensureInitialized();
    // An own handle: Repository keeps libgit2 out of its header, and a walk needs only the object database.
    git_repository* rawRepo = nullptr;
    const QByteArray gitDir = repository.gitDir().toUtf8();
    if (const int rc = git_repository_open_bare(&rawRepo, gitDir.constData()); rc < 0)
        return lastError(rc, QStringLiteral("cannot open %1").arg(repository.gitDir()));
    RepositoryPtr repo(rawRepo);
    git_revwalk* rawWalk = nullptr;
    if (const int rc = git_revwalk_new(&rawWalk, repo.get()); rc < 0)
        return lastError(rc, QStringLiteral("cannot walk history"));
    RevwalkPtr walker(rawWalk);
    git_revwalk_sorting(walker.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    bool pushed = false;
    for (const ObjectId& tip : tips) {
        if (tip.isNull())
            continue;
        const git_oid oid = toOid(tip);
        if (git_revwalk_push(walker.get(), &oid) < 0) {
            git_error_clear(); // not a commit (or missing): nothing to add
            continue;
        }
        pushed = true;
    }
    if (!pushed)
        return graph;

    std::vector<std::pair<int, int>> pendingParents; // (first index into parentIds, count) per commit
    QList<ObjectId> parentIds;
    git_oid oid;
    int rc = 0;
    qint64 seen = 0;
    while ((rc = git_revwalk_next(&oid, walker.get())) == 0) {
        if (sink && (++seen & 0x3ff) == 0) {
            if (sink->isCancelled())
                return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
        }
        git_commit* rawCommit = nullptr;
        if (const int lookup = git_commit_lookup(&rawCommit, repo.get(), &oid); lookup < 0)
            return lastError(lookup, QStringLiteral("corrupt history"));
        CommitPtr commit(rawCommit);
        const ObjectId id = toId(&oid);
        graph.m_index.insert(id, int(graph.m_ids.size()));
        graph.m_ids.append(id);
        graph.m_times.append(git_commit_time(commit.get()));
        const unsigned count = git_commit_parentcount(commit.get());
        pendingParents.emplace_back(int(parentIds.size()), int(count));
        for (unsigned i = 0; i < count; ++i)
            parentIds.append(toId(git_commit_parent_id(commit.get(), i)));
    }
    if (rc < 0 && rc != GIT_ITEROVER)
        return lastError(rc, QStringLiteral("cannot walk history"));
    git_error_clear();

    const int n = graph.size();
    graph.m_parentStart.reserve(size_t(n) + 1);
    graph.m_parents.reserve(size_t(parentIds.size()));
    for (int c = 0; c < n; ++c) {
        graph.m_parentStart.push_back(int(graph.m_parents.size()));
        const auto [first, count] = pendingParents[size_t(c)];
        for (int p = first; p < first + count; ++p) {
            const int parent = graph.indexOf(parentIds.at(p));
            if (parent >= 0)
                graph.m_parents.push_back(parent);
        }
    }
    graph.m_parentStart.push_back(int(graph.m_parents.size()));
    // Topological order puts every parent after its children: generations fill from the end.
    graph.m_generation.assign(size_t(n), 1);
    for (int c = n - 1; c >= 0; --c) {
        quint32 generation = 1;
        for (int p = graph.m_parentStart[size_t(c)]; p < graph.m_parentStart[size_t(c) + 1]; ++p)
            generation = std::max(generation, graph.m_generation[size_t(graph.m_parents[size_t(p)])] + 1);
        graph.m_generation[size_t(c)] = generation;
    }
    return graph;
}

bool CommitGraph::isAncestor(int ancestor, int descendant) const
{
    if (ancestor < 0 || descendant < 0 || ancestor == descendant)
        return false;
    const quint32 floor = m_generation[size_t(ancestor)];
    if (m_generation[size_t(descendant)] <= floor)
        return false;
    // Only commits of a larger generation can reach the ancestor: the search stops at that floor.
    std::vector<bool> seen(size_t(size()), false);
    std::vector<int> stack{descendant};
    seen[size_t(descendant)] = true;
    while (!stack.empty()) {
        const int commit = stack.back();
        stack.pop_back();
        for (int p = m_parentStart[size_t(commit)]; p < m_parentStart[size_t(commit) + 1]; ++p) {
            const int parent = m_parents[size_t(p)];
            if (parent == ancestor)
                return true;
            if (seen[size_t(parent)] || m_generation[size_t(parent)] <= floor)
                continue;
            seen[size_t(parent)] = true;
            stack.push_back(parent);
        }
    }
    return false;
}

QList<int> CommitGraph::only(int from, int hidden) const
{
    QList<int> result;
    if (from < 0)
        return result;
    enum : quint8
    {
        Unseen,
        Interesting,
        Hidden
    };
    std::vector<quint8> mark(size_t(size()), Unseen);
    std::priority_queue<std::pair<quint32, int>> queue;
    int interesting = 0; // queued and not hidden: once none is left, nothing more can be reported
    auto push = [&](int commit, bool hide) {
        quint8& m = mark[size_t(commit)];
        if (m == Unseen) {
            m = hide ? Hidden : Interesting;
            interesting += hide ? 0 : 1;
            queue.emplace(m_generation[size_t(commit)], commit);
        } else if (hide && m == Interesting) {
            // Still queued: its children (larger generations) are all popped before it.
            m = Hidden;
            --interesting;
        }
    };
    if (hidden >= 0)
        push(hidden, true);
    push(from, false);
    while (!queue.empty() && interesting > 0) {
        const int commit = queue.top().second;
        queue.pop();
        const bool hide = mark[size_t(commit)] == Hidden;
        if (!hide) {
            --interesting;
            result.append(commit);
        }
        for (int p = m_parentStart[size_t(commit)]; p < m_parentStart[size_t(commit) + 1]; ++p)
            push(m_parents[size_t(p)], hide);
    }
    return result;
}

} // namespace gatehouse::git
