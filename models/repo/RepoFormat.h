// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace gatehouse::format {

/// "2026-03-14 09:30" in the time's own offset (what the author saw), or "—" when invalid.
QString dateTime(const QDateTime& time);
/// "2026-03-14", or "—" when invalid.
QString date(const QDateTime& time);
/// "512 B", "1.4 KiB", ... (locale-independent).
QString size(qint64 bytes);

} // namespace gatehouse::format
