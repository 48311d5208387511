// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeDelegate.h"

#include <QDateTime>

namespace gatehouse::ui {

QString TimeDelegate::displayText(const QVariant& value, const QLocale& locale) const
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QStyledItemDelegate::displayText(value, locale);
}

} // namespace gatehouse::ui
