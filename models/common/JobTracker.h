// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ProgressSink.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace gatehouse {

/// Runs one kind of background job for a GUI-thread object (the idea of hotspot's jobtracker.h): every start gets a
/// generation id, starting a new job cancels the previous one, and only the newest job's result is delivered.
/// Results and progress are delivered queued to `context` (guarded by QPointer) on its thread.
/// Use from the context's thread only. The job gets a ProgressSink& for progress and cancellation and must only
/// touch the values it captured (never `this`).
class JobTracker
{
public:
    explicit JobTracker(QObject* context)
        : m_context(context)
    { }
    ~JobTracker() { cancel(); }
    JobTracker(const JobTracker&) = delete;
    JobTracker& operator=(const JobTracker&) = delete;

    /// The pool every job runs on. Not QThreadPool::globalInstance(): Qt's raster paint engine hands parts of large
    /// fills to that pool and waits for them on the GUI thread, so long jobs there stall painting until one ends.
    /// Like Qt's global pool, it is drained when the application object is destroyed: jobs still running at exit
    /// would otherwise outlive the function-local statics they use (static destruction order) and crash on quit.
    static QThreadPool* pool()
    {
        static QThreadPool* jobs = [] {
            static QThreadPool instance;
            qAddPostRoutine([] { pool()->waitForDone(); });
            return &instance;
        }();
        return jobs;
    }

    quint64 generation() const { return m_generation->load(); }
    bool isRunning() const { return m_running; }

    /// Cancels the running job (if any); its result will be dropped.
    void cancel()
    {
        if (m_sink)
            m_sink->cancel();
        m_sink.reset();
        ++*m_generation;
        m_running = false;
    }

    template <typename Job, typename Deliver>
    void start(Job job, Deliver deliver, std::function<void(int permille, const QString& stage)> onProgress = {})
    {
        cancel();
        const quint64 id = ++*m_generation;
        auto generation = m_generation;
        QPointer<QObject> context = m_context;
        auto sink
            = std::make_shared<ProgressSink>([context, generation, id, onProgress](int permille, const QString& stage) {
                  if (!onProgress || generation->load() != id)
                      return;
                  QMetaObject::invokeMethod(
                      context.data(),
                      [generation, id, onProgress, permille, stage] {
                          if (generation->load() == id)
                              onProgress(permille, stage);
                      },
                      Qt::QueuedConnection);
              });
        m_sink = sink;
        m_running = true;
        bool* running = &m_running;
        (void)QtConcurrent::run(
            pool(),
            [job = std::move(job), deliver = std::move(deliver), sink, generation, id, context, running]() mutable {
                auto result = job(*sink);
                if (generation->load() != id || sink->isCancelled())
                    return;
                QMetaObject::invokeMethod(
                    context.data(),
                    [deliver = std::move(deliver), result = std::move(result), generation, id, running]() mutable {
                        // Checked again on the GUI thread: a newer job may have started while this one was queued.
                        if (generation->load() != id)
                            return;
                        *running = false;
                        deliver(std::move(result));
                    },
                    Qt::QueuedConnection);
            });
    }

private:
    QPointer<QObject> m_context;
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    ProgressSinkPtr m_sink;
    bool m_running = false;
};

} // namespace gatehouse
