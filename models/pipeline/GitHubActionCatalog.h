// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "YamlNode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::pipeline {

/// One row of the generated action data (GitHubActionData.cpp): an action's inputs and outputs at the newest tag of
/// one major version, as its published action.yml declares them.
struct ActionRecord
{
    const char* uses; ///< "owner/repo" or "owner/repo/path"
    int major; ///< -1: the action has no version tags (refs are branches)
    const char* tag;
    const char* commit;
    const char* runsUsing; ///< runs.using: node20, docker, composite, ...
    const char* inputs; ///< space separated; '!' required without a default, '~' deprecated
    const char* outputs; ///< space separated
};
const ActionRecord* actionRecords(qsizetype* count);

struct ActionInput
{
    QString name;
    bool required = false; ///< required and without a default
    bool deprecated = false;
    QString deprecationMessage;
};

/// What a workflow step can pass to an action and read from it.
struct ActionSpec
{
    QString uses; ///< as the step wrote it
    QString version; ///< the tag the data was read from ("v4.2.2"), or "local"
    QString runsUsing;
    /// False when the step names a branch: a branch may carry its own action.yml (taiki-e/install-action@nextest
    /// gives `tool` a default), so its required inputs are not known for sure.
    bool exact = true;
    QList<ActionInput> inputs;
    QStringList outputs;

    bool isDocker() const { return runsUsing == u"docker"; }
    const ActionInput* input(const QString& name) const; ///< ignoring case, as GitHub does
    QStringList inputNames() const;
};

/// The inputs and outputs of a widely used public action at the major version `uses` names ("actions/checkout@v4",
/// "github/codeql-action/init@v3"). A commit SHA is resolved through `pinComment` ("v4.2.2" from `# v4.2.2`), a
/// branch to the newest major. nullopt when the action or its major version is not in the data.
std::optional<ActionSpec> knownAction(const QString& uses, const QString& pinComment = {});
/// `steps.<id>.outputs` of a known public action, or nullopt when the action, its major version or its branch's
/// outputs are not known.
std::optional<QStringList> knownActionOutputs(const QString& uses, const QString& pinComment = {});
/// The spec of a local action from its action.yml.
ActionSpec actionSpecFromMetadata(const YamlNode& action, const QString& uses);

} // namespace gatehouse::pipeline
