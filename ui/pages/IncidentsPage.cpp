// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentsPage.h"

#include "deliveryview/IncidentsView.h"

#include <QVBoxLayout>

namespace gatehouse::ui {

IncidentsPage::IncidentsPage(delivery::DeliveryLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_view(new IncidentsView(loader, this))
{
    setObjectName(QStringLiteral("incidentsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &IncidentsView::deploymentRequested, this, &IncidentsPage::deploymentRequested);
}

} // namespace gatehouse::ui
