// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <QJsonObject>

namespace gatehouse {

/// The snapshot as the JSON document of `gatehouse info --format json` (field names are a contract: only add).
/// Includes every figure the GUI shows (the `kpis` object holds the Overview tiles).
QJsonObject snapshotToJson(const RepositorySnapshot& snapshot);

/// ISO 8601 with the original UTC offset, or an empty string for an invalid time.
QString isoTime(const QDateTime& time);

} // namespace gatehouse
