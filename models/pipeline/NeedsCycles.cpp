// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NeedsCycles.h"

#include <QSet>

#include <vector>

namespace gatehouse::pipeline {

QList<QStringList> findNeedsCycles(const QStringList& order, const QHash<QString, QStringList>& edges)
{
    QList<QStringList> cycles;
    QHash<QString, int> state; // 0 new, 1 on the stack, 2 done
    QHash<QString, qsizetype> depth; // position on the path of a job on the stack
    QStringList path;
    QSet<QString> reported;
    struct Frame
    {
        QString name;
        const QStringList* next;
        qsizetype index = 0;
    };
    std::vector<Frame> stack;
    static const QStringList none;
    auto enter = [&](const QString& name) {
        state.insert(name, 1);
        depth.insert(name, path.size());
        path.append(name);
        const auto it = edges.constFind(name);
        stack.push_back({name, it == edges.cend() ? &none : &*it, 0});
    };
    for (const QString& root : order) {
        if (state.value(root, 0) != 0)
            continue;
        enter(root);
        while (!stack.empty()) {
            Frame& frame = stack.back();
            if (frame.index == frame.next->size()) {
                state.insert(frame.name, 2);
                path.removeLast();
                stack.pop_back();
                continue;
            }
            const QString next = frame.next->at(frame.index++);
            if (!edges.contains(next))
                continue;
            const int s = state.value(next, 0);
            if (s == 1) {
                if (!reported.contains(next)) {
                    QStringList cycle = path.mid(depth.value(next));
                    cycle.append(next);
                    for (const QString& member : std::as_const(cycle))
                        reported.insert(member);
                    cycles.append(cycle);
                }
            } else if (s == 0) {
                enter(next); // invalidates `frame`
            }
        }
    }
    return cycles;
}

} // namespace gatehouse::pipeline
