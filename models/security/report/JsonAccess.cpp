// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonAccess.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QVersionNumber>

#include <algorithm>
#include <limits>

namespace gatehouse::report {

const json* child(const json& j, const char* key)
{
    if (!j.is_object())
        return nullptr;
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

QString text(const json& j)
{
    if (j.is_string())
        return QString::fromStdString(j.get_ref<const std::string&>());
    if (j.is_number_integer())
        return QString::number(j.get<qint64>());
    if (j.is_number_unsigned())
        return QString::number(j.get<quint64>());
    if (j.is_number_float())
        return QString::number(j.get<double>());
    if (j.is_boolean())
        return j.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString textAt(const json& j, const char* key)
{
    const json* c = child(j, key);
    return c ? text(*c) : QString();
}

QString textAt(const json& j, std::initializer_list<const char*> keys)
{
    const json* c = &j;
    for (const char* key : keys) {
        c = child(*c, key);
        if (!c)
            return {};
    }
    return text(*c);
}

const json* childAt(const json& j, std::initializer_list<const char*> keys)
{
    const json* c = &j;
    for (const char* key : keys) {
        c = child(*c, key);
        if (!c)
            return nullptr;
    }
    return c;
}

qint64 intAt(const json& j, const char* key, qint64 fallback)
{
    const json* c = child(j, key);
    if (!c)
        return fallback;
    if (c->is_number_integer())
        return c->get<qint64>();
    if (c->is_number_unsigned()) {
        const quint64 v = c->get<quint64>();
        return v <= quint64(std::numeric_limits<qint64>::max()) ? qint64(v) : fallback;
    }
    if (c->is_number_float()) {
        // Converting a double outside qint64's range (or NaN) is undefined behaviour: such a value is no count.
        const double v = c->get<double>();
        return v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? qint64(v) : fallback;
    }
    if (c->is_string()) {
        bool ok = false;
        const qint64 v = text(*c).toLongLong(&ok);
        return ok ? v : fallback;
    }
    return fallback;
}

/// A number or a numeric string; nullopt otherwise.
std::optional<double> numberOf(const json* j)
{
    if (!j)
        return std::nullopt;
    if (j->is_number())
        return j->get<double>();
    if (j->is_string()) {
        bool ok = false;
        const double v = text(*j).toDouble(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

QStringList textList(const json* j)
{
    QStringList out;
    if (!j)
        return out;
    if (j->is_array()) {
        for (const json& e : *j) {
            const QString t = text(e);
            if (!t.isEmpty())
                out << t;
        }
    } else {
        const QString t = text(*j);
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QString firstLine(const QString& s, int maxLength)
{
    QString line = s.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    return line;
}

void addId(QStringList& ids, const QString& id)
{
    if (!id.isEmpty() && !ids.contains(id))
        ids << id;
}

/// Collects CVE-, GHSA- and CWE- identifiers from free text (rule ids, tags, aliases).
void extractIds(const QString& textValue, QStringList& ids)
{
    static const QRegularExpression cve(QStringLiteral("\\bCVE-(\\d{4})-(\\d{4,})\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ghsa(QStringLiteral("\\bGHSA(-[0-9a-z]{4}){3}\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cwe(QStringLiteral("\\bcwe[-_/ :]?0*(\\d+)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (auto it = cve.globalMatch(textValue); it.hasNext();) {
        const auto m = it.next();
        addId(ids, QStringLiteral("CVE-%1-%2").arg(m.captured(1), m.captured(2)));
    }
    for (auto it = ghsa.globalMatch(textValue); it.hasNext();) {
        const QString id = it.next().captured(0);
        addId(ids, QStringLiteral("GHSA") + id.mid(4).toLower());
    }
    for (auto it = cwe.globalMatch(textValue); it.hasNext();)
        addId(ids, QStringLiteral("CWE-") + it.next().captured(1));
}

QString sha256Hex(const QString& value, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

/// Image references without tag or digest ("registry/app:1.2@sha256:…" → "registry/app") so a rebuilt image keeps
/// its findings' fingerprints.
QString imageRepository(const QString& target)
{
    QString t = target.section(QLatin1Char(' '), 0, 0);
    const int at = t.indexOf(QLatin1Char('@'));
    if (at >= 0)
        t = t.left(at);
    const int slash = t.lastIndexOf(QLatin1Char('/'));
    const int colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        t = t.left(colon);
    return t;
}

/// "1.2.10" > "1.2.9"; non-numeric suffixes compare as text after the numeric part.
int compareVersions(const QString& a, const QString& b)
{
    qsizetype ia = 0;
    qsizetype ib = 0;
    const QVersionNumber va = QVersionNumber::fromString(a, &ia);
    const QVersionNumber vb = QVersionNumber::fromString(b, &ib);
    if (const int c = QVersionNumber::compare(va, vb); c != 0)
        return c;
    return QString::compare(a.mid(ia), b.mid(ib));
}

/// The smallest fixed version above the installed one (dependency tools list fixes for every release line).
QString pickFixedVersion(const QStringList& fixed, const QString& installed)
{
    QStringList candidates;
    for (const QString& f : fixed) {
        if (!f.trimmed().isEmpty())
            candidates << f.trimmed();
    }
    if (candidates.isEmpty())
        return {};
    std::sort(candidates.begin(), candidates.end(),
              [](const QString& a, const QString& b) { return compareVersions(a, b) < 0; });
    if (!installed.isEmpty()) {
        for (const QString& c : candidates) {
            if (compareVersions(c, installed) > 0)
                return c;
        }
    }
    return candidates.first();
}

} // namespace gatehouse::report
