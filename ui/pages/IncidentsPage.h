// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace gatehouse::delivery {
class DeliveryLoader;
}

namespace gatehouse::ui {

class IncidentsView;

/// The dashboard's Incidents page: hosts the IncidentsView (ui/deliveryview) over the shared DeliveryLoader.
class IncidentsPage : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsPage(delivery::DeliveryLoader* loader, QWidget* parent = nullptr);

    IncidentsView* view() const { return m_view; }

Q_SIGNALS:
    /// A deployment link was clicked (the dashboard switches to the Deployments page).
    void deploymentRequested(const QString& tag);

private:
    IncidentsView* m_view;
};

} // namespace gatehouse::ui
