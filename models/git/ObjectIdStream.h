// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"

#include <QDataStream>

// Object ids as their raw bytes; in the type's own namespace so Qt's container operators find them.
namespace gatehouse::git {

inline QDataStream& operator<<(QDataStream& out, const ObjectId& id)
{
    return out << id.raw();
}

inline QDataStream& operator>>(QDataStream& in, ObjectId& id)
{
    QByteArray raw;
    in >> raw;
    id = ObjectId::fromRaw(raw);
    return in;
}

} // namespace gatehouse::git
