// The "Let's Talk" conversation journey as data: seven steps, each with its question, introduction,
// key competencies, process checklist, reflection prompts (with example answers shown as hints),
// tips, "think out loud" prompts, the "current conversation" sidebar and resources; plus the
// material some steps work with (continuum phrases, research checklist, interview questions, the
// email template, meeting norms). Packs ship in assets/journeys/ (format: assets/journeys/README.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace wf {

inline constexpr const char* kJourneyFileType = "wayfinder.journey-pack";

struct JourneyItem {
    std::string id;              // unique within the pack, stable across pack versions
    std::string text;
};

struct ReflectionPrompt {
    std::string id;              // unique within the pack; answers are stored under it
    std::string text;            // the question the librarian answers
    std::string example;         // an example answer, shown as a hint (never saved as an answer)
};

struct JourneyStep {
    std::string id;              // "mindset", "future-ready", "research", "interview", "connect", "agree", "reflect"
    std::string title;           // short, e.g. "Mindset"
    std::string question;        // the step's guiding question
    std::string introduction;    // two to four sentences
    std::vector<std::string> competencies;
    std::vector<JourneyItem> checklist;        // the process checklist, ticked by the librarian
    std::vector<ReflectionPrompt> reflections;
    std::vector<std::string> tips;
    std::vector<std::string> think_aloud;      // "think out loud" prompts
    std::vector<std::string> sidebar;          // the "current conversation" sidebar
    std::vector<std::string> resources;        // described in words (the app makes no network calls)
};

struct JourneyPack {
    std::string id;              // e.g. "lets-talk"
    std::string version;         // e.g. "2026.1"
    std::string title;
    std::string description;
    std::vector<JourneyStep> steps;            // 1 to 12; Let's Talk has 7

    // Material particular steps work with.
    std::vector<JourneyItem> continuum_phrases;   // step 1: phrases to place between fixed and growth
    std::vector<JourneyItem> research_items;      // step 3: district and building plans to look for
    std::vector<JourneyItem> interview_questions; // step 4: the question bank; the librarian picks 2 or 3
    std::string email_template;                   // step 4: with {{leader}}, {{school}}, {{name}}, {{questions}}
    std::vector<JourneyItem> meeting_norms;       // step 4: norms to agree on, as a checklist

    const JourneyStep* find_step(std::string_view step_id) const;
};

struct JourneyPackLoad {
    bool ok = false;
    JourneyPack pack;
    std::string error;                   // when !ok: the first reason, as a sentence a user can act on
    std::vector<std::string> problems;   // every reason found, in document order
};

JourneyPackLoad load_journey_pack(std::string_view json_text);
JourneyPackLoad journey_pack_from_json(const nlohmann::json& pack);
nlohmann::json journey_pack_to_json(const JourneyPack& pack);

} // namespace wf
