// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportReader.h"

#include "report/DeviceStreamBuf.h"
#include "report/JsonCapture.h"
#include "report/PlatformReportReader.h"
#include "report/SonarQubeReader.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <nlohmann/json.hpp>

#include <istream>
#include <vector>

// The front end: format detection, then one streaming pass. The streaming readers (report/) follow one pattern: a SAX
// handler (report/JsonCapture.h) walks the whole document keeping only a path
// stack, and builds a small DOM for the sub-objects a format asks for (one SARIF result, one trivy vulnerability,
// ...), hands it to the format's reader and drops it. So memory grows with the findings, not with the report.
// Severity mapping and fingerprint rules are documented in docs/security.md; keep both in sync.

namespace gatehouse {

namespace {

using namespace gatehouse::report;

constexpr qint64 SniffSize = 1 << 20;

// ---------------------------------------------------------------------------------------------------------------
// Format detection: a SAX pass over a prefix that records the document's shape.

class PeekSax
{
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    json::value_t rootType = json::value_t::discarded;
    QSet<QString> topKeys;
    QHash<QString, QString> topScalars;
    QHash<QString, QSet<QString>> childKeys; ///< top key → keys of its first object element / of its object value
    QSet<QString> firstElementKeys; ///< root array: keys of the first element
    json::value_t firstElementType = json::value_t::discarded;
    bool rootArrayEmpty = true;

    bool null() { return value(json::value_t::null, {}); }
    bool boolean(bool v) { return value(json::value_t::boolean, v ? QStringLiteral("true") : QStringLiteral("false")); }
    bool number_integer(number_integer_t v) { return value(json::value_t::number_integer, QString::number(v)); }
    bool number_unsigned(number_unsigned_t v) { return value(json::value_t::number_unsigned, QString::number(v)); }
    bool number_float(number_float_t v, const string_t&)
    {
        return value(json::value_t::number_float, QString::number(v));
    }
    bool string(string_t& v) { return value(json::value_t::string, QString::fromStdString(v)); }
    bool binary(binary_t&) { return value(json::value_t::binary, {}); }
    bool start_object(std::size_t) { return start(json::value_t::object); }
    bool start_array(std::size_t) { return start(json::value_t::array); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }
    bool key(string_t& k)
    {
        const QString key = QString::fromStdString(k);
        m_lastKey[m_depth] = key;
        if (m_depth == 1 && rootType == json::value_t::object)
            topKeys.insert(key);
        else if (m_depth == 2 && rootType == json::value_t::array && m_firstElement)
            firstElementKeys.insert(key);
        else if (m_depth == 2 && rootType == json::value_t::object && m_topIsObject
                 && childKeys[m_lastKey[1]].size() < 64)
            childKeys[m_lastKey[1]].insert(key);
        else if (m_depth == 3 && rootType == json::value_t::object && m_inFirstChild)
            childKeys[m_lastKey[1]].insert(key);
        return ++m_events < 200000;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    bool value(json::value_t type, const QString& v)
    {
        noteElement(type);
        if (m_depth == 1 && rootType == json::value_t::object)
            topScalars.insert(m_lastKey[1], v);
        if (rootType == json::value_t::discarded)
            rootType = type;
        return ++m_events < 200000;
    }
    void noteElement(json::value_t type)
    {
        if (m_depth == 1 && rootType == json::value_t::array) {
            if (rootArrayEmpty)
                firstElementType = type;
            m_firstElement = rootArrayEmpty;
            rootArrayEmpty = false;
        }
        if (m_depth == 2 && rootType == json::value_t::object && m_topIsArray) {
            m_inFirstChild = !m_topArraySeenElement;
            m_topArraySeenElement = true;
        }
    }
    bool start(json::value_t type)
    {
        if (rootType == json::value_t::discarded)
            rootType = type;
        else
            noteElement(type);
        if (m_depth == 1 && rootType == json::value_t::object) {
            m_topIsArray = type == json::value_t::array;
            m_topIsObject = type == json::value_t::object;
            m_topArraySeenElement = false;
            m_inFirstChild = false;
        }
        ++m_depth;
        return m_depth < 64 && ++m_events < 200000;
    }
    bool end()
    {
        --m_depth;
        if (m_depth == 1 && rootType == json::value_t::array)
            m_firstElement = false;
        if (m_depth == 2)
            m_inFirstChild = false;
        if (m_depth == 1) {
            m_topIsArray = false;
            m_topIsObject = false;
        }
        return true;
    }

    int m_depth = 0;
    QHash<int, QString> m_lastKey;
    bool m_firstElement = false;
    bool m_topIsArray = false;
    bool m_topIsObject = false;
    bool m_topArraySeenElement = false;
    bool m_inFirstChild = false;
    quint64 m_events = 0;
};

ReportFormat formatFromName(const QString& nameHint)
{
    const QString n = QFileInfo(nameHint).fileName().toLower();
    if (n.endsWith(QLatin1String(".sarif")) || n.endsWith(QLatin1String(".sarif.json")))
        return ReportFormat::Sarif;
    struct Hint
    {
        const char* needle;
        ReportFormat format;
    };
    static const Hint hints[] = {
        {"gitleaks", ReportFormat::Gitleaks},  {"trivy", ReportFormat::Trivy},
        {"grype", ReportFormat::Grype},        {"pip-audit", ReportFormat::PipAudit},
        {"pip_audit", ReportFormat::PipAudit}, {"safety", ReportFormat::Safety},
        {"semgrep", ReportFormat::Semgrep},    {"bandit", ReportFormat::Bandit},
        {"osv", ReportFormat::OsvScanner},     {"zap", ReportFormat::Zap},
        {"npm", ReportFormat::NpmAudit},       {"dependabot", ReportFormat::DependabotAlerts},
    };
    for (const Hint& h : hints) {
        if (n.contains(QLatin1String(h.needle)))
            return h.format;
    }
    return ReportFormat::Unknown;
}

ReportFormat detect(const PeekSax& peek, const QString& nameHint)
{
    const ReportFormat hinted = formatFromName(nameHint);
    if (peek.rootType == json::value_t::array) {
        if (peek.rootArrayEmpty) {
            // An empty list says nothing about its tool; only list-shaped formats can be named by the file.
            const QList<ReportFormat> listFormats{ReportFormat::Gitleaks, ReportFormat::Trivy, ReportFormat::Safety,
                                                  ReportFormat::PipAudit, ReportFormat::DependabotAlerts};
            return listFormats.contains(hinted) ? hinted : ReportFormat::Unknown;
        }
        const QSet<QString>& k = peek.firstElementKeys;
        if (SonarQubeReader::recognises(k, {}))
            return ReportFormat::SonarQube;
        if (PlatformReportReader::recognisesDependabot(k))
            return ReportFormat::DependabotAlerts;
        if (peek.firstElementType == json::value_t::array)
            return ReportFormat::Safety;
        if (k.contains(QStringLiteral("RuleID"))
            && (k.contains(QStringLiteral("File")) || k.contains(QStringLiteral("Secret"))
                || k.contains(QStringLiteral("StartLine"))))
            return ReportFormat::Gitleaks;
        if (k.contains(QStringLiteral("Target")))
            return ReportFormat::Trivy;
        if (k.contains(QStringLiteral("vulns")) && k.contains(QStringLiteral("name")))
            return ReportFormat::PipAudit;
        return ReportFormat::Unknown;
    }
    if (peek.rootType != json::value_t::object)
        return ReportFormat::Unknown;
    const QSet<QString>& top = peek.topKeys;
    const auto has = [&top](const char* key) { return top.contains(QLatin1String(key)); };
    const auto childHas = [&peek](const char* parent, const char* key) {
        return peek.childKeys.value(QLatin1String(parent)).contains(QLatin1String(key));
    };
    if (has("runs")
        && (peek.topScalars.value(QStringLiteral("version")).startsWith(QLatin1Char('2'))
            || peek.topScalars.value(QStringLiteral("$schema")).contains(QLatin1String("sarif"), Qt::CaseInsensitive)
            || childHas("runs", "tool")))
        return ReportFormat::Sarif;
    if (SonarQubeReader::recognises(top, peek.childKeys.value(QStringLiteral("issues"))))
        return ReportFormat::SonarQube;
    if (PlatformReportReader::recognisesGitLab(top, peek.childKeys.value(QStringLiteral("vulnerabilities"))))
        return ReportFormat::GitLabSecurity;
    if (has("SchemaVersion") || (has("ArtifactName") && has("Results")))
        return ReportFormat::Trivy;
    if (has("matches") && (has("descriptor") || has("source") || has("distro") || childHas("matches", "vulnerability")))
        return ReportFormat::Grype;
    if (has("report_meta") && has("vulnerabilities"))
        return ReportFormat::Safety;
    if (has("site") && (has("@version") || has("@generated") || has("@programName")))
        return ReportFormat::Zap;
    if (has("auditReportVersion") || (has("advisories") && (has("actions") || has("muted") || has("metadata"))))
        return ReportFormat::NpmAudit;
    if (has("dependencies") && (has("fixes") || childHas("dependencies", "vulns")))
        return ReportFormat::PipAudit;
    if (has("results")) {
        if (childHas("results", "check_id"))
            return ReportFormat::Semgrep;
        if (childHas("results", "test_id") || childHas("results", "issue_severity"))
            return ReportFormat::Bandit;
        if (childHas("results", "packages") || childHas("results", "source"))
            return ReportFormat::OsvScanner;
        if (has("generated_at") || has("metrics"))
            return ReportFormat::Bandit;
        if (has("paths") || has("skipped_rules") || has("interfile_languages_used"))
            return ReportFormat::Semgrep;
        if (hinted == ReportFormat::Semgrep || hinted == ReportFormat::Bandit || hinted == ReportFormat::OsvScanner)
            return hinted;
        if (has("errors"))
            return ReportFormat::Semgrep;
    }
    return ReportFormat::Unknown;
}

/// Captures nothing: validates the JSON of a report whose format is unknown, to tell broken from foreign.
class NoReader final : public FormatReader
{
public:
    std::vector<PathPattern> patterns() const override { return {}; }
    bool capture(int, const JsonPath&, json&&, Collector&) override { return true; }
    QString tool() const override { return {}; }
};

std::unique_ptr<FormatReader> makeReader(ReportFormat format, bool listForm)
{
    switch (format) {
    case ReportFormat::Sarif:
        return report::makeSarifReader();
    case ReportFormat::Semgrep:
        return report::makeSemgrepReader();
    case ReportFormat::Trivy:
        return report::makeTrivyReader(listForm);
    case ReportFormat::Gitleaks:
        return report::makeGitleaksReader();
    case ReportFormat::Grype:
        return report::makeGrypeReader();
    case ReportFormat::PipAudit:
        return report::makePipAuditReader(listForm);
    case ReportFormat::Safety:
        return report::makeSafetyReader(listForm);
    case ReportFormat::Zap:
        return report::makeZapReader();
    case ReportFormat::Bandit:
        return report::makeBanditReader();
    case ReportFormat::NpmAudit:
        return report::makeNpmAuditReader();
    case ReportFormat::OsvScanner:
        return report::makeOsvReader();
    case ReportFormat::SonarQube: // whole-document readers, see SonarQubeReader and PlatformReportReader
    case ReportFormat::GitLabSecurity:
    case ReportFormat::DependabotAlerts:
    case ReportFormat::Unknown:
        break;
    }
    return nullptr;
}

PeekSax peekShape(const QByteArray& prefix)
{
    PeekSax peek;
    try {
        json::sax_parse(prefix.constData(), prefix.constData() + prefix.size(), &peek, json::input_format_t::json,
                        false);
    } catch (const std::exception&) {
        // A prefix may end anywhere; whatever was recorded before is the shape.
    }
    return peek;
}

/// Content that is not JSON text at all: binary, compressed, UTF-16, empty.
std::optional<ReportDiagnostic> checkContent(const QByteArray& prefix)
{
    if (prefix.trimmed().isEmpty())
        return ReportDiagnostic{QStringLiteral("report.empty"), QStringLiteral("the report is empty")};
    if (prefix.startsWith("\x1f\x8b"))
        return ReportDiagnostic{QStringLiteral("report.binary"),
                                QStringLiteral("the report is gzip-compressed; decompress it first")};
    if (prefix.startsWith("\xff\xfe") || prefix.startsWith("\xfe\xff"))
        return ReportDiagnostic{QStringLiteral("report.encoding"),
                                QStringLiteral("the report is UTF-16 encoded; only UTF-8 JSON is read")};
    const qsizetype nul = prefix.left(8192).indexOf('\0');
    if (nul >= 0)
        return ReportDiagnostic{QStringLiteral("report.binary"),
                                QStringLiteral("binary content (a NUL byte), not a JSON report"), nul};
    return std::nullopt;
}

QStringList sortedKeys(const QSet<QString>& keys)
{
    QStringList sorted(keys.cbegin(), keys.cend());
    sorted.sort();
    return sorted;
}

Error toError(const ReportDiagnostic& d)
{
    return makeError(d.code, d.toString());
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

QString ReportDiagnostic::toString() const
{
    QString where;
    if (offset >= 0) {
        where = QStringLiteral(" at byte %1").arg(offset);
        if (line > 0)
            where += QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
    }
    return message + where;
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Sarif:
        return QStringLiteral("sarif");
    case ReportFormat::Semgrep:
        return QStringLiteral("semgrep-json");
    case ReportFormat::Trivy:
        return QStringLiteral("trivy-json");
    case ReportFormat::Gitleaks:
        return QStringLiteral("gitleaks-json");
    case ReportFormat::Grype:
        return QStringLiteral("grype-json");
    case ReportFormat::PipAudit:
        return QStringLiteral("pip-audit-json");
    case ReportFormat::Safety:
        return QStringLiteral("safety-json");
    case ReportFormat::Zap:
        return QStringLiteral("zap-json");
    case ReportFormat::Bandit:
        return QStringLiteral("bandit-json");
    case ReportFormat::NpmAudit:
        return QStringLiteral("npm-audit-json");
    case ReportFormat::OsvScanner:
        return QStringLiteral("osv-scanner-json");
    case ReportFormat::SonarQube:
        return QStringLiteral("sonarqube-json");
    case ReportFormat::GitLabSecurity:
        return QStringLiteral("gitlab-security-json");
    case ReportFormat::DependabotAlerts:
        return QStringLiteral("dependabot-alerts-json");
    case ReportFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString reportFormatTool(ReportFormat format)
{
    if (format == ReportFormat::Sarif || format == ReportFormat::Unknown)
        return {};
    if (format == ReportFormat::SonarQube)
        return QStringLiteral("sonarqube");
    if (format == ReportFormat::DependabotAlerts)
        return QStringLiteral("dependabot");
    if (format == ReportFormat::GitLabSecurity) // the scanner is named inside each report
        return {};
    auto reader = makeReader(format, false);
    return reader ? reader->tool() : QString();
}

ReportFormat ReportReader::detectFormat(const QByteArray& prefix, const QString& nameHint)
{
    if (checkContent(prefix))
        return ReportFormat::Unknown;
    return detect(peekShape(prefix.left(SniffSize)), nameHint);
}

Result<ParsedReport> ReportReader::readFile(const QString& path, const ReportLimits& limits, ProgressSink* sink,
                                            ReportDiagnostic* failure)
{
    QFile file(path);
    const auto fail = [&](ReportDiagnostic d) -> Result<ParsedReport> {
        if (failure)
            *failure = d;
        return toError(d);
    };
    if (QFileInfo(path).isDir())
        return fail({QStringLiteral("report.unreadable"), QStringLiteral("%1 is a directory").arg(path)});
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            {QStringLiteral("report.unreadable"), QStringLiteral("cannot open %1: %2").arg(path, file.errorString())});
    return readDevice(file, file.size(), path, limits, sink, failure);
}

Result<ParsedReport> ReportReader::readData(const QByteArray& data, const QString& path, const ReportLimits& limits,
                                            ProgressSink* sink, ReportDiagnostic* failure)
{
    QByteArray copy = data; // shares the data (implicit sharing); QBuffer needs a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return readDevice(buffer, data.size(), path, limits, sink, failure);
}

Result<ParsedReport> ReportReader::readDevice(QIODevice& device, qint64 size, const QString& path,
                                              const ReportLimits& limits, ProgressSink* sink, ReportDiagnostic* failure)
{
    const auto fail = [&](ReportDiagnostic d) -> Result<ParsedReport> {
        if (failure)
            *failure = d;
        return toError(d);
    };
    if (size > limits.maxFileSize)
        return fail(
            {QStringLiteral("report.too-large"),
             QStringLiteral("the report is %1 bytes, over the %2-byte limit").arg(size).arg(limits.maxFileSize)});

    const QByteArray prefix = device.peek(SniffSize);
    if (auto problem = checkContent(prefix))
        return fail(*problem);
    const PeekSax shape = peekShape(prefix);
    const ReportFormat format = detect(shape, path);
    if (format == ReportFormat::SonarQube || format == ReportFormat::GitLabSecurity
        || format == ReportFormat::DependabotAlerts) {
        // Whole-document readers (SonarQube pages may be concatenated documents, which the streaming parse does not
        // take; the platforms' reports are API answers of bounded size): read the whole file.
        const QByteArray data = device.read(limits.maxFileSize + 1);
        if (data.size() > limits.maxFileSize)
            return fail({QStringLiteral("report.too-large"),
                         QStringLiteral("the report is over the %1-byte limit").arg(limits.maxFileSize),
                         limits.maxFileSize});
        if (format == ReportFormat::GitLabSecurity)
            return PlatformReportReader::readGitLab(data, path, limits, failure);
        if (format == ReportFormat::DependabotAlerts)
            return PlatformReportReader::readDependabot(data, path, limits, failure);
        return SonarQubeReader::read(data, path, limits, failure);
    }
    ParsedReport report;
    report.path = path;
    report.format = format;
    const bool listForm = shape.rootType == json::value_t::array;
    std::unique_ptr<FormatReader> reader
        = format == ReportFormat::Unknown ? std::make_unique<NoReader>() : makeReader(format, listForm);

    DeviceStreamBuf buffer(device, size, limits.maxFileSize, sink);
    Collector collector(limits, &buffer);
    CaptureSax sax(*reader, collector, limits, sink);
    std::istream stream(&buffer);
    bool ok = false;
    try {
        ok = json::sax_parse(stream, &sax, json::input_format_t::json, true);
    } catch (const std::exception& e) {
        // sax_parse reports through parse_error(); anything thrown here is a bug in a reader, kept as a diagnostic.
        collector.fail(QStringLiteral("report.internal"), QString::fromUtf8(e.what()));
    }
    report.size = buffer.bytesRead();

    if (!ok || collector.failed()) {
        ReportDiagnostic d;
        if (buffer.tooLarge()) {
            d = {QStringLiteral("report.too-large"),
                 QStringLiteral("the report is over the %1-byte limit").arg(limits.maxFileSize), limits.maxFileSize};
        } else if (buffer.readFailed()) {
            d = {QStringLiteral("report.unreadable"), QStringLiteral("read error: %1").arg(device.errorString()),
                 buffer.position()};
        } else if (collector.failed()) {
            d = {collector.errorCode(), collector.errorMessage(), buffer.position()};
            const auto [line, column] = buffer.lineColumn();
            d.line = line;
            d.column = column;
        } else if (sax.parseError()) {
            static const QRegularExpression position(QStringLiteral("line (\\d+), column (\\d+)"));
            // Our own position text replaces nlohmann's "[json.exception.parse_error.101] parse error at line…: ".
            static const QRegularExpression prefixText(
                QStringLiteral("^\\[json\\.exception\\.[a-z_]+\\.\\d+\\] (parse error at line \\d+, column \\d+: )?"));
            QString message = sax.parseErrorMessage();
            const auto m = position.match(message);
            message.remove(prefixText);
            // A cut-off file fails at its end, whatever token it was in.
            const bool truncated = message.contains(QLatin1String("unexpected end of input"))
                || (device.atEnd() && sax.parseErrorOffset() >= buffer.bytesRead());
            d = {truncated ? QStringLiteral("report.truncated") : QStringLiteral("report.invalid-json"),
                 (truncated ? QStringLiteral("truncated report: ") : QStringLiteral("invalid JSON: ")) + message,
                 sax.parseErrorOffset(), m.captured(1).toInt(), m.captured(2).toInt()};
        } else {
            d = {QStringLiteral("report.invalid-json"), QStringLiteral("parsing stopped"), buffer.position()};
        }
        return fail(d);
    }
    if (format == ReportFormat::Unknown) {
        // Valid JSON, but no reader for it.
        QString what;
        if (shape.rootType == json::value_t::array && shape.rootArrayEmpty)
            what = QStringLiteral("an empty JSON list does not say which tool wrote it");
        else if (shape.rootType == json::value_t::object)
            what = QStringLiteral("a JSON object with keys {%1} matches no known scanner format")
                       .arg(sortedKeys(shape.topKeys).join(QStringLiteral(", ")).left(200));
        else if (shape.rootType == json::value_t::array)
            what = QStringLiteral("a JSON list whose entries match no known scanner format");
        else if (shape.rootType == json::value_t::discarded)
            what = QStringLiteral("not JSON");
        else
            what = QStringLiteral("the top-level JSON value is %1, not a report")
                       .arg(QLatin1String(typeName(shape.rootType)));
        return fail({QStringLiteral("report.unknown-format"), QStringLiteral("unknown report format: ") + what});
    }
    reader->finish(collector);
    report.tool = reader->tool();
    if (report.tool.isEmpty())
        report.tool = QStringLiteral("sarif");
    report.findings = collector.finish();
    report.warnings = collector.takeWarnings();
    return report;
}

} // namespace gatehouse
