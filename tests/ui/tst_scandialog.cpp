// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeScanner.h"
#include "ScratchRepository.h"
#include "securityview/ScanDialog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;
using gatehouse::test::FakeScanner;
using gatehouse::test::ScratchRepository;

// "Run security scans…" over a scratch repository whose config.yml names a fake scanner (SARIF with a high and a
// medium finding, or a hang) beside a scanner that is not installed.
class TestScanDialog : public QObject
{
    Q_OBJECT

    static void prepare(ScratchRepository& scratch, const FakeScanner& fake, const QByteArray& mode)
    {
        QFile config(scratch.path() + QStringLiteral("/.git/config"));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[user]\n\tname = Alice Example\n\temail = alice@example.com\n");
        config.close();
        const QByteArray yaml = "scanners:\n  tools:\n    fake:\n      command: [\"" + fake.path().toUtf8() + "\", "
            + mode
            + "]\n      category: sast\n      timeout: 60\n    missing:\n      command: "
              "[gatehouse-no-such-scanner-xyz]\n      category: container\n";
        const git::ObjectId commit = scratch.commit(
            QStringLiteral("code"),
            {{QStringLiteral("app.py"), "import os\n"}, {QStringLiteral(".gatehouse/config.yml"), yaml}});
        QVERIFY(!commit.isNull());
        // The scanners read the work tree.
        scratch.writeWorkTreeFile(QStringLiteral("app.py"), "import os\n");
        scratch.writeWorkTreeFile(QStringLiteral(".gatehouse/config.yml"), yaml);
    }

    static QTreeWidgetItem* tool(ScanDialog& dialog, const QString& name)
    {
        for (int i = 0; i < dialog.toolList()->topLevelItemCount(); ++i) {
            if (dialog.toolList()->topLevelItem(i)->text(ScanDialog::ToolColumn) == name)
                return dialog.toolList()->topLevelItem(i);
        }
        return nullptr;
    }

private Q_SLOTS:
    void runsComparesAndArchives()
    {
        FakeScanner fake;
        QVERIFY(fake.isValid());
        ScratchRepository scratch;
        prepare(scratch, fake, "sarif");
        ScanDialog dialog(scratch.path());
        dialog.show();
        QTreeWidgetItem* missing = tool(dialog, QStringLiteral("missing"));
        QVERIFY(missing);
        QVERIFY(missing->text(ScanDialog::StatusColumn).startsWith(QStringLiteral("not installed")));
        QCOMPARE(missing->checkState(ScanDialog::ToolColumn), Qt::Unchecked);
        QVERIFY(tool(dialog, QStringLiteral("fake")));
        QVERIFY(!dialog.archiveButton()->isEnabled());

        dialog.selectTools({QStringLiteral("fake"), QStringLiteral("missing")});
        QSignalSpy finished(&dialog, &ScanDialog::finished);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(60000));
        const LocalScanOutcome& outcome = *dialog.outcome();
        QCOMPARE(outcome.ran(), 1);
        QCOMPARE(outcome.counts.value(Severity::High), 1);
        QCOMPARE(outcome.counts.value(Severity::Medium), 1);
        QCOMPARE(outcome.blocking, 1);
        QVERIFY(!outcome.fresh.has_value()); // never archived
        QCOMPARE(tool(dialog, QStringLiteral("fake"))->text(ScanDialog::StatusColumn), QStringLiteral("ok"));
        QCOMPARE(tool(dialog, QStringLiteral("fake"))->text(ScanDialog::FindingsColumn), QStringLiteral("2"));
        QVERIFY(tool(dialog, QStringLiteral("missing"))
                    ->text(ScanDialog::StatusColumn)
                    .startsWith(QStringLiteral("not installed")));
        QCOMPARE(dialog.findingList()->topLevelItemCount(), 2); // the blocking high first
        QCOMPARE(dialog.findingList()->topLevelItem(0)->text(0), QStringLiteral("high"));
        QCOMPARE(dialog.findingList()->topLevelItem(0)->text(1), QStringLiteral("blocks"));
        QCOMPARE(dialog.findingList()->topLevelItem(1)->text(1), QString());
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("Blocking (high and above): <b>1</b>")));
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("Not covered: container")));

        // Archive, then the same scan has nothing new.
        QVERIFY(dialog.archiveButton()->isEnabled());
        QSignalSpy archived(&dialog, &ScanDialog::archived);
        QTest::mouseClick(dialog.archiveButton(), Qt::LeftButton);
        QVERIFY(archived.wait(30000));
        QCOMPARE(archived.constFirst().constFirst().toString(), scratch.head().toString());
        auto note = scratch.repo().readNote(QStringLiteral("refs/notes/gatehouse-scans"), scratch.head());
        QVERIFY(note.ok() && note->has_value());

        dialog.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.outcome()->fresh, std::optional<int>(0));
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("New since the archived scans")));
    }

    void cancelStopsAHangingScanner()
    {
        FakeScanner fake;
        ScratchRepository scratch;
        prepare(scratch, fake, "hang");
        ScanDialog dialog(scratch.path());
        dialog.selectTools({QStringLiteral("fake")});
        dialog.run();
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(fake.log().contains(QStringLiteral("hang")), 20000);
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog.isRunning());
        QCOMPARE(tool(dialog, QStringLiteral("fake"))->text(ScanDialog::StatusColumn), QStringLiteral("cancelled"));
        QVERIFY(dialog.runButton()->isEnabled());
        QVERIFY(!dialog.outcome().has_value());
    }

    void nothingCheckedSaysSo()
    {
        FakeScanner fake;
        ScratchRepository scratch;
        prepare(scratch, fake, "sarif");
        ScanDialog dialog(scratch.path());
        dialog.selectTools({});
        dialog.run();
        QVERIFY(!dialog.isRunning());
        QVERIFY(!dialog.outcome().has_value());
    }
};

QTEST_MAIN(TestScanDialog)
#include "tst_scandialog.moc"
