// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "repo/RepositoryWatcher.h"

#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;

class TestRepositoryWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsRefChangesOnce()
    {
        test::ScratchRepository scratch;
        const auto first = scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a"), "1"}});
        RepositoryWatcher watcher;
        watcher.setDebounceInterval(100);
        watcher.setGitDir(scratch.repo().gitDir());
        QVERIFY(watcher.watchedPaths().contains(scratch.repo().gitDir() + QStringLiteral("HEAD")));
        QSignalSpy spy(&watcher, &RepositoryWatcher::refsChanged);

        // A burst of ref updates (commit + tag + branch) gives one debounced signal.
        scratch.commit(QStringLiteral("feat: two"), {{QStringLiteral("a"), "2"}});
        scratch.tag(QStringLiteral("v1"), first, QStringLiteral("Release"));
        QVERIFY(scratch.repo().createBranch(QStringLiteral("topic"), first).ok());
        QVERIFY(spy.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 2000);

        // Still watching after git replaced files by renames.
        QVERIFY(scratch.repo().setHead(QStringLiteral("refs/heads/topic")).ok());
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.size(), 2);
    }

    void stopsWithAnEmptyDir()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a"), "1"}});
        RepositoryWatcher watcher;
        watcher.setGitDir(scratch.repo().gitDir());
        QVERIFY(!watcher.watchedPaths().isEmpty());
        watcher.setGitDir({});
        QVERIFY(watcher.watchedPaths().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRepositoryWatcher)
#include "tst_repositorywatcher.moc"
