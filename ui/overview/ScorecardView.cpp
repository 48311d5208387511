// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScorecardView.h"

#include "../widgets/Widgets.h"
#include "OverviewFormat.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using namespace overview;

ScorecardView::ScorecardView(QWidget* parent)
    : QFrame(parent)
    , m_rows(new QVBoxLayout)
    , m_counts(makeLabel(QStringLiteral("tileDetail"), this))
{
    setObjectName(QStringLiteral("scorecardView"));
    overview::makeCard(this);
    m_counts->setObjectName(QStringLiteral("scorecardCounts"));
    m_rows->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(m_counts);
    layout->addLayout(m_rows);
}

void ScorecardView::setFactors(const QList<scorecard::FactorResult>& factors)
{
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    m_pills.clear();
    m_evidence.clear();
    m_links.clear();
    m_factors = factors;

    int counts[4] = {0, 0, 0, 0};
    for (int row = 0; row < factors.size(); ++row) {
        const scorecard::FactorResult& factor = factors.at(row);
        ++counts[int(factor.status)];
        // One widget per row with a box layout: word-wrapped labels get their height for the real width there,
        // which a grid with spans does not manage.
        auto* line = new QWidget(this);
        line->setObjectName(QStringLiteral("factorRow"));
        QLabel* pill = makePill(overview::statusText(factor.status), toneOf(factor.status), line);
        auto* id = new QLabel(factor.id, line);
        id->setStyleSheet(QStringLiteral("font-weight: 600;"));
        id->setFixedWidth(34);
        auto* name = new QLabel(factor.name, line);
        name->setStyleSheet(QStringLiteral("font-weight: 600;"));
        name->setFixedWidth(130);
        auto* evidence = new QLabel(factor.evidence, line);
        evidence->setTextFormat(Qt::PlainText);
        evidence->setWordWrap(true);
        evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
        evidence->setMinimumWidth(240);
        QPushButton* link = makeSourceButton(factor.link, line);
        link->setFixedWidth(230);
        const QFontMetrics metrics(link->font());
        link->setText(metrics.elidedText(link->text(), Qt::ElideMiddle, 220));
        if (!factor.sources.isEmpty())
            link->setToolTip(link->toolTip() + QLatin1Char('\n') + tr("Sources: %1").arg(factor.sources.join(u", ")));
        const scorecard::SourceLink target = factor.link;
        connect(link, &QPushButton::clicked, this, [this, target] { Q_EMIT linkActivated(target); });

        auto* layout = new QHBoxLayout(line);
        layout->setContentsMargins(0, 4, 0, 4);
        layout->setSpacing(12);
        layout->addWidget(pill, 0, Qt::AlignTop);
        layout->addWidget(id, 0, Qt::AlignTop);
        layout->addWidget(name, 0, Qt::AlignTop);
        layout->addWidget(evidence, 1, Qt::AlignTop);
        layout->addWidget(link, 0, Qt::AlignTop);
        m_rows->addWidget(line);
        m_rowWidgets << line;
        m_pills.append(pill);
        m_evidence.append(evidence);
        m_links.append(link);
    }
    m_counts->setText(tr("%1 pass · %2 warn · %3 fail · %4 n.a. — computed from the repository; click a source to "
                         "see it")
                          .arg(counts[int(scorecard::FactorStatus::Pass)])
                          .arg(counts[int(scorecard::FactorStatus::Warn)])
                          .arg(counts[int(scorecard::FactorStatus::Fail)])
                          .arg(counts[int(scorecard::FactorStatus::NotApplicable)]));
}

QString ScorecardView::statusText(int row) const
{
    return row >= 0 && row < m_pills.size() ? m_pills.at(row)->text() : QString();
}

QLabel* ScorecardView::evidenceLabel(int row) const
{
    return row >= 0 && row < m_evidence.size() ? m_evidence.at(row) : nullptr;
}

QPushButton* ScorecardView::linkButton(int row) const
{
    return row >= 0 && row < m_links.size() ? m_links.at(row) : nullptr;
}

} // namespace gatehouse::ui
