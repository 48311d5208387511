// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QToolButton;

namespace gatehouse::ui {

/// Environment and window for the Deployments page. The window is "all" (first to last deployment, exactly what
/// `gatehouse deployments` uses without --since/--until) until the user picks dates; then whole UTC days, like the
/// command line's YYYY-MM-DD options.
class DeliveryFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryFilterBar(QWidget* parent = nullptr);

    /// New data: the environments to offer and the dates the window may span. Keeps the environment when it still
    /// exists; resets the window.
    void setRange(const QStringList& environments, const QDate& first, const QDate& last);

    QString environment() const; ///< empty: every environment
    void setEnvironment(const QString& environment);
    /// Invalid when the window is "all".
    QDateTime since() const;
    QDateTime until() const;
    bool isWindowCustom() const { return m_custom; }
    /// Sets a custom window of whole days (UTC).
    void setWindow(const QDate& since, const QDate& until);
    void resetWindow();

    QComboBox* environmentBox() const { return m_environment; }

Q_SIGNALS:
    void changed();

private:
    void onDateEdited();

    QComboBox* m_environment;
    QDateEdit* m_since;
    QDateEdit* m_until;
    QToolButton* m_reset;
    bool m_custom = false;
    QDate m_first;
    QDate m_last;
};

} // namespace gatehouse::ui
