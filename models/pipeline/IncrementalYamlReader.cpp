// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncrementalYamlReader.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace gatehouse::pipeline {

namespace {

int countLines(const char* begin, const char* end)
{
    return int(std::count(begin, end, '\n'));
}

/// Moves the nodes written after line `after` by `delta` lines. A node at or before it is an alias copy of an
/// earlier anchor (so is everything inside it): left alone, and its lists are not detached from the anchor's.
void shiftLines(YamlNode& node, int after, int delta)
{
    if (node.line <= after)
        return;
    node.line += delta;
    auto shiftList = [after, delta](YamlNodeList& list) {
        const YamlNodeList& view = list;
        if (std::none_of(view.begin(), view.end(), [after](const YamlNode& child) { return child.line > after; }))
            return;
        for (YamlNode& child : list)
            shiftLines(child, after, delta);
    };
    shiftList(node.keys);
    shiftList(node.items);
}

/// What a partial read cannot reproduce: several documents or directives, and block scalars that keep trailing
/// blank lines (an anchored one would keep the blanked lines behind it).
bool hasGlobalSyntax(const QByteArray& text)
{
    const char* data = text.constData();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if ((c == '-' || c == '.' || c == '%') && (i == 0 || data[i - 1] == '\n')) {
            if (c == '%' || (i + 2 < size && data[i + 1] == c && data[i + 2] == c))
                return true; // a directive or a document marker
        } else if (c == '+' && i > 0) {
            const char p = data[i - 1];
            if (p == '|' || p == '>' || (p >= '1' && p <= '9' && i > 1 && (data[i - 2] == '|' || data[i - 2] == '>')))
                return true; // keep chomping: `|+`, `>2+`
        }
    }
    return false;
}

} // namespace

IncrementalYamlReader::Stats IncrementalYamlReader::lastStats() const
{
    const QMutexLocker locker(&m_mutex);
    return m_stats;
}

YamlDocumentSet IncrementalYamlReader::read(const QByteArray& text, const QString& file, const YamlLimits& limits)
{
    const QMutexLocker locker(&m_mutex);
    if (file == m_file && !m_entries.empty() && text.size() <= limits.maxBytes) {
        if (text == m_text) {
            m_stats = {true, 0};
            return m_set;
        }
        if (std::optional<YamlDocumentSet> edited = readEdit(text, limits)) {
            remember(text, file, *edited);
            return std::move(*edited);
        }
    }
    YamlDocumentSet whole = readYaml(text, file, limits);
    m_stats = {false, countLines(text.cbegin(), text.cend()) + 1};
    remember(text, file, whole);
    return whole;
}

void IncrementalYamlReader::remember(const QByteArray& text, const QString& file, const YamlDocumentSet& set)
{
    m_text = text;
    m_file = file;
    m_set = set;
    m_entries.clear();
    if (!set.ok || set.documents.size() != 1 || !set.diagnostics.isEmpty())
        return;
    const YamlNode& root = set.documents.front();
    if (!root.isMap() || !root.tag.isEmpty() || root.column != 1 || root.keys.empty() || root.keys[0].line != root.line
        || hasGlobalSyntax(text))
        return;
    std::vector<Entry> entries;
    entries.reserve(root.keys.size());
    for (const YamlNode& key : root.keys) {
        // Keys in text order, one per line at the margin: a merged or complex key breaks that and is read whole.
        if (!key.isScalar() || key.column != 1 || (!entries.empty() && key.line <= entries.back().line))
            return;
        entries.push_back({key.line, false});
    }
    for (const int line : set.anchorLines) {
        auto after = std::upper_bound(entries.begin(), entries.end(), line,
                                      [](int l, const Entry& entry) { return l < entry.line; });
        if (after == entries.begin())
            return;
        std::prev(after)->anchors = true;
    }
    m_entries = std::move(entries);
}

std::optional<YamlDocumentSet> IncrementalYamlReader::readEdit(const QByteArray& text, const YamlLimits& limits)
{
    const QByteArray& old = m_text;
    const qsizetype shorter = std::min(old.size(), text.size());
    const qsizetype prefix = std::mismatch(old.cbegin(), old.cbegin() + shorter, text.cbegin()).first - old.cbegin();
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    const char* oldEdit = old.cbegin() + prefix;
    const char* oldEnd = old.cend() - suffix;
    const char* newEnd = text.cend() - suffix;
    const int firstLine = 1 + countLines(old.cbegin(), oldEdit);
    // An edit at the start of a line may belong to the entry above (an indented line added under it).
    const bool atLineStart = prefix == 0 || old[prefix - 1] == '\n';
    const int lastLine = firstLine + countLines(oldEdit, oldEnd); // the line where the unchanged rest begins
    const int delta = countLines(text.cbegin() + prefix, newEnd) - countLines(oldEdit, oldEnd);

    const int n = int(m_entries.size());
    auto entryOf = [this](int line) {
        return int(std::upper_bound(m_entries.begin(), m_entries.end(), line,
                                    [](int l, const Entry& entry) { return l < entry.line; })
                   - m_entries.begin())
            - 1;
    };
    int first = entryOf(firstLine);
    // An edit at the start of a key's line may add lines to the entry above (an indented line, a blank one): that
    // one is read too, unless it is an anchored one (then the touched text must start a key of its own).
    if (atLineStart && first > 0 && m_entries[size_t(first)].line == firstLine && !m_entries[size_t(first) - 1].anchors)
        --first;
    const int last = entryOf(lastLine);
    if (first < 0)
        return std::nullopt; // before the first key: comments or the document's start
    for (int i = first; i <= last; ++i) {
        if (m_entries[size_t(i)].anchors)
            return std::nullopt; // later entries hold copies of what changed
    }
    const int startLine = m_entries[size_t(first)].line;
    // The key line of the first entry after the touched ones is read too: that it still reads as that key shows
    // that the touched entries end where they did (no quote, bracket or scalar left open).
    const bool bounded = last + 1 < n;
    const int sentinelLine = bounded ? m_entries[size_t(last) + 1].line + delta : 0;
    const int endLine = bounded ? sentinelLine : std::numeric_limits<int>::max();

    // The touched entries at their own lines, behind the anchored entries before them; every other line blank, so
    // that positions are those of the whole text.
    QByteArray masked;
    masked.reserve(text.size());
    int line = 1;
    int linesRead = 0;
    for (qsizetype start = 0; start < text.size() && line <= endLine; ++line) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        bool keep = line >= startLine;
        if (line == startLine) {
            // The touched text must start a key at the margin, or it may continue the entry above it (a comment
            // line indented under a block scalar is text of that scalar).
            const char c = text[start];
            if (c == ' ' || c == '\t' || c == '#' || c == '\r' || c == '\n' || c == '-')
                return std::nullopt;
        }
        if (!keep) {
            // An anchored entry, and the key line after it: an empty value at the end of an entry takes the
            // position of the token that follows it.
            const int entry = entryOf(line);
            keep = entry >= 0
                && (m_entries[size_t(entry)].anchors
                    || (m_entries[size_t(entry)].line == line && entry > 0 && m_entries[size_t(entry) - 1].anchors));
        }
        if (keep) {
            masked.append(text.constData() + start, end - start);
            ++linesRead;
        } else {
            masked.append('\n');
        }
        start = end;
    }
    int anchored = 0; // the keys read before the touched entries
    for (int i = 0; i < first; ++i)
        anchored += m_entries[size_t(i)].anchors || (i > 0 && m_entries[size_t(i) - 1].anchors) ? 1 : 0;

    YamlLimits partialLimits = limits;
    partialLimits.splitAbove = 0;
    const qint64 maxNodes = limits.maxNodes > 0 ? limits.maxNodes : 200000 + text.size();
    partialLimits.maxNodes = maxNodes;
    YamlDocumentSet partial = readYaml(masked, m_file, partialLimits);
    if (!partial.ok || partial.documents.size() != 1 || !partial.diagnostics.isEmpty())
        return std::nullopt; // the whole text says where the problem is, or that there is none
    const YamlNode& part = partial.documents.front();
    if (!part.isMap() || !part.tag.isEmpty() || part.column != 1)
        return std::nullopt;
    for (const int anchorLine : partial.anchorLines) {
        if (anchorLine >= startLine && anchorLine != sentinelLine)
            return std::nullopt; // a new anchor: later entries may refer to it
    }
    const YamlNode& before = m_set.documents.front();
    std::vector<size_t> added;
    int seenAnchored = 0;
    bool sentinelSeen = false;
    for (size_t i = 0; i < part.keys.size(); ++i) {
        const YamlNode& key = part.keys[i];
        if (!key.isScalar() || key.column != 1)
            return std::nullopt;
        if (key.line < startLine) {
            ++seenAnchored;
            continue;
        }
        if (bounded && key.line == sentinelLine) {
            sentinelSeen = key.value == before.keys[size_t(last) + 1].value;
            continue;
        }
        if (added.empty() && key.line != startLine)
            return std::nullopt;
        // A key kept outside the touched entries would be read twice.
        if (const std::optional<size_t> at = before.keys.findScalar(key.value);
            at && (int(*at) < first || int(*at) > last))
            return std::nullopt;
        added.push_back(i);
    }
    // No key left where the touched entries began: an empty value ending the entry above took its position from
    // that key, and now from a later one.
    if (seenAnchored != anchored || (bounded && !sentinelSeen) || added.empty())
        return std::nullopt;

    qint64 nodes = m_set.nodes;
    for (int i = first; i <= last; ++i)
        nodes -= before.keys[size_t(i)].nodeCount() + before.items[size_t(i)].nodeCount();
    for (const size_t i : added)
        nodes += part.keys[i].nodeCount() + part.items[i].nodeCount();
    if (nodes > maxNodes)
        return std::nullopt;

    std::vector<YamlNode> keys;
    std::vector<YamlNode> items;
    keys.reserve(before.keys.size() + added.size());
    items.reserve(before.keys.size() + added.size());
    for (int i = 0; i < first; ++i) {
        keys.push_back(before.keys[size_t(i)]);
        items.push_back(before.items[size_t(i)]);
    }
    for (const size_t i : added) {
        keys.push_back(part.keys[i]);
        items.push_back(part.items[i]);
    }
    for (int i = last + 1; i < n; ++i) {
        keys.push_back(before.keys[size_t(i)]);
        items.push_back(before.items[size_t(i)]);
        if (delta != 0) {
            shiftLines(keys.back(), lastLine, delta);
            shiftLines(items.back(), lastLine, delta);
        }
    }
    if (keys.empty())
        return std::nullopt;

    YamlDocumentSet result;
    result.ok = true;
    result.nodes = nodes;
    for (const int anchorLine : m_set.anchorLines)
        result.anchorLines.push_back(anchorLine > lastLine ? anchorLine + delta : anchorLine);
    YamlNode root = before;
    root.line = keys.front().line;
    root.column = keys.front().column;
    root.keys = YamlNodeList(std::move(keys));
    root.items = YamlNodeList(std::move(items));
    result.documents.push_back(std::move(root));
    m_stats = {true, linesRead};
    return result;
}

} // namespace gatehouse::pipeline
