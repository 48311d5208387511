// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/script/ShellCheckCache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse::pipeline;

namespace {

const QString checker = QStringLiteral("/usr/bin/shellcheck:1000:1");
const QStringList options{QStringLiteral("--exclude=SC1091")};

ShellCheckCache::Comments someComments()
{
    return {{1, 6, 2086, QStringLiteral("info"), QStringLiteral("Double quote to prevent globbing.")},
            {3, 1, 1009, QStringLiteral("error"), QStringLiteral("The mentioned syntax error was in this if.")}};
}

} // namespace

class TestShellCheckCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
    }

    // A script is found again only when everything its comments depend on is the same.
    void key_data()
    {
        QTest::addColumn<QString>("checker");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hit");
        QTest::newRow("same script") << checker << options << "bash"
                                     << "echo $A\n"
                                     << true;
        QTest::newRow("text changed") << checker << options << "bash"
                                      << "echo $B\n"
                                      << false;
        QTest::newRow("whitespace changed") << checker << options << "bash"
                                            << "echo  $A\n"
                                            << false;
        QTest::newRow("other dialect") << checker << options << "sh"
                                       << "echo $A\n"
                                       << false;
        QTest::newRow("other shellcheck version") << QStringLiteral("/usr/bin/shellcheck:2000:5") << options << "bash"
                                                  << "echo $A\n"
                                                  << false;
        QTest::newRow("other options") << checker << QStringList{QStringLiteral("--exclude=SC1091,SC2086")} << "bash"
                                       << "echo $A\n"
                                       << false;
        QTest::newRow("parts split differently") << checker << options << "bashe"
                                                 << "cho $A\n"
                                                 << false;
    }
    void key()
    {
        QFETCH(QString, checker);
        QFETCH(QStringList, options);
        QFETCH(QString, shell);
        QFETCH(QString, text);
        QFETCH(bool, hit);
        const QString file = m_dir->filePath(QStringLiteral("cache"));
        {
            ShellCheckCache cache(file);
            QVERIFY(!cache.find(
                ShellCheckCache::key(::checker, ::options, QStringLiteral("bash"), QStringLiteral("echo $A\n"))));
            cache.insert(
                ShellCheckCache::key(::checker, ::options, QStringLiteral("bash"), QStringLiteral("echo $A\n")),
                someComments());
            QVERIFY(cache.save());
        }
        ShellCheckCache reread(file); // the next run
        QVERIFY(!reread.fileWasCorrupt());
        QCOMPARE(reread.size(), 1);
        const std::optional<ShellCheckCache::Comments> found
            = reread.find(ShellCheckCache::key(checker, options, shell, text));
        QCOMPARE(found.has_value(), hit);
        if (hit)
            QCOMPARE(*found, someComments());
    }

    // A script without comments is a hit too (most scripts are clean).
    void emptyComments()
    {
        const QString file = m_dir->filePath(QStringLiteral("cache"));
        const QByteArray key = ShellCheckCache::key(checker, options, QStringLiteral("sh"), QStringLiteral("true\n"));
        {
            ShellCheckCache cache(file);
            cache.insert(key, {});
            QVERIFY(cache.save());
        }
        ShellCheckCache reread(file);
        const auto found = reread.find(key);
        QVERIFY(found.has_value());
        QVERIFY(found->isEmpty());
    }

    // A damaged file is ignored (every script a miss) and replaced by the next save.
    void corrupt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty file") << "empty";
        QTest::newRow("text instead of a cache") << "text";
        QTest::newRow("cut in the middle") << "truncate";
        QTest::newRow("one byte flipped") << "flip";
        QTest::newRow("other format version") << "version";
        QTest::newRow("bytes appended") << "append";
    }
    void corrupt()
    {
        QFETCH(QString, damage);
        const QString path = m_dir->filePath(QStringLiteral("cache"));
        const QByteArray key = ShellCheckCache::key(checker, options, QStringLiteral("bash"), QStringLiteral("ls $D"));
        {
            ShellCheckCache cache(path);
            cache.insert(key, someComments());
            QVERIFY(cache.save());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        if (damage == u"empty")
            bytes.clear();
        else if (damage == u"text")
            bytes = "{\"not\": \"a cache\"}\n";
        else if (damage == u"truncate")
            bytes.truncate(bytes.size() / 2);
        else if (damage == u"flip")
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x20);
        else if (damage == u"version")
            bytes[7] = char(bytes.at(7) + 1);
        else if (damage == u"append")
            bytes += "more";
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();

        {
            ShellCheckCache damaged(path);
            QVERIFY(damaged.fileWasCorrupt());
            QCOMPARE(damaged.size(), 0);
            QVERIFY(!damaged.find(key));
            damaged.insert(key, someComments());
            QVERIFY(damaged.save());
        }
        ShellCheckCache rewritten(path);
        QVERIFY(!rewritten.fileWasCorrupt());
        QCOMPARE(rewritten.find(key), std::optional(someComments()));
    }

    void missingFileIsNotCorrupt()
    {
        ShellCheckCache cache(m_dir->filePath(QStringLiteral("sub/folder/cache")));
        QVERIFY(!cache.fileWasCorrupt());
        QCOMPARE(cache.size(), 0);
        cache.insert(ShellCheckCache::key(checker, options, QStringLiteral("sh"), QStringLiteral("x")), {});
        QVERIFY(cache.save()); // creates the folders
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("sub/folder/cache"))));
    }

    // Two runs that read the same file and save one after the other keep both runs' scripts.
    void concurrentRunsMerge()
    {
        const QString path = m_dir->filePath(QStringLiteral("cache"));
        const QByteArray a = ShellCheckCache::key(checker, options, QStringLiteral("bash"), QStringLiteral("a"));
        const QByteArray b = ShellCheckCache::key(checker, options, QStringLiteral("bash"), QStringLiteral("b"));
        ShellCheckCache first(path);
        ShellCheckCache second(path);
        first.insert(a, someComments());
        second.insert(b, {});
        QVERIFY(first.save());
        QVERIFY(second.save());
        ShellCheckCache reread(path);
        QCOMPARE(reread.size(), 2);
        QVERIFY(reread.find(a));
        QVERIFY(reread.find(b));
        QVERIFY(!QFile::exists(path + QStringLiteral(".tmp"))); // nothing left beside it
    }

    void bounded()
    {
        const QString path = m_dir->filePath(QStringLiteral("cache"));
        {
            ShellCheckCache cache(path, 3);
            for (int i = 0; i < 10; ++i)
                cache.insert(ShellCheckCache::key(checker, options, QStringLiteral("sh"), QString::number(i)), {});
            QVERIFY(cache.save());
            QCOMPARE(cache.size(), 3);
        }
        QCOMPARE(ShellCheckCache(path, 3).size(), 3);
        QCOMPARE(ShellCheckCache(path, 100).size(), 3);
    }

    // Nothing is written for a memory-only cache, nor when nothing changed.
    void noFile()
    {
        ShellCheckCache memory;
        const QByteArray key = ShellCheckCache::key(checker, options, QStringLiteral("sh"), QStringLiteral("x"));
        memory.insert(key, someComments());
        QVERIFY(memory.save());
        QCOMPARE(memory.find(key), std::optional(someComments()));

        const QString path = m_dir->filePath(QStringLiteral("untouched"));
        ShellCheckCache unchanged(path);
        QVERIFY(unchanged.save());
        QVERIFY(!QFile::exists(path));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestShellCheckCache)
#include "tst_shellcheckcache.moc"
