// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// grype JSON.
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

class GrypeReader final : public FormatReader
{
    enum
    {
        Match,
        Source
    };

public:
    std::vector<PathPattern> patterns() const override { return {{Match, {"matches", "*"}}, {Source, {"source"}}}; }
    std::vector<TypeExpectation> expectations() const override { return {{{"matches"}, true}}; }
    QString tool() const override { return QStringLiteral("grype"); }

    bool capture(int id, const JsonPath&, json&& v, Collector& out) override
    {
        if (id == Source) {
            m_sourceType = textAt(v, "type");
            const json* target = child(v, "target");
            if (target && target->is_object())
                m_target = textAt(*target, "userInput");
            else if (target)
                m_target = text(*target);
            return true;
        }
        const json* vuln = child(v, "vulnerability");
        if (!vuln) {
            out.warn(QStringLiteral("report.entry-skipped"), QStringLiteral("grype match without vulnerability"));
            return true;
        }
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Dependency;
        f.rule = textAt(*vuln, "id");
        f.severity = severityFromName(textAt(*vuln, "severity")).value_or(Severity::Info);
        f.description = textAt(*vuln, "description");
        f.title = firstLine(f.description, 120);
        if (f.title.isEmpty())
            f.title = f.rule;
        if (const json* artifact = child(v, "artifact")) {
            f.location.package = textAt(*artifact, "name");
            f.location.version = textAt(*artifact, "version");
            if (const json* locs = child(*artifact, "locations"); locs && locs->is_array() && !locs->empty())
                f.location.path = textAt(locs->front(), "path");
        }
        if (const json* fix = child(*vuln, "fix")) {
            if (textAt(*fix, "state") == QLatin1String("fixed"))
                f.location.fixedVersion = pickFixedVersion(textList(child(*fix, "versions")), f.location.version);
        }
        extractIds(f.rule, f.ids);
        if (const json* related = child(v, "relatedVulnerabilities"); related && related->is_array()) {
            for (const json& r : *related)
                extractIds(textAt(r, "id"), f.ids);
        }
        return out.add(std::move(f)) != nullptr;
    }

    void finish(Collector& out) override
    {
        for (PendingFinding& p : out.items()) {
            p.finding.location.target = m_target;
            if (m_sourceType == QLatin1String("image"))
                p.finding.category = FindingCategory::Container;
        }
    }

private:
    QString m_sourceType;
    QString m_target;
};

} // namespace

std::unique_ptr<FormatReader> makeGrypeReader()
{
    return std::make_unique<GrypeReader>();
}

} // namespace gatehouse::report
