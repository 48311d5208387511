// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlatformSyncDialog.h"

#include "SyncSourceForm.h"
#include "delivery/sync/DeploymentSyncClient.h"
#include "git/Repository.h"
#include "runs/sync/RunSyncClient.h"
#include "security/sync/FindingsSyncClient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using runs::SyncRequest;

/// The one client of the dialog's kind; both have the same start/cancel/progressed/finished shape.
struct PlatformSyncDialog::Client
{
    delivery::DeploymentSyncClient* deployments = nullptr;
    FindingsSyncClient* findings = nullptr;

    void start(const SyncRequest& request, const QString& token)
    {
        deployments ? deployments->start(request, token) : findings->start(request, token);
    }
    void cancel() { deployments ? deployments->cancel() : findings->cancel(); }
    bool isRunning() const { return deployments ? deployments->isRunning() : findings->isRunning(); }
};

namespace {

template <typename T> Result<T> openAndStore(const QString& path, const std::function<Result<T>(git::Repository&)>& f)
{
    Result<git::Repository> repository = git::Repository::open(path);
    if (!repository.ok())
        return repository.error();
    return f(repository.value());
}

} // namespace

PlatformSyncDialog::PlatformSyncDialog(Kind kind, runs::TokenStore& tokens, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_source(new SyncSourceForm(
          tokens, kind == Kind::Deployments ? tr("Newest deployments") : tr("Newest pipelines or analyses"),
          kind == Kind::Deployments ? 500 : 20, this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_client(std::make_unique<Client>())
{
    const bool deployments = kind == Kind::Deployments;
    setObjectName(deployments ? QStringLiteral("deploymentSyncDialog") : QStringLiteral("findingsSyncDialog"));
    setWindowTitle(deployments ? tr("Sync deployments from GitLab or GitHub")
                               : tr("Sync security findings from GitLab or GitHub"));
    auto* intro = new QLabel(deployments ? tr("Fetches the project's deployments (environment, status, commit) and "
                                              "keeps them as git notes under refs/notes/gatehouse-deployments on the "
                                              "deployed commits; they count beside the deployment tags.")
                                         : tr("Fetches the security reports of the default branch (GitLab: the "
                                              "pipelines' report artifacts; GitHub: code scanning and Dependabot) "
                                              "and keeps each one in the scan note of its commit."),
                             this);
    intro->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("platformSyncStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0); // the number of pages is not known in advance
    m_progress->setTextVisible(false);
    m_progress->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sync = buttons->addButton(tr("Sync"), QDialogButtonBox::AcceptRole);
    m_sync->setObjectName(QStringLiteral("platformSyncStart"));
    m_stop = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(QStringLiteral("platformSyncStop"));
    m_stop->setEnabled(false);
    // The dialog's Sync is no "accept": it must not close the dialog.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_sync, &QPushButton::clicked, this, &PlatformSyncDialog::startSync);
    connect(m_stop, &QPushButton::clicked, this, &PlatformSyncDialog::stop);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_source);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    if (deployments) {
        auto* client = new delivery::DeploymentSyncClient(this);
        m_client->deployments = client;
        connect(client, &delivery::DeploymentSyncClient::progressed, m_status, &QLabel::setText);
        connect(client, &delivery::DeploymentSyncClient::finished, this,
                [this](const Result<delivery::DeploymentSyncReport>& result) {
                    if (!isBusy())
                        return; // stopped: the client's "canceled" is no news
                    if (!result)
                        return failed(result.error().message);
                    const delivery::DeploymentSyncReport fetched = result.value();
                    storeFetched(m_source->request().baseUrl.host(), [fetched](const QString& path) -> Result<QString> {
                        const auto stored = openAndStore<delivery::PlatformDeployments::StoreReport>(
                            path, [&](git::Repository& repository) {
                                return delivery::PlatformDeployments::store(repository, fetched.deployments);
                            });
                        if (!stored.ok())
                            return stored.error();
                        return tr("Synced %1 deployments in %2 requests: %3 added, %4 updated, %5 unchanged, %6 of "
                                  "commits this clone lacks left out (fetch, then sync again).")
                            .arg(fetched.deployments.size())
                            .arg(fetched.requests)
                            .arg(stored->added)
                            .arg(stored->updated)
                            .arg(stored->unchanged)
                            .arg(stored->skipped);
                    });
                });
    } else {
        auto* client = new FindingsSyncClient(this);
        m_client->findings = client;
        connect(client, &FindingsSyncClient::progressed, m_status, &QLabel::setText);
        connect(client, &FindingsSyncClient::finished, this, [this](const Result<FindingsSyncReport>& result) {
            if (!isBusy())
                return;
            if (!result)
                return failed(result.error().message);
            const FindingsSyncReport fetched = result.value();
            storeFetched(m_source->request().baseUrl.host(), [fetched](const QString& path) -> Result<QString> {
                const auto stored
                    = openAndStore<FindingsSyncClient::StoreReport>(path, [&](git::Repository& repository) {
                          return FindingsSyncClient::store(repository, fetched.reports);
                      });
                if (!stored.ok())
                    return stored.error();
                int total = 0;
                QStringList kinds;
                for (auto it = stored->stored.cbegin(); it != stored->stored.cend(); ++it) {
                    total += it.value();
                    kinds.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
                }
                return tr("Synced %1 security reports of %2 in %3 requests: %4 stored%5, %6 unchanged, %7 of "
                          "commits this clone lacks left out.")
                    .arg(fetched.reports.size())
                    .arg(fetched.defaultBranch)
                    .arg(fetched.requests)
                    .arg(total)
                    .arg(kinds.isEmpty() ? QString() : QStringLiteral(" (") + kinds.join(QStringLiteral(", ")) + u')')
                    .arg(stored->unchanged)
                    .arg(stored->skipped);
            });
        });
    }
}

PlatformSyncDialog::~PlatformSyncDialog() = default;

void PlatformSyncDialog::setRepositoryPath(const QString& path)
{
    if (path != m_path)
        stop();
    m_path = path;
}

QString PlatformSyncDialog::statusText() const
{
    return m_status->text();
}

bool PlatformSyncDialog::isBusy() const
{
    return m_stop->isEnabled();
}

void PlatformSyncDialog::setBusy(bool busy)
{
    m_sync->setEnabled(!busy);
    m_stop->setEnabled(busy);
    m_source->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void PlatformSyncDialog::startSync()
{
    if (isBusy())
        return;
    if (m_path.isEmpty())
        return failed(tr("Open a repository first: the notes are written to it."));
    if (const QString problem = m_source->problem(); !problem.isEmpty())
        return failed(problem);
    setBusy(true);
    m_status->setText(tr("Reading the token…"));
    QPointer<PlatformSyncDialog> self = this;
    m_source->readToken([self](Result<QString> token) {
        if (!self || !self->isBusy())
            return; // closed or stopped meanwhile
        if (!token)
            return self->failed(token.error().message);
        self->fetch(self->m_source->request(), *token);
    });
}

void PlatformSyncDialog::fetch(const SyncRequest& request, const QString& token)
{
    m_status->setText(tr("Contacting %1…").arg(request.baseUrl.host()));
    m_client->start(request, token);
}

void PlatformSyncDialog::storeFetched(const QString& host, std::function<Result<QString>(const QString& path)> store)
{
    QPointer<QLabel> status = m_status;
    m_source->keepToken([status](Status kept) {
        if (!kept && status)
            status->setText(status->text() + QLatin1Char('\n') + kept.error().message);
    });
    m_status->setText(tr("Fetched from %1; writing the notes…").arg(host));
    const QString path = m_path;
    m_store.start([store, path](ProgressSink&) { return store(path); },
                  [this, path](Result<QString> summary) {
                      setBusy(false);
                      if (!summary)
                          return failed(tr("Cannot store the notes: %1").arg(summary.error().message));
                      m_status->setText(summary.value());
                      Q_EMIT synced(path, summary.value());
                  });
}

void PlatformSyncDialog::failed(const QString& message)
{
    setBusy(false);
    m_status->setText(tr("Sync failed: %1").arg(message));
}

void PlatformSyncDialog::stop()
{
    if (!isBusy())
        return;
    const bool storing = m_store.isRunning();
    setBusy(false); // first: the client's own "canceled" answer is then ignored
    if (m_client->isRunning())
        m_client->cancel();
    m_store.cancel();
    // Writing notes is not interrupted half-way: what the worker already began may still land.
    m_status->setText(storing ? tr("Stopped; notes being written may still be stored (Reload shows them).")
                              : tr("Stopped; nothing was written."));
}

} // namespace gatehouse::ui
