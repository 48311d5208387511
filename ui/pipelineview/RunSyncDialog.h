// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runs/RunTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gatehouse::runs {
class RunSyncClient;
class TokenStore;
struct SyncRequest;
} // namespace gatehouse::runs

namespace gatehouse::ui {

/// "Sync from server…": fetches recent pipelines (GitLab) or workflow runs (GitHub) with their jobs. The token is
/// typed once and, when asked, kept in the system keychain through the TokenStore; it is never written to settings.
/// The fetched runs are handed over with runsFetched() (the Runs tab stores them in the background).
class RunSyncDialog : public QDialog
{
    Q_OBJECT
public:
    RunSyncDialog(runs::TokenStore& tokens, QWidget* parent = nullptr);
    ~RunSyncDialog() override;

    QComboBox* providerBox() const { return m_provider; }
    QLineEdit* urlEdit() const { return m_url; }
    QLineEdit* projectEdit() const { return m_project; }
    QLineEdit* tokenEdit() const { return m_token; }
    QCheckBox* rememberBox() const { return m_remember; }
    QPushButton* syncButton() const { return m_sync; }
    QString statusText() const;
    /// Starts the sync as the Sync button does.
    void startSync();

Q_SIGNALS:
    void runsFetched(const QList<gatehouse::runs::Run>& runs, const QString& server);

private:
    runs::SyncRequest request() const;
    void fetch(const QString& token);
    void setBusy(bool busy);

    runs::TokenStore& m_tokens;
    runs::RunSyncClient* m_client;
    QComboBox* m_provider;
    QLineEdit* m_url;
    QLineEdit* m_project;
    QLineEdit* m_token;
    QCheckBox* m_remember;
    QSpinBox* m_maxRuns;
    QLabel* m_status;
    QPushButton* m_sync;
    QPushButton* m_cancel;
};

} // namespace gatehouse::ui
