// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "git/Repository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;

/// `gatehouse demo DIR` through the real binary, headless (no DISPLAY).
class TestCliDemo : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList& arguments)
    {
        const gatehouse::test::CliRun result = gatehouse::test::runCli(arguments);
        if (result.exitCode < 0)
            return {};
        return {result.exitCode, QString::fromUtf8(result.out), QString::fromUtf8(result.err)};
    }

private Q_SLOTS:
    void textOutput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.path() + u"/demo"_s;
        const Run result = run({u"demo"_s, target});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(target));
        static const QRegularExpression head(u"HEAD ([0-9a-f]{40})"_s);
        const auto match = head.match(result.out);
        QVERIFY(match.hasMatch());
        auto repo = git::Repository::open(target);
        QVERIFY(repo.ok());
        auto info = repo->head();
        QVERIFY(info.ok());
        QCOMPARE(info->branch, u"main"_s);
        QCOMPARE(info->commit.toString(), match.captured(1));
    }

    void jsonOutputIsDeterministic()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QJsonObject first;
        for (const QString& name : {u"one"_s, u"two"_s}) {
            const Run result = run({u"demo"_s, u"--format"_s, u"json"_s, dir.path() + u'/' + name});
            QCOMPARE(result.exitCode, 0);
            QJsonParseError error;
            const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(object.value(u"path").toString(), dir.path() + u'/' + name);
            QCOMPARE(object.value(u"head").toString().size(), 40);
            QVERIFY(object.value(u"commits").toInt() >= 80);
            QVERIFY(object.value(u"tags").toInt() >= 10);
            if (first.isEmpty())
                first = object;
            else
                QCOMPARE(object.value(u"head").toString(), first.value(u"head").toString());
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing DIR") << QString() << QStringList{u"demo"_s} << u"missing DIR"_s;
        QTest::newRow("two DIRs") << QString() << QStringList{u"demo"_s, u"a"_s, u"b"_s} << u"exactly one DIR"_s;
        QTest::newRow("unknown format") << QString() << QStringList{u"demo"_s, u"--format"_s, u"xml"_s, u"x"_s}
                                        << u"unknown format"_s;
        QTest::newRow("unknown option") << QString() << QStringList{u"demo"_s, u"--frobnicate"_s, u"x"_s}
                                        << u"frobnicate"_s;
        QTest::newRow("non-empty DIR") << u"non-empty"_s << QStringList{u"demo"_s} << u"not empty"_s;
        QTest::newRow("unwritable DIR") << u"under-file"_s << QStringList{u"demo"_s} << u"cannot create"_s;
    }
    void usageErrors()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.path() + u"/existing.txt"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        if (setup == u"non-empty")
            arguments << dir.path();
        else if (setup == u"under-file")
            arguments << file.fileName() + u"/demo"_s;
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY(!QFileInfo::exists(dir.path() + u"/.git"_s));
    }

    void help()
    {
        const Run result = run({u"demo"_s, u"--help"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(u"DIR"));
    }
};

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
