#pragma once
// A self-assessment against one framework pack: the librarian rates each practice statement (or
// marks it not applicable), marks areas "I want to grow here" and writes a note per area.
// The document keeps a full copy of the pack it was taken with, so its results render the same on
// any device and after the shipped packs change. The copy is written once, at creation, and never
// rewritten by later edits. One travels between devices in a single-item file (item_file.hpp).

#include "core/document_restore.hpp"
#include "core/framework_pack.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kAssessmentType = "wayfinder.assessment";

// {type, version, id, title, created_at, completed_at (ISO or null), framework (pack JSON),
//  current_area, answers: {statement id: {"rating": n} | {"not_applicable": true}},
//  areas: {area id: {"grow": bool, "note": string}}}
const DocumentSchema& assessment_schema();

// Storage key of an assessment: "assessment:" + id.
std::string assessment_key(const std::string& id);

struct Answer {
    enum class Kind { Unanswered, Rated, NotApplicable };
    Kind kind = Kind::Unanswered;
    int rating = 0; // a value of the pack's scale when kind == Rated
};

struct AreaReflection {
    bool grow = false; // false: "I want to grow here" marked for this area
    std::string note;  // "": the librarian's example or note for the area
};

struct Assessment {
    std::string id;
    std::string title;          // "": untitled
    std::string created_at;     // ISO 8601 UTC
    std::string completed_at;   // "": not finished yet (null in the document)
    FrameworkPack pack;         // the copy the assessment was taken with
    std::string pack_error;     // "": the copy is valid; else why not (set by reading, never stored)
    int current_area = 0;       // 0: index into pack.areas where taking it resumes
    std::map<std::string, Answer> answers;         // statement id -> answer; missing: unanswered
    std::map<std::string, AreaReflection> areas;   // area id -> reflection; missing: default

    bool completed() const { return !completed_at.empty(); }
};

// Missing or mistyped fields read as their defaults; a damaged framework copy is reported in
// `pack_error`. A rating that is not one of the scale's level values reads as unanswered (when the
// framework copy is damaged the scale is unknown, so ratings are kept as written).
Assessment assessment_from_doc(const nlohmann::json& doc);
// The same with the framework copy already read by assessment_framework_copy(): edits never change
// the copy, so a cache reads it once per assessment instead of validating it again at every revision.
Assessment assessment_from_doc(const nlohmann::json& doc, const PackLoad& framework_copy);
PackLoad assessment_framework_copy(const nlohmann::json& doc);

// Writes title, dates, current_area, answers and areas; the framework copy and other fields are
// kept. Unanswered answers are left out, so a rating that read as unanswered is dropped here.
// Fields a newer build added inside an answer or an area entry are kept. A `doc` that is not an
// object is replaced by a new assessment document of `assessment.pack`.
void assessment_write(nlohmann::json& doc, const Assessment& assessment);

// A document with the pack copied in, nothing answered, not completed.
nlohmann::json new_assessment_doc(const FrameworkPack& pack, std::string id, std::string title,
                                  std::string created_at);

// The answer to `statement_id` as scoring sees it: unanswered when missing or when a rating is
// not a level of the assessment's scale.
Answer effective_answer(const Assessment& assessment, const std::string& statement_id);

struct AssessmentProgress {
    int statements_total = 0;
    int statements_answered = 0;     // rated or marked not applicable
    int areas_total = 0;
    int areas_complete = 0;          // every statement answered
    std::vector<int> area_answered;  // per area of the pack, in wheel order
};

AssessmentProgress assessment_progress(const Assessment& assessment);

// For a single-item import (document_registry.hpp): refuses an assessment whose framework copy cannot
// be read, since none of its results could be shown (returns why, for the user); otherwise adds the
// lines that say what is about to be added and returns "".
std::string describe_assessment_item(const nlohmann::json& doc, std::vector<std::string>& summary);

} // namespace wf
