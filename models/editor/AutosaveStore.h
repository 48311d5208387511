// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gatehouse {

/// Copies of unsaved editor buffers, so a crash loses nothing: one text file per original file plus a small
/// header line naming the original, under QStandardPaths::AppDataLocation/autosave by default.
/// Plain file I/O on small buffers; use from the GUI thread (the buffers live there).
class AutosaveStore
{
public:
    struct Entry
    {
        QString originalPath; ///< absolute path of the file the text belongs to
        QString text;
        QDateTime savedAt;
    };

    explicit AutosaveStore(QString directory = defaultDirectory());
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    /// Writes (atomically) the unsaved text of `originalPath`.
    Status store(const QString& originalPath, const QString& text);
    /// The autosaved buffer of `originalPath`, if any.
    std::optional<Entry> find(const QString& originalPath) const;
    /// Forgets the buffer (after a save, or when the user discards it).
    void remove(const QString& originalPath);
    /// Every autosaved buffer (for "recover after a crash" on start-up).
    QList<Entry> entries() const;

private:
    QString fileFor(const QString& originalPath) const;
    static std::optional<Entry> readEntry(const QString& file);

    QString m_directory;
};

} // namespace gatehouse
