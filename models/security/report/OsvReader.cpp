// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// osv-scanner JSON ({"results": [{"source": {"path"}, "packages": [{"package", "vulnerabilities", "groups"}]}]}).
#include "FormatReader.h"

#include <QHash>

namespace gatehouse::report {

namespace {

class OsvReader final : public FormatReader
{
    enum
    {
        SourcePath,
        Package
    };

public:
    std::vector<PathPattern> patterns() const override
    {
        return {{SourcePath, {"results", "*", "source"}}, {Package, {"results", "*", "packages", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        return {{{"results"}, true}, {{"results", "*", "packages"}, true}};
    }
    QString tool() const override { return QStringLiteral("osv-scanner"); }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        const int result = int(indexAt(path, 1));
        if (id == SourcePath) {
            m_sources[result] = textAt(v, "path");
            return true;
        }
        const json* package = child(v, "package");
        const QString name = package ? textAt(*package, "name") : QString();
        const QString version = package ? textAt(*package, "version") : QString();
        const json* vulns = child(v, "vulnerabilities");
        if (!vulns || !vulns->is_array())
            return true;
        QHash<QString, const json*> byId;
        for (const json& vuln : *vulns)
            byId.insert(textAt(vuln, "id"), &vuln);

        // One finding per group (osv-scanner groups aliases of the same vulnerability); without groups, one per
        // vulnerability.
        struct Group
        {
            QStringList ids;
            QStringList aliases;
            std::optional<double> maxSeverity;
        };
        std::vector<Group> groups;
        if (const json* g = child(v, "groups"); g && g->is_array()) {
            for (const json& group : *g)
                groups.push_back({textList(child(group, "ids")), textList(child(group, "aliases")),
                                  numberOf(child(group, "max_severity"))});
        }
        if (groups.empty()) {
            for (const json& vuln : *vulns)
                groups.push_back({{textAt(vuln, "id")}, textList(child(vuln, "aliases")), std::nullopt});
        }
        for (const Group& g : groups) {
            if (g.ids.isEmpty())
                continue;
            const json* primary = byId.value(g.ids.first());
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = g.ids.first();
            f.location.package = name;
            f.location.version = version;
            f.severity = Severity::Medium;
            if (g.maxSeverity)
                f.severity = severityFromCvss(*g.maxSeverity);
            else if (primary)
                f.severity
                    = severityFromName(textAt(*primary, {"database_specific", "severity"})).value_or(Severity::Medium);
            for (const QString& i : g.ids + g.aliases)
                extractIds(i, f.ids);
            if (primary) {
                f.title = firstLine(textAt(*primary, "summary"));
                f.description = textAt(*primary, "details");
                f.location.fixedVersion = fixedVersion(*primary, name, version);
                for (const QString& cwe : textList(childAt(*primary, {"database_specific", "cwe_ids"})))
                    extractIds(cwe, f.ids);
            }
            if (f.title.isEmpty())
                f.title = f.rule;
            if (!out.add(std::move(f), result))
                return false;
        }
        return true;
    }

    void finish(Collector& out) override
    {
        for (PendingFinding& p : out.items())
            p.finding.location.path = m_sources[p.group];
    }

private:
    static QString fixedVersion(const json& vuln, const QString& name, const QString& installed)
    {
        QStringList fixed;
        const json* affected = child(vuln, "affected");
        if (!affected || !affected->is_array())
            return {};
        for (const json& a : *affected) {
            if (textAt(a, {"package", "name"}) != name)
                continue;
            const json* ranges = child(a, "ranges");
            if (!ranges || !ranges->is_array())
                continue;
            for (const json& r : *ranges) {
                const json* events = child(r, "events");
                if (!events || !events->is_array())
                    continue;
                for (const json& e : *events) {
                    const QString f = textAt(e, "fixed");
                    if (!f.isEmpty())
                        fixed << f;
                }
            }
        }
        return pickFixedVersion(fixed, installed);
    }

    std::map<int, QString> m_sources;
};

} // namespace

std::unique_ptr<FormatReader> makeOsvReader()
{
    return std::make_unique<OsvReader>();
}

} // namespace gatehouse::report
