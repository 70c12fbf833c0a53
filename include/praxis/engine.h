/*
 * engine.h — the prompt engine: a UI-free state machine that runs one
 * template (template.h) against the journal, one step at a time.
 *
 * Call order
 *   engine_start() (a fresh run: optionally inside an inquiry, or following
 *   up a due action) or engine_resume() (from a draft), then repeatedly:
 *   engine_step() for the current step, engine_prompt()/engine_guidance()/
 *   engine_recall() for what to show, and engine_answer() to answer it (an
 *   empty value skips it), engine_back() to go back; until engine_step()
 *   returns NULL, when engine_finish() writes the entry.  engine_free()
 *   always; a run freed without finishing leaves its draft in the journal.
 *
 * Steps and answers
 *   Steps run in file order.  A step whose `when` is false (over earlier
 *   answers), or that needs a fact the review module does not compute yet,
 *   is skipped; so is a recall step that found nothing and has no `empty`
 *   text.  Going back and changing an answer can hide later steps: their
 *   answers stay in the run (and the draft), so changing back restores
 *   them, but only the answers of steps shown at finish are written.
 *   Every answer is checked exactly as the kind requires (engine_answer);
 *   a refusal leaves the run where it was.
 *
 * Drafts
 *   The run is saved as a draft (draft.h, kind run) after every answer
 *   and every move, so a crash loses at most the step being typed.
 *   engine_finish() deletes the draft in the same transaction that writes
 *   the entry: a crash leaves either the draft or the entry, never both or
 *   neither.  engine_discard() deletes the draft on purpose.
 *
 * Finishing writes, in one transaction: the entry (frame, title, date,
 * inquiry, template id/version/hash), its answers with the prompts as they
 * were asked, tags (the template's, tag steps', choice tags, #tags in text
 * answers), people (@Names in text answers, people steps), planned actions,
 * the template's text snapshot, the followed-up action's new status from
 * the outcome step (a template without one, such as a full model brought
 * back by a reminder, marks the action done), an inquiry opened by
 * `opens_inquiry` or closed by `closes_inquiry`; and deletes the draft.
 * Any refusal rolls all of it back.
 *
 * Ownership: the run borrows the journal and the template set (both must
 * outlive it).  Strings returned as `const char *` are the run's, valid
 * until the next call that changes the run.
 */
#ifndef PRAXIS_ENGINE_H
#define PRAXIS_ENGINE_H

#include "praxis/date.h"
#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/journal.h"
#include "praxis/template.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ENGINE_MAX_TEXT (10 * 1024 * 1024)   /* bytes in one text answer */
#define ENGINE_MAX_ITEMS 100                 /* tags, people or picks in one answer */
#define ENGINE_MAX_ANSWERS_FILE (16 * 1024 * 1024)

struct engine;

struct engine_start {
	const char *template_id;    /* required */
	int frame;                  /* -1: the template's default (or the follow-up rule) */
	int64_t inquiry_id;         /* 0: not inside an inquiry */
	int64_t action_id;          /* follow-up runs: the action being followed up */
	const char *period;         /* review runs: a period (date.h); NULL: the template's */
	const char *title;          /* NULL: from the first text answer */
	const char *occurred_at;    /* 'YYYY-MM-DD HH:MM:SS'; NULL: now */
	int is_private;
	/* The run's clock: "now" for occurred_at (when that is NULL), the
	 * period and every date expression an answer or default holds ("+7d"
	 * is seven days after it).  NULL: date_now().  A run resumed from its
	 * draft keeps the clock it started with, so a journal written for
	 * another day (the demo) resolves every date against that day. */
	const struct px_datetime *now;
};

void engine_start_init(struct engine_start *opts);

/* Start a fresh run.  Refused: an unknown template ("no template 'gibs'
 * (did you mean 'gibbs'?)"), an unknown or closed inquiry, a follow-up
 * template without an action, an action given to a review template, an
 * action that is not open, a template that closes an inquiry run outside
 * one. */
int engine_start(struct journal *j, const struct template_set *set,
		 const struct engine_start *opts, struct engine **out, struct px_error *err);

/* Resume the run saved as draft DRAFT_ID.  Answers are matched to the
 * template's steps by id, so a template edited since keeps what still fits;
 * answers to steps that no longer exist are dropped. */
int engine_resume(struct journal *j, const struct template_set *set, int64_t draft_id,
		  struct engine **out, struct px_error *err);

void engine_free(struct engine *e);

const struct template *engine_template(const struct engine *e);
enum entry_frame engine_frame(const struct engine *e);
int64_t engine_draft_id(const struct engine *e);

/* The current step, or NULL when every shown step has been passed and the
 * run can finish. */
const struct template_step *engine_step(const struct engine *e);
/* The current step's position among the steps shown so far and the number
 * that would be shown with the answers given now (both from 1), for
 * "step 3 of 8". */
void engine_progress(const struct engine *e, size_t *current, size_t *total);

/* The current step's title, prompt and guidance with {{substitutions}}
 * expanded ("" when the step has none). */
const char *engine_title(struct engine *e);
const char *engine_prompt(struct engine *e);
const char *engine_guidance(struct engine *e);
/* Recall steps: the text recalled (or the step's `empty` text), with a
 * line saying where it came from in *SOURCE (may be NULL; "" when none). */
const char *engine_recall(struct engine *e, const char **source);

/* The options of the current choice/multi/outcome step. */
const struct template_option *engine_options(const struct engine *e, size_t *n);

/*
 * An answer.  Which fields count depends on the step's kind:
 *   text       text
 *   scale      number (has_number), or text holding the number
 *   choice     text: an option id, its 1-based number, or, with `other`,
 *              any other text (stored as the option "other")
 *   outcome    text: worked, mixed, failed, not-yet, dropped (or a number)
 *   multi      items: option ids or numbers; or text "a, b"
 *   tags       items: names (a leading '#' is allowed); or text "a, b"
 *   people     items: names (a leading '@' is allowed); or text "a, b"
 *   date       text: a date expression (date.h), resolved against the
 *              run's clock (engine_start.now)
 *   action     actions (text and a due date expression each)
 *   recall, info   nothing
 * An empty value (no text, no items, no actions, no number) skips the
 * step; a date step with a default takes the default instead, and an
 * action without a due date is due on the step's default (else in 7 days).
 */
struct engine_action_plan {
	const char *text;
	const char *due;            /* a date expression; NULL: the default */
};

struct engine_value {
	const char *text;
	double number;
	bool has_number;
	const char *const *items;
	size_t n_items;
	const struct engine_action_plan *actions;
	size_t n_actions;
};

/* Check VALUE against the current step and store it, save the draft and
 * move to the next shown step.  Refusals are PX_ERR_INVALID with a message
 * that names the step: "step 'intensity': 7 is not on the scale 1 to 5". */
int engine_answer(struct engine *e, const struct engine_value *value, struct px_error *err);

/* Move to the previous shown step (the draft is saved).  -1 at the first. */
int engine_back(struct engine *e, struct px_error *err);

/* The current answer of step INDEX in readable form ("" when none): what
 * a face shows as the answer so far, or pre-fills. */
const char *engine_answer_text(struct engine *e, size_t index);
/* Whether step INDEX has an answer in the run (shown or not). */
bool engine_answered(const struct engine *e, size_t index);

/* Keep TEXT, typed so far at the current step but not yet answered, in
 * the draft: what a face autosaves every few seconds while the learner
 * types, so a crash loses nothing past the last save. */
int engine_save_typing(struct engine *e, const char *text, struct px_error *err);
/* The text that was being typed at the current step when the run was
 * saved (after engine_resume), or NULL. */
const char *engine_typing(const struct engine *e);

/* Write the entry (see above).  *ENTRY_ID (may be NULL) gets its id.
 * Refused when a shown required step has no answer, or a follow-up has
 * no outcome, or a not-yet outcome has no new date. */
int engine_finish(struct engine *e, int64_t *entry_id, struct px_error *err);

/* Delete the run's draft (abandoning the run for good). */
int engine_discard(struct engine *e, struct px_error *err);

/*
 * Run the rest of the run unattended from an answers file (YAML or JSON:
 * a mapping from step id to answer, as praxis(1) documents), validating
 * each answer as engine_answer does.  NAME is the file's name for
 * messages, which point at it: "a.yaml:4:12: step 'intensity': 7 is not
 * on the scale 1 to 5".  Steps the file does not mention are skipped;
 * an id that is no step of the template is refused with the nearest id.
 * The run is left at its end, ready for engine_finish.
 */
int engine_run_answers(struct engine *e, const char *buf, size_t len, const char *name,
		       struct px_error *err);

/* The default template of a frame: daily-note, critical-incident,
 * weekly-review, inquiry-cycle. */
const char *engine_default_template(enum entry_frame frame);

#endif
