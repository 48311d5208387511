// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Triage.h"

#include "ScanHistory.h"

#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

Error yamlError(const YAML::Mark& mark, const QString& what)
{
    if (mark.line >= 0)
        return makeError(
            QStringLiteral("triage.invalid"),
            QStringLiteral("triage.yml line %1, column %2: %3").arg(mark.line + 1).arg(mark.column + 1).arg(what));
    return makeError(QStringLiteral("triage.invalid"), QStringLiteral("triage.yml: ") + what);
}

QString scalar(const YAML::Node& map, const char* key)
{
    const YAML::Node node = map[key];
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.as<std::string>()).trimmed();
}

QByteArray yamlScalar(const QString& value)
{
    static const QString plain = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/@+-");
    bool simple = !value.isEmpty() && value.front().isLetterOrNumber();
    for (QChar c : value)
        simple = simple && plain.contains(c);
    // Words YAML would read as booleans or null stay quoted.
    static const QStringList special{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("yes"),
                                     QStringLiteral("no"),   QStringLiteral("on"),    QStringLiteral("off"),
                                     QStringLiteral("null"), QStringLiteral("y"),     QStringLiteral("n")};
    if (simple && !special.contains(value.toLower()))
        return value.toUtf8();
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\x%1").arg(int(c.unicode()), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return (out + QLatin1Char('"')).toUtf8();
}

QByteArray rewrite(const QList<TriageEntry>& entries)
{
    QByteArray text = "# Triage decisions for Gatehouse (docs/security.md \"Lifecycle, SLA and triage\").\nfindings:\n";
    for (const TriageEntry& e : entries)
        text += e.toYaml(2);
    return text;
}

} // namespace

QByteArray TriageEntry::toYaml(int indent, const QString& comment) const
{
    const QByteArray pad(indent, ' ');
    QByteArray text;
    if (!comment.isEmpty())
        text += pad + "# " + comment.simplified().toUtf8() + '\n';
    bool first = true;
    const auto line = [&](const char* key, const QByteArray& value) {
        text += pad + (first ? "- " : "  ") + key + ": " + value + '\n';
        first = false;
    };
    const auto field = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            line(key, yamlScalar(value));
    };
    field("tool", tool);
    field("fingerprint", fingerprint);
    field("rule", rule);
    field("path", path);
    field("package", package);
    line("status", status == TriageStatus::FalsePositive ? "false_positive" : "accepted_risk");
    field("reason", reason);
    field("by", by);
    if (date.isValid())
        line("date", date.toString(Qt::ISODate).toLatin1());
    if (expires.isValid())
        line("expires", expires.toString(Qt::ISODate).toLatin1());
    return text;
}

bool TriageEntry::matches(const Finding& f) const
{
    if (!fingerprint.isEmpty() && fingerprint != f.fingerprint)
        return false;
    if (!tool.isEmpty() && tool != f.tool)
        return false;
    if (!rule.isEmpty() && rule != f.rule)
        return false;
    if (!package.isEmpty() && package != f.location.package)
        return false;
    if (!path.isEmpty() && path != f.location.path
        && !(path.contains(QLatin1Char('*')) && ScanHistoryReader::matchesGlob(path, f.location.path)))
        return false;
    return !fingerprint.isEmpty() || !rule.isEmpty();
}

bool TriageEntry::activeAt(const QDateTime& time) const
{
    if (status == TriageStatus::FalsePositive || !expires.isValid())
        return true;
    // An acceptance holds through its expiry day (UTC).
    return time.toUTC() < expires.addDays(1).startOfDay(Qt::UTC);
}

Result<Triage> Triage::parse(const QByteArray& yaml)
{
    QList<TriageEntry> entries;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            return Triage();
        YAML::Node list = root;
        if (root.IsMap()) {
            list = root["findings"];
            if (!list || list.IsNull())
                return Triage();
        }
        if (!list.IsSequence())
            return yamlError(list.Mark(), QStringLiteral("'findings' must be a list of decisions"));
        for (const YAML::Node& node : list) {
            if (!node.IsMap())
                return yamlError(node.Mark(), QStringLiteral("a decision must be a mapping"));
            TriageEntry e;
            e.line = node.Mark().line + 1;
            e.fingerprint = scalar(node, "fingerprint");
            e.tool = scalar(node, "tool");
            e.rule = scalar(node, "rule");
            e.path = scalar(node, "path");
            e.package = scalar(node, "package");
            e.reason = scalar(node, "reason");
            e.by = scalar(node, "by");
            const QString status = scalar(node, "status").toLower();
            if (status == QLatin1String("false_positive") || status == QLatin1String("false-positive"))
                e.status = TriageStatus::FalsePositive;
            else if (status == QLatin1String("accepted_risk") || status == QLatin1String("accepted")
                     || status == QLatin1String("accepted-risk"))
                e.status = TriageStatus::AcceptedRisk;
            else
                return yamlError(
                    node.Mark(),
                    QStringLiteral("status must be false_positive or accepted_risk, not '%1'").arg(status));
            if (e.fingerprint.isEmpty() && e.rule.isEmpty())
                return yamlError(node.Mark(), QStringLiteral("a decision needs a fingerprint or a rule"));
            for (const char* key : {"date", "expires"}) {
                const QString text = scalar(node, key);
                if (text.isEmpty())
                    continue;
                const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
                if (!date.isValid())
                    return yamlError(
                        node[key].Mark(),
                        QStringLiteral("'%1' must be a date (YYYY-MM-DD), not '%2'").arg(QLatin1String(key), text));
                (qstrcmp(key, "date") == 0 ? e.date : e.expires) = date;
            }
            entries << e;
        }
    } catch (const YAML::Exception& e) {
        return yamlError(e.mark, QString::fromStdString(e.msg));
    }
    return Triage(std::move(entries));
}

QList<TriageEntry> Triage::matching(const Finding& finding) const
{
    QList<TriageEntry> list;
    for (const TriageEntry& e : m_entries) {
        if (e.matches(finding))
            list << e;
    }
    return list;
}

Result<QByteArray> Triage::append(const QByteArray& existing, const TriageEntry& entry, const QString& comment)
{
    auto parsed = parse(existing);
    if (!parsed)
        return parsed.error();
    QList<TriageEntry> entries = parsed->entries();
    entries << entry;
    if (existing.trimmed().isEmpty())
        return rewrite(entries);

    // Append as text when the decisions are a block list that ends the file: comments and order survive review.
    QByteArray text;
    try {
        const YAML::Node root = YAML::Load(existing.toStdString());
        // Copy-constructed, never assigned: assigning a yaml-cpp node rebinds the node it refers to.
        const YAML::Node list = root.IsMap() ? root["findings"] : root;
        bool last = true;
        if (root.IsMap()) {
            for (auto it = root.begin(); it != root.end(); ++it) {
                if (it->second.Mark().pos > list.Mark().pos || it->first.Mark().pos > list.Mark().pos)
                    last = false;
            }
        }
        int indent = -1;
        if (list.IsSequence() && list.size() > 0 && list.Style() == YAML::EmitterStyle::Block)
            indent = std::max(0, list[0].Mark().column - 2);
        else if (list.IsNull() && root.IsMap())
            indent = 2;
        if (last && indent >= 0) {
            text = existing;
            if (!text.endsWith('\n'))
                text += '\n';
            text += entry.toYaml(indent, comment);
        }
    } catch (const YAML::Exception&) {
        text.clear();
    }
    // Whatever the layout, the result must read back as the old decisions plus the new one.
    if (!text.isEmpty()) {
        auto check = parse(text);
        if (check && check->entries().size() == entries.size())
            return text;
    }
    return rewrite(entries);
}

const TriageEntry* Triage::find(const Finding& finding) const
{
    for (const TriageEntry& e : m_entries) {
        if (e.matches(finding))
            return &e;
    }
    return nullptr;
}

} // namespace gatehouse
