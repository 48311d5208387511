// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LiveValidator.h"

#include <QThread>

namespace gatehouse::pipeline {

LiveValidator::LiveValidator(QObject* parent)
    : QObject(parent)
    , m_reader(std::make_shared<IncrementalYamlReader>())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveValidator::validateNow);
}

void LiveValidator::scheduleValidation()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_sinceEdit.isValid() || !m_timer.isActive())
        m_sinceEdit.start();
    else
        m_sinceEdit.restart();
    m_timer.start();
}

void LiveValidator::validateNow()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_timer.stop();
    if (!m_sinceEdit.isValid())
        m_sinceEdit.start();
    // Values only: the worker never sees `this`.
    const QString text = m_text ? m_text() : QString();
    const QString path = m_path;
    const FileSourceFactory sources = m_sources;
    m_jobs.start(
        [text, path, sources, reader = m_reader](ProgressSink& sink) {
            // Queued behind a slow validation and already superseded: do not spend a core on it.
            if (sink.isCancelled())
                return BufferValidation{};
            const FileSource files = sources ? sources() : FileSource{};
            return validateBuffer(text.toUtf8(), path, files, reader.get());
        },
        [this](BufferValidation result) {
            result.generation = m_jobs.generation();
            m_lastLatency = m_sinceEdit.elapsed();
            m_sinceEdit.invalidate();
            Q_EMIT validated(result);
        });
    Q_EMIT validationStarted(m_jobs.generation());
}

} // namespace gatehouse::pipeline
