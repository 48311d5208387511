// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KpiTile.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace gatehouse::ui {

KpiTile::KpiTile(const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption.toUpper(), this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_busy(new QProgressBar(this))
{
    setProperty("tile", true);
    setMinimumWidth(170);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_caption->setProperty("role", QStringLiteral("tileCaption"));
    m_value->setProperty("role", QStringLiteral("tileValue"));
    m_detail->setProperty("role", QStringLiteral("tileDetail"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("tileBusy"));
    m_busy->setRange(0, 0); // no total: the bar only shows that work goes on
    m_busy->setTextVisible(false);
    m_busy->setFixedHeight(4);
    m_busy->setAccessibleName(tr("computing"));
    m_busy->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addWidget(m_busy);
}

void KpiTile::setValue(const QString& value, const QString& detail, const QString& toolTip)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setToolTip(toolTip);
    m_busy->hide();
}

void KpiTile::setBusy(const QString& detail)
{
    setValue(QStringLiteral("…"), detail);
    m_busy->show();
}

bool KpiTile::isBusy() const
{
    return !m_busy->isHidden();
}

QString KpiTile::caption() const
{
    return m_caption->text();
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::detail() const
{
    return m_detail->text();
}

} // namespace gatehouse::ui
