// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RevisionSelector.h"

#include <QLineEdit>

#include <algorithm>

namespace gatehouse::ui {

RevisionSelector::RevisionSelector(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("revisionSelector"));
    setAccessibleName(tr("Revision"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(24);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMaxVisibleItems(25);
    setToolTip(tr("Revision: the work tree, a branch, a tag, or type any commit or revision (e.g. HEAD~3) and "
                  "press Enter"));
    lineEdit()->setPlaceholderText(tr("branch, tag or commit"));
    lineEdit()->setAccessibleName(tr("Revision"));
    connect(this, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (itemData(index).isValid())
            choose(itemData(index).toString());
    });
    connect(lineEdit(), &QLineEdit::returnPressed, this, [this] {
        const QString text = lineEdit()->text().trimmed();
        const int index = findText(text);
        choose(index >= 0 && itemData(index).isValid() ? itemData(index).toString()
                   : text == tr("Work tree")           ? QString()
                                                       : text);
    });
}

void RevisionSelector::choose(const QString& revision)
{
    if (revision == m_current)
        return showCurrent();
    Q_EMIT revisionRequested(revision);
}

void RevisionSelector::setSnapshot(const RepositorySnapshot& snapshot)
{
    const QSignalBlocker blocker(this);
    clear();
    addItem(tr("Work tree"), QString());
    insertSeparator(count());
    QList<git::BranchInfo> branches = snapshot.branches;
    std::stable_sort(branches.begin(), branches.end(),
                     [](const auto& a, const auto& b) { return !a.remote && b.remote; });
    for (const git::BranchInfo& branch : branches)
        addItem(branch.remote ? tr("%1 (remote)").arg(branch.name) : branch.name, branch.name);
    if (!snapshot.tags.isEmpty())
        insertSeparator(count());
    for (const git::TagInfo& tag : snapshot.tags)
        addItem(tr("%1 (tag)").arg(tag.name), tag.name);
    m_current = snapshot.workTree ? QString() : snapshot.revision;
    showCurrent();
}

void RevisionSelector::showCurrent()
{
    const QSignalBlocker blocker(this);
    const int index = findData(m_current);
    if (index >= 0) {
        setCurrentIndex(index);
    } else {
        setCurrentIndex(-1);
        setEditText(m_current);
    }
}

} // namespace gatehouse::ui
