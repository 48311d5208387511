// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QStringList>

namespace gatehouse::pipeline {

/// The loops of a `needs` graph (job → the jobs it needs), for the "needs cycle" errors of GitLab and GitHub.
/// A depth-first search from each job of `order` in turn; each loop is reported once, as the jobs along it with the
/// first one repeated at the end ("a", "b", "a"), and a job on a reported loop starts no other. Edges to names that
/// are not keys of `edges` are ignored. Iterative (a 40,000-job chain must not exhaust the stack), linear in jobs +
/// needs.
QList<QStringList> findNeedsCycles(const QStringList& order, const QHash<QString, QStringList>& edges);

} // namespace gatehouse::pipeline
