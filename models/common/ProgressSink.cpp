// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressSink.h"

#include <algorithm>

namespace gatehouse {

ProgressSink::ProgressSink(Callback callback)
    : m_callback(std::move(callback))
{
    m_timer.start();
}

void ProgressSink::report(qint64 done, qint64 total, const QString& stage)
{
    if (!m_callback)
        return;
    const int permille = total > 0 ? int(std::clamp<qint64>(done * 1000 / total, 0, 1000)) : 0;
    {
        std::lock_guard lock(m_mutex);
        const bool stageChanged = stage != m_lastStage;
        if (!stageChanged && permille - m_lastPermille < 10 && m_timer.elapsed() < 100 && permille != 1000)
            return;
        m_lastPermille = permille;
        m_lastStage = stage;
        m_timer.restart();
    }
    m_callback(permille, stage);
}

} // namespace gatehouse
