// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pinning.h"

#include <QRegularExpression>

namespace gatehouse::pipeline {

namespace {

bool isExactVersion(const QString& tag)
{
    static const QRegularExpression exactVersion(QStringLiteral("\\d+\\.\\d+"));
    return exactVersion.match(tag).hasMatch();
}

} // namespace

PinLevel imagePinLevel(const QString& written)
{
    QString image = written.trimmed();
    if (image.startsWith(QLatin1String("docker://")))
        image = image.mid(9);
    if (image.contains(QLatin1String("@sha256:")))
        return PinLevel::Pinned;
    // Built from this very commit: as immutable as a digest.
    if (image.contains(QLatin1String("CI_COMMIT_SHA")) || image.contains(QLatin1String("github.sha")))
        return PinLevel::Pinned;
    const QString last = image.section(QLatin1Char('/'), -1);
    const qsizetype colon = last.indexOf(QLatin1Char(':'));
    if (colon < 0) // a bare variable is set elsewhere; anything else follows :latest
        return image.startsWith(QLatin1Char('$')) ? PinLevel::VersionTag : PinLevel::Floating;
    const QString tag = last.mid(colon + 1);
    if (tag.isEmpty() || tag == QLatin1String("latest"))
        return PinLevel::Floating;
    if (isExactVersion(tag) || tag.contains(QLatin1Char('$')))
        return PinLevel::VersionTag;
    return PinLevel::Floating;
}

PinLevel actionPinLevel(const QString& written)
{
    const QString uses = written.trimmed();
    if (uses.startsWith(QLatin1String("./")))
        return PinLevel::Pinned;
    if (uses.startsWith(QLatin1String("docker://")))
        return imagePinLevel(uses);
    const qsizetype at = uses.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return PinLevel::Floating;
    const QString version = uses.mid(at + 1);
    static const QRegularExpression sha(QStringLiteral("\\A[0-9a-f]{40}\\z"));
    if (sha.match(version).hasMatch())
        return PinLevel::Pinned;
    return isExactVersion(version) ? PinLevel::VersionTag : PinLevel::Floating;
}

QString pinLevelName(PinLevel level)
{
    switch (level) {
    case PinLevel::Pinned:
        return QStringLiteral("pinned");
    case PinLevel::VersionTag:
        return QStringLiteral("version-tag");
    case PinLevel::Floating:
        return QStringLiteral("floating");
    }
    return {};
}

} // namespace gatehouse::pipeline
