// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;

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
    QPushButton* syncButton() const { return m_syncButton; }

Q_SIGNALS:
    /// "Sync from server…": the dashboard opens the deployments sync dialog.
    void syncRequested();

private:
    DeploymentsView* m_view;
    QPushButton* m_syncButton;
};

} // namespace gatehouse::ui
