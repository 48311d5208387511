// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncSourceForm.h"

#include "runs/sync/RunSyncClient.h"
#include "runs/sync/TokenStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPointer>
#include <QSpinBox>
#include <QTimeZone>

namespace gatehouse::ui {

using runs::SyncRequest;

SyncSourceForm::SyncSourceForm(runs::TokenStore& tokens, const QString& maxLabel, int maxDefault, QWidget* parent)
    : QWidget(parent)
    , m_tokens(tokens)
    , m_provider(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_project(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember the token in the system keychain"), this))
    , m_max(new QSpinBox(this))
    , m_sinceEnabled(new QCheckBox(tr("Only since"), this))
    , m_since(new QDateEdit(this))
{
    setObjectName(QStringLiteral("syncSourceForm"));
    m_provider->addItem(QStringLiteral("GitLab"), int(SyncRequest::Provider::GitLab));
    m_provider->addItem(QStringLiteral("GitHub"), int(SyncRequest::Provider::GitHub));
    m_url->setText(QStringLiteral("https://gitlab.com"));
    m_project->setPlaceholderText(tr("project id or group/project"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("leave empty to use the token in the keychain"));
    m_remember->setChecked(true);
    m_max->setRange(1, 5000);
    m_max->setValue(maxDefault);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setCalendarPopup(true);
    m_since->setDate(QDate::currentDate().addDays(-90));
    m_since->setEnabled(false);
    connect(m_sinceEnabled, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        const bool gitLab = m_provider->currentData().toInt() == int(SyncRequest::Provider::GitLab);
        m_url->setText(gitLab ? QStringLiteral("https://gitlab.com") : QStringLiteral("https://api.github.com"));
        m_project->setPlaceholderText(gitLab ? tr("project id or group/project") : tr("owner/repo"));
    });

    auto* since = new QHBoxLayout;
    since->setContentsMargins(0, 0, 0, 0);
    since->addWidget(m_sinceEnabled);
    since->addWidget(m_since, 1);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Server"), m_provider);
    form->addRow(tr("URL"), m_url);
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("Token"), m_token);
    form->addRow(QString(), m_remember);
    form->addRow(maxLabel, m_max);
    form->addRow(tr("Records"), since);
}

SyncRequest SyncSourceForm::request() const
{
    SyncRequest request;
    request.provider = SyncRequest::Provider(m_provider->currentData().toInt());
    request.baseUrl = QUrl::fromUserInput(m_url->text().trimmed());
    request.project = m_project->text().trimmed();
    request.maxRuns = m_max->value();
    if (m_sinceEnabled->isChecked())
        request.since = QDateTime(m_since->date(), QTime(0, 0), QTimeZone::utc());
    return request;
}

QString SyncSourceForm::problem() const
{
    const SyncRequest sent = request();
    if (!sent.baseUrl.isValid() || sent.baseUrl.host().isEmpty())
        return tr("Enter the server's URL.");
    if (sent.project.isEmpty())
        return tr("Enter the project.");
    if (sent.provider == SyncRequest::Provider::GitHub && sent.project.count(QLatin1Char('/')) != 1)
        return tr("Enter the GitHub repository as OWNER/REPO.");
    return {};
}

void SyncSourceForm::readToken(std::function<void(Result<QString>)> done)
{
    if (!m_token->text().isEmpty()) {
        done(m_token->text());
        return;
    }
    QPointer<SyncSourceForm> self = this;
    m_tokens.readToken(runs::TokenStore::keyFor(request()), [self, done](Result<QString> token) {
        if (!self)
            return;
        // No stored token: public projects still answer.
        if (!token && token.error().code == QLatin1String("sync.no-token"))
            token = QString();
        done(token);
    });
}

void SyncSourceForm::keepToken(std::function<void(Status)> done)
{
    const QString typed = m_token->text();
    m_token->clear(); // the widget does not keep the secret around
    if (!m_remember->isChecked() || typed.isEmpty()) {
        done(Success{});
        return;
    }
    m_tokens.writeToken(runs::TokenStore::keyFor(request()), typed, std::move(done));
}

} // namespace gatehouse::ui
