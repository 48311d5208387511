// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentRules.h"

#include <yaml-cpp/yaml.h>

namespace gatehouse::delivery {

namespace {

struct DefaultRule
{
    const char* glob;
    const char* environment;
};

// Most specific first: `deploy/staging/*` must win over `deploy/*`.
constexpr DefaultRule kDefaultRules[] = {
    {"deploy/staging/*", "staging"}, {"staging-*", "staging"},   {"stage-*", "staging"},
    {"deploy-*", "production"},      {"deploy/*", "production"}, {"production-*", "production"},
    {"prod-*", "production"},
};

TagRule makeGlobRule(const QString& glob, const QString& environment)
{
    TagRule rule;
    rule.syntax = TagRule::Syntax::Glob;
    rule.pattern = glob;
    rule.environment = environment;
    rule.regex = DeploymentRules::globToRegex(glob);
    return rule;
}

const QList<TagRule>& defaultRules()
{
    static const QList<TagRule> rules = [] {
        QList<TagRule> list;
        for (const DefaultRule& rule : kDefaultRules)
            list.append(makeGlobRule(QString::fromLatin1(rule.glob), QString::fromLatin1(rule.environment)));
        return list;
    }();
    return rules;
}

RuleDiagnostic diagnosticAt(const YAML::Mark& mark, const QString& code, const QString& message)
{
    RuleDiagnostic diagnostic;
    if (!mark.is_null()) {
        diagnostic.line = mark.line + 1;
        diagnostic.column = mark.column + 1;
    }
    diagnostic.code = code;
    diagnostic.message = message;
    return diagnostic;
}

QString scalarOf(const YAML::Node& node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar()).trimmed();
}

} // namespace

bool TagRule::matches(const QString& tagName) const
{
    return regex.isValid() && regex.match(tagName).hasMatch();
}

QString ruleSourceName(RuleSource source)
{
    switch (source) {
    case RuleSource::Config:
        return QStringLiteral("config");
    case RuleSource::Message:
        return QStringLiteral("message");
    case RuleSource::Default:
        return QStringLiteral("default");
    case RuleSource::Release:
        return QStringLiteral("release");
    case RuleSource::Platform:
        return QStringLiteral("platform");
    }
    return {};
}

QRegularExpression DeploymentRules::globToRegex(const QString& glob)
{
    // Our own conversion: Qt's wildcardToRegularExpression keeps `*` from crossing '/', but tag names such as
    // `deploy/eu/2026-01-01` should match `deploy/*`.
    QString pattern;
    pattern.reserve(glob.size() * 2 + 8);
    pattern += QLatin1String("\\A(?:");
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            pattern += QLatin1String(".*");
        } else if (c == QLatin1Char('?')) {
            pattern += QLatin1Char('.');
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = glob.indexOf(QLatin1Char(']'), i + 2);
            if (close < 0) {
                pattern += QLatin1String("\\[");
                continue;
            }
            QString body = glob.mid(i + 1, close - i - 1);
            if (body.startsWith(QLatin1Char('!')))
                body[0] = QLatin1Char('^');
            body.replace(QLatin1String("\\"), QLatin1String("\\\\"));
            pattern += QLatin1Char('[') + body + QLatin1Char(']');
            i = close;
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    pattern += QLatin1String(")\\z");
    return QRegularExpression(pattern);
}

bool DeploymentRules::isSemanticVersionTag(const QString& tagName)
{
    // semver.org's grammar, with MINOR-only versions allowed (`release-1.2`) and the customary prefixes.
    static const QRegularExpression semver(QStringLiteral(
        "\\A(?:v|V|release[-_/]|rel[-_/])?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?"
        "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
        "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?\\z"));
    return semver.match(tagName).hasMatch();
}

DeploymentRules DeploymentRules::defaults()
{
    return DeploymentRules();
}

DeploymentRules DeploymentRules::fromConfig(const QByteArray& yamlText, QList<RuleDiagnostic>* diagnostics)
{
    DeploymentRules rules;
    if (yamlText.trimmed().isEmpty())
        return rules;
    auto report = [diagnostics](RuleDiagnostic diagnostic) {
        if (diagnostics)
            diagnostics->append(std::move(diagnostic));
    };
    try {
        const YAML::Node root = YAML::Load(yamlText.toStdString());
        if (!root || root.IsNull())
            return rules;
        if (!root.IsMap()) {
            report(diagnosticAt(root.Mark(), QStringLiteral("config.deployments"),
                                QStringLiteral("the configuration is not a mapping")));
            return rules;
        }
        const YAML::Node deployments = root["deployments"];
        if (!deployments || deployments.IsNull())
            return rules;
        if (!deployments.IsMap()) {
            report(diagnosticAt(deployments.Mark(), QStringLiteral("config.deployments"),
                                QStringLiteral("`deployments` must be a mapping with `rules` (and `defaults`)")));
            return rules;
        }
        if (const YAML::Node useDefaults = deployments["defaults"]; useDefaults && !useDefaults.IsNull()) {
            const QString value = scalarOf(useDefaults).toLower();
            if (value == QLatin1String("false") || value == QLatin1String("no") || value == QLatin1String("off"))
                rules.m_useDefaults = false;
            else if (!(value == QLatin1String("true") || value == QLatin1String("yes") || value == QLatin1String("on")))
                report(diagnosticAt(useDefaults.Mark(), QStringLiteral("config.deployments"),
                                    QStringLiteral("`deployments.defaults` must be true or false")));
        }
        // `releases: "v*"` (or a list of globs): release tags, shown on the timeline as environment "release".
        QList<TagRule> releaseRules;
        if (const YAML::Node releases = deployments["releases"]; releases && !releases.IsNull()) {
            if (releases.IsScalar()) {
                releaseRules.append(makeGlobRule(scalarOf(releases), QStringLiteral("release")));
            } else if (releases.IsSequence()) {
                for (const YAML::Node& item : releases) {
                    if (item.IsScalar() && !scalarOf(item).isEmpty())
                        releaseRules.append(makeGlobRule(scalarOf(item), QStringLiteral("release")));
                }
            } else {
                report(diagnosticAt(releases.Mark(), QStringLiteral("config.deployments"),
                                    QStringLiteral("`deployments.releases` must be a glob or a list of globs")));
            }
        }
        // `rules:` and `tags:` are two names for the same list.
        const char* listKey = deployments["rules"] ? "rules" : "tags";
        const YAML::Node list = deployments[listKey];
        if (!list || list.IsNull()) {
            rules.m_configRules.append(releaseRules);
            return rules;
        }
        if (!list.IsSequence()) {
            report(diagnosticAt(list.Mark(), QStringLiteral("config.deployments"),
                                QStringLiteral("`deployments.%1` must be a list").arg(QLatin1String(listKey))));
            rules.m_configRules.append(releaseRules);
            return rules;
        }
        for (const YAML::Node& item : list) {
            if (!item.IsMap()) {
                report(diagnosticAt(item.Mark(), QStringLiteral("config.deployments"),
                                    QStringLiteral("a deployment rule must be a mapping with `pattern` or `regex` "
                                                   "and `environment`")));
                continue;
            }
            const QString environment = scalarOf(item["environment"]).toLower();
            const QString glob = scalarOf(item["pattern"]);
            const QString regex = scalarOf(item["regex"]);
            if (environment.isEmpty() || (glob.isEmpty() == regex.isEmpty())) {
                report(diagnosticAt(item.Mark(), QStringLiteral("config.deployments"),
                                    QStringLiteral("a deployment rule needs `environment` and exactly one of "
                                                   "`pattern` (glob) or `regex`")));
                continue;
            }
            if (!glob.isEmpty()) {
                rules.m_configRules.append(makeGlobRule(glob, environment));
                continue;
            }
            TagRule rule;
            rule.syntax = TagRule::Syntax::Regex;
            rule.pattern = regex;
            rule.environment = environment;
            rule.regex = QRegularExpression(QRegularExpression::anchoredPattern(regex));
            if (!rule.regex.isValid()) {
                const YAML::Node node = item["regex"];
                report(diagnosticAt(node.Mark(), QStringLiteral("config.regex"),
                                    QStringLiteral("invalid regular expression '%1': %2 (at offset %3)")
                                        .arg(regex, rule.regex.errorString())
                                        .arg(rule.regex.patternErrorOffset())));
                continue;
            }
            rules.m_configRules.append(std::move(rule));
        }
        rules.m_configRules.append(releaseRules);
    } catch (const YAML::Exception& exception) {
        report(diagnosticAt(exception.mark, QStringLiteral("config.yaml"), QString::fromStdString(exception.msg)));
    }
    return rules;
}

std::optional<TagClassification> DeploymentRules::classify(const QString& tagName,
                                                           const QString& annotatedMessage) const
{
    for (const TagRule& rule : m_configRules) {
        if (rule.matches(tagName))
            return TagClassification{rule.environment, RuleSource::Config, rule.pattern};
    }
    // "Production deployment of 1a2b3c4d", "Staging deployment" → the first word names the environment.
    static const QRegularExpression messageRule(QStringLiteral("\\A\\s*([A-Za-z][A-Za-z0-9_-]*)\\s+deployment\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (!annotatedMessage.isEmpty()) {
        // Words that describe a deployment rather than name its environment ("Rollback deployment of …").
        static const QStringList notEnvironments{
            QStringLiteral("rollback"),   QStringLiteral("emergency"), QStringLiteral("hotfix"),
            QStringLiteral("manual"),     QStringLiteral("automatic"), QStringLiteral("automated"),
            QStringLiteral("scheduled"),  QStringLiteral("new"),       QStringLiteral("initial"),
            QStringLiteral("first"),      QStringLiteral("final"),     QStringLiteral("failed"),
            QStringLiteral("successful"), QStringLiteral("partial"),   QStringLiteral("full"),
            QStringLiteral("cancelled"),  QStringLiteral("canceled"),  QStringLiteral("the"),
            QStringLiteral("a"),          QStringLiteral("this"),      QStringLiteral("weekly"),
            QStringLiteral("nightly"),    QStringLiteral("daily"),
        };
        const QRegularExpressionMatch match = messageRule.match(annotatedMessage);
        if (match.hasMatch() && !notEnvironments.contains(match.captured(1).toLower()))
            return TagClassification{match.captured(1).toLower(), RuleSource::Message, match.captured(0).trimmed()};
    }
    if (!m_useDefaults)
        return std::nullopt;
    for (const TagRule& rule : defaultRules()) {
        if (rule.matches(tagName))
            return TagClassification{rule.environment, RuleSource::Default, rule.pattern};
    }
    if (isSemanticVersionTag(tagName))
        return TagClassification{QStringLiteral("release"), RuleSource::Release, QStringLiteral("semantic version")};
    return std::nullopt;
}

} // namespace gatehouse::delivery
