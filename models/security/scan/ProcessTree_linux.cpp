// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessTree.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>

#include <signal.h>

namespace gatehouse {

namespace {

// ppid → children, from /proc/<pid>/stat ("pid (comm) state ppid ..."; comm may contain spaces and parentheses).
QMultiHash<qint64, qint64> childrenByParent()
{
    QMultiHash<qint64, qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.read(4096);
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() < 2)
            continue;
        children.insert(fields.at(1).toLongLong(), pid);
    }
    return children;
}

} // namespace

void ProcessTree::kill(QProcess& process)
{
    const qint64 root = process.processId();
    if (root > 0) {
        const QMultiHash<qint64, qint64> children = childrenByParent();
        QList<qint64> descendants;
        QList<qint64> pending{root};
        while (!pending.isEmpty() && descendants.size() < 10000) {
            const QList<qint64> next = children.values(pending.takeFirst());
            descendants += next;
            pending += next;
        }
        // The scanner first, so it cannot start new helpers while they go.
        ::kill(pid_t(root), SIGKILL);
        for (qint64 pid : std::as_const(descendants))
            ::kill(pid_t(pid), SIGKILL);
    }
    process.kill();
}

} // namespace gatehouse
