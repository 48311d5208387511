// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the GitLab analysis (GitLabPipeline*.cpp): the state shared by the resolver (include, extends,
// !reference, inputs), the job builder and the checks. Not part of the core's API.

#include "GitLabPipeline.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace gatehouse::pipeline {

namespace gitlabdetail {
/// Top-level keys that are not jobs.
const QStringList& globalKeywords();
/// Keywords `default:` (and the deprecated top-level forms) give to jobs that do not set them.
const QStringList& defaultKeywords();
QString joinChain(const QStringList& chain);
bool containsReference(const YamlNode& node);
/// Script-like arrays and rules may nest (that is what `!reference` inside them produces); GitLab flattens them.
void flatten(YamlNode* node);
} // namespace gitlabdetail

class GitLabAnalyzer
{
public:
    GitLabAnalyzer(const QString& path, const FileSource& files, QList<Diagnostic>& diagnostics)
        : m_files(files)
        , m_diagnostics(diagnostics)
    {
        m_model.kind = PipelineKind::GitLab;
        m_model.file = path;
        m_model.files.append(path);
        // See the class comment: only the root file can be checked for completeness.
        m_fragment = QFileInfo(path).fileName() != u".gitlab-ci.yml";
    }

    PipelineModel run(const QByteArray& text);
    /// Called once the jobs are resolved, before the analyzer's own checks, with a snapshot of the model
    /// (`merged` set): work that needs only the resolved jobs can start then.
    void setModelReady(std::function<void(const PipelineModel&)> ready) { m_modelReady = std::move(ready); }

private:
    void report(const YamlNode& at, Severity severity, Category category, const QString& rule, const QString& message)
    {
        m_diagnostics.append(Diagnostic{m_model.files.value(at.file), at.line, at.column, severity, category,
                                        QStringLiteral("gitlab.") + rule, message});
    }
    /// Errors about things that might be defined where we cannot look become warnings.
    Severity unlessPartial() const { return m_fragment || m_partial ? Severity::Warning : Severity::Error; }
    QString partialNote() const
    {
        if (m_partial)
            return QStringLiteral(" (it may come from an include that is not resolved here)");
        if (m_fragment)
            return QStringLiteral(" (it may come from the file that includes this one)");
        return {};
    }

    /// Reads one file; `includeEntry` is the `include:` entry that brings it in (nullptr for the file checked).
    bool readConfig(const QByteArray& text, int fileIndex, YamlNode* config, const YamlNode* includeEntry = nullptr);
    YamlNode expandIncludes(YamlNode config, int fileIndex, QStringList chain);
    QStringList matchLocal(const QString& pattern, const YamlNode& at);
    void resolveExtends();
    YamlNode resolveJob(const QString& name, QStringList chain);
    void resolveReferences(YamlNode& node, int depth);
    void buildStages();
    void buildJobs();
    void validateSchema();
    void checkTriggerJob(const QString& name, const YamlNode& config);
    void checkChildInputs(const QString& path, const QByteArray& text, const YamlNode& entry);
    /// The pipeline's jobs by name, for the checks that name one job from another.
    struct JobIndex
    {
        QSet<QString> visibleBase;
        QHash<QString, const PipelineJob*> byInstance;
        QHash<QString, const PipelineJob*> byBase; ///< the first instance of each job
        QStringList allNames; ///< the visible base names, sorted (for "did you mean")
        bool exists(const QString& name) const { return visibleBase.contains(name) || byInstance.contains(name); }
        const PipelineJob* find(const QString& name) const
        {
            const PipelineJob* job = byInstance.value(name);
            return job ? job : byBase.value(name);
        }
    };
    /// Each job once (by base name): one check per concern below, then the needs cycles of the whole pipeline.
    void checkJobs();
    void checkStageAndScript(const PipelineJob& job, const YamlNode& config, const YamlNode& at, int stageIndex);
    /// rules against only/except/when, and when: delayed paired with start_in (on the job and in its rules).
    void checkRulesAndWhen(const PipelineJob& job, const YamlNode& config);
    void checkMatrixSize(const PipelineJob& job, const YamlNode& config);
    /// Returns the jobs the job needs (for the dependencies check).
    QStringList checkNeeds(const PipelineJob& job, const YamlNode& config, int stageIndex, const JobIndex& jobs);
    void checkDependencies(const PipelineJob& job, const YamlNode& config, int stageIndex, const JobIndex& jobs,
                           const QStringList& needed);
    /// trigger:include of a local child pipeline: the file exists, and the inputs given fit its spec.
    void checkChildPipelines(const PipelineJob& job, const YamlNode& config);
    void checkOnStop(const PipelineJob& job, const YamlNode& config, const JobIndex& jobs);
    void checkNeedsCycles();

    /// Top-level entry by name in O(1) (a pipeline may have tens of thousands of jobs); nullptr when absent.
    const YamlNode* top(const QString& name) const
    {
        const auto it = m_topIndex.constFind(name);
        return it == m_topIndex.constEnd() ? nullptr : &m_config.items[*it];
    }
    const YamlNode* topKey(const QString& name) const
    {
        const auto it = m_topIndex.constFind(name);
        return it == m_topIndex.constEnd() ? nullptr : &m_config.keys[*it];
    }
    void indexTop();

    FileSource m_files;
    QList<Diagnostic>& m_diagnostics;
    PipelineModel m_model;
    std::function<void(const PipelineModel&)> m_modelReady;
    bool m_fragment = false;
    bool m_partial = false;
    int m_includeCount = 0;
    YamlNode m_config; ///< after include
    QHash<QString, size_t> m_topIndex; ///< top-level key → index in m_config (the last of duplicates)
    QHash<QString, YamlNode> m_resolved; ///< job/template name → config after extends
    QHash<QString, bool> m_extendsFailed;
    QHash<QString, int> m_stageIndex;
    QHash<QString, QStringList> m_instances; ///< base name → instance names
};

} // namespace gatehouse::pipeline
