// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <atomic>
#include <functional>
#include <future>

namespace gatehouse {

/// Answers by key, shared by the threads that ask: a request for a key being computed on another thread waits for
/// that answer instead of computing it again (a repository's first open asks several history-wide questions twice
/// at once). A failed or cancelled computation is not kept: whoever asks next computes. The `kept` latest answers
/// stay for later requests (0: only computations under way are shared). Thread-safe.
template <typename T> class SharedResults
{
public:
    using Compute = std::function<Result<T>()>;

    explicit SharedResults(int kept)
        : m_kept(kept)
    { }

    /// The answer for `key`: kept, awaited from another thread (then `*shared` is set), or computed here. An empty
    /// key is computed and not shared.
    Result<T> get(const QByteArray& key, const Compute& compute, bool* shared = nullptr)
    {
        if (shared)
            *shared = false;
        if (key.isEmpty())
            return compute();
        std::promise<Result<T>> promise;
        quint64 id = 0;
        {
            QMutexLocker lock(&m_mutex);
            for (qsizetype i = 0; i < m_entries.size(); ++i) {
                if (m_entries.at(i).key != key)
                    continue;
                const Entry found = m_entries.at(i);
                m_entries.move(i, 0);
                lock.unlock();
                ++m_waiting;
                Result<T> result = found.result.get();
                --m_waiting;
                if (result.ok()) {
                    if (shared)
                        *shared = true;
                    return result;
                }
                lock.relock();
                m_entries.removeIf([&](const Entry& entry) { return entry.id == found.id; });
                if (result.error().code != QLatin1String("cancelled"))
                    return result;
                break; // computed here
            }
            id = m_nextId++;
            m_entries.prepend(Entry{key, id, promise.get_future().share(), false});
            ++m_computations;
        }
        Result<T> result = compute();
        promise.set_value(result);
        QMutexLocker lock(&m_mutex);
        if (!result.ok()) {
            m_entries.removeIf([&](const Entry& entry) { return entry.id == id; });
        } else {
            for (Entry& entry : m_entries) {
                if (entry.id == id)
                    entry.done = true;
            }
            // Only answers are dropped, oldest first; computations under way stay shared.
            int done = 0;
            m_entries.removeIf([&](const Entry& entry) { return entry.done && ++done > m_kept; });
        }
        return result;
    }

    /// How many computations get() started (tests).
    int computations() const
    {
        QMutexLocker lock(&m_mutex);
        return m_computations;
    }
    /// Requests now waiting for another thread's computation (tests).
    int waiting() const { return m_waiting.load(); }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_entries.clear();
    }

private:
    struct Entry
    {
        QByteArray key;
        quint64 id = 0;
        std::shared_future<Result<T>> result;
        bool done = false;
    };

    const int m_kept;
    mutable QMutex m_mutex;
    QList<Entry> m_entries; ///< most recently asked first
    quint64 m_nextId = 1;
    int m_computations = 0;
    std::atomic<int> m_waiting{0};
};

} // namespace gatehouse
