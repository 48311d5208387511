// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/ScanNote.h"

#include <QtTest>

using namespace gatehouse;

class TestScanNote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unpack_data()
    {
        QTest::addColumn<QByteArray>("note");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<QByteArray>>("contents");
        QTest::addColumn<QString>("error");

        QTest::newRow("plain object") << QByteArray("{\"runs\": []}\n") << QStringList{QStringLiteral("note.json")}
                                      << QList<QByteArray>{"{\"runs\": []}\n"} << QString();
        QTest::newRow("plain list, leading space")
            << QByteArray("  []") << QStringList{QStringLiteral("note.json")} << QList<QByteArray>{"  []"} << QString();
        QTest::newRow("bundle of two") << QByteArray(
            "Gatehouse-Scan-Bundle: 1\nReport: semgrep.json 2\n{}\nReport: my trivy.json 3\n[1]\n")
                                       << QStringList{QStringLiteral("semgrep.json"), QStringLiteral("my trivy.json")}
                                       << QList<QByteArray>{"{}", "[1]"} << QString();
        QTest::newRow("bundle, content with newlines and header-like text")
            << QByteArray("Gatehouse-Scan-Bundle: 1\nReport: a.json 22\n{\"x\":\n\"Report: b 1\\n\"}\n")
            << QStringList{QStringLiteral("a.json")} << QList<QByteArray>{"{\"x\":\n\"Report: b 1\\n\"}"} << QString();
        QTest::newRow("bundle without trailing newline")
            << QByteArray("Gatehouse-Scan-Bundle: 1\nReport: a.json 2\n{}") << QStringList{QStringLiteral("a.json")}
            << QList<QByteArray>{"{}"} << QString();
        QTest::newRow("empty bundle") << QByteArray("Gatehouse-Scan-Bundle: 1\n") << QStringList()
                                      << QList<QByteArray>() << QString();
        QTest::newRow("truncated content") << QByteArray("Gatehouse-Scan-Bundle: 1\nReport: a.json 20\n{}\n")
                                           << QStringList() << QList<QByteArray>() << QStringLiteral("note.truncated");
        // A size near INT64_MAX made `start + size` overflow (UBSan, found while fuzzing the note reader).
        QTest::newRow("size overflow") << QByteArray(
            "Gatehouse-Scan-Bundle: 1\nReport: a.json 9223372036854775807\n{}\n")
                                       << QStringList() << QList<QByteArray>() << QStringLiteral("note.truncated");
        QTest::newRow("bad size") << QByteArray("Gatehouse-Scan-Bundle: 1\nReport: a.json x\n{}\n") << QStringList()
                                  << QList<QByteArray>() << QStringLiteral("note.invalid");
        QTest::newRow("missing name") << QByteArray("Gatehouse-Scan-Bundle: 1\nReport: 2\n{}\n") << QStringList()
                                      << QList<QByteArray>() << QStringLiteral("note.invalid");
        QTest::newRow("garbage line") << QByteArray("Gatehouse-Scan-Bundle: 1\nHello\n") << QStringList()
                                      << QList<QByteArray>() << QStringLiteral("note.invalid");
        QTest::newRow("free text note") << QByteArray("Reviewed by Bob") << QStringList() << QList<QByteArray>()
                                        << QStringLiteral("note.unknown");
    }
    void unpack()
    {
        QFETCH(QByteArray, note);
        QFETCH(QStringList, names);
        QFETCH(QList<QByteArray>, contents);
        QFETCH(QString, error);
        const auto reports = ScanNote::unpack(note);
        if (!error.isEmpty()) {
            QVERIFY(!reports.ok());
            QCOMPARE(reports.error().code, error);
            return;
        }
        QVERIFY2(reports.ok(), qPrintable(reports.ok() ? QString() : reports.error().message));
        QStringList gotNames;
        QList<QByteArray> gotContents;
        for (const NoteReport& r : *reports) {
            gotNames << r.path;
            gotContents << r.content;
        }
        QCOMPARE(gotNames, names);
        QCOMPARE(gotContents, contents);
    }

    void packRoundTrip()
    {
        const QList<NoteReport> reports{{QStringLiteral("gl-sast-report.json"), QByteArray("{\"a\":1}\n")},
                                        {QStringLiteral("with space.sarif"), QByteArray("\0\1binary", 8)},
                                        {QStringLiteral("empty.json"), QByteArray()}};
        const QByteArray packed = ScanNote::pack(reports);
        QVERIFY(packed.startsWith(ScanNote::BundleHeader));
        const auto unpacked = ScanNote::unpack(packed);
        QVERIFY(unpacked.ok());
        QCOMPARE(*unpacked, reports);
    }

    void addReplacesAndConverts()
    {
        // Onto nothing: a bundle with one report.
        auto note = ScanNote::add({}, {QStringLiteral("semgrep.json"), "{}"});
        QVERIFY(note.ok());
        QCOMPARE(*note, QByteArray("Gatehouse-Scan-Bundle: 1\nReport: semgrep.json 2\n{}\n"));
        // Same name: replaced; another name: appended.
        note = ScanNote::add(*note, {QStringLiteral("semgrep.json"), "{\"x\":1}"});
        QVERIFY(note.ok());
        note = ScanNote::add(*note, {QStringLiteral("trivy.json"), "[]"});
        QVERIFY(note.ok());
        auto reports = ScanNote::unpack(*note);
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 2);
        QCOMPARE(reports->at(0).content, QByteArray("{\"x\":1}"));
        QCOMPARE(reports->at(1).path, QStringLiteral("trivy.json"));
        // A plain report note keeps its report as note.json.
        note = ScanNote::add("{\"runs\":[]}", {QStringLiteral("zap.json"), "{}"});
        QVERIFY(note.ok());
        reports = ScanNote::unpack(*note);
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 2);
        QCOMPARE(reports->at(0).path, QStringLiteral("note.json"));
        QCOMPARE(reports->at(0).content, QByteArray("{\"runs\":[]}"));
        // A note that is neither is not overwritten silently.
        QVERIFY(!ScanNote::add("free text", {QStringLiteral("a.json"), "{}"}).ok());
    }
};

QTEST_GUILESS_MAIN(TestScanNote)
#include "tst_scannote.moc"
