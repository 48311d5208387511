// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// safety JSON: 2.x object form ({"report_meta", "vulnerabilities": [...]}) and the 1.x list of lists
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

// [name, spec, installed, advisory, id, cvssv2?, cvssv3?].

class SafetyReader final : public FormatReader
{
public:
    explicit SafetyReader(bool listForm)
        : m_listForm(listForm)
    { }
    std::vector<PathPattern> patterns() const override
    {
        if (m_listForm)
            return {{0, {"*"}}};
        return {{0, {"vulnerabilities", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        if (m_listForm)
            return {};
        return {{{"vulnerabilities"}, true}};
    }
    QString tool() const override { return QStringLiteral("safety"); }

    static std::optional<Severity> cvssSeverity(const json* holder)
    {
        if (!holder || !holder->is_object())
            return std::nullopt;
        for (const char* key : {"cvssv3", "cvssv2"}) {
            if (const json* c = child(*holder, key); c && c->is_object()) {
                if (const auto s = severityFromName(textAt(*c, "base_severity")))
                    return s;
                if (const auto score = numberOf(child(*c, "base_score")))
                    return severityFromCvss(*score);
            }
        }
        return std::nullopt;
    }

    bool capture(int, const JsonPath&, json&& v, Collector& out) override
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Dependency;
        f.severity = Severity::Medium; // unrated advisories
        if (v.is_array()) {
            if (v.size() < 5) {
                out.warn(QStringLiteral("report.entry-skipped"),
                         QStringLiteral("safety entry with %1 fields (expected 5 or more)").arg(v.size()));
                return true;
            }
            f.location.package = text(v[0]);
            f.location.version = text(v[2]);
            f.description = text(v[3]);
            f.rule = text(v[4]);
            // 1.x appended the CVSS v2 and v3 objects ({"base_score", "base_severity"}) when known.
            for (size_t i : {size_t(6), size_t(5)}) {
                if (v.size() > i && v[i].is_object()) {
                    if (const auto s = severityFromName(textAt(v[i], "base_severity")))
                        f.severity = *s;
                    else if (const auto score = numberOf(child(v[i], "base_score")))
                        f.severity = severityFromCvss(*score);
                    break;
                }
            }
        } else if (v.is_object()) {
            if (const json* ignored = child(v, "ignored"); ignored && ignored->is_boolean() && ignored->get<bool>())
                return true;
            f.rule = textAt(v, "vulnerability_id");
            f.location.package = textAt(v, "package_name");
            f.location.version = textAt(v, "analyzed_version");
            f.description = textAt(v, "advisory");
            f.location.fixedVersion = pickFixedVersion(textList(child(v, "fixed_versions")), f.location.version);
            const json* cve = child(v, "CVE");
            if (cve && cve->is_object())
                extractIds(textAt(*cve, "name"), f.ids);
            else if (cve)
                extractIds(text(*cve), f.ids);
            if (const auto s = cvssSeverity(child(v, "severity")))
                f.severity = *s;
            else if (const auto s2 = cvssSeverity(cve))
                f.severity = *s2;
        } else {
            out.warn(QStringLiteral("report.entry-skipped"), QStringLiteral("safety entry is not an object"));
            return true;
        }
        f.title = firstLine(f.description, 120);
        if (f.title.isEmpty())
            f.title = f.rule;
        extractIds(f.description.left(400), f.ids);
        return out.add(std::move(f)) != nullptr;
    }

private:
    bool m_listForm;
};

} // namespace

std::unique_ptr<FormatReader> makeSafetyReader(bool listForm)
{
    return std::make_unique<SafetyReader>(listForm);
}

} // namespace gatehouse::report
