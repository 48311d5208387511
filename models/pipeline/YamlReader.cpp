// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "YamlReader.h"

#include "IncrementalYamlReader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <future>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <sstream>

namespace gatehouse::pipeline {

namespace {

thread_local YamlReuseScope* t_reuseScope = nullptr;

struct LimitExceeded
{
    QString rule;
    QString message;
    int line;
    int column;
};

Diagnostic syntaxDiagnostic(const QString& file, int line, int column, const QString& rule, const QString& message,
                            Severity severity = Severity::Error)
{
    return Diagnostic{file, line, column, severity, Category::Syntax, rule, message};
}

/// Offset of the first byte that is not part of valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray& text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.constData());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned int codePoint = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values beyond U+10FFFF are invalid too.
        if ((length == 2 && codePoint < 0x80) || (length == 3 && codePoint < 0x800)
            || (length == 4 && codePoint < 0x10000) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)
            || codePoint > 0x10FFFF)
            return i;
        i += length;
    }
    return -1;
}

void lineColumnOf(const QByteArray& text, qsizetype offset, int* line, int* column)
{
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = int(offset - lineStart) + 1;
}

/// yaml-cpp counts bytes; editors and SARIF count characters.
int characterColumn(const QByteArray& text, const YAML::Mark& mark)
{
    const qsizetype lineStart = mark.pos - mark.column;
    if (lineStart < 0 || mark.pos > text.size())
        return mark.column + 1;
    int column = 1;
    for (qsizetype i = lineStart; i < mark.pos; ++i) {
        if ((quint8(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

/// Builds YamlNode trees from yaml-cpp's parser events, without recursion of our own.
class Builder : public YAML::EventHandler
{
public:
    Builder(const QByteArray& text, const QString& file, qint64 maxNodes, int maxDepth, QList<Diagnostic>& diagnostics)
        : m_text(text)
        , m_file(file)
        , m_maxNodes(maxNodes)
        , m_maxDepth(maxDepth)
        , m_diagnostics(diagnostics)
    { }

    std::vector<YamlNode> documents;
    std::vector<int> anchorLines;
    qint64 nodes() const { return m_nodes; }

    void OnDocumentStart(const YAML::Mark&) override
    {
        m_root = YamlNode();
        m_hasRoot = false;
        m_anchors.clear();
    }
    void OnDocumentEnd() override { documents.push_back(std::move(m_root)); }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        YamlNode node;
        setMark(node, mark);
        add(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw LimitExceeded{QStringLiteral("yaml.recursive-alias"),
                                QStringLiteral("this alias refers to the node that contains it (a recursive "
                                               "structure); expected an alias to a complete, earlier node"),
                                mark.line + 1, mark.column + 1};
        count(it->second.count, mark);
        add(YamlNode(it->second.node), 0);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override
    {
        YamlNode node;
        node.kind = YamlNode::Kind::Scalar;
        setMark(node, mark);
        node.value = QString::fromStdString(value);
        // yaml-cpp reports "?" for plain scalars and "!" for quoted or block ones.
        node.plain = tag == "?" || tag.empty();
        if (tag != "?" && tag != "!")
            node.tag = QString::fromStdString(tag);
        add(std::move(node), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(YamlNode::Kind::Sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(YamlNode::Kind::Map, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        bool hasKey = false;
        YamlNode key;
    };
    struct Anchored
    {
        YamlNode node;
        qint64 count = 0;
    };

    void setMark(YamlNode& node, const YAML::Mark& mark)
    {
        node.line = mark.line + 1;
        node.column = codePointColumn(mark);
        count(1, mark);
    }

    int codePointColumn(const YAML::Mark& mark) const { return characterColumn(m_text, mark); }

    void count(qint64 n, const YAML::Mark& mark)
    {
        m_nodes += n;
        if (m_nodes > m_maxNodes)
            throw LimitExceeded{QStringLiteral("yaml.too-many-nodes"),
                                QStringLiteral("the document expands to more than %1 values (an alias bomb?); "
                                               "expected a pipeline of reasonable size")
                                    .arg(m_maxNodes),
                                mark.line + 1, mark.column + 1};
    }

    void open(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor)
    {
        if (int(m_stack.size()) >= m_maxDepth)
            throw LimitExceeded{QStringLiteral("yaml.too-deep"),
                                QStringLiteral("collections are nested more than %1 levels deep; expected a "
                                               "shallower structure")
                                    .arg(m_maxDepth),
                                mark.line + 1, mark.column + 1};
        Frame frame;
        frame.node.kind = kind;
        setMark(frame.node, mark);
        if (tag != "?" && tag != "!" && !tag.empty() && tag != "tag:yaml.org,2002:map"
            && tag != "tag:yaml.org,2002:seq")
            frame.node.tag = QString::fromStdString(tag);
        frame.anchor = anchor;
        m_stack.push_back(std::move(frame));
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        if (frame.node.kind == YamlNode::Kind::Map)
            finishMap(frame.node);
        add(std::move(frame.node), frame.anchor);
    }

    void add(YamlNode&& node, YAML::anchor_t anchor)
    {
        if (anchor != 0) {
            m_anchors[anchor] = Anchored{node, node.nodeCount()};
            anchorLines.push_back(node.line);
        }
        if (m_stack.empty()) {
            m_root = std::move(node);
            m_hasRoot = true;
            return;
        }
        Frame& top = m_stack.back();
        if (top.node.kind == YamlNode::Kind::Sequence) {
            top.node.items.push_back(std::move(node));
        } else if (!top.hasKey) {
            top.key = std::move(node);
            top.hasKey = true;
        } else {
            top.node.keys.push_back(std::move(top.key));
            top.node.items.push_back(std::move(node));
            top.hasKey = false;
        }
    }

    static bool isMergeKey(const YamlNode& key)
    {
        return key.kind == YamlNode::Kind::Scalar && key.plain && key.tag.isEmpty() && key.value == u"<<";
    }

    /// Resolves `<<` merge keys (explicit keys win, then earlier merged maps) and drops duplicate keys with a warning.
    void finishMap(YamlNode& map)
    {
        bool hasMerge = false;
        for (const YamlNode& key : map.keys)
            hasMerge = hasMerge || isMergeKey(key);

        // Duplicates among the explicit keys: the last one wins, the earlier ones are reported and dropped.
        auto plainKey = [](const YamlNode& key) { return key.kind == YamlNode::Kind::Scalar && !isMergeKey(key); };
        QHash<QString, size_t> lastIndex;
        auto indexKeys = [&] {
            for (size_t i = 0; i < map.keys.size(); ++i) {
                if (plainKey(map.keys[i]))
                    lastIndex.insert(map.keys[i].value, i);
            }
        };
        bool hasDuplicate = false;
        if (map.keys.size() <= 12) {
            // Most maps are small: comparing pairs is cheaper than hashing every key of a large document.
            for (size_t i = 1; i < map.keys.size() && !hasDuplicate; ++i) {
                for (size_t j = 0; j < i && !hasDuplicate; ++j)
                    hasDuplicate
                        = plainKey(map.keys[i]) && plainKey(map.keys[j]) && map.keys[i].value == map.keys[j].value;
            }
            if (hasDuplicate || hasMerge)
                indexKeys();
        } else {
            indexKeys();
            hasDuplicate = qsizetype(lastIndex.size()) + (hasMerge ? 1 : 0) < qsizetype(map.keys.size());
        }
        if (hasDuplicate || hasMerge) {
            std::vector<YamlNode> keys;
            std::vector<YamlNode> items;
            QHash<QString, int> firstLine;
            for (size_t i = 0; i < map.keys.size(); ++i) {
                YamlNode& key = map.keys[i];
                if (isMergeKey(key)) {
                    keys.push_back(std::move(key));
                    items.push_back(std::move(map.items[i]));
                    continue;
                }
                if (key.kind == YamlNode::Kind::Scalar) {
                    const size_t last = lastIndex.value(key.value);
                    if (last != i) {
                        firstLine.insert(key.value, key.line);
                        continue;
                    }
                    if (firstLine.contains(key.value)) {
                        m_diagnostics.append(syntaxDiagnostic(
                            m_file, key.line, key.column, QStringLiteral("yaml.duplicate-key"),
                            QStringLiteral("duplicate key '%1' (also defined on line %2); only this last value is "
                                           "used, expected each key once")
                                .arg(key.value)
                                .arg(firstLine.value(key.value)),
                            Severity::Warning));
                    }
                }
                keys.push_back(std::move(key));
                items.push_back(std::move(map.items[i]));
            }
            map.keys = std::move(keys);
            map.items = std::move(items);
        }
        if (!hasMerge)
            return;

        std::vector<YamlNode> keys;
        std::vector<YamlNode> items;
        QHash<QString, bool> present;
        for (const YamlNode& key : map.keys) {
            if (!isMergeKey(key) && key.kind == YamlNode::Kind::Scalar)
                present.insert(key.value, true);
        }
        for (size_t i = 0; i < map.keys.size(); ++i) {
            if (!isMergeKey(map.keys[i])) {
                keys.push_back(std::move(map.keys[i]));
                items.push_back(std::move(map.items[i]));
                continue;
            }
            YamlNode& source = map.items[i];
            std::vector<YamlNode*> sources;
            if (source.kind == YamlNode::Kind::Map) {
                sources.push_back(&source);
            } else if (source.kind == YamlNode::Kind::Sequence) {
                for (YamlNode& item : source.items)
                    sources.push_back(&item);
            }
            bool valid = !sources.empty();
            for (YamlNode* s : sources)
                valid = valid && s->kind == YamlNode::Kind::Map;
            if (!valid) {
                m_diagnostics.append(syntaxDiagnostic(
                    m_file, source.line, source.column, QStringLiteral("yaml.invalid-merge"),
                    QStringLiteral("the merge key '<<' takes a mapping or a sequence of mappings (usually an alias "
                                   "such as *defaults); found a %1")
                        .arg(source.typeName())));
                continue;
            }
            for (YamlNode* s : sources) {
                for (size_t k = 0; k < s->keys.size(); ++k) {
                    const YamlNode& key = s->keys[k];
                    if (key.kind == YamlNode::Kind::Scalar && present.contains(key.value))
                        continue;
                    present.insert(key.value, true);
                    keys.push_back(key);
                    items.push_back(s->items[k]);
                }
            }
        }
        map.keys = std::move(keys);
        map.items = std::move(items);
    }

    const QByteArray& m_text;
    QString m_file;
    qint64 m_maxNodes;
    int m_maxDepth;
    QList<Diagnostic>& m_diagnostics;
    std::vector<Frame> m_stack;
    std::map<YAML::anchor_t, Anchored> m_anchors;
    YamlNode m_root;
    bool m_hasRoot = false;
    qint64 m_nodes = 0;
};

/// Where a large document may be cut in two halves that read exactly as the whole does. Only a single block mapping
/// without anchors, aliases, merge keys, directives or document markers qualifies, cut before a key in its second
/// half: a top-level key, or a key of the last top-level key's mapping (a workflow's `jobs:`) when every later line
/// is indented at least as much. Such a line can only start a new key, or end (unterminated) a flow collection or a
/// quoted scalar of the first half, which then fails to read and the whole is read at once instead.
struct Split
{
    qsizetype at = -1; ///< byte offset of the line that starts the second half
    int indent = 0; ///< its indentation: 0 for a top-level key
};

Split splitPoint(const QByteArray& text)
{
    if (text.contains('&') || text.contains('*') || text.contains("<<"))
        return {};
    auto startsKey = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
            || c == '$' || c == '/';
    };
    struct Line
    {
        qsizetype start;
        int indent;
        bool key; ///< a plain key starts at its indentation
    };
    std::vector<Line> tail; // the significant lines of the second half
    bool first = true;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line(text.constData() + start, end - start);
        if (line.startsWith("---") || line.startsWith("...") || line.startsWith('%'))
            return {};
        int indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        const char c = indent < line.size() ? line[indent] : '#';
        if (c != '#' && c != '\r') {
            if (first && (indent > 0 || !startsKey(c)))
                return {}; // not a block mapping at the top
            first = false;
            if (start >= text.size() / 2)
                tail.push_back({start, indent, startsKey(c) && line.contains(':')});
        }
        start = end + 1;
    }
    int indent = std::numeric_limits<int>::max();
    for (const Line& line : tail)
        indent = std::min(indent, line.indent);
    for (const Line& line : tail) {
        if (line.indent == indent && line.key)
            return {line.start, indent};
    }
    return {};
}

/// The part of `text` from `from`, behind as many empty lines as precede it, so that yaml-cpp's marks (lines,
/// byte positions within the part) give the same lines and columns as in the whole text.
QByteArray partFrom(const QByteArray& text, qsizetype from)
{
    const qsizetype lines = text.first(from).count('\n');
    QByteArray part(lines, '\n');
    part.append(text.constData() + from, text.size() - from);
    return part;
}

struct Half
{
    std::vector<YamlNode> documents;
    QList<Diagnostic> diagnostics;
    qint64 nodes = 0;
    bool ok = false;
};

Half readHalf(const QByteArray& text, const QString& file, qint64 maxNodes, int maxDepth)
{
    Half half;
    Builder builder(text, file, maxNodes, maxDepth, half.diagnostics);
    try {
        std::istringstream stream(text.toStdString());
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(builder)) { }
    } catch (...) {
        return half; // the whole text is read again, which reports the problem where it is
    }
    half.documents = std::move(builder.documents);
    half.nodes = builder.nodes();
    half.ok = true;
    return half;
}

/// Reads a large plain mapping in two halves, one on another thread; nothing when it does not qualify or the halves
/// do not join into exactly what reading the whole gives (a key in both, a problem in either).
std::optional<YamlDocumentSet> readInHalves(const QByteArray& text, const QString& file, qint64 maxNodes, int maxDepth)
{
    const Split split = splitPoint(text);
    if (split.at <= 0)
        return std::nullopt;
    std::future<Half> second
        = std::async(std::launch::async, [part = partFrom(text, split.at), file, maxNodes, maxDepth] {
              return readHalf(part, file, maxNodes, maxDepth);
          });
    // The first half ends with a key of the mapping that goes on in the second: it is read as one only when the
    // first half ends cleanly (yaml-cpp also takes a quoted scalar or a flow collection left open at the end).
    constexpr char sentinel[] = "gatehouse-first-half-ends-here";
    const QByteArray first = text.first(split.at) + QByteArray(split.indent, ' ') + sentinel + ": 0\n";
    const int sentinelLine = int(first.count('\n'));
    Half head = readHalf(first, file, maxNodes, maxDepth);
    Half tail = second.get();
    // Any warning (a duplicate key) is left to the whole reader too, which reports them in its own order.
    if (!head.ok || !tail.ok || head.documents.size() != 1 || tail.documents.size() != 1
        || head.nodes - 2 + tail.nodes > maxNodes || !head.diagnostics.isEmpty() || !tail.diagnostics.isEmpty())
        return std::nullopt;
    YamlNode& root = head.documents.front();
    YamlNode& rest = tail.documents.front();
    if (!root.isMap() || !rest.isMap() || !rest.tag.isEmpty() || rest.column != split.indent + 1)
        return std::nullopt;
    // The mapping the second half continues: the document's, or its last key's block mapping.
    YamlNode* into = &root;
    if (split.indent > 0) {
        if (root.items.empty())
            return std::nullopt;
        into = &root.items.back();
        if (!into->isMap() || into->column != split.indent + 1 || into->line >= rest.line)
            return std::nullopt;
    }
    if (!into->tag.isEmpty() || into->keys.empty() || into->keys.back().value != QLatin1StringView(sentinel)
        || into->keys.back().line != sentinelLine || !into->items.back().isScalar())
        return std::nullopt;
    into->keys.erase(into->keys.end() - 1);
    into->items.erase(into->items.end() - 1);
    QSet<QString> keys;
    keys.reserve(qsizetype(into->keys.size()));
    for (const YamlNode& key : std::as_const(into->keys)) {
        if (!key.isScalar())
            return std::nullopt;
        keys.insert(key.value);
    }
    for (const YamlNode& key : std::as_const(rest.keys)) {
        if (!key.isScalar() || keys.contains(key.value))
            return std::nullopt; // a duplicate across the halves: the whole reader drops the first one
    }
    into->keys.reserve(into->keys.size() + rest.keys.size());
    into->items.reserve(into->items.size() + rest.items.size());
    for (size_t i = 0; i < rest.keys.size(); ++i) {
        into->keys.push_back(std::move(rest.keys[i]));
        into->items.push_back(std::move(rest.items[i]));
    }
    YamlDocumentSet result;
    result.documents = std::move(head.documents);
    result.nodes = head.nodes - 2 + tail.nodes;
    result.ok = true;
    return result;
}

} // namespace

int estimateNestingDepth(const QByteArray& text, int stopAt)
{
    std::vector<int> indents;
    int flowDepth = 0;
    int deepest = 0;
    int blockScalarIndent = -1;
    const char* data = text.constData();
    const qsizetype n = text.size();
    qsizetype pos = 0;
    while (pos < n) {
        qsizetype end = pos;
        while (end < n && data[end] != '\n')
            ++end;
        qsizetype i = pos;
        while (i < end && data[i] == ' ')
            ++i;
        const int indent = int(i - pos);
        const bool blank = i == end || data[i] == '#' || data[i] == '\r';
        if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
            pos = end + 1;
            continue;
        }
        blockScalarIndent = -1;
        if (blank) {
            pos = end + 1;
            continue;
        }
        if (flowDepth == 0) {
            while (!indents.empty() && indents.back() >= indent)
                indents.pop_back();
            indents.push_back(indent);
        }
        int dashes = 0;
        while (i < end && data[i] == '-' && (i + 1 == end || data[i + 1] == ' ')) {
            ++dashes;
            i += 2;
            while (i < end && data[i] == ' ')
                ++i;
        }
        deepest = std::max(deepest, int(indents.size()) + dashes + flowDepth);
        char quote = 0;
        char last = ' ';
        for (; i < end; ++i) {
            const char c = data[i];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '#' && (i == pos || data[i - 1] == ' ' || data[i - 1] == '\t')) {
                break;
            } else if ((c == '"' || c == '\'')
                       && (last == ' ' || last == '[' || last == '{' || last == ',' || last == ':')) {
                quote = c;
            } else if (c == '[' || c == '{') {
                ++flowDepth;
                deepest = std::max(deepest, int(indents.size()) + dashes + flowDepth);
            } else if ((c == ']' || c == '}') && flowDepth > 0) {
                --flowDepth;
            }
            if (c != ' ' && c != '\t' && c != '\r')
                last = c;
        }
        // A block scalar header (`key: |`, `- >-`): its content lines are text, not structure.
        if (last == '|' || last == '>'
            || ((last == '-' || last == '+' || (last >= '1' && last <= '9')) && end - pos >= 2
                && (data[end - 2] == '|' || data[end - 2] == '>')))
            blockScalarIndent = indent;
        if (deepest > stopAt)
            return deepest;
        pos = end + 1;
    }
    return deepest;
}

YamlDocumentSet readYaml(const QByteArray& text, const QString& file, const YamlLimits& limits)
{
    if (YamlReuseScope* scope = t_reuseScope;
        scope && file == scope->m_file && text.size() == scope->m_text.size() && text == scope->m_text) {
        // The reader reads with readYaml() itself: the scope is off meanwhile.
        t_reuseScope = scope->m_outer;
        YamlDocumentSet result = scope->m_reader.read(text, file, limits);
        t_reuseScope = scope;
        return result;
    }
    YamlDocumentSet result;
    auto fail = [&](int line, int column, const QString& rule, const QString& message) {
        result.diagnostics.append(syntaxDiagnostic(file, line, column, rule, message));
        result.ok = false;
        return result;
    };
    if (text.size() > limits.maxBytes)
        return fail(0, 0, QStringLiteral("yaml.too-large"),
                    QStringLiteral("the file is %1 MB; pipeline files above %2 MB are not read")
                        .arg(double(text.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(limits.maxBytes / (1024 * 1024)));
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        int line = 0, column = 0;
        lineColumnOf(text, nul, &line, &column);
        return fail(line, column, QStringLiteral("yaml.binary"),
                    QStringLiteral("the file contains NUL bytes (a binary file?); expected UTF-8 YAML text"));
    }
    if (const qsizetype bad = firstInvalidUtf8(text); bad >= 0) {
        int line = 0, column = 0;
        lineColumnOf(text, bad, &line, &column);
        return fail(line, column, QStringLiteral("yaml.invalid-utf8"),
                    QStringLiteral("invalid UTF-8 byte 0x%1; expected UTF-8 text")
                        .arg(quint8(text[bad]), 2, 16, QLatin1Char('0')));
    }
    if (const int depth = estimateNestingDepth(text, limits.maxDepth); depth > limits.maxDepth)
        return fail(1, 1, QStringLiteral("yaml.too-deep"),
                    QStringLiteral("the text nests collections more than %1 levels deep; expected a shallower "
                                   "structure")
                        .arg(limits.maxDepth));

    const qint64 maxNodes = limits.maxNodes > 0 ? limits.maxNodes : 200000 + text.size();
    if (limits.splitAbove > 0 && text.size() >= limits.splitAbove) {
        if (std::optional<YamlDocumentSet> halves = readInHalves(text, file, maxNodes, limits.maxDepth))
            return std::move(*halves);
    }
    Builder builder(text, file, maxNodes, limits.maxDepth, result.diagnostics);
    try {
        std::istringstream stream(text.toStdString());
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(builder)) { }
    } catch (const YAML::Exception& e) {
        return fail(e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : characterColumn(text, e.mark),
                    QStringLiteral("yaml.syntax"), QString::fromStdString(e.msg));
    } catch (const LimitExceeded& e) {
        return fail(e.line, e.column, e.rule, e.message);
    } catch (const std::bad_alloc&) {
        return fail(0, 0, QStringLiteral("yaml.too-many-nodes"),
                    QStringLiteral("out of memory while reading the file; expected a pipeline of reasonable size"));
    } catch (const std::exception& e) {
        return fail(0, 0, QStringLiteral("yaml.syntax"), QString::fromUtf8(e.what()));
    }
    result.documents = std::move(builder.documents);
    result.anchorLines = std::move(builder.anchorLines);
    std::sort(result.anchorLines.begin(), result.anchorLines.end());
    result.nodes = builder.nodes();
    result.ok = true;
    return result;
}

YamlReuseScope::YamlReuseScope(IncrementalYamlReader& reader, const QByteArray& text, const QString& file)
    : m_reader(reader)
    , m_text(text)
    , m_file(file)
    , m_outer(t_reuseScope)
{
    t_reuseScope = this;
}

YamlReuseScope::~YamlReuseScope()
{
    t_reuseScope = m_outer;
}

} // namespace gatehouse::pipeline
