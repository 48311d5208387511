// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValidationReport.h"

#include "GatePolicy.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace gatehouse::pipeline {

namespace {

const QHash<QString, QString>& descriptions()
{
    // Keyed by the part after the system prefix ("gitlab." / "github." / "yaml.").
    static const QHash<QString, QString> table = {
        {QStringLiteral("syntax"), QStringLiteral("The file is not valid YAML.")},
        {QStringLiteral("duplicate-key"),
         QStringLiteral("A mapping defines the same key twice; only the last is used.")},
        {QStringLiteral("invalid-merge"), QStringLiteral("A '<<' merge key does not refer to a mapping.")},
        {QStringLiteral("recursive-alias"), QStringLiteral("An alias refers to the node that contains it.")},
        {QStringLiteral("too-deep"), QStringLiteral("Collections are nested deeper than the reader allows.")},
        {QStringLiteral("too-large"), QStringLiteral("The file is larger than the reader allows.")},
        {QStringLiteral("too-many-nodes"), QStringLiteral("Aliases expand to more values than the reader allows.")},
        {QStringLiteral("binary"), QStringLiteral("The file contains NUL bytes.")},
        {QStringLiteral("invalid-utf8"), QStringLiteral("The file is not valid UTF-8.")},
        {QStringLiteral("not-a-mapping"), QStringLiteral("The configuration is not a mapping.")},
        {QStringLiteral("empty"), QStringLiteral("The configuration is empty.")},
        {QStringLiteral("unknown-key"), QStringLiteral("A key that the CI system does not know.")},
        {QStringLiteral("wrong-type"), QStringLiteral("A value of the wrong type.")},
        {QStringLiteral("invalid-value"), QStringLiteral("A value outside the allowed set.")},
        {QStringLiteral("out-of-range"), QStringLiteral("A number outside the allowed range.")},
        {QStringLiteral("missing-key"), QStringLiteral("A required key is missing.")},
        {QStringLiteral("invalid-format"),
         QStringLiteral("A value with the wrong format (cron, duration, reference).")},
        {QStringLiteral("job-not-mapping"), QStringLiteral("A job is not a mapping.")},
        {QStringLiteral("undefined-stage"), QStringLiteral("A job uses a stage that is not defined.")},
        {QStringLiteral("missing-script"), QStringLiteral("A job has no script, trigger or run.")},
        {QStringLiteral("no-visible-job"), QStringLiteral("The pipeline has no visible job.")},
        {QStringLiteral("needs-unknown-job"), QStringLiteral("needs names a job that does not exist.")},
        {QStringLiteral("needs-later-stage"), QStringLiteral("needs names a job of a later stage.")},
        {QStringLiteral("duplicate-needs"), QStringLiteral("needs names the same job twice.")},
        {QStringLiteral("needs-cycle"), QStringLiteral("Jobs need each other in a loop.")},
        {QStringLiteral("too-many-needs"), QStringLiteral("A job has more needs than GitLab allows by default.")},
        {QStringLiteral("dependencies-unknown-job"), QStringLiteral("dependencies names a job that does not exist.")},
        {QStringLiteral("dependencies-later-stage"), QStringLiteral("dependencies names a job of a later stage.")},
        {QStringLiteral("dependencies-not-in-needs"), QStringLiteral("dependencies names a job missing from needs.")},
        {QStringLiteral("extends-unknown"), QStringLiteral("extends names an undefined job or template.")},
        {QStringLiteral("extends-cycle"), QStringLiteral("extends loops back to a job.")},
        {QStringLiteral("extends-too-deep"), QStringLiteral("extends is nested deeper than GitLab allows.")},
        {QStringLiteral("invalid-reference"), QStringLiteral("A malformed !reference tag.")},
        {QStringLiteral("reference-not-found"), QStringLiteral("!reference points at a key that does not exist.")},
        {QStringLiteral("reference-too-deep"), QStringLiteral("!reference tags are nested too deeply.")},
        {QStringLiteral("rules-with-only-except"), QStringLiteral("A job combines rules with only/except.")},
        {QStringLiteral("rules-with-when"), QStringLiteral("A job sets when: next to rules.")},
        {QStringLiteral("delayed-without-start-in"), QStringLiteral("A delayed job has no start_in.")},
        {QStringLiteral("start-in-without-delayed"), QStringLiteral("start_in on a job that is not delayed.")},
        {QStringLiteral("matrix-too-large"), QStringLiteral("parallel:matrix creates too many jobs.")},
        {QStringLiteral("on-stop-unknown-job"), QStringLiteral("environment:on_stop names a missing job.")},
        {QStringLiteral("on-stop-inconsistent"), QStringLiteral("The on_stop job does not stop the same environment.")},
        {QStringLiteral("include-cycle"), QStringLiteral("Included files include each other in a loop.")},
        {QStringLiteral("include-too-deep"), QStringLiteral("Includes are nested deeper than GitLab allows.")},
        {QStringLiteral("too-many-includes"), QStringLiteral("More included files than GitLab allows.")},
        {QStringLiteral("include-not-found"), QStringLiteral("An included local file does not exist.")},
        {QStringLiteral("include-not-checked"), QStringLiteral("An included file could not be read here.")},
        {QStringLiteral("include-no-match"), QStringLiteral("A wildcard include matches no file.")},
        {QStringLiteral("include-unresolved"),
         QStringLiteral("A project/remote/template/component include is not followed.")},
        {QStringLiteral("too-many-items"),
         QStringLiteral("A list has more entries than allowed (caches, cache key files).")},
        {QStringLiteral("job-name-too-long"), QStringLiteral("A job name longer than GitLab allows (255).")},
        {QStringLiteral("conflicting-keys"), QStringLiteral("Keys that exclude each other are set together.")},
        {QStringLiteral("trigger-job-keyword"), QStringLiteral("A trigger job uses a keyword only runner jobs have.")},
        {QStringLiteral("input-unknown"), QStringLiteral("An input that spec:inputs does not declare.")},
        {QStringLiteral("input-missing"), QStringLiteral("A required input (no default) is not given.")},
        {QStringLiteral("input-invalid"),
         QStringLiteral("An input value of the wrong type, not an option or not matching.")},
        {QStringLiteral("invalid-interpolation"),
         QStringLiteral("A $[[ ]] block that is not a valid input reference.")},
        {QStringLiteral("invalid-job-id"), QStringLiteral("A job id with characters GitHub does not allow.")},
        {QStringLiteral("unknown-event"), QStringLiteral("An unknown workflow trigger event.")},
        {QStringLiteral("reusable-job-key"), QStringLiteral("A reusable-workflow call sets a key it cannot have.")},
        {QStringLiteral("step-uses-and-run"), QStringLiteral("A step has both uses and run.")},
        {QStringLiteral("step-without-action"), QStringLiteral("A step has neither uses nor run.")},
        {QStringLiteral("duplicate-step-id"), QStringLiteral("Two steps of a job share an id.")},
        {QStringLiteral("matrix-exclude-unknown-key"), QStringLiteral("A matrix exclude uses an unknown variable.")},
        {QStringLiteral("matrix-exclude-no-match"), QStringLiteral("A matrix exclude matches no combination.")},
        {QStringLiteral("expression-syntax"), QStringLiteral("A ${{ }} expression does not parse.")},
        {QStringLiteral("unknown-context"), QStringLiteral("An expression reads an unknown context.")},
        {QStringLiteral("unknown-function"), QStringLiteral("An expression calls an unknown function.")},
        {QStringLiteral("needs-context"), QStringLiteral("needs.<job> is read for a job not in needs.")},
        {QStringLiteral("not-reusable"), QStringLiteral("The called workflow has no workflow_call trigger.")},
        {QStringLiteral("unknown-input"), QStringLiteral("An input the called workflow does not declare.")},
        {QStringLiteral("missing-input"), QStringLiteral("A required input of the called workflow is not passed.")},
        {QStringLiteral("unknown-secret"), QStringLiteral("A secret the called workflow does not declare.")},
        {QStringLiteral("missing-secret"), QStringLiteral("A required secret of the called workflow is not passed.")},
        {QStringLiteral("local-file-not-found"), QStringLiteral("A local action or workflow does not exist.")},
        {QStringLiteral("unknown-action-input"), QStringLiteral("An input the action does not declare.")},
        {QStringLiteral("missing-action-input"), QStringLiteral("A required input of the action is missing.")},
        {QStringLiteral("invalid"), QStringLiteral("The gate policy file is invalid.")},
        {QStringLiteral("unknown-gate"), QStringLiteral("The policy names a gate the pipeline engine does not have.")},
        {QStringLiteral("duplicate-job-id"), QStringLiteral("Two jobs of a workflow share an id.")},
        {QStringLiteral("unknown-step"), QStringLiteral("steps.<id> is read for an id no step of the job has.")},
        {QStringLiteral("unknown-matrix-key"), QStringLiteral("matrix.<key> is read for a key the matrix lacks.")},
        {QStringLiteral("context-not-allowed"),
         QStringLiteral("An expression reads a context GitHub does not make available at that key.")},
        {QStringLiteral("function-not-allowed"),
         QStringLiteral("A status function outside an if, or hashFiles() outside a step.")},
        {QStringLiteral("function-arguments"),
         QStringLiteral("A built-in function called with the wrong arguments (count, types, format, JSON).")},
        {QStringLiteral("expression-type"),
         QStringLiteral("An expression reads a property of a scalar or compares values of incompatible types.")},
        {QStringLiteral("unknown-property"),
         QStringLiteral("An expression reads a property the object does not have.")},
        {QStringLiteral("unknown-job-output"),
         QStringLiteral("needs.<job>.outputs.<name> names an undeclared output.")},
        {QStringLiteral("unknown-step-output"),
         QStringLiteral("steps.<id>.outputs.<name> names an output the step's action does not declare.")},
        {QStringLiteral("undefined-input"), QStringLiteral("inputs.<name> names an input no trigger declares.")},
        {QStringLiteral("if-always-true"), QStringLiteral("An if: with text around its ${{ }} is always true.")},
        {QStringLiteral("constant-condition"), QStringLiteral("An if: condition that does not depend on the run.")},
        {QStringLiteral("input-type"), QStringLiteral("A literal input of the wrong type for the called workflow.")},
        {QStringLiteral("needs-unknown-instance"), QStringLiteral("needs:parallel:matrix selects no instance.")},
    };
    return table;
}

QString categoryOfRule(const QList<ReportFile>& files, const QString& rule)
{
    for (const ReportFile& file : files) {
        for (const Diagnostic& d : file.diagnostics) {
            if (d.rule == rule)
                return categoryName(d.category);
        }
    }
    return {};
}

/// A JSON string literal exactly as QJsonDocument writes it. Printable ASCII (nearly every message) is escaped
/// here; anything else goes through Qt's own writer, so control characters, non-ASCII text and broken surrogates
/// come out byte for byte as before.
void appendJsonString(QByteArray& out, const QString& text)
{
    const bool plain
        = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x80; });
    if (!plain) {
        const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact); // ["..."]
        out.append(array.constData() + 1, array.size() - 2);
        return;
    }
    const qsizetype start = out.size();
    const qsizetype most = start + 2 * text.size() + 2;
    if (out.capacity() < most)
        out.reserve(std::max(most, 2 * out.capacity()));
    out.resize(most);
    char* cursor = out.data() + start;
    *cursor++ = '"';
    for (const QChar c : text) {
        const char ascii = char(c.unicode());
        if (ascii == '"' || ascii == '\\')
            *cursor++ = '\\';
        *cursor++ = ascii;
    }
    *cursor++ = '"';
    out.truncate(cursor - out.constData());
}

/// One `"key": value` member line of an indented object, `indent` levels deep.
void appendMember(QByteArray& out, int indent, const char* key, const QString& value, bool last = false)
{
    out.append(4 * indent, ' ');
    out += '"';
    out += key;
    out += "\": ";
    appendJsonString(out, value);
    out += last ? "\n" : ",\n";
}

void appendMember(QByteArray& out, int indent, const char* key, int value, bool last = false)
{
    out.append(4 * indent, ' ');
    out += '"';
    out += key;
    out += "\": ";
    out += QByteArray::number(value);
    out += last ? "\n" : ",\n";
}

} // namespace

QString ValidationReport::ruleDescription(const QString& rule)
{
    if (rule.startsWith(u"gate.")) {
        if (const GateInfo* gate = findGate(rule.mid(5)))
            return gate->title + QStringLiteral(": ") + gate->rationale;
    }
    const QString suffix = rule.section(u'.', 1);
    return descriptions().value(suffix, QStringLiteral("Pipeline check %1.").arg(rule));
}

QString ValidationReport::sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("note");
    }
    return QStringLiteral("none");
}

QString ValidationReport::text(const QList<ReportFile>& files)
{
    QString out;
    for (const ReportFile& file : files) {
        for (const Diagnostic& d : file.diagnostics) {
            out += QStringLiteral("%1:%2:%3: %4: %5 [%6]\n")
                       .arg(d.file.isEmpty() ? file.path : d.file)
                       .arg(d.line)
                       .arg(d.column)
                       .arg(severityName(d.severity), d.message, d.rule);
        }
    }
    return out;
}

QJsonObject ValidationReport::json(const QList<ReportFile>& files)
{
    QJsonArray fileArray;
    int errors = 0, warnings = 0, infos = 0;
    for (const ReportFile& file : files) {
        QJsonArray diagnostics;
        for (const Diagnostic& d : file.diagnostics) {
            QJsonObject object{
                {QStringLiteral("line"), d.line},
                {QStringLiteral("column"), d.column},
                {QStringLiteral("severity"), severityName(d.severity)},
                {QStringLiteral("category"), categoryName(d.category)},
                {QStringLiteral("rule"), d.rule},
                {QStringLiteral("message"), d.message},
            };
            // A problem inside an included file carries that file's path.
            if (!d.file.isEmpty() && d.file != file.path)
                object.insert(QStringLiteral("file"), d.file);
            diagnostics.append(object);
            (d.severity == Severity::Error ? errors : d.severity == Severity::Warning ? warnings : infos) += 1;
        }
        fileArray.append(QJsonObject{{QStringLiteral("path"), file.path},
                                     {QStringLiteral("kind"), pipelineKindName(file.kind)},
                                     {QStringLiteral("diagnostics"), diagnostics}});
    }
    return QJsonObject{{QStringLiteral("files"), fileArray},
                       {QStringLiteral("summary"),
                        QJsonObject{{QStringLiteral("errors"), errors},
                                    {QStringLiteral("warnings"), warnings},
                                    {QStringLiteral("infos"), infos}}}};
}

void ValidationReport::writeJson(const QList<ReportFile>& files, const std::function<void(const QByteArray&)>& sink)
{
    // QJsonDocument's indented layout: four spaces a level, members in key order, "[\n<indent>]" when empty.
    constexpr qsizetype Chunk = 1 << 20;
    QByteArray out;
    out.reserve(Chunk + 4096);
    int errors = 0, warnings = 0, infos = 0;
    out += "{\n    \"files\": [\n";
    for (qsizetype f = 0; f < files.size(); ++f) {
        const ReportFile& file = files.at(f);
        out += "        {\n            \"diagnostics\": [\n";
        for (qsizetype i = 0; i < file.diagnostics.size(); ++i) {
            const Diagnostic& d = file.diagnostics.at(i);
            out += "                {\n";
            appendMember(out, 5, "category", categoryName(d.category));
            appendMember(out, 5, "column", d.column);
            // A problem inside an included file carries that file's path.
            if (!d.file.isEmpty() && d.file != file.path)
                appendMember(out, 5, "file", d.file);
            appendMember(out, 5, "line", d.line);
            appendMember(out, 5, "message", d.message);
            appendMember(out, 5, "rule", d.rule);
            appendMember(out, 5, "severity", severityName(d.severity), true);
            out += i + 1 < file.diagnostics.size() ? "                },\n" : "                }\n";
            (d.severity == Severity::Error ? errors : d.severity == Severity::Warning ? warnings : infos) += 1;
            if (out.size() >= Chunk) {
                sink(out);
                out.clear();
            }
        }
        out += "            ],\n";
        appendMember(out, 3, "kind", pipelineKindName(file.kind));
        appendMember(out, 3, "path", file.path, true);
        out += f + 1 < files.size() ? "        },\n" : "        }\n";
    }
    out += "    ],\n    \"summary\": {\n";
    appendMember(out, 2, "errors", errors);
    appendMember(out, 2, "infos", infos);
    appendMember(out, 2, "warnings", warnings, true);
    out += "    }\n}\n";
    sink(out);
}

QJsonObject ValidationReport::sarif(const QList<ReportFile>& files, const QString& toolVersion)
{
    QStringList ruleIds;
    for (const ReportFile& file : files) {
        for (const Diagnostic& d : file.diagnostics) {
            if (!ruleIds.contains(d.rule))
                ruleIds.append(d.rule);
        }
    }
    ruleIds.sort();
    QJsonArray rules;
    for (const QString& id : std::as_const(ruleIds)) {
        QJsonObject properties{{QStringLiteral("category"), categoryOfRule(files, id)}};
        QString level = QStringLiteral("error");
        if (id.startsWith(u"gate.")) {
            if (const GateInfo* gate = findGate(id.mid(5))) {
                properties.insert(QStringLiteral("rationale"), gate->rationale);
                properties.insert(QStringLiteral("factor"), gate->factor);
                properties.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("security"), gate->factor});
                level = sarifLevel(gate->defaultSeverity);
            }
        }
        rules.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), id.section(u'.', 1)},
            {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), ruleDescription(id)}}},
            {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), ruleDescription(id)}}},
            {QStringLiteral("defaultConfiguration"), QJsonObject{{QStringLiteral("level"), level}}},
            {QStringLiteral("properties"), properties},
        });
    }
    QJsonArray results;
    for (const ReportFile& file : files) {
        for (const Diagnostic& d : file.diagnostics) {
            QJsonObject physical{{QStringLiteral("artifactLocation"),
                                  QJsonObject{{QStringLiteral("uri"), d.file.isEmpty() ? file.path : d.file},
                                              {QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%")}}}};
            if (d.line > 0)
                physical.insert(QStringLiteral("region"),
                                QJsonObject{{QStringLiteral("startLine"), d.line},
                                            {QStringLiteral("startColumn"), std::max(1, d.column)}});
            results.append(QJsonObject{
                {QStringLiteral("ruleId"), d.rule},
                {QStringLiteral("ruleIndex"), int(ruleIds.indexOf(d.rule))},
                {QStringLiteral("level"), sarifLevel(d.severity)},
                {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), d.message}}},
                {QStringLiteral("locations"), QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"), physical}}}},
            });
        }
    }
    QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("gatehouse")},
        {QStringLiteral("version"), toolVersion},
        {QStringLiteral("rules"), rules},
    };
    QJsonObject run{
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
        {QStringLiteral("results"), results},
        {QStringLiteral("columnKind"), QStringLiteral("unicodeCodePoints")},
    };
    return QJsonObject{
        {QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}},
    };
}

} // namespace gatehouse::pipeline
