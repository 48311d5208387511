// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AutomationHooks.h"
#include "MainWindow.h"
#include "ReportPdfWriter.h"
#include "Theme.h"
#include "cli/Cli.h"
#include "delivery/strategy/ProgressiveDeliveryGate.h"
#include "security/WeeklyReport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSysInfo>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
}

// Decided from argv alone, before any QApplication exists: a headless run must work without a display.
bool isHeadless(int argc, char* argv[])
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    if (first.startsWith(QLatin1Char('-')) || first == QLatin1String("help")
        || gatehouse::cli::findCommand(first) != nullptr)
        return true;
    // A bare word that names no file is a mistyped subcommand, not a PATH: let the CLI say so (exit 2).
    return !first.contains(QLatin1Char('/')) && !QFileInfo::exists(first);
}

// `report --format pdf` paints (fonts, QPdfWriter): it needs a QGuiApplication, on the offscreen platform so it
// still runs without a display. Every other subcommand stays on QCoreApplication.
bool needsGui(int argc, char* argv[])
{
    if (argc < 2 || qstrcmp(argv[1], "report") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (qstrcmp(argv[i], "--format=pdf") == 0
            || (qstrcmp(argv[i], "--format") == 0 && i + 1 < argc && qstrcmp(argv[i + 1], "pdf") == 0))
            return true;
    }
    return false;
}

int runHeadless(QCoreApplication& app)
{
    Q_UNUSED(app);
    setIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return gatehouse::cli::run(QCoreApplication::arguments().mid(1), gatehouse::cli::Io{out, err});
}

// On X11/Wayland systems without a display, QApplication would abort: say what to do instead.
bool hasDisplay()
{
    if (QSysInfo::kernelType() != QLatin1String("linux") || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer clock; // GATEHOUSE_MEASURE_STARTUP times the first paint from here
    clock.start();
    gatehouse::WeeklyReport::setPdfWriter(&gatehouse::render::weeklyReportPdf);
    gatehouse::delivery::ProgressiveDeliveryGate::install();
    if (isHeadless(argc, argv)) {
        if (needsGui(argc, argv)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            return runHeadless(app);
        }
        QCoreApplication app(argc, argv);
        return runHeadless(app);
    }

    if (!hasDisplay()) {
        QTextStream(stderr) << "gatehouse: no display (DISPLAY and WAYLAND_DISPLAY are unset); the dashboard needs "
                               "one. Subcommands run headless: see `gatehouse --help`.\n";
        return gatehouse::cli::ExitUsage;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    QApplication::setDesktopFileName(QStringLiteral("gatehouse"));
    gatehouse::ui::applyTheme(app);

    gatehouse::ui::MainWindow window;
    // Screenshots and start-up timing (GATEHOUSE_PAGE, GATEHOUSE_SCREENSHOT, GATEHOUSE_MEASURE_STARTUP).
    std::unique_ptr<gatehouse::ui::AutomationHooks> hooks;
    if (gatehouse::ui::AutomationHooks::requested()) {
        hooks = std::make_unique<gatehouse::ui::AutomationHooks>(&window, clock);
        QObject::connect(hooks.get(), &gatehouse::ui::AutomationHooks::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
    }
    window.show();
    window.openInitial(QCoreApplication::arguments().value(1));
    return app.exec();
}
