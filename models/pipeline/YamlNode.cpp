// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlNode.h"

#include <QRegularExpression>

namespace gatehouse::pipeline {

namespace {

/// Lists shorter than this are searched linearly (most maps have a handful of keys).
constexpr size_t IndexedSize = 32;

} // namespace

YamlNodeList::YamlNodeList(std::vector<YamlNode> nodes)
    : d(nodes.empty() ? nullptr : std::make_shared<Storage>(std::move(nodes)))
{ }

YamlNodeList::YamlNodeList(std::initializer_list<YamlNode> nodes)
    : d(std::make_shared<Storage>(std::vector<YamlNode>(nodes)))
{ }

std::vector<YamlNode>& YamlNodeList::detach()
{
    if (!d)
        d = std::make_shared<Storage>();
    else if (d.use_count() > 1)
        d = std::make_shared<Storage>(*d); // the copy starts without an index
    return d->nodes;
}

void YamlNodeList::push_back(const YamlNode& node)
{
    push_back(YamlNode(node));
}

void YamlNodeList::push_back(YamlNode&& node)
{
    std::vector<YamlNode>& nodes = detach();
    if (Storage::Index* index = d->index.load(); index && node.kind == YamlNode::Kind::Scalar)
        index->insert(node.value, nodes.size());
    nodes.push_back(std::move(node));
}

std::optional<size_t> YamlNodeList::findScalar(QStringView text) const
{
    const size_t n = size();
    if (n < IndexedSize) {
        for (size_t i = n; i-- > 0;) {
            const YamlNode& node = d->nodes[i];
            if (node.kind == YamlNode::Kind::Scalar && node.value == text)
                return i;
        }
        return std::nullopt;
    }
    Storage::Index* index = d->index.load(std::memory_order_acquire);
    if (!index) {
        auto built = std::make_unique<Storage::Index>();
        built->reserve(qsizetype(n));
        for (size_t i = 0; i < n; ++i) {
            const YamlNode& node = d->nodes[i];
            if (node.kind == YamlNode::Kind::Scalar)
                built->insert(node.value, i); // the last one wins, as in a linear search from the end
        }
        Storage::Index* expected = nullptr;
        if (d->index.compare_exchange_strong(expected, built.get(), std::memory_order_acq_rel))
            index = built.release();
        else
            index = expected; // another reader published the same index first
    }
    const auto it = index->constFind(text.toString());
    if (it == index->cend())
        return std::nullopt;
    if (const size_t i = *it; i < n && d->nodes[i].kind == YamlNode::Kind::Scalar && d->nodes[i].value == text)
        return i;
    // The node was changed in place since the index was built: search as without one.
    for (size_t i = n; i-- > 0;) {
        if (d->nodes[i].kind == YamlNode::Kind::Scalar && d->nodes[i].value == text)
            return i;
    }
    return std::nullopt;
}

YamlNode YamlNode::scalar(const QString& text, int line, int column)
{
    YamlNode node;
    node.kind = Kind::Scalar;
    node.value = text;
    node.line = line;
    node.column = column;
    return node;
}

YamlNode YamlNode::map(int line, int column)
{
    YamlNode node;
    node.kind = Kind::Map;
    node.line = line;
    node.column = column;
    return node;
}

YamlNode YamlNode::sequence(int line, int column)
{
    YamlNode node;
    node.kind = Kind::Sequence;
    node.line = line;
    node.column = column;
    return node;
}

YamlNode::ScalarType YamlNode::scalarType() const
{
    if (kind == Kind::Null)
        return ScalarType::Null;
    if (kind != Kind::Scalar || !plain || !tag.isEmpty())
        return ScalarType::String;
    const QString& v = value;
    if (v.isEmpty() || v == u"~" || v == u"null" || v == u"Null" || v == u"NULL")
        return ScalarType::Null;
    if (v == u"true" || v == u"false" || v == u"True" || v == u"False" || v == u"TRUE" || v == u"FALSE")
        return ScalarType::Bool;
    const QChar first = v.front();
    if (!(first.isDigit() || first == u'-' || first == u'+' || first == u'.'))
        return ScalarType::String;
    static const QRegularExpression integer(QStringLiteral("^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+)$"));
    static const QRegularExpression real(QStringLiteral(
        "^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$"));
    if (integer.match(v).hasMatch())
        return ScalarType::Integer;
    if (real.match(v).hasMatch())
        return ScalarType::Float;
    return ScalarType::String;
}

bool YamlNode::toBool(bool fallback) const
{
    if (!isBool())
        return fallback;
    return value.compare(u"true", Qt::CaseInsensitive) == 0;
}

qint64 YamlNode::toInteger(bool* ok) const
{
    bool converted = false;
    qint64 result = 0;
    if (kind == Kind::Scalar) {
        QString text = value;
        text.remove(u'_');
        result = text.toLongLong(&converted, 0);
        if (!converted) {
            const double d = text.toDouble(&converted);
            converted = converted && d == double(qint64(d));
            result = converted ? qint64(d) : 0;
        }
    }
    if (ok)
        *ok = converted;
    return result;
}

QString YamlNode::typeName() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Sequence:
        return QStringLiteral("sequence");
    case Kind::Map:
        return QStringLiteral("mapping");
    case Kind::Scalar:
        break;
    }
    switch (scalarType()) {
    case ScalarType::Null:
        return QStringLiteral("null");
    case ScalarType::Bool:
        return QStringLiteral("boolean");
    case ScalarType::Integer:
        return QStringLiteral("integer");
    case ScalarType::Float:
        return QStringLiteral("number");
    case ScalarType::String:
        break;
    }
    return QStringLiteral("string");
}

const YamlNode* YamlNode::get(QStringView key) const
{
    if (kind != Kind::Map)
        return nullptr;
    const std::optional<size_t> i = keys.findScalar(key);
    return i && *i < items.size() ? &items[*i] : nullptr;
}

YamlNode* YamlNode::get(QStringView key)
{
    if (kind != Kind::Map)
        return nullptr;
    const std::optional<size_t> i = std::as_const(keys).findScalar(key);
    // Non-const access to the values only: the children are copied first when they are shared.
    return i && *i < items.size() ? &items[*i] : nullptr;
}

const YamlNode* YamlNode::keyNode(QStringView key) const
{
    if (kind != Kind::Map)
        return nullptr;
    const std::optional<size_t> i = keys.findScalar(key);
    return i ? &keys[*i] : nullptr;
}

void YamlNode::set(const QString& key, YamlNode value)
{
    if (kind != Kind::Map) {
        *this = map(line, column);
    }
    if (YamlNode* existing = get(key)) {
        *existing = std::move(value);
        return;
    }
    keys.push_back(scalar(key, value.line, value.column));
    keys.back().file = value.file;
    items.push_back(std::move(value));
}

void YamlNode::remove(QStringView key)
{
    for (size_t i = keys.size(); i-- > 0;) {
        if (keys[i].kind == Kind::Scalar && keys[i].value == key) {
            keys.erase(keys.begin() + qsizetype(i));
            items.erase(items.begin() + qsizetype(i));
        }
    }
}

QStringList YamlNode::keyNames() const
{
    QStringList names;
    for (const YamlNode& key : keys)
        names.append(key.value);
    return names;
}

QStringList YamlNode::toStringList() const
{
    if (kind == Kind::Scalar)
        return {value};
    QStringList list;
    if (kind == Kind::Sequence) {
        for (const YamlNode& item : items) {
            if (item.kind == Kind::Scalar)
                list.append(item.value);
        }
    }
    return list;
}

void YamlNode::setFile(int fileIndex)
{
    file = fileIndex;
    for (YamlNode& key : keys)
        key.setFile(fileIndex);
    for (YamlNode& item : items)
        item.setFile(fileIndex);
}

qsizetype YamlNode::nodeCount() const
{
    qsizetype count = 1;
    for (const YamlNode& item : items)
        count += item.nodeCount();
    return count + qsizetype(keys.size());
}

static void appendFlow(const YamlNode& node, QString& out, int maxLength)
{
    if (out.size() > maxLength)
        return;
    switch (node.kind) {
    case YamlNode::Kind::Null:
        out += u"null";
        return;
    case YamlNode::Kind::Scalar:
        if (!node.tag.isEmpty())
            out += node.tag + u' ';
        out += node.plain ? node.value : u'"' + node.value + u'"';
        return;
    case YamlNode::Kind::Sequence:
        if (!node.tag.isEmpty())
            out += node.tag + u' ';
        out += u'[';
        for (size_t i = 0; i < node.items.size(); ++i) {
            if (i)
                out += u", ";
            appendFlow(node.items[i], out, maxLength);
        }
        out += u']';
        return;
    case YamlNode::Kind::Map:
        out += u'{';
        for (size_t i = 0; i < node.items.size(); ++i) {
            if (i)
                out += u", ";
            appendFlow(node.keys[i], out, maxLength);
            out += u": ";
            appendFlow(node.items[i], out, maxLength);
        }
        out += u'}';
        return;
    }
}

QString YamlNode::toFlowText(int maxLength) const
{
    QString out;
    appendFlow(*this, out, maxLength);
    if (out.size() > maxLength)
        out = out.left(maxLength) + u"…";
    return out;
}

} // namespace gatehouse::pipeline
