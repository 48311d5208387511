// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepoFormat.h"

#include <QLocale>

namespace gatehouse::format {

QString dateTime(const QDateTime& time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("\u2014");
}

QString date(const QDateTime& time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd")) : QStringLiteral("\u2014");
}

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1);
}

} // namespace gatehouse::format
