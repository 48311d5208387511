// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BadgeDelegate.h"

#include <QApplication>
#include <QPainter>

namespace gatehouse::ui {

namespace {
constexpr int kPadding = 7;
constexpr int kGap = 8;

QFont badgeFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setBold(true);
    return font;
}
} // namespace

BadgeDelegate::BadgeDelegate(BadgeFunction badge, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_badge(std::move(badge))
{ }

QColor BadgeDelegate::environmentColor(const QString& environment)
{
    if (environment.startsWith(QLatin1String("production")))
        return QColor(0xc2, 0x3b, 0x3b);
    if (environment.startsWith(QLatin1String("staging")))
        return QColor(0xc7, 0x7c, 0x0e);
    return QColor(0x4a, 0x6f, 0xa5);
}

QColor BadgeDelegate::kindColor(const QString& kind)
{
    if (kind == QLatin1String("postmortem"))
        return QColor(0xc2, 0x3b, 0x3b);
    if (kind == QLatin1String("hotfix"))
        return QColor(0xc7, 0x7c, 0x0e);
    if (kind == QLatin1String("revert"))
        return QColor(0x7b, 0x4f, 0xb8);
    if (kind == QLatin1String("deploy"))
        return QColor(0x1f, 0x8a, 0x5b);
    return QColor(0x6b, 0x77, 0x89);
}

void BadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Badge badge = m_badge ? m_badge(index) : Badge{};
    if (badge.text.isEmpty())
        return QStyledItemDelegate::paint(painter, option, index);

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = badge.replacesText ? QString() : opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font = badgeFont(opt.font);
    const QFontMetrics metrics(font);
    const QRect cell = opt.rect.adjusted(4, 3, -4, -3);
    const int width = metrics.horizontalAdvance(badge.text) + 2 * kPadding;
    const QRect pill(cell.left(), cell.center().y() - metrics.height() / 2 - 1, qMin(width, cell.width()),
                     metrics.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badge.color);
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, badge.text);
    if (!text.isEmpty()) {
        const QRect rest = cell.adjusted(pill.width() + kGap, 0, 0, 0);
        painter->setFont(opt.font);
        painter->setPen(
            opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(opt.font).elidedText(text, Qt::ElideRight, rest.width()));
    }
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const Badge badge = m_badge ? m_badge(index) : Badge{};
    if (!badge.text.isEmpty()) {
        const int badgeWidth = QFontMetrics(badgeFont(option.font)).horizontalAdvance(badge.text) + 2 * kPadding + 8;
        size.setWidth(badge.replacesText ? badgeWidth : size.width() + badgeWidth + kGap);
    }
    return size;
}

} // namespace gatehouse::ui
