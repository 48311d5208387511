// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::pipeline::github {

/// Which contexts and special functions an expression may use at a workflow key, from the context availability
/// table of GitHub's "Contexts" page. Keys are written as in that table: "jobs.<job_id>.steps.if".
struct ContextAvailability
{
    QStringList contexts;
    bool statusFunctions = false; ///< success(), always(), cancelled(), failure()
    bool hashFiles = false;

    /// The row for `key`, or nullptr when the table has none (the key then allows every context).
    static const ContextAvailability* find(const QString& key);
    /// Every context name GitHub defines.
    static const QStringList& allContexts();
};

} // namespace gatehouse::pipeline::github
