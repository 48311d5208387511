// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// semgrep JSON.
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

Severity semgrepSeverity(const QString& s)
{
    const QString u = s.toUpper();
    if (u == QLatin1String("ERROR"))
        return Severity::High;
    if (u == QLatin1String("WARNING"))
        return Severity::Medium;
    if (u == QLatin1String("INFO") || u == QLatin1String("INVENTORY") || u == QLatin1String("EXPERIMENT"))
        return Severity::Info;
    return severityFromName(s).value_or(Severity::Medium);
}

class SemgrepReader final : public FormatReader
{
public:
    std::vector<PathPattern> patterns() const override { return {{0, {"results", "*"}}}; }
    std::vector<TypeExpectation> expectations() const override { return {{{"results"}, true}}; }
    QString tool() const override { return QStringLiteral("semgrep"); }

    bool capture(int, const JsonPath&, json&& r, Collector& out) override
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Sast;
        f.rule = textAt(r, "check_id");
        if (f.rule.isEmpty()) {
            out.warn(QStringLiteral("report.entry-skipped"), QStringLiteral("semgrep result without check_id"));
            return true;
        }
        f.location.path = textAt(r, "path");
        f.location.line = int(intAt(childAt(r, {"start"}) ? *childAt(r, {"start"}) : json(), "line"));
        const json* extra = child(r, "extra");
        const json empty;
        const json& e = extra ? *extra : empty;
        f.severity = semgrepSeverity(textAt(e, "severity"));
        f.description = textAt(e, "message");
        f.title = firstLine(f.description);
        if (f.title.isEmpty())
            f.title = f.rule;
        if (const json* metadata = child(e, "metadata")) {
            for (const char* key : {"cve", "cwe"}) {
                for (const QString& v : textList(child(*metadata, key)))
                    extractIds(v, f.ids);
            }
            if (textAt(*metadata, "category").contains(QLatin1String("secret"), Qt::CaseInsensitive))
                f.category = FindingCategory::Secret;
        }
        const QString fingerprint = textAt(e, "fingerprint");
        // semgrep OSS writes a placeholder instead of the fingerprint when not logged in.
        if (!fingerprint.isEmpty() && fingerprint != QLatin1String("requires login")) {
            f.fingerprint = fingerprint;
            f.toolFingerprint = true;
        }
        PendingFinding* p = out.add(std::move(f));
        if (!p)
            return false;
        p->discriminator = textAt(e, "lines").simplified();
        return true;
    }
};

} // namespace

std::unique_ptr<FormatReader> makeSemgrepReader()
{
    return std::make_unique<SemgrepReader>();
}

} // namespace gatehouse::report
