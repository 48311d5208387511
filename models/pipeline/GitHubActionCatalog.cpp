// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubActionCatalog.h"
#include "GitHubChecks.h"

#include <QHash>
#include <QRegularExpression>

namespace gatehouse::pipeline {

const ActionInput* ActionSpec::input(const QString& name) const
{
    for (const ActionInput& candidate : inputs) {
        if (candidate.name.compare(name, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

QStringList ActionSpec::inputNames() const
{
    QStringList names;
    for (const ActionInput& candidate : inputs)
        names.append(candidate.name);
    return names;
}

namespace {

/// Records by lower-case action path, newest major first (the generated order).
const QHash<QString, QList<const ActionRecord*>>& recordIndex()
{
    static const QHash<QString, QList<const ActionRecord*>> index = [] {
        QHash<QString, QList<const ActionRecord*>> byName;
        qsizetype count = 0;
        const ActionRecord* records = actionRecords(&count);
        for (qsizetype i = 0; i < count; ++i)
            byName[QString::fromLatin1(records[i].uses).toLower()].append(&records[i]);
        return byName;
    }();
    return index;
}

ActionSpec specFromRecord(const ActionRecord& record, const QString& uses)
{
    ActionSpec spec;
    spec.uses = uses;
    spec.version = QString::fromLatin1(record.tag);
    spec.runsUsing = QString::fromLatin1(record.runsUsing);
    for (const QString& token : QString::fromLatin1(record.inputs).split(u' ', Qt::SkipEmptyParts)) {
        ActionInput input;
        qsizetype start = 0;
        while (start < token.size() && (token[start] == u'!' || token[start] == u'~')) {
            input.required = input.required || token[start] == u'!';
            input.deprecated = input.deprecated || token[start] == u'~';
            ++start;
        }
        input.name = token.mid(start);
        spec.inputs.append(input);
    }
    spec.outputs = QString::fromLatin1(record.outputs).split(u' ', Qt::SkipEmptyParts);
    return spec;
}

} // namespace

std::optional<ActionSpec> knownAction(const QString& uses, const QString& pinComment)
{
    const qsizetype at = uses.lastIndexOf(u'@');
    if (at <= 0)
        return std::nullopt;
    const auto it = recordIndex().constFind(uses.left(at).toLower());
    if (it == recordIndex().constEnd())
        return std::nullopt;
    const QString ref = uses.mid(at + 1);
    static const QRegularExpression version(QStringLiteral("^v?(\\d+)(\\.\\d+)*$"));
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{7,40}$"));
    static const QRegularExpression comment(QStringLiteral("\\bv?(\\d+)(\\.\\d+)*\\b"));
    QRegularExpressionMatch match = version.match(ref);
    if (!match.hasMatch() && sha.match(ref).hasMatch())
        match = comment.match(pinComment);
    else if (!match.hasMatch()) {
        ActionSpec spec = specFromRecord(*it->constFirst(), uses); // a branch: the newest major
        spec.exact = false;
        return spec;
    }
    if (!match.hasMatch())
        return std::nullopt; // a commit whose version is not written next to it
    const int major = match.captured(1).toInt();
    for (const ActionRecord* record : *it) {
        if (record->major == major || record->major < 0)
            return specFromRecord(*record, uses);
    }
    return std::nullopt; // a major version older than the data covers
}

std::optional<QStringList> knownActionOutputs(const QString& uses, const QString& pinComment)
{
    // A branch may carry an action.yml with other outputs than the newest release: they stay open.
    const std::optional<ActionSpec> spec = knownAction(uses, pinComment);
    return spec && spec->exact ? std::optional<QStringList>(spec->outputs) : std::nullopt;
}

ActionSpec actionSpecFromMetadata(const YamlNode& action, const QString& uses)
{
    ActionSpec spec;
    spec.uses = uses;
    spec.version = QStringLiteral("local");
    if (const YamlNode* runs = action.get(u"runs"); runs && runs->get(u"using"))
        spec.runsUsing = runs->get(u"using")->value;
    if (const YamlNode* inputs = action.get(u"inputs"); inputs && inputs->isMap()) {
        for (size_t i = 0; i < inputs->keys.size(); ++i) {
            const YamlNode& input = inputs->items[i];
            ActionInput entry;
            entry.name = inputs->keys[i].value;
            const YamlNode* required = input.get(u"required");
            // action.yml files often quote it ('true'), which GitHub reads the same.
            entry.required
                = required && required->value.compare(u"true", Qt::CaseInsensitive) == 0 && !input.contains(u"default");
            if (const YamlNode* message = input.get(u"deprecationMessage"); message && !message->value.isEmpty()) {
                entry.deprecated = true;
                entry.deprecationMessage = message->value;
            }
            spec.inputs.append(entry);
        }
    }
    if (const YamlNode* outputs = action.get(u"outputs"); outputs && outputs->isMap())
        spec.outputs = outputs->keyNames();
    return spec;
}

namespace github {

void checkActionInputs(const YamlNode& step, const YamlNode& uses, const ActionSpec& spec, const Reporter& out)
{
    const YamlNode* with = step.get(u"with");
    const QString action
        = spec.version == u"local" ? spec.uses : QStringLiteral("%1 (%2)").arg(spec.uses, spec.version);
    if (with && with->isMap()) {
        for (const YamlNode& key : with->keys) {
            if (!key.isScalar() || key.value.contains(u"${{"))
                continue;
            const ActionInput* input = spec.input(key.value);
            if (input) {
                if (input->deprecated)
                    out.report(key, Severity::Warning, Category::Semantic, QStringLiteral("deprecated-action-input"),
                               QStringLiteral("the input '%1' of %2 is deprecated%3")
                                   .arg(key.value, action,
                                        input->deprecationMessage.isEmpty()
                                            ? QString()
                                            : QStringLiteral(": ") + input->deprecationMessage.trimmed()));
                continue;
            }
            const bool dockerOnly = key.value == u"entrypoint" || key.value == u"args";
            if (dockerOnly && spec.isDocker())
                continue;
            if (dockerOnly) {
                out.report(key, Severity::Error, Category::Semantic, QStringLiteral("docker-only-input"),
                           QStringLiteral("'%1' in 'with' only applies to Docker container actions, and %2 runs "
                                          "with '%3'")
                               .arg(key.value, action, spec.runsUsing));
                continue;
            }
            // GitHub runs the step and only annotates "Unexpected input": a warning, as there.
            const QStringList names = spec.inputNames();
            out.report(key, Severity::Warning, Category::Semantic, QStringLiteral("unknown-action-input"),
                       QStringLiteral("%1 has no input '%2'%3; its inputs: %4")
                           .arg(action, key.value, didYouMean(key.value, names),
                                names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        }
    }
    for (const ActionInput& input : spec.inputs) {
        if (!input.required || !spec.exact)
            continue;
        bool passed = false;
        if (with && with->isMap()) {
            for (const YamlNode& key : with->keys)
                passed = passed || key.value.compare(input.name, Qt::CaseInsensitive) == 0;
        }
        if (!passed)
            out.report(uses, Severity::Error, Category::Semantic, QStringLiteral("missing-action-input"),
                       QStringLiteral("%1 requires the input '%2'; expected it under 'with:'").arg(action, input.name));
    }
}

} // namespace github

} // namespace gatehouse::pipeline
