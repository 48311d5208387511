// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Deployment.h"

namespace gatehouse::delivery {

int DeploymentHistory::indexOfTag(const QString& tag) const
{
    for (int i = 0; i < deployments.size(); ++i) {
        if (deployments.at(i).tag == tag)
            return i;
    }
    return -1;
}

QList<int> DeploymentHistory::indexesOf(const QString& environment) const
{
    QList<int> result;
    for (int i = 0; i < deployments.size(); ++i) {
        if (deployments.at(i).environment == environment)
            result.append(i);
    }
    return result;
}

} // namespace gatehouse::delivery
