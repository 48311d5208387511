// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "security/scan/ScanArchive.h"

#include <QtTest>

using namespace gatehouse;
using gatehouse::test::ScratchRepository;

namespace {

QByteArray sarif(const QStringList& rules)
{
    QByteArray results;
    for (const QString& rule : rules) {
        if (!results.isEmpty())
            results += ',';
        results += R"({"ruleId":")" + rule.toUtf8()
            + R"(","level":"error","message":{"text":"x"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.py"},"region":{"startLine":1}}}]})";
    }
    return R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"fakescan"}},"results":[)" + results + "]}]}";
}

} // namespace

class TestScanArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void archiveAndBaseline()
    {
        ScratchRepository scratch;
        const auto first = scratch.commit(QStringLiteral("one"), {{QStringLiteral("a.py"), "print(1)\n"}});
        const git::Signature who = ScratchRepository::alice(scratch.nextTime());

        auto none = ScanArchive::latest(scratch.repo(), first);
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());

        auto written = ScanArchive::archive(
            scratch.repo(), first, {NoteReport{QStringLiteral("fakescan.sarif"), sarif({QStringLiteral("R1")})}}, who);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        // A second archive on the same commit keeps the first tool's report and replaces a same-named one.
        written = ScanArchive::archive(
            scratch.repo(), first,
            {NoteReport{QStringLiteral("other.sarif"), sarif({})},
             NoteReport{QStringLiteral("fakescan.sarif"), sarif({QStringLiteral("R1"), QStringLiteral("R2")})}},
            who);
        QVERIFY(written.ok());
        auto note = scratch.repo().readNote(ScanArchive::defaultNotesRef(), first);
        QVERIFY(note.ok() && note->has_value());
        auto reports = ScanNote::unpack(**note);
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 2);
        QCOMPARE(reports->at(0).path, QStringLiteral("fakescan.sarif"));
        QCOMPARE(reports->at(1).path, QStringLiteral("other.sarif"));

        // From a later commit the newest archived scan is found by walking back.
        const auto second = scratch.commit(QStringLiteral("two"), {{QStringLiteral("a.py"), "print(2)\n"}});
        auto baseline = ScanArchive::latest(scratch.repo(), second);
        QVERIFY(baseline.ok());
        QVERIFY(baseline->has_value());
        QCOMPARE((*baseline)->commit, first);
        QCOMPARE((*baseline)->fingerprints.value(QStringLiteral("fakescan")).size(), 2);
        QVERIFY((*baseline)->unreadable.isEmpty());
    }

    void unreadableNote()
    {
        ScratchRepository scratch;
        const auto head = scratch.commit(QStringLiteral("one"), {{QStringLiteral("a.py"), "x\n"}});
        QVERIFY(scratch.repo()
                    .writeNote(ScanArchive::defaultNotesRef(), head, "not a report at all",
                               ScratchRepository::alice(scratch.nextTime()))
                    .ok());
        auto baseline = ScanArchive::latest(scratch.repo(), head);
        QVERIFY(baseline.ok());
        QVERIFY(baseline->has_value());
        QCOMPARE((*baseline)->fingerprints.size(), 0);
        QCOMPARE((*baseline)->unreadable.size(), 1);
        // Archiving onto a note that is neither a report nor a bundle is refused, the note stays as it was.
        auto written = ScanArchive::archive(scratch.repo(), head, {NoteReport{QStringLiteral("x.sarif"), sarif({})}},
                                            ScratchRepository::alice(scratch.nextTime()));
        QVERIFY(!written.ok());
        QCOMPARE(scratch.repo().readNote(ScanArchive::defaultNotesRef(), head)->value(),
                 QByteArray("not a report at all"));
    }
};

QTEST_GUILESS_MAIN(TestScanArchive)
#include "tst_scanarchive.moc"
