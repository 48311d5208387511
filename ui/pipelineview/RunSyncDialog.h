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

namespace gatehouse::runs {
class RunSyncClient;
class TokenStore;
struct SyncRequest;
} // namespace gatehouse::runs

namespace gatehouse::ui {

class SyncSourceForm;

/// "Sync from server…": fetches recent pipelines (GitLab) or workflow runs (GitHub) with their jobs. Where from and
/// the token are the SyncSourceForm's (typed once and, when asked, kept in the system keychain; never in settings).
/// The fetched runs are handed over with runsFetched() (the Runs tab stores them in the background).
class RunSyncDialog : public QDialog
{
    Q_OBJECT
public:
    RunSyncDialog(runs::TokenStore& tokens, QWidget* parent = nullptr);
    ~RunSyncDialog() override;

    SyncSourceForm* sourceForm() const { return m_source; }
    QComboBox* providerBox() const;
    QLineEdit* urlEdit() const;
    QLineEdit* projectEdit() const;
    QLineEdit* tokenEdit() const;
    QCheckBox* rememberBox() const;
    QPushButton* syncButton() const { return m_sync; }
    QString statusText() const;
    /// Starts the sync as the Sync button does.
    void startSync();

Q_SIGNALS:
    void runsFetched(const QList<gatehouse::runs::Run>& runs, const QString& server);

private:
    void setBusy(bool busy);

    runs::RunSyncClient* m_client;
    SyncSourceForm* m_source;
    QLabel* m_status;
    QPushButton* m_sync;
    QPushButton* m_cancel;
};

} // namespace gatehouse::ui
