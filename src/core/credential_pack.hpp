// A micro-credential as data: one competency, the key method with its components, a short rationale,
// resources, the submission in three parts (overview questions, evidence items, reflection questions)
// and the public rubric reviewers score with. Packs ship in assets/credentials/ (format:
// assets/credentials/README.md).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace wf {

inline constexpr const char* kCredentialPackType = "wayfinder.credential-pack";

// What a piece of evidence may be. A link is stored as typed, never fetched; an image is kept on the
// device and travels inside the submission; an item is the shared copy of a Wayfinder document.
enum class EvidenceKind { Text, Link, Image, Item };

// "text", "link", "image", "item": the names packs and documents use.
const char* evidence_kind_name(EvidenceKind kind);
// "text", "a link", "an image", "a Wayfinder item": how a sentence names one.
const char* evidence_kind_phrase(EvidenceKind kind);

enum class SubmissionPart { Overview, Evidence, Reflection };

// "Overview", "Evidence", "Reflection": the part as a heading, and as it starts "Overview 2".
const char* submission_part_label(SubmissionPart part);

struct CredentialQuestion {
    std::string id;              // unique within the pack; the answer is stored under it
    std::string text;
    int word_limit = 0;          // the answer may have at most this many words (text_stats.hpp's count)
};

struct EvidenceItem {
    std::string id;              // unique within the pack; the entries are stored under it
    std::string title;           // short: "Student work"
    std::string must_show;       // what the evidence has to show the reviewer
    std::vector<EvidenceKind> kinds; // accepted kinds, in the pack's order; never empty
};

struct RubricRow {
    std::string id;              // unique within the pack; the reviewer's verdict is stored under it
    std::string criterion;       // short: "Reflective practice"
    std::string meets;           // what "meets" looks like
    std::vector<std::string> judges; // ids of the questions and evidence items this row scores
};

struct CredentialResource {
    std::string title;
    std::string purpose;         // what it is for
    std::string link;            // "": a well-known public page (https), shown as text, never fetched
};

struct CredentialComponent {
    std::string id;
    std::string text;
};

struct CredentialPack {
    std::string id;              // e.g. "empowering-students-as-creators"
    std::string version;         // e.g. "2026.1"
    std::string title;
    std::string description;     // "": where the pack comes from
    std::string competency;
    std::string method_name;
    std::string method_description;
    std::vector<CredentialComponent> components;
    std::string rationale;
    std::vector<CredentialResource> resources;
    std::vector<CredentialQuestion> overview;
    std::vector<EvidenceItem> evidence;
    std::vector<CredentialQuestion> reflection;
    std::vector<RubricRow> rubric;

    // nullptr when the id names no question of that kind.
    const CredentialQuestion* find_question(std::string_view id) const;
    const EvidenceItem* find_evidence(std::string_view id) const;
    const RubricRow* find_row(std::string_view id) const;
};

// Where a question or evidence item sits in the submission: its part and its 0-based index there.
struct SubmissionPlace {
    SubmissionPart part = SubmissionPart::Overview;
    size_t index = 0;
};
// False when `id` is no question or evidence item of the pack.
bool find_submission_place(const CredentialPack& pack, std::string_view id, SubmissionPlace& place);
// How messages name a question or evidence item: "Overview 2", "Evidence 3, student work",
// "Reflection 1". An unknown id is named as itself.
std::string submission_piece_name(const CredentialPack& pack, std::string_view id);
// The name as a sentence's subject or mid-sentence: an evidence item's title is set off by commas on
// both sides ("Evidence 2, student work, has nothing attached yet.").
std::string submission_piece_subject(const CredentialPack& pack, std::string_view id);

struct CredentialPackLoad {
    bool ok = false;
    CredentialPack pack;
    std::string error;                   // when !ok: the first reason, as a sentence a user can act on
    std::vector<std::string> problems;   // every reason found, in document order
};

CredentialPackLoad load_credential_pack(std::string_view json_text);
CredentialPackLoad credential_pack_from_json(const nlohmann::json& pack);
nlohmann::json credential_pack_to_json(const CredentialPack& pack);

} // namespace wf
