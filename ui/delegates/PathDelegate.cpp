// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PathDelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

namespace gatehouse::ui {

PathDelegate::Parts PathDelegate::fit(const QString& path, const QFontMetrics& metrics, int width)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    Parts parts{slash < 0 ? QString() : path.left(slash + 1), slash < 0 ? path : path.mid(slash + 1)};
    const int nameWidth = metrics.horizontalAdvance(parts.name);
    if (nameWidth >= width) {
        // Not even the name fits: it keeps its start and its extension.
        parts.name = metrics.elidedText(parts.name, Qt::ElideMiddle, width);
        parts.folder.clear();
        return parts;
    }
    const int room = width - nameWidth;
    if (metrics.horizontalAdvance(parts.folder) > room) {
        // A bare "…" says less than nothing: the folder goes when there is no room for some of it.
        parts.folder = room >= metrics.horizontalAdvance(QStringLiteral("a…/"))
            ? metrics.elidedText(parts.folder, Qt::ElideMiddle, room)
            : QString();
    }
    return parts;
}

void PathDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString path = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const Parts parts = fit(path, opt.fontMetrics, text.width());
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor color = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = color;
    dim.setAlphaF(0.55f);
    painter->save();
    painter->setFont(opt.font);
    const int folderWidth = opt.fontMetrics.horizontalAdvance(parts.folder);
    const Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter;
    painter->setPen(dim);
    painter->drawText(text, align, parts.folder);
    painter->setPen(color);
    painter->drawText(text.adjusted(folderWidth, 0, 0, 0), align, parts.name);
    painter->restore();
}

} // namespace gatehouse::ui
