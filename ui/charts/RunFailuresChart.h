// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runs/RunAnalysis.h"

#include <QChartView>

class QBarSet;

namespace gatehouse::ui {

/// Failures per job as horizontal bars: failures that stayed failed, and flaky ones (passed on a retry) stacked on
/// them; the jobs that failed most, at most ten.
class RunFailuresChart : public QChartView
{
    Q_OBJECT
public:
    explicit RunFailuresChart(QWidget* parent = nullptr);

    /// `pipeline` empty = every pipeline's jobs.
    void setJobs(const QList<runs::JobStats>& jobs, const QString& pipeline);
    QStringList categories() const { return m_categories; }
    QBarSet* flakySet() const { return m_flaky; }

private:
    QBarSet* m_failures;
    QBarSet* m_flaky;
    QStringList m_categories;
};

} // namespace gatehouse::ui
