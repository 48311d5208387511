// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunSyncDialog.h"

#include "../widgets/SyncSourceForm.h"
#include "runs/sync/RunSyncClient.h"
#include "runs/sync/TokenStore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using runs::SyncRequest;

RunSyncDialog::RunSyncDialog(runs::TokenStore& tokens, QWidget* parent)
    : QDialog(parent)
    , m_client(new runs::RunSyncClient(this))
    , m_source(new SyncSourceForm(tokens, tr("Newest runs"), 200, this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("runSyncDialog"));
    setWindowTitle(tr("Sync runs from a CI server"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("runSyncStatus"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_sync = buttons->addButton(tr("Sync"), QDialogButtonBox::AcceptRole);
    m_sync->setObjectName(QStringLiteral("runSyncStart"));
    m_cancel = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    connect(m_sync, &QPushButton::clicked, this, &RunSyncDialog::startSync);
    connect(m_cancel, &QPushButton::clicked, m_client, &runs::RunSyncClient::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_client, &runs::RunSyncClient::progressed, m_status, &QLabel::setText);
    connect(m_client, &runs::RunSyncClient::finished, this, [this](const Result<runs::SyncReport>& result) {
        setBusy(false);
        if (!result) {
            m_status->setText(result.error().message);
            return;
        }
        const SyncRequest sent = m_source->request();
        QPointer<QLabel> status = m_status;
        m_source->keepToken([status](Status stored) {
            if (!stored && status)
                status->setText(status->text() + QLatin1Char('\n') + stored.error().message);
        });
        m_status->setText(
            tr("Fetched %1 runs in %2 requests; storing them…").arg(result->runs.size()).arg(result->requests));
        Q_EMIT runsFetched(result->runs, sent.baseUrl.host());
    });
}

RunSyncDialog::~RunSyncDialog() = default;

QComboBox* RunSyncDialog::providerBox() const
{
    return m_source->providerBox();
}
QLineEdit* RunSyncDialog::urlEdit() const
{
    return m_source->urlEdit();
}
QLineEdit* RunSyncDialog::projectEdit() const
{
    return m_source->projectEdit();
}
QLineEdit* RunSyncDialog::tokenEdit() const
{
    return m_source->tokenEdit();
}
QCheckBox* RunSyncDialog::rememberBox() const
{
    return m_source->rememberBox();
}

QString RunSyncDialog::statusText() const
{
    return m_status->text();
}

void RunSyncDialog::setBusy(bool busy)
{
    m_sync->setEnabled(!busy);
    m_cancel->setEnabled(busy);
}

void RunSyncDialog::startSync()
{
    if (const QString problem = m_source->problem(); !problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    setBusy(true);
    m_status->setText(tr("Reading the token…"));
    QPointer<RunSyncDialog> self = this;
    m_source->readToken([self](Result<QString> token) {
        if (!self)
            return;
        if (!token) {
            self->setBusy(false);
            self->m_status->setText(token.error().message);
            return;
        }
        const SyncRequest request = self->m_source->request();
        self->m_status->setText(tr("Contacting %1…").arg(request.baseUrl.host()));
        self->m_client->start(request, *token);
    });
}

} // namespace gatehouse::ui
