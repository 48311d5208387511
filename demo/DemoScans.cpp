// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo's scan reports, written in the real output formats of semgrep (JSON), trivy (JSON schema v2), gitleaks
// (JSON) and trivy's SARIF 2.1.0 (config scan). Field names and nesting follow real reports; the findings are
// derived from the tree being scanned, so they come and go with the code.
#include "DemoContent.h"
#include "common/Format.h"

#include <QCryptographicHash>

#include <nlohmann/json.hpp>

#include <cmath>

namespace gatehouse::demo {

using namespace Qt::StringLiterals;
using Json = nlohmann::ordered_json;

namespace {

std::string str(const QString& text)
{
    return text.toStdString();
}

QByteArray toBytes(const Json& json)
{
    return QByteArray::fromStdString(json.dump(2)) + '\n';
}

QString sha256Hex(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

/// Where a line containing `needle` is in `content`: 1-based line, 0-based byte offset of the line, the line.
struct LineHit
{
    int line = 0;
    int offset = 0;
    QByteArray text;
};

std::optional<LineHit> findLine(const QByteArray& content, const QByteArray& needle)
{
    int offset = 0;
    int number = 1;
    while (offset <= content.size()) {
        int end = content.indexOf('\n', offset);
        if (end < 0)
            end = content.size();
        const QByteArray line = content.mid(offset, end - offset);
        if (line.contains(needle))
            return LineHit{number, offset, line};
        offset = end + 1;
        ++number;
    }
    return std::nullopt;
}

int indentation(const QByteArray& line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == ' ')
        ++i;
    return i;
}

// --- semgrep ---------------------------------------------------------------------------------------------------

struct SemgrepRule
{
    const char* checkId;
    const char* path;
    const char* line; ///< the offending statement; the finding exists while the file contains it
    const char* severity;
    const char* message;
    const char* cwe;
    const char* owasp2017;
    const char* owasp2021;
    const char* confidence;
    const char* likelihood;
    const char* impact;
    const char* vulnerabilityClass;
    const char* technology;
};

const SemgrepRule semgrepRules[] = {
    {"python.flask.security.audit.debug-enabled.debug-enabled", "wsgi.py",
     "app.run(host=\"0.0.0.0\", port=8000, debug=True)", "WARNING",
     "Detected Flask app with debug=True. Do not deploy to production with this flag enabled as it will leak "
     "sensitive information. Instead, consider using Flask configuration variables or setting 'debug' using system "
     "environment variables.",
     "CWE-489: Active Debug Code", "A06:2017 - Security Misconfiguration", "A05:2021 - Security Misconfiguration",
     "HIGH", "LOW", "MEDIUM", "Active Debug Code", "flask"},
    {"python.lang.security.audit.formatted-sql-query.formatted-sql-query", "app/db.py",
     "return get_db().execute(f\"SELECT * FROM parcels WHERE recipient LIKE '%{term}%'\").fetchall()", "WARNING",
     "Detected possible formatted SQL query. Use parameterized queries instead.",
     "CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')",
     "A01:2017 - Injection", "A03:2021 - Injection", "LOW", "LOW", "HIGH", "SQL Injection", "python"},
    {"python.requests.security.disabled-cert-validation.disabled-cert-validation", "app/notify.py",
     "response = requests.post(url, json=payload, verify=False)", "ERROR",
     "Certificate verification has been explicitly disabled. This permits insecure connections to insecure servers. "
     "Re-enable certification validation.",
     "CWE-295: Improper Certificate Validation", "A03:2017 - Sensitive Data Exposure",
     "A07:2021 - Identification and Authentication Failures", "LOW", "LOW", "LOW", "Improper Authentication",
     "requests"},
    {"python.lang.security.deserialization.avoid-pyyaml-load.avoid-pyyaml-load", "app/config.py",
     "return yaml.load(fh, Loader=yaml.FullLoader)", "ERROR",
     "Detected a possible YAML deserialization vulnerability. `yaml.unsafe_load`, `yaml.Loader`, `yaml.CLoader`, and "
     "`yaml.UnsafeLoader` are all known to be unsafe methods of deserializing YAML, and older PyYAML releases let "
     "FullLoader construct arbitrary Python objects too. Use `yaml.safe_load` instead.",
     "CWE-502: Deserialization of Untrusted Data", "A08:2017 - Insecure Deserialization",
     "A08:2021 - Software and Data Integrity Failures", "MEDIUM", "LOW", "HIGH", "Insecure Deserialization", "pyyaml"},
    {"python.lang.security.insecure-hash-algorithms.insecure-hash-algorithm-md5.insecure-hash-algorithm-md5",
     "app/cache.py", "return hashlib.md5(\"|\".join(parts).encode()).hexdigest()", "WARNING",
     "Detected MD5 hash algorithm which is considered insecure. MD5 is not collision resistant and is therefore not "
     "suitable as a cryptographic signature. Use SHA256 or SHA3 instead.",
     "CWE-327: Use of a Broken or Risky Cryptographic Algorithm", "A03:2017 - Sensitive Data Exposure",
     "A02:2021 - Cryptographic Failures", "HIGH", "LOW", "LOW", "Cryptographic Issues", "python"},
};

Json semgrepPosition(int line, int col, int offset)
{
    return Json{{"col", col}, {"line", line}, {"offset", offset}};
}

// --- trivy ------------------------------------------------------------------------------------------------------

struct Advisory
{
    const char* id;
    const char* package;
    const char* vulnerableVersions; ///< comma-separated pins that are affected
    const char* fixedVersion;
    const char* severity;
    const char* title;
    const char* description;
    const char* cwe;
    const char* cvssVector;
    double cvssScore;
    const char* ghsa;
    const char* published;
    const char* modified;
};

const Advisory advisories[] = {
    {"CVE-2020-14343", "pyyaml", "5.3.1", "5.4", "CRITICAL", "PyYAML: incomplete fix for CVE-2020-1747",
     "A vulnerability was discovered in the PyYAML library in versions before 5.4, where it is susceptible to "
     "arbitrary code execution when it processes untrusted YAML files through the full_load method or with the "
     "FullLoader loader.",
     "CWE-20", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "GHSA-8q59-q68h-6hv4", "2021-02-09T21:15:00Z",
     "2023-11-07T03:17:00Z"},
    {"CVE-2023-30861", "flask", "2.2.2", "2.3.2, 2.2.5", "HIGH",
     "flask: Possible disclosure of permanent session cookie due to missing Vary: Cookie header",
     "When all of a set of conditions are met, a response containing data intended for one client may be cached and "
     "subsequently sent by a caching proxy to other clients, including the permanent session cookie.",
     "CWE-539", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "GHSA-m2qf-hxjv-5gpq", "2023-05-02T18:15:00Z",
     "2023-08-18T14:15:00Z"},
    {"CVE-2023-25577", "werkzeug", "2.2.2", "2.2.3", "HIGH",
     "python-werkzeug: high resource usage when parsing multipart form data with many fields",
     "Werkzeug's multipart form data parser will parse an unlimited number of parts, including file parts. A large "
     "number of parts can exhaust CPU time and memory.",
     "CWE-770", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, "GHSA-xg9f-g7g7-2323", "2023-02-14T20:15:00Z",
     "2023-11-07T04:09:00Z"},
    {"CVE-2024-34069", "werkzeug", "2.2.2,2.3.8", "3.0.3", "HIGH",
     "python-werkzeug: user may execute code on a developer's machine",
     "The debugger in affected versions of Werkzeug can allow an attacker to execute code on a developer's machine "
     "under some circumstances, if the attacker can get the developer to interact with a domain and subdomain they "
     "control, and enter the debugger PIN.",
     "CWE-352", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.5, "GHSA-2g68-c3qc-8985", "2024-05-06T15:15:00Z",
     "2024-06-10T18:15:00Z"},
    {"CVE-2024-22195", "jinja2", "3.1.2", "3.1.3", "MEDIUM",
     "jinja2: HTML attribute injection when passing user input as keys to xmlattr filter",
     "The xmlattr filter in affected versions of Jinja accepts keys containing spaces, which allows an attacker to "
     "inject other attributes and perform XSS.",
     "CWE-79", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N", 5.4, "GHSA-h5c8-rqwp-cp95", "2024-01-11T03:15:00Z",
     "2024-02-16T00:15:00Z"},
    {"CVE-2024-1135", "gunicorn", "20.1.0", "22.0.0", "HIGH",
     "python-gunicorn: HTTP Request Smuggling due to improper validation of Transfer-Encoding headers",
     "Gunicorn fails to properly validate Transfer-Encoding headers, leading to HTTP Request Smuggling "
     "vulnerabilities that can bypass security restrictions and access endpoints without authorization.",
     "CWE-444", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 7.5, "GHSA-w3h3-4rj7-4ph4", "2024-04-16T00:15:00Z",
     "2024-06-30T23:15:00Z"},
    {"CVE-2024-6827", "gunicorn", "20.1.0,22.0.0", "23.0.0", "HIGH",
     "gunicorn: HTTP Request Smuggling due to improper validation of Transfer-Encoding header",
     "Gunicorn does not properly validate the value of the Transfer-Encoding header; it falls back to Content-Length, "
     "which enables TE.CL request smuggling.",
     "CWE-444", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 7.5, "GHSA-hc5x-x2vx-497g", "2025-03-20T10:15:00Z",
     "2025-03-21T15:15:00Z"},
    {"CVE-2024-35195", "requests", "2.31.0", "2.32.0", "MEDIUM",
     "requests: subsequent requests to the same host ignore cert verification",
     "When making requests through a Requests Session, if the first request is made with verify=False to disable "
     "cert verification, all subsequent requests to the same origin will continue to ignore cert verification.",
     "CWE-670", "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N", 5.6, "GHSA-9wx4-h78v-vm56", "2024-05-20T21:15:00Z",
     "2024-06-10T17:16:00Z"},
    {"CVE-2024-37891", "urllib3", "2.2.1", "1.26.19, 2.2.2", "MEDIUM",
     "urllib3: proxy-authorization request header is not stripped during cross-origin redirects",
     "When using urllib3's proxy support with ProxyManager, the Proxy-Authorization header is only sent to the "
     "configured proxy, but when sending HTTP requests without it, a cross-origin redirect may leak the header.",
     "CWE-669", "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:N/A:N", 4.4, "GHSA-34jh-p97f-mpxf", "2024-06-17T20:15:00Z",
     "2024-06-20T12:44:00Z"},
};

int severityNumber(const QString& severity)
{
    static const QStringList order{u"UNKNOWN"_s, u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s, u"CRITICAL"_s};
    return int(order.indexOf(severity));
}

/// requirements.txt pins: name → version.
QMap<QString, QString> pins(const FileMap& tree)
{
    QMap<QString, QString> result;
    const QList<QByteArray> lines = tree.value(u"requirements.txt"_s).split('\n');
    for (const QByteArray& line : lines) {
        const int eq = line.indexOf("==");
        if (eq > 0)
            result.insert(QString::fromUtf8(line.left(eq)).trimmed(), QString::fromUtf8(line.mid(eq + 2)).trimmed());
    }
    return result;
}

/// trivy's ReportID is a UUIDv7; derive one from the scan time so the bytes are reproducible.
QString reportId(const QDateTime& time)
{
    const quint64 ms = quint64(time.toMSecsSinceEpoch());
    const QString hash = sha256Hex(format::isoUtc(time));
    return u"%1-%2-7%3-8%4-%5"_s.arg(ms >> 16, 8, 16, QLatin1Char('0'))
        .arg(ms & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(hash.mid(0, 3), hash.mid(3, 3), hash.mid(6, 12));
}

// --- gitleaks ---------------------------------------------------------------------------------------------------

struct SecretRule
{
    const char* ruleId;
    const char* description;
    const char* path;
    const char* secret;
    bool matchIsSecret; ///< the rule's match is the secret itself (no keyword around it)
};

const SecretRule secretRules[] = {
    {"generic-api-key",
     "Detected a Generic API Key, potentially exposing access to various services and sensitive operations.",
     "tests/conftest.py", "tk_test_7Hq2vX9mR4pL8sK3nW6yB1cJ5fD0gT2z", false},
    {"slack-webhook-url",
     "Discovered a Slack Webhook, which could lead to unauthorized message posting and data leakage in Slack "
     "channels.",
     "app/notify.py", "https://hooks.slack.com/services/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", true},
};

double shannonEntropy(const QByteArray& data)
{
    QHash<char, int> counts;
    for (char c : data)
        ++counts[c];
    double entropy = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double p = double(it.value()) / double(data.size());
        entropy -= p * std::log2(p);
    }
    return entropy;
}

QString secretKey(const QString& ruleId, const QString& path)
{
    return ruleId + u'|' + path;
}

// --- trivy config (SARIF) ---------------------------------------------------------------------------------------

struct ConfigCheck
{
    const char* id;
    const char* severity;
    const char* title;
    const char* message;
    const char* description;
};

const ConfigCheck checkRootUser{"DS002", "HIGH", "Image user should not be 'root'",
                                "Specify at least 1 USER command in Dockerfile with non-root user as argument",
                                "Running containers with 'root' user can lead to a container escape situation. It is "
                                "a best practice to run containers as non-root users, which can be done by adding a "
                                "'USER' statement to the Dockerfile."};
const ConfigCheck checkHealthcheck{"DS026", "LOW", "No HEALTHCHECK defined",
                                   "Add HEALTHCHECK instruction in your Dockerfile",
                                   "You should add HEALTHCHECK instruction in your docker container images to perform "
                                   "the health check on running containers."};
const ConfigCheck checkNoRecommends{"DS029", "HIGH", "'apt-get' missing '--no-install-recommends'",
                                    "'--no-install-recommends' flag is missed: '%1'",
                                    "'apt-get' install should use '--no-install-recommends' to minimize image size."};

QString sarifLevel(const QString& severity)
{
    if (severity == u"CRITICAL" || severity == u"HIGH")
        return u"error"_s;
    return severity == u"MEDIUM" ? u"warning"_s : u"note"_s;
}

QString securitySeverity(const QString& severity)
{
    if (severity == u"CRITICAL")
        return u"9.5"_s;
    if (severity == u"HIGH")
        return u"8.0"_s;
    return severity == u"MEDIUM" ? u"5.5"_s : u"2.0"_s;
}

} // namespace

QByteArray DemoScanner::semgrepJson(const FileMap& tree) const
{
    Json results = Json::array();
    for (const SemgrepRule& rule : semgrepRules) {
        const QString path = QString::fromLatin1(rule.path);
        if (!tree.contains(path))
            continue;
        const auto hit = findLine(tree.value(path), QByteArray(rule.line));
        if (!hit)
            continue;
        const int startCol = indentation(hit->text) + 1;
        const int endCol = int(hit->text.size()) + 1;
        Json metadata{
            {"category", "security"},
            {"confidence", rule.confidence},
            {"cwe", Json::array({rule.cwe})},
            {"impact", rule.impact},
            {"license", "Semgrep Rules License v1.0. For more details, visit semgrep.dev/legal/rules-license"},
            {"likelihood", rule.likelihood},
            {"owasp", Json::array({rule.owasp2017, rule.owasp2021})},
            {"references", Json::array({str(u"https://semgrep.dev/r/"_s + QString::fromLatin1(rule.checkId))})},
            {"source", str(u"https://semgrep.dev/r/"_s + QString::fromLatin1(rule.checkId))},
            {"subcategory", Json::array({"audit"})},
            {"technology", Json::array({rule.technology})},
            {"vulnerability_class", Json::array({rule.vulnerabilityClass})},
        };
        results.push_back(Json{
            {"check_id", rule.checkId},
            {"end", semgrepPosition(hit->line, endCol, hit->offset + endCol - 1)},
            {"extra",
             {{"engine_kind", "OSS"},
              {"fingerprint", "requires login"},
              {"is_ignored", false},
              {"lines", hit->text.toStdString()},
              {"message", rule.message},
              {"metadata", metadata},
              {"metavars", Json::object()},
              {"severity", rule.severity},
              {"validation_state", "NO_VALIDATOR"}}},
            {"path", rule.path},
            {"start", semgrepPosition(hit->line, startCol, hit->offset + startCol - 1)},
        });
    }
    Json scanned = Json::array();
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (it.key().endsWith(u".py") || it.key().endsWith(u".yml") || it.key() == u"Dockerfile")
            scanned.push_back(str(it.key()));
    }
    Json report{
        {"errors", Json::array()},         {"interfile_languages_used", Json::array()},
        {"paths", {{"scanned", scanned}}}, {"results", results},
        {"skipped_rules", Json::array()},  {"version", "1.85.0"},
    };
    return toBytes(report);
}

QByteArray DemoScanner::trivyJson(const FileMap& tree, const QDateTime& scanTime) const
{
    const QMap<QString, QString> installed = pins(tree);
    Json vulnerabilities = Json::array();
    for (const Advisory& advisory : advisories) {
        const QString package = QString::fromLatin1(advisory.package);
        const QString version = installed.value(package);
        if (version.isEmpty() || !QString::fromLatin1(advisory.vulnerableVersions).split(u',').contains(version))
            continue;
        const QString pkgId = package + u'@' + version;
        const QString id = QString::fromLatin1(advisory.id);
        const int severity = severityNumber(QString::fromLatin1(advisory.severity));
        vulnerabilities.push_back(Json{
            {"VulnerabilityID", advisory.id},
            {"PkgID", str(pkgId)},
            {"PkgName", advisory.package},
            {"PkgIdentifier",
             {{"PURL", str(u"pkg:pypi/"_s + pkgId)}, {"UID", str(sha256Hex(u"uid:"_s + pkgId).left(16))}}},
            {"InstalledVersion", str(version)},
            {"FixedVersion", advisory.fixedVersion},
            {"Status", "fixed"},
            {"Layer", Json::object()},
            {"SeveritySource", "ghsa"},
            {"PrimaryURL", str(u"https://avd.aquasec.com/nvd/"_s + id.toLower())},
            {"DataSource",
             {{"ID", "ghsa"},
              {"Name", "GitHub Security Advisory pip"},
              {"URL", "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Apip"}}},
            {"Fingerprint", str(u"sha256:"_s + sha256Hex(u"requirements.txt|"_s + pkgId + u'|' + id))},
            {"Title", advisory.title},
            {"Description", advisory.description},
            {"Severity", advisory.severity},
            {"CweIDs", Json::array({advisory.cwe})},
            {"VendorSeverity", {{"ghsa", severity}, {"nvd", severity}}},
            {"CVSS", {{"ghsa", {{"V3Vector", advisory.cvssVector}, {"V3Score", advisory.cvssScore}}}}},
            {"References",
             Json::array({str(u"https://github.com/advisories/"_s + QString::fromLatin1(advisory.ghsa)),
                          str(u"https://nvd.nist.gov/vuln/detail/"_s + id)})},
            {"PublishedDate", advisory.published},
            {"LastModifiedDate", advisory.modified},
        });
    }
    Json result{{"Target", "requirements.txt"}, {"Class", "lang-pkgs"}, {"Type", "pip"}};
    if (!vulnerabilities.empty())
        result["Vulnerabilities"] = vulnerabilities;
    Json report{
        {"SchemaVersion", 2},
        {"Trivy", {{"Version", "0.55.2"}}},
        {"ReportID", str(reportId(scanTime))},
        {"CreatedAt", str(scanTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'000000Z'"_s))},
        {"ArtifactName", "."},
        {"ArtifactType", "filesystem"},
        {"Metadata",
         {{"ImageConfig",
           {{"architecture", ""},
            {"created", "0001-01-01T00:00:00Z"},
            {"os", ""},
            {"rootfs", {{"type", ""}, {"diff_ids", nullptr}}},
            {"config", Json::object()}}}}},
        {"Results", Json::array({result})},
    };
    return toBytes(report);
}

void DemoScanner::observeCommit(const QString& commitHex, const QString& author, const QString& email,
                                const QDateTime& time, const QString& message, const FileMap& tree)
{
    for (const SecretRule& rule : secretRules) {
        const QString key = secretKey(QString::fromLatin1(rule.ruleId), QString::fromLatin1(rule.path));
        if (m_secrets.contains(key))
            continue;
        const auto hit = findLine(tree.value(QString::fromLatin1(rule.path)), QByteArray(rule.secret));
        if (!hit)
            continue;
        SecretOrigin origin{commitHex, author, email, time, message, hit->line, 0, 0};
        const int secretAt = int(hit->text.indexOf(rule.secret));
        const int matchAt = rule.matchIsSecret ? secretAt : indentation(hit->text);
        origin.startColumn = matchAt + 1;
        origin.endColumn = rule.matchIsSecret ? secretAt + int(qstrlen(rule.secret)) : int(hit->text.size());
        m_secrets.insert(key, origin);
    }
}

QString DemoScanner::secretFingerprint(const QString& ruleId, const QString& path) const
{
    const auto it = m_secrets.constFind(secretKey(ruleId, path));
    if (it == m_secrets.cend())
        return {};
    return it->commit + u':' + path + u':' + ruleId + u':' + QString::number(it->line);
}

QByteArray DemoScanner::gitleaksJson(const FileMap& tree) const
{
    const QString ignore = QString::fromUtf8(tree.value(u".gitleaksignore"_s));
    Json findings = Json::array();
    for (const SecretRule& rule : secretRules) {
        const QString ruleId = QString::fromLatin1(rule.ruleId);
        const QString path = QString::fromLatin1(rule.path);
        const QString fingerprint = secretFingerprint(ruleId, path);
        if (fingerprint.isEmpty() || ignore.contains(fingerprint))
            continue;
        const SecretOrigin& origin = m_secrets[secretKey(ruleId, path)];
        QString match = u"REDACTED"_s;
        if (!rule.matchIsSecret) {
            // With --redact, gitleaks keeps the keyword part of the match and hides the secret.
            const QByteArray line = findLine(tree.value(path), QByteArray(rule.secret))
                                        .value_or(LineHit{0, 0, QByteArray(rule.secret)})
                                        .text.trimmed();
            match = QString::fromUtf8(line).replace(QString::fromLatin1(rule.secret), u"REDACTED"_s);
        }
        findings.push_back(Json{
            {"Description", rule.description},
            {"StartLine", origin.line},
            {"EndLine", origin.line},
            {"StartColumn", origin.startColumn},
            {"EndColumn", origin.endColumn},
            {"Match", str(match)},
            {"Secret", "REDACTED"},
            {"File", rule.path},
            {"SymlinkFile", ""},
            {"Commit", str(origin.commit)},
            {"Entropy", std::round(shannonEntropy(QByteArray(rule.secret)) * 1e7) / 1e7},
            {"Author", str(origin.author)},
            {"Email", str(origin.email)},
            {"Date", str(format::isoUtc(origin.date))},
            {"Message", str(origin.message.trimmed())},
            {"Tags", Json::array()},
            {"RuleID", rule.ruleId},
            {"Fingerprint", str(fingerprint)},
        });
    }
    return toBytes(findings);
}

QByteArray DemoScanner::trivyConfigSarif(const FileMap& tree) const
{
    const QByteArray dockerfile = tree.value(u"Dockerfile"_s);
    struct Hit
    {
        const ConfigCheck* check;
        int startLine;
        int endLine;
        QString message;
    };
    QList<Hit> hits;
    const int lineCount = int(dockerfile.count('\n'));
    if (!findLine(dockerfile, "USER "))
        hits.append({&checkRootUser, 1, lineCount, QString::fromLatin1(checkRootUser.message)});
    if (const auto run = findLine(dockerfile, "apt-get install");
        run && !run->text.contains("--no-install-recommends")) {
        const QString command = QString::fromUtf8(run->text.mid(4));
        hits.append(
            {&checkNoRecommends, run->line, run->line, QString::fromLatin1(checkNoRecommends.message).arg(command)});
    }
    if (!findLine(dockerfile, "HEALTHCHECK"))
        hits.append({&checkHealthcheck, 1, lineCount, QString::fromLatin1(checkHealthcheck.message)});

    Json rules = Json::array();
    Json results = Json::array();
    int index = 0;
    for (const Hit& hit : hits) {
        const QString id = QString::fromLatin1(hit.check->id);
        const QString severity = QString::fromLatin1(hit.check->severity);
        const QString link = u"https://avd.aquasec.com/misconfig/"_s + id.toLower();
        const QString help = u"Misconfiguration "_s + id + u"\nType: Dockerfile Security Check\nSeverity: "_s + severity
            + u"\nCheck: "_s + QString::fromLatin1(hit.check->title) + u"\nMessage: "_s + hit.message + u"\nLink: ["_s
            + id + u"]("_s + link + u")\n"_s + QString::fromLatin1(hit.check->description);
        rules.push_back(Json{
            {"id", hit.check->id},
            {"name", "Misconfiguration"},
            {"shortDescription", {{"text", hit.check->title}}},
            {"fullDescription", {{"text", hit.check->description}}},
            {"defaultConfiguration", {{"level", str(sarifLevel(severity))}}},
            {"helpUri", str(link)},
            {"help",
             {{"text", str(help)},
              {"markdown",
               str(u"**Misconfiguration "_s + id
                   + u"**\n| Type | Severity | Check | Message | Link |\n|"
                     u" --- | --- | --- | --- | --- |\n|Dockerfile Security Check|"_s
                   + severity + u'|' + QString::fromLatin1(hit.check->title) + u'|' + hit.message + u"|["_s + id
                   + u"]("_s + link + u")|\n\n"_s + QString::fromLatin1(hit.check->description))}}},
            {"properties",
             {{"precision", "very-high"},
              {"security-severity", str(securitySeverity(severity))},
              {"tags", Json::array({"misconfiguration", "security", str(severity)})}}},
        });
        results.push_back(Json{
            {"ruleId", hit.check->id},
            {"ruleIndex", index++},
            {"level", str(sarifLevel(severity))},
            {"message",
             {{"text",
               str(u"Artifact: Dockerfile\nType: dockerfile\nVulnerability "_s + id + u"\nSeverity: "_s + severity
                   + u"\nMessage: "_s + hit.message + u"\nLink: ["_s + id + u"]("_s + link + u')')}}},
            {"locations",
             Json::array({Json{
                 {"physicalLocation",
                  {{"artifactLocation", {{"uri", "Dockerfile"}, {"uriBaseId", "ROOTPATH"}}},
                   {"region",
                    {{"startLine", hit.startLine}, {"startColumn", 1}, {"endLine", hit.endLine}, {"endColumn", 1}}}}},
                 {"message", {{"text", "Dockerfile"}}},
             }})},
        });
    }
    Json report{
        {"version", "2.1.0"},
        {"$schema",
         "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json"},
        {"runs",
         Json::array({Json{
             {"tool",
              {{"driver",
                {{"fullName", "Trivy Vulnerability Scanner"},
                 {"informationUri", "https://github.com/aquasecurity/trivy"},
                 {"name", "Trivy"},
                 {"rules", rules},
                 {"version", "0.55.2"}}}}},
             {"results", results},
             {"columnKind", "utf16CodeUnits"},
             {"originalUriBaseIds", {{"ROOTPATH", {{"uri", "file:///home/runner/work/parcel-api/parcel-api/"}}}}},
         }})},
    };
    return toBytes(report);
}

} // namespace gatehouse::demo
