// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;

namespace gatehouse::ui {

/// A card with a small caption, a large value and a detail line (the Overview's KPIs). While its figure is being
/// computed it says so, with a small busy bar, instead of a blank or a zero.
class KpiTile : public QFrame
{
    Q_OBJECT
public:
    explicit KpiTile(const QString& caption, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& detail = {}, const QString& toolTip = {});
    /// "…" over `detail` (what is being computed) with a busy bar, until the next setValue().
    void setBusy(const QString& detail);
    bool isBusy() const;
    QString caption() const;
    QString value() const;
    QString detail() const;

private:
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_detail;
    QProgressBar* m_busy;
};

} // namespace gatehouse::ui
