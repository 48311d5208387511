// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricsView.h"

#include "../widgets/Widgets.h"
#include "OverviewFormat.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

QString areaTitle(const QString& area)
{
    if (area == QLatin1String("security"))
        return MetricsView::tr("Security posture");
    if (area == QLatin1String("delivery"))
        return MetricsView::tr("Delivery (production)");
    if (area == QLatin1String("runs"))
        return MetricsView::tr("Pipeline runs");
    return area;
}

} // namespace

MetricsView::MetricsView(QWidget* parent)
    : QFrame(parent)
    , m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("metricsView"));
    overview::makeCard(this);
    m_rows->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(m_rows);
}

namespace {

// Fixed column widths so the rows (separate widgets) line up like a table.
constexpr int kTargetWidth = 80;
constexpr int kActualWidth = 80;
constexpr int kStatusWidth = 68;
constexpr int kSourceWidth = 150;

QHBoxLayout* columns()
{
    auto* layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    return layout;
}

} // namespace

void MetricsView::setMetrics(const QList<scorecard::MetricResult>& metrics)
{
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    m_actuals.clear();
    m_met.clear();
    m_links.clear();
    m_metrics = metrics;

    auto* header = new QWidget(this);
    QHBoxLayout* headerColumns = columns();
    header->setLayout(headerColumns);
    auto caption = [&](const QString& text, int width, Qt::Alignment alignment) {
        QLabel* label = makeLabel(QStringLiteral("tileCaption"), header, text.toUpper());
        label->setAlignment(alignment);
        if (width > 0)
            label->setFixedWidth(width);
        headerColumns->addWidget(label, width > 0 ? 0 : 1);
    };
    caption(tr("Metric"), 0, Qt::AlignLeft);
    caption(tr("Target"), kTargetWidth, Qt::AlignRight);
    caption(tr("Actual"), kActualWidth, Qt::AlignRight);
    caption(tr("Status"), kStatusWidth, Qt::AlignHCenter);
    caption(tr("Source"), kSourceWidth, Qt::AlignLeft);
    m_rows->addWidget(header);
    m_rowWidgets << header;

    QString area;
    for (const scorecard::MetricResult& metric : metrics) {
        if (metric.area != area) {
            area = metric.area;
            QLabel* title = makeLabel(QStringLiteral("tileDetail"), this, areaTitle(area));
            title->setStyleSheet(QStringLiteral("font-weight: 600; padding-top: 8px;"));
            m_rows->addWidget(title);
            m_rowWidgets << title;
        }
        auto* line = new QWidget(this);
        line->setObjectName(QStringLiteral("metricRow"));
        auto* name = new QLabel(metric.name, line);
        auto* target = new QLabel(metric.target, line);
        target->setFixedWidth(kTargetWidth);
        target->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* actual = new QLabel(overview::actualText(metric), line);
        actual->setFixedWidth(kActualWidth);
        actual->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        actual->setStyleSheet(QStringLiteral("font-weight: 600;"));
        QLabel* met
            = overview::makePill(overview::metText(metric.met), overview::toneOf(metric.met), line, kStatusWidth);
        QPushButton* link = overview::makeSourceButton(metric.link, line);
        link->setFixedWidth(kSourceWidth);
        link->setText(QFontMetrics(link->font()).elidedText(link->text(), Qt::ElideMiddle, kSourceWidth - 8));
        const scorecard::SourceLink targetLink = metric.link;
        connect(link, &QPushButton::clicked, this, [this, targetLink] { Q_EMIT linkActivated(targetLink); });
        auto* evidence = makeLabel(QStringLiteral("tileDetail"), line, metric.evidence);
        evidence->setTextFormat(Qt::PlainText);
        evidence->setWordWrap(true);
        for (QLabel* label : {name, target, actual})
            label->setToolTip(metric.evidence);

        QHBoxLayout* cells = columns();
        cells->addWidget(name, 1);
        cells->addWidget(target);
        cells->addWidget(actual);
        cells->addWidget(met);
        cells->addWidget(link);
        auto* layout = new QVBoxLayout(line);
        layout->setContentsMargins(0, 3, 0, 3);
        layout->setSpacing(1);
        layout->addLayout(cells);
        layout->addWidget(evidence);
        m_rows->addWidget(line);
        m_rowWidgets << line;
        m_actuals.append(actual);
        m_met.append(met);
        m_links.append(link);
    }
}

int MetricsView::rowOf(const QString& name) const
{
    for (int row = 0; row < m_metrics.size(); ++row) {
        if (m_metrics.at(row).name == name)
            return row;
    }
    return -1;
}

QString MetricsView::actualText(int row) const
{
    return row >= 0 && row < m_actuals.size() ? m_actuals.at(row)->text() : QString();
}

QString MetricsView::metText(int row) const
{
    return row >= 0 && row < m_met.size() ? m_met.at(row)->text() : QString();
}

QPushButton* MetricsView::linkButton(int row) const
{
    return row >= 0 && row < m_links.size() ? m_links.at(row) : nullptr;
}

} // namespace gatehouse::ui
