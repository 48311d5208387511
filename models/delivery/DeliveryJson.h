// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "DoraMetrics.h"
#include "Incident.h"

#include <QJsonObject>
#include <QJsonValue>

namespace gatehouse::delivery {

/// The JSON shapes of `gatehouse deployments` and `gatehouse incidents`: the field names are a
/// contract (scripts read them), so never rename one; adding fields is fine. Times are ISO 8601 UTC
/// ("2026-01-05T10:00:00Z"); a metric without data is null. Pure; any thread.
class DeliveryJson
{
public:
    static QJsonObject deployment(const Deployment& deployment, const DeploymentHistory& history);
    static QJsonObject dora(const DoraSummary& summary);
    static QJsonObject incident(const Incident& incident);

    static QJsonValue time(const QDateTime& time); ///< null when invalid
    static QJsonValue number(const std::optional<double>& value); ///< null when empty
    static QJsonValue text(const QString& value); ///< null when empty
};

} // namespace gatehouse::delivery
