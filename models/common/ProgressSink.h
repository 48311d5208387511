// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace gatehouse {

/// Shared between a worker and whoever started it: an atomic cancel flag and a throttled progress callback
/// (called at most when progress moved by >= 1% or 100 ms passed). Thread-safe. The callback runs on the worker
/// thread, so it must only queue work (e.g. QMetaObject::invokeMethod with Qt::QueuedConnection).
class ProgressSink
{
public:
    using Callback = std::function<void(int permille, const QString& stage)>;

    explicit ProgressSink(Callback callback = {});

    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    /// Reports done/total for the named stage; throttled.
    void report(qint64 done, qint64 total, const QString& stage = {});

private:
    Callback m_callback;
    std::atomic_bool m_cancelled{false};
    std::mutex m_mutex;
    QElapsedTimer m_timer;
    int m_lastPermille = -1000;
    QString m_lastStage;
};

using ProgressSinkPtr = std::shared_ptr<ProgressSink>;

} // namespace gatehouse
