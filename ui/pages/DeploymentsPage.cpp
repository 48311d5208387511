// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentsPage.h"

#include "deliveryview/DeploymentsView.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace gatehouse::ui {

DeploymentsPage::DeploymentsPage(delivery::DeliveryLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_view(new DeploymentsView(loader, this))
{
    setObjectName(QStringLiteral("deploymentsPage"));
    // Below its comfortable size (about 700x730) the page scrolls instead of forcing the window to grow.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

} // namespace gatehouse::ui
