// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineModel.h"

#include <QHash>

namespace gatehouse::pipeline {

QString pipelineKindName(PipelineKind kind)
{
    switch (kind) {
    case PipelineKind::GitLab:
        return QStringLiteral("gitlab");
    case PipelineKind::GitHub:
        return QStringLiteral("github");
    case PipelineKind::CircleCI:
        return QStringLiteral("circleci");
    case PipelineKind::Jenkins:
        return QStringLiteral("jenkins");
    case PipelineKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

FileSource FileSource::fromMap(const QHash<QString, QByteArray>& files, bool complete)
{
    FileSource source;
    source.read = [files](const QString& path) -> Result<QByteArray> {
        const auto it = files.constFind(path);
        if (it == files.constEnd())
            return makeError(QStringLiteral("io.not-found"), QStringLiteral("%1: no such file").arg(path));
        return *it;
    };
    source.list = [files]() { return QStringList(files.keyBegin(), files.keyEnd()); };
    source.complete = complete;
    return source;
}

const PipelineJob* PipelineModel::job(const QString& name) const
{
    for (const PipelineJob& j : jobs) {
        if (j.name == name)
            return &j;
    }
    return nullptr;
}

} // namespace gatehouse::pipeline
