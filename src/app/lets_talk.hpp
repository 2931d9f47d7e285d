// The Let's Talk tool's commands and cached views over the Workbench's "journey:<id>" documents.
// A librarian can keep several journeys (one per school year or per leader).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/journey.hpp"

namespace wf {

class Workbench;

class LetsTalk {
public:
    explicit LetsTalk(Workbench& wb) : wb_(wb) {}

    void set_pack_text(const char* text) { pack_text_ = text; }
    const JourneyPack* pack();               // the shipped journey, parsed on first use

    std::vector<std::string> journey_ids() const;   // newest first
    const Journey* journey(const std::string& id);
    std::string display_name(const Journey& journey) const;
    std::string start(const std::string& name);
    void rename(const std::string& id, const std::string& name);
    void set_current_step(const std::string& id, const std::string& step_id);
    void set_checklist(const std::string& id, const std::string& step_id, const std::string& item_id, bool ticked);
    void set_answer(const std::string& id, const std::string& step_id, const std::string& prompt_id, const std::string& text);
    void remove(const std::string& id);     // undoable

    // Any other change: one read-modify-write of the journey, undoable as `label`. Edits with the same
    // non-empty `coalesce` key in a burst (typing) are one undo step.
    template <typename Edit> void edit(const std::string& id, const std::string& label, const std::string& coalesce, Edit change);

    // --- step 2: fills empty strengths and stretches from the latest self-assessment
    // (SelfAssessment::latest_id); says what happened in a notice.
    void fill_from_assessment(const std::string& id);

    // --- step 4: the email to the building leader, merged with the profile's name; the librarian
    // may reword its subject and body (kept in the journey) and start again from Wayfinder's wording
    InterviewEmail email(const Journey& journey) const;
    void set_email_subject(const std::string& id, const std::string& subject);
    void set_email_body(const std::string& id, const std::string& body);
    void reset_email(const std::string& id);
    void copy_email_subject(const std::string& id);
    void copy_email(const std::string& id);           // the body, to paste into a new message
    void download_email(const std::string& id);       // subject and body

    // --- steps 5 and 6: a strength offered from step 2 onto the map; a possible area, blank or
    // offered from step 5's map (up to kMaxAgreementCandidates)
    void add_offered_strength(const std::string& id, const AreaRef& strength);
    void add_candidate(const std::string& id, const AgreementCandidate& candidate);

    // --- sharing: the Reflection Guide and the journey file; private items only when asked
    void export_guide(const std::string& id, bool markdown, bool include_private);
    void export_json(const std::string& id, bool include_private);
    std::string export_text(const std::string& id, bool include_private) const;

private:
    const nlohmann::json* document(const std::string& id) const;
    // The latest self-assessment and its results, both null when there is none.
    struct Latest { const Assessment* assessment = nullptr; const std::vector<AreaResult>* results = nullptr; };
    Latest latest_results();
    void commit(const std::string& id, nlohmann::json doc, const std::string& label, const std::string& coalesce);

    struct Cached { uint64_t revision = 0; Journey journey; };
    Workbench& wb_;
    const char* pack_text_ = nullptr;
    JourneyPack pack_;
    bool pack_parsed_ = false, pack_ok_ = false;
    std::map<std::string, Cached> journeys_;
};

template <typename Edit>
void LetsTalk::edit(const std::string& id, const std::string& label, const std::string& coalesce, Edit change) {
    const Journey* current = journey(id);
    const nlohmann::json* doc = current ? document(id) : nullptr;
    if (!doc) return;
    Journey next = *current;
    change(next);
    nlohmann::json updated = *doc;
    journey_write(updated, next);
    commit(id, std::move(updated), label, coalesce);
}

} // namespace wf
