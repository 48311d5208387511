// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Scorecard.h"

#include <QByteArray>

#include <optional>

namespace gatehouse::scorecard {

/// What Scorecard::collectAtRevision reads from one commit (its files, the configs, the gates of every pipeline),
/// kept on disk (`$XDG_CACHE_HOME/gatehouse/revision/`) so the Overview of a commit seen before does not validate
/// its pipelines again. A pure function of the commit's tree: keyed by the commit id and the application's
/// version. A damaged or foreign entry reads as a miss. Any thread.
class RevisionFactsCache
{
public:
    static QByteArray key(const git::ObjectId& commit);
    /// The revision's part of the inputs (`now` and the history-wide fields left empty), or nothing.
    static std::optional<ScorecardInputs> find(const QByteArray& key);
    /// Stores the revision's part of `inputs`.
    static bool store(const QByteArray& key, const ScorecardInputs& inputs);
    static QString fileFor(const QByteArray& key);

    static QByteArray encode(const ScorecardInputs& inputs);
    static std::optional<ScorecardInputs> decode(const QByteArray& bytes);
};

} // namespace gatehouse::scorecard
