// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DoraTiles.h"

#include "delivery/DeploymentTableModel.h"
#include "widgets/KpiTile.h"
#include "widgets/Widgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

using delivery::DoraBand;
using delivery::DoraMetric;
using delivery::DoraMetrics;

namespace {

QColor bandColor(DoraBand band)
{
    switch (band) {
    case DoraBand::Elite:
        return QColor(0x1f, 0x8a, 0x5b);
    case DoraBand::High:
        return QColor(0x3b, 0x82, 0xd6);
    case DoraBand::Medium:
        return QColor(0xc7, 0x7c, 0x0e);
    case DoraBand::Low:
        return QColor(0xc2, 0x3b, 0x3b);
    }
    return {};
}

// The band as a coloured word for a tile's detail line.
QString bandHtml(std::optional<DoraBand> band)
{
    if (!band)
        return QObject::tr("no data");
    return QStringLiteral("<b style='color:%1'>%2</b>").arg(bandColor(*band).name(), DoraTiles::bandText(band));
}

} // namespace

DoraTiles::DoraTiles(QWidget* parent)
    : QWidget(parent)
    , m_legend(makeLabel(QStringLiteral("tileDetail"), this))
{
    setObjectName(QStringLiteral("doraTiles"));
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(12);
    for (const QString& caption : {tr("Deployment frequency"), tr("Lead time for changes"), tr("Change failure rate"),
                                   tr("Time to restore"), tr("DORA band")}) {
        auto* tile = new KpiTile(caption, this);
        tile->setMinimumWidth(110);
        row->addWidget(tile);
        m_tiles.append(tile);
    }
    m_legend->setObjectName(QStringLiteral("doraLegend"));
    m_legend->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_legend);
}

QString DoraTiles::frequencyText(std::optional<double> perWeek)
{
    return perWeek ? tr("%1 / week").arg(*perWeek, 0, 'f', *perWeek < 10 ? 2 : 1) : QStringLiteral("–");
}

QString DoraTiles::ratioText(std::optional<double> ratio)
{
    return ratio ? QStringLiteral("%1 %").arg(*ratio * 100, 0, 'f', 1) : QStringLiteral("–");
}

QString DoraTiles::bandText(std::optional<DoraBand> band)
{
    if (!band)
        return QStringLiteral("–");
    QString name = delivery::doraBandName(*band);
    name[0] = name[0].toUpper();
    return name;
}

QString DoraTiles::thresholdsToolTip(DoraMetric metric)
{
    for (const delivery::DoraThreshold& row : DoraMetrics::thresholds()) {
        if (row.metric != metric)
            continue;
        return tr("<b>%1</b><table>"
                  "<tr><td>Elite</td><td>%2</td></tr><tr><td>High</td><td>%3</td></tr>"
                  "<tr><td>Medium</td><td>%4</td></tr><tr><td>Low</td><td>%5</td></tr></table>"
                  "<p><i>%6</i></p>")
            .arg(QString::fromUtf8(row.name), QString::fromUtf8(row.eliteText), QString::fromUtf8(row.highText),
                 QString::fromUtf8(row.mediumText), QString::fromUtf8(row.lowText), DoraMetrics::source());
    }
    return {};
}

void DoraTiles::setSummary(const delivery::DoraSummary& s)
{
    m_summary = s;
    using delivery::DeploymentTableModel;
    m_tiles[0]->setValue(frequencyText(s.deploymentFrequencyPerWeek),
                         tr("%1 · %2").arg(bandHtml(s.deploymentFrequencyBand),
                                           countText(s.deployments, tr("deployment"), tr("deployments"))),
                         thresholdsToolTip(DoraMetric::DeploymentFrequency));
    m_tiles[1]->setValue(DeploymentTableModel::formatDuration(s.leadTimeMedianSeconds),
                         tr("%1 · p90 %2 · %3")
                             .arg(bandHtml(s.leadTimeBand), DeploymentTableModel::formatDuration(s.leadTimeP90Seconds),
                                  countText(s.changes, tr("change"), tr("changes"))),
                         thresholdsToolTip(DoraMetric::LeadTime));
    m_tiles[2]->setValue(ratioText(s.changeFailureRate),
                         tr("%1 · %2 of %3 failed · %4 rolled back")
                             .arg(bandHtml(s.changeFailureRateBand))
                             .arg(s.failedDeployments)
                             .arg(s.deployments)
                             .arg(s.rollbacks),
                         thresholdsToolTip(DoraMetric::ChangeFailureRate));
    m_tiles[3]->setValue(
        DeploymentTableModel::formatDuration(s.timeToRestoreMedianSeconds),
        s.unrestoredFailures
            ? tr("%1 · %2 not restored yet").arg(bandHtml(s.timeToRestoreBand)).arg(s.unrestoredFailures)
            : tr("%1 · median over failures").arg(bandHtml(s.timeToRestoreBand)),
        thresholdsToolTip(DoraMetric::TimeToRestore));
    const QString window = s.since.isValid() ? tr("%1 – %2").arg(s.since.toUTC().toString(QStringLiteral("yyyy-MM-dd")),
                                                                 s.until.toUTC().toString(QStringLiteral("yyyy-MM-dd")))
                                             : tr("no deployments");
    m_tiles[4]->setValue(bandText(s.band), tr("%1 · %2").arg(s.environment, window),
                         tr("The overall band is the worst of the metric bands that have data.<br><i>%1</i>")
                             .arg(DoraMetrics::source()));
    m_legend->setText(tr("Bands: %1. Hover a tile for its thresholds.").arg(DoraMetrics::source()));
}

} // namespace gatehouse::ui
