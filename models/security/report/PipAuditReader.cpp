// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// pip-audit JSON ({"dependencies": [...], "fixes": [...]} or the older top-level list).
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

class PipAuditReader final : public FormatReader
{
public:
    explicit PipAuditReader(bool listForm)
        : m_listForm(listForm)
    { }
    std::vector<PathPattern> patterns() const override
    {
        if (m_listForm)
            return {{0, {"*"}}};
        return {{0, {"dependencies", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        if (m_listForm)
            return {};
        return {{{"dependencies"}, true}};
    }
    QString tool() const override { return QStringLiteral("pip-audit"); }

    bool capture(int, const JsonPath&, json&& dep, Collector& out) override
    {
        const json* vulns = child(dep, "vulns");
        if (!vulns || !vulns->is_array())
            return true; // skipped dependency (skip_reason) or no vulnerabilities
        const QString name = textAt(dep, "name");
        const QString version = textAt(dep, "version");
        for (const json& v : *vulns) {
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = textAt(v, "id");
            // pip-audit does not rate vulnerabilities.
            f.severity = Severity::Medium;
            f.description = textAt(v, "description");
            f.title = firstLine(f.description, 120);
            if (f.title.isEmpty())
                f.title = f.rule;
            f.location.package = name;
            f.location.version = version;
            f.location.fixedVersion = pickFixedVersion(textList(child(v, "fix_versions")), version);
            extractIds(f.rule, f.ids);
            for (const QString& alias : textList(child(v, "aliases")))
                extractIds(alias, f.ids);
            if (!out.add(std::move(f)))
                return false;
        }
        return true;
    }

private:
    bool m_listForm;
};

} // namespace

std::unique_ptr<FormatReader> makePipAuditReader(bool listForm)
{
    return std::make_unique<PipAuditReader>(listForm);
}

} // namespace gatehouse::report
