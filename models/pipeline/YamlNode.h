// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

namespace gatehouse::pipeline {

class YamlNode;

/// The children of a YamlNode: a std::vector-like list shared copy-on-write, so copying a resolved tree (a job's
/// configuration for each of its parallel instances, extends parents) costs one pointer until it is modified.
class YamlNodeList
{
public:
    using iterator = std::vector<YamlNode>::iterator;
    using const_iterator = std::vector<YamlNode>::const_iterator;

    YamlNodeList() = default;
    YamlNodeList(std::vector<YamlNode> nodes);
    YamlNodeList(std::initializer_list<YamlNode> nodes);

    // Defined below YamlNode: clang's libstdc++ instantiation needs the complete element type.
    size_t size() const;
    bool empty() const { return size() == 0; }
    const YamlNode& operator[](size_t i) const;
    YamlNode& operator[](size_t i);
    const YamlNode& back() const;
    YamlNode& back();
    const_iterator begin() const;
    const_iterator end() const;
    iterator begin();
    iterator end();
    void push_back(const YamlNode& node);
    void push_back(YamlNode&& node);
    iterator erase(iterator position);
    void clear() { d.reset(); }
    void reserve(size_t n);

    /// The position of the last scalar node whose value is `text` (a map's key), or nothing. Long lists (the jobs
    /// of a 40,000-job pipeline) answer from a hash index built on first use, so lookups stay O(1).
    std::optional<size_t> findScalar(QStringView text) const;

private:
    struct Storage;
    std::vector<YamlNode>& detach();
    std::shared_ptr<Storage> d;
};

/// A YAML value that remembers where it was written. Plain value type (copies are deep), no yaml-cpp inside.
/// Maps keep their key order; anchors, aliases and `<<` merge keys are already resolved by YamlReader,
/// custom tags such as GitLab's `!reference` are kept in `tag`.
class YamlNode
{
public:
    enum class Kind : quint8
    {
        Null,
        Scalar,
        Sequence,
        Map
    };
    /// The YAML 1.1/1.2 core type of a scalar as GitLab's and GitHub's loaders see it.
    enum class ScalarType : quint8
    {
        Null,
        Bool,
        Integer,
        Float,
        String
    };

    Kind kind = Kind::Null;
    bool plain = true; ///< scalar written without quotes or block style (so `true`, `12` are typed)
    int line = 0; ///< 1-based; 0 for synthesized values
    int column = 0; ///< 1-based
    int file = 0; ///< index into the caller's file table (0 = the file that was read)
    QString value; ///< scalar text
    QString tag; ///< explicit tag (e.g. "!reference"), empty when none
    YamlNodeList keys; ///< map keys, parallel to `items`
    YamlNodeList items; ///< sequence items or map values

    static YamlNode scalar(const QString& text, int line = 0, int column = 0);
    static YamlNode map(int line = 0, int column = 0);
    static YamlNode sequence(int line = 0, int column = 0);

    bool isNull() const { return kind == Kind::Null || (kind == Kind::Scalar && scalarType() == ScalarType::Null); }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isMap() const { return kind == Kind::Map; }
    qsizetype size() const { return qsizetype(items.size()); }

    ScalarType scalarType() const;
    bool isString() const { return kind == Kind::Scalar && scalarType() == ScalarType::String; }
    bool isBool() const { return kind == Kind::Scalar && scalarType() == ScalarType::Bool; }
    bool isInteger() const { return kind == Kind::Scalar && scalarType() == ScalarType::Integer; }
    bool toBool(bool fallback = false) const;
    qint64 toInteger(bool* ok = nullptr) const;
    /// "null", "boolean", "integer", "number", "string", "sequence", "mapping".
    QString typeName() const;

    /// The value of `key` in a map (the last one when the key is duplicated), or nullptr.
    const YamlNode* get(QStringView key) const;
    YamlNode* get(QStringView key);
    /// The key node of `key` (for positions), or nullptr.
    const YamlNode* keyNode(QStringView key) const;
    bool contains(QStringView key) const { return get(key) != nullptr; }
    /// Sets `key` (replacing the existing value, or appending).
    void set(const QString& key, YamlNode value);
    void remove(QStringView key);
    QStringList keyNames() const;

    /// Scalars as text; sequences of scalars as their list; everything else empty.
    QStringList toStringList() const;
    /// Position of this node's start, for diagnostics.
    bool hasPosition() const { return line > 0; }

    /// Sets `file` on the whole subtree.
    void setFile(int fileIndex);
    /// Counts the nodes of the subtree (this one included).
    qsizetype nodeCount() const;
    /// Compact YAML flow-style text (for messages and the merged-configuration output).
    QString toFlowText(int maxLength = 80) const;
};

/// The shared nodes and, for long lists that were searched, an index scalar value → last position. The index is
/// built by readers (atomically published, so concurrent readers of a shared snapshot are safe), kept up to date by
/// push_back and dropped by erase. A node changed in place through a non-const reference keeps its old entry: a
/// hit is checked against the node (a renamed key is then searched linearly), but a key renamed in place to a new
/// name is not found by it; set() and remove() keep it right.
struct YamlNodeList::Storage
{
    using Index = QHash<QString, size_t>;
    std::vector<YamlNode> nodes;
    mutable std::atomic<Index*> index{nullptr};

    Storage() = default;
    explicit Storage(std::vector<YamlNode> list)
        : nodes(std::move(list))
    { }
    Storage(const Storage& other)
        : nodes(other.nodes)
    { }
    Storage& operator=(const Storage&) = delete;
    ~Storage() { delete index.load(); }
};

inline size_t YamlNodeList::size() const
{
    return d ? d->nodes.size() : 0;
}
inline const YamlNode& YamlNodeList::operator[](size_t i) const
{
    return d->nodes[i];
}
inline YamlNode& YamlNodeList::operator[](size_t i)
{
    return detach()[i];
}
inline const YamlNode& YamlNodeList::back() const
{
    return d->nodes.back();
}
inline YamlNode& YamlNodeList::back()
{
    return detach().back();
}
inline YamlNodeList::const_iterator YamlNodeList::begin() const
{
    return d ? d->nodes.cbegin() : const_iterator();
}
inline YamlNodeList::const_iterator YamlNodeList::end() const
{
    return d ? d->nodes.cend() : const_iterator();
}
inline YamlNodeList::iterator YamlNodeList::begin()
{
    return detach().begin();
}
inline YamlNodeList::iterator YamlNodeList::end()
{
    return detach().end();
}
inline YamlNodeList::iterator YamlNodeList::erase(iterator position)
{
    std::vector<YamlNode>& nodes = detach();
    delete d->index.exchange(nullptr); // positions shift
    return nodes.erase(position);
}
inline void YamlNodeList::reserve(size_t n)
{
    detach().reserve(n);
}

} // namespace gatehouse::pipeline
