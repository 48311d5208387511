// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Format.h"

#include <QTest>

#include <optional>

using namespace gatehouse;

class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isoUtc_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("utc") << QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC)
                             << QStringLiteral("2026-01-05T10:00:00Z");
        QTest::newRow("offset converted to UTC")
            << QDateTime(QDate(2026, 1, 5), QTime(1, 30), Qt::OffsetFromUTC, 2 * 3600)
            << QStringLiteral("2026-01-04T23:30:00Z");
        QTest::newRow("milliseconds dropped")
            << QDateTime(QDate(2026, 3, 1), QTime(8, 0, 5, 999), Qt::UTC) << QStringLiteral("2026-03-01T08:00:05Z");
        QTest::newRow("invalid is empty") << QDateTime() << QString();
    }
    void isoUtc()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        QCOMPARE(format::isoUtc(time), expected);
    }

    void shortDuration_data()
    {
        QTest::addColumn<std::optional<double>>("seconds");
        QTest::addColumn<bool>("padded");
        QTest::addColumn<QString>("expected");
        using Seconds = std::optional<double>;
        QTest::newRow("missing padded") << Seconds() << true << QStringLiteral("–");
        QTest::newRow("missing plain") << Seconds() << false << QStringLiteral("-");
        QTest::newRow("zero") << Seconds(0.0) << true << QStringLiteral("0s");
        QTest::newRow("rounds to nearest second") << Seconds(44.5) << true << QStringLiteral("45s");
        QTest::newRow("59.4 s stays seconds") << Seconds(59.4) << false << QStringLiteral("59s");
        QTest::newRow("minutes drop seconds") << Seconds(12 * 60 + 59) << true << QStringLiteral("12m");
        QTest::newRow("hours padded") << Seconds(3 * 3600 + 5 * 60) << true << QStringLiteral("3h 05m");
        QTest::newRow("hours plain") << Seconds(3 * 3600 + 5 * 60) << false << QStringLiteral("3h 5m");
        QTest::newRow("hours two-digit minutes plain") << Seconds(3600 + 45 * 60) << false << QStringLiteral("1h 45m");
        QTest::newRow("days") << Seconds(2 * 86400 + 4 * 3600 + 59 * 60) << true << QStringLiteral("2d 4h");
        QTest::newRow("days plain same") << Seconds(2 * 86400 + 4 * 3600) << false << QStringLiteral("2d 4h");
    }
    void shortDuration()
    {
        QFETCH(std::optional<double>, seconds);
        QFETCH(bool, padded);
        QFETCH(QString, expected);
        QCOMPARE(format::shortDuration(seconds, padded ? format::DurationStyle::Padded : format::DurationStyle::Plain),
                 expected);
    }

    void clockDuration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << -1.0 << QStringLiteral("-");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0 s");
        QTest::newRow("seconds") << 45.4 << QStringLiteral("45 s");
        QTest::newRow("minutes padded seconds") << 125.0 << QStringLiteral("2 m 05 s");
        QTest::newRow("rounding carries into minutes") << 59.6 << QStringLiteral("1 m 00 s");
        QTest::newRow("hours padded minutes") << 3780.0 << QStringLiteral("1 h 03 m");
        QTest::newRow("past a day stays in hours") << 90000.0 << QStringLiteral("25 h 00 m");
    }
    void clockDuration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, expected);
        QCOMPARE(format::clockDuration(seconds), expected);
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
