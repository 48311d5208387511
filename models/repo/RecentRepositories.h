// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QStringList>

namespace gatehouse {

/// The most recently opened repositories, newest first, kept in QSettings under "recentRepositories".
/// Paths are stored cleaned and absolute; at most kMax are kept. Use from one thread at a time.
class RecentRepositories
{
public:
    static constexpr int kMax = 10;

    explicit RecentRepositories(QSettings& settings)
        : m_settings(settings)
    { }

    QStringList paths() const;
    /// Moves (or adds) `path` to the front.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();
    /// The newest entry, or empty.
    QString last() const { return paths().value(0); }

private:
    void store(const QStringList& paths);
    QSettings& m_settings;
};

} // namespace gatehouse
