// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentsPage.h"

#include "deliveryview/DeploymentsView.h"

#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace gatehouse::ui {

DeploymentsPage::DeploymentsPage(delivery::DeliveryLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_view(new DeploymentsView(loader, this))
    , m_syncButton(new QPushButton(tr("Sync from server…"), this))
{
    setObjectName(QStringLiteral("deploymentsPage"));
    // Below its comfortable size (about 700x730) the page scrolls instead of forcing the window to grow.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Deployments kept by GitLab's environments or GitHub's deployments, beside the tags.
    m_syncButton->setObjectName(QStringLiteral("syncDeploymentsButton"));
    m_syncButton->setProperty("role", QStringLiteral("secondary"));
    m_syncButton->setToolTip(tr("Fetch the deployments GitLab or GitHub recorded for this project"));
    connect(m_syncButton, &QPushButton::clicked, this, &DeploymentsPage::syncRequested);
    m_view->addTitleAction(m_syncButton); // beside the title, not on a row of its own
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

} // namespace gatehouse::ui
