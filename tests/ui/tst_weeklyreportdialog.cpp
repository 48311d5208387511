// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/DemoRepository.h"
#include "securityview/WeeklyReportDialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::ui;

class TestWeeklyReportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;
    QTemporaryDir m_out;
    QTemporaryDir m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CACHE_HOME", m_cache.path().toLocal8Bit());
        const auto head = DemoRepository::create(m_demo.path());
        QVERIFY2(head.ok(), qPrintable(head.ok() ? QString() : head.error().message));
    }

    void weekAndFileName()
    {
        WeeklyReportDialog dialog(m_demo.path(), {});
        dialog.setWeek(*IsoWeek::parse(QStringLiteral("2026-W38")));
        QCOMPARE(dialog.week().toString(), QStringLiteral("2026-W38"));
        dialog.setFormat(QStringLiteral("md"));
        QVERIFY(dialog.filePath().endsWith(QStringLiteral("-2026-W38.md")));
        // A folder the user chose is kept when the format changes.
        dialog.setFilePath(m_out.filePath(QStringLiteral("mine.md")));
        dialog.setFormat(QStringLiteral("pdf"));
        QCOMPARE(QFileInfo(dialog.filePath()).absolutePath(), QFileInfo(m_out.path()).absoluteFilePath());
        QVERIFY(dialog.filePath().endsWith(QStringLiteral("-2026-W38.pdf")));
    }

    void exports_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("markdown") << "md" << QByteArray("# Security posture");
        QTest::newRow("json") << "json" << QByteArray("{");
        QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
        QTest::newRow("pdf") << "pdf" << QByteArray("%PDF-");
    }

    void exports()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, start);
        WeeklyReportDialog dialog(m_demo.path(), {});
        dialog.setWeek(*IsoWeek::parse(QStringLiteral("2026-W38")));
        dialog.setFormat(format);
        const QString path = m_out.filePath(QStringLiteral("report.") + format);
        dialog.setFilePath(path);
        QSignalSpy exported(&dialog, &WeeklyReportDialog::exported);
        QSignalSpy failed(&dialog, &WeeklyReportDialog::exportFailed);
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("exportButton"));
        QVERIFY(button);
        button->click();
        QVERIFY(dialog.isExporting());
        QVERIFY(!button->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(exported.size() + failed.size(), 1, 60000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(exported.first().first().toString(), path);
        QVERIFY(button->isEnabled());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.startsWith(start));
        if (format != QLatin1String("pdf"))
            QVERIFY(content.contains("2026-W38"));
    }

    void failureIsShown()
    {
        WeeklyReportDialog dialog(m_out.path(), {}); // not a repository
        dialog.setFormat(QStringLiteral("md"));
        dialog.setFilePath(m_out.filePath(QStringLiteral("never.md")));
        QSignalSpy failed(&dialog, &WeeklyReportDialog::exportFailed);
        dialog.exportReport();
        QVERIFY(failed.wait(30000));
        QVERIFY(!QFile::exists(m_out.filePath(QStringLiteral("never.md"))));
    }
};

QTEST_MAIN(TestWeeklyReportDialog)
#include "tst_weeklyreportdialog.moc"
