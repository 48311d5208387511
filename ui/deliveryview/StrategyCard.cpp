// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StrategyCard.h"

#include "charts/DeliveryTrafficChart.h"
#include "delivery/TrafficShift.h"
#include "widgets/Widgets.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

using namespace gatehouse::delivery;

StrategyCard::StrategyCard(QWidget* parent)
    : QFrame(parent)
    , m_caption(makeLabel(QStringLiteral("tileCaption"), this))
    , m_headline(makeLabel(QStringLiteral("sectionTitle"), this))
    , m_chart(new DeliveryTrafficChart(this))
    , m_metrics(makeLabel(QStringLiteral("tileDetail"), this))
    , m_sources(makeLabel(QStringLiteral("tileDetail"), this))
{
    setObjectName(QStringLiteral("strategyCard"));
    setProperty("tile", true);
    // Narrower, the headline and the gates wrap a word per line.
    setMinimumWidth(190);
    m_headline->setObjectName(QStringLiteral("strategyHeadline"));
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(10);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setStyleSheet(QStringLiteral("padding-top: 0px"));
    m_metrics->setWordWrap(true);
    m_metrics->setTextFormat(Qt::RichText);
    m_sources->setWordWrap(true);
    m_sources->setTextFormat(Qt::PlainText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(3);
    layout->addWidget(m_caption);
    layout->addWidget(m_headline);
    layout->addWidget(m_chart);
    layout->addWidget(m_metrics);
    layout->addWidget(m_sources);
    layout->addStretch(1);
}

QString StrategyCard::headline() const
{
    return m_headline->text();
}

QString StrategyCard::caption() const
{
    return m_caption->text();
}

QString StrategyCard::details() const
{
    return m_metrics->text();
}

void StrategyCard::setStrategy(const EnvironmentStrategy& strategy, const QString& captionSuffix)
{
    m_strategy = strategy;
    // Environment names are captions in capitals; an expression is code and keeps its case.
    m_caption->setText(strategy.chosenAtRunTime ? strategy.environment + captionSuffix.toUpper()
                                                : (strategy.environment + captionSuffix).toUpper());
    QString kind = strategyKindName(strategy.strategy);
    kind[0] = kind[0].toUpper();
    QString rollback;
    switch (strategy.rollback) {
    case RollbackMode::Automatic:
        rollback = tr("automatic rollback");
        break;
    case RollbackMode::Manual:
        rollback = tr("manual rollback");
        break;
    case RollbackMode::None:
        rollback = tr("no rollback");
        break;
    }
    m_headline->setText(tr("%1 · %2").arg(kind, rollback));

    const QList<TrafficPoint> curve = TrafficShift::curve(strategy);
    m_chart->setCurve(curve);
    m_chart->setVisible(!curve.isEmpty());

    QStringList lines;
    // The chart shows the steps; their wording goes to the tooltip to keep the card small.
    const QStringList steps = TrafficShift::describeSteps(strategy.steps);
    std::optional<int> failureLimit;
    if (strategy.metrics.isEmpty()) {
        lines.append(tr("<b>Gates:</b> none"));
    } else {
        // Name and range only on the card; the interval and limits are in the tooltip.
        QStringList metrics;
        for (MetricGate metric : strategy.metrics) {
            failureLimit = failureLimit ? failureLimit : metric.failureLimit;
            metric.interval.clear();
            metric.failureLimit.reset();
            metrics.append(TrafficShift::describeMetric(metric).toHtmlEscaped());
        }
        lines.append(tr("<b>Gates:</b> %1").arg(metrics.join(QStringLiteral("; "))));
    }
    switch (strategy.rollback) {
    case RollbackMode::Automatic:
        lines.append(failureLimit ? tr("<b>Rollback:</b> automatic after %1 failed checks").arg(*failureLimit)
                                  : tr("<b>Rollback:</b> automatic on a failed gate"));
        break;
    case RollbackMode::Manual:
        lines.append(tr("<b>Rollback:</b> manual (someone aborts)"));
        break;
    case RollbackMode::None:
        lines.append(tr("<b>Rollback:</b> none found"));
        break;
    }
    if (strategy.strategy == StrategyKind::Unknown)
        lines.prepend(tr("Something deploys here, but no manifest or job says how."));
    if (strategy.chosenAtRunTime)
        lines.prepend(tr("Environment chosen at run time: nothing in the file says which."));
    else if (!strategy.expression.isEmpty())
        lines.prepend(tr("From <tt>%1</tt> (%2)").arg(strategy.expression.toHtmlEscaped(), strategy.resolvedFrom));
    m_metrics->setText(lines.join(QStringLiteral("<br>")));

    QStringList sources;
    for (const StrategySource& source : strategy.sources)
        sources.append(source.line > 0 ? QStringLiteral("%1:%2").arg(source.path).arg(source.line) : source.path);
    m_sources->setText(sources.isEmpty() ? QString() : tr("From %1").arg(sources.join(QStringLiteral(", "))));
    m_sources->setVisible(!sources.isEmpty());
    QString toolTip = lines.join(QStringLiteral("<br>"));
    for (const MetricGate& metric : strategy.metrics)
        toolTip += QStringLiteral("<br>• ") + TrafficShift::describeMetric(metric).toHtmlEscaped();
    if (!steps.isEmpty())
        toolTip.prepend(tr("<b>Steps:</b> %1<br>").arg(steps.join(QStringLiteral(" → ")).toHtmlEscaped()));
    setToolTip(toolTip + QStringLiteral("<br>") + m_sources->text().toHtmlEscaped());
}

} // namespace gatehouse::ui
