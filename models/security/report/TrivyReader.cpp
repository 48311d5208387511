// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// trivy JSON: schema v2 ({"SchemaVersion": 2, "Results": [...]}) and the older top-level list of results.
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

Severity trivySeverity(const QString& s)
{
    return severityFromName(s).value_or(Severity::Info); // UNKNOWN → info
}

class TrivyReader final : public FormatReader
{
    enum
    {
        ArtifactName,
        ArtifactType,
        Target,
        Class,
        Type,
        Vulnerability,
        Misconfiguration,
        Secret
    };

public:
    explicit TrivyReader(bool listForm)
        : m_listForm(listForm)
    { }

    std::vector<PathPattern> patterns() const override
    {
        if (m_listForm)
            return {{Target, {"*", "Target"}},
                    {Class, {"*", "Class"}},
                    {Type, {"*", "Type"}},
                    {Vulnerability, {"*", "Vulnerabilities", "*"}},
                    {Misconfiguration, {"*", "Misconfigurations", "*"}},
                    {Secret, {"*", "Secrets", "*"}}};
        return {{ArtifactName, {"ArtifactName"}},
                {ArtifactType, {"ArtifactType"}},
                {Target, {"Results", "*", "Target"}},
                {Class, {"Results", "*", "Class"}},
                {Type, {"Results", "*", "Type"}},
                {Vulnerability, {"Results", "*", "Vulnerabilities", "*"}},
                {Misconfiguration, {"Results", "*", "Misconfigurations", "*"}},
                {Secret, {"Results", "*", "Secrets", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        if (m_listForm)
            return {{{"*"}, false}};
        return {{{"Results"}, true}, {{"Results", "*"}, false}};
    }
    QString tool() const override { return QStringLiteral("trivy"); }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        const int group = int(indexAt(path, m_listForm ? 0 : 1));
        switch (id) {
        case ArtifactName:
            m_artifactName = text(v);
            return true;
        case ArtifactType:
            m_artifactType = text(v);
            return true;
        case Target:
            m_results[group].target = text(v);
            return true;
        case Class:
            m_results[group].resultClass = text(v);
            return true;
        case Type:
            m_results[group].type = text(v);
            return true;
        case Vulnerability:
            return vulnerability(v, group, out);
        case Misconfiguration:
            return misconfiguration(v, group, out);
        case Secret:
            return secret(v, group, out);
        }
        return true;
    }

    void finish(Collector& out) override
    {
        static const QStringList osTypes{
            QStringLiteral("alpine"), QStringLiteral("debian"),     QStringLiteral("ubuntu"),
            QStringLiteral("redhat"), QStringLiteral("centos"),     QStringLiteral("rocky"),
            QStringLiteral("alma"),   QStringLiteral("amazon"),     QStringLiteral("oracle"),
            QStringLiteral("photon"), QStringLiteral("suse"),       QStringLiteral("opensuse.leap"),
            QStringLiteral("wolfi"),  QStringLiteral("chainguard"), QStringLiteral("cbl-mariner"),
            QStringLiteral("fedora"), QStringLiteral("mariner"),    QStringLiteral("opensuse.tumbleweed")};
        for (PendingFinding& p : out.items()) {
            const ResultInfo& r = m_results[p.group];
            Finding& f = p.finding;
            if (f.category == FindingCategory::Dependency) {
                const bool osPackages = r.resultClass == QLatin1String("os-pkgs")
                    || (r.resultClass.isEmpty() && osTypes.contains(r.type));
                if (osPackages || m_artifactType == QLatin1String("container_image")) {
                    f.category = FindingCategory::Container;
                    // The list form has no ArtifactName; its OS target reads "image:tag (debian 10.13)".
                    f.location.target
                        = m_artifactName.isEmpty() ? r.target.section(QStringLiteral(" ("), 0, 0) : m_artifactName;
                } else {
                    f.location.target = m_artifactName;
                }
                if (!osPackages)
                    f.location.path = r.target;
            } else {
                f.location.path = r.target;
                f.location.target = m_artifactName;
            }
        }
    }

private:
    struct ResultInfo
    {
        QString target;
        QString resultClass;
        QString type;
    };

    bool vulnerability(const json& v, int group, Collector& out)
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Dependency; // container or dependency: decided in finish()
        f.rule = textAt(v, "VulnerabilityID");
        if (f.rule.isEmpty()) {
            out.warn(QStringLiteral("report.entry-skipped"), QStringLiteral("trivy vulnerability without ID"));
            return true;
        }
        f.severity = trivySeverity(textAt(v, "Severity"));
        f.title = firstLine(textAt(v, "Title"));
        if (f.title.isEmpty())
            f.title = f.rule;
        f.description = textAt(v, "Description");
        f.location.package = textAt(v, "PkgName");
        f.location.version = textAt(v, "InstalledVersion");
        f.location.fixedVersion = textAt(v, "FixedVersion");
        extractIds(f.rule, f.ids);
        for (const QString& cwe : textList(child(v, "CweIDs")))
            extractIds(cwe, f.ids);
        return out.add(std::move(f), group) != nullptr;
    }

    bool misconfiguration(const json& v, int group, Collector& out)
    {
        const QString status = textAt(v, "Status");
        if (!status.isEmpty() && status != QLatin1String("FAIL"))
            return true;
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Iac;
        f.rule = textAt(v, "ID");
        if (f.rule.isEmpty())
            f.rule = textAt(v, "AVDID");
        f.severity = trivySeverity(textAt(v, "Severity"));
        f.title = firstLine(textAt(v, "Title"));
        f.description = textAt(v, "Message");
        if (const json* cause = child(v, "CauseMetadata"))
            f.location.line = int(intAt(*cause, "StartLine"));
        PendingFinding* p = out.add(std::move(f), group);
        if (!p)
            return false;
        p->discriminator = textAt(v, {"CauseMetadata", "Resource"});
        return true;
    }

    bool secret(const json& v, int group, Collector& out)
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Secret;
        f.rule = textAt(v, "RuleID");
        f.severity = trivySeverity(textAt(v, "Severity"));
        f.title = firstLine(textAt(v, "Title"));
        f.location.line = int(intAt(v, "StartLine"));
        PendingFinding* p = out.add(std::move(f), group);
        if (!p)
            return false;
        // trivy masks the secret in Match, so the masked line identifies it without exposing it.
        p->discriminator = textAt(v, "Match").simplified();
        return true;
    }

    bool m_listForm;
    QString m_artifactName;
    QString m_artifactType;
    std::map<int, ResultInfo> m_results;
};

} // namespace

std::unique_ptr<FormatReader> makeTrivyReader(bool listForm)
{
    return std::make_unique<TrivyReader>(listForm);
}

} // namespace gatehouse::report
