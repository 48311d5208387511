// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CiConfigNeeds.h"

#include <QSet>

#include <yaml-cpp/yaml.h>

namespace gatehouse::runs {

namespace {

const QSet<QString>& globalKeywords()
{
    static const QSet<QString> keywords{
        QStringLiteral("stages"),       QStringLiteral("variables"), QStringLiteral("include"),
        QStringLiteral("default"),      QStringLiteral("workflow"),  QStringLiteral("image"),
        QStringLiteral("services"),     QStringLiteral("cache"),     QStringLiteral("before_script"),
        QStringLiteral("after_script"), QStringLiteral("types"),     QStringLiteral("spec"),
    };
    return keywords;
}

QString text(const YAML::Node& node)
{
    return QString::fromStdString(node.Scalar());
}

} // namespace

Result<NeedsMap> CiConfigNeeds::fromGitLabYaml(const QByteArray& yaml)
{
    NeedsMap needs;
    try {
        // A config may hold several documents (`spec:` header + body); jobs live in the last one.
        const std::vector<YAML::Node> documents = YAML::LoadAll(yaml.toStdString());
        for (const YAML::Node& root : documents) {
            if (!root.IsMap())
                continue;
            for (const auto& entry : root) {
                if (!entry.first.IsScalar() || !entry.second.IsMap())
                    continue;
                const QString name = text(entry.first);
                if (name.startsWith(QLatin1Char('.')) || globalKeywords().contains(name))
                    continue;
                const YAML::Node list = entry.second["needs"];
                if (!list.IsDefined() || list.IsNull())
                    continue;
                QStringList jobs;
                if (list.IsSequence()) {
                    for (const YAML::Node& need : list) {
                        if (need.IsScalar()) {
                            jobs.append(text(need));
                        } else if (need.IsMap() && need["job"].IsScalar() && !need["project"].IsDefined()
                                   && !need["pipeline"].IsDefined()) {
                            // Cross-project and parent-pipeline needs are not jobs of this pipeline.
                            jobs.append(text(need["job"]));
                        }
                    }
                } else if (list.IsScalar()) {
                    jobs.append(text(list));
                }
                needs.insert(name, jobs);
            }
        }
    } catch (const YAML::Exception& error) {
        return makeError(QStringLiteral("runs.yaml"),
                         QStringLiteral("line %1, column %2: %3")
                             .arg(error.mark.line + 1)
                             .arg(error.mark.column + 1)
                             .arg(QString::fromStdString(error.msg)));
    }
    return needs;
}

} // namespace gatehouse::runs
