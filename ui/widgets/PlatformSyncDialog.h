// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/JobTracker.h"
#include "common/Result.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace gatehouse::runs {
class TokenStore;
struct SyncRequest;
} // namespace gatehouse::runs

namespace gatehouse::ui {

class SyncSourceForm;

/// "Sync deployments…" and "Sync findings…": the runs sync's dialog (SyncSourceForm) for the records a platform
/// keeps beside the repository. The fetch runs asynchronously (Qt Network on this thread, pages parsed as they come)
/// and the notes are written by a worker that opens its own repository; Stop drops either. When notes were
/// written, synced() asks the pages to reload. Errors (token rejected, no access, no project, rate limit, network)
/// are shown as the server's answer put in words, in the dialog.
class PlatformSyncDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Deployments, ///< GitLab project deployments / GitHub deployments → refs/notes/gatehouse-deployments
        Findings, ///< GitLab security report artifacts / GitHub code scanning and Dependabot → scan notes
    };

    PlatformSyncDialog(Kind kind, runs::TokenStore& tokens, QWidget* parent = nullptr);
    ~PlatformSyncDialog() override;

    Kind kind() const { return m_kind; }
    /// The repository the notes are written to.
    void setRepositoryPath(const QString& path);
    QString repositoryPath() const { return m_path; }

    SyncSourceForm* sourceForm() const { return m_source; }
    QPushButton* syncButton() const { return m_sync; }
    QPushButton* stopButton() const { return m_stop; }
    QString statusText() const;
    bool isBusy() const;
    /// Starts the sync as the Sync button does.
    void startSync();
    /// Stops the fetch or drops the storing, as the Stop button does.
    void stop();

Q_SIGNALS:
    /// Notes were written (or refreshed) in `repositoryPath`; `summary` is what the dialog shows.
    void synced(const QString& repositoryPath, const QString& summary);

private:
    struct Client;
    void fetch(const runs::SyncRequest& request, const QString& token);
    void storeFetched(const QString& host, std::function<Result<QString>(const QString& path)> store);
    void failed(const QString& message);
    void setBusy(bool busy);

    Kind m_kind;
    QString m_path;
    SyncSourceForm* m_source;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_sync;
    QPushButton* m_stop;
    std::unique_ptr<Client> m_client;
    JobTracker m_store{this};
};

} // namespace gatehouse::ui
