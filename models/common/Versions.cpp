// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Versions.h"

#ifndef GATEHOUSE_YAML_CPP_VERSION
#error "GATEHOUSE_YAML_CPP_VERSION must be defined by CMake from yaml-cpp_VERSION"
#endif

namespace gatehouse {

QString yamlCppVersion()
{
    return QStringLiteral(GATEHOUSE_YAML_CPP_VERSION);
}

} // namespace gatehouse
