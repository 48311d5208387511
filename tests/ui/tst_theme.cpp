// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QtTest>

using namespace gatehouse::ui;

Q_DECLARE_METATYPE(gatehouse::ui::ThemeMode)

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        qunsetenv("GATEHOUSE_THEME");
        applyTheme(*qApp, ThemeMode::Light);
    }

    void modeFromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<ThemeMode>("mode");
        QTest::newRow("dark") << QStringLiteral("dark") << ThemeMode::Dark;
        QTest::newRow("Dark, spaces") << QStringLiteral(" Dark ") << ThemeMode::Dark;
        QTest::newRow("light") << QStringLiteral("LIGHT") << ThemeMode::Light;
        QTest::newRow("empty") << QString() << ThemeMode::System;
        QTest::newRow("unknown") << QStringLiteral("solarized") << ThemeMode::System;
    }

    void modeFromName()
    {
        QFETCH(QString, name);
        QFETCH(ThemeMode, mode);
        QCOMPARE(themeModeFromName(name), mode);
    }

    void palettes_data()
    {
        QTest::addColumn<ThemeMode>("mode");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << ThemeMode::Light << false;
        QTest::newRow("dark") << ThemeMode::Dark << true;
    }

    void palettes()
    {
        QFETCH(ThemeMode, mode);
        QFETCH(bool, dark);
        applyTheme(*qApp, mode);
        QCOMPARE(isDarkTheme(), dark);
        const QPalette palette = QApplication::palette();
        const int window = palette.color(QPalette::Window).lightness();
        const int text = palette.color(QPalette::WindowText).lightness();
        const int base = palette.color(QPalette::Base).lightness();
        QCOMPARE(window < text, dark);
        QCOMPARE(base < palette.color(QPalette::Text).lightness(), dark);
        // Readable: text and background far apart in both schemes.
        QVERIFY2(qAbs(window - text) > 120, qPrintable(QString::number(qAbs(window - text))));
        QCOMPARE(themeColor("text"), palette.color(QPalette::Text));
        QVERIFY(themeColor("accent").isValid());
        QVERIFY(!themeColor("no-such-colour").isValid());
        // Every colour token of the style sheet was replaced.
        QVERIFY(!qApp->styleSheet().isEmpty());
        QVERIFY2(!qApp->styleSheet().contains(QLatin1Char('@')), qPrintable(qApp->styleSheet()));
        QCOMPARE(qApp->styleSheet().contains(QLatin1String(dark ? "#1b1f26" : "#f3f5f8")), true);
    }

    void environmentOverridesTheSystem()
    {
        qputenv("GATEHOUSE_THEME", "dark");
        applyTheme(*qApp);
        QVERIFY(isDarkTheme());
        qputenv("GATEHOUSE_THEME", "light");
        applyTheme(*qApp);
        QVERIFY(!isDarkTheme());
        // An explicit mode wins over the environment.
        applyTheme(*qApp, ThemeMode::Dark);
        QVERIFY(isDarkTheme());
    }

    void pageIconsFollowTheSize()
    {
        // High-DPI: the navigation icons are drawn for several sizes, never scaled up from one bitmap.
        const QIcon icon = pageIcon(PageIcon::Security);
        QVERIFY(icon.availableSizes().contains(QSize(48, 48)));
        QVERIFY(icon.availableSizes().contains(QSize(16, 16)));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
