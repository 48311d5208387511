// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityConfig.h"

#include "ScanHistory.h"

#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

Error yamlError(const YAML::Mark& mark, const QString& what)
{
    if (mark.line >= 0)
        return makeError(
            QStringLiteral("config.invalid"),
            QStringLiteral("config.yml line %1, column %2: %3").arg(mark.line + 1).arg(mark.column + 1).arg(what));
    return makeError(QStringLiteral("config.invalid"), QStringLiteral("config.yml: ") + what);
}

} // namespace

std::optional<int> SecurityConfig::sla(Severity severity) const
{
    const int days = slaDays.value(severity, 0);
    if (severity == Severity::Info || days <= 0)
        return std::nullopt;
    return days;
}

SecurityConfig SecurityConfig::defaults()
{
    SecurityConfig config;
    config.reportGlobs = ScanSourceOptions::defaultGlobs();
    config.notesRef = ScanSourceOptions::defaultNotesRef();
    return config;
}

Result<SecurityConfig> SecurityConfig::parse(const QByteArray& yaml)
{
    SecurityConfig config = defaults();
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            return config;
        if (!root.IsMap())
            return yamlError(root.Mark(), QStringLiteral("the top level must be a mapping"));
        if (const YAML::Node sla = root["sla"]) {
            if (!sla.IsMap())
                return yamlError(sla.Mark(), QStringLiteral("'sla' must map severities to days"));
            for (auto it = sla.begin(); it != sla.end(); ++it) {
                const QString name = QString::fromStdString(it->first.as<std::string>());
                const auto severity = severityFromName(name);
                if (!severity || *severity == Severity::Info)
                    return yamlError(
                        it->first.Mark(),
                        QStringLiteral("unknown severity '%1' in 'sla' (critical, high, medium, low)").arg(name));
                int days = 0;
                try {
                    days = it->second.as<int>();
                } catch (const YAML::Exception&) {
                    return yamlError(it->second.Mark(),
                                     QStringLiteral("the SLA of '%1' must be a number of days").arg(name));
                }
                config.slaDays[*severity] = days;
            }
        }
        if (const YAML::Node reports = root["reports"]) {
            if (!reports.IsSequence())
                return yamlError(reports.Mark(), QStringLiteral("'reports' must be a list of globs"));
            config.reportGlobs.clear();
            for (const YAML::Node& glob : reports) {
                if (!glob.IsScalar())
                    return yamlError(glob.Mark(), QStringLiteral("'reports' entries must be globs"));
                config.reportGlobs << QString::fromStdString(glob.as<std::string>());
            }
        }
        if (const YAML::Node notes = root["notes"]) {
            const YAML::Node ref = notes.IsMap() ? notes["ref"] : notes;
            if (!ref || !ref.IsScalar())
                return yamlError(notes.Mark(), QStringLiteral("'notes' must have a 'ref'"));
            config.notesRef = QString::fromStdString(ref.as<std::string>());
        }
    } catch (const YAML::Exception& e) {
        return yamlError(e.mark, QString::fromStdString(e.msg));
    }
    return config;
}

} // namespace gatehouse
