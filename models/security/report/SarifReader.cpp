// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SARIF 2.1.0 (any tool).
#include "FormatReader.h"

#include <QHash>
#include <QRegularExpression>

namespace gatehouse::report {

namespace {

QString normalizeToolName(const QString& driverName)
{
    const QString n = driverName.trimmed().toLower();
    struct Known
    {
        const char* needle;
        const char* id;
    };
    static const Known known[] = {
        {"codeql", "codeql"},     {"lgtm", "codeql"},           {"semgrep", "semgrep"},
        {"trivy", "trivy"},       {"gitleaks", "gitleaks"},     {"grype", "grype"},
        {"zap", "zap"},           {"bandit", "bandit"},         {"osv-scanner", "osv-scanner"},
        {"checkov", "checkov"},   {"tfsec", "tfsec"},           {"kics", "kics"},
        {"hadolint", "hadolint"}, {"trufflehog", "trufflehog"}, {"fortify", "fortify"},
        {"snyk", "snyk"},         {"eslint", "eslint"},         {"dependency-check", "dependency-check"},
    };
    for (const Known& k : known) {
        if (n.contains(QLatin1String(k.needle)))
            return QLatin1String(k.id);
    }
    QString id = n;
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9.+-]+")), QStringLiteral("-"));
    id.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return id.isEmpty() ? QStringLiteral("sarif") : id;
}

struct SarifRule
{
    QString id;
    QString name;
    QString shortDescription;
    QString fullDescription;
    QString defaultLevel;
    std::optional<double> securitySeverity;
    QStringList tags;
    // Derived once per rule rather than per result.
    QString title;
    QStringList ids;
};

struct SarifRun
{
    QString tool;
    std::vector<std::vector<SarifRule>> components; ///< [0] = driver, [1 + i] = extensions[i]
    QHash<QString, QPair<int, int>> ruleById;
    QStringList artifactUris;
};

class SarifReader final : public FormatReader
{
    enum
    {
        Tool,
        Result,
        Artifact
    };

public:
    std::vector<PathPattern> patterns() const override
    {
        return {{Tool, {"runs", "*", "tool"}},
                {Result, {"runs", "*", "results", "*"}},
                {Artifact, {"runs", "*", "artifacts", "*", "location"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        return {{{"runs"}, true}, {{"runs", "*"}, false}, {{"runs", "*", "results"}, true}};
    }
    QString tool() const override { return m_runs.empty() ? QString() : m_runs.begin()->second.tool; }

    bool capture(int id, const JsonPath& path, json&& value, Collector& out) override
    {
        const int runIndex = int(indexAt(path, 1));
        SarifRun& run = m_runs[runIndex];
        switch (id) {
        case Tool:
            readTool(value, run);
            return true;
        case Artifact:
            run.artifactUris << normalizeUri(textAt(value, "uri"));
            return true;
        case Result:
            return readResult(value, runIndex, out);
        }
        return true;
    }

    void finish(Collector& out) override
    {
        for (PendingFinding& p : out.items())
            resolve(p);
    }

private:
    static QString normalizeUri(QString uri)
    {
        if (uri.startsWith(QLatin1String("file://")))
            uri = uri.mid(7);
        return QString::fromUtf8(QByteArray::fromPercentEncoding(uri.toUtf8()));
    }

    static void readRules(const json* rules, std::vector<SarifRule>& into)
    {
        if (!rules || !rules->is_array())
            return;
        for (const json& r : *rules) {
            SarifRule rule;
            rule.id = textAt(r, "id");
            rule.name = textAt(r, "name");
            rule.shortDescription = textAt(r, {"shortDescription", "text"});
            rule.fullDescription = textAt(r, {"fullDescription", "text"});
            rule.defaultLevel = textAt(r, {"defaultConfiguration", "level"});
            if (const json* props = child(r, "properties")) {
                rule.securitySeverity = numberOf(child(*props, "security-severity"));
                rule.tags = textList(child(*props, "tags"));
            }
            rule.title = firstLine(rule.shortDescription);
            extractIds(rule.id, rule.ids);
            for (const QString& tag : std::as_const(rule.tags))
                extractIds(tag, rule.ids);
            into.push_back(std::move(rule));
        }
    }

    static void readTool(const json& tool, SarifRun& run)
    {
        const json* driver = child(tool, "driver");
        run.tool = normalizeToolName(driver ? textAt(*driver, "name") : QString());
        run.components.assign(1, {});
        if (driver)
            readRules(child(*driver, "rules"), run.components[0]);
        if (const json* extensions = child(tool, "extensions"); extensions && extensions->is_array()) {
            for (const json& e : *extensions) {
                run.components.emplace_back();
                readRules(child(e, "rules"), run.components.back());
            }
        }
        for (int c = 0; c < int(run.components.size()); ++c) {
            for (int r = 0; r < int(run.components[size_t(c)].size()); ++r) {
                const QString& id = run.components[size_t(c)][size_t(r)].id;
                if (!id.isEmpty() && !run.ruleById.contains(id))
                    run.ruleById.insert(id, {c, r});
            }
        }
    }

    // What a result needs from its run's rules, resolved in finish() since SARIF does not order tool and results.
    struct RawResult
    {
        QString ruleId;
        int ruleIndex = -1;
        int componentIndex = 0;
        QString level;
        std::optional<double> securitySeverity;
        QString message;
        QString snippet;
        int artifactIndex = -1;
    };

    bool readResult(const json& r, int runIndex, Collector& out)
    {
        const QString kind = textAt(r, "kind");
        // Only failures are findings: "pass", "notApplicable", "informational" results are not.
        if (!kind.isEmpty() && kind != QLatin1String("fail") && kind != QLatin1String("open")
            && kind != QLatin1String("review"))
            return true;
        if (textAt(r, "baselineState") == QLatin1String("absent"))
            return true;
        if (const json* suppressions = child(r, "suppressions"); suppressions && suppressions->is_array()) {
            for (const json& s : *suppressions) {
                const QString status = textAt(s, "status");
                if (status.isEmpty() || status == QLatin1String("accepted"))
                    return true;
            }
        }
        RawResult raw;
        raw.ruleId = textAt(r, "ruleId");
        raw.ruleIndex = int(intAt(r, "ruleIndex", -1));
        if (const json* ref = child(r, "rule")) {
            if (raw.ruleId.isEmpty())
                raw.ruleId = textAt(*ref, "id");
            if (raw.ruleIndex < 0)
                raw.ruleIndex = int(intAt(*ref, "index", -1));
            if (const json* component = child(*ref, "toolComponent"))
                raw.componentIndex = int(intAt(*component, "index", -1)) + 1;
        }
        out.intern(raw.ruleId);
        raw.level = textAt(r, "level");
        raw.message = textAt(r, {"message", "text"});
        if (const json* props = child(r, "properties"))
            raw.securitySeverity = numberOf(child(*props, "security-severity"));

        Finding f;
        const json* locations = child(r, "locations");
        if (locations && locations->is_array() && !locations->empty()) {
            if (const json* physical = child(locations->front(), "physicalLocation")) {
                if (const json* artifact = child(*physical, "artifactLocation")) {
                    f.location.path = normalizeUri(textAt(*artifact, "uri"));
                    raw.artifactIndex = int(intAt(*artifact, "index", -1));
                }
                if (const json* region = child(*physical, "region"))
                    f.location.line = int(intAt(*region, "startLine"));
                raw.snippet = textAt(*physical, {"region", "snippet", "text"}).simplified();
            }
        }
        PendingFinding* p = out.add(std::move(f), runIndex);
        if (!p)
            return false;

        if (const json* fingerprints = child(r, "fingerprints"); fingerprints && fingerprints->is_object()) {
            // nlohmann keeps object keys sorted, so this is the lexicographically first fingerprint.
            for (auto it = fingerprints->begin(); it != fingerprints->end(); ++it) {
                const QString v = text(it.value());
                if (!v.isEmpty()) {
                    p->finding.fingerprint = v;
                    p->finding.toolFingerprint = true;
                    break;
                }
            }
        }
        if (p->finding.fingerprint.isEmpty()) {
            if (const json* partial = child(r, "partialFingerprints"); partial && partial->is_object()) {
                QStringList parts;
                for (auto it = partial->begin(); it != partial->end(); ++it)
                    parts << QString::fromStdString(it.key()) + QLatin1Char('=') + text(it.value());
                p->discriminator = parts.join(QLatin1Char('\n'));
            }
        }
        // The snippet is only a fallback identity; do not hold it for every result of a large report.
        if (!p->finding.fingerprint.isEmpty() || !p->discriminator.isEmpty())
            raw.snippet.clear();
        m_raw.push_back(std::move(raw));
        return true;
    }

    const SarifRule* ruleFor(const RawResult& raw, const SarifRun& run) const
    {
        const int c = raw.componentIndex;
        if (raw.ruleIndex >= 0 && c >= 0 && c < int(run.components.size())
            && raw.ruleIndex < int(run.components[size_t(c)].size()))
            return &run.components[size_t(c)][size_t(raw.ruleIndex)];
        const auto it = run.ruleById.constFind(raw.ruleId);
        if (it != run.ruleById.cend())
            return &run.components[size_t(it->first)][size_t(it->second)];
        return nullptr;
    }

    static FindingCategory categoryFor(const QString& tool, const SarifRule* rule, const QString& message)
    {
        static const QStringList secretTools{QStringLiteral("gitleaks"), QStringLiteral("trufflehog")};
        static const QStringList iacTools{QStringLiteral("checkov"), QStringLiteral("tfsec"), QStringLiteral("kics"),
                                          QStringLiteral("hadolint")};
        static const QStringList dependencyTools{QStringLiteral("osv-scanner"), QStringLiteral("dependency-check"),
                                                 QStringLiteral("snyk")};
        if (secretTools.contains(tool))
            return FindingCategory::Secret;
        if (tool == QLatin1String("zap"))
            return FindingCategory::Dast;
        if (iacTools.contains(tool))
            return FindingCategory::Iac;
        if (dependencyTools.contains(tool))
            return FindingCategory::Dependency;
        const QStringList tags = rule ? rule->tags : QStringList();
        const auto hasTag = [&tags](const char* t) { return tags.contains(QLatin1String(t), Qt::CaseInsensitive); };
        if (hasTag("secret"))
            return FindingCategory::Secret;
        if (hasTag("misconfiguration") || hasTag("iac"))
            return FindingCategory::Iac;
        if (tool == QLatin1String("grype"))
            return message.contains(QLatin1String(" in image ")) ? FindingCategory::Container
                                                                 : FindingCategory::Dependency;
        if (hasTag("vulnerability")) {
            return rule && rule->name == QLatin1String("OsPackageVulnerability") ? FindingCategory::Container
                                                                                 : FindingCategory::Dependency;
        }
        return FindingCategory::Sast;
    }

    void resolve(PendingFinding& p)
    {
        const RawResult raw = std::move(m_raw.front());
        m_raw.pop_front();
        const SarifRun& run = m_runs[p.group];
        const SarifRule* rule = ruleFor(raw, run);
        Finding& f = p.finding;
        f.tool = run.tool.isEmpty() ? QStringLiteral("sarif") : run.tool;
        f.rule = !raw.ruleId.isEmpty() ? raw.ruleId : rule ? rule->id : QString();
        if (f.location.path.isEmpty() && raw.artifactIndex >= 0 && raw.artifactIndex < run.artifactUris.size())
            f.location.path = run.artifactUris.at(raw.artifactIndex);

        f.category = categoryFor(f.tool, rule, raw.message);
        // Severity: security-severity (a CVSS score) first, then the SARIF level.
        std::optional<double> score = raw.securitySeverity;
        if (!score && rule)
            score = rule->securitySeverity;
        QString level = raw.level;
        if (level.isEmpty() && rule)
            level = rule->defaultLevel;
        if (score) {
            f.severity = severityFromCvss(*score);
        } else if (level.isEmpty() && f.category == FindingCategory::Secret) {
            // Secret scanners rarely set a level; a leaked secret is high as in their native reports.
            f.severity = Severity::High;
        } else {
            if (level == QLatin1String("error"))
                f.severity = Severity::High;
            else if (level == QLatin1String("note"))
                f.severity = Severity::Low;
            else if (level == QLatin1String("none"))
                f.severity = Severity::Info;
            else
                f.severity = Severity::Medium;
        }

        f.title = rule && !rule->title.isEmpty() ? rule->title : firstLine(raw.message);
        if (f.title.isEmpty())
            f.title = f.rule;
        f.description = raw.message;

        if (rule && f.rule == rule->id) {
            f.ids = rule->ids;
        } else {
            extractIds(f.rule, f.ids);
            if (rule) {
                for (const QString& tag : rule->tags)
                    extractIds(tag, f.ids);
            }
        }

        // Container and dependency tools say which package only in the message text.
        if (f.tool == QLatin1String("trivy")) {
            static const QRegularExpression package(QStringLiteral("^Package: (.+)$"),
                                                    QRegularExpression::MultilineOption);
            static const QRegularExpression installed(QStringLiteral("^Installed Version: (.+)$"),
                                                      QRegularExpression::MultilineOption);
            static const QRegularExpression fixed(QStringLiteral("^Fixed Version: (.+)$"),
                                                  QRegularExpression::MultilineOption);
            f.location.package = package.match(raw.message).captured(1).trimmed();
            f.location.version = installed.match(raw.message).captured(1).trimmed();
            f.location.fixedVersion = fixed.match(raw.message).captured(1).trimmed();
        } else if (f.tool == QLatin1String("grype")) {
            static const QRegularExpression package(QStringLiteral("package: ([^,]+), version ([^ ]+)"));
            static const QRegularExpression image(QStringLiteral(" in image (\\S+)"));
            const auto m = package.match(raw.message);
            f.location.package = m.captured(1).trimmed();
            f.location.version = m.captured(2).trimmed();
            f.location.target = image.match(raw.message).captured(1);
        }
        if (p.discriminator.isEmpty() && f.fingerprint.isEmpty()) {
            // Without tool fingerprints the identity is rule + file + package, or the flagged code itself.
            p.discriminator = !f.location.package.isEmpty() ? QString()
                : !raw.snippet.isEmpty()                    ? raw.snippet
                                                            : raw.message;
        }
    }

    std::map<int, SarifRun> m_runs;
    std::deque<RawResult> m_raw; // consumed in order by resolve()
};

} // namespace

std::unique_ptr<FormatReader> makeSarifReader()
{
    return std::make_unique<SarifReader>();
}

} // namespace gatehouse::report
