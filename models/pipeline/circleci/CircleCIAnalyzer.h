// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the CircleCI checks (CircleCIConfig.cpp, CircleCIWorkflows.cpp): one analysis of one configuration.

#include "CircleCIParameters.h"

#include "pipeline/PipelineModel.h"

namespace gatehouse::pipeline::circleci {

/// A reusable definition: a job, a command or an executor, with its declared parameters.
struct Definition
{
    const YamlNode* node = nullptr;
    const YamlNode* key = nullptr;
    QList<Parameter> parameters;
};

class Analyzer
{
public:
    Analyzer(const QString& path, QList<Diagnostic>& diagnostics);
    PipelineModel run(const QByteArray& text);

    void report(const YamlNode& at, Severity severity, Category category, const QString& rule, const QString& message);
    const Report& reporter() const { return m_report; }

    // Definitions (CircleCIConfig.cpp).
    void readDefinitions();
    void checkDefinition(const Definition& definition, const QString& what, bool job);
    void checkSteps(const YamlNode& steps, const QString& owner, int depth = 0);
    void checkStep(const YamlNode& step, const QString& owner, int depth);
    void checkExecutorReference(const YamlNode& executor, const QString& owner);
    void checkCondition(const YamlNode& condition, const QString& owner, int depth = 0);
    void checkReferences(const YamlNode& node, const QList<Parameter>& declared, const QString& owner, bool matrix);
    /// Whether `name` is `alias/thing` for an imported orb; reports an unknown alias.
    bool isOrbReference(const QString& name, const YamlNode& at, const QString& what);

    // Resolution.
    YamlNode resolveJob(const QString& jobKey, const YamlNode& call, const YamlNode& at,
                        const QHash<QString, YamlNode>& matrix);
    YamlNode expandSteps(const YamlNode& steps, int depth);
    void mergeExecutor(YamlNode& job, const YamlNode& executor);

    // Workflows (CircleCIWorkflows.cpp).
    void buildWorkflows();
    void checkFilters(const YamlNode* filters, const QString& owner);

    PipelineModel m_model;
    QList<Diagnostic>& m_diagnostics;
    Report m_report;
    YamlNode m_root;
    double m_version = 2.1;
    QHash<QString, Definition> m_jobs;
    QHash<QString, Definition> m_commands;
    QHash<QString, Definition> m_executors;
    QStringList m_orbs; ///< aliases
    QList<Parameter> m_pipelineParameters;
    Scope m_pipelineScope;
};

} // namespace gatehouse::pipeline::circleci
