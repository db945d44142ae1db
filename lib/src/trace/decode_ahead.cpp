// Decoding ahead: the ring of slots between the caller's thread and the decoding thread.
#include "trace/decode_ahead.hpp"

#include <utility>

#include <fmt/format.h>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::trace::detail {

namespace {

// An error inside a body, placed within the body (the record's place names the body).
std::string where_in_body(const Error& e) {
  const Location& w = e.where();
  if (w.line) return fmt::format("line {}, column {}: {}", w.line, w.column, e.message());
  if (w.offset) return fmt::format("byte {}: {}", *w.offset, e.message());
  return e.message();
}

std::string skipped_because(const Record& r, const Error& e) {
  std::string type = r.content_type.empty() ? "" : " (" + r.content_type + ")";
  return fmt::format("not a SyncML message{}: {}; skipped", type, where_in_body(e));
}

}  // namespace

void decode(bool keep_text, Decoded& out) {
  out.not_a_message.reset();
  out.failure = nullptr;
  out.xml_text.clear();
  Record& r = out.record;
  out.captured = r.body.size();
  try {
    try {
      out.payload = input::unwrap(std::move(r.body), r.place, input::format_of_content_type(r.content_type));
      if (out.payload.payload == input::Format::wbxml) {
        out.xml_text = codec::wbxml_to_xml(out.payload.bytes, r.place);
      } else {
        out.xml_text = std::move(out.payload.bytes);
      }
    } catch (const Error& e) {
      out.not_a_message = skipped_because(r, e);
      return;
    }
    if (r.side == Side::unknown && out.payload.container == input::Format::http) {
      r.side = out.payload.start_line.starts_with("HTTP/") ? Side::server : Side::client;
    }
    try {
      // Parsed in place when nobody needs the text afterwards: one copy less per message.
      read_body(out.xml_text, keep_text, r.place, out.body);
    } catch (const Error& e) {
      out.not_a_message = skipped_because(r, e);
    }
  } catch (...) {
    out.failure = std::current_exception();
  }
}

DecodeAhead::DecodeAhead(bool keep_text, bool ahead, DecodedSink on_decoded, NoteSink on_note)
    : keep_text_(keep_text), on_decoded_(std::move(on_decoded)), on_note_(std::move(on_note)),
      slots_(ahead ? kSlots : 1) {
  if (ahead) worker_ = std::thread([this] { work(); });
}

DecodeAhead::~DecodeAhead() {
  if (!worker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_one();
  worker_.join();
}

// The two threads wake each other in batches: the worker when a few records wait (or the
// caller waits for it), the caller when the worker has caught up. One wake per message would
// cost more than the decoding it saves.
void DecodeAhead::work() {
  std::size_t next = 0;
  for (;;) {
    Slot& slot = slots_[next];
    {
      std::unique_lock lock(mutex_);
      if (!stop_ && !(slot.state == State::queued && (queued_ >= kBatch || caller_waiting_))) {
        worker_waiting_ = true;
        work_ready_.wait(lock, [&] { return stop_ || (slot.state == State::queued && (queued_ >= kBatch || caller_waiting_)); });
        worker_waiting_ = false;
      }
      if (stop_) return;
    }
    // A queued slot is the worker's alone until it is marked decoded.
    if (!slot.is_note) decode(keep_text_, slot.decoded);
    bool wake;
    {
      std::lock_guard lock(mutex_);
      slot.state = State::decoded;
      --queued_;
      wake = caller_waiting_ && queued_ <= kLowWater;
    }
    if (wake) work_done_.notify_one();
    next = (next + 1) % slots_.size();
  }
}

void DecodeAhead::fill(Slot& slot, std::size_t bytes) {
  next_fill_ = (next_fill_ + 1) % slots_.size();
  held_bytes_ += bytes;
  slot.bytes = bytes;
  if (!worker_.joinable()) {
    if (!slot.is_note) decode(keep_text_, slot.decoded);
    slot.state = State::decoded;
    hand_over(slot);
    return;
  }
  bool wake;
  {
    std::lock_guard lock(mutex_);
    slot.state = State::queued;
    ++queued_;
    wake = worker_waiting_ && queued_ >= kBatch;
  }
  if (wake) work_ready_.notify_one();
  hand_over_ready();
}

DecodeAhead::Slot& DecodeAhead::claim() {
  // The ring is full when the next slot is still in use, or when what it holds passes the
  // byte budget: the oldest message is then handed over first.
  for (;;) {
    Slot& slot = slots_[next_fill_];
    bool in_use;
    {
      std::lock_guard lock(mutex_);
      in_use = slot.state != State::free;
    }
    if (!in_use && (held_bytes_ <= kByteBudget || next_out_ == next_fill_)) return slot;
    hand_over(slots_[next_out_]);
  }
}

void DecodeAhead::hand_over(Slot& slot) {
  if (worker_.joinable()) {
    std::unique_lock lock(mutex_);
    if (slot.state != State::decoded) {
      // Woken once the worker has caught up, not for this one message alone.
      caller_waiting_ = true;
      if (worker_waiting_) work_ready_.notify_one();
      work_done_.wait(lock, [&] { return slot.state == State::decoded && queued_ <= kLowWater; });
      caller_waiting_ = false;
    }
    // Free before the sinks run: a sink that throws leaves the ring usable for the destructor.
    slot.state = State::free;
  } else {
    slot.state = State::free;
  }
  next_out_ = (next_out_ + 1) % slots_.size();
  held_bytes_ -= slot.bytes;
  if (slot.is_note) {
    on_note_(slot.note);
    return;
  }
  Decoded& d = slot.decoded;
  if (d.failure) std::rethrow_exception(std::exchange(d.failure, nullptr));
  on_decoded_(d);
  // A slot keeps its storage for the next message, but not a large message's: otherwise every
  // slot could come to hold as much as the largest message of the capture.
  // (Moved out, not assigned over: assigning an empty string keeps the old one's buffer.)
  if (slot.bytes > kKeepBytes) {
    Decoded spent = std::move(d);
    d = Decoded{};
  }
}

void DecodeAhead::hand_over_ready() {
  for (;;) {
    Slot& slot = slots_[next_out_];
    {
      std::lock_guard lock(mutex_);
      if (slot.state != State::decoded) return;
    }
    hand_over(slot);
  }
}

void DecodeAhead::add(Record&& record) {
  Slot& slot = claim();
  slot.is_note = false;
  std::size_t bytes = record.body.size();
  slot.decoded.record = std::move(record);
  fill(slot, bytes);
}

void DecodeAhead::note(const Note& note) {
  Slot& slot = claim();
  slot.is_note = true;
  slot.note = note;
  fill(slot, 0);
}

void DecodeAhead::flush() {
  if (!worker_.joinable()) return;
  for (;;) {
    Slot& slot = slots_[next_out_];
    {
      std::lock_guard lock(mutex_);
      if (slot.state == State::free) return;  // the oldest is free: so are all
    }
    hand_over(slot);
  }
}

}  // namespace syncmldm::trace::detail
