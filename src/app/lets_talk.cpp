#include "app/lets_talk.hpp"

#include <algorithm>

#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "core/item_file.hpp"
#include "core/reflection_guide.hpp"

namespace wf {

namespace {
const std::string kJourneyPrefix = "journey:";

// The entry with `id` in a list of entries that have ids (phrases, Venn notes), or nullptr.
template <typename List>
auto find_id(List& list, const std::string& id) -> decltype(&list[0]) {
    for (auto& entry : list)
        if (entry.id == id) return &entry;
    return nullptr;
}

template <typename List>
void erase_id(List& list, const std::string& id) {
    list.erase(std::remove_if(list.begin(), list.end(), [&](const auto& entry) { return entry.id == id; }), list.end());
}

// The entry at `index`, or nullptr: an edit drawn from one frame's list never reaches past the list.
template <typename List>
auto item_at(List& list, size_t index) -> decltype(&list[0]) { return index < list.size() ? &list[index] : nullptr; }

template <typename List>
void remove_at(List& list, size_t index) {
    if (index < list.size()) list.erase(list.begin() + (std::ptrdiff_t)index);
}
} // namespace

const JourneyPack* LetsTalk::pack() {
    if (!pack_parsed_) {
        pack_parsed_ = true;
        if (pack_text_) {
            JourneyPackLoad load = load_journey_pack(pack_text_);
            pack_ok_ = load.ok;
            pack_ = std::move(load.pack);
        }
    }
    return pack_ok_ ? &pack_ : nullptr;
}

std::vector<std::string> LetsTalk::journey_ids() const {
    std::vector<std::string> ids;
    for (const std::string& key : wb_.keys_with_prefix(kJourneyPrefix)) ids.push_back(key.substr(kJourneyPrefix.size()));
    std::reverse(ids.begin(), ids.end());   // ids begin with their creation time
    return ids;
}

// A journey is read once per revision, and its pack copy once per journey: edits never change the
// copy, so a new revision with the same copy reuses what was read (no second validation).
std::shared_ptr<const Journey> LetsTalk::journey(const std::string& id) {
    const std::string key = journey_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) return nullptr;
    Cached& cached = journeys_[key];
    const uint64_t revision = wb_.document_revision(key);
    if (cached.journey && cached.revision == revision) return cached.journey;
    const JourneyPackLoad& pack = cached.pack.of(*doc, "pack", journey_pack_copy, pack_copy_reads_);
    cached.revision = revision;
    cached.journey = std::make_shared<const Journey>(journey_from_doc(*doc, pack));
    return cached.journey;
}

std::string LetsTalk::display_name(const Journey& j) const {
    return j.name.empty() ? "Conversation journey of " + j.created_at.substr(0, 10) : j.name;
}

// A new journey starts with step 2's lists already filled from the latest self-assessment, if any.
std::string LetsTalk::start(const std::string& name) {
    const JourneyPack* p = pack();
    if (!p) return "";
    const std::string id = wb_.new_id();
    nlohmann::json doc = new_journey_doc(*p, id, name, wb_.now_iso());
    if (const std::string school = wb_.profile().school; !school.empty()) doc["school"] = school;
    if (const Latest latest = latest_results(); latest.assessment) {
        Journey j = journey_from_doc(doc);
        if (seed_from_assessment(j, *latest.assessment, *latest.results)) journey_write(doc, j);
    }
    wb_.update_document(journey_key(id), std::move(doc), "Start a conversation journey");
    return id;
}

const nlohmann::json* LetsTalk::document(const std::string& id) const { return wb_.document(journey_key(id)); }

template <typename Change>
void LetsTalk::edit(const std::string& id, const std::string& label, const std::string& coalesce, Change change) {
    const std::shared_ptr<const Journey> current = journey(id);
    const nlohmann::json* doc = current ? document(id) : nullptr;
    if (!doc) return;
    Journey next = *current;
    change(next);
    // Whatever the command changed from a list, every note ends in its region (the map commands
    // settle themselves; this is for the list commands).
    settle_map_notes(next);
    nlohmann::json updated = *doc;
    journey_write(updated, next);
    commit(id, std::move(updated), label, coalesce);
}

void LetsTalk::commit(const std::string& id, nlohmann::json doc, const std::string& label, const std::string& coalesce) {
    wb_.update_document(journey_key(id), std::move(doc), label, coalesce.empty() ? "" : journey_key(id) + "." + coalesce);
}

void LetsTalk::remove(const std::string& id) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j) return;
    const std::string name = display_name(*j);
    wb_.remove_document(journey_key(id), "Delete the journey");
    wb_.notify(Notice::Kind::Success, "Deleted \"" + name + "\". Undo brings it back.");
}

LetsTalk::Latest LetsTalk::latest_results() {
    SelfAssessment& sa = wb_.self_assessment();
    const std::string from = sa.latest_id();
    Latest latest;
    if (from.empty()) return latest;
    latest.assessment = sa.assessment(from);
    latest.results = sa.results(from);
    if (!latest.assessment || !latest.results) return Latest{};
    return latest;
}

void LetsTalk::fill_from_assessment(const std::string& id) {
    const Latest latest = latest_results();
    if (!latest.assessment) {
        wb_.notify(Notice::Kind::Info, "There is no self-assessment yet. Take one on the Self-assessment page, then come back.");
        return;
    }
    bool added = false;
    edit(id, "Fill strengths and stretches", "", [&](Journey& j) { added = seed_from_assessment(j, *latest.assessment, *latest.results); });
    if (added) wb_.notify(Notice::Kind::Success, "Filled from \"" + wb_.self_assessment().display_title(*latest.assessment) + "\". Undo takes it back.");
    else wb_.notify(Notice::Kind::Info, "Your lists already have entries, so nothing was added. Remove them first to start again from the self-assessment.");
}

InterviewEmail LetsTalk::email(const Journey& j) const { return interview_email(j, wb_.profile().name); }

void LetsTalk::set_email_subject(const std::string& id, const std::string& subject) {
    const std::string name = wb_.profile().name;
    edit(id, "Edit the email's subject", "email.subject", [&](Journey& j) { edit_email_subject(j, name, subject); });
}

void LetsTalk::set_email_body(const std::string& id, const std::string& body) {
    const std::string name = wb_.profile().name;
    edit(id, "Edit the email", "email.body", [&](Journey& j) { edit_email_body(j, name, body); });
}

void LetsTalk::reset_email(const std::string& id) {
    edit(id, "Use the suggested email", "", [](Journey& j) {
        j.interview.email_subject.reset();
        j.interview.email_body.reset();
    });
}

void LetsTalk::copy_email_subject(const std::string& id) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j) return;
    wb_.platform().copy_text(email(*j).subject);
    wb_.notify(Notice::Kind::Success, "Copied the subject line. Paste it into the subject of your message.");
}

void LetsTalk::copy_email(const std::string& id) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j) return;
    wb_.platform().copy_text(email(*j).body);
    wb_.notify(Notice::Kind::Success, "Copied the email. Paste it into a new message to your building leader.");
}

void LetsTalk::download_email(const std::string& id) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j) return;
    const std::string text = email(*j).text();
    const std::string name = export_file_name("email", wb_.today(), "txt");
    wb_.download_text(name, "text/plain", text);
    wb_.notify(Notice::Kind::Success, "Saved " + name + ".");
}

// --- step 1: the mindset continuum ---------------------------------------------------------------

void LetsTalk::set_continuum_private(const std::string& id, bool is_private) {
    edit(id, is_private ? "Make the continuum private" : "Share the continuum", "",
         [&](Journey& j) { j.continuum.is_private = is_private; });
}

void LetsTalk::add_guide_phrase(const std::string& id, const std::string& phrase_id) {
    edit(id, "Add a phrase", "", [&](Journey& j) {
        const JourneyItem* item = find_id(j.pack.continuum_phrases, phrase_id);
        if (!item || find_id(j.continuum.phrases, phrase_id)) return;
        ContinuumPhrase p;
        p.id = item->id;
        p.text = item->text;
        j.continuum.phrases.push_back(p);
    });
}

std::string LetsTalk::add_continuum_phrase(const std::string& id, const std::string& text) {
    ContinuumPhrase p;
    p.id = wb_.new_id();
    p.text = text;
    edit(id, "Add a phrase", "", [&](Journey& j) { j.continuum.phrases.push_back(p); });
    return p.id;
}

void LetsTalk::move_continuum_phrase(const std::string& id, const std::string& phrase_id, double position, bool below_line) {
    edit(id, "Move a phrase on the continuum", "", [&](Journey& j) {
        if (ContinuumPhrase* p = find_id(j.continuum.phrases, phrase_id)) {
            p->below_line = below_line;
            if (!below_line) p->position = position;
        }
    });
}

void LetsTalk::highlight_phrase(const std::string& id, const std::string& phrase_id, bool highlighted) {
    edit(id, highlighted ? "Highlight a phrase" : "Remove a highlight", "", [&](Journey& j) {
        if (ContinuumPhrase* p = find_id(j.continuum.phrases, phrase_id)) p->highlighted = highlighted;
    });
}

void LetsTalk::remove_phrase(const std::string& id, const std::string& phrase_id) {
    edit(id, "Remove a phrase", "", [&](Journey& j) { erase_id(j.continuum.phrases, phrase_id); });
}

// --- step 2: strengths and stretches ----------------------------------------------------------------

void LetsTalk::add_strength(const std::string& id, const std::string& area_name) {
    edit(id, "Add strength", "", [&](Journey& j) {
        JourneyStrength entry;
        entry.area_name = area_name;
        j.future_ready.strengths.push_back(entry);
    });
}

void LetsTalk::set_strength_text(const std::string& id, size_t index, StrengthField field, const std::string& text) {
    static const char* const names[] = {"example", "alignment", "shared"};
    std::string JourneyStrength::*const members[] = {&JourneyStrength::example, &JourneyStrength::alignment, &JourneyStrength::shared};
    const int f = (int)field;
    edit(id, "Edit a strength", "strength." + std::to_string(index) + "." + names[f], [&](Journey& j) {
        if (JourneyStrength* e = item_at(j.future_ready.strengths, index)) e->*(members[f]) = text;
    });
}

void LetsTalk::remove_strength(const std::string& id, size_t index) {
    edit(id, "Remove a strength", "", [&](Journey& j) { remove_at(j.future_ready.strengths, index); });
}

void LetsTalk::add_stretch(const std::string& id, const std::string& area_name) {
    edit(id, "Add stretch", "", [&](Journey& j) {
        JourneyStretch entry;
        entry.area_name = area_name;
        j.future_ready.stretches.push_back(entry);
    });
}

void LetsTalk::set_stretch_reason(const std::string& id, size_t index, const std::string& reason) {
    edit(id, "Edit a stretch", "stretch." + std::to_string(index), [&](Journey& j) {
        if (JourneyStretch* e = item_at(j.future_ready.stretches, index)) e->reason = reason;
    });
}

void LetsTalk::remove_stretch(const std::string& id, size_t index) {
    edit(id, "Remove a stretch", "", [&](Journey& j) { remove_at(j.future_ready.stretches, index); });
}

// --- step 3: research and the Venn ------------------------------------------------------------------

void LetsTalk::set_research_status(const std::string& id, const std::string& item_id, ResearchStatus status) {
    edit(id, "Update the research checklist", "", [&](Journey& j) { j.research.status[item_id] = status; });
}

std::string LetsTalk::add_venn_note(const std::string& id, const std::string& text) {
    VennItem item;
    item.id = wb_.new_id();
    item.text = text;
    edit(id, "Add an item to the map", "", [&](Journey& j) { j.research.venn.push_back(item); });
    return item.id;
}

void LetsTalk::place_venn_note(const std::string& id, const std::string& note_id, int region) {
    edit(id, "Place an item on the map", "", [&](Journey& j) {
        if (VennItem* v = find_id(j.research.venn, note_id)) v->region = region;
    });
}

void LetsTalk::remove_venn_note(const std::string& id, const std::string& note_id) {
    edit(id, "Remove an item from the map", "", [&](Journey& j) { erase_id(j.research.venn, note_id); });
}

// --- step 4: the interview --------------------------------------------------------------------------

void LetsTalk::choose_question(const std::string& id, const std::string& question_id, bool chosen) {
    edit(id, chosen ? "Choose a question" : "Drop a question", "",
         [&](Journey& j) { choose_interview_question(j, question_id, chosen); });
}

void LetsTalk::set_leader(const std::string& id, const std::string& leader) {
    edit(id, "Edit the leader's name", "leader", [&](Journey& j) { j.leader = leader; });
}

void LetsTalk::set_school(const std::string& id, const std::string& school) {
    edit(id, "Edit the school", "school", [&](Journey& j) { j.school = school; });
}

void LetsTalk::set_norm(const std::string& id, const std::string& norm_id, bool ticked) {
    edit(id, ticked ? "Tick a meeting norm" : "Untick a meeting norm", "", [&](Journey& j) { j.interview.norms[norm_id] = ticked; });
}

void LetsTalk::set_meeting_notes(const std::string& id, const std::string& notes) {
    edit(id, "Edit the meeting notes", "notes", [&](Journey& j) { j.interview.notes = notes; });
}

// --- step 5: the collaboration map ------------------------------------------------------------------

std::string LetsTalk::add_priority(const std::string& id, const std::string& text) {
    const std::string note_id = wb_.new_id();
    edit(id, "Add a priority", "", [&](Journey& j) { add_note(j.collaboration, note_id, text, NoteKind::Priority); });
    return note_id;
}

std::string LetsTalk::add_map_strength(const std::string& id, const std::string& text) {
    const std::string note_id = wb_.new_id();
    edit(id, "Add a strength to the map", "", [&](Journey& j) { add_note(j.collaboration, note_id, text, NoteKind::Strength); });
    return note_id;
}

void LetsTalk::add_offered_strength(const std::string& id, const AreaRef& strength) {
    const std::string note_id = wb_.new_id();
    edit(id, "Add a strength to the map", "", [&](Journey& j) { add_strength_from_area(j.collaboration, note_id, strength); });
}

void LetsTalk::place_beside(const std::string& id, const std::string& strength_id, const std::string& priority_id) {
    // Beside the priority it now serves, even when it was in the circle beside another one.
    edit(id, "Place a strength beside a priority", "", [&](Journey& j) {
        if (wf::place_beside(j.collaboration, strength_id, priority_id))
            unplace_map_note(j, MapKind::Collaboration, strength_id);
    });
}

void LetsTalk::bring_into_circle(const std::string& id, const std::string& priority_id) {
    edit(id, "Bring a priority into the circle", "", [&](Journey& j) { place_in_circle(j.collaboration, priority_id); });
}

void LetsTalk::move_to_margins(const std::string& id, const std::string& note_id) {
    edit(id, "Move a note to the margins", "", [&](Journey& j) { move_to_margin(j.collaboration, note_id); });
}

void LetsTalk::remove_map_note(const std::string& id, const std::string& note_id) {
    edit(id, "Remove a note", "", [&](Journey& j) { remove_note(j.collaboration, note_id); });
}

// --- step 6: the agreement --------------------------------------------------------------------------

void LetsTalk::add_candidate(const std::string& id, const AgreementCandidate& candidate) {
    AgreementCandidate added = candidate;
    added.id = wb_.new_id();
    edit(id, "Add a possible area", "", [&](Journey& j) { wf::add_candidate(j.agreement, added); });
}

// Typing is coalesced per candidate (by its id), whatever its place in the list.
void LetsTalk::set_candidate_title(const std::string& id, size_t index, const std::string& title) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j || index >= j->agreement.candidates.size()) return;
    edit(id, "Edit a possible area", "candidate." + j->agreement.candidates[index].id + ".title",
         [&](Journey& x) { if (AgreementCandidate* e = item_at(x.agreement.candidates, index)) e->title = title; });
}

void LetsTalk::set_candidate_description(const std::string& id, size_t index, const std::string& description) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j || index >= j->agreement.candidates.size()) return;
    edit(id, "Edit a possible area", "candidate." + j->agreement.candidates[index].id + ".description",
         [&](Journey& x) { if (AgreementCandidate* e = item_at(x.agreement.candidates, index)) e->description = description; });
}

void LetsTalk::agree_on(const std::string& id, const std::string& candidate_id) {
    edit(id, "Agree on an area", "", [&](Journey& j) { j.agreement.center = candidate_id; });
}

void LetsTalk::remove_candidate(const std::string& id, size_t index) {
    edit(id, "Remove a possible area", "", [&](Journey& j) {
        const AgreementCandidate* c = item_at(j.agreement.candidates, index);
        if (!c) return;
        if (j.agreement.center == c->id) j.agreement.center.clear();
        remove_at(j.agreement.candidates, index);
    });
}

namespace {
int plan_region(LetsTalk::PlanField field) { return kWho + int(field); }
} // namespace

// The quadrant's first note in reading order takes the text; an empty quadrant gets one.
void LetsTalk::set_plan(const std::string& id, PlanField field, const std::string& text) {
    static const char* const names[] = {"who", "when", "what", "where"};
    const int region = plan_region(field);
    const std::string new_id = wb_.new_id();
    edit(id, "Edit the plan", std::string("plan.") + names[int(field)], [&](Journey& j) {
        PlanNote* first = nullptr;
        for (PlanNote& note : j.agreement.notes)
            if (note.region == region && (!first || reads_before({note.place.x, note.place.y}, {first->place.x, first->place.y})))
                first = &note;
        if (first) {
            first->text = text;
            return;
        }
        PlanNote note;
        note.id = new_id;
        note.text = text;
        note.region = region;
        j.agreement.notes.push_back(std::move(note));
    });
}

std::string LetsTalk::add_plan_note(const std::string& id, PlanField field, const std::string& text) {
    PlanNote note;
    note.id = wb_.new_id();
    note.text = text;
    note.region = plan_region(field);
    edit(id, "Add a note to the plan", "", [&](Journey& j) { j.agreement.notes.push_back(note); });
    return note.id;
}

void LetsTalk::set_next_step_owner(const std::string& id, const std::string& owner) {
    edit(id, "Edit who starts the next step", "owner", [&](Journey& j) { j.agreement.next_step_owner = owner; });
}

// --- the map canvases -------------------------------------------------------------------------------

void LetsTalk::move_map_notes(const std::string& id, MapKind map, const std::vector<NoteMove>& moves) {
    if (moves.empty()) return;
    std::vector<MapNoteMove> to;
    for (const NoteMove& move : moves) to.push_back({move.note_id, move.to});
    edit(id, moves.size() == 1 ? "Move note" : "Move notes", "", [&](Journey& j) { wf::move_map_notes(j, map, to); });
}

std::string LetsTalk::add_map_note(const std::string& id, MapKind map, canvas::Vec2 at, const std::string& text) {
    const std::string note_id = wb_.new_id();
    bool added = false;
    edit(id, "Add a note", "", [&](Journey& j) { added = wf::add_map_note(j, map, at, text, note_id); });
    return added ? note_id : std::string();
}

void LetsTalk::set_map_note_text(const std::string& id, MapKind map, const std::string& note_id, const std::string& text) {
    edit(id, "Edit a note", "note." + note_id, [&](Journey& j) { wf::set_map_note_text(j, map, note_id, text); });
}

void LetsTalk::set_map_note_colour(const std::string& id, MapKind map, const std::vector<std::string>& note_ids, NoteColour colour) {
    if (note_ids.empty()) return;
    edit(id, note_ids.size() == 1 ? "Change a note's colour" : "Change the notes' colour", "",
         [&](Journey& j) { wf::set_map_note_colour(j, map, note_ids, colour); });
}

std::vector<std::string> LetsTalk::duplicate_map_notes(const std::string& id, MapKind map, const std::vector<std::string>& note_ids) {
    if (note_ids.empty()) return {};
    std::vector<std::string> new_ids;
    for (size_t i = 0; i < note_ids.size(); i++) new_ids.push_back(wb_.new_id());
    std::vector<std::string> made;
    edit(id, note_ids.size() == 1 ? "Duplicate a note" : "Duplicate notes", "",
         [&](Journey& j) { made = wf::duplicate_map_notes(j, map, note_ids, new_ids); });
    return made;
}

void LetsTalk::remove_map_notes(const std::string& id, MapKind map, const std::vector<std::string>& note_ids) {
    if (note_ids.empty()) return;
    edit(id, note_ids.size() == 1 ? "Remove a note" : "Remove notes", "",
         [&](Journey& j) { wf::remove_map_notes(j, map, note_ids); });
}

// --- sharing ----------------------------------------------------------------------------------------

void LetsTalk::export_guide(const std::string& id, bool markdown, bool include_private) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j) return;
    GuideOptions options;
    options.include_private = include_private;
    const std::string name_in_guide = wb_.profile().name;
    const std::string text = markdown ? reflection_guide_markdown(*j, name_in_guide, options)
                                      : reflection_guide_html(*j, name_in_guide, options);
    const std::string name = export_file_name("reflection guide", wb_.today(), markdown ? "md" : "html");
    wb_.download_text(name, markdown ? "text/markdown" : "text/html", text);
    wb_.notify(Notice::Kind::Success, "Saved " + name + (include_private ? ", with your private continuum." : ". Private items were left out."));
}

std::string LetsTalk::export_text(const std::string& id, bool include_private) const {
    const nlohmann::json* doc = document(id);
    return doc ? item_share_text(*doc, ExportInfo{wb_.now_iso(), wb_.app_version()}, include_private) : std::string();
}

void LetsTalk::export_json(const std::string& id, bool include_private) {
    const std::string text = export_text(id, include_private);
    if (text.empty()) return;
    const std::string name = export_file_name("journey", wb_.today(), "json");
    wb_.download_text(name, "application/json", text);
    wb_.notify(Notice::Kind::Success, "Saved " + name + (include_private ? ", with your private continuum." : ". Private items were left out."));
}

void LetsTalk::rename(const std::string& id, const std::string& name) {
    edit(id, "Rename the journey", "name", [&](Journey& j) { j.name = name; });
}

void LetsTalk::set_current_step(const std::string& id, const std::string& step_id) {
    const std::shared_ptr<const Journey> j = journey(id);
    if (!j || j->current_step == step_id) return;
    // Where to resume is saved but is not an edit worth undoing.
    Journey next = *j;
    next.current_step = step_id;
    nlohmann::json doc = *wb_.document(journey_key(id));
    journey_write(doc, next);
    wb_.replace_document_quietly(journey_key(id), std::move(doc));
}

void LetsTalk::set_checklist(const std::string& id, const std::string& step_id, const std::string& item_id, bool ticked) {
    edit(id, ticked ? "Tick a checklist item" : "Untick a checklist item", "",
         [&](Journey& j) { j.steps[step_id].checklist[item_id] = ticked; });
}

void LetsTalk::set_answer(const std::string& id, const std::string& step_id, const std::string& prompt_id, const std::string& text) {
    edit(id, "Edit a reflection", "answer." + prompt_id, [&](Journey& j) { j.steps[step_id].answers[prompt_id] = text; });
}

} // namespace wf
