#pragma once
// Decoding captured bodies ahead of the sessions: turning a body into the message model needs
// nothing but the body (no session, no earlier message), so a second thread can do it while
// the first reads the capture and builds the sessions. Records go through a ring of a few
// slots in capture order and come out decoded in the same order, with the notes given between
// them still between them: what the builder sees is what it would see without the thread.
// Memory holds at most the ring's slots, each one message (8 MB of bodies in all, beyond the
// one at hand); a slot keeps the storage of a message up to 1 MB for its next one.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "syncmldm/input/input.hpp"
#include "syncmldm/trace/capture.hpp"
#include "trace/body_reader.hpp"

namespace syncmldm::trace::detail {

// A record after decoding: the model of its message, or why it is none.
struct Decoded {
  Record record;            // its body moved out
  std::size_t captured = 0; // the body's size as captured
  input::Payload payload;   // what the input layer found (its bytes moved to xml_text)
  std::string xml_text;     // the message as XML (decoded from WBXML where needed)
  Body body;                // the model; its storage is kept for the slot's next message
  std::optional<std::string> not_a_message;  // the note when the body is skipped
  std::exception_ptr failure;                // anything else decoding threw
};

// Decodes `out.record` into the rest of `out` (whose storage is reused). `keep_text`: the XML text is still
// wanted after the model is read (validation, --extract). Errors in the body are
// `not_a_message`; nothing is thrown.
void decode(bool keep_text, Decoded& out);

class DecodeAhead {
 public:
  using DecodedSink = std::function<void(Decoded&)>;
  using NoteSink = std::function<void(const Note&)>;

  // `ahead`: whether a second thread decodes (else each record is decoded when added). The
  // sinks run on the caller's thread, in the order records and notes were given.
  DecodeAhead(bool keep_text, bool ahead, DecodedSink on_decoded, NoteSink on_note);
  ~DecodeAhead();
  DecodeAhead(const DecodeAhead&) = delete;
  DecodeAhead& operator=(const DecodeAhead&) = delete;

  void add(Record&& record);
  void note(const Note& note);
  // Hands over everything given so far. What the sinks throw comes out of add, note or flush.
  void flush();

 private:
  enum class State { free, queued, decoded };
  struct Slot {
    State state = State::free;  // changed under the mutex
    bool is_note = false;
    std::size_t bytes = 0;      // the record's body as given
    Note note;
    Decoded decoded;
  };
  static constexpr std::size_t kSlots = 64;
  static constexpr std::size_t kBatch = 8;       // records queued before the worker is woken
  static constexpr std::size_t kLowWater = 16;   // records still queued when the caller is woken
  static constexpr std::size_t kByteBudget = std::size_t{8} << 20;   // bodies held, beyond one
  static constexpr std::size_t kKeepBytes = std::size_t{1} << 20;    // larger: storage not kept

  Slot& claim();                              // the next slot to fill (the oldest handed over first when full)
  void fill(Slot& slot, std::size_t bytes);   // queue it for the worker
  void hand_over(Slot& slot);                 // to the sinks once decoded; free again after
  void hand_over_ready();                     // every slot decoded already, in order
  void work();                                // the worker's loop

  bool keep_text_;
  DecodedSink on_decoded_;
  NoteSink on_note_;
  std::vector<Slot> slots_;
  // The caller's alone: its positions in the ring and the bytes the ring holds.
  std::size_t next_fill_ = 0, next_out_ = 0, held_bytes_ = 0;
  std::mutex mutex_;
  std::condition_variable work_ready_, work_done_;
  // Under the mutex.
  std::size_t queued_ = 0;
  bool worker_waiting_ = false, caller_waiting_ = false, stop_ = false;
  std::thread worker_;
};

}  // namespace syncmldm::trace::detail
