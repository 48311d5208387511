// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportReader.h"

#include "report/PlatformReportReader.h"
#include "report/SonarQubeReader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QVersionNumber>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <istream>
#include <map>
#include <streambuf>
#include <vector>

// The readers below follow one pattern: a SAX handler (CaptureSax) walks the whole document keeping only a path
// stack, and builds a small DOM for the sub-objects a format asks for (one SARIF result, one trivy vulnerability,
// ...), hands it to the format's reader and drops it. So memory grows with the findings, not with the report.
// Severity mapping and fingerprint rules are documented in docs/security.md; keep both in sync.

namespace gatehouse {

namespace {

using json = nlohmann::json;

constexpr qint64 SniffSize = 1 << 20;

// ---------------------------------------------------------------------------------------------------------------
// Input: a std::streambuf over a QIODevice that knows its position and line for diagnostics.

class DeviceStreamBuf : public std::streambuf
{
public:
    DeviceStreamBuf(QIODevice& device, qint64 size, qint64 maxSize, ProgressSink* sink)
        : m_device(device)
        , m_size(size)
        , m_maxSize(maxSize)
        , m_sink(sink)
        , m_buffer(1 << 16)
    { }

    /// Bytes handed to the parser so far.
    qint64 consumed() const { return m_bufferStart + (gptr() - eback()); }
    /// 0-based offset of the last byte handed to the parser (the end of the token being handled).
    qint64 position() const { return std::max<qint64>(0, consumed() - 1); }
    bool tooLarge() const { return m_tooLarge; }
    bool readFailed() const { return m_readFailed; }
    qint64 bytesRead() const { return m_bufferStart + (egptr() - eback()); }

    /// 1-based line and column of the current position (counted lazily per buffer).
    std::pair<int, int> lineColumn() const
    {
        const char* begin = eback();
        const char* end = gptr();
        int line = m_linesBefore + 1;
        const char* lineStart = nullptr;
        for (const char* p = begin; p < end; ++p) {
            if (*p == '\n') {
                ++line;
                lineStart = p + 1;
            }
        }
        // The column of the last byte read, as nlohmann reports it.
        const qint64 column = lineStart ? (end - lineStart) : (end - begin) + m_columnCarry;
        return {line, int(std::max<qint64>(1, column))};
    }

protected:
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        // Count the lines of the buffer being left, for line numbers of later diagnostics.
        for (const char* p = eback(); p && p < egptr(); ++p) {
            if (*p == '\n') {
                ++m_linesBefore;
                m_columnCarry = 0;
            } else {
                ++m_columnCarry;
            }
        }
        m_bufferStart += egptr() - eback();
        if (m_bufferStart >= m_maxSize) {
            m_tooLarge = true;
            return traits_type::eof();
        }
        const qint64 want = std::min<qint64>(qint64(m_buffer.size()), m_maxSize - m_bufferStart);
        const qint64 got = m_device.read(m_buffer.data(), want);
        if (got < 0)
            m_readFailed = true;
        if (got <= 0) {
            setg(m_buffer.data(), m_buffer.data(), m_buffer.data());
            return traits_type::eof();
        }
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + got);
        if (m_sink)
            m_sink->report(m_bufferStart + got, m_size > 0 ? m_size : m_bufferStart + got + 1,
                           QStringLiteral("Reading report"));
        return traits_type::to_int_type(*gptr());
    }

private:
    QIODevice& m_device;
    qint64 m_size;
    qint64 m_maxSize;
    ProgressSink* m_sink;
    std::vector<char> m_buffer;
    qint64 m_bufferStart = 0;
    int m_linesBefore = 0;
    qint64 m_columnCarry = 0;
    bool m_tooLarge = false;
    bool m_readFailed = false;
};

// ---------------------------------------------------------------------------------------------------------------
// Small JSON accessors that never throw: a missing key or a wrong type reads as empty.

const json* child(const json& j, const char* key)
{
    if (!j.is_object())
        return nullptr;
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

QString text(const json& j)
{
    if (j.is_string())
        return QString::fromStdString(j.get_ref<const std::string&>());
    if (j.is_number_integer())
        return QString::number(j.get<qint64>());
    if (j.is_number_unsigned())
        return QString::number(j.get<quint64>());
    if (j.is_number_float())
        return QString::number(j.get<double>());
    if (j.is_boolean())
        return j.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString textAt(const json& j, const char* key)
{
    const json* c = child(j, key);
    return c ? text(*c) : QString();
}

QString textAt(const json& j, std::initializer_list<const char*> keys)
{
    const json* c = &j;
    for (const char* key : keys) {
        c = child(*c, key);
        if (!c)
            return {};
    }
    return text(*c);
}

const json* childAt(const json& j, std::initializer_list<const char*> keys)
{
    const json* c = &j;
    for (const char* key : keys) {
        c = child(*c, key);
        if (!c)
            return nullptr;
    }
    return c;
}

qint64 intAt(const json& j, const char* key, qint64 fallback = 0)
{
    const json* c = child(j, key);
    if (!c)
        return fallback;
    if (c->is_number_integer())
        return c->get<qint64>();
    if (c->is_number_unsigned())
        return qint64(c->get<quint64>());
    if (c->is_number_float())
        return qint64(c->get<double>());
    if (c->is_string()) {
        bool ok = false;
        const qint64 v = text(*c).toLongLong(&ok);
        return ok ? v : fallback;
    }
    return fallback;
}

/// A number or a numeric string; nullopt otherwise.
std::optional<double> numberOf(const json* j)
{
    if (!j)
        return std::nullopt;
    if (j->is_number())
        return j->get<double>();
    if (j->is_string()) {
        bool ok = false;
        const double v = text(*j).toDouble(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

QStringList textList(const json* j)
{
    QStringList out;
    if (!j)
        return out;
    if (j->is_array()) {
        for (const json& e : *j) {
            const QString t = text(e);
            if (!t.isEmpty())
                out << t;
        }
    } else {
        const QString t = text(*j);
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QString firstLine(const QString& s, int maxLength = 200)
{
    QString line = s.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    return line;
}

void addId(QStringList& ids, const QString& id)
{
    if (!id.isEmpty() && !ids.contains(id))
        ids << id;
}

/// Collects CVE-, GHSA- and CWE- identifiers from free text (rule ids, tags, aliases).
void extractIds(const QString& textValue, QStringList& ids)
{
    static const QRegularExpression cve(QStringLiteral("\\bCVE-(\\d{4})-(\\d{4,})\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression ghsa(QStringLiteral("\\bGHSA(-[0-9a-z]{4}){3}\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cwe(QStringLiteral("\\bcwe[-_/ :]?0*(\\d+)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (auto it = cve.globalMatch(textValue); it.hasNext();) {
        const auto m = it.next();
        addId(ids, QStringLiteral("CVE-%1-%2").arg(m.captured(1), m.captured(2)));
    }
    for (auto it = ghsa.globalMatch(textValue); it.hasNext();) {
        const QString id = it.next().captured(0);
        addId(ids, QStringLiteral("GHSA") + id.mid(4).toLower());
    }
    for (auto it = cwe.globalMatch(textValue); it.hasNext();)
        addId(ids, QStringLiteral("CWE-") + it.next().captured(1));
}

QString sha256Hex(const QString& value, int length = 32)
{
    return QString::fromLatin1(QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

/// Image references without tag or digest ("registry/app:1.2@sha256:…" → "registry/app") so a rebuilt image keeps
/// its findings' fingerprints.
QString imageRepository(const QString& target)
{
    QString t = target.section(QLatin1Char(' '), 0, 0);
    const int at = t.indexOf(QLatin1Char('@'));
    if (at >= 0)
        t = t.left(at);
    const int slash = t.lastIndexOf(QLatin1Char('/'));
    const int colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        t = t.left(colon);
    return t;
}

/// "1.2.10" > "1.2.9"; non-numeric suffixes compare as text after the numeric part.
int compareVersions(const QString& a, const QString& b)
{
    qsizetype ia = 0;
    qsizetype ib = 0;
    const QVersionNumber va = QVersionNumber::fromString(a, &ia);
    const QVersionNumber vb = QVersionNumber::fromString(b, &ib);
    if (const int c = QVersionNumber::compare(va, vb); c != 0)
        return c;
    return QString::compare(a.mid(ia), b.mid(ib));
}

/// The smallest fixed version above the installed one (dependency tools list fixes for every release line).
QString pickFixedVersion(const QStringList& fixed, const QString& installed)
{
    QStringList candidates;
    for (const QString& f : fixed) {
        if (!f.trimmed().isEmpty())
            candidates << f.trimmed();
    }
    if (candidates.isEmpty())
        return {};
    std::sort(candidates.begin(), candidates.end(),
              [](const QString& a, const QString& b) { return compareVersions(a, b) < 0; });
    if (!installed.isEmpty()) {
        for (const QString& c : candidates) {
            if (compareVersions(c, installed) > 0)
                return c;
        }
    }
    return candidates.first();
}

// ---------------------------------------------------------------------------------------------------------------
// Collected findings, limits, fingerprints.

struct PendingFinding
{
    Finding finding;
    QString discriminator; ///< extra identity (code snippet, secret hash, ...) for computed fingerprints
    int group = -1; ///< reader-defined (SARIF run, trivy result, ...) for late resolution
    bool pathInIdentity = true;
};

class Collector
{
public:
    Collector(const ReportLimits& limits, const DeviceStreamBuf* input)
        : m_limits(limits)
        , m_input(input)
    { }

    /// Nullptr when the findings limit is reached (the error is then set).
    PendingFinding* add(Finding finding, int group = -1)
    {
        if (qint64(m_items.size()) >= m_limits.maxFindings) {
            fail(QStringLiteral("report.too-many-findings"),
                 QStringLiteral("more than %1 findings (limit reached)").arg(m_limits.maxFindings));
            return nullptr;
        }
        internAll(finding);
        m_items.push_back(PendingFinding{std::move(finding), {}, group, true});
        return &m_items.back();
    }

    /// One shared copy per distinct text: rules, titles, paths and ids repeat across findings, and a large report
    /// would otherwise hold thousands of copies of each.
    void intern(QString& text)
    {
        if (text.isEmpty())
            return;
        const auto it = m_pool.constFind(text);
        if (it != m_pool.cend())
            text = *it;
        else
            m_pool.insert(text);
    }

    void internAll(Finding& f)
    {
        intern(f.tool);
        intern(f.rule);
        intern(f.title);
        intern(f.location.path);
        intern(f.location.package);
        intern(f.location.version);
        intern(f.location.fixedVersion);
        intern(f.location.target);
        for (QString& id : f.ids)
            intern(id);
    }

    void warn(const QString& code, const QString& message)
    {
        ReportDiagnostic d{code, message, m_input ? m_input->position() : -1, 0, 0};
        if (m_input) {
            const auto [line, column] = m_input->lineColumn();
            d.line = line;
            d.column = column;
        }
        // A broken generator can emit millions of bad entries; keep the first ones only.
        if (m_warnings.size() < 100)
            m_warnings << d;
    }

    void fail(const QString& code, const QString& message)
    {
        if (m_errorCode.isEmpty()) {
            m_errorCode = code;
            m_errorMessage = message;
        }
    }
    bool failed() const { return !m_errorCode.isEmpty(); }
    const QString& errorCode() const { return m_errorCode; }
    const QString& errorMessage() const { return m_errorMessage; }

    std::deque<PendingFinding>& items() { return m_items; }
    QList<ReportDiagnostic> takeWarnings() { return std::move(m_warnings); }

    /// Computes the fingerprints that the tools did not provide and makes all of them unique within the report.
    QList<Finding> finish()
    {
        QList<Finding> out;
        out.reserve(qsizetype(m_items.size()));
        QHash<QString, int> seen;
        // Popping as we go frees the pending findings while the result grows, so both never peak together.
        while (!m_items.empty()) {
            PendingFinding& p = m_items.front();
            Finding& f = p.finding;
            if (f.fingerprint.isEmpty()) {
                const QString target
                    = f.category == FindingCategory::Container ? imageRepository(f.location.target) : f.location.target;
                const QStringList identity{
                    f.tool, f.rule,         p.pathInIdentity ? f.location.path : QString(), f.location.package,
                    target, p.discriminator};
                f.fingerprint = sha256Hex(identity.join(QLatin1Char('\n')));
                f.toolFingerprint = false;
            }
            internAll(f);
            // Two findings with the same identity in one report: number the later ones, in report order.
            const int n = ++seen[f.fingerprint];
            if (n > 1)
                f.fingerprint += QLatin1Char(':') + QString::number(n);
            out << std::move(f);
            m_items.pop_front();
        }
        m_pool.clear();
        return out;
    }

private:
    ReportLimits m_limits;
    const DeviceStreamBuf* m_input;
    std::deque<PendingFinding> m_items; // a deque: no copy of all findings when it grows
    QSet<QString> m_pool;
    QList<ReportDiagnostic> m_warnings;
    QString m_errorCode;
    QString m_errorMessage;
};

// ---------------------------------------------------------------------------------------------------------------
// The SAX handler: path tracking and sub-object capture.

struct PathFrame
{
    bool array = false;
    qint64 index = -1;
    std::string key;
};
using JsonPath = std::vector<PathFrame>;

/// "*" matches any key or index.
struct PathPattern
{
    int id;
    std::vector<std::string> segments;
};

/// The container type a format requires at a path ("runs" must be an array).
struct TypeExpectation
{
    std::vector<std::string> segments;
    bool array;
};

qint64 indexAt(const JsonPath& path, size_t depth)
{
    return depth < path.size() ? path[depth].index : -1;
}

const char* typeName(json::value_t type)
{
    switch (type) {
    case json::value_t::null:
        return "null";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::binary:
        return "binary";
    case json::value_t::discarded:
        return "nothing";
    default:
        return "a number";
    }
}

class FormatReader
{
public:
    virtual ~FormatReader() = default;
    virtual std::vector<PathPattern> patterns() const = 0;
    virtual std::vector<TypeExpectation> expectations() const { return {}; }
    /// Returns false to stop (the collector then holds the error).
    virtual bool capture(int id, const JsonPath& path, json&& value, Collector& out) = 0;
    virtual void finish(Collector&) { }
    virtual QString tool() const = 0;
};

class CaptureSax
{
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    CaptureSax(FormatReader& reader, Collector& out, const ReportLimits& limits, ProgressSink* sink)
        : m_reader(reader)
        , m_out(out)
        , m_patterns(reader.patterns())
        , m_expectations(reader.expectations())
        , m_maxDepth(size_t(std::max(1, limits.maxDepth)))
        , m_sink(sink)
    { }

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) { return scalar(json(v)); }
    bool string(string_t& v) { return scalar(json(v)); }
    bool binary(binary_t& v) { return scalar(json(v)); }
    bool start_object(std::size_t) { return startContainer(false); }
    bool start_array(std::size_t) { return startContainer(true); }
    bool end_object() { return endContainer(); }
    bool end_array() { return endContainer(); }

    bool key(string_t& k)
    {
        if (m_capturing)
            m_key = k;
        else if (!m_frames.empty())
            m_frames.back().key = k;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex)
    {
        m_parseError = true;
        // nlohmann counts bytes read (the end of input counts as one); report the 0-based offset of the last one.
        m_parseErrorOffset = std::max<qint64>(0, qint64(position) - 1);
        m_parseErrorMessage = QString::fromStdString(ex.what());
        return false;
    }

    bool parseError() const { return m_parseError; }
    qint64 parseErrorOffset() const { return m_parseErrorOffset; }
    const QString& parseErrorMessage() const { return m_parseErrorMessage; }
    bool sawValue() const { return m_sawValue; }

private:
    bool scalar(json&& v)
    {
        m_sawValue = true;
        if (m_capturing) {
            insert(std::move(v));
            return true;
        }
        advanceIndex();
        if (!checkExpectation(v.type()))
            return false;
        if (const int id = match(); id >= 0)
            return deliver(id, std::move(v));
        return tick();
    }

    bool startContainer(bool array)
    {
        m_sawValue = true;
        if (m_capturing) {
            m_stack.push_back(insert(array ? json::array() : json::object()));
            return checkDepth();
        }
        advanceIndex();
        if (!checkExpectation(array ? json::value_t::array : json::value_t::object))
            return false;
        if (const int id = match(); id >= 0) {
            m_capturing = true;
            m_captureId = id;
            m_root = array ? json::array() : json::object();
            m_stack.push_back(&m_root);
            return checkDepth();
        }
        m_frames.push_back(PathFrame{array, -1, {}});
        return checkDepth() && tick();
    }

    bool endContainer()
    {
        if (m_capturing) {
            m_stack.pop_back();
            if (m_stack.empty()) {
                m_capturing = false;
                json value = std::move(m_root);
                m_root = json();
                return deliver(m_captureId, std::move(value));
            }
            return true;
        }
        if (!m_frames.empty())
            m_frames.pop_back();
        return true;
    }

    json* insert(json&& v)
    {
        json* parent = m_stack.back();
        if (parent->is_array()) {
            parent->push_back(std::move(v));
            return &parent->back();
        }
        json& slot = (*parent)[m_key];
        slot = std::move(v);
        return &slot;
    }

    void advanceIndex()
    {
        if (!m_frames.empty() && m_frames.back().array)
            ++m_frames.back().index;
    }

    bool segmentsMatch(const std::vector<std::string>& segments) const
    {
        if (segments.size() != m_frames.size())
            return false;
        for (size_t i = 0; i < segments.size(); ++i) {
            if (segments[i] == "*")
                continue;
            if (m_frames[i].array || m_frames[i].key != segments[i])
                return false;
        }
        return true;
    }

    int match() const
    {
        for (const PathPattern& p : m_patterns) {
            if (segmentsMatch(p.segments))
                return p.id;
        }
        return -1;
    }

    bool checkExpectation(json::value_t type)
    {
        for (const TypeExpectation& e : m_expectations) {
            if (!segmentsMatch(e.segments))
                continue;
            const json::value_t wanted = e.array ? json::value_t::array : json::value_t::object;
            // null is tolerated: several tools write `"Results": null` for "none".
            if (type != wanted && type != json::value_t::null) {
                QStringList where;
                for (const PathFrame& f : m_frames)
                    where << (f.array ? QString::number(f.index) : QString::fromStdString(f.key));
                m_out.fail(QStringLiteral("report.schema"),
                           QStringLiteral("'%1' must be %2, found %3")
                               .arg(where.join(QLatin1Char('.')), QLatin1String(typeName(wanted)),
                                    QLatin1String(typeName(type))));
                return false;
            }
        }
        return true;
    }

    bool checkDepth()
    {
        if (m_frames.size() + m_stack.size() > m_maxDepth) {
            m_out.fail(QStringLiteral("report.too-deep"),
                       QStringLiteral("JSON nested deeper than %1 levels (limit reached)").arg(m_maxDepth));
            return false;
        }
        return true;
    }

    bool deliver(int id, json&& value)
    {
        if (!m_reader.capture(id, m_frames, std::move(value), m_out) || m_out.failed())
            return false;
        return tick();
    }

    bool tick()
    {
        if (m_sink && (++m_events & 0xfff) == 0 && m_sink->isCancelled()) {
            m_out.fail(QStringLiteral("report.cancelled"), QStringLiteral("cancelled"));
            return false;
        }
        return true;
    }

    FormatReader& m_reader;
    Collector& m_out;
    std::vector<PathPattern> m_patterns;
    std::vector<TypeExpectation> m_expectations;
    size_t m_maxDepth;
    ProgressSink* m_sink;
    JsonPath m_frames;
    bool m_capturing = false;
    int m_captureId = -1;
    json m_root;
    std::vector<json*> m_stack;
    std::string m_key;
    quint64 m_events = 0;
    bool m_sawValue = false;
    bool m_parseError = false;
    qint64 m_parseErrorOffset = -1;
    QString m_parseErrorMessage;
};

// ---------------------------------------------------------------------------------------------------------------
// SARIF 2.1.0 (any tool).

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

// ---------------------------------------------------------------------------------------------------------------
// semgrep JSON.

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

// ---------------------------------------------------------------------------------------------------------------
// trivy JSON: schema v2 ({"SchemaVersion": 2, "Results": [...]}) and the older top-level list of results.

Severity trivySeverity(const QString& s)
{
    return severityFromName(s).value_or(Severity::Info); // UNKNOWN → info
}

class TrivyReader final : public FormatReader
{
    enum
    {
        ArtifactName,
        ArtifactType,
        Target,
        Class,
        Type,
        Vulnerability,
        Misconfiguration,
        Secret
    };

public:
    explicit TrivyReader(bool listForm)
        : m_listForm(listForm)
    { }

    std::vector<PathPattern> patterns() const override
    {
        if (m_listForm)
            return {{Target, {"*", "Target"}},
                    {Class, {"*", "Class"}},
                    {Type, {"*", "Type"}},
                    {Vulnerability, {"*", "Vulnerabilities", "*"}},
                    {Misconfiguration, {"*", "Misconfigurations", "*"}},
                    {Secret, {"*", "Secrets", "*"}}};
        return {{ArtifactName, {"ArtifactName"}},
                {ArtifactType, {"ArtifactType"}},
                {Target, {"Results", "*", "Target"}},
                {Class, {"Results", "*", "Class"}},
                {Type, {"Results", "*", "Type"}},
                {Vulnerability, {"Results", "*", "Vulnerabilities", "*"}},
                {Misconfiguration, {"Results", "*", "Misconfigurations", "*"}},
                {Secret, {"Results", "*", "Secrets", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        if (m_listForm)
            return {{{"*"}, false}};
        return {{{"Results"}, true}, {{"Results", "*"}, false}};
    }
    QString tool() const override { return QStringLiteral("trivy"); }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        const int group = int(indexAt(path, m_listForm ? 0 : 1));
        switch (id) {
        case ArtifactName:
            m_artifactName = text(v);
            return true;
        case ArtifactType:
            m_artifactType = text(v);
            return true;
        case Target:
            m_results[group].target = text(v);
            return true;
        case Class:
            m_results[group].resultClass = text(v);
            return true;
        case Type:
            m_results[group].type = text(v);
            return true;
        case Vulnerability:
            return vulnerability(v, group, out);
        case Misconfiguration:
            return misconfiguration(v, group, out);
        case Secret:
            return secret(v, group, out);
        }
        return true;
    }

    void finish(Collector& out) override
    {
        static const QStringList osTypes{
            QStringLiteral("alpine"), QStringLiteral("debian"),     QStringLiteral("ubuntu"),
            QStringLiteral("redhat"), QStringLiteral("centos"),     QStringLiteral("rocky"),
            QStringLiteral("alma"),   QStringLiteral("amazon"),     QStringLiteral("oracle"),
            QStringLiteral("photon"), QStringLiteral("suse"),       QStringLiteral("opensuse.leap"),
            QStringLiteral("wolfi"),  QStringLiteral("chainguard"), QStringLiteral("cbl-mariner"),
            QStringLiteral("fedora"), QStringLiteral("mariner"),    QStringLiteral("opensuse.tumbleweed")};
        for (PendingFinding& p : out.items()) {
            const ResultInfo& r = m_results[p.group];
            Finding& f = p.finding;
            if (f.category == FindingCategory::Dependency) {
                const bool osPackages = r.resultClass == QLatin1String("os-pkgs")
                    || (r.resultClass.isEmpty() && osTypes.contains(r.type));
                if (osPackages || m_artifactType == QLatin1String("container_image")) {
                    f.category = FindingCategory::Container;
                    // The list form has no ArtifactName; its OS target reads "image:tag (debian 10.13)".
                    f.location.target
                        = m_artifactName.isEmpty() ? r.target.section(QStringLiteral(" ("), 0, 0) : m_artifactName;
                } else {
                    f.location.target = m_artifactName;
                }
                if (!osPackages)
                    f.location.path = r.target;
            } else {
                f.location.path = r.target;
                f.location.target = m_artifactName;
            }
        }
    }

private:
    struct ResultInfo
    {
        QString target;
        QString resultClass;
        QString type;
    };

    bool vulnerability(const json& v, int group, Collector& out)
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Dependency; // container or dependency: decided in finish()
        f.rule = textAt(v, "VulnerabilityID");
        if (f.rule.isEmpty()) {
            out.warn(QStringLiteral("report.entry-skipped"), QStringLiteral("trivy vulnerability without ID"));
            return true;
        }
        f.severity = trivySeverity(textAt(v, "Severity"));
        f.title = firstLine(textAt(v, "Title"));
        if (f.title.isEmpty())
            f.title = f.rule;
        f.description = textAt(v, "Description");
        f.location.package = textAt(v, "PkgName");
        f.location.version = textAt(v, "InstalledVersion");
        f.location.fixedVersion = textAt(v, "FixedVersion");
        extractIds(f.rule, f.ids);
        for (const QString& cwe : textList(child(v, "CweIDs")))
            extractIds(cwe, f.ids);
        return out.add(std::move(f), group) != nullptr;
    }

    bool misconfiguration(const json& v, int group, Collector& out)
    {
        const QString status = textAt(v, "Status");
        if (!status.isEmpty() && status != QLatin1String("FAIL"))
            return true;
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Iac;
        f.rule = textAt(v, "ID");
        if (f.rule.isEmpty())
            f.rule = textAt(v, "AVDID");
        f.severity = trivySeverity(textAt(v, "Severity"));
        f.title = firstLine(textAt(v, "Title"));
        f.description = textAt(v, "Message");
        if (const json* cause = child(v, "CauseMetadata"))
            f.location.line = int(intAt(*cause, "StartLine"));
        PendingFinding* p = out.add(std::move(f), group);
        if (!p)
            return false;
        p->discriminator = textAt(v, {"CauseMetadata", "Resource"});
        return true;
    }

    bool secret(const json& v, int group, Collector& out)
    {
        Finding f;
        f.tool = tool();
        f.category = FindingCategory::Secret;
        f.rule = textAt(v, "RuleID");
        f.severity = trivySeverity(textAt(v, "Severity"));
        f.title = firstLine(textAt(v, "Title"));
        f.location.line = int(intAt(v, "StartLine"));
        PendingFinding* p = out.add(std::move(f), group);
        if (!p)
            return false;
        // trivy masks the secret in Match, so the masked line identifies it without exposing it.
        p->discriminator = textAt(v, "Match").simplified();
        return true;
    }

    bool m_listForm;
    QString m_artifactName;
    QString m_artifactType;
    std::map<int, ResultInfo> m_results;
};

// ---------------------------------------------------------------------------------------------------------------
// gitleaks JSON (a list of leaks).

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

// ---------------------------------------------------------------------------------------------------------------
// grype JSON.

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

// ---------------------------------------------------------------------------------------------------------------
// pip-audit JSON ({"dependencies": [...], "fixes": [...]} or the older top-level list).

class PipAuditReader final : public FormatReader
{
public:
    explicit PipAuditReader(bool listForm)
        : m_listForm(listForm)
    { }
    std::vector<PathPattern> patterns() const override
    {
        if (m_listForm)
            return {{0, {"*"}}};
        return {{0, {"dependencies", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        if (m_listForm)
            return {};
        return {{{"dependencies"}, true}};
    }
    QString tool() const override { return QStringLiteral("pip-audit"); }

    bool capture(int, const JsonPath&, json&& dep, Collector& out) override
    {
        const json* vulns = child(dep, "vulns");
        if (!vulns || !vulns->is_array())
            return true; // skipped dependency (skip_reason) or no vulnerabilities
        const QString name = textAt(dep, "name");
        const QString version = textAt(dep, "version");
        for (const json& v : *vulns) {
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = textAt(v, "id");
            // pip-audit does not rate vulnerabilities.
            f.severity = Severity::Medium;
            f.description = textAt(v, "description");
            f.title = firstLine(f.description, 120);
            if (f.title.isEmpty())
                f.title = f.rule;
            f.location.package = name;
            f.location.version = version;
            f.location.fixedVersion = pickFixedVersion(textList(child(v, "fix_versions")), version);
            extractIds(f.rule, f.ids);
            for (const QString& alias : textList(child(v, "aliases")))
                extractIds(alias, f.ids);
            if (!out.add(std::move(f)))
                return false;
        }
        return true;
    }

private:
    bool m_listForm;
};

// ---------------------------------------------------------------------------------------------------------------
// safety JSON: 2.x object form ({"report_meta", "vulnerabilities": [...]}) and the 1.x list of lists
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

// ---------------------------------------------------------------------------------------------------------------
// OWASP ZAP traditional JSON ({"@version", "site": [{"@name", "alerts": [...]}]}); one finding per alert.

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

// ---------------------------------------------------------------------------------------------------------------
// bandit JSON.

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

// ---------------------------------------------------------------------------------------------------------------
// npm audit JSON: auditReportVersion 2 (npm 7+, "vulnerabilities" by package) and 1 (npm 6, "advisories").

class NpmAuditReader final : public FormatReader
{
    enum
    {
        Package,
        Advisory
    };

public:
    std::vector<PathPattern> patterns() const override
    {
        return {{Package, {"vulnerabilities", "*"}}, {Advisory, {"advisories", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        return {{{"vulnerabilities"}, false}, {{"advisories"}, false}};
    }
    QString tool() const override { return QStringLiteral("npm-audit"); }

    static QString ruleFromUrl(const QString& url, const QString& fallback)
    {
        QStringList ids;
        extractIds(url, ids);
        for (const QString& id : std::as_const(ids)) {
            if (id.startsWith(QLatin1String("GHSA")))
                return id;
        }
        return fallback;
    }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        if (!v.is_object())
            return true;
        if (id == Advisory) {
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = textAt(v, "github_advisory_id");
            if (f.rule.isEmpty())
                f.rule = ruleFromUrl(textAt(v, "url"), textAt(v, "id"));
            f.title = firstLine(textAt(v, "title"));
            f.description = textAt(v, "overview");
            f.severity = severityFromName(textAt(v, "severity")).value_or(Severity::Medium);
            f.location.package = textAt(v, "module_name");
            if (const json* findings = child(v, "findings"); findings && findings->is_array() && !findings->empty())
                f.location.version = textAt(findings->front(), "version");
            static const QRegularExpression simpleRange(QStringLiteral("^>=\\s*([0-9][^ <>=|]*)$"));
            f.location.fixedVersion = simpleRange.match(textAt(v, "patched_versions").trimmed()).captured(1);
            extractIds(f.rule, f.ids);
            for (const QString& cve : textList(child(v, "cves")))
                extractIds(cve, f.ids);
            for (const QString& cwe : textList(child(v, "cwe")))
                extractIds(cwe, f.ids);
            PendingFinding* p = out.add(std::move(f));
            if (p)
                p->pathInIdentity = false;
            return p != nullptr;
        }
        // v2: one entry per vulnerable package; advisories are the objects in `via` (strings there only name the
        // dependency through which the package is affected, reported on that dependency itself).
        const QString name = textAt(v, "name").isEmpty() ? QString::fromStdString(path.back().key) : textAt(v, "name");
        const json* via = child(v, "via");
        if (!via || !via->is_array())
            return true;
        QString fixed;
        if (const json* fix = child(v, "fixAvailable"); fix && fix->is_object() && textAt(*fix, "name") == name)
            fixed = textAt(*fix, "version");
        QString node;
        if (const json* nodes = child(v, "nodes"); nodes && nodes->is_array() && !nodes->empty())
            node = text(nodes->front());
        for (const json& advisory : *via) {
            if (!advisory.is_object())
                continue;
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = ruleFromUrl(textAt(advisory, "url"), textAt(advisory, "source"));
            f.title = firstLine(textAt(advisory, "title"));
            f.severity = severityFromName(textAt(advisory, "severity")).value_or(Severity::Medium);
            f.location.package = name;
            f.location.path = node;
            f.location.fixedVersion = fixed;
            extractIds(f.rule, f.ids);
            for (const QString& cwe : textList(child(advisory, "cwe")))
                extractIds(cwe, f.ids);
            PendingFinding* p = out.add(std::move(f));
            if (!p)
                return false;
            p->pathInIdentity = false;
        }
        return true;
    }
};

// ---------------------------------------------------------------------------------------------------------------
// osv-scanner JSON ({"results": [{"source": {"path"}, "packages": [{"package", "vulnerabilities", "groups"}]}]}).

class OsvReader final : public FormatReader
{
    enum
    {
        SourcePath,
        Package
    };

public:
    std::vector<PathPattern> patterns() const override
    {
        return {{SourcePath, {"results", "*", "source"}}, {Package, {"results", "*", "packages", "*"}}};
    }
    std::vector<TypeExpectation> expectations() const override
    {
        return {{{"results"}, true}, {{"results", "*", "packages"}, true}};
    }
    QString tool() const override { return QStringLiteral("osv-scanner"); }

    bool capture(int id, const JsonPath& path, json&& v, Collector& out) override
    {
        const int result = int(indexAt(path, 1));
        if (id == SourcePath) {
            m_sources[result] = textAt(v, "path");
            return true;
        }
        const json* package = child(v, "package");
        const QString name = package ? textAt(*package, "name") : QString();
        const QString version = package ? textAt(*package, "version") : QString();
        const json* vulns = child(v, "vulnerabilities");
        if (!vulns || !vulns->is_array())
            return true;
        QHash<QString, const json*> byId;
        for (const json& vuln : *vulns)
            byId.insert(textAt(vuln, "id"), &vuln);

        // One finding per group (osv-scanner groups aliases of the same vulnerability); without groups, one per
        // vulnerability.
        struct Group
        {
            QStringList ids;
            QStringList aliases;
            std::optional<double> maxSeverity;
        };
        std::vector<Group> groups;
        if (const json* g = child(v, "groups"); g && g->is_array()) {
            for (const json& group : *g)
                groups.push_back({textList(child(group, "ids")), textList(child(group, "aliases")),
                                  numberOf(child(group, "max_severity"))});
        }
        if (groups.empty()) {
            for (const json& vuln : *vulns)
                groups.push_back({{textAt(vuln, "id")}, textList(child(vuln, "aliases")), std::nullopt});
        }
        for (const Group& g : groups) {
            if (g.ids.isEmpty())
                continue;
            const json* primary = byId.value(g.ids.first());
            Finding f;
            f.tool = tool();
            f.category = FindingCategory::Dependency;
            f.rule = g.ids.first();
            f.location.package = name;
            f.location.version = version;
            f.severity = Severity::Medium;
            if (g.maxSeverity)
                f.severity = severityFromCvss(*g.maxSeverity);
            else if (primary)
                f.severity
                    = severityFromName(textAt(*primary, {"database_specific", "severity"})).value_or(Severity::Medium);
            for (const QString& i : g.ids + g.aliases)
                extractIds(i, f.ids);
            if (primary) {
                f.title = firstLine(textAt(*primary, "summary"));
                f.description = textAt(*primary, "details");
                f.location.fixedVersion = fixedVersion(*primary, name, version);
                for (const QString& cwe : textList(childAt(*primary, {"database_specific", "cwe_ids"})))
                    extractIds(cwe, f.ids);
            }
            if (f.title.isEmpty())
                f.title = f.rule;
            if (!out.add(std::move(f), result))
                return false;
        }
        return true;
    }

    void finish(Collector& out) override
    {
        for (PendingFinding& p : out.items())
            p.finding.location.path = m_sources[p.group];
    }

private:
    static QString fixedVersion(const json& vuln, const QString& name, const QString& installed)
    {
        QStringList fixed;
        const json* affected = child(vuln, "affected");
        if (!affected || !affected->is_array())
            return {};
        for (const json& a : *affected) {
            if (textAt(a, {"package", "name"}) != name)
                continue;
            const json* ranges = child(a, "ranges");
            if (!ranges || !ranges->is_array())
                continue;
            for (const json& r : *ranges) {
                const json* events = child(r, "events");
                if (!events || !events->is_array())
                    continue;
                for (const json& e : *events) {
                    const QString f = textAt(e, "fixed");
                    if (!f.isEmpty())
                        fixed << f;
                }
            }
        }
        return pickFixedVersion(fixed, installed);
    }

    std::map<int, QString> m_sources;
};

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
        return std::make_unique<SarifReader>();
    case ReportFormat::Semgrep:
        return std::make_unique<SemgrepReader>();
    case ReportFormat::Trivy:
        return std::make_unique<TrivyReader>(listForm);
    case ReportFormat::Gitleaks:
        return std::make_unique<GitleaksReader>();
    case ReportFormat::Grype:
        return std::make_unique<GrypeReader>();
    case ReportFormat::PipAudit:
        return std::make_unique<PipAuditReader>(listForm);
    case ReportFormat::Safety:
        return std::make_unique<SafetyReader>(listForm);
    case ReportFormat::Zap:
        return std::make_unique<ZapReader>();
    case ReportFormat::Bandit:
        return std::make_unique<BanditReader>();
    case ReportFormat::NpmAudit:
        return std::make_unique<NpmAuditReader>();
    case ReportFormat::OsvScanner:
        return std::make_unique<OsvReader>();
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
