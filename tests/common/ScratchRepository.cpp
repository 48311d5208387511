// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"

#include "common/JobTracker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>
#include <QtTest>

namespace gatehouse::test {

ScratchRepository::~ScratchRepository()
{
    waitForBackgroundJobs();
}

void waitForBackgroundJobs()
{
    // A window destroyed at the end of a test cancels its jobs, but a job may still be reading the repository; its
    // folder is removed only after they end, or libgit2 reads a vanishing repository (a crash under ASan). Bounded:
    // a job waiting for something of the GUI thread must not hang the test.
    JobTracker::pool()->waitForDone(60000);
}

ScratchRepository::ScratchRepository(bool bare)
    : m_clock(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc())
{
    auto repo = git::Repository::init(m_dir.path(), bare, QStringLiteral("main"));
    if (repo)
        m_repo = *repo;
    else
        qWarning("ScratchRepository: %s", qPrintable(repo.error().toString()));
}

git::Signature ScratchRepository::signature(const QString& name, const QDateTime& time)
{
    QString email = name.section(QLatin1Char(' '), 0, 0).toLower() + QStringLiteral("@example.org");
    return git::Signature{name, email, time};
}

QDateTime ScratchRepository::nextTime()
{
    m_clock = m_clock.addSecs(3600);
    return m_clock;
}

git::ObjectId ScratchRepository::head()
{
    auto info = m_repo.head();
    return info ? info->commit : git::ObjectId();
}

git::ObjectId ScratchRepository::commit(const QString& message, const QMap<QString, QByteArray>& files, QDateTime time,
                                        const QString& author)
{
    if (!time.isValid())
        time = nextTime();
    QMap<QString, std::optional<QByteArray>> changes;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        changes.insert(it.key(), it.value().isNull() ? std::nullopt : std::optional<QByteArray>(it.value()));
    const git::ObjectId parent = head();
    QList<git::ObjectId> parents;
    if (!parent.isNull())
        parents.append(parent);
    const auto sig = signature(author, time);
    auto id = m_repo.createCommit(QStringLiteral("HEAD"), parents, changes, sig, sig, message);
    if (!id) {
        qWarning("ScratchRepository::commit: %s", qPrintable(id.error().toString()));
        return {};
    }
    return *id;
}

git::ObjectId ScratchRepository::commitOn(const QList<git::ObjectId>& parents, const QString& message,
                                          const QMap<QString, QByteArray>& files, QDateTime time,
                                          const QString& updateRef)
{
    if (!time.isValid())
        time = nextTime();
    QMap<QString, std::optional<QByteArray>> changes;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        changes.insert(it.key(), it.value().isNull() ? std::nullopt : std::optional<QByteArray>(it.value()));
    const auto sig = alice(time);
    auto id = m_repo.createCommit(updateRef, parents, changes, sig, sig, message);
    if (!id) {
        qWarning("ScratchRepository::commitOn: %s", qPrintable(id.error().toString()));
        return {};
    }
    return *id;
}

git::ObjectId ScratchRepository::tag(const QString& name, const git::ObjectId& target, const QString& message,
                                     QDateTime time)
{
    if (!time.isValid())
        time = nextTime();
    const git::Signature tagger
        = message.isEmpty() ? git::Signature{} : signature(QStringLiteral("Rita Release"), time);
    auto id = m_repo.createTag(name, target, tagger, message);
    if (!id) {
        qWarning("ScratchRepository::tag: %s", qPrintable(id.error().toString()));
        return {};
    }
    return *id;
}

void ScratchRepository::writeWorkTreeFile(const QString& path, const QByteArray& content)
{
    const QString absolute = m_dir.path() + QLatin1Char('/') + path;
    QDir().mkpath(QFileInfo(absolute).absolutePath());
    QFile file(absolute);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
}

} // namespace gatehouse::test
