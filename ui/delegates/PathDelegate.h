// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QFontMetrics;

namespace gatehouse::ui {

/// Paints a repository path so its file name stays readable: the folder dimmed, shortened in the middle when the
/// cell is narrow, the file name in full (elided itself only when it alone does not fit). The tooltip (the model's)
/// keeps the full path.
class PathDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The two parts of a path as painted in `width` pixels: `folder` (with its trailing '/', maybe elided in the
    /// middle, maybe empty) and `name`.
    struct Parts
    {
        QString folder;
        QString name;
    };
    static Parts fit(const QString& path, const QFontMetrics& metrics, int width);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace gatehouse::ui
