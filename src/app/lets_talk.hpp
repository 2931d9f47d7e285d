// The Let's Talk tool's commands and cached views over the Workbench's "journey:<id>" documents.
// A librarian can keep several journeys (one per school year or per leader).
//
// Every change a view makes is one of the named commands below: each reads the journey, changes it,
// and records one undo step under its own label; commands that add something make its id. Typing
// into a field repeats its command, and a burst of typing is one undo step.
// Views read journeys as shared snapshots: a command replaces the cached journey, but a view that
// holds the snapshot for its frame keeps reading the version it started drawing, so a second command
// in the same frame never leaves it reading freed memory.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/pack_copy.hpp"
#include "core/journey.hpp"
#include "core/journey_maps.hpp"

namespace wf {

class Workbench;

class LetsTalk {
public:
    explicit LetsTalk(Workbench& wb) : wb_(wb) {}

    void set_pack_text(const char* text) { pack_text_ = text; }
    const JourneyPack* pack();               // the shipped journey, parsed on first use

    std::vector<std::string> journey_ids() const;   // newest first
    std::shared_ptr<const Journey> journey(const std::string& id);  // null when there is none
    std::string display_name(const Journey& journey) const;
    std::string start(const std::string& name);
    void rename(const std::string& id, const std::string& name);
    void set_current_step(const std::string& id, const std::string& step_id);   // saved, not undoable
    void set_checklist(const std::string& id, const std::string& step_id, const std::string& item_id, bool ticked);
    void set_answer(const std::string& id, const std::string& step_id, const std::string& prompt_id, const std::string& text);
    void remove(const std::string& id);     // undoable

    // --- step 1: the mindset continuum. A phrase of the guide keeps the guide's id; one of the
    // librarian's own gets a new id (returned).
    void set_continuum_private(const std::string& id, bool is_private);
    void add_guide_phrase(const std::string& id, const std::string& phrase_id);
    std::string add_continuum_phrase(const std::string& id, const std::string& text);
    // `position` 0 (fixed) .. 1 (growth); below the line keeps the position it had.
    void move_continuum_phrase(const std::string& id, const std::string& phrase_id, double position, bool below_line);
    void highlight_phrase(const std::string& id, const std::string& phrase_id, bool highlighted);
    void remove_phrase(const std::string& id, const std::string& phrase_id);

    // --- step 2: fills empty strengths and stretches from the latest self-assessment
    // (SelfAssessment::latest_id); says what happened in a notice. Entries are addressed by their
    // place in the list as drawn.
    void fill_from_assessment(const std::string& id);
    enum class StrengthField { Example, Alignment, Shared };
    void add_strength(const std::string& id, const std::string& area_name);
    void set_strength_text(const std::string& id, size_t index, StrengthField field, const std::string& text);
    void remove_strength(const std::string& id, size_t index);
    void add_stretch(const std::string& id, const std::string& area_name);
    void set_stretch_reason(const std::string& id, size_t index, const std::string& reason);
    void remove_stretch(const std::string& id, size_t index);

    // --- step 3: the research checklist and the Venn of district, school and library
    void set_research_status(const std::string& id, const std::string& item_id, ResearchStatus status);
    std::string add_venn_note(const std::string& id, const std::string& text);   // returns the new note's id
    void place_venn_note(const std::string& id, const std::string& note_id, int region);
    void remove_venn_note(const std::string& id, const std::string& note_id);

    // --- step 4: questions, names, the email to the building leader (merged with the profile's
    // name; the librarian may reword its subject and body, kept in the journey, and start again from
    // Wayfinder's wording), meeting norms and notes
    void choose_question(const std::string& id, const std::string& question_id, bool chosen);
    void set_leader(const std::string& id, const std::string& leader);
    void set_school(const std::string& id, const std::string& school);
    InterviewEmail email(const Journey& journey) const;
    void set_email_subject(const std::string& id, const std::string& subject);
    void set_email_body(const std::string& id, const std::string& body);
    void reset_email(const std::string& id);
    void copy_email_subject(const std::string& id);
    void copy_email(const std::string& id);           // the body, to paste into a new message
    void download_email(const std::string& id);       // subject and body
    void set_norm(const std::string& id, const std::string& norm_id, bool ticked);
    void set_meeting_notes(const std::string& id, const std::string& notes);

    // --- step 5: the collaboration map. A strength offered from step 2, or named here.
    std::string add_priority(const std::string& id, const std::string& text);   // returns the new note's id
    std::string add_map_strength(const std::string& id, const std::string& text);
    void add_offered_strength(const std::string& id, const AreaRef& strength);
    void place_beside(const std::string& id, const std::string& strength_id, const std::string& priority_id);
    void bring_into_circle(const std::string& id, const std::string& priority_id);
    void move_to_margins(const std::string& id, const std::string& note_id);
    void remove_map_note(const std::string& id, const std::string& note_id);

    // --- step 6: possible areas, blank or offered from step 5's map (up to kMaxAgreementCandidates),
    // the one agreed on, and the plan around it
    void add_candidate(const std::string& id, const AgreementCandidate& candidate);
    void set_candidate_title(const std::string& id, size_t index, const std::string& title);
    void set_candidate_description(const std::string& id, size_t index, const std::string& description);
    void agree_on(const std::string& id, const std::string& candidate_id);
    void remove_candidate(const std::string& id, size_t index);
    enum class PlanField { Who, When, What, Where };
    // The quadrant's text as one field: it edits the quadrant's first note (in reading order), or
    // makes one when the quadrant has none. Each note is also edited on its own (set_map_note_text).
    void set_plan(const std::string& id, PlanField field, const std::string& text);
    std::string add_plan_note(const std::string& id, PlanField field, const std::string& text);   // returns the new note's id
    void set_next_step_owner(const std::string& id, const std::string& owner);

    // --- the map canvases (journey_maps.hpp): any map's notes, by the map they are on. Each command
    // keeps every note's region and position in step (region_at(centre) == region).
    struct NoteMove { std::string note_id; canvas::Vec2 to; };
    // One drag, however many notes it carried: one undo step ("Move note" / "Move notes"). A note
    // dropped into a region its role may go to (note_may_go) takes that region (a Venn note its
    // overlap, a continuum phrase its place on the line, a candidate the center: the one there goes to
    // the parking lot); elsewhere it goes back where it was. A strength dropped in the circle is
    // aligned with the nearest priority there and placed beside it (with no priority in the circle it
    // goes back); a priority takes the strengths beside it along.
    void move_map_notes(const std::string& id, MapKind map, const std::vector<NoteMove>& moves);
    // A new note at `at` (N or a double-click), of the kind the region there takes: a phrase, a Venn
    // note, a priority, a plan note in a quadrant, or a candidate in the center or parking lot (none,
    // returning "", when there are kMaxAgreementCandidates already). Returns its id.
    std::string add_map_note(const std::string& id, MapKind map, canvas::Vec2 at, const std::string& text);
    // Typing into a note: a burst is one undo step.
    void set_map_note_text(const std::string& id, MapKind map, const std::string& note_id, const std::string& text);
    void set_map_note_colour(const std::string& id, MapKind map, const std::vector<std::string>& note_ids, NoteColour colour);
    // Copies beside the originals, in the same regions, with new ids (returned in order).
    std::vector<std::string> duplicate_map_notes(const std::string& id, MapKind map, const std::vector<std::string>& note_ids);
    void remove_map_notes(const std::string& id, MapKind map, const std::vector<std::string>& note_ids);

    // --- sharing: the Reflection Guide and the journey file; private items only when asked
    void export_guide(const std::string& id, bool markdown, bool include_private);
    void export_json(const std::string& id, bool include_private);
    std::string export_text(const std::string& id, bool include_private) const;

    // How many times a journey's pack copy was read and validated: once per journey, not per edit.
    size_t pack_copy_reads() const { return pack_copy_reads_; }

private:
    const nlohmann::json* document(const std::string& id) const;
    // The latest self-assessment and its results, both null when there is none.
    struct Latest { std::shared_ptr<const Assessment> assessment; std::shared_ptr<const std::vector<AreaResult>> results; };
    Latest latest_results();
    // One read-modify-write of the journey, undoable as `label`. Edits with the same non-empty
    // `coalesce` key in a burst (typing) are one undo step.
    template <typename Change> void edit(const std::string& id, const std::string& label, const std::string& coalesce, Change change);
    void commit(const std::string& id, nlohmann::json doc, const std::string& label, const std::string& coalesce);

    struct Cached {
        uint64_t revision = 0;
        std::shared_ptr<const Journey> journey;
        PackCopy<JourneyPackLoad> pack;
    };
    Workbench& wb_;
    const char* pack_text_ = nullptr;
    JourneyPack pack_;
    bool pack_parsed_ = false, pack_ok_ = false;
    std::map<std::string, Cached> journeys_;
    size_t pack_copy_reads_ = 0;
};

} // namespace wf
