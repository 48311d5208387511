// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Widgets.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>

namespace gatehouse::ui {

QTreeView* makeTable(QAbstractItemModel* model, int sortRole, QWidget* parent, const QString& objectName)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto* view = new QTreeView(parent);
    view->setObjectName(objectName);
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAllColumnsShowFocus(true);
    view->header()->setStretchLastSection(true);
    view->header()->setSortIndicatorShown(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // keep the model's order (newest first) until the user sorts
    return view;
}

int sourceRow(QTreeView* table, int proxyRow)
{
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(table->model());
    if (!proxy || proxyRow < 0)
        return -1;
    return proxy->mapToSource(proxy->index(proxyRow, 0)).row();
}

QString countText(qsizetype count, const QString& singular, const QString& plural)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? singular : plural);
}

QString elided(const QString& text, int length)
{
    return text.size() <= length ? text : QString(text.left(length - 1).trimmed() + QChar(0x2026));
}

QString displayPath(const QString& path)
{
    const QString home = QDir::homePath();
    if (path == home || path.startsWith(home + QLatin1Char('/')))
        return QDir::toNativeSeparators(QLatin1Char('~') + path.mid(home.size()));
    return QDir::toNativeSeparators(path);
}

QLabel* makeLabel(const QString& role, QWidget* parent, const QString& text)
{
    auto* label = new QLabel(text, parent);
    label->setProperty("role", role);
    return label;
}

QLabel* makeEmptyState(QWidget* parent, const QString& objectName)
{
    auto* label = makeLabel(QStringLiteral("emptyState"), parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace gatehouse::ui
