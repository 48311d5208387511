// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runs/RunAnalysis.h"

#include <QWidget>

namespace gatehouse::ui {

/// The timeline of one run: a bar per job execution from its start to its end, the critical path in the highlight
/// colour, failed executions in the failure colour, retried ones faded. Painted by hand (a Gantt is not a Qt Charts
/// series); palette colours only.
class RunGanttChart : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QString label;
        double start = 0; ///< seconds from the run's start
        double seconds = 0;
        bool critical = false;
        bool failed = false;
        bool retried = false;
    };

    explicit RunGanttChart(QWidget* parent = nullptr);

    void setRun(const runs::Run& run, const runs::CriticalPath& path);
    void clear();
    const QList<Bar>& bars() const { return m_bars; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<Bar> m_bars;
    double m_span = 0;
    QString m_caption;
};

} // namespace gatehouse::ui
