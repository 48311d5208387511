// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SchemaValidator.h"

#include <QDateTime>
#include <QRegularExpression>

namespace gatehouse::pipeline {

SchemaValidator::SchemaValidator(const KeywordTables& tables, const QStringList& files, QList<Diagnostic>& diagnostics)
    : m_tables(tables)
    , m_files(files)
    , m_diagnostics(diagnostics)
    , m_github(tables.system() == u"github")
    , m_circleci(tables.system() == u"circleci")
{ }

void SchemaValidator::report(const YamlNode& at, Severity severity, const QString& rule, const QString& message)
{
    m_diagnostics.append(Diagnostic{m_files.value(at.file), at.line, at.column, severity, Category::Schema,
                                    m_tables.system() + u'.' + rule, message});
}

bool SchemaValidator::isDynamic(const YamlNode& node) const
{
    // Values computed at run time cannot be checked statically: GitHub expressions, GitLab variables, CircleCI
    // parameters (`<< parameters.x >>`, substituted when the configuration is processed).
    if (node.kind != YamlNode::Kind::Scalar)
        return false;
    if (m_circleci)
        return node.value.contains(u"<<");
    return m_github ? node.value.contains(u"${{") : node.value.contains(u'$');
}

bool SchemaValidator::typeMatches(const YamlNode& node, unsigned types, bool looseScalars)
{
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return true;
    case YamlNode::Kind::Sequence:
        return types & TypeSequence;
    case YamlNode::Kind::Map:
        return types & TypeMap;
    case YamlNode::Kind::Scalar:
        break;
    }
    unsigned type = 0;
    switch (node.scalarType()) {
    case YamlNode::ScalarType::Null:
        return true;
    case YamlNode::ScalarType::Bool:
        type = TypeBool;
        break;
    case YamlNode::ScalarType::Integer:
        type = TypeInteger;
        break;
    case YamlNode::ScalarType::Float:
        type = TypeFloat;
        break;
    case YamlNode::ScalarType::String:
        type = TypeString;
        break;
    }
    if (types & type)
        return true;
    // An integer is a valid number; GitHub's loader turns any scalar into a string where a string is expected.
    if (type == TypeInteger && (types & TypeFloat))
        return true;
    return looseScalars && (types & TypeString);
}

QString SchemaValidator::typeList(unsigned types)
{
    QStringList names;
    if (types & TypeString)
        names << QStringLiteral("a string");
    if ((types & TypeNumber) == TypeNumber)
        names << QStringLiteral("a number");
    else if (types & TypeInteger)
        names << QStringLiteral("an integer");
    if (types & TypeBool)
        names << QStringLiteral("a boolean");
    if (types & TypeSequence)
        names << QStringLiteral("a sequence");
    if (types & TypeMap)
        names << QStringLiteral("a mapping");
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

static QString article(const QString& typeName)
{
    return (typeName.startsWith(u'i') ? QStringLiteral("an ") : QStringLiteral("a ")) + typeName;
}

void SchemaValidator::validateMap(const YamlNode& node, const QString& schemaId, const QString& what)
{
    const MapSchema* schema = m_tables.map(schemaId);
    if (!schema || node.kind != YamlNode::Kind::Map)
        return;
    for (size_t i = 0; i < node.keys.size(); ++i) {
        const YamlNode& key = node.keys[i];
        const YamlNode& value = node.items[i];
        if (key.kind != YamlNode::Kind::Scalar)
            continue;
        if (const KeySpec* spec = schema->key(key.value)) {
            validateValue(value, spec->value, what + QStringLiteral(" › ") + key.value);
            continue;
        }
        if (schema->open) {
            validateValue(value, schema->otherValue, what + QStringLiteral(" › ") + key.value);
            continue;
        }
        const QStringList known = schema->keyNames(); // only built for the (rare) unknown key
        const QString suggestion = didYouMean(key.value, known);
        QString message = QStringLiteral("unknown key '%1' in %2").arg(key.value, what);
        if (!suggestion.isEmpty())
            message += suggestion;
        else if (known.isEmpty())
            message += QStringLiteral("; it takes no keys");
        else if (known.size() <= 12)
            message += QStringLiteral("; expected one of: %1").arg(known.join(QStringLiteral(", ")));
        report(key, Severity::Error, QStringLiteral("unknown-key"), message);
    }
    if (schema->exclusive) {
        for (const QString& group : QString::fromLatin1(schema->exclusive).split(u',')) {
            QStringList present;
            for (const QString& name : group.split(u'|')) {
                if (node.get(name))
                    present.append(name);
            }
            if (present.size() > 1)
                report(*node.keyNode(present.constLast()), Severity::Error, QStringLiteral("conflicting-keys"),
                       QStringLiteral("%1 sets %2; they exclude each other, expected only one")
                           .arg(what, present.join(QStringLiteral(" and "))));
        }
    }
    if (schema->requireOne) {
        const QStringList names = KeywordTables::enumNames(schema->requireOne);
        bool any = false;
        for (const QString& name : names)
            any = any || node.get(name);
        if (!any)
            report(node, Severity::Error, QStringLiteral("missing-key"),
                   QStringLiteral("%1 needs one of: %2").arg(what, names.join(QStringLiteral(", "))));
    }
    if (schema->dependsOn) {
        for (const QString& rule : QString::fromLatin1(schema->dependsOn).split(u';')) {
            const QString key = rule.section(u'>', 0, 0);
            const QString needed = rule.section(u'>', 1);
            if (node.get(key) && !node.get(needed))
                report(*node.keyNode(key), Severity::Error, QStringLiteral("missing-key"),
                       QStringLiteral("%1 sets '%2' without '%3'; '%2' only works together with '%3'")
                           .arg(what, key, needed));
        }
    }
    for (const KeySpec& spec : schema->keys) {
        if (spec.required && !node.get(QString::fromLatin1(spec.name)))
            report(node, Severity::Error, QStringLiteral("missing-key"),
                   QStringLiteral("%1 is missing the required key '%2' (%3)")
                       .arg(what, QLatin1StringView(spec.name), QString::fromUtf8(spec.description)));
    }
}

void SchemaValidator::validateValue(const YamlNode& node, const ValueSpec& spec, const QString& what)
{
    if (node.isNull())
        return;
    const bool dynamic = isDynamic(node);
    if (!typeMatches(node, spec.types, m_github || m_circleci) && !(dynamic && node.kind == YamlNode::Kind::Scalar)) {
        report(node, Severity::Error, QStringLiteral("wrong-type"),
               QStringLiteral("%1 must be %2, found %3").arg(what, typeList(spec.types), article(node.typeName())));
        return;
    }
    switch (node.kind) {
    case YamlNode::Kind::Map:
        if (spec.map)
            validateMap(node, QString::fromLatin1(spec.map), what);
        return;
    case YamlNode::Kind::Sequence:
        if (spec.maxItems > 0 && node.size() > spec.maxItems) {
            report(node, Severity::Error, QStringLiteral("too-many-items"),
                   QStringLiteral("%1 has %2 entries; at most %3 are allowed")
                       .arg(what)
                       .arg(node.size())
                       .arg(spec.maxItems));
            return;
        }
        if (spec.items) {
            if (const ValueSpec* item = m_tables.value(QString::fromLatin1(spec.items))) {
                for (const YamlNode& child : node.items)
                    validateValue(child, *item, what);
            }
        }
        return;
    case YamlNode::Kind::Null:
        return;
    case YamlNode::Kind::Scalar:
        break;
    }
    if (dynamic)
        return;
    if (spec.enumValues) {
        const QStringList allowed = KeywordTables::enumNames(spec.enumValues);
        if (!allowed.contains(node.value)) {
            report(node, Severity::Error, QStringLiteral("invalid-value"),
                   QStringLiteral("invalid value '%1' for %2; expected one of: %3%4")
                       .arg(node.value, what, allowed.join(QStringLiteral(", ")), didYouMean(node.value, allowed)));
            return;
        }
    }
    if (spec.max > spec.min
        && (node.scalarType() == YamlNode::ScalarType::Integer || node.scalarType() == YamlNode::ScalarType::Float)) {
        const double value = node.value.toDouble();
        if (value < spec.min || value > spec.max) {
            report(node, Severity::Error, QStringLiteral("out-of-range"),
                   QStringLiteral("%1 must be between %2 and %3, found %4")
                       .arg(what)
                       .arg(spec.min)
                       .arg(spec.max)
                       .arg(node.value));
            return;
        }
    }
    if (spec.format && node.kind == YamlNode::Kind::Scalar) {
        const QString problem = checkFormat(QString::fromLatin1(spec.format), node.value);
        if (!problem.isEmpty())
            report(node, Severity::Error, QStringLiteral("invalid-format"),
                   QStringLiteral("invalid %1 '%2'; expected %3").arg(what, node.value, problem));
    }
}

static bool cronFieldValid(const QString& field, int min, int max, const QStringList& names)
{
    for (const QString& part : field.split(u',')) {
        QString range = part;
        QString step;
        if (const qsizetype slash = part.indexOf(u'/'); slash >= 0) {
            range = part.left(slash);
            step = part.mid(slash + 1);
            bool ok = false;
            if (step.toInt(&ok) <= 0 || !ok)
                return false;
        }
        if (range == u"*")
            continue;
        const QStringList bounds = range.split(u'-');
        if (bounds.size() > 2)
            return false;
        int values[2] = {0, 0};
        for (qsizetype i = 0; i < bounds.size(); ++i) {
            bool ok = false;
            int v = bounds[i].toInt(&ok);
            if (!ok) {
                const qsizetype index = names.indexOf(bounds[i].toUpper());
                if (index < 0)
                    return false;
                v = int(index) + min;
            }
            if (v < min || v > max)
                return false;
            values[i] = v;
        }
        if (bounds.size() == 2 && values[0] > values[1])
            return false;
    }
    return true;
}

qint64 SchemaValidator::durationSeconds(const QString& value)
{
    static const QRegularExpression duration(
        QStringLiteral("^\\s*(\\d+(\\.\\d+)?\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|"
                       "w|wk|weeks?|mo|mos|months?|y|yr|years?)?\\s*(,|and)?\\s*)+$"),
        QRegularExpression::CaseInsensitiveOption);
    if (!duration.match(value).hasMatch())
        return -1;
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)"),
                                         QRegularExpression::CaseInsensitiveOption);
    double seconds = 0;
    auto it = part.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2).toLower();
        if (unit.isEmpty() || unit.startsWith(u's'))
            seconds += n;
        else if (unit.startsWith(QStringLiteral("mo")))
            seconds += n * 30 * 86400;
        else if (unit.startsWith(u'm'))
            seconds += n * 60;
        else if (unit.startsWith(u'h'))
            seconds += n * 3600;
        else if (unit.startsWith(u'd'))
            seconds += n * 86400;
        else if (unit.startsWith(u'w'))
            seconds += n * 7 * 86400;
        else if (unit.startsWith(u'y'))
            seconds += n * 365 * 86400;
    }
    return qint64(seconds);
}

QString SchemaValidator::checkFormat(const QString& format, const QString& value)
{
    if (format == u"cron") {
        const QStringList fields = value.simplified().split(u' ');
        static const QStringList months
            = {QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"), QStringLiteral("APR"),
               QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"), QStringLiteral("AUG"),
               QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
        static const QStringList days
            = {QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"), QStringLiteral("WED"),
               QStringLiteral("THU"), QStringLiteral("FRI"), QStringLiteral("SAT")};
        if (fields.size() != 5)
            return QStringLiteral("five fields: minute hour day-of-month month day-of-week");
        if (!cronFieldValid(fields[0], 0, 59, {}) || !cronFieldValid(fields[1], 0, 23, {})
            || !cronFieldValid(fields[2], 1, 31, {}) || !cronFieldValid(fields[3], 1, 12, months)
            || !cronFieldValid(fields[4], 0, 7, days))
            return QStringLiteral("minute 0-59, hour 0-23, day 1-31, month 1-12 or JAN-DEC, weekday 0-6 or SUN-SAT");
        return {};
    }
    if (format == u"duration") {
        if (value.contains(u'$') || durationSeconds(value) >= 0)
            return {};
        return QStringLiteral("a duration such as '1h 30m', '90 minutes' or '3600'");
    }
    if (format == u"delay") {
        // start_in: a duration of at most one week.
        const qint64 seconds = durationSeconds(value);
        if (value.contains(u'$') || (seconds >= 0 && seconds <= 7 * 24 * 3600))
            return {};
        return QStringLiteral("a duration of at most one week, such as '30 minutes'");
    }
    if (format == u"yaml-file") {
        if (value.endsWith(QStringLiteral(".yml"), Qt::CaseInsensitive)
            || value.endsWith(QStringLiteral(".yaml"), Qt::CaseInsensitive) || value.contains(u'$'))
            return {};
        return QStringLiteral("a YAML file ending in .yml or .yaml");
    }
    if (format == u"component") {
        static const QRegularExpression component(QStringLiteral("^[^@\\s]+/[^@\\s]+@[^@\\s]+$"));
        if (component.match(value).hasMatch())
            return {};
        return QStringLiteral("host/group/project/component@version");
    }
    if (format == u"environment-name") {
        static const QRegularExpression name(QStringLiteral("^[\\w ./${}-]+$"));
        if (name.match(value).hasMatch() && !value.startsWith(u'/') && !value.endsWith(u'/'))
            return {};
        return QStringLiteral("letters, digits, spaces and - _ / $ { } . only, not starting or ending with '/'");
    }
    if (format == u"lifetime") {
        if (value == u"never")
            return {};
        if (checkFormat(QStringLiteral("duration"), value).isEmpty())
            return {};
        return QStringLiteral("a duration such as '1 week' or '3 mins 4 sec', or 'never'");
    }
    if (format == u"expose-as") {
        // Shown as a link label in merge requests: letters, digits, spaces and - _ . only.
        static const QRegularExpression label(QStringLiteral("^[\\w\\s.-]+$"));
        if (label.match(value).hasMatch())
            return {};
        return QStringLiteral("a label of letters, digits, spaces, '-', '_' and '.'");
    }
    if (format == u"datetime") {
        if (QDateTime::fromString(value, Qt::ISODate).isValid()
            || QDateTime::fromString(value, Qt::ISODateWithMs).isValid())
            return {};
        return QStringLiteral("an ISO 8601 date and time such as '2026-03-15T08:00:00Z'");
    }
    if (format == u"project") {
        static const QRegularExpression project(QStringLiteral("^[\\w.$/{}-]+/[\\w.$/{}-]+$"));
        if (project.match(value).hasMatch())
            return {};
        return QStringLiteral("a full project path such as 'group/project'");
    }
    if (format == u"slash-regex") {
        // GitLab's regular expressions are written between slashes, with optional flags: /pattern/i.
        static const QRegularExpression slashed(QStringLiteral("^/.*/[a-z]*$"),
                                                QRegularExpression::DotMatchesEverythingOption);
        if (!slashed.match(value).hasMatch())
            return QStringLiteral("a regular expression between slashes, such as '/Coverage: \\d+\\.\\d+%/'");
        const qsizetype end = value.lastIndexOf(u'/');
        const QString pattern = value.mid(1, end - 1);
        if (!QRegularExpression(pattern).isValid())
            return QStringLiteral("a valid regular expression (%1)").arg(QRegularExpression(pattern).errorString());
        return {};
    }
    if (format == u"cache-key") {
        // The key names a folder on the runner: no slash, and not '.' itself.
        if (value.contains(u'/') || value.contains(QStringLiteral("%2F"), Qt::CaseInsensitive) || value == u"."
            || value.compare(QStringLiteral("%2E"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("a key without '/' that is not '.'");
        return {};
    }
    if (format == u"url") {
        if (value.startsWith(u"https://") || value.startsWith(u"http://") || value.contains(u'$'))
            return {};
        return QStringLiteral("an http(s) URL");
    }
    if (format == u"uses-action") {
        if (value.startsWith(u"./") || value.startsWith(u"docker://"))
            return {};
        static const QRegularExpression remote(QStringLiteral("^[\\w.-]+/[\\w.-]+(/[^@\\s]+)?@[^\\s@]+$"));
        if (remote.match(value).hasMatch())
            return {};
        return QStringLiteral("'owner/repo@ref', 'owner/repo/path@ref', './local/path' or 'docker://image'");
    }
    if (format == u"uses-workflow") {
        static const QRegularExpression local(QStringLiteral("^\\./\\.github/workflows/[^@\\s]+\\.ya?ml$"));
        static const QRegularExpression remote(
            QStringLiteral("^[\\w.-]+/[\\w.-]+/\\.github/workflows/[^@\\s]+\\.ya?ml@[^\\s@]+$"));
        if (local.match(value).hasMatch() || remote.match(value).hasMatch())
            return {};
        return QStringLiteral("'./.github/workflows/FILE.yml' or 'owner/repo/.github/workflows/FILE.yml@ref'");
    }
    return {};
}

} // namespace gatehouse::pipeline
