// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace gatehouse::ui {

/// Shows ISO 8601 times from the delivery models as "2026-03-02 14:00" (UTC): the models' text is for copying, not
/// for reading in a narrow column.
class TimeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant& value, const QLocale& locale) const override;
};

} // namespace gatehouse::ui
