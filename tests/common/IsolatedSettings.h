// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gatehouse::test {

/// Gives this test process settings and application folders of its own: QStandardPaths' test mode, and an
/// application name with the test's name and the process id. Two tests that write settings (ctest -j, or the same
/// test in two checkouts at once) then never clear or read each other's. Call from initTestCase().
void isolateSettings(const QString& testName);
/// Removes what isolateSettings() gave this process. Call from cleanupTestCase().
void removeIsolatedSettings();

} // namespace gatehouse::test
