// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryCache.h"

#include "common/SharedResults.h"
#include "git/Repository.h"
#include "sync/PlatformDeployment.h"

#include <QCryptographicHash>

namespace gatehouse::delivery {

namespace {

constexpr int kKeptStates = 4;

SharedResults<DeliverySnapshot>& shared()
{
    static SharedResults<DeliverySnapshot> results(kKeptStates);
    return results;
}

} // namespace

DeliveryCache& DeliveryCache::instance()
{
    static DeliveryCache cache;
    return cache;
}

QByteArray DeliveryCache::stateKey(const git::Repository& repository, const QString& revision)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(repository.gitDir().toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    // The revision counts by the commit it names ("main" and its sha are one question), the work tree apart.
    hash.addData(revision.isEmpty() ? QByteArrayView("work tree") : QByteArrayView("revision"));
    if (!repository.isEmpty()) {
        const Result<git::ObjectId> tip = repository.resolve(revision.isEmpty() ? QStringLiteral("HEAD") : revision);
        if (!tip.ok())
            return {};
        hash.addData(tip->raw());
        // A tag's ref target (its tag object when annotated) fixes the commit it names: no object is read.
        const Result<QList<git::RefTarget>> tags = repository.references("refs/tags/*");
        if (!tags.ok())
            return {};
        for (const git::RefTarget& tag : tags.value()) {
            hash.addData(tag.name.toUtf8());
            hash.addData(tag.target.raw());
        }
        const Result<git::ObjectId> notes = repository.resolve(QString::fromLatin1(PlatformDeployments::kNotesRef));
        hash.addData(notes.ok() ? notes->raw() : QByteArray("-"));
    }
    // The rules file as the analysis reads it: the work tree's copy, or the one in the revision (its tip, above).
    if (revision.isEmpty() && !repository.isBare()) {
        const Result<QByteArray> config = repository.readWorkTreeFile(QStringLiteral(".gatehouse/config.yml"), 1 << 20);
        hash.addData(config.ok() ? config.value() : QByteArray("-"));
    }
    return hash.result();
}

Result<DeliverySnapshot> DeliveryCache::get(const QByteArray& key, const Compute& compute)
{
    return shared().get(key, compute);
}

int DeliveryCache::computations() const
{
    return shared().computations();
}

void DeliveryCache::clear()
{
    shared().clear();
}

} // namespace gatehouse::delivery
