// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bandit JSON.
#include "FormatReader.h"

#include <QRegularExpression>

namespace gatehouse::report {

namespace {

class BanditReader final : public FormatReader
{
public:
    std::vector<PathPattern> patterns() const override { return {{0, {"results", "*"}}}; }
    std::vector<TypeExpectation> expectations() const override { return {{{"results"}, true}}; }
    QString tool() const override { return QStringLiteral("bandit"); }

    bool capture(int, const JsonPath&, json&& v, Collector& out) override
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Sast;
        f.rule = textAt(v, "test_id");
        f.title = firstLine(textAt(v, "issue_text"));
        if (f.title.isEmpty())
            f.title = textAt(v, "test_name");
        f.description = textAt(v, "issue_text");
        f.severity = severityFromName(textAt(v, "issue_severity")).value_or(Severity::Info); // UNDEFINED → info
        f.location.path = textAt(v, "filename");
        f.location.line = int(intAt(v, "line_number"));
        if (const json* cwe = child(v, "issue_cwe"); cwe && cwe->is_object()) {
            if (const qint64 id = intAt(*cwe, "id"); id > 0)
                addId(f.ids, QStringLiteral("CWE-%1").arg(id));
        }
        PendingFinding* p = out.add(std::move(f));
        if (!p)
            return false;
        // bandit prefixes each code line with its line number; strip them so moved code keeps its identity.
        static const QRegularExpression lineNumbers(QStringLiteral("(^|\\n)\\s*\\d+ ?"));
        QString code = textAt(v, "code");
        code.replace(lineNumbers, QStringLiteral("\n"));
        p->discriminator = code.simplified();
        return true;
    }
};

} // namespace

std::unique_ptr<FormatReader> makeBanditReader()
{
    return std::make_unique<BanditReader>();
}

} // namespace gatehouse::report
