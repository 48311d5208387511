// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryCache.h"

#include "git/Repository.h"
#include "sync/PlatformDeployment.h"

#include <QCryptographicHash>
#include <QList>
#include <QMutex>

#include <future>
#include <memory>

namespace gatehouse::delivery {

namespace {

constexpr int kKeptStates = 4;

struct Entry
{
    QByteArray key;
    quint64 id = 0;
    std::shared_future<Result<DeliverySnapshot>> result;
};

struct State
{
    QMutex mutex;
    QList<Entry> entries; ///< newest first
    quint64 nextId = 1;
    int computations = 0;
};

State& state()
{
    static State shared;
    return shared;
}

bool isCancelled(const Result<DeliverySnapshot>& result)
{
    return !result.ok() && result.error().code == QLatin1String("cancelled");
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
    if (key.isEmpty())
        return compute();
    State& s = state();
    std::promise<Result<DeliverySnapshot>> promise;
    quint64 id = 0;
    {
        QMutexLocker lock(&s.mutex);
        for (qsizetype i = 0; i < s.entries.size(); ++i) {
            if (s.entries.at(i).key != key)
                continue;
            const Entry found = s.entries.at(i);
            s.entries.move(i, 0);
            lock.unlock();
            // Computed, or being computed by another thread: its answer is this state's answer.
            Result<DeliverySnapshot> result = found.result.get();
            if (result.ok())
                return result;
            lock.relock();
            s.entries.removeIf([&](const Entry& entry) { return entry.id == found.id; });
            if (!isCancelled(result))
                return result;
            break;
        }
        id = s.nextId++;
        s.entries.prepend(Entry{key, id, promise.get_future().share()});
        while (s.entries.size() > kKeptStates)
            s.entries.removeLast();
        ++s.computations;
    }
    Result<DeliverySnapshot> result = compute();
    promise.set_value(result);
    if (!result.ok()) {
        // Failures and cancellations are not kept: whoever asks next tries again.
        QMutexLocker lock(&s.mutex);
        s.entries.removeIf([&](const Entry& entry) { return entry.id == id; });
    }
    return result;
}

int DeliveryCache::computations() const
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    return s.computations;
}

void DeliveryCache::clear()
{
    State& s = state();
    QMutexLocker lock(&s.mutex);
    s.entries.clear();
}

} // namespace gatehouse::delivery
