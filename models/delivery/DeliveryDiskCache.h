// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryAnalysis.h"

#include <QByteArray>

#include <optional>

namespace gatehouse::delivery {

/// The delivery analysis kept on disk (`$XDG_CACHE_HOME/gatehouse/delivery/`), so reopening an unchanged repository
/// reads the result instead of walking the history again. Below DeliveryCache: a state the process has not seen
/// yet is looked up here before it is computed, and a computed one is written here.
///
/// An entry answers one repository state (stateKey()): the state DeliveryCache keys on (the revision's commit,
/// every tag, the deployment notes ref, the work tree's rules file) plus every other ref (branches, remote
/// branches, the scan and run notes refs) and the application's version. Anything moved gives another key, so a
/// stale entry is never read; a damaged one fails its checksum and is recomputed and rewritten. Any thread.
class DeliveryDiskCache
{
public:
    /// The key of the repository's state at `revision` (empty: HEAD and the work tree); empty when it cannot be read
    /// (then nothing is cached).
    static QByteArray stateKey(const git::Repository& repository, const QString& revision);

    /// The analysis stored for `key`, or nothing.
    static std::optional<DeliverySnapshot> find(const QByteArray& key);
    /// Stores a successful analysis under `key`; false when there is no cache folder or it cannot be written.
    static bool store(const QByteArray& key, const DeliverySnapshot& snapshot);
    /// The file an entry of `key` is kept in (tests damage it).
    static QString fileFor(const QByteArray& key);

    /// The value as bytes, and back: exact for every field; nothing for bytes that are not a whole snapshot.
    static QByteArray encode(const DeliverySnapshot& snapshot);
    static std::optional<DeliverySnapshot> decode(const QByteArray& bytes);
};

} // namespace gatehouse::delivery
