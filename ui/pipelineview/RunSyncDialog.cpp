// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunSyncDialog.h"

#include "runs/sync/RunSyncClient.h"
#include "runs/sync/TokenStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse::ui {

using runs::SyncRequest;

RunSyncDialog::RunSyncDialog(runs::TokenStore& tokens, QWidget* parent)
    : QDialog(parent)
    , m_tokens(tokens)
    , m_client(new runs::RunSyncClient(this))
    , m_provider(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_project(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember the token in the system keychain"), this))
    , m_maxRuns(new QSpinBox(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("runSyncDialog"));
    setWindowTitle(tr("Sync runs from a CI server"));
    m_provider->addItem(QStringLiteral("GitLab"), int(SyncRequest::Provider::GitLab));
    m_provider->addItem(QStringLiteral("GitHub"), int(SyncRequest::Provider::GitHub));
    m_url->setText(QStringLiteral("https://gitlab.com"));
    m_project->setPlaceholderText(tr("project id or group/project"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("leave empty to use the token in the keychain"));
    m_remember->setChecked(true);
    m_maxRuns->setRange(1, 5000);
    m_maxRuns->setValue(200);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("runSyncStatus"));
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        const bool gitLab = m_provider->currentData().toInt() == int(SyncRequest::Provider::GitLab);
        m_url->setText(gitLab ? QStringLiteral("https://gitlab.com") : QStringLiteral("https://api.github.com"));
        m_project->setPlaceholderText(gitLab ? tr("project id or group/project") : tr("owner/repo"));
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Server"), m_provider);
    form->addRow(tr("URL"), m_url);
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("Token"), m_token);
    form->addRow(QString(), m_remember);
    form->addRow(tr("Newest runs"), m_maxRuns);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sync = buttons->addButton(tr("Sync"), QDialogButtonBox::AcceptRole);
    m_sync->setObjectName(QStringLiteral("runSyncStart"));
    m_cancel = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    connect(m_sync, &QPushButton::clicked, this, &RunSyncDialog::startSync);
    connect(m_cancel, &QPushButton::clicked, m_client, &runs::RunSyncClient::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_client, &runs::RunSyncClient::progressed, m_status, &QLabel::setText);
    connect(m_client, &runs::RunSyncClient::finished, this, [this](const Result<runs::SyncReport>& result) {
        setBusy(false);
        if (!result) {
            m_status->setText(result.error().message);
            return;
        }
        const SyncRequest sent = request();
        if (m_remember->isChecked() && !m_token->text().isEmpty()) {
            QPointer<QLabel> status = m_status;
            m_tokens.writeToken(runs::TokenStore::keyFor(sent), m_token->text(), [status](Status stored) {
                if (!stored && status)
                    status->setText(status->text() + QLatin1Char('\n') + stored.error().message);
            });
        }
        m_token->clear(); // the widget does not keep the secret around
        m_status->setText(
            tr("Fetched %1 runs in %2 requests; storing them…").arg(result->runs.size()).arg(result->requests));
        Q_EMIT runsFetched(result->runs, sent.baseUrl.host());
    });
}

RunSyncDialog::~RunSyncDialog() = default;

QString RunSyncDialog::statusText() const
{
    return m_status->text();
}

SyncRequest RunSyncDialog::request() const
{
    SyncRequest request;
    request.provider = SyncRequest::Provider(m_provider->currentData().toInt());
    request.baseUrl = QUrl::fromUserInput(m_url->text().trimmed());
    request.project = m_project->text().trimmed();
    request.maxRuns = m_maxRuns->value();
    return request;
}

void RunSyncDialog::setBusy(bool busy)
{
    m_sync->setEnabled(!busy);
    m_cancel->setEnabled(busy);
}

void RunSyncDialog::startSync()
{
    if (m_project->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the project."));
        return;
    }
    setBusy(true);
    if (!m_token->text().isEmpty()) {
        fetch(m_token->text());
        return;
    }
    m_status->setText(tr("Reading the token from the keychain…"));
    QPointer<RunSyncDialog> self = this;
    m_tokens.readToken(runs::TokenStore::keyFor(request()), [self](Result<QString> token) {
        if (!self)
            return;
        if (!token && token.error().code != QLatin1String("sync.no-token")) {
            self->setBusy(false);
            self->m_status->setText(token.error().message);
            return;
        }
        // No stored token: public projects still answer.
        self->fetch(token ? *token : QString());
    });
}

void RunSyncDialog::fetch(const QString& token)
{
    m_status->setText(tr("Contacting %1…").arg(request().baseUrl.host()));
    m_client->start(request(), token);
}

} // namespace gatehouse::ui
