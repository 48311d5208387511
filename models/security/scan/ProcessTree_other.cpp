// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessTree.h"

#include <QProcess>

namespace gatehouse {

void ProcessTree::kill(QProcess& process)
{
    process.kill();
}

} // namespace gatehouse
