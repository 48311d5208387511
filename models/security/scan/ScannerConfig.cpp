// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScannerConfig.h"

#include <QProcess>

#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

QStringList argv(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words)
        list.append(QString::fromLatin1(word));
    return list;
}

Error configError(const YAML::Node& node, const QString& message)
{
    const YAML::Mark mark = node.Mark();
    return makeError(
        QStringLiteral("config.invalid"),
        QStringLiteral(".gatehouse/config.yml:%1:%2: %3").arg(mark.line + 1).arg(mark.column + 1).arg(message));
}

std::optional<QStringList> stringList(const YAML::Node& node)
{
    if (node.IsScalar())
        return QStringList{QString::fromStdString(node.Scalar())};
    if (!node.IsSequence())
        return std::nullopt;
    QStringList list;
    for (const YAML::Node& item : node) {
        if (!item.IsScalar())
            return std::nullopt;
        list.append(QString::fromStdString(item.Scalar()));
    }
    return list;
}

std::optional<int> positive(const YAML::Node& node)
{
    if (!node.IsScalar())
        return std::nullopt;
    bool ok = false;
    const int value = QString::fromStdString(node.Scalar()).toInt(&ok);
    return ok && value > 0 ? std::optional<int>(value) : std::nullopt;
}

Status applyTool(const YAML::Node& node, ScannerSpec& spec)
{
    if (!node.IsMap())
        return configError(node, QStringLiteral("scanner '%1' must be a mapping").arg(spec.name));
    for (const auto& entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node value = entry.second;
        if (key == "command") {
            if (value.IsScalar()) {
                spec.command = QProcess::splitCommand(QString::fromStdString(value.Scalar()));
            } else if (auto list = stringList(value)) {
                spec.command = *list;
            } else {
                return configError(value, QStringLiteral("command must be a string or a list of strings"));
            }
            if (spec.command.isEmpty())
                return configError(value, QStringLiteral("command is empty"));
        } else if (key == "timeout") {
            const auto seconds = positive(value);
            if (!seconds)
                return configError(value, QStringLiteral("timeout must be a positive number of seconds"));
            spec.timeoutSeconds = *seconds;
        } else if (key == "category") {
            const auto category
                = categoryFromName(value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString());
            if (!category)
                return configError(value,
                                   QStringLiteral("unknown category (sast, dependency, container, secret, "
                                                  "dast, iac)"));
            spec.category = *category;
        } else if (key == "exit-codes") {
            const auto list = stringList(value);
            QList<int> codes;
            bool ok = bool(list);
            for (const QString& text : list.value_or(QStringList())) {
                bool isNumber = false;
                codes.append(text.toInt(&isNumber));
                ok = ok && isNumber;
            }
            if (!ok)
                return configError(value, QStringLiteral("exit-codes must be a list of numbers"));
            spec.okExitCodes = codes;
        } else if (key == "requires") {
            const auto list = stringList(value);
            if (!list)
                return configError(value, QStringLiteral("requires must be a file name or a list of them"));
            spec.requiresAnyOf = *list;
        } else if (key == "enabled") {
            const QString text = value.IsScalar() ? QString::fromStdString(value.Scalar()).toLower() : QString();
            if (text != QLatin1String("true") && text != QLatin1String("false"))
                return configError(value, QStringLiteral("enabled must be true or false"));
            spec.enabled = text == QLatin1String("true");
        } else {
            return configError(entry.first,
                               QStringLiteral("unknown scanner key '%1' (command, timeout, category, "
                                              "exit-codes, requires, enabled)")
                                   .arg(QString::fromStdString(key)));
        }
    }
    return Success{};
}

} // namespace

bool ScannerSpec::writesReportFile() const
{
    for (const QString& word : command) {
        if (word.contains(QLatin1String("{report}")))
            return true;
    }
    return false;
}

QList<ScannerSpec> ScannerConfig::builtinTools()
{
    // Each reads the work tree (the current directory) and writes JSON a report reader knows. None of them runs code
    // of the repository: pip-audit gets a requirements file (auditing the project itself would build it) and npm
    // audit only reads the lock file.
    auto spec = [](const char* name, QStringList command, FindingCategory category, QStringList needs = {}) {
        ScannerSpec s;
        s.name = QString::fromLatin1(name);
        s.command = std::move(command);
        s.category = category;
        s.requiresAnyOf = std::move(needs);
        return s;
    };
    QList<ScannerSpec> tools{
        spec("semgrep", argv({"semgrep", "scan", "--config", "auto", "--json", "--quiet", "."}), FindingCategory::Sast),
        spec("trivy", argv({"trivy", "fs", "--format", "json", "--quiet", "--scanners", "vuln,misconfig", "."}),
             FindingCategory::Dependency),
        spec("gitleaks",
             argv({"gitleaks", "detect", "--source", ".", "--no-banner", "--report-format", "json", "--report-path",
                   "{report}", "--exit-code", "1"}),
             FindingCategory::Secret),
        spec("grype", argv({"grype", "dir:.", "--output", "json", "--quiet"}), FindingCategory::Dependency),
        spec("pip-audit",
             argv({"pip-audit", "--format", "json", "--progress-spinner", "off", "--requirement", "requirements.txt"}),
             FindingCategory::Dependency, {QStringLiteral("requirements.txt")}),
        spec("bandit", argv({"bandit", "--recursive", ".", "--format", "json", "--quiet"}), FindingCategory::Sast),
        spec("npm-audit", argv({"npm", "audit", "--json"}), FindingCategory::Dependency,
             {QStringLiteral("package-lock.json"), QStringLiteral("npm-shrinkwrap.json")}),
        spec("osv-scanner", argv({"osv-scanner", "--format", "json", "--recursive", "."}), FindingCategory::Dependency),
    };
    tools[1].okExitCodes = {0}; // trivy only fails with --exit-code, which is not given
    // sonar-scanner uploads the analysis; waiting for the quality gate makes the server's issues current before they
    // are fetched (it exits 1 when the gate fails, which is a result, not a failed run).
    ScannerSpec sonar = spec("sonarqube", argv({"sonar-scanner", "-Dsonar.qualitygate.wait=true"}),
                             FindingCategory::Sast, {QStringLiteral("sonar-project.properties")});
    sonar.reportCommand = argv({"curl", "--silent", "--show-error", "--fail", "--netrc-optional",
                                "{sonar.host.url}/api/issues/search?componentKeys={sonar.projectKey}&ps=500"});
    sonar.timeoutSeconds = 1200;
    tools << sonar;
    return tools;
}

ScannerConfig ScannerConfig::defaults()
{
    ScannerConfig config;
    config.tools = builtinTools();
    return config;
}

const ScannerSpec* ScannerConfig::find(const QString& name) const
{
    for (const ScannerSpec& spec : tools) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

Result<ScannerConfig> ScannerConfig::parse(const QByteArray& configYaml)
{
    ScannerConfig config = defaults();
    if (configYaml.trimmed().isEmpty())
        return config;
    try {
        const YAML::Node root = YAML::Load(configYaml.toStdString());
        if (!root.IsMap())
            return config; // not our business: other sections validate the file's shape
        const YAML::Node scanners = root["scanners"];
        if (!scanners || scanners.IsNull())
            return config;
        if (!scanners.IsMap())
            return configError(scanners, QStringLiteral("scanners must be a mapping"));
        std::optional<int> defaultTimeout;
        for (const auto& entry : scanners) {
            const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
            const YAML::Node value = entry.second;
            if (key == "blocking") {
                const auto severity
                    = severityFromName(value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString());
                if (!severity)
                    return configError(value,
                                       QStringLiteral("blocking must be a severity (critical, high, medium, "
                                                      "low, info)"));
                config.blocking = *severity;
            } else if (key == "timeout") {
                defaultTimeout = positive(value);
                if (!defaultTimeout)
                    return configError(value, QStringLiteral("timeout must be a positive number of seconds"));
            } else if (key == "tools") {
                if (!value.IsMap())
                    return configError(value, QStringLiteral("scanners.tools must be a mapping of tool names"));
            } else {
                return configError(entry.first,
                                   QStringLiteral("unknown key scanners.%1 (blocking, timeout, tools)")
                                       .arg(QString::fromStdString(key)));
            }
        }
        if (defaultTimeout) {
            for (ScannerSpec& spec : config.tools)
                spec.timeoutSeconds = *defaultTimeout;
        }
        const YAML::Node tools = scanners["tools"];
        if (tools && tools.IsMap()) {
            for (const auto& entry : tools) {
                const QString name = entry.first.IsScalar() ? QString::fromStdString(entry.first.Scalar()) : QString();
                if (name.isEmpty() || name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('/')))
                    return configError(entry.first, QStringLiteral("a scanner name must be a plain word"));
                ScannerSpec* spec = nullptr;
                for (ScannerSpec& existing : config.tools) {
                    if (existing.name == name)
                        spec = &existing;
                }
                if (!spec) {
                    ScannerSpec added;
                    added.name = name;
                    if (defaultTimeout)
                        added.timeoutSeconds = *defaultTimeout;
                    config.tools.append(added);
                    spec = &config.tools.last();
                }
                if (auto status = applyTool(entry.second, *spec); !status)
                    return status.error();
                if (spec->command.isEmpty())
                    return configError(entry.second, QStringLiteral("scanner '%1' needs a command").arg(name));
            }
        }
    } catch (const YAML::Exception& error) {
        return makeError(QStringLiteral("config.invalid"),
                         QStringLiteral(".gatehouse/config.yml:%1:%2: %3")
                             .arg(error.mark.line + 1)
                             .arg(error.mark.column + 1)
                             .arg(QString::fromStdString(error.msg)));
    }
    return config;
}

} // namespace gatehouse
