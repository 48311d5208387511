// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// npm audit JSON: auditReportVersion 2 (npm 7+, "vulnerabilities" by package) and 1 (npm 6, "advisories").
#include "FormatReader.h"

#include <QRegularExpression>

namespace gatehouse::report {

namespace {

class NpmAuditReader final : public FormatReader
{
    enum
    {
        Package,
        Advisory
    };

public:
    std::vector<PathPattern> patterns() const override
    {
        return {{Package, {"vulnerabilities", "*"}}, {Advisory, {"advisories", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        return {{{"vulnerabilities"}, false}, {{"advisories"}, false}};
    }
    QString tool() const override { return QStringLiteral("npm-audit"); }

    static QString ruleFromUrl(const QString& url, const QString& fallback)
    {
        QStringList ids;
        extractIds(url, ids);
        for (const QString& id : std::as_const(ids)) {
            if (id.startsWith(QLatin1String("GHSA")))
                return id;
        }
        return fallback;
    }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        if (!v.is_object())
            return true;
        if (id == Advisory) {
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = textAt(v, "github_advisory_id");
            if (f.rule.isEmpty())
                f.rule = ruleFromUrl(textAt(v, "url"), textAt(v, "id"));
            f.title = firstLine(textAt(v, "title"));
            f.description = textAt(v, "overview");
            f.severity = severityFromName(textAt(v, "severity")).value_or(Severity::Medium);
            f.location.package = textAt(v, "module_name");
            if (const json* findings = child(v, "findings"); findings && findings->is_array() && !findings->empty())
                f.location.version = textAt(findings->front(), "version");
            static const QRegularExpression simpleRange(QStringLiteral("^>=\\s*([0-9][^ <>=|]*)$"));
            f.location.fixedVersion = simpleRange.match(textAt(v, "patched_versions").trimmed()).captured(1);
            extractIds(f.rule, f.ids);
            for (const QString& cve : textList(child(v, "cves")))
                extractIds(cve, f.ids);
            for (const QString& cwe : textList(child(v, "cwe")))
                extractIds(cwe, f.ids);
            PendingFinding* p = out.add(std::move(f));
            if (p)
                p->pathInIdentity = false;
            return p != nullptr;
        }
        // v2: one entry per vulnerable package; advisories are the objects in `via` (strings there only name the
        // dependency through which the package is affected, reported on that dependency itself).
        const QString name = textAt(v, "name").isEmpty() ? QString::fromStdString(path.back().key) : textAt(v, "name");
        const json* via = child(v, "via");
        if (!via || !via->is_array())
            return true;
        QString fixed;
        if (const json* fix = child(v, "fixAvailable"); fix && fix->is_object() && textAt(*fix, "name") == name)
            fixed = textAt(*fix, "version");
        QString node;
        if (const json* nodes = child(v, "nodes"); nodes && nodes->is_array() && !nodes->empty())
            node = text(nodes->front());
        for (const json& advisory : *via) {
            if (!advisory.is_object())
                continue;
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = ruleFromUrl(textAt(advisory, "url"), textAt(advisory, "source"));
            f.title = firstLine(textAt(advisory, "title"));
            f.severity = severityFromName(textAt(advisory, "severity")).value_or(Severity::Medium);
            f.location.package = name;
            f.location.path = node;
            f.location.fixedVersion = fixed;
            extractIds(f.rule, f.ids);
            for (const QString& cwe : textList(child(advisory, "cwe")))
                extractIds(cwe, f.ids);
            PendingFinding* p = out.add(std::move(f));
            if (!p)
                return false;
            p->pathInIdentity = false;
        }
        return true;
    }
};

} // namespace

std::unique_ptr<FormatReader> makeNpmAuditReader()
{
    return std::make_unique<NpmAuditReader>();
}

} // namespace gatehouse::report
