// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MergedConfiguration.h"

namespace gatehouse::pipeline {

namespace {

class Renderer
{
public:
    Renderer(const PipelineModel& model, MergedConfiguration& out)
        : m_model(model)
        , m_out(out)
    { }

    void map(const YamlNode& node, int indent, QString firstPrefix = {})
    {
        for (std::size_t i = 0; i < node.keys.size(); ++i) {
            const YamlNode& key = node.keys[i];
            const YamlNode& value = node.items[i];
            // The first key of a sequence item shares the "- " line.
            const QString lead = i == 0 && !firstPrefix.isEmpty() ? firstPrefix : QString(indent, u' ');
            entry(lead + yamlScalar(key) + u':', value, indent, key);
        }
        if (node.keys.empty() && !firstPrefix.isEmpty())
            line(firstPrefix + QStringLiteral("{}"), node);
    }

    void sequence(const YamlNode& node, int indent)
    {
        for (const YamlNode& item : node.items) {
            const QString dash = QString(indent, u' ') + QStringLiteral("- ");
            if (item.isMap() && !item.keys.empty()) {
                map(item, indent + 2, dash);
            } else if (item.isSequence() && !item.items.empty()) {
                line(QString(indent, u' ') + u'-', item);
                sequence(item, indent + 2);
            } else {
                inlineValue(dash, item, indent + 2);
            }
        }
    }

private:
    void entry(const QString& head, const YamlNode& value, int indent, const YamlNode& origin)
    {
        const QString tag = value.tag.isEmpty() || value.tag == u"!" ? QString() : value.tag + u' ';
        if (value.isMap() && !value.keys.empty()) {
            line(head + (tag.isEmpty() ? QString() : u' ' + tag.trimmed()), origin);
            map(value, indent + 2);
        } else if (value.isSequence() && !value.items.empty()) {
            line(head + (tag.isEmpty() ? QString() : u' ' + tag.trimmed()), origin);
            sequence(value, indent + 2);
        } else {
            inlineValue(head + u' ', value, indent + 2, &origin);
        }
    }

    void inlineValue(const QString& head, const YamlNode& value, int indent, const YamlNode* origin = nullptr)
    {
        const YamlNode& where = origin && !value.hasPosition() ? *origin : value;
        const QString tag = value.tag.isEmpty() || value.tag == u"!" ? QString() : value.tag + u' ';
        if (value.isMap()) {
            line(head + tag + QStringLiteral("{}"), where);
        } else if (value.isSequence()) {
            line(head + tag + QStringLiteral("[]"), where);
        } else if (value.kind == YamlNode::Kind::Null) {
            line(head.trimmed().endsWith(u':') ? head.trimmed() : head + QStringLiteral("null"), where);
        } else if (value.value.contains(u'\n')) {
            // Multi-line scripts read best as literal blocks.
            line(head + tag + (value.value.endsWith(u'\n') ? QStringLiteral("|") : QStringLiteral("|-")), where);
            QString body = value.value;
            if (body.endsWith(u'\n'))
                body.chop(1);
            for (const QString& text : body.split(u'\n'))
                line(text.isEmpty() ? QString() : QString(indent, u' ') + text, where);
        } else {
            line(head + tag + yamlScalar(value), where);
        }
    }

    void line(const QString& text, const YamlNode& origin)
    {
        m_out.text += text;
        m_out.text += u'\n';
        SourceRef ref;
        if (origin.hasPosition()) {
            ref.file = m_model.files.value(origin.file, m_model.file);
            ref.line = origin.line;
        }
        m_out.origins.append(ref);
    }

    const PipelineModel& m_model;
    MergedConfiguration& m_out;
};

} // namespace

QString yamlScalar(const YamlNode& node)
{
    const QString& v = node.value;
    if (node.kind == YamlNode::Kind::Null)
        return QStringLiteral("null");
    bool needsQuotes = v.isEmpty() || v.front().isSpace() || v.back().isSpace();
    // Text that a YAML reader would type differently (true, 12, null) keeps its quotes.
    if (!node.plain && node.scalarType() == YamlNode::ScalarType::String) {
        YamlNode probe = YamlNode::scalar(v);
        needsQuotes = needsQuotes || probe.scalarType() != YamlNode::ScalarType::String;
    }
    static const QString leading = QStringLiteral("[]{}&*!|>'\"%@`#,?:-");
    if (!needsQuotes && leading.contains(v.front()) && !(v.front() == u'-' && v.size() > 1 && v.at(1) != u' '))
        needsQuotes = true;
    needsQuotes = needsQuotes || v.contains(u": ") || v.contains(u" #") || v.endsWith(u':');
    if (!needsQuotes)
        return v;
    QString escaped = v;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\t', QStringLiteral("\\t"));
    return u'"' + escaped + u'"';
}

MergedConfiguration renderMergedConfiguration(const PipelineModel& model)
{
    MergedConfiguration out;
    Renderer renderer(model, out);
    if (model.merged.isMap())
        renderer.map(model.merged, 0);
    else if (model.merged.isSequence())
        renderer.sequence(model.merged, 0);
    return out;
}

} // namespace gatehouse::pipeline
