// The steps that take one demo ticket to its target status, each a call of
// a Desk use case by the person who would make it at the desk.
#include <regex>
#include <stdexcept>

#include "app/intake/intake.hpp"
#include "app/tickets/ticket_work.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kWorkingDay = 10 * 60;  // minutes

// "{d+5}" in a form becomes the registration day plus five days.
std::string expand_dates(const std::string& form, Date today) {
  static const std::regex placeholder(R"(\{d([+-]\d+)?\})");
  std::string out;
  auto it = std::sregex_iterator(form.begin(), form.end(), placeholder);
  std::size_t last = 0;
  for (; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const int offset = m[1].matched ? std::stoi(m[1].str()) : 0;
    out += form.substr(last, static_cast<std::size_t>(m.position()) - last);
    out += format_date(Date{std::chrono::sys_days{today} + std::chrono::days{offset}});
    last = static_cast<std::size_t>(m.position() + m.length());
  }
  return out + form.substr(last);
}

int draw_rating(Rng& rng, bool troubled) {
  const int roll = rng.uniform(1, 100);
  if (troubled) return roll <= 30 ? 2 : roll <= 70 ? 3 : 4;
  return roll <= 3 ? 1 : roll <= 9 ? 2 : roll <= 22 ? 3 : roll <= 52 ? 4 : 5;
}

class FlowBuilder {
 public:
  FlowBuilder(World& w, std::shared_ptr<TicketRun> run)
      : w_(w), run_(std::move(run)), story_(*run_->story), texts_(texts_for(story_.service)) {
    const Service& service = w_.services.at(story_.service);
    for (const auto& [code, id] : w_.units) {
      if (service.owning_unit_id && id == *service.owning_unit_id) unit_code_ = code;
    }
    const auto& workers = w_.workers.at(unit_code_);
    // The demo logins get most of their unit's work, so their queues are full.
    run_->worker = w_.rng.chance(0.65) ? workers.front() : w_.rng.pick(workers);
    run_->registrar = w_.rng.chance(0.65) ? "atendente" : "carlos.santos";
    requester_channel_ = story_.channel;
    if (story_.channel == Channel::phone) {
      const auto& requester = w_.people.at(story_.requester);
      requester_channel_ = requester.emails.empty() ? Channel::phone : Channel::email;
    }
    can_act_ = !w_.people.at(story_.requester).must_change_password;
  }

  TicketPlan build();

 private:
  void step(int min_minutes, int max_minutes, std::string label, std::function<void()> act) {
    const int gap = w_.rng.uniform(min_minutes * 60, max_minutes * 60);
    plan_.steps.push_back({seconds{gap}, std::move(label), std::move(act)});
  }
  void anchor_here() { plan_.anchor = plan_.steps.size() - 1; }
  TicketPlan done() {
    anchor_here();
    return plan_;
  }
  const std::string& pick(const std::vector<std::string>& v) { return w_.rng.pick(v); }

  // Who triages and routes: the central de serviços, or client relations for
  // requests outside the service's audience (decided when they run).
  app::Actor front() const {
    return run_->admitted ? w_.as(run_->registrar) : w_.as("relacionamento");
  }
  app::Actor worker() const { return w_.as(run_->worker); }
  app::Actor requester() const {
    if (!can_act_) throw std::logic_error("o solicitante ainda não trocou a senha inicial");
    return w_.as(story_.requester, requester_channel_);
  }

  void add_register();
  void add_requester_cancel();
  void add_refusal();
  void add_duplicate();
  void add_triage();
  void add_route();
  void add_resolve(bool again);

  World& w_;
  std::shared_ptr<TicketRun> run_;
  const Story& story_;
  const ServiceTexts& texts_;
  std::string unit_code_;
  Channel requester_channel_;
  bool can_act_ = true;
  TicketPlan plan_;
};

void FlowBuilder::add_register() {
  step(0, 0, "registro", [this, &w = w_, run = run_] {
    const Story& s = *run->story;
    const bool by_attendant = s.channel == Channel::phone || s.channel == Channel::email;
    const app::Actor actor =
        by_attendant ? w.as(run->registrar, s.channel) : w.as(s.requester, s.channel);
    app::RegisterRequest r;
    r.requester_id = w.person_id(s.requester);
    r.service_code = s.service;
    r.subject = s.subject;
    r.description = s.description;
    r.form_answers = nlohmann::json::parse(expand_dates(s.form, w.desk.local_date(w.clock.now())));
    r.impact = s.impact;
    r.urgency = s.urgency;
    const Ticket t = w.desk.intake().register_request(actor, r);
    run->id = t.id;
    run->protocol = t.protocol;
    run->admitted = t.audience_admitted;
    w.ticket_ids.push_back(t.id);
  });
}

void FlowBuilder::add_requester_cancel() {
  if (w_.rng.chance(0.5)) add_triage();
  static const std::vector<std::string> reasons = {
      "Não é mais necessário: a situação foi resolvida pelo próprio setor.",
      "Aberto por engano; um colega já havia feito a mesma solicitação."};
  const std::string reason = pick(reasons);
  step(30, 2 * kWorkingDay, "cancelamento pelo solicitante",
       [this, reason] { w_.desk.work().cancel(requester(), run_->id, reason); });
}

void FlowBuilder::add_refusal() {
  const auto& requester = w_.people.at(story_.requester);
  bool client = false;
  for (const auto& [acronym, o] : w_.organizations) {
    client = client || (requester.organization_id == o.id && o.is_client);
  }
  const std::string reason =
      client ? "O solicitante não consta na lista de requisitantes autorizados do órgão. O gestor "
               "do órgão pode pedir a inclusão à central de serviços, com o documento que a "
               "fundamenta."
             : "O órgão não é cliente do PRODEST. Para ser atendido, o dirigente do órgão deve "
               "formalizar a demanda por ofício à Diretoria-Presidente, que avaliará a "
               "viabilidade.";
  const std::string note =
      client ? "Conferida a lista de autorizados do órgão: a autorização do solicitante foi "
               "revogada a pedido do gestor do órgão."
             : "Conferido o cadastro de clientes: órgão sem contrato ou ofício. Consultada a "
               "Diretoria sobre atendimento excepcional: negado.";
  step(20, 4 * 60, "nota da ASESP",
       [this, note] { w_.desk.work().add_internal_note(front(), run_->id, note); });
  step(30, kWorkingDay, "cancelamento pela ASESP",
       [this, reason] { w_.desk.work().cancel(front(), run_->id, reason); });
}

void FlowBuilder::add_duplicate() {
  step(10, 90, "vínculo de duplicidade",
       [this] { w_.desk.work().link(front(), run_->id, run_->previous->id, "duplicate_of"); });
  step(2, 30, "cancelamento por duplicidade", [this] {
    w_.desk.work().cancel(front(), run_->id,
                          "Chamado em duplicidade com o protocolo " + run_->previous->protocol +
                              ", que trata do mesmo incidente; acompanhe por ele.");
  });
}

void FlowBuilder::add_triage() {
  int urgency = story_.urgency;
  if (urgency > 1 && w_.rng.chance(0.25)) --urgency;  // the attendant heard more on the phone
  const bool project = w_.services.at(story_.service).default_category == Category::project;
  step(10, 3 * 60, "triagem", [this, urgency, project] {
    app::Triage t;
    t.impact = story_.impact;
    t.urgency = urgency;
    if (project) t.agreed_deadline = w_.clock.now() + std::chrono::days{120};
    // A reported failure is a defect, not a consultation (docs/domain.md, "Categories").
    if (std::string(story_.form).find("Falha técnica") != std::string::npos) {
      t.category = Category::defect_without_stoppage;
    }
    w_.desk.work().triage(front(), run_->id, t);
  });
}

void FlowBuilder::add_route() {
  step(5, 2 * 60, "aceite da ASESP", [this] {
    if (run_->admitted) return;  // only requests outside the audience need it
    w_.desk.work().add_internal_note(
        front(), run_->id,
        "Viabilidade aprovada pela ASESP em caráter excepcional, com base no "
        "termo de cooperação em tramitação; encaminhado à área técnica.");
  });
  const bool unassigned = story_.flags & kUnassigned;
  step(5, 2 * 60, "encaminhamento", [this, unassigned] {
    const std::optional<std::int64_t> assignee =
        unassigned ? std::nullopt : std::optional(w_.person_id(run_->worker));
    w_.desk.work().route(
        front(), run_->id, w_.units.at(unit_code_), assignee,
        "Encaminhado à " + unit_code_ + " conforme o serviço " + story_.service + ".");
  });
}

void FlowBuilder::add_resolve(bool again) {
  const std::string text = pick(texts_.resolutions);
  const int spent = w_.rng.uniform(again ? 20 : 30, again ? 120 : 360);
  step(30, 2 * kWorkingDay, again ? "nova solução" : "solução",
       [this, text, spent] { w_.desk.work().resolve(worker(), run_->id, text, spent); });
}

TicketPlan FlowBuilder::build() {
  const Status target = story_.target;
  const unsigned flags = story_.flags;
  add_register();
  anchor_here();
  if (target == Status::new_) return plan_;
  if (target == Status::cancelled) {
    if (flags & kRequesterCancels) add_requester_cancel();
    if (flags & kRefused) add_refusal();
    if (flags & kDuplicatePrevious) add_duplicate();
    if (flags & (kRequesterCancels | kRefused | kDuplicatePrevious)) return done();
    if (!(flags & kNoAnswer))
      throw std::logic_error(std::string("cancelamento sem roteiro: ") + story_.subject);
  }
  if (target == Status::triage || w_.rng.chance(0.7)) add_triage();
  if (flags & kLinkPrevious) {
    step(5, 60, "vínculo com incidente",
         [this] { w_.desk.work().link(front(), run_->id, run_->previous->id, "related"); });
  }
  if (target == Status::triage) return done();
  add_route();
  if (target == Status::assigned) return done();
  if (flags & kUnassigned) {
    step(20, 6 * 60, "atribuição",
         [this] { w_.desk.work().assign(worker(), run_->id, w_.person_id(run_->worker)); });
  }
  step(30, 15 * 60, "início",
       [this] { w_.desk.work().change_status(worker(), run_->id, Status::in_progress); });
  if (w_.rng.chance(0.5)) {
    const std::string text = pick(texts_.updates);
    step(15, 4 * 60, "andamento", [this, text] { w_.desk.work().reply(worker(), run_->id, text); });
  }
  if (w_.rng.chance(0.5)) {
    const std::string text = pick(texts_.notes);
    step(15, 4 * 60, "nota interna",
         [this, text] { w_.desk.work().add_internal_note(worker(), run_->id, text); });
  }
  if (target == Status::in_progress) {
    if (w_.rng.chance(0.5)) {
      const int spent = w_.rng.uniform(15, 180);
      step(30, 5 * 60, "tempo", [this, spent] {
        w_.desk.work().log_time(worker(), run_->id, spent, "Análise inicial.");
      });
    }
    return done();
  }
  const bool asks = target == Status::pending_requester || (flags & (kAsk | kNoAnswer));
  const int question = w_.rng.uniform(0, static_cast<int>(texts_.questions.size()) - 1);
  if (asks) {
    const std::string text = texts_.questions[static_cast<std::size_t>(question)];
    step(30, kWorkingDay, "pergunta ao solicitante",
         [this, text] { w_.desk.work().reply(worker(), run_->id, text, true); });
  }
  if (target == Status::pending_requester) return done();
  if (flags & kNoAnswer) {
    step(5 * kWorkingDay, 8 * kWorkingDay, "cancelamento sem retorno", [this] {
      w_.desk.work().cancel(worker(), run_->id,
                            "Cancelado por falta de retorno do solicitante após três tentativas de "
                            "contato. Se ainda precisar, registre uma nova solicitação.");
    });
    return done();
  }
  if (asks) {
    const auto& answers = texts_.answers;
    const std::string text =
        answers[std::min(static_cast<std::size_t>(question), answers.size() - 1)];
    step(60, 2 * kWorkingDay, "resposta do solicitante",
         [this, text] { w_.desk.work().reply(requester(), run_->id, text); });
  }
  const bool waits = target == Status::pending_third_party || (flags & kThirdParty) ||
                     (target == Status::closed && w_.rng.chance(0.15));
  if (waits) {
    const std::string reason = pick(texts_.waits);
    step(30, kWorkingDay, "aguardando terceiro", [this, reason] {
      w_.desk.work().change_status(worker(), run_->id, Status::pending_third_party, reason);
    });
    if (target == Status::pending_third_party) return done();
    step(kWorkingDay, 4 * kWorkingDay, "retorno do terceiro", [this] {
      w_.desk.work().change_status(worker(), run_->id, Status::in_progress,
                                   "Retorno do fornecedor recebido; atendimento retomado.");
    });
  }
  if (w_.rng.chance(0.6)) {
    const int spent = w_.rng.uniform(15, 240);
    step(60, 6 * 60, "tempo", [this, spent] {
      w_.desk.work().log_time(worker(), run_->id, spent, "Execução e testes.");
    });
  }
  add_resolve(false);
  const bool cycle = (flags & kReopenCycle) || target == Status::reopened;
  if (cycle) {
    const std::string reason = pick(texts_.reopen_reasons);
    step(2 * 60, 2 * kWorkingDay, "reabertura",
         [this, reason] { w_.desk.work().reopen(requester(), run_->id, reason); });
    if (target == Status::reopened) return done();
    step(30, kWorkingDay, "retomada", [this] {
      w_.desk.work().change_status(worker(), run_->id, Status::in_progress,
                                   "Retomado após a reabertura pelo solicitante.");
    });
    add_resolve(true);
  }
  anchor_here();
  const double evaluates = target == Status::closed ? 0.8 : 0.35;
  if (can_act_ && !(flags & kNoEvaluation) && w_.rng.chance(evaluates)) {
    const int rating = draw_rating(w_.rng, cycle);
    const std::string comment = evaluation_comment(rating, w_.rng);
    step(60, 3 * kWorkingDay, "avaliação", [this, rating, comment] {
      w_.desk.work().evaluate(requester(), run_->id, rating, comment);
    });
  }
  return plan_;
}

}  // namespace

TicketPlan plan_ticket(World& w, const std::shared_ptr<TicketRun>& run) {
  // The builder lives as long as its steps: they capture it.
  auto builder = std::make_shared<FlowBuilder>(w, run);
  TicketPlan plan = builder->build();
  for (auto& s : plan.steps) {
    s.act = [builder, act = std::move(s.act)] { act(); };
  }
  return plan;
}

}  // namespace guiche::demo
