// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"
#include "YamlNode.h"

#include <QByteArray>

#include <vector>

namespace gatehouse::pipeline {

/// Bounds that keep hostile input (huge files, alias bombs, absurd nesting) cheap to reject.
struct YamlLimits
{
    qint64 maxBytes = 10 * 1024 * 1024;
    int maxDepth = 200; ///< nesting of collections; real pipelines stay under 20
    qint64 maxNodes = 0; ///< nodes after alias expansion; 0 = 200,000 + one per byte of input
    /// A plain one-document mapping at least this large is read in two halves on two threads (same result).
    qint64 splitAbove = 512 * 1024;
};

struct YamlDocumentSet
{
    std::vector<YamlNode> documents; ///< one per `---` document; empty for an empty file
    QList<Diagnostic> diagnostics; ///< syntax errors and warnings (duplicate keys, bad merges)
    bool ok = false; ///< false when the text could not be read at all (a syntax error or a limit)
    std::vector<int> anchorLines; ///< the lines of the anchored nodes (`&name`), ascending; for IncrementalYamlReader
    qint64 nodes = 0; ///< the values read, aliases expanded (what YamlLimits::maxNodes bounds)
};

class IncrementalYamlReader;

/// Reads YAML text into position-carrying YamlNode trees with anchors, aliases and `<<` merge keys resolved,
/// duplicate keys warned about (the last one wins, as in GitLab and most loaders) and custom tags kept.
/// Checks up front: size, NUL bytes (binary), UTF-8 validity and nesting depth.
/// Re-entrant and thread-safe (no shared state): callable from any worker thread. Never throws.
YamlDocumentSet readYaml(const QByteArray& text, const QString& file, const YamlLimits& limits = {});

/// While alive, readYaml() of exactly `text` as `file` on the constructing thread goes through `reader`, which
/// reads only what changed since its previous text. Lets the editor's worker reuse the last keystroke's tree deep
/// inside the engine without threading a cache through every analyzer. Scopes nest; the innermost wins.
class YamlReuseScope
{
public:
    YamlReuseScope(IncrementalYamlReader& reader, const QByteArray& text, const QString& file);
    ~YamlReuseScope();
    YamlReuseScope(const YamlReuseScope&) = delete;
    YamlReuseScope& operator=(const YamlReuseScope&) = delete;

private:
    friend YamlDocumentSet readYaml(const QByteArray&, const QString&, const YamlLimits&);
    IncrementalYamlReader& m_reader;
    const QByteArray& m_text;
    QString m_file;
    YamlReuseScope* m_outer;
};

/// The deepest collection nesting the text could produce, estimated from indentation and flow brackets
/// without parsing (used to refuse input that would exhaust a recursive parser's stack).
int estimateNestingDepth(const QByteArray& text, int stopAt);

} // namespace gatehouse::pipeline
