// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scorecard.h"

namespace gatehouse::scorecard {

SourceLink SourceLink::file(const QString& page, const QString& path, int line)
{
    SourceLink link;
    link.kind = Kind::File;
    link.page = page;
    link.path = path;
    link.line = qMax(0, line);
    return link;
}

SourceLink SourceLink::commit(const QString& page, const QString& id)
{
    SourceLink link;
    link.kind = Kind::Commit;
    link.page = page;
    link.ref = id;
    return link;
}

SourceLink SourceLink::tag(const QString& page, const QString& name)
{
    SourceLink link;
    link.kind = Kind::Tag;
    link.page = page;
    link.ref = name;
    return link;
}

SourceLink SourceLink::toPage(const QString& page)
{
    SourceLink link;
    link.page = page;
    return link;
}

QString SourceLink::toString() const
{
    switch (kind) {
    case Kind::File:
        return line > 0 ? QStringLiteral("%1:%2").arg(path).arg(line) : path;
    case Kind::Commit:
        return QStringLiteral("commit ") + ref.left(7);
    case Kind::Tag:
        return QStringLiteral("tag ") + ref;
    case Kind::Page:
        break;
    }
    return QStringLiteral("page ") + page;
}

QString sourceKindName(SourceLink::Kind kind)
{
    switch (kind) {
    case SourceLink::Kind::File:
        return QStringLiteral("file");
    case SourceLink::Kind::Commit:
        return QStringLiteral("commit");
    case SourceLink::Kind::Tag:
        return QStringLiteral("tag");
    case SourceLink::Kind::Page:
        break;
    }
    return QStringLiteral("page");
}

} // namespace gatehouse::scorecard
