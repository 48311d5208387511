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
    if (const Status extended = graph.extend(repository, tips, sink); !extended.ok())
        return extended.error();
    return graph;
}

void CommitGraph::add(const ObjectId& id, const QList<ObjectId>& parents, qint64 commitTime)
{
    if (m_index.contains(id))
        return;
    m_index.insert(id, int(m_ids.size()));
    m_ids.append(id);
    m_times.append(commitTime);
    m_pending.append({m_pendingParents.size(), parents.size()});
    m_pendingParents.append(parents);
}

void CommitGraph::markWalked(const ObjectId& tip)
{
    if (!tip.isNull())
        m_walked.append(tip);
    finish();
}

Status CommitGraph::extend(const Repository& repository, const QList<ObjectId>& tips, ProgressSink* sink)
{
    if (!repository.isValid() || repository.isEmpty())
        return Success{};
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
        if (tip.isNull() || m_index.contains(tip))
            continue;
        const git_oid oid = toOid(tip);
        if (git_revwalk_push(walker.get(), &oid) < 0) {
            git_error_clear(); // not a commit (or missing): nothing to add
            continue;
        }
        pushed = true;
    }
    if (!pushed)
        return Success{};
    for (const ObjectId& walked : std::as_const(m_walked)) {
        const git_oid oid = toOid(walked);
        if (git_revwalk_hide(walker.get(), &oid) < 0)
            git_error_clear();
    }

    git_oid oid;
    int rc = 0;
    qint64 seen = 0;
    QList<ObjectId> parents;
    while ((rc = git_revwalk_next(&oid, walker.get())) == 0) {
        if (sink && (++seen & 0x3ff) == 0 && sink->isCancelled())
            return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
        git_commit* rawCommit = nullptr;
        if (const int lookup = git_commit_lookup(&rawCommit, repo.get(), &oid); lookup < 0)
            return lastError(lookup, QStringLiteral("corrupt history"));
        CommitPtr commit(rawCommit);
        parents.clear();
        const unsigned count = git_commit_parentcount(commit.get());
        for (unsigned i = 0; i < count; ++i)
            parents.append(toId(git_commit_parent_id(commit.get(), i)));
        add(toId(&oid), parents, git_commit_time(commit.get()));
    }
    if (rc < 0 && rc != GIT_ITEROVER)
        return lastError(rc, QStringLiteral("cannot walk history"));
    git_error_clear();
    m_walked.append(tips);
    finish();
    return Success{};
}

void CommitGraph::finish()
{
    // Parents: the commits added since the last call append their lists; earlier lists are final.
    const int n = size();
    const int first = int(m_parentStart.empty() ? 0 : m_parentStart.size() - 1);
    if (m_parentStart.empty())
        m_parentStart.push_back(0);
    for (int c = first; c < n; ++c) {
        const auto [from, count] = m_pending.at(c - first);
        for (qsizetype p = from; p < from + count; ++p) {
            const int parent = indexOf(m_pendingParents.at(p));
            if (parent >= 0)
                m_parents.push_back(parent);
        }
        m_parentStart.push_back(int(m_parents.size()));
    }
    m_pending.clear();
    m_pendingParents.clear();
    // Generations, parents first, whatever order the walks added the commits in (iterative: histories are deep).
    m_generation.resize(size_t(n), 0);
    std::vector<std::pair<int, bool>> stack;
    for (int c = first; c < n; ++c) {
        if (m_generation[size_t(c)] != 0)
            continue;
        stack.emplace_back(c, false);
        while (!stack.empty()) {
            const auto [commit, expanded] = stack.back();
            stack.pop_back();
            if (m_generation[size_t(commit)] != 0)
                continue;
            const int begin = m_parentStart[size_t(commit)];
            const int end = m_parentStart[size_t(commit) + 1];
            if (expanded) {
                quint32 generation = 1;
                for (int p = begin; p < end; ++p)
                    generation = std::max(generation, m_generation[size_t(m_parents[size_t(p)])] + 1);
                m_generation[size_t(commit)] = generation;
                continue;
            }
            stack.emplace_back(commit, true);
            for (int p = begin; p < end; ++p) {
                if (m_generation[size_t(m_parents[size_t(p)])] == 0)
                    stack.emplace_back(m_parents[size_t(p)], false);
            }
        }
    }
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
