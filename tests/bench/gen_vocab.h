/*
 * gen_vocab.h — the words gen.c writes journals with: nouns in Zipf rank
 * order, sentence parts and whole sentences with {x} substitutions (see
 * expand() in gen.c), titles, actions, inquiry questions and summaries,
 * tags and people.  Included by gen.c alone; it is data, kept apart so the
 * generator reads as logic.
 */
#ifndef PRAXIS_BENCH_GEN_VOCAB_H
#define PRAXIS_BENCH_GEN_VOCAB_H

/* Most used first: the order is the Zipf rank. */
static const char *const nouns[] = {
	"team", "handover", "time", "conversation", "meeting", "plan", "patient", "workload",
	"confidence", "students", "priorities", "role", "trust", "rota", "feedback", "lesson",
	"decision", "support", "colleague", "delegation", "boundaries", "pressure", "evidence",
	"assumption", "supervision", "expectations", "relationship", "learning", "deadline",
	"risk", "staffing", "escalation", "standards", "stakeholders", "curriculum", "assessment",
	"behaviour", "motivation", "coaching", "mentoring", "empathy", "resilience", "wellbeing",
	"inclusion", "safeguarding", "documentation", "audit", "budget", "conflict", "change",
	"strategy", "values", "authority", "influence", "accountability", "autonomy", "listening",
	"silence", "tone", "anxiety", "frustration", "pride", "humility", "curiosity", "judgement",
	"bias", "hierarchy", "culture", "policy", "procedure", "checklist", "medication",
	"observation", "preceptorship", "appraisal", "objectives", "portfolio", "revalidation",
	"competence", "mindset", "agenda", "protocol", "complaint", "apology", "praise",
	"recognition", "credibility", "presence", "energy", "fatigue", "burnout", "rapport",
	"scaffolding", "differentiation", "triage", "discharge", "ward round", "governance",
	"retrospective", "roadmap", "onboarding", "succession", "negotiation", "ambiguity",
	"vulnerability", "candour", "reciprocity", "stewardship",
};

static const char *const openers[] = {
	"Today I", "This morning I", "In the team meeting I", "On the late shift I",
	"During the handover I", "At the staff briefing I", "After the observation I",
	"While covering the ward I", "In class with Year 9 I", "At the project board I",
	"In supervision I", "On the early shift I", "Over coffee I", "In the debrief I",
	"At the parents' evening I", "During the audit I", "In my one-to-one I",
	"Halfway through the lesson I", "At the end of the day I", "On the training day I",
};

static const char *const person_openers[] = {
	"In my one-to-one with {p} I", "When {p} asked for help I", "After {p} raised it I",
	"Working alongside {p} I", "When {p} challenged me I", "Before {p} arrived I",
	"While {p} was presenting I", "Talking it through with {p} I",
};

static const char *const verbs[] = {
	"noticed", "tried", "struggled with", "reflected on", "pushed back on", "asked about",
	"avoided", "rushed", "modelled", "delegated", "questioned", "handled", "explained",
	"listened to", "challenged", "postponed", "took over", "let go of", "named",
	"underestimated", "noticed my reaction to", "held back on", "owned", "revisited",
};

static const char *const determiners[] = { "the", "my", "our", "a", "the whole", "that" };

static const char *const feelings[] = {
	"rushed", "anxious", "relieved", "frustrated", "proud", "uneasy", "defensive",
	"curious", "flat", "energised", "out of my depth", "calm", "irritated", "hopeful",
	"embarrassed", "respected", "invisible", "overwhelmed", "clear-headed", "torn",
};

static const char *const tails[] = {
	"", "", "", " and it felt {f}", " because I wanted to be liked",
	" which surprised me", " before I had the full picture", " without checking the {n}",
	" for the sake of the {n}", " and the {n} suffered", " while worrying about the {n}",
	" even though the {n} was clear", " and nobody said anything", " — again",
	" and it went better than I expected", " at the worst possible moment",
};

static const char *const reflections[] = {
	"Looking back, I think I was protecting my {n}.",
	"What I felt was mostly {f}, and that shaped the {n}.",
	"I wonder whether the {n} mattered more than the {n}.",
	"Next time I will ask about the {n} before deciding.",
	"My assumption was that the {n} would take care of itself.",
	"The evidence for that is thin: one {n} and a feeling.",
	"Reading about {m} helped me see the {n} differently.",
	"Through the lens of {m}, this was about {n}, not {n}.",
	"I noticed I felt {f} long before I said anything.",
	"Part of me knew the {n} was the real issue.",
	"It is the third time this month the {n} has come up.",
	"If I am honest, I avoided the {n} because it felt {f}.",
	"Someone else might say the {n} was a symptom, not the cause.",
	"What worked was slowing down and naming the {n}.",
	"I am still not sure what I would do differently about the {n}.",
	"The gap between what I said and what I did was the {n}.",
	"That is the naïve version; the real story involves the {n}.",
	"There is a pattern here: {n}, then {n}, then me feeling {f}.",
};

static const char *const person_reflections[] = {
	"{p} seemed {f}, and I did not ask why.",
	"I should talk to {p} about the {n}.",
	"{p} handled the {n} better than I did.",
	"I think {p} needed more {n} and less advice.",
	"Later {p} told me the {n} had been worrying them for weeks.",
	"{p} pointed out that I always rush the {n}.",
};

static const char *const models[] = {
	"Gibbs", "Kolb", "Driscoll", "Schön", "Brookfield's lenses", "Johns", "Rolfe",
	"Mezirow", "Argyris", "Borton", "the Johari window", "French and Raven",
};

static const char *const titles[] = {
	"{N} on the late shift", "A difficult conversation about {n}", "Feedback that landed badly",
	"Handover that went wrong", "Trying out {m}", "When the {n} slipped", "{N} and {n}",
	"Covering for the team", "Saying no to more {n}", "The {n} I did not see coming",
	"Week of firefighting", "First week leading the {n}", "Another look at the {n}",
	"Why the {n} keeps coming back", "Observation debrief", "Stepping back from the {n}",
	"Supervision notes", "Small win with the {n}", "Losing my temper over the {n}",
	"Café conversation", "What the {n} taught me",
};

static const char *const action_texts[] = {
	"Ask {p} how the {n} is going before giving my view",
	"Book time with the team to talk about the {n}",
	"Write down what I expect from the {n} and share it",
	"Try delegating the {n} for a week and not check in daily",
	"Give feedback within a day, in person, on the {n}",
	"Read the chapter on {n} before supervision",
	"Say out loud when I feel {f} instead of going quiet",
	"Use {m} for the next incident entry",
	"Check the {n} at the start of every shift",
	"Ask for feedback on my {n} at the next one-to-one",
	"Block an hour on Friday to review the {n}",
	"Pause before answering when someone challenges the {n}",
};

static const char *const questions[] = {
	"How can I give feedback that lands with experienced staff?",
	"What does delegation look like when I am still learning the role?",
	"Why do I go quiet in meetings with senior colleagues?",
	"How do I keep boundaries without seeming unapproachable?",
	"What makes a handover safe on a busy ward?",
	"How can I support a struggling student without rescuing them?",
	"Where does my authority actually come from?",
	"How do I lead change that the team did not ask for?",
	"What does psychological safety need from me, day to day?",
	"How can I make assessment feel like learning?",
	"When is escalating the right call, and when is it avoidance?",
	"How do I look after my own wellbeing on long weeks?",
};

static const char *const summaries[] = {
	"Feedback lands when it is soon, specific and asked for; I now ask first.",
	"Delegating worked once I stopped checking in every hour.",
	"My authority came more from being consistent than from the title.",
	"The pattern was mine: I rush when I feel watched.  Slowing down helped.",
	"Not resolved, but I know what to look for now.",
	"",
};

/* Families first in each block so prefix filters have something to find. */
static const char *const tag_names[] = {
	"feedback", "delegation", "handover", "communication", "wellbeing", "teamwork",
	"power/expert", "leadership", "conflict", "confidence", "feedback/giving", "workload",
	"model/gibbs", "boundaries", "power/referent", "coaching", "feedback/receiving",
	"time-management", "values", "escalation", "model/kolb", "power/legitimate", "safety",
	"mentoring", "assessment", "inclusion", "model/driscoll", "change", "ethics",
	"resilience", "power/reward", "supervision", "model/schon", "curriculum", "budget",
	"negotiation", "model/brookfield", "power/coercive", "decision-making", "appraisal",
	"complaints", "revalidation", "succession", "stewardship",
};
#define TAG_OLD "induction"     /* only in the first months: see gen.c's top */

static const char *const people[] = {
	"Sam", "Priya", "Tom", "Aisha", "Jo", "Marcus", "Elena", "Dev", "Grace", "Kwame",
	"Hannah", "Luis", "Mei", "Oliver", "Fatima", "Ben", "Chloe", "Ravi", "Sofia", "Dan",
	"Ngozi", "Ellie", "Tariq", "Anna", "Will", "Zara", "Owen", "Leah", "Yusuf", "Kate",
	"Ibrahim", "Ruth", "Femi", "Nadia", "Dr.Okafor", "J.Morgan",
};

static const char *const roles[] = {
	"line manager", "mentor", "student", "colleague", "ward sister", "head of year",
	"practice educator", "team lead",
};

#endif
