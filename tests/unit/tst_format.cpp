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

    void metricValue_data()
    {
        QTest::addColumn<std::optional<double>>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("card");
        QTest::addColumn<QString>("expected");
        using Value = std::optional<double>;
        const QString ratio = QStringLiteral("ratio");
        const QString seconds = QStringLiteral("seconds");
        const QString perWeek = QStringLiteral("per week");
        QTest::newRow("no data card") << Value() << ratio << true << QStringLiteral("—");
        QTest::newRow("no data text") << Value() << ratio << false << QStringLiteral("no data");
        QTest::newRow("ratio card rounds near 100") << Value(0.996) << ratio << true << QStringLiteral("100 %");
        QTest::newRow("ratio card zero") << Value(0.0) << ratio << true << QStringLiteral("0 %");
        QTest::newRow("ratio card one decimal") << Value(0.975) << ratio << true << QStringLiteral("97.5 %");
        QTest::newRow("ratio text always one decimal") << Value(0.996) << ratio << false << QStringLiteral("99.6 %");
        QTest::newRow("ratio text zero") << Value(0.0) << ratio << false << QStringLiteral("0.0 %");
        QTest::newRow("seconds card") << Value(42.0) << seconds << true << QStringLiteral("42 s");
        QTest::newRow("minutes card") << Value(42 * 60.0) << seconds << true << QStringLiteral("42 min");
        QTest::newRow("minutes text") << Value(42 * 60.0) << seconds << false << QStringLiteral("42.0 min");
        QTest::newRow("seconds text as minutes") << Value(30.0) << seconds << false << QStringLiteral("0.5 min");
        QTest::newRow("hours card") << Value(3.1 * 3600) << seconds << true << QStringLiteral("3.1 h");
        QTest::newRow("hours text") << Value(3.1 * 3600) << seconds << false << QStringLiteral("3.1 h");
        QTest::newRow("days card") << Value(3 * 86400.0) << seconds << true << QStringLiteral("3.0 days");
        QTest::newRow("days text stay hours") << Value(3 * 86400.0) << seconds << false << QStringLiteral("72.0 h");
        QTest::newRow("per week card") << Value(1.5) << perWeek << true << QStringLiteral("1.5 / week");
        QTest::newRow("per week text") << Value(1.5) << perWeek << false << QStringLiteral("1.50 per week");
        QTest::newRow("other unit") << Value(2.0) << QStringLiteral("findings") << true
                                    << QStringLiteral("2.00 findings");
    }
    void metricValue()
    {
        QFETCH(std::optional<double>, value);
        QFETCH(QString, unit);
        QFETCH(bool, card);
        QFETCH(QString, expected);
        QCOMPARE(format::metricValue(value, unit, card ? format::MetricStyle::Card : format::MetricStyle::Text),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
