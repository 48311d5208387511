// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace gatehouse::ui {

/// A card with a small caption, a large value and a detail line (the Overview's KPIs).
class KpiTile : public QFrame
{
    Q_OBJECT
public:
    explicit KpiTile(const QString& caption, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& detail = {}, const QString& toolTip = {});
    QString caption() const;
    QString value() const;
    QString detail() const;

private:
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_detail;
};

} // namespace gatehouse::ui
