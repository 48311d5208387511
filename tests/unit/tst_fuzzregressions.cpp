// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every input a fuzzer once crashed, hung or leaked on (tests/fuzz/regressions/<target>/) goes through the same
// entry point as its harness, in the normal build: it must come back with a diagnostic, in bounded time.
// The hand-written seeds (tests/fuzz/seeds/<target>/) must be readable (no syntax or limit error).

#include "../fuzz/FuzzTargets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private:
    static QString fuzzDir() { return QStringLiteral(GATEHOUSE_FIXTURES_DIR "/../fuzz"); }

    static void addRows(const QString& folder)
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        int rows = 0;
        for (const QString& target : fuzz::targetNames()) {
            const QDir dir(fuzzDir() + u'/' + folder + u'/' + target);
            const QStringList files = dir.entryList(QDir::Files, QDir::Name);
            for (const QString& name : files) {
                QTest::newRow(qPrintable(target + u'/' + name)) << target << dir.filePath(name);
                ++rows;
            }
        }
        QVERIFY2(rows > 0, qPrintable(u"no input under "_s + fuzzDir() + u'/' + folder));
    }

    static QByteArray read(const QString& file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

private Q_SLOTS:
    void regressions_data() { addRows(QStringLiteral("regressions")); }
    void regressions()
    {
        QFETCH(QString, target);
        QFETCH(QString, file);
        const QByteArray data = read(file);
        QVERIFY(!data.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const QStringList codes = fuzz::run(target, data);
        // Hangs were found as >10 s under the fuzzer's instrumentation: a plain debug build must be far faster.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed()) + u" ms"_s));
        QVERIFY2(!codes.isEmpty(), "the hostile input was accepted without any diagnostic");
    }

    void seeds_data() { addRows(QStringLiteral("seeds")); }
    void seeds()
    {
        QFETCH(QString, target);
        QFETCH(QString, file);
        const QStringList codes = fuzz::run(target, read(file));
        for (const QString& code : codes) {
            // Only "not readable at all" counts: a config seed is fed to every .gatehouse/ reader, and each one
            // rightly finds the others' files of the wrong shape.
            QVERIFY2(!code.startsWith(u"yaml.") && !code.startsWith(u"report.") && !code.startsWith(u"note.")
                         && code != u"config.yaml",
                     qPrintable(u"a seed should be valid input, got "_s + codes.join(u", ")));
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
