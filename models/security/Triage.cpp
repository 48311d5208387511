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

} // namespace

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

const TriageEntry* Triage::find(const Finding& finding) const
{
    for (const TriageEntry& e : m_entries) {
        if (e.matches(finding))
            return &e;
    }
    return nullptr;
}

} // namespace gatehouse
