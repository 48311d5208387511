// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryLoader.h"

#include <QThread>

namespace gatehouse::delivery {

DeliveryLoader::DeliveryLoader(QObject* parent)
    : QObject(parent)
{ }

void DeliveryLoader::load(const QString& repositoryPath, const QString& revision)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_lastError.clear();
    Q_EMIT loadStarted();
    m_jobs.start(
        [repositoryPath, revision](ProgressSink& sink) -> Result<DeliveryLoadResult> {
            Result<DeliverySnapshot> analysis = DeliveryAnalysis::run(repositoryPath, revision, &sink);
            if (!analysis.ok())
                return analysis.error();
            DeliveryLoadResult result;
            result.repositoryPath = repositoryPath;
            result.revision = revision;
            result.delivery = std::move(analysis).value();
            if (sink.isCancelled())
                return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
            sink.report(0, 1, QStringLiteral("strategies"));
            Result<StrategyReport> strategies = StrategyDetector::scanRepository(repositoryPath, revision, &sink);
            if (strategies.ok())
                result.strategies = std::move(strategies).value();
            else
                result.strategyError = strategies.error().message;
            return result;
        },
        [this](Result<DeliveryLoadResult> result) {
            if (!result.ok()) {
                m_lastError = result.error().message;
                Q_EMIT loadFailed(m_lastError);
                return;
            }
            m_result = std::move(result).value();
            Q_EMIT loadFinished(*m_result);
        },
        [this](int permille, const QString& stage) { Q_EMIT progressChanged(permille, stage); });
}

void DeliveryLoader::cancel()
{
    if (!m_jobs.isRunning())
        return;
    m_jobs.cancel();
    Q_EMIT loadCancelled();
}

void DeliveryLoader::clear()
{
    m_jobs.cancel();
    m_result.reset();
    m_lastError.clear();
    Q_EMIT cleared();
}

} // namespace gatehouse::delivery
