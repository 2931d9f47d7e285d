#pragma once
// A "Let's Talk" conversation journey: one librarian's way through the journey pack's steps with
// one building leader, over weeks. It holds the ticks and answers of every step and what some steps
// add beyond text: the private mindset continuum (step 1), strengths and stretches (step 2), the
// research checklist and the district / school / library Venn (step 3), the interview (step 4), the
// collaboration map (step 5) and the agreement (step 6).
// Like an assessment, the document keeps a full copy of the pack it was started with, written once
// at creation, so its steps read the same on any device and after the shipped pack changes.
// A librarian may keep several journeys (one per school year or per leader).

#include "core/assessment_results.hpp"
#include "core/collaboration_map.hpp"
#include "core/document_restore.hpp"
#include "core/journey_pack.hpp"
#include "core/map_templates.hpp"
#include "core/note_place.hpp"
#include "core/template_merge.hpp"
#include "core/venn_regions.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kJourneyType = "wayfinder.journey";

// {type, version, id, name, created_at, leader, school, pack (journey pack JSON), current_step,
//  steps: {step id: {checklist: {item id: bool}, answers: {prompt id: text}}},
//  continuum: {private, phrases: [{id, text, position, highlighted, below_line}]},
//  future_ready: {from_assessment, strengths: [{area_id, area_name, example, alignment, shared}],
//                 stretches: [{area_id, area_name, reason}]},
//  research: {status: {item id: "not-started" | "requested" | "found"}, venn: [{id, text, region}]},
//  interview: {questions: [question id], norms: {norm id: bool}, notes, email_subject?, email_body?},
//  collaboration: {notes: [{id, text, kind, placement, aligned_with, area_id}]},
//  agreement: {candidates: [{id, title, description, from_priority}], center, notes: [{id, text, region}], next_step_owner}}
// From version 2 every note of the four maps (phrases, venn, collaboration notes, candidates, the
// agreement's notes) also has x, y (its centre on the map, map_templates.hpp) and colour; a plan note's
// region is "who", "when", "what" or "where". Version 1 kept the quadrants as texts (who, when, what,
// where); the migration makes each a note.
// The email fields are there only once the librarian has reworded the email (`?`): a journey without
// them, older ones included, has the email Wayfinder writes.
const DocumentSchema& journey_schema();

// Storage key of a journey: "journey:" + id.
std::string journey_key(const std::string& id);

// The librarian picks this many questions from the pack's bank to send ahead of the interview.
inline constexpr size_t kMinInterviewQuestions = 2;
inline constexpr size_t kMaxInterviewQuestions = 3;
// Step 6 names two or three possible areas to work on together.
inline constexpr size_t kMinAgreementCandidates = 2;
inline constexpr size_t kMaxAgreementCandidates = 3;
// Step 1 asks for at least this many phrases on the fixed side of the continuum.
inline constexpr size_t kMinFixedSidePhrases = 2;

struct StepResponses {
    std::map<std::string, bool> checklist;        // checklist item id -> ticked; missing: not ticked
    std::map<std::string, std::string> answers;   // reflection prompt id -> answer; missing: not answered
};

struct ContinuumPhrase {
    std::string id;
    std::string text;
    double position = 0.5;      // 0.5: where it sits on the line, 0 fixed .. 1 growth; on the canvas, the x of its centre
    bool highlighted = false;   // true: a fixed-mindset phrase the librarian marked to stand out
    bool below_line = false;    // true: an "other habit" that does not fit on the line (position kept, unused)
    NotePlace place;            // on the continuum: kOnLine, or kBelowLine when below_line
};

struct Continuum {
    bool is_private = true;     // true: left out of shared exports and the guide unless included
    std::vector<ContinuumPhrase> phrases;
};

struct JourneyStrength {
    std::string area_id;        // "": typed by the librarian rather than taken from an assessment
    std::string area_name;
    std::string example;        // what the librarian does in this area
    std::string alignment;      // how it fits classroom, school or district priorities
    std::string shared;         // how it is shared beyond the library
};

struct JourneyStretch {
    std::string area_id;
    std::string area_name;
    std::string reason;         // why the librarian wants to grow here
};

struct FutureReadiness {
    std::string from_assessment;                  // "": the id of the self-assessment the lists were seeded from
    std::vector<JourneyStrength> strengths;
    std::vector<JourneyStretch> stretches;
};

enum class ResearchStatus { NotStarted, Requested, Found };

// "Not started", "Requested", "Found".
const char* research_status_label(ResearchStatus status);

struct VennItem {
    std::string id;
    std::string text;
    int region = kVennNotPlaced; // a mask of venn_regions.hpp; anything unreadable reads as not placed
    NotePlace place;             // on the Venn: in `region` (outside every circle when not placed)
};

struct Research {
    std::map<std::string, ResearchStatus> status; // research item id -> status; missing: not started
    std::vector<VennItem> venn;
};

struct Interview {
    std::vector<std::string> questions;           // chosen question ids, in the order chosen; at most kMaxInterviewQuestions
    std::map<std::string, bool> norms;            // meeting norm id -> ticked
    std::string notes;                            // the librarian's meeting notes
    // The librarian's wording of the email; none (never edited, or edited back to Wayfinder's
    // wording): the email follows the pack's template, the names and the chosen questions.
    std::optional<std::string> email_subject;
    std::optional<std::string> email_body;
};

struct AgreementCandidate {
    std::string id;
    std::string title;
    std::string description;
    std::string from_priority;                    // "": named by the librarian; else the collaboration-map priority it was offered from
    NotePlace place;                              // kCenter when it is the agreed one, else kParkingLot
};

// A sticky note in one of the four quadrants around the agreed idea.
struct PlanNote {
    std::string id;
    std::string text;
    int region = kWho;                            // kWho, kWhen, kWhat or kWhere; anything else reads as kWho
    NotePlace place;
};

struct Agreement {
    std::vector<AgreementCandidate> candidates;   // two or three areas of possible collaboration
    std::string center;                           // "": the id of the candidate agreed on; the rest are the parking lot
    std::vector<PlanNote> notes;                  // the quadrants' notes, in the order they were added
    std::string next_step_owner;                  // who starts the next step
};

// What a quadrant (kWho .. kWhere) says: its notes' texts in reading order (map_templates.hpp's
// reads_before), blank ones left out, joined by a newline. What the guide and the texts read.
std::string plan_text(const Agreement& agreement, int region);

struct Journey {
    std::string id;
    std::string name;                             // "": e.g. "2026–27 with Ms. Rivera"
    std::string created_at;                       // ISO 8601 UTC
    std::string leader;                           // "": the building leader's name, for the email
    std::string school;                           // ""
    JourneyPack pack;                             // the copy the journey was started with
    std::string pack_error;                       // "": the copy is valid; else why not (set by reading, never stored)
    std::string current_step;                     // the step id where the librarian resumes
    std::map<std::string, StepResponses> steps;   // step id -> responses
    Continuum continuum;
    FutureReadiness future_ready;
    Research research;
    Interview interview;
    CollaborationMap collaboration;
    Agreement agreement;
};

// Missing or mistyped fields read as their defaults; a damaged pack copy is reported in
// `pack_error`. A current step that is not one of the pack's reads as the first step; a region that
// is not a Venn region reads as not placed; a continuum position is clamped to 0..1; chosen
// interview questions lose duplicates and anything past kMaxInterviewQuestions; an agreement center
// that names no candidate reads as none. Every note gets a usable place (settle_map_notes): the region
// is the meaning, the position only where it is drawn, so nothing is ever dropped.
Journey journey_from_doc(const nlohmann::json& doc);
// The same with the pack copy already read by journey_pack_copy(): edits never change the copy, so a
// cache reads it once per journey instead of validating it again at every revision.
Journey journey_from_doc(const nlohmann::json& doc, const JourneyPackLoad& pack_copy);
JourneyPackLoad journey_pack_copy(const nlohmann::json& doc);

// Writes every field except the pack copy, which is kept as it is. Fields a newer build added are
// kept: at the top, inside each object, and inside list entries matched by id. A `doc` that is not
// an object is replaced by a new journey document of `journey.pack`.
void journey_write(nlohmann::json& doc, const Journey& journey);

// A document with the pack copied in, nothing answered, resuming at the first step.
nlohmann::json new_journey_doc(const JourneyPack& pack, std::string id, std::string name, std::string created_at);

//-------------------------------------------------------------------------------------------------
// Working with the steps' material
//-------------------------------------------------------------------------------------------------

// Step 2 from a self-assessment: fills the strengths when there are none (rank_strengths, with the
// area's note as the example) and the stretches when there are none (rank_stretches, with why each
// is a stretch as a starting reason), and notes the assessment's id. Lists the librarian already has
// are never touched. Returns true when anything was added.
bool seed_from_assessment(Journey& journey, const Assessment& assessment, const std::vector<AreaResult>& results);

// The strengths of step 2, from the self-assessment or named by the librarian, as areas the
// collaboration map can offer as notes; a name listed twice is offered once.
std::vector<AreaRef> journey_strength_areas(const Journey& journey);

struct VennGroup {
    int region = 0;
    std::vector<VennItem> items;                  // in the order they were added
};

// All seven regions in reading order, each with its items (possibly none), then the items not placed
// yet (region 0) when there are any.
std::vector<VennGroup> venn_groups(const Journey& journey);

// The overlap regions that hold items, in reading order: the "connections".
std::vector<VennGroup> venn_connections(const Journey& journey);

// Chooses or un-chooses a question from the pack's bank. False, with nothing changed, when the id is
// not in the bank or when choosing it would go past kMaxInterviewQuestions.
bool choose_interview_question(Journey& journey, const std::string& question_id, bool chosen);

struct InterviewEmail {
    std::string subject;
    std::string body;
    std::vector<std::string> missing;             // fields Wayfinder's wording still lacks, each once; the librarian's own wording is theirs
    bool edited = false;                          // the librarian reworded the subject or the body

    // Both as one text, for a file or the guide: "Subject: …", a blank line, then the body.
    std::string text() const;
};

// The step 4 email. Wayfinder's wording: a subject naming the school, and the pack's template
// merged with leader, school, the librarian's name and the chosen questions as a bulleted list.
// A subject or body the librarian reworded replaces Wayfinder's.
InterviewEmail interview_email(const Journey& journey, const std::string& librarian_name);

// Keeps the librarian's wording of the subject or the body. Wording equal to Wayfinder's is no
// edit: the email follows the names and questions again.
void edit_email_subject(Journey& journey, const std::string& librarian_name, const std::string& subject);
void edit_email_body(Journey& journey, const std::string& librarian_name, const std::string& body);

// What to do about a missing email field, as a sentence: "Fill in your school's name."
std::string email_field_prompt(std::string_view field);

// The agreed idea, or nullptr when none is in the center.
const AgreementCandidate* agreement_center(const Agreement& agreement);

// The candidates not in the center, in order.
std::vector<AgreementCandidate> parking_lot(const Agreement& agreement);

// Step 5's aligned ideas offered as step 6 candidates: each priority in the circle with a strength
// beside it (title: the priority; description: the strengths), unless a candidate came from it or
// already has its title. Ids are left for the caller to give.
std::vector<AgreementCandidate> candidates_to_offer(const Journey& journey);

// Adds a candidate; false, with nothing changed, when there are kMaxAgreementCandidates already.
bool add_candidate(Agreement& agreement, AgreementCandidate candidate);

//-------------------------------------------------------------------------------------------------
// Progress
//-------------------------------------------------------------------------------------------------

// Something a step asks the librarian to make, beyond ticks and answers: phrases placed, notes on a
// map, questions chosen, an idea agreed on.
struct StepWork {
    std::string to_do;            // what it takes, as the librarian reads it: "Put a priority in the circle."
    bool done = false;
};

// The work of a step, by its Let's Talk id, in the order the step asks for it; none for a step whose
// only work is ticks and answers (or a step id Wayfinder does not know).
std::vector<StepWork> work_of_step(const Journey& journey, std::string_view step_id);

struct StepProgress {
    std::string step_id;
    int checklist_ticked = 0;
    int checklist_total = 0;
    int prompts_answered = 0;     // answers with more than blanks
    int prompts_total = 0;
    std::vector<StepWork> work;   // work_of_step()
    int work_done = 0;
    // Either all the step's work is made (the maps and lists are what the step is for), or every
    // checklist item is ticked and every prompt answered. A step with nothing to make, tick or answer
    // is never done: nothing would show it was visited.
    bool done = false;

    int items_done() const { return checklist_ticked + prompts_answered + work_done; }
    int items_total() const { return checklist_total + prompts_total + int(work.size()); }
};

struct JourneyProgress {
    std::vector<StepProgress> steps;  // one per step of the pack, in order
    int steps_done = 0;
    int steps_total = 0;
    int items_done = 0;               // checklist items ticked, prompts answered and work made, over all steps
    int items_total = 0;

    double fraction() const { return items_total > 0 ? double(items_done) / items_total : 0.0; }
};

JourneyProgress journey_progress(const Journey& journey);

//-------------------------------------------------------------------------------------------------
// Sharing and single-item import (document_registry.hpp)
//-------------------------------------------------------------------------------------------------

// Makes a journey document fit to share: a private continuum is emptied (its privacy flag kept).
void remove_journey_private_parts(nlohmann::json& journey_doc);

// For a single-item import: refuses a journey whose pack copy cannot be read (returns why, for the
// user), otherwise adds the lines that say what is about to be added and returns "".
std::string describe_journey_item(const nlohmann::json& doc, std::vector<std::string>& summary);

} // namespace wf
