// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IsolatedSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace gatehouse::test {

void isolateSettings(const QString& testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationName(
        QStringLiteral("gatehouse-test-%1-%2").arg(testName).arg(QCoreApplication::applicationPid()));
}

void removeIsolatedSettings()
{
    const QString file = QSettings().fileName();
    QFile::remove(file);
    for (const auto location : {QStandardPaths::AppDataLocation, QStandardPaths::AppLocalDataLocation,
                                QStandardPaths::CacheLocation, QStandardPaths::AppConfigLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        // Only folders named after this process's application are ours to remove.
        if (dir.contains(QCoreApplication::applicationName()))
            QDir(dir).removeRecursively();
    }
}

} // namespace gatehouse::test
