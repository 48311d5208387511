// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace gatehouse::delivery {
class DeliveryLoader;
}

namespace gatehouse::ui {

class DeploymentsView;

/// The dashboard's Deployments page: hosts the DeploymentsView (ui/deliveryview) over the shared DeliveryLoader.
class DeploymentsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentsPage(delivery::DeliveryLoader* loader, QWidget* parent = nullptr);

    DeploymentsView* view() const { return m_view; }

private:
    DeploymentsView* m_view;
};

} // namespace gatehouse::ui
