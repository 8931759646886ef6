#pragma once
// The protocol numbers (and PostgreSQL row ids) a group of writes reserves
// at once (issue 22, item 3). A node's concurrent writes share one
// transaction (store/postgres/write_groups.hpp); taking the yearly counter
// one registration at a time made every registration of the group wait for
// the server, in series. The first registration of a group reserves a number
// for every job still to run; the others take theirs from the block without
// a wait; before COMMIT the numbers nobody took go back to the counter.
//
// Gap-free still: the counter's row stays locked by the group's transaction
// from the reservation to COMMIT, so no other node takes a number meanwhile
// and giving back the unused top of the block leaves no hole; a job rolled
// back to its savepoint hands its numbers back to the block (mark/restore),
// and the reservation itself is rolled back with the job that made it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "store/database.hpp"

namespace guiche::store {

struct TicketNumbers;

class TicketNumberBlock {
 public:
  // Jobs of the group still to run, the running one included: how many
  // numbers a reservation takes.
  void set_jobs_left(std::size_t jobs) { jobs_left_ = jobs == 0 ? 1 : jobs; }

  // The next number of `year`: from the block, or from a new reservation.
  TicketNumbers take(Connection& c, int year);
  // Queues the return of the numbers reserved and not taken (before COMMIT).
  void give_back(Connection& c);

  // What the block held when a job started; restored when that job is
  // rolled back to its savepoint.
  struct Mark {
    std::optional<int> year;
    long next = 0;
    long last = 0;
    long first = 0;
    std::shared_ptr<const std::vector<std::int64_t>> ids;
  };
  Mark mark() const { return {year_, next_, last_, first_, ids_}; }
  void restore(const Mark& m);

 private:
  void reserve(Connection& c, int year);

  std::size_t jobs_left_ = 1;
  std::optional<int> year_;
  long next_ = 0;  // the next number to hand out
  long last_ = 0;  // the block's last number
  // Row ids taken from the sequence with the block, one per number: ids_[i]
  // goes with number first_ + i. The sequence never hands a rolled-back id
  // out again; the block does, with its number.
  long first_ = 0;
  std::shared_ptr<const std::vector<std::int64_t>> ids_;
};

}  // namespace guiche::store
