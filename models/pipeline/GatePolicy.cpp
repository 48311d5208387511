// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GatePolicy.h"

#include "YamlReader.h"

namespace gatehouse::pipeline {

const QList<GateInfo>& gateCatalog()
{
    const QString validation = QStringLiteral("IV. Validation gates");
    const QString zeroTrust = QStringLiteral("VII. Zero trust");
    const QString compliance = QStringLiteral("VIII. Compliance");
    static const QList<GateInfo> catalog = {
        {QStringLiteral("security-scanning"), QStringLiteral("Security scanning present"),
         QStringLiteral("SAST, dependency, container and secret scans catch vulnerabilities before they ship."),
         validation, Severity::Warning},
        {QStringLiteral("security-blocking"), QStringLiteral("Security jobs block the pipeline"),
         QStringLiteral("A scan allowed to fail is a scan nobody acts on."), validation, Severity::Error},
        {QStringLiteral("deploy-after-validation"), QStringLiteral("Deploys come after validation"),
         QStringLiteral("Deploying before tests and scans finish ships unvalidated code."), validation,
         Severity::Warning},
        {QStringLiteral("production-approval"), QStringLiteral("Production needs approval, after staging"),
         QStringLiteral("A human or a protected environment stands between a commit and production."), compliance,
         Severity::Warning},
        {QStringLiteral("no-plaintext-secrets"), QStringLiteral("No plaintext secrets"),
         QStringLiteral("Secrets in the repository are readable by everyone with read access, forever."), zeroTrust,
         Severity::Error},
        {QStringLiteral("pinned-images"), QStringLiteral("Images pinned"),
         QStringLiteral("A moving tag changes what runs without a commit; a digest cannot."), zeroTrust,
         Severity::Warning},
        {QStringLiteral("pinned-actions"), QStringLiteral("Third-party actions pinned to a commit"),
         QStringLiteral("Tags and branches of third-party actions can be moved to malicious code."), zeroTrust,
         Severity::Warning},
        {QStringLiteral("job-timeouts"), QStringLiteral("Timeouts on long jobs"),
         QStringLiteral("A hung job without a timeout holds a runner for hours."), compliance, Severity::Info},
        {QStringLiteral("restricted-permissions"), QStringLiteral("Token permissions restricted"),
         QStringLiteral("A workflow token with default or write-all permissions widens any compromise."), zeroTrust,
         Severity::Warning},
        {QStringLiteral("untrusted-checkout"), QStringLiteral("No pull_request_target checkout of the PR head"),
         QStringLiteral("Running a pull request's code with the base repository's secrets hands them to anyone."),
         zeroTrust, Severity::Error},
        {QStringLiteral("progressive-delivery"), QStringLiteral("Production rolls out progressively"),
         QStringLiteral("A canary or blue-green rollout that rolls back by itself on a bad metric limits a bad release "
                        "to a few users for a few minutes."),
         validation, Severity::Warning},
        {QStringLiteral("script-injection"), QStringLiteral("No untrusted input in scripts"),
         QStringLiteral("${{ github.event.* }} text pasted into run: lets an attacker run commands."), zeroTrust,
         Severity::Error},
    };
    return catalog;
}

const GateInfo* findGate(const QString& id)
{
    for (const GateInfo& gate : gateCatalog()) {
        if (gate.id == id)
            return &gate;
    }
    return nullptr;
}

GatePolicy GatePolicy::defaults()
{
    GatePolicy policy;
    for (const GateInfo& gate : gateCatalog())
        policy.m_settings.insert(gate.id, Setting{true, gate.defaultSeverity, {}});
    Setting& scanning = policy.m_settings[QStringLiteral("security-scanning")];
    scanning.parameters.insert(QStringLiteral("required"),
                               QStringList{QStringLiteral("sast"), QStringLiteral("dependency"),
                                           QStringLiteral("container"), QStringLiteral("secrets")});
    policy.m_settings[QStringLiteral("progressive-delivery")].parameters.insert(
        QStringLiteral("environments"), QStringList{QStringLiteral("production")});
    policy.m_settings[QStringLiteral("job-timeouts")].parameters.insert(QStringLiteral("max-minutes"), 60);
    policy.m_settings[QStringLiteral("production-approval")].parameters.insert(
        QStringLiteral("environments"), QStringList{QStringLiteral("production"), QStringLiteral("prod")});
    return policy;
}

QVariant GatePolicy::parameter(const QString& gate, const QString& name, const QVariant& fallback) const
{
    return m_settings.value(gate).parameters.value(name, fallback);
}

static QVariant toVariant(const YamlNode& node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return {};
    case YamlNode::Kind::Scalar:
        if (node.isBool())
            return node.toBool();
        if (node.isInteger())
            return node.toInteger();
        return node.value;
    case YamlNode::Kind::Sequence: {
        QStringList list;
        for (const YamlNode& item : node.items)
            list.append(item.value);
        return list;
    }
    case YamlNode::Kind::Map: {
        QVariantMap map;
        for (size_t i = 0; i < node.keys.size(); ++i)
            map.insert(node.keys[i].value, toVariant(node.items[i]));
        return map;
    }
    }
    return {};
}

GatePolicy GatePolicy::parse(const QByteArray& text, const QString& path, QList<Diagnostic>* diagnostics)
{
    GatePolicy policy = defaults();
    QList<Diagnostic> local;
    QList<Diagnostic>& out = diagnostics ? *diagnostics : local;
    YamlDocumentSet set = readYaml(text, path);
    out.append(set.diagnostics);
    if (!set.ok || set.documents.empty())
        return policy;
    const YamlNode& root = set.documents.front();
    auto problem = [&](const YamlNode& at, const QString& message) {
        out.append(Diagnostic{path, at.line, at.column, Severity::Error, Category::Schema,
                              QStringLiteral("policy.invalid"), message});
    };
    const YamlNode* gates = root.get(u"gates");
    if (!root.isMap() || !gates || !gates->isMap()) {
        problem(root, QStringLiteral("expected a mapping with a 'gates:' mapping of gate ids"));
        return policy;
    }
    QStringList ids;
    for (const GateInfo& gate : gateCatalog())
        ids.append(gate.id);
    for (size_t i = 0; i < gates->keys.size(); ++i) {
        const YamlNode& key = gates->keys[i];
        const YamlNode& value = gates->items[i];
        if (!findGate(key.value)) {
            // Other Gatehouse checks may keep their settings in the same file: a warning, not an error.
            out.append(Diagnostic{path, key.line, key.column, Severity::Warning, Category::Schema,
                                  QStringLiteral("policy.unknown-gate"),
                                  QStringLiteral("'%1' is not a pipeline gate%2; pipeline gates: %3")
                                      .arg(key.value, didYouMean(key.value, ids), ids.join(QStringLiteral(", ")))});
            continue;
        }
        Setting& setting = policy.m_settings[key.value];
        if (value.isBool()) {
            setting.enabled = value.toBool();
            continue;
        }
        if (!value.isMap()) {
            problem(value,
                    QStringLiteral("gate '%1' must be a mapping (enabled, severity, parameters) or a boolean")
                        .arg(key.value));
            continue;
        }
        for (size_t k = 0; k < value.keys.size(); ++k) {
            const QString& name = value.keys[k].value;
            const YamlNode& v = value.items[k];
            if (name == u"enabled") {
                if (!v.isBool())
                    problem(v, QStringLiteral("enabled must be true or false"));
                setting.enabled = v.toBool(true);
            } else if (name == u"severity") {
                if (v.value == u"error")
                    setting.severity = Severity::Error;
                else if (v.value == u"warning")
                    setting.severity = Severity::Warning;
                else if (v.value == u"info")
                    setting.severity = Severity::Info;
                else
                    problem(v, QStringLiteral("severity must be error, warning or info, found '%1'").arg(v.value));
            } else if (name == u"parameters") {
                const QVariantMap parameters = toVariant(v).toMap();
                for (auto it = parameters.begin(); it != parameters.end(); ++it)
                    setting.parameters.insert(it.key(), it.value());
            } else {
                problem(value.keys[k],
                        QStringLiteral("unknown key '%1' in gate '%2'%3; expected enabled, severity or "
                                       "parameters")
                            .arg(name, key.value,
                                 didYouMean(name,
                                            {QStringLiteral("enabled"), QStringLiteral("severity"),
                                             QStringLiteral("parameters")})));
            }
        }
    }
    return policy;
}

} // namespace gatehouse::pipeline
