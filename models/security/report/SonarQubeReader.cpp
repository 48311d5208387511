// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SonarQubeReader.h"

#include "JsonFields.h"
#include "common/JsonStringScan.h"

#include <QCryptographicHash>
#include <QHash>

#include <nlohmann/json.hpp>

#include <optional>

namespace gatehouse {

namespace {

using json = nlohmann::json;

using report::text;

int integer(const json& j, const char* key)
{
    if (!j.is_object())
        return 0;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number())
        return 0;
    const double value = it->get<double>();
    return value >= 1 && value < 1e9 ? int(value) : 0;
}

const json* child(const json& j, const char* key)
{
    if (!j.is_object())
        return nullptr;
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

QString firstLine(const QString& s)
{
    QString line = s.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > 200)
        line = line.left(199) + QChar(0x2026);
    return line;
}

/// The worst severity among an issue's or rule's `impacts`, if it has any.
std::optional<Severity> worstImpact(const json& j)
{
    const json* impacts = child(j, "impacts");
    if (!impacts || !impacts->is_array())
        return std::nullopt;
    std::optional<Severity> worst;
    for (const json& impact : *impacts) {
        const QString s = text(impact, "severity");
        if (s.isEmpty())
            continue;
        const Severity severity = SonarQubeReader::severity(s);
        if (!worst || severity > *worst)
            worst = severity;
    }
    return worst;
}

/// The worse of the legacy severity and the impacts: an issue the new model rates lower keeps its old weight.
std::optional<Severity> severityOf(const json& j)
{
    std::optional<Severity> result = worstImpact(j);
    if (const QString s = text(j, "severity"); !s.isEmpty())
        result = std::max(result.value_or(Severity::Info), SonarQubeReader::severity(s));
    return result;
}

struct RuleInfo
{
    std::optional<Severity> severity;
    QString name;
};

/// Where the document of `data` starting at `begin` ends (one past its last byte), checking nesting; a string
/// with the reason when it cannot be delimited.
struct Extent
{
    qsizetype end = -1;
    qsizetype errorOffset = -1;
    QString code;
    QString message;
};

Extent documentExtent(const QByteArray& data, qsizetype begin, int maxDepth)
{
    QByteArray open; // the brackets still open, innermost last
    JsonStringScan strings;
    for (qsizetype i = begin; i < data.size(); ++i) {
        const char c = data.at(i);
        if (strings.skip(c))
            continue;
        if (c == '"') {
            strings.open();
        } else if (c == '{' || c == '[') {
            open.append(c);
            if (open.size() > maxDepth)
                return {-1, i, QStringLiteral("report.too-deep"),
                        QStringLiteral("JSON nested deeper than %1 levels (limit reached)").arg(maxDepth)};
        } else if (c == '}' || c == ']') {
            if (open.isEmpty() || open.back() != (c == '}' ? '{' : '['))
                return {-1, i, QStringLiteral("report.invalid-json"),
                        QStringLiteral("invalid JSON: unexpected '%1'").arg(QLatin1Char(c))};
            open.chop(1);
            if (open.isEmpty())
                return {i + 1, -1, {}, {}};
        } else if (open.isEmpty() && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            return {-1, i, QStringLiteral("report.invalid-json"),
                    QStringLiteral("invalid JSON: a SonarQube page must be an object or a list")};
        }
    }
    return {-1, data.size(), QStringLiteral("report.truncated"),
            QStringLiteral("truncated report: unexpected end of input")};
}

ReportDiagnostic at(const QByteArray& data, qsizetype offset, const QString& code, const QString& message)
{
    ReportDiagnostic d{code, message, offset};
    const QByteArray before = data.left(offset);
    d.line = int(before.count('\n')) + 1;
    d.column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
    return d;
}

class PageReader
{
public:
    PageReader(const ReportLimits& limits, ParsedReport& report)
        : m_limits(limits)
        , m_report(report)
    { }

    /// False when a limit was hit (the diagnostic is in `error`).
    bool readPage(const json& page)
    {
        QHash<QString, RuleInfo> rules;
        if (const json* list = child(page, "rules"); list && list->is_array()) {
            for (const json& rule : *list)
                rules.insert(text(rule, "id"), RuleInfo{severityOf(rule), text(rule, "name")});
        }
        QHash<QString, QString> componentPaths;
        if (const json* list = child(page, "components"); list && list->is_array()) {
            for (const json& component : *list) {
                const QString path = text(component, "path");
                if (!path.isEmpty())
                    componentPaths.insert(text(component, "key"), path);
            }
        }
        const json* issues = child(page, "issues");
        if (!issues || !issues->is_array()) {
            m_report.warnings << ReportDiagnostic{QStringLiteral("report.schema"),
                                                  QStringLiteral("a SonarQube page without an `issues` list")};
            return true;
        }
        const QString project = text(page, "projectKey");
        for (const json& issue : *issues) {
            if (!issue.is_object()) {
                skip(QStringLiteral("sonarqube issue is not an object"));
                continue;
            }
            std::optional<Finding> finding = child(issue, "primaryLocation") || child(issue, "ruleId")
                ? genericIssue(issue, rules)
                : apiIssue(issue, componentPaths, project);
            if (!finding)
                continue;
            if (qint64(m_report.findings.size()) >= m_limits.maxFindings) {
                error = ReportDiagnostic{
                    QStringLiteral("report.too-many-findings"),
                    QStringLiteral("more than %1 findings (limit reached)").arg(m_limits.maxFindings)};
                return false;
            }
            m_report.findings << *finding;
        }
        return true;
    }

    ReportDiagnostic error;

private:
    void skip(const QString& why)
    {
        m_report.warnings << ReportDiagnostic{QStringLiteral("report.entry-skipped"), why};
    }

    std::optional<Finding> genericIssue(const json& issue, const QHash<QString, RuleInfo>& rules)
    {
        Finding f;
        f.tool = QStringLiteral("sonarqube");
        f.rule = text(issue, "ruleId");
        if (f.rule.isEmpty()) {
            skip(QStringLiteral("sonarqube generic issue without ruleId"));
            return std::nullopt;
        }
        const RuleInfo rule = rules.value(f.rule);
        const json* location = child(issue, "primaryLocation");
        f.location.path = location ? text(*location, "filePath") : QString();
        if (const json* range = location ? child(*location, "textRange") : nullptr)
            f.location.line = integer(*range, "startLine");
        const QString message = location ? text(*location, "message") : QString();
        f.title = firstLine(message.isEmpty() ? rule.name : message);
        f.description = message;
        // The deprecated format puts severity on the issue; the current one on its rule.
        f.severity = severityOf(issue).value_or(rule.severity.value_or(Severity::Medium));
        f.fingerprint = hash({f.tool, text(issue, "engineId"), f.rule, f.location.path, message});
        return f;
    }

    std::optional<Finding> apiIssue(const json& issue, const QHash<QString, QString>& componentPaths,
                                    const QString& pageProject)
    {
        Finding f;
        f.tool = QStringLiteral("sonarqube");
        f.rule = text(issue, "rule");
        if (f.rule.isEmpty()) {
            skip(QStringLiteral("sonarqube issue without rule"));
            return std::nullopt;
        }
        const QString status = text(issue, "status").toUpper();
        const QString resolution = text(issue, "resolution").toUpper();
        const QString issueStatus = text(issue, "issueStatus").toUpper();
        if (resolution == QLatin1String("FIXED") || resolution == QLatin1String("REMOVED")
            || issueStatus == QLatin1String("FIXED") || (status == QLatin1String("CLOSED") && resolution.isEmpty()))
            return std::nullopt; // no longer in the code
        if (resolution == QLatin1String("FALSE-POSITIVE") || issueStatus == QLatin1String("FALSE_POSITIVE")
            || resolution == QLatin1String("SAFE"))
            f.triage = QStringLiteral("false_positive");
        else if (resolution == QLatin1String("WONTFIX") || issueStatus == QLatin1String("ACCEPTED")
                 || resolution == QLatin1String("ACKNOWLEDGED"))
            f.triage = QStringLiteral("accepted");

        const QString component = text(issue, "component");
        f.location.path = componentPaths.value(component);
        if (f.location.path.isEmpty()) {
            QString project = text(issue, "project");
            if (project.isEmpty())
                project = pageProject;
            if (!project.isEmpty() && component.startsWith(project + QLatin1Char(':')))
                f.location.path = component.mid(project.size() + 1);
            else
                f.location.path = component.section(QLatin1Char(':'), 1); // "projectKey:path"
            if (f.location.path.isEmpty())
                f.location.path = component;
        }
        f.location.line = integer(issue, "line");
        if (const json* range = child(issue, "textRange"); range && f.location.line == 0)
            f.location.line = integer(*range, "startLine");
        const QString message = text(issue, "message");
        f.title = firstLine(message);
        f.description = message;
        f.severity = severityOf(issue).value_or(Severity::Medium);
        const QString key = text(issue, "key");
        f.toolFingerprint = !key.isEmpty();
        f.fingerprint = f.toolFingerprint ? key : hash({f.tool, f.rule, f.location.path, message});
        return f;
    }

    static QString hash(const QStringList& identity)
    {
        return QString::fromLatin1(
                   QCryptographicHash::hash(identity.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256)
                       .toHex())
            .left(32);
    }

    const ReportLimits& m_limits;
    ParsedReport& m_report;
};

} // namespace

Severity SonarQubeReader::severity(const QString& sonarSeverity)
{
    const QString s = sonarSeverity.trimmed().toUpper();
    if (s == QLatin1String("BLOCKER"))
        return Severity::Critical;
    if (s == QLatin1String("CRITICAL") || s == QLatin1String("HIGH"))
        return Severity::High;
    if (s == QLatin1String("MINOR") || s == QLatin1String("LOW"))
        return Severity::Low;
    if (s == QLatin1String("INFO"))
        return Severity::Info;
    return Severity::Medium; // MAJOR, MEDIUM and anything newer
}

bool SonarQubeReader::recognises(const QSet<QString>& keys, const QSet<QString>& issueKeys)
{
    if (!keys.contains(QStringLiteral("issues")))
        return false;
    const bool generic = issueKeys.contains(QStringLiteral("ruleId"))
        || issueKeys.contains(QStringLiteral("primaryLocation"))
        || (keys.contains(QStringLiteral("rules")) && issueKeys.isEmpty());
    const bool api = (issueKeys.contains(QStringLiteral("rule")) && issueKeys.contains(QStringLiteral("component")))
        || keys.contains(QStringLiteral("paging"))
        || (keys.contains(QStringLiteral("components")) && keys.contains(QStringLiteral("total")));
    return generic || api;
}

Result<ParsedReport> SonarQubeReader::read(const QByteArray& data, const QString& path, const ReportLimits& limits,
                                           ReportDiagnostic* failure)
{
    const auto fail = [&](const ReportDiagnostic& d) -> Result<ParsedReport> {
        if (failure)
            *failure = d;
        return makeError(d.code, d.toString());
    };
    ParsedReport report;
    report.path = path;
    report.format = ReportFormat::SonarQube;
    report.tool = QStringLiteral("sonarqube");
    report.size = data.size();
    PageReader reader(limits, report);

    qsizetype pos = 0;
    int pages = 0;
    while (true) {
        while (pos < data.size() && QChar::isSpace(uchar(data.at(pos))))
            ++pos;
        if (pos >= data.size())
            break;
        Extent extent = documentExtent(data, pos, std::max(1, limits.maxDepth));
        if (extent.end < 0 && extent.code == QLatin1String("report.truncated")) {
            // Unbalanced brackets: a stray character (a flipped byte) may be the real cause; the parser tells.
            try {
                const json probe = json::parse(data.constData() + pos, data.constData() + data.size());
                Q_UNUSED(probe)
            } catch (const json::parse_error& e) {
                const qsizetype offset = pos + qsizetype(e.byte > 0 ? e.byte - 1 : 0);
                if (offset < data.size() && !QByteArray(e.what()).contains("unexpected end of input")) {
                    QString message = QString::fromUtf8(e.what());
                    message.remove(0, message.indexOf(QLatin1String(": ")) + 2);
                    extent = {-1, offset, QStringLiteral("report.invalid-json"),
                              QStringLiteral("invalid JSON: ") + message};
                }
            } catch (const std::exception&) {
                // keep "truncated"
            }
        }
        if (extent.end < 0)
            return fail(at(data, extent.errorOffset, extent.code, extent.message));
        json document;
        try {
            document = json::parse(data.constData() + pos, data.constData() + extent.end);
        } catch (const json::parse_error& e) {
            const qsizetype offset = pos + qsizetype(e.byte > 0 ? e.byte - 1 : 0);
            QString message = QString::fromUtf8(e.what());
            message.remove(0, message.indexOf(QLatin1String(": ")) + 2);
            return fail(
                at(data, offset, QStringLiteral("report.invalid-json"), QStringLiteral("invalid JSON: ") + message));
        } catch (const std::exception& e) {
            return fail(at(data, pos, QStringLiteral("report.invalid-json"), QString::fromUtf8(e.what())));
        }
        const QList<const json*> pageList = [&document] {
            QList<const json*> list;
            if (document.is_array()) {
                for (const json& element : document)
                    list << &element;
            } else {
                list << &document;
            }
            return list;
        }();
        for (const json* page : pageList) {
            if (!page->is_object()) {
                return fail(at(data, pos, QStringLiteral("report.schema"),
                               QStringLiteral("a list of SonarQube pages holds something that is not an object")));
            }
            ++pages;
            if (!reader.readPage(*page))
                return fail(reader.error);
        }
        pos = extent.end;
    }
    if (pages == 0)
        return fail({QStringLiteral("report.empty"), QStringLiteral("the report is empty")});
    return report;
}

} // namespace gatehouse
