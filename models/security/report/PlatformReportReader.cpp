// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlatformReportReader.h"

#include "JsonFields.h"

#include <QCryptographicHash>
#include <QHash>

#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

namespace gatehouse {

namespace {

using json = nlohmann::json;

using report::text;

const json& child(const json& j, const char* key)
{
    static const json null;
    if (!j.is_object())
        return null;
    const auto it = j.find(key);
    return it == j.end() ? null : *it;
}

int lineOf(const json& j, const char* key)
{
    const json& v = child(j, key);
    if (!v.is_number())
        return 0;
    const double value = v.get<double>();
    return value >= 1 && value < 1e9 ? int(value) : 0;
}

QString hash(const QStringList& parts)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex());
}

/// CVE-/CWE- upper case, GHSA- with its lower-case suffix (as GitHub writes it); empty for other ids.
QString normalizedId(QString id)
{
    id = id.trimmed();
    const QString upper = id.toUpper();
    if (upper.startsWith(QLatin1String("CVE-")) || upper.startsWith(QLatin1String("CWE-")))
        return upper;
    if (upper.startsWith(QLatin1String("GHSA-")))
        return QStringLiteral("GHSA-") + id.mid(5).toLower();
    return {};
}

void addId(QStringList& ids, const QString& value)
{
    const QString id = normalizedId(value);
    if (!id.isEmpty() && !ids.contains(id))
        ids.append(id);
}

ReportDiagnostic at(const QByteArray& data, qsizetype offset, const QString& code, const QString& message)
{
    ReportDiagnostic d{code, message, offset};
    if (offset >= 0 && offset <= data.size()) {
        const QByteArray before = data.left(offset);
        d.line = int(before.count('\n')) + 1;
        d.column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
    }
    return d;
}

/// Parses the whole document with a nesting limit; a cut-off answer is "report.truncated".
std::optional<ReportDiagnostic> parse(const QByteArray& data, const ReportLimits& limits, json& document)
{
    if (data.trimmed().isEmpty())
        return ReportDiagnostic{QStringLiteral("report.empty"), QStringLiteral("the report is empty")};
    if (data.size() > limits.maxFileSize)
        return ReportDiagnostic{
            QStringLiteral("report.too-large"),
            QStringLiteral("the report is %1 bytes, over the %2-byte limit").arg(data.size()).arg(limits.maxFileSize)};
    bool tooDeep = false;
    const int maxDepth = std::max(1, limits.maxDepth);
    const json::parser_callback_t guard = [&tooDeep, maxDepth](int depth, json::parse_event_t, json&) {
        if (depth > maxDepth)
            tooDeep = true;
        return !tooDeep;
    };
    try {
        document = json::parse(data.constData(), data.constData() + data.size(), guard);
    } catch (const json::parse_error& e) {
        const qsizetype offset = qsizetype(e.byte > 0 ? e.byte - 1 : 0);
        QString message = QString::fromUtf8(e.what());
        message.remove(0, message.indexOf(QLatin1String(": ")) + 2);
        // An error at the very end: the document was cut off (a dropped connection, a size limit).
        if (message.contains(QLatin1String("unexpected end of input")) || qsizetype(e.byte) >= data.size())
            return at(data, offset, QStringLiteral("report.truncated"),
                      QStringLiteral("truncated report: unexpected end of input"));
        return at(data, offset, QStringLiteral("report.invalid-json"), QStringLiteral("invalid JSON: ") + message);
    } catch (const std::exception& e) {
        return ReportDiagnostic{QStringLiteral("report.invalid-json"), QString::fromUtf8(e.what())};
    }
    if (tooDeep)
        return ReportDiagnostic{QStringLiteral("report.too-deep"),
                                QStringLiteral("JSON nested deeper than %1 levels (limit reached)").arg(maxDepth)};
    return std::nullopt;
}

/// Makes fingerprints unique within the report, as every reader does.
void uniqueFingerprints(QList<Finding>& findings)
{
    QHash<QString, int> seen;
    for (Finding& f : findings) {
        const int n = ++seen[f.fingerprint];
        if (n > 1)
            f.fingerprint += QLatin1Char(':') + QString::number(n);
    }
}

FindingCategory gitLabCategory(const QString& type)
{
    if (type == QLatin1String("dependency_scanning"))
        return FindingCategory::Dependency;
    if (type == QLatin1String("container_scanning") || type == QLatin1String("cluster_image_scanning"))
        return FindingCategory::Container;
    if (type == QLatin1String("secret_detection"))
        return FindingCategory::Secret;
    if (type == QLatin1String("dast") || type == QLatin1String("api_fuzzing"))
        return FindingCategory::Dast;
    return FindingCategory::Sast;
}

// "Unknown" (GitLab: the scanner did not rate it) is not "info": it may be anything, so it counts as medium.
Severity severityOf(const QString& name)
{
    if (name.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0)
        return Severity::Medium;
    return severityFromName(name).value_or(Severity::Medium);
}

/// Reads a report whose findings are one JSON list: `listKey` names the list in the document (nullptr: the document is
/// the list; otherwise `notAList` is the failure), `toolOf` names the tool from the document, and `readEntry` reads one
/// entry of the list (its 1-based index given), returning nothing for an entry that is not a finding (with a warning
/// in the report when the entry is not understood).
Result<ParsedReport> readFindingList(
    const QByteArray& data, const QString& path, const ReportLimits& limits, ReportDiagnostic* failure,
    ReportFormat format, const char* listKey, const QString& notAList,
    const std::function<QString(const json& document)>& toolOf,
    const std::function<std::optional<Finding>(const json& entry, qsizetype index, ParsedReport& report)>& readEntry)
{
    const auto fail = [&](const ReportDiagnostic& d) -> Result<ParsedReport> {
        if (failure)
            *failure = d;
        return makeError(d.code, d.toString());
    };
    json document;
    if (const std::optional<ReportDiagnostic> problem = parse(data, limits, document))
        return fail(*problem);
    const json& entries = listKey ? child(document, listKey) : document;
    if (!entries.is_array())
        return fail({QStringLiteral("report.schema"), notAList});
    ParsedReport report;
    report.path = path;
    report.format = format;
    report.tool = toolOf(document);
    report.size = data.size();
    qsizetype index = 0;
    for (const json& entry : entries) {
        std::optional<Finding> finding = readEntry(entry, ++index, report);
        if (!finding)
            continue;
        if (report.findings.size() >= limits.maxFindings)
            return fail({QStringLiteral("report.too-many-findings"),
                         QStringLiteral("more than %1 findings (limit reached)").arg(limits.maxFindings)});
        report.findings.append(std::move(*finding));
    }
    uniqueFingerprints(report.findings);
    return report;
}

} // namespace

bool PlatformReportReader::recognisesGitLab(const QSet<QString>& topKeys, const QSet<QString>& vulnerabilityKeys)
{
    if (!topKeys.contains(QStringLiteral("vulnerabilities")) || topKeys.contains(QStringLiteral("report_meta"))
        || topKeys.contains(QStringLiteral("auditReportVersion")))
        return false;
    return topKeys.contains(QStringLiteral("scan"))
        || (topKeys.contains(QStringLiteral("version")) && topKeys.contains(QStringLiteral("remediations")))
        || vulnerabilityKeys.contains(QStringLiteral("identifiers"));
}

bool PlatformReportReader::recognisesDependabot(const QSet<QString>& alertKeys)
{
    return alertKeys.contains(QStringLiteral("security_advisory")) && alertKeys.contains(QStringLiteral("dependency"));
}

Result<ParsedReport> PlatformReportReader::readGitLab(const QByteArray& data, const QString& path,
                                                      const ReportLimits& limits, ReportDiagnostic* failure)
{
    QString type;
    const auto toolOf = [&type](const json& document) {
        const json& scan = child(document, "scan");
        type = text(scan, "type");
        const QString tool = text(child(scan, "scanner"), "id").toLower();
        if (!tool.isEmpty())
            return tool;
        return type.isEmpty() ? QStringLiteral("gitlab") : QStringLiteral("gitlab-") + type;
    };
    const auto readEntry = [&type](const json& v, qsizetype index, ParsedReport& report) -> std::optional<Finding> {
        if (!v.is_object()) {
            report.warnings.append({QStringLiteral("report.entry-skipped"),
                                    QStringLiteral("vulnerability %1 is not an object").arg(index)});
            return std::nullopt;
        }
        Finding f;
        f.tool = report.tool;
        // Older reports name the scan type per vulnerability (`category`).
        f.category = gitLabCategory(type.isEmpty() ? text(v, "category") : type);
        f.severity = severityOf(text(v, "severity"));
        const json& identifiers = child(v, "identifiers");
        if (identifiers.is_array()) {
            for (const json& id : identifiers) {
                const QString kind = text(id, "type").toLower();
                const QString value = text(id, "value");
                if (f.rule.isEmpty())
                    f.rule = value.isEmpty() ? text(id, "name") : value;
                addId(f.ids,
                      kind == QLatin1String("cwe") && !value.toUpper().startsWith(QLatin1String("CWE-"))
                          ? QStringLiteral("CWE-") + value
                          : value);
            }
        }
        const json& location = child(v, "location");
        f.location.path = text(location, "file");
        f.location.line = lineOf(location, "start_line");
        const json& dependency = child(location, "dependency");
        f.location.package = text(child(dependency, "package"), "name");
        f.location.version = text(dependency, "version");
        f.location.target = text(location, "image");
        if (f.location.target.isEmpty() && !text(location, "hostname").isEmpty())
            f.location.target = text(location, "hostname") + text(location, "path");
        f.title = text(v, "name");
        if (f.title.isEmpty())
            f.title = text(v, "message");
        if (f.title.isEmpty())
            f.title = f.rule;
        f.description = text(v, "description");
        if (f.rule.isEmpty())
            f.rule = f.title;
        // The vulnerability `id` is generated per report; the identity fields are stable across pipelines.
        f.fingerprint = hash({f.tool, f.rule, f.location.path, f.location.package, f.location.target, f.title});
        return f;
    };
    return readFindingList(data, path, limits, failure, ReportFormat::GitLabSecurity, "vulnerabilities",
                           QStringLiteral("a GitLab security report needs a \"vulnerabilities\" list"), toolOf,
                           readEntry);
}

Result<ParsedReport> PlatformReportReader::readDependabot(const QByteArray& data, const QString& path,
                                                          const ReportLimits& limits, ReportDiagnostic* failure)
{
    const auto readEntry = [](const json& alert, qsizetype index, ParsedReport& report) -> std::optional<Finding> {
        const json& advisory = child(alert, "security_advisory");
        if (!alert.is_object() || !advisory.is_object()) {
            report.warnings.append({QStringLiteral("report.entry-skipped"),
                                    QStringLiteral("alert %1 has no security_advisory").arg(index)});
            return std::nullopt;
        }
        const QString state = text(alert, "state");
        if (state == QLatin1String("fixed"))
            return std::nullopt; // no longer a finding
        Finding f;
        f.tool = report.tool;
        f.category = FindingCategory::Dependency;
        const json& vulnerability = child(alert, "security_vulnerability");
        QString severity = text(vulnerability, "severity");
        if (severity.isEmpty())
            severity = text(advisory, "severity");
        f.severity = severityOf(severity);
        const QString ghsa = normalizedId(text(advisory, "ghsa_id"));
        f.rule = ghsa.isEmpty() ? text(advisory, "cve_id") : ghsa;
        addId(f.ids, text(advisory, "cve_id"));
        addId(f.ids, ghsa);
        const json& identifiers = child(advisory, "identifiers");
        if (identifiers.is_array())
            for (const json& id : identifiers)
                addId(f.ids, text(id, "value"));
        const json& dependency = child(alert, "dependency");
        f.location.package = text(child(dependency, "package"), "name");
        f.location.path = text(dependency, "manifest_path");
        f.location.fixedVersion = text(child(vulnerability, "first_patched_version"), "identifier");
        f.title = text(advisory, "summary");
        if (f.title.isEmpty())
            f.title = f.rule;
        f.description = text(advisory, "description");
        if (state == QLatin1String("dismissed") || state == QLatin1String("auto_dismissed"))
            f.triage = text(alert, "dismissed_reason") == QLatin1String("inaccurate") ? QStringLiteral("false_positive")
                                                                                      : QStringLiteral("accepted");
        f.fingerprint = hash({f.tool, f.rule, f.location.package, f.location.path});
        f.toolFingerprint = false;
        return f;
    };
    return readFindingList(
        data, path, limits, failure, ReportFormat::DependabotAlerts, nullptr,
        QStringLiteral("Dependabot alerts must be a JSON list"),
        [](const json&) { return QStringLiteral("dependabot"); }, readEntry);
}

} // namespace gatehouse
