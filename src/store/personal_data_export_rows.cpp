#include "store/personal_data_export_rows.hpp"

#include <map>
#include <optional>

#include "domain/whatsapp/whatsapp_number.hpp"
#include "store/personal_data_erasure.hpp"

namespace guiche::store {
namespace {

using json = nlohmann::json;

json export_when(const Row& r, std::size_t i) {
  return r.is_null(i) ? json(nullptr) : json(format_utc(from_millis(r.integer(i))));
}

json export_text_or_null(const Row& r, std::size_t i) {
  return r.is_null(i) ? json(nullptr) : json(r.text(i));
}

json export_parsed(const std::string& text) {
  auto document = json::parse(text, nullptr, false);
  return document.is_discarded() ? json(text) : document;
}

// A file name fit for an archive member: no folders, no control bytes.
std::string export_member_name(const std::string& folder, const std::string& id, std::string name) {
  for (char& ch : name) {
    if (ch == '/' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ch = '_';
  }
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.size() > 120) name.resize(120);
  return folder + "/" + id + (name.empty() ? "" : "-" + name);
}

// Ids and names in event data name other people (assignees, the attendant
// who received equipment): an export leaves them out.
void export_strip_people(json& data) {
  if (!data.is_object()) return;
  for (auto it = data.begin(); it != data.end();) {
    const std::string& key = it.key();
    const bool names_someone =
        key != "attachment_id" &&
        ((key.size() > 3 && key.compare(key.size() - 3, 3, "_id") == 0) ||
         (key.size() > 5 && key.compare(key.size() - 5, 5, "_name") == 0) || key == "assignee" ||
         key == "registered_by" || key == "released_by");
    it = names_someone ? data.erase(it) : std::next(it);
  }
}

class PersonalDataReader {
 public:
  PersonalDataReader(Connection& c, const Person& p) : c_(c), p_(p), id_{p.id} {
    if (p.phone) numbers_ = whatsapp_number_forms(*p.phone);
  }

  PersonalDataDocument read() {
    json d;
    d["format"] = "guiche-dados-pessoais/1";
    d["about"] =
        "Todos os dados pessoais que a central guarda sobre o titular (LGPD, art. 18). Outras "
        "pessoas que aparecem nos registros (atendentes, outros envolvidos) são indicadas só "
        "pelo seu papel, sem nome nem identificador; os textos que a equipe escreveu ao titular "
        "estão como foram enviados.";
    d["person"] = person();
    d["tickets"] = tickets();
    d["manifestations"] = manifestations();
    d["whatsapp"] = whatsapp();
    d["status_subscriptions"] = subscriptions();
    d["equipment_custody"] = custody();
    d["received_email"] = rows(
        "SELECT received_at, subject, outcome FROM inbound_messages WHERE sender IN {list} "
        "ORDER BY id",
        text_values(p_.emails), [](const Row& r) {
          return json{
              {"received_at", export_when(r, 0)}, {"subject", r.text(1)}, {"outcome", r.text(2)}};
        });
    d["notices_sent"] = rows(
        "SELECT channel, template_key, subject, status, created_at, sent_at FROM outbox "
        "WHERE recipient_id IN {list} ORDER BY id",
        {Value{id_}}, [](const Row& r) {
          return json{{"channel", r.text(0)},
                      {"template", r.text(1)},
                      {"subject", r.text(2)},
                      {"status", r.text(3)},
                      {"created_at", export_when(r, 4)},
                      {"sent_at", export_when(r, 5)}};
        });
    d["api_tokens"] = rows(
        "SELECT name, created_at, revoked_at FROM api_tokens WHERE person_id IN {list} ORDER BY id",
        {Value{id_}}, [](const Row& r) {
          return json{{"name", r.text(0)},
                      {"created_at", export_when(r, 1)},
                      {"revoked_at", export_when(r, 2)}};
        });
    d["sessions"] = rows(
        "SELECT created_at, expires_at FROM sessions WHERE person_id IN {list} ORDER BY created_at",
        {Value{id_}}, [](const Row& r) {
          return json{{"created_at", export_when(r, 0)}, {"expires_at", export_when(r, 1)}};
        });
    d["authorizations"] = rows(
        "SELECT o.acronym, a.document_type, a.document_number, a.valid_from, a.valid_until, "
        "a.state FROM authorizations a JOIN organizations o ON o.id = a.organization_id "
        "WHERE a.person_id IN {list} ORDER BY a.id",
        {Value{id_}}, [](const Row& r) {
          return json{{"organization", r.text(0)},
                      {"document_type", r.text(1)},
                      {"document_number", r.text(2)},
                      {"valid_from", r.text(3)},
                      {"valid_until", export_text_or_null(r, 4)},
                      {"state", r.text(5)}};
        });
    d["personal_data_requests"] = rows(
        "SELECT kind, channel, at FROM personal_data_requests WHERE person_id IN {list} "
        "ORDER BY id",
        {Value{id_}}, [](const Row& r) {
          return json{{"kind", r.text(0)}, {"channel", r.text(1)}, {"at", export_when(r, 2)}};
        });
    return {std::move(d), std::move(files_)};
  }

 private:
  template <typename Map>
  json rows(const std::string& sql, const std::vector<Value>& list, Map map) {
    json out = json::array();
    for (const auto& r : query_in_list(c_, sql, {}, list)) out.push_back(map(r));
    return out;
  }

  json person() {
    json person = {{"id", p_.id},
                   {"name", p_.name},
                   {"login", p_.login ? json(*p_.login) : json(nullptr)},
                   {"emails", p_.emails},
                   {"phone", p_.phone ? json(*p_.phone) : json(nullptr)},
                   {"cpf", p_.cpf ? json(*p_.cpf) : json(nullptr)},
                   {"notice_preference", notice_preference_code(p_.notice_preference)},
                   {"active", p_.active},
                   {"organization", nullptr},
                   {"roles", json::array()}};
    if (auto r = c_.query_one("SELECT created_at FROM people WHERE id = ?", {Value{id_}})) {
      person["created_at"] = export_when(*r, 0);
    }
    if (p_.organization_id) {
      if (auto r = c_.query_one("SELECT name, acronym, cnpj FROM organizations WHERE id = ?",
                                {Value{*p_.organization_id}})) {
        person["organization"] = {{"name", r->text(0)}, {"acronym", r->text(1)}};
      }
    }
    for (const auto& g : p_.roles) {
      json role = {
          {"role", role_code(g.role)}, {"label", role_label_pt(g.role)}, {"unit", nullptr}};
      if (g.unit_id) {
        if (auto u =
                c_.query_one("SELECT code, name FROM units WHERE id = ?", {Value{*g.unit_id}})) {
          role["unit"] = u->text(0) + " — " + u->text(1);
        }
      }
      person["roles"].push_back(role);
    }
    return person;
  }

  // "titular", "sistema", or the part another person played.
  std::string author(const Row& r, std::size_t i) {
    if (r.is_null(i)) return "sistema";
    const auto actor = r.integer(i);
    if (actor == id_) return "titular";
    auto [it, fresh] = parts_.try_emplace(actor);
    if (fresh) {
      it->second = c_.query_one(
                       "SELECT 1 FROM role_grants WHERE person_id = ? AND role NOT IN "
                       "('requester', 'org_manager')",
                       {Value{actor}})
                       ? "atendente"
                       : "outra pessoa";
    }
    return it->second;
  }

  json tickets() {
    json out = json::array();
    for (const auto& t : c_.query(
             "SELECT t.id, t.protocol, s.code, s.name, t.category, t.channel, t.subject, "
             "t.description, t.form_answers, t.status, t.created_at, t.updated_at, t.resolved_at, "
             "t.closed_at, t.resolution, t.rating, t.rating_comment, t.reopen_count "
             "FROM tickets t JOIN services s ON s.id = t.service_id WHERE t.requester_id = ? "
             "ORDER BY t.id",
             {Value{id_}})) {
      const auto ticket_id = t.integer(0);
      json ticket = {{"protocol", t.text(1)},
                     {"service", {{"code", t.text(2)}, {"name", t.text(3)}}},
                     {"category", t.text(4)},
                     {"channel", t.text(5)},
                     {"subject", t.text(6)},
                     {"description", t.text(7)},
                     {"form_answers", export_parsed(t.text(8))},
                     {"status", t.text(9)},
                     {"created_at", export_when(t, 10)},
                     {"updated_at", export_when(t, 11)},
                     {"resolved_at", export_when(t, 12)},
                     {"closed_at", export_when(t, 13)},
                     {"resolution", t.text(14)},
                     {"rating", t.is_null(15) ? json(nullptr) : json(t.integer(15))},
                     {"rating_comment", t.text(16)},
                     {"reopen_count", t.integer(17)},
                     {"events", json::array()},
                     {"attachments", json::array()}};
      for (const auto& e :
           c_.query("SELECT seq, kind, actor_id, channel, occurred_at, is_public, data "
                    "FROM ticket_events WHERE ticket_id = ? ORDER BY seq",
                    {Value{ticket_id}})) {
        const std::string by = author(e, 2);
        // What the titular saw or did; internal notes are the staff's.
        if (e.integer(5) == 0 && by != "titular") continue;
        json data = export_parsed(e.text(6));
        export_strip_people(data);
        ticket["events"].push_back({{"seq", e.integer(0)},
                                    {"kind", e.text(1)},
                                    {"by", by},
                                    {"channel", e.text(3)},
                                    {"at", export_when(e, 4)},
                                    {"data", data}});
      }
      for (const auto& a : c_.query(
               "SELECT id, filename, content_type, size_bytes, uploaded_by, sha256, created_at "
               "FROM attachments WHERE ticket_id = ? AND (uploaded_by = ? OR is_public = 1) "
               "ORDER BY id",
               {Value{ticket_id}, Value{id_}})) {
        const bool own = a.integer(4) == id_;
        json attachment = {{"id", a.integer(0)},
                           {"filename", a.text(1)},
                           {"content_type", a.text(2)},
                           {"size_bytes", a.integer(3)},
                           {"sent_by", own ? "titular" : "atendente"},
                           {"created_at", export_when(a, 6)},
                           {"file", nullptr}};
        // The titular's own files travel in the archive.
        if (own && !a.text(5).empty()) {
          const auto member = export_member_name("anexos", a.text(0), a.text(1));
          attachment["file"] = member;
          files_.push_back({member, a.text(5)});
        }
        ticket["attachments"].push_back(attachment);
      }
      out.push_back(ticket);
    }
    return out;
  }

  json manifestations() {
    std::map<std::int64_t, bool> ids;
    for (const auto& r :
         c_.query("SELECT id FROM manifestations WHERE person_id = ?", {Value{id_}})) {
      ids[r.integer(0)] = true;
    }
    for (const auto& r :
         query_in_list(c_, "SELECT id FROM manifestations WHERE lower(email) IN {list}", {},
                       text_values(p_.emails))) {
      ids[r.integer(0)] = true;
    }
    if (p_.cpf) {
      for (const auto& r : c_.query("SELECT id FROM manifestations WHERE cpf = ?", {*p_.cpf})) {
        ids[r.integer(0)] = true;
      }
    }
    json out = json::array();
    for (const auto& [id, _] : ids) {
      auto m = c_.query_one(
          "SELECT protocol, kind, identification, status, subject, description, name, email, "
          "phone, cpf, answer_channel, registered_at, answer, answered_at, closed_at "
          "FROM manifestations WHERE id = ?",
          {Value{id}});
      if (!m) continue;
      json item = {{"protocol", m->text(0)},
                   {"kind", m->text(1)},
                   {"identification", m->text(2)},
                   {"status", m->text(3)},
                   {"subject", m->text(4)},
                   {"description", m->text(5)},
                   {"name", m->text(6)},
                   {"email", m->text(7)},
                   {"phone", m->text(8)},
                   {"cpf", m->text(9)},
                   {"answer_channel", m->text(10)},
                   {"registered_at", export_when(*m, 11)},
                   {"answer", m->text(12)},
                   {"answered_at", export_when(*m, 13)},
                   {"closed_at", export_when(*m, 14)},
                   {"events", json::array()}};
      for (const auto& e :
           c_.query("SELECT kind, text, at, actor_id FROM manifestation_events "
                    "WHERE manifestation_id = ? AND visible_to_author = 1 ORDER BY id",
                    {Value{id}})) {
        item["events"].push_back({{"kind", e.text(0)},
                                  {"text", e.text(1)},
                                  {"at", export_when(e, 2)},
                                  {"by", author(e, 3) == "titular" ? "titular" : "ouvidoria"}});
      }
      out.push_back(item);
    }
    return out;
  }

  json whatsapp() {
    const auto numbers = text_values(numbers_);
    json w = {{"numbers", numbers_}};
    w["conversations"] = rows(
        "SELECT wa_id, state, consented_at, consent_notice, updated_at FROM "
        "whatsapp_conversations WHERE wa_id IN {list} ORDER BY wa_id",
        numbers, [](const Row& r) {
          return json{{"number", r.text(0)},
                      {"state", r.text(1)},
                      {"consented_at", export_when(r, 2)},
                      {"consent_notice", export_text_or_null(r, 3)},
                      {"updated_at", export_when(r, 4)}};
        });
    w["messages"] = rows(
        "SELECT received_at, kind, item FROM whatsapp_inbound WHERE wa_id IN {list} ORDER BY id",
        numbers, [](const Row& r) {
          return json{{"received_at", export_when(r, 0)},
                      {"kind", r.text(1)},
                      {"content", export_parsed(r.text(2))}};
        });
    w["media"] = json::array();
    for (const auto& m :
         query_in_list(c_,
                       "SELECT media_id, content_type, size_bytes, filename, sha256, fetched_at "
                       "FROM whatsapp_media WHERE wa_id IN {list} ORDER BY media_id",
                       {}, numbers)) {
      json medium = {{"content_type", m.text(1)},
                     {"size_bytes", m.integer(2)},
                     {"filename", m.text(3)},
                     {"fetched_at", export_when(m, 5)},
                     {"file", nullptr}};
      if (!m.text(4).empty()) {
        const auto member =
            export_member_name("whatsapp", std::to_string(w["media"].size() + 1), m.text(3));
        medium["file"] = member;
        files_.push_back({member, m.text(4)});
      }
      w["media"].push_back(medium);
    }
    return w;
  }

  json subscriptions() {
    json out = json::array();
    for (const auto& s : query_in_list(
             c_,
             "SELECT id, address, state, all_components, created_at, confirmed_at, "
             "unsubscribed_at FROM status_subscribers WHERE address IN {list} ORDER BY id",
             {}, text_values(p_.emails))) {
      json item = {{"address", s.text(1)},
                   {"state", s.text(2)},
                   {"all_components", s.integer(3) == 1},
                   {"created_at", export_when(s, 4)},
                   {"confirmed_at", export_when(s, 5)},
                   {"unsubscribed_at", export_when(s, 6)},
                   {"components", json::array()}};
      for (const auto& c :
           c_.query("SELECT c.name FROM status_subscriber_components sc JOIN status_components c "
                    "ON c.id = sc.component_id WHERE sc.subscriber_id = ? ORDER BY c.name",
                    {s.at(0)})) {
        item["components"].push_back(c.text(0));
      }
      out.push_back(item);
    }
    return out;
  }

  json custody() {
    json out = json::array();
    const Value id{id_};
    for (const auto& e : c_.query(
             "SELECT t.protocol, e.asset_number, e.kind, e.brand_model, e.serial_number, "
             "e.condition, e.accessories, e.delivered_by_id, e.delivered_by_name, e.entered_at, "
             "e.taken_by_id, e.taken_by_name, e.return_note, e.returned_at "
             "FROM equipment_custody e JOIN tickets t ON t.id = e.ticket_id "
             "WHERE t.requester_id = ? OR e.delivered_by_id = ? OR e.taken_by_id = ? "
             "ORDER BY e.id",
             {id, id, id})) {
      const auto who = [&](std::size_t id_column, std::size_t name_column) -> json {
        if (e.is_null(name_column)) return nullptr;
        return !e.is_null(id_column) && e.integer(id_column) == id_ ? json(e.text(name_column))
                                                                    : json("outra pessoa");
      };
      out.push_back({{"ticket", e.text(0)},
                     {"asset_number", e.text(1)},
                     {"kind", e.text(2)},
                     {"brand_model", e.text(3)},
                     {"serial_number", e.text(4)},
                     {"condition", e.text(5)},
                     {"accessories", e.text(6)},
                     {"delivered_by", who(7, 8)},
                     {"received_by", "atendente"},
                     {"entered_at", export_when(e, 9)},
                     {"taken_by", who(10, 11)},
                     {"return_note", export_text_or_null(e, 12)},
                     {"returned_at", export_when(e, 13)}});
    }
    return out;
  }

  Connection& c_;
  const Person& p_;
  const std::int64_t id_;
  std::vector<std::string> numbers_;
  std::map<std::int64_t, std::string> parts_;
  std::vector<ExportedFile> files_;
};

}  // namespace

PersonalDataDocument read_personal_data(Connection& c, const Person& p) {
  return PersonalDataReader(c, p).read();
}

}  // namespace guiche::store
