// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gatehouse {

/// The yaml-cpp version Gatehouse was built against (yaml-cpp has no version macro: CMake passes its package
/// version). Any thread.
QString yamlCppVersion();

} // namespace gatehouse
