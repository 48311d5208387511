// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the streaming report readers' .cpp files (nlohmann/json stays out of the core's public headers): small
// JSON accessors that never throw (a missing key or a wrong type reads as empty), and the identity helpers the
// readers share.

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>

namespace gatehouse::report {

using json = nlohmann::json;

const json* child(const json& j, const char* key);
QString text(const json& j);
QString textAt(const json& j, const char* key);
QString textAt(const json& j, std::initializer_list<const char*> keys);
const json* childAt(const json& j, std::initializer_list<const char*> keys);
qint64 intAt(const json& j, const char* key, qint64 fallback = 0);
/// A number or a numeric string; nullopt otherwise.
std::optional<double> numberOf(const json* j);
QStringList textList(const json* j);
QString firstLine(const QString& s, int maxLength = 200);
void addId(QStringList& ids, const QString& id);
/// Collects CVE-, GHSA- and CWE- identifiers from free text (rule ids, tags, aliases).
void extractIds(const QString& textValue, QStringList& ids);
QString sha256Hex(const QString& value, int length = 32);
/// Image references without tag or digest ("registry/app:1.2@sha256:…" → "registry/app") so a rebuilt image keeps
/// its findings' fingerprints.
QString imageRepository(const QString& target);
/// "1.2.10" > "1.2.9"; non-numeric suffixes compare as text after the numeric part.
int compareVersions(const QString& a, const QString& b);
/// The smallest fixed version above the installed one (dependency tools list fixes for every release line).
QString pickFixedVersion(const QStringList& fixed, const QString& installed);

} // namespace gatehouse::report
