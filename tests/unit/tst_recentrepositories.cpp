// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "repo/RecentRepositories.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestRecentRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsNewestFirstWithoutDuplicates()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        RecentRepositories recent(settings);
        QVERIFY(recent.paths().isEmpty());
        QCOMPARE(recent.last(), QString());
        recent.add(QStringLiteral("/repos/a"));
        recent.add(QStringLiteral("/repos/b/"));
        recent.add(QStringLiteral("/repos/./a"));
        QCOMPARE(recent.paths(), QStringList({QStringLiteral("/repos/a"), QStringLiteral("/repos/b")}));
        QCOMPARE(recent.last(), QStringLiteral("/repos/a"));
        recent.remove(QStringLiteral("/repos/a"));
        QCOMPARE(recent.paths(), QStringList{QStringLiteral("/repos/b")});
        recent.clear();
        QVERIFY(recent.paths().isEmpty());
    }

    void capsTheList()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        RecentRepositories recent(settings);
        for (int i = 0; i < RecentRepositories::kMax + 5; ++i)
            recent.add(QStringLiteral("/repos/r%1").arg(i));
        QCOMPARE(recent.paths().size(), RecentRepositories::kMax);
        QCOMPARE(recent.paths().first(), QStringLiteral("/repos/r%1").arg(RecentRepositories::kMax + 4));
        // Persisted: a second reader on the same settings sees the same list.
        QSettings again(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(RecentRepositories(again).paths().size(), RecentRepositories::kMax);
    }
};

QTEST_GUILESS_MAIN(TestRecentRepositories)
#include "tst_recentrepositories.moc"
