// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/CacheFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;

class TestCacheFile : public QObject
{
    Q_OBJECT

    static QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static void writeAll(const QString& path, const QByteArray& content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

private Q_SLOTS:
    void locationFollowsXdgCacheHome()
    {
        const QByteArray saved = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", "/tmp/some-cache");
        QCOMPARE(CacheFile::location(u"delivery"_s), u"/tmp/some-cache/gatehouse/delivery"_s);
        qputenv("XDG_CACHE_HOME", saved);
    }

    void readsWhatWasWritten_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("readable");
        QTest::newRow("intact") << u"none"_s << true;
        QTest::newRow("payload byte flipped") << u"flip"_s << false;
        QTest::newRow("truncated") << u"truncate"_s << false;
        QTest::newRow("other magic") << u"magic"_s << false;
        QTest::newRow("other version") << u"version"_s << false;
        QTest::newRow("larger than allowed") << u"size"_s << false;
        QTest::newRow("empty file") << u"empty"_s << false;
        QTest::newRow("absent") << u"absent"_s << false;
    }

    void readsWhatWasWritten()
    {
        QFETCH(QString, damage);
        QFETCH(bool, readable);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/entry.cache"_s);
        const QByteArray payload = QByteArray("some payload \0 with a NUL", 25);
        QVERIFY(CacheFile::write(path, "TEST", 3, payload));
        QByteArray content = readAll(path);
        QCOMPARE(content.size(), 4 + 4 + payload.size() + 32);
        quint32 version = 3;
        qint64 maxBytes = 1024;
        if (damage == u"flip")
            content[10] = char(content[10] ^ 0x20);
        else if (damage == u"truncate")
            content.chop(5);
        else if (damage == u"magic")
            content[0] = 'X';
        else if (damage == u"version")
            version = 4;
        else if (damage == u"size")
            maxBytes = payload.size() - 1;
        else if (damage == u"empty")
            content.clear();
        if (damage == u"absent")
            QVERIFY(QFile::remove(path));
        else
            writeAll(path, content);
        const std::optional<QByteArray> read = CacheFile::read(path, "TEST", version, maxBytes);
        QCOMPARE(read.has_value(), readable);
        if (readable)
            QCOMPARE(*read, payload);
    }

    void keyedEntriesAnswerTheirOwnKey()
    {
        QTemporaryDir dir;
        const KeyedCacheFolder folder(dir.filePath(u"entries"_s), "KEYD", 1, 8, 1 << 20);
        QVERIFY(folder.isEnabled());
        QVERIFY(!folder.find("a").has_value());
        QVERIFY(folder.store("a", "value of a"));
        QVERIFY(folder.store("b", "value of b"));
        QCOMPARE(folder.find("a").value_or(QByteArray()), QByteArray("value of a"));
        QCOMPARE(folder.find("b").value_or(QByteArray()), QByteArray("value of b"));
        QVERIFY(!folder.find("c").has_value());
        // A file holding another key (copied over, or a name clash) does not answer for this one.
        QVERIFY(QFile::remove(folder.fileFor("c")) || !QFile::exists(folder.fileFor("c")));
        QVERIFY(QFile::copy(folder.fileFor("a"), folder.fileFor("c")));
        QVERIFY(!folder.find("c").has_value());
        // Another format version under the same folder is a miss.
        const KeyedCacheFolder newer(dir.filePath(u"entries"_s), "KEYD", 2, 8, 1 << 20);
        QVERIFY(!newer.find("a").has_value());
        // Too large a value is not stored.
        const KeyedCacheFolder small(dir.filePath(u"small"_s), "KEYD", 1, 8, 4);
        QVERIFY(!small.store("a", "too large"));
        QVERIFY(!small.find("a").has_value());
    }

    void disabledFolderKeepsNothing()
    {
        const KeyedCacheFolder none(QString(), "KEYD", 1, 8, 1 << 20);
        QVERIFY(!none.isEnabled());
        QVERIFY(!none.store("a", "value"));
        QVERIFY(!none.find("a").has_value());
    }

    void oldestEntriesGoBeyondTheBound()
    {
        QTemporaryDir dir;
        const KeyedCacheFolder folder(dir.filePath(u"entries"_s), "KEYD", 1, 3, 1 << 20);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(folder.store(QByteArray::number(i), QByteArray::number(i * 10)));
            // Distinct modification times so "oldest" is well defined on coarse file systems.
            QFile file(folder.fileFor(QByteArray::number(i)));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(
                file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(i - 10), QFileDevice::FileModificationTime));
        }
        QCOMPARE(QDir(dir.filePath(u"entries"_s)).entryList({u"*.cache"_s}, QDir::Files).size(), 3);
        QVERIFY(!folder.find("0").has_value());
        QVERIFY(!folder.find("1").has_value());
        QCOMPARE(folder.find("4").value_or(QByteArray()), QByteArray("40"));
    }
};

QTEST_GUILESS_MAIN(TestCacheFile)
#include "tst_cachefile.moc"
