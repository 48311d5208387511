// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentParser.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

namespace gatehouse::delivery {

namespace {

constexpr qsizetype kMaxDocumentSize = 1 << 20;

enum class Field
{
    None,
    Incident,
    RootCause,
    Fix,
    Detected,
    Duration,
    Severity,
    Deployment,
    Scope,
    Title,
    Date
};

QString normalizeKey(QString key)
{
    key = key.toLower();
    key.replace(QLatin1Char('_'), QLatin1Char(' '));
    key.replace(QLatin1Char('-'), QLatin1Char(' '));
    return key.simplified();
}

// Keys accepted in commit bodies and document bodies.
Field bodyField(const QString& normalizedKey)
{
    static const QHash<QString, Field> fields{
        {QStringLiteral("incident"), Field::Incident},     {QStringLiteral("incident id"), Field::Incident},
        {QStringLiteral("root cause"), Field::RootCause},  {QStringLiteral("fix"), Field::Fix},
        {QStringLiteral("detected"), Field::Detected},     {QStringLiteral("detected at"), Field::Detected},
        {QStringLiteral("duration"), Field::Duration},     {QStringLiteral("severity"), Field::Severity},
        {QStringLiteral("deployment"), Field::Deployment}, {QStringLiteral("blamed deployment"), Field::Deployment},
    };
    return fields.value(normalizedKey, Field::None);
}

// Keys accepted in front matter: the body keys plus the document's own.
Field frontMatterField(const QString& normalizedKey)
{
    static const QHash<QString, Field> fields{
        {QStringLiteral("id"), Field::Incident},     {QStringLiteral("title"), Field::Title},
        {QStringLiteral("scope"), Field::Scope},     {QStringLiteral("service"), Field::Scope},
        {QStringLiteral("component"), Field::Scope}, {QStringLiteral("date"), Field::Date},
        {QStringLiteral("time"), Field::Date},       {QStringLiteral("resolution"), Field::Fix},
    };
    const Field field = bodyField(normalizedKey);
    return field != Field::None ? field : fields.value(normalizedKey, Field::None);
}

// Markdown section headings that carry a field in their first paragraph.
Field sectionField(const QString& normalizedHeading)
{
    static const QHash<QString, Field> fields{
        {QStringLiteral("root cause"), Field::RootCause},
        {QStringLiteral("root causes"), Field::RootCause},
        {QStringLiteral("fix"), Field::Fix},
        {QStringLiteral("resolution"), Field::Fix},
        {QStringLiteral("severity"), Field::Severity},
        {QStringLiteral("detected"), Field::Detected},
        {QStringLiteral("detection"), Field::Detected},
        {QStringLiteral("duration"), Field::Duration},
    };
    return fields.value(normalizedHeading, Field::None);
}

void setField(Incident& incident, Field field, const QString& value, bool fillOnly)
{
    auto assign = [&](QString& target) {
        if (!fillOnly || target.isEmpty())
            target = value;
    };
    switch (field) {
    case Field::Incident:
        assign(incident.incident);
        break;
    case Field::RootCause:
        assign(incident.rootCause);
        break;
    case Field::Fix:
        assign(incident.fix);
        break;
    case Field::Detected:
        assign(incident.detected);
        break;
    case Field::Duration:
        assign(incident.duration);
        break;
    case Field::Severity:
        assign(incident.severity);
        break;
    case Field::Deployment:
        assign(incident.deploymentRef);
        break;
    case Field::Scope:
        assign(incident.scope);
        break;
    case Field::Title:
        assign(incident.title);
        break;
    case Field::Date:
    case Field::None:
        break;
    }
}

void addFactor(Incident& incident, const QString& id, const QString& note)
{
    if (id.isEmpty())
        return;
    if (!incident.factors.contains(id))
        incident.factors.append(id);
    if (!note.isEmpty())
        incident.factorNotes.append(note);
}

// "- **Root cause:** text" → "Root cause: text"
QString plainLine(const QString& line)
{
    static const QRegularExpression bullet(QStringLiteral("\\A\\s*(?:[-*+]\\s+)?"));
    QString text = line;
    text.remove(QLatin1String("**"));
    text.remove(bullet);
    return text.trimmed();
}

// Reads `Key: value` and `Factor …` lines. Returns true when the line was one of them.
bool applyLine(Incident& incident, const QString& rawLine, bool fillOnly, Field* lastField)
{
    static const QRegularExpression factorLine(
        QStringLiteral("\\A(?:12[- ]?)?factor\\s+([IVXivx]+|\\d{1,2})\\b\\s*(?:[:.)\\]–—-]\\s*)?(.*)\\z"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression factorList(QStringLiteral("\\A(?:12[- ]?)?factors\\s*:\\s*(.*)\\z"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keyValue(QStringLiteral("\\A([A-Za-z][A-Za-z _-]{0,30}?)\\s*:\\s*(.*)\\z"));
    static const QRegularExpression separators(QStringLiteral("[,;/\\s]+"));

    const QString line = plainLine(rawLine);
    *lastField = Field::None;
    if (line.isEmpty())
        return false;
    if (const QRegularExpressionMatch match = factorList.match(line); match.hasMatch()) {
        const QStringList items = match.captured(1).split(separators, Qt::SkipEmptyParts);
        for (const QString& item : items)
            addFactor(incident, IncidentParser::normalizeFactor(item), {});
        return true;
    }
    if (const QRegularExpressionMatch match = factorLine.match(line); match.hasMatch()) {
        const QString id = IncidentParser::normalizeFactor(match.captured(1));
        if (id.isEmpty())
            return false;
        addFactor(incident, id, line);
        return true;
    }
    const QRegularExpressionMatch match = keyValue.match(line);
    if (!match.hasMatch())
        return false;
    const Field field = bodyField(normalizeKey(match.captured(1)));
    if (field == Field::None)
        return false;
    const QString value = match.captured(2).trimmed();
    setField(incident, field, value, fillOnly);
    *lastField = value.isEmpty() && fillOnly ? Field::None : field;
    return true;
}

QString* fieldTarget(Incident& incident, Field field)
{
    switch (field) {
    case Field::Incident:
        return &incident.incident;
    case Field::RootCause:
        return &incident.rootCause;
    case Field::Fix:
        return &incident.fix;
    case Field::Detected:
        return &incident.detected;
    case Field::Duration:
        return &incident.duration;
    case Field::Severity:
        return &incident.severity;
    case Field::Deployment:
        return &incident.deploymentRef;
    default:
        return nullptr;
    }
}

// Field lines of a body; indented lines right after a field continue its value.
void applyBody(Incident& incident, const QString& body, bool fillOnly)
{
    Field last = Field::None;
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const bool indented = !line.isEmpty() && (line.at(0) == QLatin1Char(' ') || line.at(0) == QLatin1Char('\t'));
        if (indented && last != Field::None && !line.trimmed().isEmpty()) {
            Field ignored = Field::None;
            Incident probe;
            if (!applyLine(probe, line, false, &ignored)) {
                if (QString* target = fieldTarget(incident, last)) {
                    *target = (target->isEmpty() ? QString() : *target + QLatin1Char(' ')) + plainLine(line);
                    continue;
                }
            }
        }
        applyLine(incident, line, fillOnly, &last);
    }
}

// `## Root cause` followed by a paragraph: the paragraph fills the field when it is still empty.
void applySections(Incident& incident, const QString& body)
{
    static const QRegularExpression heading(QStringLiteral("\\A#{2,6}\\s+(.+?)\\s*#*\\s*\\z"));
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = heading.match(lines.at(i));
        if (!match.hasMatch())
            continue;
        const Field field = sectionField(normalizeKey(match.captured(1)));
        QString* target = fieldTarget(incident, field);
        if (!target || !target->isEmpty())
            continue;
        QStringList paragraph;
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            const QString text = lines.at(j).trimmed();
            if (text.startsWith(QLatin1Char('#')))
                break;
            if (text.isEmpty()) {
                if (paragraph.isEmpty())
                    continue;
                break;
            }
            paragraph.append(plainLine(text));
        }
        *target = paragraph.join(QLatin1Char(' '));
    }
}

QString scalarText(const YAML::Node& node)
{
    if (!node)
        return {};
    if (node.IsScalar())
        return QString::fromStdString(node.Scalar()).trimmed();
    if (node.IsSequence()) {
        QStringList items;
        for (const YAML::Node& item : node) {
            if (item.IsScalar())
                items.append(QString::fromStdString(item.Scalar()).trimmed());
        }
        return items.join(QLatin1String(", "));
    }
    return {};
}

// The first token of a subject after an optional conventional-commit type, e.g. the scope of `feat(api): x`.
QString conventionalScope(const QString& subject)
{
    static const QRegularExpression conventional(QStringLiteral("\\A[A-Za-z]+\\(([^)]*)\\)!?:"));
    const QRegularExpressionMatch match = conventional.match(subject);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

} // namespace

QString incidentKindName(Incident::Kind kind)
{
    switch (kind) {
    case Incident::Kind::Postmortem:
        return QStringLiteral("postmortem");
    case Incident::Kind::Hotfix:
        return QStringLiteral("hotfix");
    case Incident::Kind::Revert:
        return QStringLiteral("revert");
    case Incident::Kind::Document:
        return QStringLiteral("document");
    case Incident::Kind::RevertUnshipped:
        return QStringLiteral("revert-unshipped");
    }
    return {};
}

QString IncidentParser::normalizeFactor(const QString& text)
{
    static const QStringList romans{QStringLiteral("I"),   QStringLiteral("II"),   QStringLiteral("III"),
                                    QStringLiteral("IV"),  QStringLiteral("V"),    QStringLiteral("VI"),
                                    QStringLiteral("VII"), QStringLiteral("VIII"), QStringLiteral("IX"),
                                    QStringLiteral("X"),   QStringLiteral("XI"),   QStringLiteral("XII")};
    const QString trimmed = text.trimmed().toUpper();
    if (romans.contains(trimmed))
        return trimmed;
    bool isNumber = false;
    const int number = trimmed.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= 12)
        return romans.at(number - 1);
    return {};
}

std::optional<qint64> IncidentParser::parseDuration(const QString& text)
{
    const QString value = text.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    static const QRegularExpression iso(QStringLiteral("\\AP(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?\\z"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = iso.match(value); match.hasMatch() && value.size() > 1) {
        return match.captured(1).toLongLong() * 86400 + match.captured(2).toLongLong() * 3600
            + match.captured(3).toLongLong() * 60 + match.captured(4).toLongLong();
    }
    static const QRegularExpression clock(QStringLiteral("\\A(\\d{1,3}):([0-5]\\d)(?::([0-5]\\d))?\\z"));
    if (const QRegularExpressionMatch match = clock.match(value); match.hasMatch()) {
        return match.captured(1).toLongLong() * 3600 + match.captured(2).toLongLong() * 60
            + match.captured(3).toLongLong();
    }
    static const QRegularExpression part(
        QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression filler(QStringLiteral("\\A(?:\\s|,|and|~|about|approx\\.?)*\\z"),
                                           QRegularExpression::CaseInsensitiveOption);
    double seconds = 0;
    qsizetype position = 0;
    bool any = false;
    QRegularExpressionMatchIterator it = part.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (!filler.match(value.mid(position, match.capturedStart() - position)).hasMatch())
            return std::nullopt;
        const double amount = match.captured(1).toDouble();
        const QChar unit = match.captured(2).at(0).toLower();
        const double scale = unit == QLatin1Char('d') ? 86400.0
            : unit == QLatin1Char('h')                ? 3600.0
            : unit == QLatin1Char('m')                ? 60.0
                                                      : 1.0;
        seconds += amount * scale;
        position = match.capturedEnd();
        any = true;
    }
    if (!any || !filler.match(value.mid(position)).hasMatch())
        return std::nullopt;
    return qint64(seconds + 0.5);
}

QDateTime IncidentParser::parseDateTime(const QString& text)
{
    QString value = text.trimmed();
    static const QRegularExpression utcSuffix(QStringLiteral("\\s+(?:UTC|GMT)\\z"));
    value.remove(utcSuffix);
    static const QRegularExpression shape(QStringLiteral(
        "\\A(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(Z|[+-]\\d{2}:?\\d{2})?\\z"));
    const QRegularExpressionMatch match = shape.match(value);
    if (!match.hasMatch())
        return {};
    QString iso = match.captured(1) + QLatin1Char('T') + match.captured(2);
    QString offset = match.captured(3);
    if (offset.isEmpty())
        offset = QStringLiteral("Z");
    else if (offset.size() == 5)
        offset.insert(3, QLatin1Char(':'));
    const QDateTime time = QDateTime::fromString(iso + offset, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

bool IncidentParser::isPostmortemDocumentPath(const QString& path)
{
    static const QRegularExpression documentPath(QStringLiteral("\\A(?:docs/)?postmortems/.+\\.(?:md|markdown)\\z"),
                                                 QRegularExpression::CaseInsensitiveOption);
    return documentPath.match(path).hasMatch();
}

std::optional<Incident> IncidentParser::parseCommitMessage(const QString& message)
{
    QString text = message;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    const QString subject = (newline < 0 ? text : text.left(newline)).trimmed();
    const QString body = newline < 0 ? QString() : text.mid(newline + 1);

    static const QRegularExpression conventional(
        QStringLiteral("\\A(postmortem|post-mortem|hotfix|revert)(?:\\(([^)]*)\\))?!?:\\s*(.*)\\z"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression gitRevert(QStringLiteral("\\ARevert\\s+\"(.*)\"\\s*\\z"));

    Incident incident;
    if (const QRegularExpressionMatch match = conventional.match(subject); match.hasMatch()) {
        const QString type = match.captured(1).toLower();
        incident.kind = type == QLatin1String("hotfix") ? Incident::Kind::Hotfix
            : type == QLatin1String("revert")           ? Incident::Kind::Revert
                                                        : Incident::Kind::Postmortem;
        incident.scope = match.captured(2).trimmed();
        incident.title = match.captured(3).trimmed();
        if (incident.kind == Incident::Kind::Revert && incident.scope.isEmpty())
            incident.scope = conventionalScope(incident.title);
    } else if (const QRegularExpressionMatch match = gitRevert.match(subject); match.hasMatch()) {
        incident.kind = Incident::Kind::Revert;
        incident.title = subject;
        incident.scope = conventionalScope(match.captured(1));
    } else {
        return std::nullopt;
    }
    if (incident.title.isEmpty())
        incident.title = subject;
    incident.body = body.trimmed();
    applyBody(incident, body, false);

    static const QRegularExpression reverts(QStringLiteral("This reverts commit ([0-9a-fA-F]{7,40})"));
    if (const QRegularExpressionMatch match = reverts.match(body); match.hasMatch())
        incident.revertedCommit = match.captured(1).toLower();
    incident.durationSeconds = parseDuration(incident.duration);
    incident.time = parseDateTime(incident.detected);
    return incident;
}

std::optional<Incident> IncidentParser::parseDocument(const QString& path, const QByteArray& content,
                                                      QList<IncidentDiagnostic>* diagnostics)
{
    auto report = [&](int line, int column, const QString& code, const QString& message) {
        if (diagnostics)
            diagnostics->append(IncidentDiagnostic{path, line, column, code, message});
    };
    if (content.size() > kMaxDocumentSize) {
        report(0, 0, QStringLiteral("postmortem.too-large"),
               QStringLiteral("%1 bytes, more than the %2 bytes read").arg(content.size()).arg(kMaxDocumentSize));
        return std::nullopt;
    }
    if (content.contains('\0')) {
        report(0, 0, QStringLiteral("postmortem.binary"), QStringLiteral("binary content"));
        return std::nullopt;
    }
    QString text = QString::fromUtf8(content);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);

    Incident incident;
    incident.kind = Incident::Kind::Document;
    incident.documentPath = path;

    QString body = text;
    QString dateText;
    if (text.startsWith(QLatin1String("---\n"))) {
        const QStringList lines = text.split(QLatin1Char('\n'));
        qsizetype end = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).trimmed() == QLatin1String("---") || lines.at(i).trimmed() == QLatin1String("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            report(1, 1, QStringLiteral("postmortem.front-matter"),
                   QStringLiteral("front matter opened with --- is never closed"));
        } else {
            const QString yaml = lines.mid(1, end - 1).join(QLatin1Char('\n'));
            body = lines.mid(end + 1).join(QLatin1Char('\n'));
            try {
                const YAML::Node root = YAML::Load(yaml.toStdString());
                if (root && root.IsMap()) {
                    for (const auto& entry : root) {
                        const QString key = normalizeKey(QString::fromStdString(entry.first.as<std::string>()));
                        if (key == QLatin1String("factors") || key == QLatin1String("factor")) {
                            const QString list = scalarText(entry.second);
                            static const QRegularExpression separators(QStringLiteral("\\s*,\\s*"));
                            for (const QString& item : list.split(separators, Qt::SkipEmptyParts)) {
                                // "IX: disposability" or "IX"
                                const QString id = normalizeFactor(
                                    item.section(QRegularExpression(QStringLiteral("[\\s:(]")), 0, 0));
                                addFactor(incident, id, item.contains(QLatin1Char(' ')) ? item : QString());
                            }
                            continue;
                        }
                        const Field field = frontMatterField(key);
                        if (field == Field::Date)
                            dateText = scalarText(entry.second);
                        else
                            setField(incident, field, scalarText(entry.second), false);
                    }
                } else if (root && !root.IsNull()) {
                    report(2, 1, QStringLiteral("postmortem.front-matter"),
                           QStringLiteral("front matter is not a mapping"));
                }
            } catch (const YAML::Exception& exception) {
                // +2: the opening --- is line 1 of the file, and yaml-cpp counts from 0.
                report(exception.mark.is_null() ? 0 : exception.mark.line + 2,
                       exception.mark.is_null() ? 0 : exception.mark.column + 1,
                       QStringLiteral("postmortem.front-matter"), QString::fromStdString(exception.msg));
            }
        }
    }
    incident.body = body.trimmed();
    applyBody(incident, body, true);
    applySections(incident, body);

    if (incident.title.isEmpty()) {
        static const QRegularExpression heading(QStringLiteral("^#\\s+(.+?)\\s*#*\\s*$"),
                                                QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = heading.match(body);
        incident.title = match.hasMatch() ? match.captured(1) : QFileInfo(path).completeBaseName();
    }
    incident.durationSeconds = parseDuration(incident.duration);
    incident.time = parseDateTime(incident.detected);
    if (!incident.time.isValid() && !dateText.isEmpty()) {
        incident.time = parseDateTime(dateText);
        // A bare date: the incident happened some time that day, so anything deployed that day may be to blame.
        if (!incident.time.isValid()) {
            const QDate date = QDate::fromString(dateText, Qt::ISODate);
            if (date.isValid())
                incident.time = QDateTime(date, QTime(23, 59, 59), QTimeZone::utc()).toUTC();
        }
    }
    return incident;
}

} // namespace gatehouse::delivery
