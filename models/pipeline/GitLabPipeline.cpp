// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitLabAnalyzer.h"

#include "GitLabInputs.h"
#include "KeywordTables.h"
#include "SchemaValidator.h"
#include "YamlReader.h"

#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace gatehouse::pipeline {

using namespace gitlabdetail;

namespace gitlabdetail {

// Both lists come from the keyword table, so a keyword added there is known everywhere.
const QStringList& globalKeywords()
{
    static const QStringList keywords = KeywordTables::gitlab().map(QStringLiteral("root"))->keyNames();
    return keywords;
}

/// Keywords `default:` (and the deprecated top-level forms) give to jobs that do not set them.
const QStringList& defaultKeywords()
{
    static const QStringList keywords = KeywordTables::gitlab().map(QStringLiteral("default"))->keyNames();
    return keywords;
}

QString joinChain(const QStringList& chain)
{
    return chain.join(QStringLiteral(" → "));
}

bool containsReference(const YamlNode& node)
{
    if (node.tag == u"!reference")
        return true;
    for (const YamlNode& item : node.items) {
        if (containsReference(item))
            return true;
    }
    return false;
}

static void flattenInto(const YamlNode& node, YamlNode& out)
{
    if (node.kind == YamlNode::Kind::Sequence) {
        for (const YamlNode& item : node.items)
            flattenInto(item, out);
    } else {
        out.items.push_back(node);
    }
}

void flatten(YamlNode* node)
{
    if (!node || node->kind != YamlNode::Kind::Sequence)
        return;
    bool nested = false;
    for (const YamlNode& item : std::as_const(node->items))
        nested = nested || item.kind == YamlNode::Kind::Sequence;
    if (!nested)
        return;
    YamlNode flat = YamlNode::sequence(node->line, node->column);
    flat.file = node->file;
    flattenInto(*node, flat);
    *node = std::move(flat);
}

} // namespace gitlabdetail

bool GitLabAnalyzer::readConfig(const QByteArray& text, int fileIndex, YamlNode* config, const YamlNode* includeEntry)
{
    const QString path = m_model.files.value(fileIndex);
    YamlDocumentSet set = readYaml(text, path);
    m_diagnostics.append(set.diagnostics);
    if (!set.ok)
        return false;
    if (set.documents.empty()) {
        *config = YamlNode::map(1, 1);
        return true;
    }
    YamlNode* document = &set.documents[0];
    const YamlNode* given = includeEntry && includeEntry->isMap() ? includeEntry->get(u"inputs") : nullptr;
    // A `spec:` header document (inputs) comes first; the configuration follows the `---`.
    if (set.documents.size() >= 2 && document->isMap() && document->contains(u"spec")) {
        document->setFile(fileIndex);
        SchemaValidator(KeywordTables::gitlab(), m_model.files, m_diagnostics)
            .validateMap(*document, QStringLiteral("root"), QStringLiteral("the header"));
        const YamlNode* spec = document->get(u"spec");
        YamlNode& body = set.documents[1];
        body.setFile(fileIndex);
        const GitLabInputs::Given mode = includeEntry ? GitLabInputs::Given::Include
            : m_fragment                              ? GitLabInputs::Given::Unknown
                                                      : GitLabInputs::Given::PipelineRun;
        if (spec && spec->isMap())
            GitLabInputs::apply(*spec, given, mode, body, m_model.files, m_diagnostics);
        document = &body;
    } else if (given && includeEntry->keyNode(u"inputs")) {
        report(*includeEntry->keyNode(u"inputs"), Severity::Error, Category::Schema, QStringLiteral("input-unknown"),
               QStringLiteral("the included file '%1' has no spec:inputs header, so it takes no inputs").arg(path));
    }
    document->setFile(fileIndex);
    if (document->isNull()) {
        *config = YamlNode::map(1, 1);
        config->file = fileIndex;
        return true;
    }
    if (!document->isMap()) {
        report(*document, Severity::Error, Category::Syntax, QStringLiteral("not-a-mapping"),
               QStringLiteral("the configuration is %1; expected a mapping of keywords and jobs")
                   .arg(document->typeName()));
        return false;
    }
    *config = std::move(*document);
    return true;
}

void GitLabAnalyzer::buildStages()
{
    const YamlNode* stages = m_config.get(u"stages");
    if (!stages)
        stages = m_config.get(u"types");
    QStringList names;
    if (stages && stages->isSequence())
        names = stages->toStringList();
    else
        names = {QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("deploy")};
    names.removeAll(QStringLiteral(".pre"));
    names.removeAll(QStringLiteral(".post"));
    names.prepend(QStringLiteral(".pre"));
    names.append(QStringLiteral(".post"));
    names.removeDuplicates();
    m_model.stages = names;
    for (qsizetype i = 0; i < names.size(); ++i)
        m_stageIndex.insert(names[i], int(i));
}

void GitLabAnalyzer::buildJobs()
{
    const YamlNode* defaults = m_config.get(u"default");
    for (size_t i = 0; i < m_config.keys.size(); ++i) {
        const YamlNode& key = m_config.keys[i];
        const YamlNode& config = m_config.items[i];
        if (key.kind != YamlNode::Kind::Scalar || GitLabPipeline::isGlobalKeyword(key.value))
            continue;
        if (key.value.startsWith(u'.'))
            continue; // hidden job or anchor holder: GitLab ignores it
        if (!config.isMap()) {
            const QString suggestion = didYouMean(key.value, globalKeywords());
            if (!suggestion.isEmpty())
                report(key, Severity::Error, Category::Schema, QStringLiteral("unknown-key"),
                       QStringLiteral("unknown top-level keyword '%1'%2").arg(key.value, suggestion));
            else
                report(config.hasPosition() ? config : key, Severity::Error, Category::Schema,
                       QStringLiteral("job-not-mapping"),
                       QStringLiteral("job '%1' is %2; expected a mapping with script, trigger or run")
                           .arg(key.value,
                                config.isNull() ? QStringLiteral("empty") : QStringLiteral("a ") + config.typeName()));
            continue;
        }
        if (key.value.size() > GitLabPipeline::MaxJobNameLength)
            report(key, Severity::Error, Category::Schema, QStringLiteral("job-name-too-long"),
                   QStringLiteral("the job name has %1 characters; GitLab allows %2")
                       .arg(key.value.size())
                       .arg(GitLabPipeline::MaxJobNameLength));
        PipelineJob job;
        job.baseName = key.value;
        job.file = m_model.files.value(key.file);
        job.line = key.line;
        job.column = key.column;
        job.config = config;
        // default: (and the deprecated top-level forms) fill in what the job does not set, unless inherit says no.
        const YamlNode* inheritDefault = config.get(u"inherit") ? config.get(u"inherit")->get(u"default") : nullptr;
        auto inherits = [&](const QString& keyword) {
            if (!inheritDefault)
                return true;
            if (inheritDefault->isBool())
                return inheritDefault->toBool(true);
            return inheritDefault->toStringList().contains(keyword);
        };
        for (const QString& keyword : defaultKeywords()) {
            if (job.config.contains(keyword) || !inherits(keyword))
                continue;
            if (defaults && defaults->get(keyword))
                job.config.set(keyword, *defaults->get(keyword));
            else if (top(keyword)
                     && (keyword == u"image" || keyword == u"services" || keyword == u"cache"
                         || keyword == u"before_script" || keyword == u"after_script"))
                job.config.set(keyword, *top(keyword));
        }
        const YamlNode* stage = config.get(u"stage");
        if (!stage)
            stage = config.get(u"type");
        job.stage = stage && stage->isScalar() ? stage->value : QStringLiteral("test");
        if (const YamlNode* when = config.get(u"when"))
            job.when = when->value;
        if (job.when.isEmpty())
            job.when = QStringLiteral("on_success");
        if (const YamlNode* allow = config.get(u"allow_failure"))
            job.allowFailure = allow->isMap() || allow->toBool(false);
        if (job.config.contains(u"trigger") && !config.contains(u"allow_failure"))
            job.allowFailure = false;
        if (const YamlNode* environment = config.get(u"environment")) {
            if (environment->isScalar()) {
                job.environment = environment->value;
            } else if (environment->isMap()) {
                job.environment = environment->get(u"name") ? environment->get(u"name")->value : QString();
                job.environmentAction = environment->get(u"action") ? environment->get(u"action")->value : QString();
                job.environmentTier
                    = environment->get(u"deployment_tier") ? environment->get(u"deployment_tier")->value : QString();
            }
        }
        if (const YamlNode* image = job.config.get(u"image"))
            job.image = image->isMap() ? (image->get(u"name") ? image->get(u"name")->value : QString()) : image->value;
        if (const YamlNode* needs = config.get(u"needs")) {
            for (const YamlNode& need : needs->isSequence() ? needs->items : YamlNodeList{*needs}) {
                if (need.isScalar())
                    job.needs.append(need.value);
                else if (need.isMap() && need.get(u"job") && !need.contains(u"project") && !need.contains(u"pipeline"))
                    job.needs.append(need.get(u"job")->value);
            }
        }
        if (const YamlNode* timeout = job.config.get(u"timeout")) {
            const qint64 seconds = SchemaValidator::durationSeconds(timeout->value);
            // A timeout under a minute still counts as set.
            job.timeoutMinutes = seconds > 0 ? std::max(1, int(seconds / 60)) : 0;
        }
        QStringList names;
        if (const YamlNode* parallel = config.get(u"parallel"))
            names = GitLabPipeline::instanceNames(key.value, *parallel);
        if (names.isEmpty())
            names = {key.value};
        m_instances.insert(key.value, names);
        for (qsizetype n = 0; n < names.size(); ++n) {
            job.name = names[n];
            if (n + 1 == names.size())
                m_model.jobs.append(std::move(job));
            else
                m_model.jobs.append(job);
        }
    }
}

void GitLabAnalyzer::indexTop()
{
    m_topIndex.clear();
    m_topIndex.reserve(qsizetype(m_config.keys.size()));
    for (size_t i = 0; i < m_config.keys.size(); ++i) {
        if (m_config.keys[i].kind == YamlNode::Kind::Scalar)
            m_topIndex.insert(m_config.keys[i].value, i);
    }
}

PipelineModel GitLabAnalyzer::run(const QByteArray& text)
{
    YamlNode root;
    if (!readConfig(text, 0, &root))
        return m_model;
    if (root.keys.empty()) {
        report(YamlNode::map(1, 1), m_fragment ? Severity::Info : Severity::Error, Category::Semantic,
               QStringLiteral("empty"),
               QStringLiteral("the configuration is empty; expected stages and at least one job"));
        return m_model;
    }
    m_config = expandIncludes(std::move(root), 0, {m_model.file});
    indexTop();
    resolveExtends();
    resolveReferences(m_config, 0);
    for (size_t i = 0; i < m_config.items.size(); ++i) {
        YamlNode& job = m_config.items[i];
        for (const char* key : {"script", "before_script", "after_script", "rules", "cache"})
            flatten(job.get(QString::fromLatin1(key)));
        if (m_config.keys[i].value == u"default" || m_config.keys[i].value == u"workflow") {
            for (const char* key : {"before_script", "after_script", "rules", "cache"})
                flatten(job.get(QString::fromLatin1(key)));
        }
    }
    // Nested lists of stages (from anchors of stage lists) are flattened as GitLab does.
    flatten(m_config.get(u"stages"));
    flatten(m_config.get(u"types"));
    flatten(m_config.get(u"before_script"));
    flatten(m_config.get(u"after_script"));
    buildStages();
    buildJobs();
    if (m_modelReady) {
        PipelineModel built = m_model; // shares its data until either side changes it
        built.merged = m_config;
        m_modelReady(built);
    }
    validateSchema();
    checkJobs();
    m_model.merged = std::move(m_config);
    return std::move(m_model);
}

bool GitLabPipeline::isGlobalKeyword(const QString& key)
{
    return globalKeywords().contains(key);
}

YamlNode GitLabPipeline::deepMerge(const YamlNode& base, const YamlNode& overlay)
{
    if (!base.isMap() || !overlay.isMap())
        return overlay;
    YamlNode result = base;
    // Keys by name (the last of duplicates, as YamlNode::get), so merging two large files stays linear.
    QHash<QString, size_t> index;
    index.reserve(qsizetype(result.keys.size()));
    for (size_t k = 0; k < result.keys.size(); ++k)
        index.insert(result.keys[k].value, k);
    for (size_t i = 0; i < overlay.keys.size(); ++i) {
        const YamlNode& key = overlay.keys[i];
        const auto found = index.constFind(key.value);
        if (found == index.constEnd()) {
            index.insert(key.value, result.keys.size());
            result.keys.push_back(key);
            result.items.push_back(overlay.items[i]);
            continue;
        }
        YamlNode& existing = result.items[*found];
        existing
            = existing.isMap() && overlay.items[i].isMap() ? deepMerge(existing, overlay.items[i]) : overlay.items[i];
        // The overriding key's position wins (diagnostics and the job's home point at the later definition).
        result.keys[*found] = key;
    }
    return result;
}

QStringList GitLabPipeline::instanceNames(const QString& name, const YamlNode& parallel)
{
    QStringList names;
    if (parallel.isInteger()) {
        const qint64 total = parallel.toInteger();
        if (total < 1 || total > 200)
            return {};
        for (qint64 i = 1; i <= total; ++i)
            names.append(QStringLiteral("%1 %2/%3").arg(name).arg(i).arg(total));
        return names;
    }
    const YamlNode* matrix = parallel.get(u"matrix");
    if (!matrix || !matrix->isSequence())
        return {};
    for (const YamlNode& entry : matrix->items) {
        if (!entry.isMap())
            continue;
        // Cartesian product in key order, the first variable varying slowest (as GitLab names them).
        QList<QStringList> values;
        for (const YamlNode& value : entry.items) {
            QStringList list = value.isSequence() ? value.toStringList() : QStringList{value.value};
            values.append(list);
        }
        QList<QStringList> combinations{{}};
        for (const QStringList& list : std::as_const(values)) {
            QList<QStringList> next;
            for (const QStringList& prefix : std::as_const(combinations)) {
                for (const QString& v : list)
                    next.append(prefix + QStringList{v});
                if (next.size() > 1000)
                    break;
            }
            combinations = next;
        }
        for (const QStringList& combination : std::as_const(combinations))
            names.append(QStringLiteral("%1: [%2]").arg(name, combination.join(QStringLiteral(", "))));
        if (names.size() > 1000)
            break;
    }
    return names;
}

PipelineModel GitLabPipeline::analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                      QList<Diagnostic>& diagnostics, const ModelReady& modelReady)
{
    GitLabAnalyzer analyzer(path, files, diagnostics);
    analyzer.setModelReady(modelReady);
    return analyzer.run(text);
}

} // namespace gatehouse::pipeline
