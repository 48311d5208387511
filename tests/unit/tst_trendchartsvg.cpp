// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/TrendChartSvg.h"

#include <QXmlStreamReader>
#include <QtTest>

using namespace gatehouse;

namespace {

/// "C,H,M,L" per week, e.g. {"0,4,2,1", "1,3,0,0"}.
QList<WeekTrendPoint> trend(const QStringList& weeks)
{
    QList<WeekTrendPoint> points;
    IsoWeek week{2026, 40};
    for (const QString& spec : weeks) {
        const QStringList n = spec.split(QLatin1Char(','));
        WeekTrendPoint p;
        p.week = week;
        p.open = {{Severity::Critical, n.value(0).toInt()},
                  {Severity::High, n.value(1).toInt()},
                  {Severity::Medium, n.value(2).toInt()},
                  {Severity::Low, n.value(3).toInt()}};
        points << p;
        week = week.addWeeks(1);
    }
    return points;
}

struct Shapes
{
    int bars = 0; ///< rects with a <title> (one per non-empty severity segment)
    QStringList labels; ///< every <text> content
    QStringList barTitles;
    bool wellFormed = false;
};

Shapes shapes(const QByteArray& svg)
{
    Shapes s;
    QXmlStreamReader xml(svg);
    bool inRect = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("rect"))
            inRect = true;
        else if (xml.isEndElement() && xml.name() == QLatin1String("rect"))
            inRect = false;
        else if (xml.isStartElement() && xml.name() == QLatin1String("title") && inRect) {
            ++s.bars;
            s.barTitles << xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            s.labels << xml.readElementText();
    }
    s.wellFormed = !xml.hasError();
    return s;
}

} // namespace

class TestTrendChartSvg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chart_data()
    {
        QTest::addColumn<QStringList>("weeks");
        QTest::addColumn<int>("bars");
        QTest::addColumn<QStringList>("totals"); // the labels over the columns
        QTest::addColumn<QString>("topTick");

        QTest::newRow("two weeks") << QStringList{QStringLiteral("0,4,2,1"), QStringLiteral("1,3,0,0")} << 5
                                   << QStringList{QStringLiteral("7"), QStringLiteral("4")} << QStringLiteral("8");
        QTest::newRow("an empty week draws no column")
            << QStringList{QStringLiteral("0,0,0,0"), QStringLiteral("0,1,0,0")} << 1
            << QStringList{QStringLiteral("1")} << QStringLiteral("1");
        QTest::newRow("large counts get round ticks") << QStringList{QStringLiteral("10,120,300,40")} << 4
                                                      << QStringList{QStringLiteral("470")} << QStringLiteral("500");
        QTest::newRow("nothing open") << QStringList{QStringLiteral("0,0,0,0")} << 0 << QStringList{}
                                      << QStringLiteral("1");
    }

    void chart()
    {
        QFETCH(QStringList, weeks);
        QFETCH(int, bars);
        QFETCH(QStringList, totals);
        QFETCH(QString, topTick);
        const QByteArray svg = trendChartSvg(trend(weeks));
        QVERIFY(svg.startsWith("<?xml"));
        const Shapes s = shapes(svg);
        QVERIFY(s.wellFormed);
        QCOMPARE(s.bars, bars);
        for (const QString& total : totals)
            QVERIFY2(s.labels.contains(total), qPrintable(s.labels.join(QLatin1Char('|'))));
        QVERIFY2(s.labels.contains(topTick), qPrintable(s.labels.join(QLatin1Char('|'))));
        // Week labels and the legend.
        QVERIFY(s.labels.contains(QStringLiteral("W40")));
        for (const QString& name :
             {QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")})
            QVERIFY(s.labels.contains(name));
    }

    void tooltipsNameWeekAndSeverity()
    {
        const Shapes s = shapes(trendChartSvg(trend({QStringLiteral("2,0,0,1")})));
        QCOMPARE(s.barTitles, (QStringList{QStringLiteral("2026-W40 critical: 2"), QStringLiteral("2026-W40 low: 1")}));
    }

    void manyWeeksThinLabels()
    {
        QStringList weeks;
        for (int i = 0; i < 52; ++i)
            weeks << QStringLiteral("0,1,0,0");
        const Shapes s = shapes(trendChartSvg(trend(weeks), 400, 200));
        QCOMPARE(s.bars, 52);
        int weekLabels = 0;
        for (const QString& label : s.labels)
            weekLabels += label.startsWith(QLatin1Char('W'));
        QVERIFY2(weekLabels < 26, qPrintable(QString::number(weekLabels))); // not one per column
        QVERIFY(weekLabels >= 4);
    }

    void emptyTrend()
    {
        const Shapes s = shapes(trendChartSvg({}));
        QVERIFY(s.wellFormed);
        QVERIFY(s.labels.contains(QStringLiteral("No scans")));
    }

    void severityColorsDiffer()
    {
        QStringList colors;
        for (Severity severity : allSeverities())
            colors << severityColor(severity);
        colors.removeDuplicates();
        QCOMPARE(colors.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestTrendChartSvg)
#include "tst_trendchartsvg.moc"
