#pragma once
// A micro-credential on the shipped Empowering Students as Creators pack, at the stages the tests
// need: new, and filled so that the self-check passes. The shipped pack is used (not one built in
// code) because the self-check's messages name its parts and titles.

#include "core/credential.hpp"
#include "core/journey.hpp"

#include "sample_journey.hpp"
#include "test_support.hpp"

#include <string>

namespace wf::test {

inline CredentialPack creators_pack()
{
    const CredentialPackLoad load =
        load_credential_pack(read_fixture("../../assets/credentials/empowering-students-as-creators.json"));
    REQUIRE_MESSAGE(load.ok, load.error);
    return load.pack;
}

// `count` words: "word word …".
inline std::string words(int count)
{
    std::string text;
    for (int i = 0; i < count; i++)
        text += i ? " word" : "word";
    return text;
}

inline nlohmann::json new_credential_document()
{
    return new_credential_doc(creators_pack(), "c1", "Ana Pérez", "2026-11-02T15:00:00Z");
}

// A journey document with a private continuum, as the librarian would attach it.
inline nlohmann::json journey_document()
{
    nlohmann::json doc = new_journey_doc(sample_journey_pack(), "j1", "2026–27 with Ms. Rivera", "2026-09-14T15:00:00Z");
    journey_write(doc, filled_journey());
    return doc;
}

inline EvidenceEntry text_entry(const std::string& id, const std::string& text)
{
    EvidenceEntry entry;
    entry.id = id;
    entry.kind = EvidenceKind::Text;
    entry.text = text;
    return entry;
}

inline EvidenceEntry image_entry(const std::string& id, const std::string& blob_key, uint64_t size)
{
    EvidenceEntry entry;
    entry.id = id;
    entry.kind = EvidenceKind::Image;
    entry.caption = "Grade 3 stop-motion storyboard";
    entry.image = {blob_key, size, "image/png", 640, 480};
    return entry;
}

// Every question answered within its limit and every evidence item holding a piece it takes.
inline Credential filled_credential()
{
    Credential credential = credential_from_doc(new_credential_document());
    for (const auto* part : {&credential.pack.overview, &credential.pack.reflection})
        for (const CredentialQuestion& question : *part)
            REQUIRE(set_answer(credential, question.id, words(question.word_limit - 10)).ok);
    REQUIRE(add_evidence(credential, "evidence-plan", text_entry("e1", "Week 1: storyboards. Week 2: filming.")).ok);
    REQUIRE(add_evidence(credential, "evidence-student-work", image_entry("e2", "blob:e2", 6)).ok);
    EvidenceEntry link;
    link.id = "e3";
    link.kind = EvidenceKind::Link;
    link.url = "https://example.org/our-makerspace";
    REQUIRE(add_evidence(credential, "evidence-space", link).ok);
    EvidenceEntry item;
    item.id = "e4";
    item.kind = EvidenceKind::Item;
    item.item = journey_document();
    REQUIRE(add_evidence(credential, "evidence-collaboration", item).ok);
    return credential;
}

} // namespace wf::test
