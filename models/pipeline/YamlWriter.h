// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "YamlNode.h"

#include <QByteArray>
#include <QJsonValue>

namespace gatehouse::pipeline {

/// Block-style YAML text of a tree (strings that would read back as another type are quoted). Never throws.
QByteArray writeYaml(const YamlNode& node);
/// The same tree as JSON (scalars typed as a YAML loader would type them).
QJsonValue toJson(const YamlNode& node);
/// A JSON value as a YamlNode (for writing JSON documents as YAML).
YamlNode fromJson(const QJsonValue& value);

} // namespace gatehouse::pipeline
