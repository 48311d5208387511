// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QHash>
#include <QString>

#include <functional>

namespace gatehouse::runs {

struct SyncRequest;

/// Where CI tokens are kept: the system keychain in the application (KeychainTokenStore), memory in tests. Never a
/// settings file, never a log. Calls complete asynchronously (the keychain talks to a daemon) on the caller's thread.
class TokenStore
{
public:
    using ReadDone = std::function<void(Result<QString> token)>; ///< error sync.no-token when none is stored
    using WriteDone = std::function<void(Status status)>;

    virtual ~TokenStore() = default;
    virtual void readToken(const QString& key, ReadDone done) = 0;
    virtual void writeToken(const QString& key, const QString& token, WriteDone done) = 0;
    virtual void deleteToken(const QString& key, WriteDone done) = 0;

    /// "gitlab https://gitlab.example.com 42": one token per server and project.
    static QString keyFor(const SyncRequest& request);
};

/// A TokenStore in memory (tests, and the fallback when no keychain is reachable: the token lives as long as the
/// process). Completes at once.
class InMemoryTokenStore : public TokenStore
{
public:
    void readToken(const QString& key, ReadDone done) override;
    void writeToken(const QString& key, const QString& token, WriteDone done) override;
    void deleteToken(const QString& key, WriteDone done) override;

private:
    QHash<QString, QString> m_tokens;
};

/// The system keychain through qtkeychain (Secret Service / KWallet on Linux, Keychain on macOS, Credential Store
/// on Windows), under the service name "gatehouse". Errors: sync.no-token, sync.keychain.
class KeychainTokenStore : public TokenStore
{
public:
    void readToken(const QString& key, ReadDone done) override;
    void writeToken(const QString& key, const QString& token, WriteDone done) override;
    void deleteToken(const QString& key, WriteDone done) override;
};

} // namespace gatehouse::runs
