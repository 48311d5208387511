// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::scorecard {

/// The scorecard's own history walks, whose answers depend on the repository state alone (not on "now"): the
/// latest non-merge subjects and the scan times (scan notes commits, commits that changed reports/). Value type.
struct HistoryFacts
{
    QStringList recentSubjects; ///< newest first
    QList<QDateTime> scanTimes; ///< notes commits, then report commits
};

/// HistoryFacts kept on disk (`$XDG_CACHE_HOME/gatehouse/scorecard/`), so reopening an unchanged repository does
/// not walk its history for them again. Keyed by the same repository state as the delivery analysis on disk
/// (DeliveryDiskCache::stateKey: the revision's commit, every ref, the rules file, the application's version); a
/// damaged or foreign entry reads as a miss. Any thread.
class HistoryFactsCache
{
public:
    static QByteArray stateKey(const git::Repository& repository, const QString& revision);
    static std::optional<HistoryFacts> find(const QByteArray& key);
    static bool store(const QByteArray& key, const HistoryFacts& facts);
    static QString fileFor(const QByteArray& key);

    static QByteArray encode(const HistoryFacts& facts);
    static std::optional<HistoryFacts> decode(const QByteArray& bytes);
};

} // namespace gatehouse::scorecard
