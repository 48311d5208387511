// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHandles.h"

#include <QHash>
#include <QTimeZone>

#include <mutex>

namespace gatehouse::git::detail {

void ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // Like git itself, trust the object database's hashes on read: libgit2 otherwise re-hashes every object it
        // inflates (SHA-1DC), about a sixth of a long history walk. Corrupt objects still fail to inflate or parse.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    });
}

Error lastError(int code, const QString& context)
{
    const git_error* error = git_error_last();
    QString text = error && error->message ? QString::fromUtf8(error->message) : QString();
    if (text.isEmpty())
        text = QStringLiteral("libgit2 error %1").arg(code);
    QString id;
    switch (code) {
    case GIT_ENOTFOUND:
        id = QStringLiteral("git.not-found");
        break;
    case GIT_EEXISTS:
        id = QStringLiteral("git.exists");
        break;
    case GIT_EAMBIGUOUS:
        id = QStringLiteral("git.ambiguous");
        break;
    case GIT_EUNBORNBRANCH:
        id = QStringLiteral("git.unborn");
        break;
    case GIT_EINVALIDSPEC:
        id = QStringLiteral("git.invalid-spec");
        break;
    case GIT_EUSER:
        id = QStringLiteral("cancelled");
        break;
    default:
        id = QStringLiteral("git.error");
    }
    git_error_clear();
    return Error{id, context.isEmpty() ? text : context + QStringLiteral(": ") + text};
}

Signature toSignature(const git_signature* signature)
{
    if (!signature)
        return {};
    Signature result;
    result.name = QString::fromUtf8(signature->name);
    result.email = QString::fromUtf8(signature->email);
    // A QTimeZone costs thousands of instructions to make (it formats its id); a history has few offsets, so each
    // thread keeps the ones it has made.
    thread_local QHash<int, QTimeZone> zones;
    auto zone = zones.constFind(signature->when.offset);
    if (zone == zones.cend())
        zone = zones.insert(signature->when.offset, QTimeZone(signature->when.offset * 60));
    result.time = QDateTime::fromSecsSinceEpoch(signature->when.time, *zone);
    return result;
}

Result<SignaturePtr> toGitSignature(const Signature& signature)
{
    git_signature* raw = nullptr;
    const QDateTime time = signature.time.isValid() ? signature.time : QDateTime::currentDateTime();
    const int offsetMinutes = time.offsetFromUtc() / 60;
    const int rc = git_signature_new(&raw, signature.name.toUtf8().constData(), signature.email.toUtf8().constData(),
                                     git_time_t(time.toSecsSinceEpoch()), offsetMinutes);
    if (rc < 0)
        return lastError(rc, QStringLiteral("invalid signature"));
    return SignaturePtr(raw);
}

} // namespace gatehouse::git::detail
