// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitLabPipeline.h"

#include "SchemaValidator.h"
#include "YamlReader.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace gatehouse::pipeline {

namespace {

const QStringList& globalKeywords()
{
    static const QStringList keywords
        = {QStringLiteral("default"),      QStringLiteral("include"),  QStringLiteral("stages"),
           QStringLiteral("variables"),    QStringLiteral("workflow"), QStringLiteral("image"),
           QStringLiteral("services"),     QStringLiteral("cache"),    QStringLiteral("before_script"),
           QStringLiteral("after_script"), QStringLiteral("types"),    QStringLiteral("spec")};
    return keywords;
}

/// Keywords `default:` (and the deprecated top-level forms) give to jobs that do not set them.
const QStringList& defaultKeywords()
{
    static const QStringList keywords
        = {QStringLiteral("after_script"), QStringLiteral("artifacts"),     QStringLiteral("before_script"),
           QStringLiteral("cache"),        QStringLiteral("hooks"),         QStringLiteral("id_tokens"),
           QStringLiteral("image"),        QStringLiteral("interruptible"), QStringLiteral("retry"),
           QStringLiteral("services"),     QStringLiteral("tags"),          QStringLiteral("timeout"),
           QStringLiteral("identity")};
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

void flattenInto(const YamlNode& node, YamlNode& out)
{
    if (node.kind == YamlNode::Kind::Sequence) {
        for (const YamlNode& item : node.items)
            flattenInto(item, out);
    } else {
        out.items.push_back(node);
    }
}

/// Script-like arrays and rules may nest (that is what `!reference` inside them produces); GitLab flattens them.
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

class Analyzer
{
public:
    Analyzer(const QString& path, const FileSource& files, QList<Diagnostic>& diagnostics)
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

    bool readConfig(const QByteArray& text, int fileIndex, YamlNode* config);
    YamlNode expandIncludes(YamlNode config, int fileIndex, QStringList chain);
    QStringList matchLocal(const QString& pattern, const YamlNode& at);
    void resolveExtends();
    YamlNode resolveJob(const QString& name, QStringList chain);
    void resolveReferences(YamlNode& node, int depth);
    void buildStages();
    void buildJobs();
    void validateSchema();
    void checkJobs();
    void checkNeedsCycles();

    FileSource m_files;
    QList<Diagnostic>& m_diagnostics;
    PipelineModel m_model;
    bool m_fragment = false;
    bool m_partial = false;
    int m_includeCount = 0;
    YamlNode m_config; ///< after include
    QHash<QString, YamlNode> m_resolved; ///< job/template name → config after extends
    QHash<QString, bool> m_extendsFailed;
    QHash<QString, int> m_stageIndex;
    QHash<QString, QStringList> m_instances; ///< base name → instance names
};

bool Analyzer::readConfig(const QByteArray& text, int fileIndex, YamlNode* config)
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
    // A `spec:` header document (inputs) comes first; the configuration follows the `---`.
    if (set.documents.size() >= 2 && document->isMap() && document->contains(u"spec")) {
        document->setFile(fileIndex);
        SchemaValidator(KeywordTables::gitlab(), m_model.files, m_diagnostics)
            .validateMap(*document, QStringLiteral("root"), QStringLiteral("the header"));
        document = &set.documents[1];
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

QStringList Analyzer::matchLocal(const QString& pattern, const YamlNode& at)
{
    if (!pattern.contains(u'*'))
        return {pattern};
    const QStringList all = m_files.list ? m_files.list() : QStringList();
    if (all.isEmpty()) {
        report(
            at, Severity::Warning, Category::Semantic, QStringLiteral("include-not-checked"),
            QStringLiteral("cannot expand the wildcard include '%1' without the repository's file list").arg(pattern));
        return {};
    }
    QString regex;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.mid(i, 3) == u"**/") {
            regex += QStringLiteral("(.*/)?");
            i += 2;
        } else if (pattern.mid(i, 2) == u"**") {
            regex += QStringLiteral(".*");
            ++i;
        } else if (pattern[i] == u'*') {
            regex += QStringLiteral("[^/]*");
        } else {
            regex += QRegularExpression::escape(QString(pattern[i]));
        }
    }
    const QRegularExpression re(QRegularExpression::anchoredPattern(regex));
    QStringList matches;
    for (const QString& file : all) {
        if (re.match(file).hasMatch())
            matches.append(file);
    }
    matches.sort();
    if (matches.isEmpty())
        report(at, Severity::Warning, Category::Semantic, QStringLiteral("include-no-match"),
               QStringLiteral("the wildcard include '%1' matches no file").arg(pattern));
    return matches;
}

YamlNode Analyzer::expandIncludes(YamlNode config, int fileIndex, QStringList chain)
{
    const YamlNode* include = config.get(u"include");
    if (!include)
        return config;
    SchemaValidator(KeywordTables::gitlab(), m_model.files, m_diagnostics)
        .validateValue(*include, KeywordTables::gitlab().map(QStringLiteral("root"))->key(u"include")->value,
                       QStringLiteral("include"));
    YamlNodeList entries;
    if (include->isSequence())
        entries = include->items;
    else if (!include->isNull())
        entries.push_back(*include);

    YamlNode merged = YamlNode::map(config.line, config.column);
    merged.file = fileIndex;
    for (const YamlNode& entry : entries) {
        QString local;
        QString otherKind;
        QString otherWhat;
        if (entry.isScalar()) {
            if (entry.value.startsWith(u"http://") || entry.value.startsWith(u"https://")) {
                otherKind = QStringLiteral("remote");
                otherWhat = entry.value;
            } else {
                local = entry.value;
            }
        } else if (entry.isMap()) {
            if (const YamlNode* l = entry.get(u"local"))
                local = l->value;
            for (const char* kind : {"project", "remote", "template", "component"}) {
                if (const YamlNode* v = entry.get(QString::fromLatin1(kind)); v && otherKind.isEmpty()) {
                    otherKind = QString::fromLatin1(kind);
                    otherWhat = v->value;
                }
            }
        } else {
            continue;
        }
        if (!otherKind.isEmpty()) {
            m_partial = true;
            m_model.unresolvedIncludes.append(otherKind + u':' + otherWhat);
            report(entry, Severity::Info, Category::Semantic, QStringLiteral("include-unresolved"),
                   QStringLiteral("include:%1 '%2' is not resolved (no network access); the jobs and templates it "
                                  "defines are not checked")
                       .arg(otherKind, otherWhat));
            continue;
        }
        if (local.isEmpty())
            continue;
        if (local.contains(u'$')) {
            m_partial = true;
            report(entry, Severity::Info, Category::Semantic, QStringLiteral("include-unresolved"),
                   QStringLiteral("include '%1' uses variables and is not resolved").arg(local));
            continue;
        }
        if (local.startsWith(u'/'))
            local.remove(0, 1);
        for (const QString& path : matchLocal(local, entry)) {
            if (chain.contains(path)) {
                report(entry, Severity::Error, Category::Semantic, QStringLiteral("include-cycle"),
                       QStringLiteral("include cycle: %1; expected each file to be included once")
                           .arg(joinChain(chain + QStringList{path})));
                continue;
            }
            if (chain.size() > GitLabPipeline::MaxIncludeDepth) {
                report(entry, Severity::Error, Category::Semantic, QStringLiteral("include-too-deep"),
                       QStringLiteral("includes are nested more than %1 levels deep (GitLab's limit)")
                           .arg(GitLabPipeline::MaxIncludeDepth));
                continue;
            }
            if (++m_includeCount > GitLabPipeline::MaxIncludes) {
                report(entry, Severity::Error, Category::Semantic, QStringLiteral("too-many-includes"),
                       QStringLiteral("more than %1 included files (GitLab's limit)").arg(GitLabPipeline::MaxIncludes));
                return config;
            }
            Result<QByteArray> content = m_files.read
                ? m_files.read(path)
                : Result<QByteArray>(makeError(QStringLiteral("io.unavailable"), QString()));
            if (!content.ok()) {
                if (m_files.complete) {
                    report(entry, Severity::Error, Category::Semantic, QStringLiteral("include-not-found"),
                           QStringLiteral("the included file '%1' does not exist in the repository").arg(path));
                } else {
                    m_partial = true;
                    report(entry, Severity::Warning, Category::Semantic, QStringLiteral("include-not-checked"),
                           QStringLiteral("the included file '%1' is not available here, so its jobs are not "
                                          "checked")
                               .arg(path));
                }
                continue;
            }
            const int index = int(m_model.files.size());
            m_model.files.append(path);
            YamlNode child;
            if (!readConfig(content.value(), index, &child))
                continue;
            child = expandIncludes(std::move(child), index, chain + QStringList{path});
            merged = GitLabPipeline::deepMerge(merged, child);
        }
    }
    config.remove(u"include");
    return GitLabPipeline::deepMerge(merged, config);
}

YamlNode Analyzer::resolveJob(const QString& name, QStringList chain)
{
    if (const auto it = m_resolved.constFind(name); it != m_resolved.constEnd())
        return *it;
    const YamlNode* own = m_config.get(name);
    if (!own)
        return {};
    const YamlNode* extends = own->get(u"extends");
    if (!own->isMap() || !extends) {
        m_resolved.insert(name, *own);
        return *own;
    }
    chain.append(name);
    std::vector<const YamlNode*> parents;
    if (extends->isScalar())
        parents.push_back(extends);
    for (const YamlNode& item : extends->items)
        parents.push_back(&item);

    YamlNode result = YamlNode::map(own->line, own->column);
    result.file = own->file;
    for (const YamlNode* parentNode : parents) {
        const QString parent = parentNode->value;
        if (chain.contains(parent)) {
            report(*parentNode, Severity::Error, Category::Semantic, QStringLiteral("extends-cycle"),
                   QStringLiteral("extends loop: %1; expected a chain that ends")
                       .arg(joinChain(chain + QStringList{parent})));
            m_extendsFailed.insert(chain.first(), true);
            continue;
        }
        if (chain.size() > GitLabPipeline::MaxExtendsDepth) {
            report(*parentNode, Severity::Error, Category::Semantic, QStringLiteral("extends-too-deep"),
                   QStringLiteral("extends is nested more than %1 levels (%2); GitLab allows %1")
                       .arg(GitLabPipeline::MaxExtendsDepth)
                       .arg(joinChain(chain + QStringList{parent})));
            m_extendsFailed.insert(chain.first(), true);
            continue;
        }
        const YamlNode* parentConfig = m_config.get(parent);
        if (!parentConfig || !parentConfig->isMap()) {
            QStringList candidates;
            for (const YamlNode& key : m_config.keys) {
                if (!GitLabPipeline::isGlobalKeyword(key.value))
                    candidates.append(key.value);
            }
            report(*parentNode, parentConfig ? Severity::Error : unlessPartial(), Category::Semantic,
                   QStringLiteral("extends-unknown"),
                   parentConfig ? QStringLiteral("'%1' extends '%2', which is not a mapping").arg(name, parent)
                                : QStringLiteral("'%1' extends '%2', which is not defined%3%4")
                                      .arg(name, parent, didYouMean(parent, candidates), partialNote()));
            m_extendsFailed.insert(name, true);
            continue;
        }
        const YamlNode parentResolved = resolveJob(parent, chain);
        if (m_extendsFailed.value(parent))
            m_extendsFailed.insert(name, true);
        result = GitLabPipeline::deepMerge(result, parentResolved);
    }
    YamlNode ownCopy = *own;
    ownCopy.remove(u"extends");
    result = GitLabPipeline::deepMerge(result, ownCopy);
    result.line = own->line;
    result.column = own->column;
    result.file = own->file;
    result.remove(u"extends");
    m_resolved.insert(name, result);
    return result;
}

void Analyzer::resolveExtends()
{
    for (const YamlNode& key : m_config.keys) {
        if (!GitLabPipeline::isGlobalKeyword(key.value))
            resolveJob(key.value, {});
    }
    for (size_t i = 0; i < m_config.keys.size(); ++i) {
        const QString& name = m_config.keys[i].value;
        if (m_resolved.contains(name))
            m_config.items[i] = m_resolved.take(name);
    }
}

void Analyzer::resolveReferences(YamlNode& node, int depth)
{
    if (node.tag == u"!reference") {
        const QStringList path = node.toStringList();
        if (!node.isSequence() || path.isEmpty() || path.size() != node.size()) {
            report(node, Severity::Error, Category::Syntax, QStringLiteral("invalid-reference"),
                   QStringLiteral("!reference takes a sequence of names, such as !reference [.setup, script]"));
            node = YamlNode();
            return;
        }
        if (depth >= GitLabPipeline::MaxReferenceDepth) {
            report(node, Severity::Error, Category::Semantic, QStringLiteral("reference-too-deep"),
                   QStringLiteral("!reference tags are nested more than %1 levels deep")
                       .arg(GitLabPipeline::MaxReferenceDepth));
            node = YamlNode();
            return;
        }
        const YamlNode* target = &m_config;
        for (qsizetype i = 0; i < path.size(); ++i) {
            const YamlNode* next = target->get(path[i]);
            if (!next) {
                const bool missingTop = i == 0;
                report(node, missingTop ? unlessPartial() : Severity::Error, Category::Semantic,
                       QStringLiteral("reference-not-found"),
                       QStringLiteral("!reference [%1]: '%2' has no key '%3'%4%5")
                           .arg(path.join(QStringLiteral(", ")),
                                i == 0 ? QStringLiteral("the configuration") : path[i - 1], path[i],
                                didYouMean(path[i], target->keyNames()), missingTop ? partialNote() : QString()));
                node = YamlNode();
                return;
            }
            target = next;
        }
        YamlNode copy = *target;
        resolveReferences(copy, depth + 1);
        node = std::move(copy);
        return;
    }
    // Only the branches that hold a reference are touched, so subtrees shared by extends stay shared.
    const YamlNodeList& children = node.items;
    for (size_t i = 0; i < children.size(); ++i) {
        if (containsReference(children[i]))
            resolveReferences(node.items[i], depth);
    }
}

void Analyzer::buildStages()
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

void Analyzer::buildJobs()
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
            else if (m_config.get(keyword)
                     && (keyword == u"image" || keyword == u"services" || keyword == u"cache"
                         || keyword == u"before_script" || keyword == u"after_script"))
                job.config.set(keyword, *m_config.get(keyword));
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
            static const QRegularExpression part(
                QStringLiteral("(\\d+)\\s*(h|hr|hour|m|min|minute|s|sec|second|d|day)?"),
                QRegularExpression::CaseInsensitiveOption);
            int minutes = 0;
            auto it = part.globalMatch(timeout->value);
            while (it.hasNext()) {
                const auto m = it.next();
                const int n = m.captured(1).toInt();
                const QString unit = m.captured(2).toLower();
                if (unit.startsWith(u'h'))
                    minutes += n * 60;
                else if (unit.startsWith(u'd'))
                    minutes += n * 1440;
                else if (unit.startsWith(u'm'))
                    minutes += n;
                else
                    minutes += std::max(1, n / 60);
            }
            job.timeoutMinutes = minutes;
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

void Analyzer::validateSchema()
{
    SchemaValidator validator(KeywordTables::gitlab(), m_model.files, m_diagnostics);
    const MapSchema* root = KeywordTables::gitlab().map(QStringLiteral("root"));
    for (size_t i = 0; i < m_config.keys.size(); ++i) {
        const QString& key = m_config.keys[i].value;
        if (key == u"include")
            continue;
        if (const KeySpec* spec = root->key(key))
            validator.validateValue(m_config.items[i], spec->value, key);
    }
    // A variable's value must be one of its options.
    if (const YamlNode* variables = m_config.get(u"variables"); variables && variables->isMap()) {
        for (size_t i = 0; i < variables->keys.size(); ++i) {
            const YamlNode& variable = variables->items[i];
            const YamlNode* options = variable.isMap() ? variable.get(u"options") : nullptr;
            const YamlNode* value = variable.isMap() ? variable.get(u"value") : nullptr;
            if (!options || !options->isSequence())
                continue;
            if (!value)
                report(variables->keys[i], Severity::Error, Category::Schema, QStringLiteral("missing-key"),
                       QStringLiteral("variable '%1' has options but no value; expected a value that is one of them")
                           .arg(variables->keys[i].value));
            else if (!options->toStringList().contains(value->value))
                report(*value, Severity::Error, Category::Schema, QStringLiteral("invalid-value"),
                       QStringLiteral("the value '%1' of variable '%2' is not one of its options: %3")
                           .arg(value->value, variables->keys[i].value,
                                options->toStringList().join(QStringLiteral(", "))));
        }
    }
    QSet<QString> seen;
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        const YamlNode* config = m_config.get(job.baseName);
        validator.validateMap(config ? *config : job.config, QStringLiteral("job"),
                              QStringLiteral("job '%1'").arg(job.baseName));
    }
}

void Analyzer::checkJobs()
{
    QSet<QString> visibleBase;
    QHash<QString, const PipelineJob*> byInstance;
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        visibleBase.insert(job.baseName);
        byInstance.insert(job.name, &job);
    }
    QStringList allNames(visibleBase.begin(), visibleBase.end());
    allNames.sort();

    if (m_model.jobs.isEmpty()) {
        const bool partial = m_fragment || m_partial;
        report(m_config, partial ? Severity::Info : Severity::Error, Category::Semantic,
               QStringLiteral("no-visible-job"),
               partial ? QStringLiteral("no visible job in this file (fine for an included file or a template)")
                       : QStringLiteral("the pipeline has no visible job; expected at least one job whose name does "
                                        "not start with '.'"));
    }

    QSet<QString> checked;
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (checked.contains(job.baseName))
            continue;
        checked.insert(job.baseName);
        const YamlNode& config = *m_config.get(job.baseName);
        const YamlNode* keyNode = m_config.keyNode(job.baseName);
        const YamlNode& at = keyNode ? *keyNode : config;
        const int stageIndex = m_stageIndex.value(job.stage, -1);

        // Stage.
        if (stageIndex < 0) {
            const YamlNode* stageNode = config.get(u"stage") ? config.get(u"stage") : config.get(u"type");
            report(stageNode ? *stageNode : at, unlessPartial(), Category::Semantic, QStringLiteral("undefined-stage"),
                   QStringLiteral("job '%1' uses stage '%2', which is not defined%3; available stages: %4")
                       .arg(job.baseName, job.stage, didYouMean(job.stage, m_model.stages),
                            m_model.stages.join(QStringLiteral(", "))));
        }

        // script / trigger / run.
        if (!job.config.contains(u"script") && !job.config.contains(u"trigger") && !job.config.contains(u"run")
            && !m_extendsFailed.value(job.baseName)) {
            report(at, unlessPartial(), Category::Semantic, QStringLiteral("missing-script"),
                   QStringLiteral("job '%1' has no script, trigger or run; expected one of them%2")
                       .arg(job.baseName, config.contains(u"extends") ? partialNote() : QString()));
        }

        // rules vs only/except/when.
        if (config.contains(u"rules")) {
            for (const char* legacy : {"only", "except"}) {
                if (const YamlNode* k = config.keyNode(QString::fromLatin1(legacy)))
                    report(*k, Severity::Error, Category::Semantic, QStringLiteral("rules-with-only-except"),
                           QStringLiteral("job '%1' combines rules with %2; use rules only")
                               .arg(job.baseName, QLatin1StringView(legacy)));
            }
            if (const YamlNode* k = config.keyNode(u"when"); k && config.get(u"when")->value != u"never")
                report(*k, Severity::Warning, Category::Semantic, QStringLiteral("rules-with-when"),
                       QStringLiteral("job '%1' sets when: next to rules; the rules decide when the job runs, "
                                      "put when: inside the rules")
                           .arg(job.baseName));
        }

        // when: delayed needs start_in, and start_in needs when: delayed.
        const YamlNode* when = config.get(u"when");
        const YamlNode* startIn = config.get(u"start_in");
        if (when && when->value == u"delayed" && !startIn)
            report(*when, Severity::Error, Category::Semantic, QStringLiteral("delayed-without-start-in"),
                   QStringLiteral("job '%1' is delayed but has no start_in; expected e.g. start_in: 30 minutes")
                       .arg(job.baseName));
        if (startIn && (!when || when->value != u"delayed") && !config.contains(u"rules"))
            report(*startIn, Severity::Error, Category::Semantic, QStringLiteral("start-in-without-delayed"),
                   QStringLiteral("start_in only applies to when: delayed jobs"));

        // parallel:matrix size.
        if (const YamlNode* parallel = config.get(u"parallel"); parallel && parallel->isMap()) {
            const qsizetype count = m_instances.value(job.baseName).size();
            if (count > 200)
                report(*parallel, Severity::Error, Category::Semantic, QStringLiteral("matrix-too-large"),
                       QStringLiteral("parallel:matrix creates %1 jobs; GitLab allows 200").arg(count));
        }

        // needs.
        const YamlNode* needs = config.get(u"needs");
        QStringList needed;
        if (needs && needs->isSequence()) {
            if (needs->size() > 50)
                report(*needs, Severity::Warning, Category::Semantic, QStringLiteral("too-many-needs"),
                       QStringLiteral("job '%1' has %2 needs; GitLab's default limit is 50")
                           .arg(job.baseName)
                           .arg(needs->size()));
            QHash<QString, int> seenNeeds;
            for (const YamlNode& need : needs->items) {
                QString name;
                bool optional = false;
                const YamlNode* at2 = &need;
                if (need.isScalar()) {
                    name = need.value;
                } else if (need.isMap()) {
                    if (need.contains(u"project") || need.contains(u"pipeline"))
                        continue; // another project's or pipeline's job
                    if (const YamlNode* j = need.get(u"job")) {
                        name = j->value;
                        at2 = j;
                    }
                    if (const YamlNode* o = need.get(u"optional"))
                        optional = o->toBool(false);
                    if (const YamlNode* p = need.get(u"parallel"))
                        name += QStringLiteral(" ") + p->toFlowText(200); // distinct matrix selections
                }
                if (name.isEmpty() || name.contains(u'$'))
                    continue;
                if (seenNeeds.contains(name)) {
                    report(*at2, Severity::Error, Category::Semantic, QStringLiteral("duplicate-needs"),
                           QStringLiteral("job '%1' needs '%2' twice (also on line %3); expected each job once")
                               .arg(job.baseName, name)
                               .arg(seenNeeds.value(name)));
                    continue;
                }
                seenNeeds.insert(name, at2->line);
                const QString target = need.isMap() && need.get(u"job") ? need.get(u"job")->value : name;
                needed.append(target);
                const bool exists = visibleBase.contains(target) || byInstance.contains(target);
                if (!exists) {
                    if (optional)
                        continue;
                    const bool hidden = target.startsWith(u'.') && m_config.contains(target);
                    report(*at2, hidden ? Severity::Error : unlessPartial(), Category::Semantic,
                           QStringLiteral("needs-unknown-job"),
                           hidden ? QStringLiteral("job '%1' needs the hidden job '%2'; hidden jobs never run")
                                        .arg(job.baseName, target)
                                  : QStringLiteral("job '%1' needs '%2', which is not a job of this pipeline%3%4")
                                        .arg(job.baseName, target, didYouMean(target, allNames), partialNote()));
                    continue;
                }
                if (const YamlNode* p = need.isMap() ? need.get(u"parallel") : nullptr) {
                    // needs:parallel:matrix names instances of the needed job; each must exist.
                    for (const QString& instance : GitLabPipeline::instanceNames(target, *p)) {
                        if (!byInstance.contains(instance) && !instance.contains(u'$'))
                            report(*need.keyNode(u"parallel"), Severity::Error, Category::Semantic,
                                   QStringLiteral("needs-unknown-instance"),
                                   QStringLiteral("job '%1' needs '%2', but '%3' creates no such instance")
                                       .arg(job.baseName, instance, target));
                    }
                }
                const PipelineJob* other = byInstance.value(target);
                if (!other) {
                    for (const PipelineJob& j : std::as_const(m_model.jobs)) {
                        if (j.baseName == target) {
                            other = &j;
                            break;
                        }
                    }
                }
                const int otherStage = other ? m_stageIndex.value(other->stage, -1) : -1;
                if (stageIndex >= 0 && otherStage > stageIndex)
                    report(*at2, Severity::Error, Category::Semantic, QStringLiteral("needs-later-stage"),
                           QStringLiteral("job '%1' (stage %2) needs '%3', which is in the later stage %4; expected "
                                          "a job of the same or an earlier stage")
                               .arg(job.baseName, job.stage, target, other->stage));
            }
        }

        // dependencies.
        if (const YamlNode* dependencies = config.get(u"dependencies"); dependencies && dependencies->isSequence()) {
            for (const YamlNode& dependency : dependencies->items) {
                const QString target = dependency.value;
                if (target.contains(u'$'))
                    continue;
                if (!visibleBase.contains(target) && !byInstance.contains(target)) {
                    report(dependency, unlessPartial(), Category::Semantic, QStringLiteral("dependencies-unknown-job"),
                           QStringLiteral("job '%1' depends on '%2', which is not a job of this pipeline%3%4")
                               .arg(job.baseName, target, didYouMean(target, allNames), partialNote()));
                    continue;
                }
                const PipelineJob* other = byInstance.value(target);
                if (!other) {
                    for (const PipelineJob& j : std::as_const(m_model.jobs)) {
                        if (j.baseName == target) {
                            other = &j;
                            break;
                        }
                    }
                }
                const int otherStage = other ? m_stageIndex.value(other->stage, -1) : -1;
                if (needs && needs->isSequence()) {
                    if (!needed.contains(target))
                        report(dependency, Severity::Error, Category::Semantic,
                               QStringLiteral("dependencies-not-in-needs"),
                               QStringLiteral("job '%1' depends on '%2', which is not in its needs; expected "
                                              "dependencies to be a subset of needs")
                                   .arg(job.baseName, target));
                } else if (stageIndex >= 0 && otherStage > stageIndex) {
                    report(dependency, Severity::Error, Category::Semantic, QStringLiteral("dependencies-later-stage"),
                           QStringLiteral("job '%1' (stage %2) depends on '%3' of the later stage %4; expected a "
                                          "job of the same or an earlier stage")
                               .arg(job.baseName, job.stage, target, other->stage));
                }
            }
        }

        // trigger:include of a local child pipeline must exist (when the whole repository is visible).
        if (const YamlNode* trigger = config.get(u"trigger");
            trigger && trigger->isMap() && m_files.complete && m_files.read) {
            const YamlNode* include = trigger->get(u"include");
            const YamlNodeList entries = include && include->isSequence() ? include->items
                : include                                                 ? YamlNodeList{*include}
                                                                          : YamlNodeList{};
            for (const YamlNode& entry : entries) {
                const YamlNode* local = entry.isMap() ? entry.get(u"local") : (entry.isScalar() ? &entry : nullptr);
                if (!local || local->value.contains(u'$') || local->value.contains(u'*'))
                    continue;
                QString path = local->value;
                if (path.startsWith(u'/'))
                    path.remove(0, 1);
                if (!m_files.read(path).ok())
                    report(*local, Severity::Error, Category::Semantic, QStringLiteral("include-not-found"),
                           QStringLiteral("the child pipeline '%1' of job '%2' does not exist in the repository")
                               .arg(path, job.baseName));
            }
        }

        // environment:on_stop.
        if (const YamlNode* environment = config.get(u"environment"); environment && environment->isMap()) {
            if (const YamlNode* onStop = environment->get(u"on_stop"); onStop && !onStop->value.contains(u'$')) {
                const YamlNode* stopConfig = m_config.get(onStop->value);
                if (!visibleBase.contains(onStop->value)) {
                    report(*onStop, unlessPartial(), Category::Semantic, QStringLiteral("on-stop-unknown-job"),
                           QStringLiteral("environment:on_stop names '%1', which is not a job of this pipeline%2%3")
                               .arg(onStop->value, didYouMean(onStop->value, allNames), partialNote()));
                } else if (stopConfig) {
                    const YamlNode* stopEnvironment = stopConfig->get(u"environment");
                    const QString stopAction
                        = stopEnvironment && stopEnvironment->isMap() && stopEnvironment->get(u"action")
                        ? stopEnvironment->get(u"action")->value
                        : QString();
                    const QString stopName = stopEnvironment
                        ? (stopEnvironment->isMap()
                               ? (stopEnvironment->get(u"name") ? stopEnvironment->get(u"name")->value : QString())
                               : stopEnvironment->value)
                        : QString();
                    if (stopAction != u"stop" || stopName != job.environment)
                        report(*onStop, Severity::Warning, Category::Semantic, QStringLiteral("on-stop-inconsistent"),
                               QStringLiteral("the on_stop job '%1' should set environment name '%2' with action: stop")
                                   .arg(onStop->value, job.environment));
                }
            }
        }
    }
    checkNeedsCycles();
}

void Analyzer::checkNeedsCycles()
{
    // Graph over base names (instances of one job share their needs).
    QHash<QString, QStringList> edges;
    QStringList order;
    for (const PipelineJob& job : std::as_const(m_model.jobs)) {
        if (edges.contains(job.baseName))
            continue;
        order.append(job.baseName);
        QStringList targets;
        for (const QString& need : job.needs) {
            const PipelineJob* other = m_model.job(need);
            targets.append(other ? other->baseName : need);
        }
        edges.insert(job.baseName, targets);
    }
    QHash<QString, int> state; // 0 new, 1 on stack, 2 done
    QStringList stack;
    QSet<QString> reported;
    std::function<void(const QString&)> visit = [&](const QString& name) {
        state.insert(name, 1);
        stack.append(name);
        for (const QString& next : edges.value(name)) {
            if (!edges.contains(next))
                continue;
            const int s = state.value(next, 0);
            if (s == 1) {
                const QStringList cycle = stack.mid(stack.indexOf(next)) + QStringList{next};
                if (!reported.contains(next)) {
                    for (const QString& member : cycle)
                        reported.insert(member);
                    const YamlNode* at = m_config.keyNode(next);
                    report(at ? *at : m_config, Severity::Error, Category::Semantic, QStringLiteral("needs-cycle"),
                           QStringLiteral("needs cycle: %1; expected needs to form a graph without loops")
                               .arg(joinChain(cycle)));
                }
            } else if (s == 0) {
                visit(next);
            }
        }
        stack.removeLast();
        state.insert(name, 2);
    };
    for (const QString& name : std::as_const(order)) {
        if (state.value(name, 0) == 0)
            visit(name);
    }
}

PipelineModel Analyzer::run(const QByteArray& text)
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
    flatten(m_config.get(u"before_script"));
    flatten(m_config.get(u"after_script"));
    buildStages();
    buildJobs();
    validateSchema();
    checkJobs();
    m_model.merged = std::move(m_config);
    return std::move(m_model);
}

} // namespace

bool GitLabPipeline::isGlobalKeyword(const QString& key)
{
    return globalKeywords().contains(key);
}

YamlNode GitLabPipeline::deepMerge(const YamlNode& base, const YamlNode& overlay)
{
    if (!base.isMap() || !overlay.isMap())
        return overlay;
    YamlNode result = base;
    for (size_t i = 0; i < overlay.keys.size(); ++i) {
        const YamlNode& key = overlay.keys[i];
        size_t index = result.keys.size();
        for (size_t k = result.keys.size(); k-- > 0;) {
            if (result.keys[k].value == key.value) {
                index = k;
                break;
            }
        }
        if (index == result.keys.size()) {
            result.keys.push_back(key);
            result.items.push_back(overlay.items[i]);
            continue;
        }
        YamlNode& existing = result.items[index];
        existing
            = existing.isMap() && overlay.items[i].isMap() ? deepMerge(existing, overlay.items[i]) : overlay.items[i];
        // The overriding key's position wins (diagnostics and the job's home point at the later definition).
        result.keys[index] = key;
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
                                      QList<Diagnostic>& diagnostics)
{
    Analyzer analyzer(path, files, diagnostics);
    return analyzer.run(text);
}

} // namespace gatehouse::pipeline
