// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

#include <functional>

namespace gatehouse::ui {

/// Paints a small coloured pill in front of a cell's text (or instead of it), from the model's semantic roles:
/// the models say "postmortem" or "production", only this delegate decides the colours.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Badge
    {
        QString text; ///< empty = no badge, default painting
        QColor color;
        bool replacesText = false; ///< the badge is the whole cell
    };
    using BadgeFunction = std::function<Badge(const QModelIndex&)>;

    BadgeDelegate(BadgeFunction badge, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// Colours shared by the pages: environments and incident/commit kinds.
    static QColor environmentColor(const QString& environment);
    static QColor kindColor(const QString& kind);

private:
    BadgeFunction m_badge;
};

} // namespace gatehouse::ui
