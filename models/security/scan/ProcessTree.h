// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QProcess;

namespace gatehouse {

/// Scanners start helpers of their own (semgrep runs semgrep-core, npm runs node): stopping a scanner on a timeout
/// or a cancel must stop them too. On Linux the process's descendants are found in /proc and killed with it
/// (ProcessTree_linux.cpp); elsewhere only the process is (ProcessTree_other.cpp). The scanners stay in Gatehouse's
/// process group, so Ctrl-C in a terminal still reaches all of them.
class ProcessTree
{
public:
    /// Kills the process and, where supported, everything it started.
    static void kill(QProcess& process);
};

} // namespace gatehouse
