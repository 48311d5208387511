// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace gatehouse::ui {

/// Shown with no repository: recent repositories, "Open repository…", "Open demo repository", and the reason the
/// last attempt failed, if it did.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setRecentRepositories(const QStringList& paths);
    void setMessage(const QString& message); ///< empty hides the banner
    QString message() const;
    void setBusy(bool busy, const QString& text = {});
    QListWidget* recentList() const { return m_recent; }

Q_SIGNALS:
    void openRequested(const QString& path);
    void openDialogRequested();
    void demoRequested();

private:
    QLabel* m_banner;
    QListWidget* m_recent;
    QLabel* m_recentEmpty;
    QPushButton* m_open;
    QPushButton* m_demo;
};

} // namespace gatehouse::ui
