// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExpressionType.h"

#include <algorithm>

namespace gatehouse::pipeline::github {

ExpressionType ExpressionType::array(const ExpressionType& element)
{
    ExpressionType t = of(Kind::Array);
    t.element = std::make_shared<const ExpressionType>(element);
    return t;
}

ExpressionType ExpressionType::objectOf(std::shared_ptr<const ObjectShape> shape)
{
    ExpressionType t = of(Kind::Object);
    t.object = std::move(shape);
    return t;
}

ExpressionType ExpressionType::mapOf(const ExpressionType& value)
{
    auto shape = std::make_shared<ObjectShape>();
    shape->rest = value;
    return objectOf(std::move(shape));
}

QString ExpressionType::name() const
{
    switch (kind) {
    case Kind::Any:
        return QStringLiteral("any");
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bool:
        return QStringLiteral("boolean");
    case Kind::Number:
        return QStringLiteral("number");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Object:
        return QStringLiteral("object");
    case Kind::Array:
        return element && element->kind != Kind::Any ? QStringLiteral("array of %1").arg(element->name())
                                                     : QStringLiteral("array");
    }
    return {};
}

const ObjectShape::Property* ObjectShape::find(const QString& name) const
{
    const auto it = properties.constFind(name.toLower());
    return it == properties.constEnd() ? nullptr : &it.value();
}

QStringList ObjectShape::names() const
{
    QStringList result;
    for (const Property& property : properties)
        result.append(property.name);
    std::sort(result.begin(), result.end());
    return result;
}

namespace {

/// Reader of the compact type notation (see ExpressionType::fromSpec). The specs are written in this file, so a
/// malformed one is a programming error caught by the tests; it degrades to `any`.
class SpecReader
{
public:
    explicit SpecReader(QStringView text)
        : m_text(text)
    { }

    ExpressionType read()
    {
        if (m_pos >= m_text.size())
            return {};
        const QChar c = m_text[m_pos++];
        switch (c.unicode()) {
        case 's':
            return ExpressionType::of(ExpressionType::Kind::String);
        case 'n':
            return ExpressionType::of(ExpressionType::Kind::Number);
        case 'b':
            return ExpressionType::of(ExpressionType::Kind::Bool);
        case '[': {
            const ExpressionType element = read();
            expect(u']');
            return ExpressionType::array(element);
        }
        case '{':
            return readObject();
        default:
            return {};
        }
    }

private:
    void expect(QChar c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c)
            ++m_pos;
    }

    ExpressionType readObject()
    {
        auto shape = std::make_shared<ObjectShape>();
        while (m_pos < m_text.size() && m_text[m_pos] != u'}') {
            if (m_text[m_pos] == u'*') {
                ++m_pos;
                if (m_pos < m_text.size() && m_text[m_pos] == u':') {
                    ++m_pos;
                    shape->rest = read();
                } else {
                    shape->rest = ExpressionType::any();
                }
            } else {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != u':')
                    ++m_pos;
                const QString name = m_text.mid(start, m_pos - start).toString();
                ++m_pos;
                shape->add(name, read());
            }
            expect(u',');
        }
        expect(u'}');
        if (!shape->rest) {
            shape->unknownRule = QStringLiteral("unknown-property");
            shape->unknownMessage = QStringLiteral("'%1' is not a property of this object%3 (it has: %2)");
        }
        return ExpressionType::objectOf(std::move(shape));
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

// The payload shapes below follow GitHub's "Webhook events and payloads" and "Events that trigger workflows"
// pages. Every payload object stays open (`*`): GitHub adds fields, and a workflow may read ones not listed here;
// the listed fields give the type of what is read (a title is a string, so `title.x` is a mistake).
const QString user = QStringLiteral("{login:s,id:n,node_id:s,type:s,html_url:s,name:s,email:s,*}");
const QString repo = QStringLiteral("{id:n,node_id:s,name:s,full_name:s,owner:") + user
    + QStringLiteral(",private:b,html_url:s,clone_url:s,ssh_url:s,url:s,default_branch:s,fork:b,archived:b,"
                     "visibility:s,topics:[s],*}");
const QString label = QStringLiteral("{id:n,name:s,color:s,description:s,default:b,*}");
const QString commit = QStringLiteral("{id:s,tree_id:s,message:s,timestamp:s,url:s,distinct:b,author:{name:s,email:s,"
                                      "username:s,*},committer:{name:s,email:s,username:s,*},added:[s],removed:[s],"
                                      "modified:[s],*}");
const QString ref
    = QStringLiteral("{ref:s,sha:s,label:s,repo:") + repo + QStringLiteral(",user:") + user + QStringLiteral(",*}");
const QString pullRequest = QStringLiteral("{id:n,number:n,node_id:s,title:s,body:s,state:s,draft:b,merged:b,locked:b,"
                                           "html_url:s,url:s,diff_url:s,patch_url:s,merge_commit_sha:s,mergeable:b,"
                                           "created_at:s,updated_at:s,closed_at:s,merged_at:s,author_association:s,"
                                           "additions:n,deletions:n,changed_files:n,commits:n,user:")
    + user + QStringLiteral(",head:") + ref + QStringLiteral(",base:") + ref + QStringLiteral(",labels:[") + label
    + QStringLiteral("],assignees:[") + user + QStringLiteral("],requested_reviewers:[") + user
    + QStringLiteral("],milestone:{*},auto_merge:{*},merged_by:") + user + QStringLiteral(",*}");
const QString issue = QStringLiteral("{id:n,number:n,node_id:s,title:s,body:s,state:s,state_reason:s,locked:b,"
                                     "html_url:s,url:s,comments:n,created_at:s,updated_at:s,closed_at:s,"
                                     "author_association:s,user:")
    + user + QStringLiteral(",labels:[") + label + QStringLiteral("],assignees:[") + user
    + QStringLiteral("],pull_request:{url:s,html_url:s,diff_url:s,patch_url:s,merged_at:s,*},milestone:{*},*}");
const QString common = QStringLiteral("repository:") + repo + QStringLiteral(",sender:") + user
    + QStringLiteral(",organization:{login:s,id:n,*},installation:{*},enterprise:{*}");

QHash<QString, QString> eventSpecs()
{
    const QString pullRequestEvent = QStringLiteral("{action:s,number:n,before:s,after:s,pull_request:") + pullRequest
        + QStringLiteral(",label:") + label + QStringLiteral(",requested_reviewer:") + user + u',' + common
        + QStringLiteral(",*}");
    return {
        {QStringLiteral("push"),
         QStringLiteral("{ref:s,before:s,after:s,base_ref:s,compare:s,created:b,deleted:b,forced:b,commits:[") + commit
             + QStringLiteral("],head_commit:") + commit + QStringLiteral(",pusher:{name:s,email:s,*},") + common
             + QStringLiteral(",*}")},
        {QStringLiteral("pull_request"), pullRequestEvent},
        {QStringLiteral("pull_request_target"), pullRequestEvent},
        {QStringLiteral("workflow_dispatch"),
         QStringLiteral("{inputs:{*},ref:s,workflow:s,") + common + QStringLiteral(",*}")},
        {QStringLiteral("release"),
         QStringLiteral("{action:s,release:{id:n,tag_name:s,name:s,body:s,draft:b,prerelease:b,html_url:s,url:s,"
                        "upload_url:s,tarball_url:s,zipball_url:s,target_commitish:s,created_at:s,published_at:s,"
                        "assets:[{*}],author:")
             + user + QStringLiteral(",*},") + common + QStringLiteral(",*}")},
        {QStringLiteral("issues"),
         QStringLiteral("{action:s,issue:") + issue + QStringLiteral(",label:") + label + QStringLiteral(",assignee:")
             + user + QStringLiteral(",changes:{*},") + common + QStringLiteral(",*}")},
        {QStringLiteral("issue_comment"),
         QStringLiteral("{action:s,issue:") + issue
             + QStringLiteral(",comment:{id:n,node_id:s,body:s,html_url:s,url:s,created_at:s,updated_at:s,"
                              "author_association:s,user:")
             + user + QStringLiteral(",*},changes:{*},") + common + QStringLiteral(",*}")},
        {QStringLiteral("schedule"), QStringLiteral("{schedule:s,") + common + QStringLiteral(",*}")},
        {QStringLiteral("workflow_call"), QStringLiteral("{*}")},
        {QStringLiteral("workflow_run"),
         QStringLiteral("{action:s,workflow:{*},workflow_run:{id:n,name:s,display_title:s,event:s,status:s,"
                        "conclusion:s,head_branch:s,head_sha:s,run_number:n,run_attempt:n,workflow_id:n,html_url:s,"
                        "url:s,path:s,created_at:s,updated_at:s,pull_requests:[{id:n,number:n,url:s,head:{*},"
                        "base:{*},*}],head_commit:")
             + commit + QStringLiteral(",head_repository:") + repo + QStringLiteral(",repository:") + repo
             + QStringLiteral(",actor:") + user + QStringLiteral(",triggering_actor:") + user + QStringLiteral(",*},")
             + common + QStringLiteral(",*}")},
        {QStringLiteral("merge_group"),
         QStringLiteral("{action:s,merge_group:{head_sha:s,head_ref:s,base_sha:s,base_ref:s,head_commit:") + commit
             + QStringLiteral(",*},") + common + QStringLiteral(",*}")},
    };
}

const QHash<QString, ExpressionType>& eventTypes()
{
    static const QHash<QString, ExpressionType> types = [] {
        QHash<QString, ExpressionType> result;
        const QHash<QString, QString> specs = eventSpecs();
        for (auto it = specs.cbegin(); it != specs.cend(); ++it)
            result.insert(it.key(), ExpressionType::fromSpec(it.value()));
        return result;
    }();
    return types;
}

/// The payload of a workflow that runs on several events: the union of their fields (a field two events type
/// differently is `any`), open to fields not listed.
ExpressionType eventType(const QStringList& events)
{
    auto shape = std::make_shared<ObjectShape>();
    shape->rest = ExpressionType::any();
    for (const QString& event : events) {
        const auto it = eventTypes().constFind(event);
        if (it == eventTypes().constEnd() || !it->object)
            continue;
        for (const ObjectShape::Property& property : it->object->properties) {
            const ObjectShape::Property* known = shape->find(property.name);
            if (!known)
                shape->add(property.name, property.type);
            else if (known->type.kind != property.type.kind)
                shape->add(property.name, ExpressionType::any());
        }
    }
    return ExpressionType::objectOf(std::move(shape));
}

ExpressionType strictWithMessage(const QString& spec, const QString& context)
{
    ExpressionType type = ExpressionType::fromSpec(spec);
    auto shape = std::make_shared<ObjectShape>(*type.object);
    shape->unknownMessage
        = QStringLiteral("'%1' is not a property of the '") + context + QStringLiteral("' context%3 (it has: %2)");
    return ExpressionType::objectOf(std::move(shape));
}

} // namespace

ExpressionType ExpressionType::fromSpec(QStringView spec)
{
    return SpecReader(spec).read();
}

namespace contexts {

ExpressionType github(const QStringList& events)
{
    // The properties of the github context as listed on GitHub's "Contexts" page.
    static const ExpressionType base = strictWithMessage(
        QStringLiteral("{action:s,action_path:s,action_ref:s,action_repository:s,action_status:s,actor:s,actor_id:s,"
                       "api_url:s,base_ref:s,env:s,event_name:s,event_path:s,graphql_url:s,head_ref:s,job:s,job_"
                       "workflow_sha:s,path:s,"
                       "ref:s,ref_name:s,ref_protected:b,ref_type:s,repository:s,repository_id:s,repository_owner:s,"
                       "repository_owner_id:s,repositoryUrl:s,retention_days:s,run_id:s,run_number:s,run_attempt:s,"
                       "secret_source:s,server_url:s,sha:s,token:s,triggering_actor:s,workflow:s,workflow_ref:s,"
                       "workflow_sha:s,workspace:s,output:s,state:s,step_summary:s}"),
        QStringLiteral("github"));
    auto shape = std::make_shared<ObjectShape>(*base.object);
    shape->add(QStringLiteral("event"), eventType(events));
    return ExpressionType::objectOf(std::move(shape));
}

ExpressionType runner()
{
    static const ExpressionType type = strictWithMessage(
        QStringLiteral("{name:s,os:s,arch:s,temp:s,tool_cache:s,debug:s,environment:s}"), QStringLiteral("runner"));
    return type;
}

ExpressionType job()
{
    static const ExpressionType type = strictWithMessage(
        QStringLiteral("{container:{id:s,network:s},services:{*:{id:s,network:s,ports:{*:s}}},status:s,"
                       "check_run_id:n,workflow_ref:s,workflow_sha:s,workflow_repository:s,workflow_file_path:s}"),
        QStringLiteral("job"));
    return type;
}

ExpressionType strategy()
{
    static const ExpressionType type = strictWithMessage(
        QStringLiteral("{fail-fast:b,job-index:n,job-total:n,max-parallel:n}"), QStringLiteral("strategy"));
    return type;
}

} // namespace contexts

} // namespace gatehouse::pipeline::github
