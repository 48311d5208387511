// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentRepositories.h"

#include <QDir>
#include <QFileInfo>

namespace gatehouse {

namespace {
const QString kKey = QStringLiteral("recentRepositories");

QString clean(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

QStringList RecentRepositories::paths() const
{
    QStringList result;
    const QStringList stored = m_settings.value(kKey).toStringList();
    for (const QString& path : stored) {
        if (!path.isEmpty() && !result.contains(path))
            result.append(path);
    }
    return result.mid(0, kMax);
}

void RecentRepositories::add(const QString& path)
{
    QStringList list = paths();
    const QString cleaned = clean(path);
    list.removeAll(cleaned);
    list.prepend(cleaned);
    store(list.mid(0, kMax));
}

void RecentRepositories::remove(const QString& path)
{
    QStringList list = paths();
    list.removeAll(clean(path));
    store(list);
}

void RecentRepositories::clear()
{
    store({});
}

void RecentRepositories::store(const QStringList& paths)
{
    m_settings.setValue(kKey, paths);
}

} // namespace gatehouse
