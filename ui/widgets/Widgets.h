// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;
class QLabel;
class QTreeView;
class QWidget;

/// Small factories so every page's tables, titles and empty states look the same.
namespace gatehouse::ui {

/// A sortable, alternating-rows, flat table over `model` through a QSortFilterProxyModel sorting by `sortRole`.
QTreeView* makeTable(QAbstractItemModel* model, int sortRole, QWidget* parent, const QString& objectName);
/// The source row of a (proxy) index in a table made by makeTable(), or -1.
int sourceRow(QTreeView* table, int proxyRow);

/// "1 deployment" / "3 deployments" (the UI ships no translations yet, so %n plurals would read "deployment(s)").
QString countText(qsizetype count, const QString& singular, const QString& plural);

/// `text` cut to `length` characters with an ellipsis when longer.
QString elided(const QString& text, int length);
/// `path` with the home folder shown as "~".
QString displayPath(const QString& path);

QLabel* makeLabel(const QString& role, QWidget* parent, const QString& text = {});
/// A centred explanation used when a list is empty: what is missing and how to get it.
QLabel* makeEmptyState(QWidget* parent, const QString& objectName);

} // namespace gatehouse::ui
