#include "app/lets_talk.hpp"

#include <algorithm>

#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "core/item_file.hpp"
#include "core/reflection_guide.hpp"

namespace wf {

namespace {
const std::string kJourneyPrefix = "journey:";
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

const Journey* LetsTalk::journey(const std::string& id) {
    const std::string key = journey_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) return nullptr;
    Cached& cached = journeys_[key];
    if (cached.revision != wb_.document_revision(key)) cached = {wb_.document_revision(key), journey_from_doc(*doc)};
    return &cached.journey;
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

void LetsTalk::commit(const std::string& id, nlohmann::json doc, const std::string& label, const std::string& coalesce) {
    wb_.update_document(journey_key(id), std::move(doc), label, coalesce.empty() ? "" : journey_key(id) + "." + coalesce);
}

void LetsTalk::remove(const std::string& id) {
    const Journey* j = journey(id);
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
    const Journey* j = journey(id);
    if (!j) return;
    wb_.platform().copy_text(email(*j).subject);
    wb_.notify(Notice::Kind::Success, "Copied the subject line. Paste it into the subject of your message.");
}

void LetsTalk::copy_email(const std::string& id) {
    const Journey* j = journey(id);
    if (!j) return;
    wb_.platform().copy_text(email(*j).body);
    wb_.notify(Notice::Kind::Success, "Copied the email. Paste it into a new message to your building leader.");
}

void LetsTalk::download_email(const std::string& id) {
    const Journey* j = journey(id);
    if (!j) return;
    const std::string text = email(*j).text();
    const std::string name = export_file_name("email", wb_.today(), "txt");
    wb_.platform().download(name, "text/plain", reinterpret_cast<const uint8_t*>(text.data()), text.size());
    wb_.notify(Notice::Kind::Success, "Saved " + name + ".");
}

void LetsTalk::add_offered_strength(const std::string& id, const AreaRef& strength) {
    const std::string note_id = wb_.new_id();
    edit(id, "Add a strength to the map", "", [&](Journey& j) { add_strength_from_area(j.collaboration, note_id, strength); });
}

void LetsTalk::add_candidate(const std::string& id, const AgreementCandidate& candidate) {
    AgreementCandidate added = candidate;
    added.id = wb_.new_id();
    edit(id, "Add a possible area", "", [&](Journey& j) { wf::add_candidate(j.agreement, added); });
}

void LetsTalk::export_guide(const std::string& id, bool markdown, bool include_private) {
    const Journey* j = journey(id);
    if (!j) return;
    GuideOptions options;
    options.include_private = include_private;
    const std::string name_in_guide = wb_.profile().name;
    const std::string text = markdown ? reflection_guide_markdown(*j, name_in_guide, options)
                                      : reflection_guide_html(*j, name_in_guide, options);
    const std::string name = export_file_name("reflection guide", wb_.today(), markdown ? "md" : "html");
    wb_.platform().download(name, markdown ? "text/markdown" : "text/html", reinterpret_cast<const uint8_t*>(text.data()),
                            text.size());
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
    wb_.platform().download(name, "application/json", reinterpret_cast<const uint8_t*>(text.data()), text.size());
    wb_.notify(Notice::Kind::Success, "Saved " + name + (include_private ? ", with your private continuum." : ". Private items were left out."));
}

void LetsTalk::rename(const std::string& id, const std::string& name) {
    edit(id, "Rename the journey", "name", [&](Journey& j) { j.name = name; });
}

void LetsTalk::set_current_step(const std::string& id, const std::string& step_id) {
    const Journey* j = journey(id);
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
