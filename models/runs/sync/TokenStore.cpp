// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenStore.h"

#include "RunSyncClient.h"

#include <qt6keychain/keychain.h>

namespace gatehouse::runs {

namespace {
const QString kService = QStringLiteral("gatehouse");
}

QString TokenStore::keyFor(const SyncRequest& request)
{
    const QString provider
        = request.provider == SyncRequest::Provider::GitLab ? QStringLiteral("gitlab") : QStringLiteral("github");
    return provider + QLatin1Char(' ') + request.baseUrl.adjusted(QUrl::StripTrailingSlash).toString()
        + QLatin1Char(' ') + request.project;
}

void InMemoryTokenStore::readToken(const QString& key, ReadDone done)
{
    const auto it = m_tokens.constFind(key);
    if (it == m_tokens.constEnd())
        done(makeError(QStringLiteral("sync.no-token"), QStringLiteral("no token stored for %1").arg(key)));
    else
        done(*it);
}

void InMemoryTokenStore::writeToken(const QString& key, const QString& token, WriteDone done)
{
    m_tokens.insert(key, token);
    done(Success{});
}

void InMemoryTokenStore::deleteToken(const QString& key, WriteDone done)
{
    m_tokens.remove(key);
    done(Success{});
}

void KeychainTokenStore::readToken(const QString& key, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [key, done = std::move(done)](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::EntryNotFound)
            done(makeError(QStringLiteral("sync.no-token"), QStringLiteral("no token stored for %1").arg(key)));
        else if (read->error() != QKeychain::NoError)
            done(makeError(QStringLiteral("sync.keychain"),
                           QStringLiteral("the system keychain failed: %1").arg(read->errorString())));
        else
            done(read->textData());
    });
    job->start();
}

void KeychainTokenStore::writeToken(const QString& key, const QString& token, WriteDone done)
{
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError)
            done(makeError(
                QStringLiteral("sync.keychain"),
                QStringLiteral("cannot store the token in the system keychain: %1").arg(finished->errorString())));
        else
            done(Success{});
    });
    job->start();
}

void KeychainTokenStore::deleteToken(const QString& key, WriteDone done)
{
    auto* job = new QKeychain::DeletePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            done(makeError(QStringLiteral("sync.keychain"), finished->errorString()));
        else
            done(Success{});
    });
    job->start();
}

} // namespace gatehouse::runs
