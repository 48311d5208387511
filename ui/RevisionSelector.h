// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"

#include <QComboBox>

namespace gatehouse::ui {

/// The toolbar's revision picker: "Work tree" (the default), local and remote branches, tags, or any revision typed
/// in (a sha, `HEAD~3`, ...). Emits revisionRequested() with the chosen revision ("" = work tree).
class RevisionSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit RevisionSelector(QWidget* parent = nullptr);

    /// Fills the list from the snapshot's refs and shows its revision as the current one.
    void setSnapshot(const RepositorySnapshot& snapshot);
    QString currentRevision() const { return m_current; }

Q_SIGNALS:
    void revisionRequested(const QString& revision);

private:
    void choose(const QString& revision);
    void showCurrent();
    QString m_current;
};

} // namespace gatehouse::ui
