/*
 * engine_impl.h — what the engine's files share: the run's state.
 *
 * engine.c       starting, resuming, the cursor, which steps are shown
 * engine_value.c checking and storing one answer per kind
 * engine_recall.c recall sources and {{substitutions}}
 * engine_draft.c the run as a draft (JSON) and back
 * engine_finish.c the one transaction that writes the entry
 * engine_answers.c answers files (praxis new --answers)
 */
#ifndef PRAXIS_CORE_ENGINE_IMPL_H
#define PRAXIS_CORE_ENGINE_IMPL_H

#include "praxis/action.h"
#include "praxis/date.h"
#include "praxis/engine.h"
#include "praxis/inquiry.h"
#include "praxis/review.h"

/* One step's answer as the run holds it.  Everything is owned. */
struct run_answer {
	bool set;                   /* answered (possibly with an empty skip: false) */
	char *text;                 /* text; choice/outcome id; date 'YYYY-MM-DD' */
	char *other;                /* choice: the free text of "other" */
	double number;              /* scale */
	bool has_number;
	struct px_strlist items;    /* multi ids, tag names, people names */
	struct px_strlist action_text, action_due;   /* parallel: text, 'YYYY-MM-DD' */
	char *display;              /* readable form, built on demand */
};

/* What a recall step found (computed when the step's context is known). */
struct run_recall {
	bool done;                  /* looked up */
	bool found;
	char *text;
	char *source;               /* "from your entry of 3 Mar 2026 “Handover”" */
	char uuid[37];              /* the source entry, "" when none */
};

struct engine {
	struct journal *j;
	const struct template_set *set;
	const struct template *t;
	enum entry_frame frame;
	bool has_inquiry;
	struct inquiry inquiry;
	bool has_action;
	struct action action;
	bool has_period;
	struct px_date_range period;
	struct px_datetime now;
	bool fixed_now;             /* now came from engine_start.now: the draft keeps it */
	char occurred_at[20];
	char *title;                /* NULL: derived at finish */
	int is_private;
	size_t n;                   /* steps */
	struct run_answer *answers;
	struct run_recall *recalls;
	bool *shown;                /* recomputed after every change */
	size_t cursor;              /* index of the current step; n at the end */
	int64_t draft_id;
	char *typing;               /* text being typed at the cursor, for the draft */
	const char *one_item[TEMPLATE_MAX_STEPS];   /* condition values of one item */
	char *out_title, *out_prompt, *out_guidance;   /* strings handed out */
	struct review *review;      /* review runs: the period's figures (facts) */
	struct template_option **fact_options;   /* per step: options_from a list fact */
	size_t *n_fact_options;
	char fact_buf[64];          /* a number fact formatted for a prompt */
	char *fact_text;            /* a list fact joined for a prompt */
};

/* The options a choice or multi step offers in this run: its own, or those
 * a list fact gives (options_from). */
struct opt_list {
	const struct template_option *v;
	size_t n;
};

struct opt_list engine_step_options(const struct engine *e, size_t index);

/* engine.c */
void engine_refresh(struct engine *e);
bool engine_value_of(struct engine *e, size_t index, struct template_value *out,
		     const char **scratch);

/* engine_value.c */
void run_answer_clear(struct run_answer *a);
int engine_store_answer(struct engine *e, size_t index, const struct engine_value *v,
			struct px_error *err);
const char *run_answer_display(struct engine *e, size_t index);

/* engine_recall.c */
void engine_recall_compute(struct engine *e, size_t index);
/* Facts: the callback conditions use, and their setup for a review run. */
bool engine_fact_value(void *ctx, const char *name, struct template_value *out);
int engine_setup_facts(struct engine *e, struct px_error *err);
void engine_free_facts(struct engine *e);
/* A fact as text for a prompt or a recall: list items joined by SEP, each
 * after LEAD.  NULL when the run has no such fact. */
const char *engine_fact_text(struct engine *e, const char *name, const char *sep,
			     const char *lead);
char *engine_expand(struct engine *e, const char *text);

/* engine_draft.c */
int engine_save_draft(struct engine *e, struct px_error *err);
int engine_load_draft(struct engine *e, const char *payload, struct px_error *err);
char *engine_draft_label(struct engine *e);

/* engine.c: shared by the draft loader */
int engine_setup(struct engine *e, const struct engine_start *opts, struct px_error *err);

#endif
