#pragma once
// Who may see and change what. Every use case asks these questions itself;
// callers never decide authorization.
#include <vector>

#include "app/actor.hpp"
#include "domain/ticket.hpp"
#include "domain/unit.hpp"
#include "store/ticket_queries.hpp"

namespace guiche::app {

// Agents work tickets in the workspace: attendants, analysts, unit managers
// and client relations.
bool is_agent(const Person& p);
// Staff = the agents, the admins and the leadership (diretoria): they reach
// the workspace and see internal notes and events; admins and the leadership
// read every ticket without working them (can_work_ticket).
bool is_staff(const Person& p);
// The requester, or the manager of the requester's organization.
bool is_requester_side(const Person& p, const Ticket& t);
bool can_view_ticket(const Person& p, const Ticket& t, const std::vector<Unit>& units);
// Agent-side work (triage, routing, replies, status, resolution).
bool can_work_ticket(const Person& p, const Ticket& t, const std::vector<Unit>& units);
// May `assignee` be given tickets of `unit_id`?
bool can_be_assigned(const Person& assignee, std::int64_t unit_id, const std::vector<Unit>& units);
// May `p` give tickets of `unit_id` to someone other than themself (or take
// them from someone else)? The central de serviços and client relations, who
// triage and route, and the managers of the unit or of a unit above it; an
// analyst takes a ticket only for themself.
bool can_assign_others(const Person& p, std::int64_t unit_id, const std::vector<Unit>& units);
// The set of tickets `p` may list or search.
store::TicketScope ticket_scope(const Person& p, const std::vector<Unit>& units);

}  // namespace guiche::app
