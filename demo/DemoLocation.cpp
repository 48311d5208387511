// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/DemoLocation.h"

#include "demo/DemoRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace gatehouse {

QString demoRepositoryPath()
{
    // Generic (not per-application) cache: the Makefile's `make run` uses the same folder.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("gatehouse/demo"));
}

Result<QString> ensureDemoRepository(const QString& dir)
{
    if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".git"))))
        return dir;
    if (!QDir().mkpath(dir))
        return makeError(QStringLiteral("io.mkdir"), QStringLiteral("Cannot create the folder %1.").arg(dir));
    auto created = DemoRepository::create(dir);
    if (!created)
        return created.error();
    return dir;
}

} // namespace gatehouse
