// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// OWASP ZAP traditional JSON ({"@version", "site": [{"@name", "alerts": [...]}]}); one finding per alert.
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

class ZapReader final : public FormatReader
{
    enum
    {
        Alert,
        SiteName
    };

public:
    std::vector<PathPattern> patterns() const override
    {
        return {{Alert, {"site", "*", "alerts", "*"}},
                {SiteName, {"site", "*", "@name"}},
                {Alert, {"site", "alerts", "*"}},
                {SiteName, {"site", "@name"}}};
    }
    QString tool() const override { return QStringLiteral("zap"); }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        const int site = path.size() > 1 && path[1].array ? int(path[1].index) : 0;
        if (id == SiteName) {
            m_sites[site] = text(v);
            return true;
        }
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Dast;
        f.rule = textAt(v, "alertRef");
        if (f.rule.isEmpty())
            f.rule = textAt(v, "pluginid");
        f.title = firstLine(textAt(v, "alert").isEmpty() ? textAt(v, "name") : textAt(v, "alert"));
        f.description = textAt(v, "desc");
        switch (intAt(v, "riskcode", -1)) {
        case 3:
            f.severity = Severity::High;
            break;
        case 2:
            f.severity = Severity::Medium;
            break;
        case 1:
            f.severity = Severity::Low;
            break;
        default:
            f.severity = Severity::Info;
        }
        if (const qint64 cwe = intAt(v, "cweid", -1); cwe > 0)
            addId(f.ids, QStringLiteral("CWE-%1").arg(cwe));
        if (const json* instances = child(v, "instances"); instances && instances->is_array() && !instances->empty())
            f.location.path = textAt(instances->front(), "uri");
        PendingFinding* p = out.add(std::move(f), site);
        if (!p)
            return false;
        // The sample URL is not identity: ZAP lists a varying subset of instances per scan.
        p->pathInIdentity = false;
        return true;
    }

    void finish(Collector& out) override
    {
        for (PendingFinding& p : out.items())
            p.finding.location.target = m_sites[p.group];
    }

private:
    std::map<int, QString> m_sites;
};

} // namespace

std::unique_ptr<FormatReader> makeZapReader()
{
    return std::make_unique<ZapReader>();
}

} // namespace gatehouse::report
