// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentsPage.h"

#include "../delivery/DeploymentsView.h"

#include <QVBoxLayout>

namespace gatehouse::ui {

DeploymentsPage::DeploymentsPage(delivery::DeliveryLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_view(new DeploymentsView(loader, this))
{
    setObjectName(QStringLiteral("deploymentsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

} // namespace gatehouse::ui
