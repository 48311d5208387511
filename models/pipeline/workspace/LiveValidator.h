// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BufferValidation.h"

#include "pipeline/IncrementalYamlReader.h"

#include "common/JobTracker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace gatehouse::pipeline {

/// Debounced background validation of an editor buffer: every edit restarts a single-shot timer; when it fires,
/// a copy of the text and a generation id go to a worker (JobTracker) that runs validateBuffer(); results of
/// older generations are dropped. Lives on the GUI thread; the worker touches only the values it was given.
class LiveValidator : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultDelayMs = 250;

    explicit LiveValidator(QObject* parent = nullptr);

    /// The repository-relative path the buffer will be saved to (decides GitLab vs GitHub).
    void setPath(const QString& path) { m_path = path; }
    QString path() const { return m_path; }
    void setFileSourceFactory(FileSourceFactory factory) { m_sources = std::move(factory); }
    /// Called on the GUI thread when the timer fires, to take the copy of the text.
    void setTextProvider(std::function<QString()> provider) { m_text = std::move(provider); }
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    /// An edit happened: (re)start the pause timer.
    void scheduleValidation();
    /// Validate now (file opened, reverted).
    void validateNow();

    bool isPending() const { return m_timer.isActive() || m_jobs.isRunning(); }
    quint64 generation() const { return m_jobs.generation(); }
    /// Milliseconds from the last edit to the delivery of its result (GUI-thread clock), -1 before any.
    qint64 lastLatencyMs() const { return m_lastLatency; }

Q_SIGNALS:
    void validationStarted(quint64 generation);
    /// The result of the newest text; stale results never arrive here.
    void validated(const gatehouse::pipeline::BufferValidation& result);

private:
    QTimer m_timer;
    JobTracker m_jobs{this};
    QString m_path;
    FileSourceFactory m_sources;
    /// The buffer's last tree, kept between keystrokes (shared with the workers, which may overlap).
    std::shared_ptr<IncrementalYamlReader> m_reader;
    std::function<QString()> m_text;
    QElapsedTimer m_sinceEdit;
    qint64 m_lastLatency = -1;
};

} // namespace gatehouse::pipeline

Q_DECLARE_METATYPE(gatehouse::pipeline::BufferValidation)
