// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "YamlReader.h"

#include <QMutex>

namespace gatehouse::pipeline {

/// Reads successive versions of one file being edited. A keystroke changes one top-level entry (a job, a
/// template): only the lines of the entries the edit touches are read again, behind the anchored entries they may
/// refer to, and spliced into the previous tree with the later lines moved. The result is always what readYaml()
/// of the whole text gives (tests compare both on random edits); whenever locality cannot be shown (a syntax
/// error, an anchor in the touched entries, a key repeated, several documents, a warning) the whole is read.
/// Thread-safe: the editor's workers may overlap.
class IncrementalYamlReader
{
public:
    YamlDocumentSet read(const QByteArray& text, const QString& file, const YamlLimits& limits = {});

    struct Stats
    {
        bool incremental = false; ///< the last read reused the previous tree
        int linesRead = 0; ///< lines handed to the YAML parser by the last read (blank ones included)
    };
    Stats lastStats() const;

private:
    struct Entry
    {
        int line = 0; ///< the line of its key (1-based)
        bool anchors = false; ///< defines an anchor: kept in every partial read after it
    };

    std::optional<YamlDocumentSet> readEdit(const QByteArray& text, const YamlLimits& limits);
    void remember(const QByteArray& text, const QString& file, const YamlDocumentSet& set);

    mutable QMutex m_mutex;
    QByteArray m_text;
    QString m_file;
    YamlDocumentSet m_set;
    std::vector<Entry> m_entries; ///< empty when the last text cannot be edited locally
    Stats m_stats;
};

} // namespace gatehouse::pipeline
