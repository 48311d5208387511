// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostureLoader.h"

#include <QPointer>
#include <QThread>

namespace gatehouse {

PostureLoader::PostureLoader(QObject* parent)
    : QObject(parent)
{ }

void PostureLoader::load(const QString& repoPath, const QString& revision, const QDateTime& now,
                         const QString& cacheDir)
{
    Q_ASSERT(QThread::currentThread() == thread());
    QPointer<PostureLoader> self(this);
    m_job.start(
        [repoPath, revision, now, cacheDir](ProgressSink& sink) {
            return PostureBuilder::compute(repoPath, revision, now.isValid() ? now : QDateTime::currentDateTimeUtc(),
                                           &sink, cacheDir);
        },
        [self](Result<Posture> result) {
            if (!self)
                return;
            Q_EMIT self->loadingChanged(false);
            if (result)
                Q_EMIT self->postureAvailable(*result);
            else
                Q_EMIT self->loadFailed(result.error().toString());
        },
        [self](int permille, const QString& stage) {
            if (self)
                Q_EMIT self->progressChanged(permille, stage);
        });
    Q_EMIT loadingChanged(true);
}

void PostureLoader::cancel()
{
    if (!m_job.isRunning())
        return;
    m_job.cancel();
    Q_EMIT loadingChanged(false);
}

} // namespace gatehouse
