// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QToolButton;

namespace gatehouse::delivery {
class DeliveryLoader;
}

namespace gatehouse::ui {

/// A slim progress line with a Cancel button that follows a DeliveryLoader: shown while it works, hidden when it
/// finishes, fails or is cancelled.
class LoadingStrip : public QFrame
{
    Q_OBJECT
public:
    LoadingStrip(delivery::DeliveryLoader* loader, const QString& what, QWidget* parent = nullptr);

    QToolButton* cancelButton() const { return m_cancel; }
    QString text() const;

private:
    QLabel* m_label;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QString m_what;
};

} // namespace gatehouse::ui
