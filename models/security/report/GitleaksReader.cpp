// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// gitleaks JSON (a list of leaks).
#include "FormatReader.h"

namespace gatehouse::report {

namespace {

class GitleaksReader final : public FormatReader
{
public:
    std::vector<PathPattern> patterns() const override { return {{0, {"*"}}}; }
    QString tool() const override { return QStringLiteral("gitleaks"); }

    bool capture(int, const JsonPath&, json&& v, Collector& out) override
    {
        if (!v.is_object()) {
            out.warn(QStringLiteral("report.entry-skipped"), QStringLiteral("gitleaks entry is not an object"));
            return true;
        }
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Secret;
        f.rule = textAt(v, "RuleID");
        f.title = firstLine(textAt(v, "Description"));
        if (f.title.isEmpty())
            f.title = f.rule;
        f.location.path = textAt(v, "File");
        f.location.line = int(intAt(v, "StartLine"));
        // gitleaks has no severity; a leaked secret is high unless a severity tag says otherwise.
        f.severity = Severity::High;
        for (const QString& tag : textList(child(v, "Tags"))) {
            if (const auto s = severityFromName(tag)) {
                f.severity = *s;
                break;
            }
        }
        const QString fingerprint = textAt(v, "Fingerprint");
        if (!fingerprint.isEmpty()) {
            f.fingerprint = fingerprint;
            f.toolFingerprint = true;
        }
        PendingFinding* p = out.add(std::move(f));
        if (!p)
            return false;
        // Never keep the secret itself: only its hash joins the identity.
        const QString secretText = textAt(v, "Secret").isEmpty() ? textAt(v, "Match") : textAt(v, "Secret");
        p->discriminator = sha256Hex(secretText, 64);
        return true;
    }
};

} // namespace

std::unique_ptr<FormatReader> makeGitleaksReader()
{
    return std::make_unique<GitleaksReader>();
}

} // namespace gatehouse::report
