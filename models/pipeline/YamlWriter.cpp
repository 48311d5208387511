// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlWriter.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::pipeline {

namespace {

void emitNode(YAML::Emitter& out, const YamlNode& node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null:
        out << YAML::Null;
        return;
    case YamlNode::Kind::Scalar: {
        const std::string text = node.value.toStdString();
        if (node.value.contains(u'\n')) {
            out << YAML::Literal << text;
        } else if (!node.plain || !node.tag.isEmpty()) {
            // A quoted "true" or "1.0" must stay a string when read back.
            YamlNode probe = node;
            probe.plain = true;
            probe.tag.clear();
            if (probe.scalarType() != YamlNode::ScalarType::String)
                out << YAML::DoubleQuoted << text;
            else
                out << text;
        } else {
            out << text;
        }
        return;
    }
    case YamlNode::Kind::Sequence:
        out << YAML::BeginSeq;
        for (const YamlNode& item : node.items)
            emitNode(out, item);
        out << YAML::EndSeq;
        return;
    case YamlNode::Kind::Map:
        out << YAML::BeginMap;
        for (size_t i = 0; i < node.keys.size(); ++i) {
            out << YAML::Key;
            emitNode(out, node.keys[i]);
            out << YAML::Value;
            emitNode(out, node.items[i]);
        }
        out << YAML::EndMap;
        return;
    }
}

} // namespace

QByteArray writeYaml(const YamlNode& node)
{
    try {
        YAML::Emitter out;
        out.SetIndent(2);
        emitNode(out, node);
        QByteArray text(out.c_str(), qsizetype(out.size()));
        if (!text.endsWith('\n'))
            text.append('\n');
        return text;
    } catch (const std::exception& e) {
        return QByteArray("# cannot write YAML: ") + e.what() + '\n';
    }
}

QJsonValue toJson(const YamlNode& node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return QJsonValue::Null;
    case YamlNode::Kind::Scalar:
        switch (node.scalarType()) {
        case YamlNode::ScalarType::Null:
            return QJsonValue::Null;
        case YamlNode::ScalarType::Bool:
            return node.toBool();
        case YamlNode::ScalarType::Integer: {
            bool ok = false;
            const qint64 value = node.toInteger(&ok);
            return ok ? QJsonValue(value) : QJsonValue(node.value);
        }
        case YamlNode::ScalarType::Float:
            return node.value.toDouble();
        case YamlNode::ScalarType::String:
            return node.value;
        }
        return node.value;
    case YamlNode::Kind::Sequence: {
        QJsonArray array;
        for (const YamlNode& item : node.items)
            array.append(toJson(item));
        return array;
    }
    case YamlNode::Kind::Map: {
        QJsonObject object;
        for (size_t i = 0; i < node.keys.size(); ++i)
            object.insert(node.keys[i].value, toJson(node.items[i]));
        return object;
    }
    }
    return {};
}

YamlNode fromJson(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return YamlNode::scalar(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return YamlNode::scalar(d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d));
    }
    case QJsonValue::String: {
        YamlNode node = YamlNode::scalar(value.toString());
        node.plain = false;
        return node;
    }
    case QJsonValue::Array: {
        YamlNode node = YamlNode::sequence();
        for (const QJsonValue& item : value.toArray())
            node.items.push_back(fromJson(item));
        return node;
    }
    case QJsonValue::Object: {
        YamlNode node = YamlNode::map();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            node.keys.push_back(YamlNode::scalar(it.key()));
            node.items.push_back(fromJson(it.value()));
        }
        return node;
    }
    }
    return {};
}

} // namespace gatehouse::pipeline
