/*
 * template.h — YAML prompt templates: loading, validation and read access.
 *
 * A template is one YAML file (REFLECTION.md §4 is the format; the man page
 * praxis-templates(5) documents it for users).  This module turns files into
 * validated, read-only `struct template` values; the engine runs them, the
 * UI and CLI show them.  Nothing here prints or touches the journal.
 *
 * Call order
 *   - Normal use: template_set_load() (or template_set_load_default()) reads
 *     the bundled folder, then the user's, with their `vocab/` subfolders,
 *     keeps every template that validates and reports the others in a
 *     diagnostics list.  Look templates up with template_set_find/get.
 *   - One file: template_check_file() for `praxis templates check FILE`;
 *     template_load_buffer() for a buffer with a display name (also the
 *     libFuzzer entry point).  Follow with template_check_refs() to check
 *     `follow_up:` and recall `{template: …}` against a set.
 *
 * Ownership
 *   - A set owns its templates and vocabularies: pointers from
 *     template_set_* stay valid until template_set_free().
 *   - A template from template_load_buffer/template_check_file is the
 *     caller's; free it with template_free().  It is self-contained (options
 *     from vocabularies are copied in), so it outlives the set it was
 *     checked against.
 *   - Every `const` pointer reachable from a template (steps, options,
 *     conditions, citations, strings) lives as long as the template.
 *   - Functions returning `char *` hand the string to the caller to free.
 *
 * Diagnostics
 *   Every problem is a `struct template_diag`, printed as
 *       FILE:LINE:COLUMN: PATH: MESSAGE
 *   e.g. `gibbs.yaml:57:9: steps[7].when.step: 'assumptoin' is not an earlier
 *   step (did you mean 'assumption'?)`.  All problems of a file are
 *   collected, sorted by position.  Problems in the YAML itself (syntax,
 *   anchors, tags, duplicate keys, size, encoding, nesting) stop that file at
 *   the first one: the tree after them is not worth checking.  Warnings
 *   (lints) never stop a template from loading.
 *
 * Choices made where §4 is open (documented again in praxis-templates(5)):
 *   - Nesting is counted in mappings; a list inside a list also counts, a
 *     list of mappings (`steps:`) does not add a level of its own.  At most 8
 *     levels overall; conditions count all/any/not/leaf levels, at most 4.
 *   - Option ids match [a-z0-9][a-z0-9_-]{0,39}; labels are at most 200
 *     characters, hints 400.  Text is counted in characters (code points).
 *   - Plain lists (tags, use, facts, authors, …) hold at most 100 items and a
 *     condition compares against at most 50 values, so no input is slow.
 *     After 100 errors in one file the rest are counted, not listed.
 *   - Citation keys must suit the citation's type (`journal` is for articles);
 *     `url`, `accessed`, `note` and `translators` suit every type.  Years are
 *     four digits with an optional letter (1990a) or `n.d.`.
 *   - `tag: true` on a choice or multi tags each pick as PREFIX+ID, where the
 *     prefix is the step's `tag_prefix`, else the vocabulary's, else the step
 *     id followed by '/'.  An option's own `tag:` is added when it is picked
 *     even without `tag: true`.
 *   - A vocabulary's `centre` is shown but not offered as a pick.
 *   - `which:` in recall sources is `last` (default for inquiry_step),
 *     `previous` (default for template) or `first`.
 *   - Comparisons on a step that has no answer are false (`ne` included);
 *     only `answered: false` and `not` hold for a skipped step.
 *   - `period:` is allowed only in review templates and is optional.
 *   - Substitutions {{namespace.name}} may appear in title, prompt, guidance
 *     and `empty`; there is no escape for a literal "{{".
 *   - A template whose `follow_up` (or recall `{template: …}`) names a missing
 *     template is dropped from the set, like any template with an error.
 *   - Operators by kind: scale eq ne lt le gt ge; choice and outcome is, eq,
 *     ne; multi and tags has; every kind but info answered.  Facts by type:
 *     number eq..ge, text eq ne, list has; all present.
 *   - `vocabulary:`/`suggest:` name an inline vocabulary or one under `use:`.
 *     `required` does not apply to info or recall steps; a template has at
 *     most one outcome step; `opens_inquiry` and `closes_inquiry` name a text
 *     step, and a template does not both open and close an inquiry.
 *   - Date expressions: today, tomorrow, yesterday, [+-]N(d|w|m|y), a weekday
 *     (full or three letters) or YYYY-MM-DD.  Text may not hold control
 *     characters other than tab and newline.
 *   - Lints run only on templates without errors (advice on a broken file
 *     is noise).
 */
#ifndef PRAXIS_TEMPLATE_H
#define PRAXIS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "praxis/error.h"

/* ---- limits (§4.9) ---------------------------------------------------- */
#define TEMPLATE_MAX_FILE      (256 * 1024)
#define TEMPLATE_MAX_DEPTH     8
#define TEMPLATE_MAX_COND_DEPTH 4
#define TEMPLATE_MAX_STEPS     60
#define TEMPLATE_MAX_OPTIONS   50
#define TEMPLATE_MAX_PROMPT    4096   /* bytes, prompt and guidance each */
#define TEMPLATE_MAX_NAME      80     /* characters */
#define TEMPLATE_MAX_SUMMARY   400    /* characters */
#define TEMPLATE_MAX_ACTIONS   5
#define TEMPLATE_MAX_LIST      100    /* tags, use, facts, authors… */
#define TEMPLATE_MAX_ERRORS    100    /* reported per file; the rest are counted */
#define TEMPLATE_SCALE_LOWEST  0
#define TEMPLATE_SCALE_HIGHEST 10
#define TEMPLATE_FORMAT        1      /* praxis_template: and praxis_vocabulary: */

/* ---- diagnostics ------------------------------------------------------ */
enum template_severity { TEMPLATE_ERROR, TEMPLATE_WARNING };

struct template_diag {
	enum template_severity severity;
	const char *file;     /* display name of the file */
	int line, column;     /* 1-based; 0 when about the whole file */
	const char *path;     /* "steps[7].when.step", "" for the file */
	const char *message;  /* lower case, no full stop */
};

struct template_diags;

struct template_diags *template_diags_new(void);
void template_diags_free(struct template_diags *diags);
size_t template_diags_count(const struct template_diags *diags);
size_t template_diags_errors(const struct template_diags *diags);
const struct template_diag *template_diags_get(const struct template_diags *diags, size_t i);
/* "FILE:LINE:COLUMN: PATH: MESSAGE"; warnings read "…: PATH: warning: MESSAGE". */
char *template_diag_format(const struct template_diag *diag);

/* ---- the model -------------------------------------------------------- */
enum template_kind {
	TEMPLATE_TEXT, TEMPLATE_SCALE, TEMPLATE_CHOICE, TEMPLATE_MULTI, TEMPLATE_TAGS,
	TEMPLATE_PEOPLE, TEMPLATE_DATE, TEMPLATE_ACTION, TEMPLATE_RECALL,
	TEMPLATE_OUTCOME, TEMPLATE_INFO,
};
enum template_role { TEMPLATE_ROLE_REFLECT, TEMPLATE_ROLE_FOLLOW_UP, TEMPLATE_ROLE_REVIEW };
enum template_frame {
	TEMPLATE_FRAME_INCIDENT, TEMPLATE_FRAME_PERIOD, TEMPLATE_FRAME_INQUIRY, TEMPLATE_FRAME_NOTE,
};
enum template_focus { TEMPLATE_FOCUS_EVENTS, TEMPLATE_FOCUS_IDEAS, TEMPLATE_FOCUS_RELATIONS };
enum template_depth {
	TEMPLATE_DEPTH_NONE, TEMPLATE_DEPTH_CONTENT, TEMPLATE_DEPTH_PROCESS, TEMPLATE_DEPTH_PREMISE,
};
enum template_source { TEMPLATE_SOURCE_BUNDLED, TEMPLATE_SOURCE_USER, TEMPLATE_SOURCE_FILE };

const char *template_kind_name(enum template_kind kind);
const char *template_role_name(enum template_role role);
const char *template_frame_name(enum template_frame frame);
const char *template_focus_name(enum template_focus focus);
const char *template_depth_name(enum template_depth depth);   /* "" for NONE */
const char *template_source_name(enum template_source source);
/* Parse a frame name; -1 when unknown. */
int template_frame_parse(const char *name, enum template_frame *out);

/* A word guide; 0 means "not given" for each of the three. */
struct template_words {
	int min, target, max;
};

/* A structured citation (§4.8), kept for the Harvard renderer in export.
 * Absent strings are NULL; absent lists have n == 0. */
struct template_cite {
	const char *type;            /* book, chapter, article, report, web */
	const char *const *authors;
	size_t n_authors;
	const char *year;            /* "1988", "1990a" or "n.d." */
	const char *title;
	const char *edition;
	const char *place, *publisher;
	const char *const *editors;
	size_t n_editors;
	const char *book_title;
	const char *pages;
	const char *journal, *volume, *issue;
	const char *const *translators;
	size_t n_translators;
	const char *note;
	const char *url, *accessed;
};

struct template_basis {
	const char *model;           /* display name used to group exports */
	struct template_cite cite;
};

struct template_option {
	const char *id;
	const char *label;
	const char *hint;            /* NULL when none */
	const char *tag;             /* tag added when picked, NULL for none */
	const char *group;           /* vocabulary group id, NULL when none */
};

struct template_group {
	const char *id, *label;
};

struct template_vocab {
	const char *id;
	const char *name;
	const char *tag_prefix;      /* "" when none */
	bool ordered;
	const struct template_option *options;
	size_t n_options;
	const struct template_group *groups;
	size_t n_groups;
	const struct template_option *centre;   /* NULL when none */
	const struct template_basis *based_on;
	size_t n_based_on;
	const char *path;            /* file it came from */
	enum template_source source;
};

/* Conditions (§4.5): a tree the engine evaluates with template_cond_eval. */
enum template_cond_type {
	TEMPLATE_COND_STEP, TEMPLATE_COND_FACT, TEMPLATE_COND_FRAME, TEMPLATE_COND_INQUIRY,
	TEMPLATE_COND_ALL, TEMPLATE_COND_ANY, TEMPLATE_COND_NOT,
};
enum template_cond_op {
	TEMPLATE_OP_EQ, TEMPLATE_OP_NE, TEMPLATE_OP_LT, TEMPLATE_OP_LE, TEMPLATE_OP_GT,
	TEMPLATE_OP_GE, TEMPLATE_OP_IS, TEMPLATE_OP_HAS, TEMPLATE_OP_ANSWERED,
	TEMPLATE_OP_PRESENT,
};

struct template_cond {
	enum template_cond_type type;
	/* STEP and FACT leaves */
	const char *name;            /* step id or fact name */
	size_t step_index;           /* STEP: index of the (earlier) step */
	enum template_cond_op op;
	double number;               /* eq..ge against a number */
	bool number_valid;           /* false: eq/ne compare values[0] as text */
	bool flag;                   /* answered / present / inquiry */
	/* is, has, eq/ne on text; FRAME: frame names */
	const char *const *values;
	size_t n_values;
	const enum template_frame *frames;
	size_t n_frames;
	/* ALL, ANY (n ≥ 1) and NOT (n == 1) */
	const struct template_cond *const *children;
	size_t n_children;
};

const char *template_op_name(enum template_cond_op op);

/* Recall sources (§4.4). */
enum template_recall_type {
	TEMPLATE_RECALL_STEP,            /* {step: ID} */
	TEMPLATE_RECALL_ACTION,          /* {action: summary|text|due} */
	TEMPLATE_RECALL_PLANNING_ENTRY,  /* {planning_entry: STEP_ID} */
	TEMPLATE_RECALL_INQUIRY,         /* {inquiry: question} */
	TEMPLATE_RECALL_INQUIRY_STEP,    /* {inquiry_step: STEP_ID, which} */
	TEMPLATE_RECALL_TEMPLATE,        /* {template: ID, step: STEP_ID, which} */
	TEMPLATE_RECALL_FACT,            /* {fact: NAME} */
};

struct template_recall {
	enum template_recall_type type;
	const char *step;            /* STEP, PLANNING_ENTRY, INQUIRY_STEP, TEMPLATE */
	size_t step_index;           /* STEP: index of the earlier step */
	const char *field;           /* ACTION: summary/text/due; INQUIRY: question */
	const char *template_id;     /* TEMPLATE */
	const char *which;           /* INQUIRY_STEP, TEMPLATE: last/previous/first */
	const char *fact;            /* FACT */
};

/* Date expressions as written (today, +7d, friday, 2025-03-01); NULL when
 * not given.  The CLI's date parser resolves them at run time. */
struct template_dates {
	const char *def, *min, *max;
};

struct template_step {
	const char *id;
	enum template_kind kind;
	const char *title;           /* as given, or the id humanised */
	const char *prompt;          /* NULL only for recall without a prompt */
	const char *guidance;        /* NULL when none */
	struct template_words words; /* text and action steps */
	bool required;
	const struct template_cond *when;   /* NULL: always shown */
	enum template_depth depth;
	const char *lens;            /* NULL when none */
	/* choice, multi, outcome: the options offered, resolved */
	const struct template_option *options;
	size_t n_options;
	const char *vocabulary;      /* vocabulary id the options came from */
	const char *options_fact;    /* options_from: {fact: NAME} (list at run time) */
	bool other;                  /* offer a free-text "other" (id "other") */
	bool tag;                    /* picks become tags (see option.tag) */
	const char *tag_prefix;
	size_t max_picks;            /* multi; 0 = no limit */
	/* scale */
	int scale_min, scale_max;
	const char *scale_low, *scale_high;   /* NULL when not given */
	const char *measure;
	/* tags */
	const char *suggest;         /* vocabulary id, NULL when none */
	const struct template_option *suggestions;   /* that vocabulary's options */
	size_t n_suggestions;
	const char *prefix;
	bool free_tags;              /* `free: true`: new tags may be typed */
	/* people: at most `max` (0 = no limit); action: at most `max` (1–5) */
	size_t max;
	bool ask_role;
	/* date: default/min/max; action: due */
	struct template_dates dates;
	const char *follow_up;       /* action: template id (default action-review) */
	/* recall */
	const struct template_recall *recall;
	const char *empty;           /* NULL: skip silently when nothing found */
	/* Set when the step reads a fact the review module cannot provide yet:
	 * the engine skips such a step.  The name of the first such fact. */
	const char *needs_fact;
	int line, column;            /* where the step starts in the file */
};

struct template;

/* ---- facts (§4.6) ----------------------------------------------------- */
enum template_fact_type { TEMPLATE_FACT_NUMBER, TEMPLATE_FACT_TEXT, TEMPLATE_FACT_LIST };

struct template_fact_info {
	const char *name;            /* "measure.*.mean" stands for every measure */
	enum template_fact_type type;
	bool available;              /* the review module computes it */
};

/* NULL when NAME is not a fact. */
const struct template_fact_info *template_fact_lookup(const char *name);

/* ---- loading one template --------------------------------------------- */
struct template_set;

struct template_load_opts {
	const struct template_set *set;  /* vocabularies for use:, NULL for none */
	enum template_source source;     /* bundled: based_on required, lints */
	const char *path;                /* recorded as the template's path */
};

/* Parse and validate LEN bytes of BUF (no NUL needed) reported as NAME.
 * Returns the template, or NULL when it has errors (all in DIAGS, which
 * may be NULL).  OPTS may be NULL.  Never crashes, hangs or leaks on any
 * input. */
struct template *template_load_buffer(const char *buf, size_t len, const char *name,
				      const struct template_load_opts *opts,
				      struct template_diags *diags);
/* Read PATH (at most TEMPLATE_MAX_FILE bytes) and load it as above; PATH is
 * also the display name.  A file that cannot be read is one diagnostic. */
struct template *template_load_file(const char *path, const struct template_load_opts *opts,
				    struct template_diags *diags);
/* Cross-checks that need other templates: every `follow_up` and recall
 * `{template: ID, step: S}` names a template of SET (or T itself) that has
 * that step.  Returns the number of errors added. */
size_t template_check_refs(const struct template *t, const struct template_set *set,
			   struct template_diags *diags);
/* `praxis templates check FILE`: load PATH against SET's vocabularies and
 * templates (SET may be NULL).  NULL when it has errors. */
struct template *template_check_file(const char *path, const struct template_set *set,
				     struct template_diags *diags);
void template_free(struct template *t);

/* ---- read access ------------------------------------------------------ */
const char *template_id(const struct template *t);
int template_version(const struct template *t);
const char *template_name(const struct template *t);
const char *template_summary(const struct template *t);          /* "" when none */
enum template_role template_role(const struct template *t);
const enum template_frame *template_frames(const struct template *t, size_t *n); /* [0] default */
const enum template_focus *template_attends_to(const struct template *t, size_t *n);
const char *template_period_default(const struct template *t);   /* NULL when none */
const char *const *template_tags(const struct template *t, size_t *n);
const char *const *template_uses(const struct template *t, size_t *n);
const char *const *template_facts(const struct template *t, size_t *n);
const struct template_basis *template_based_on(const struct template *t, size_t *n);
bool template_adapted(const struct template *t);
const char *template_opens_inquiry(const struct template *t);    /* step id or NULL */
/* closes_inquiry: {summary: STEP}: finishing a run inside an inquiry closes
 * it with that text step's answer as the summary.  Step id or NULL. */
const char *template_closes_inquiry(const struct template *t);
struct template_words template_words(const struct template *t);
size_t template_step_count(const struct template *t);
const struct template_step *template_step_at(const struct template *t, size_t i);
/* Index of the step with ID, or -1. */
long template_step_find(const struct template *t, const char *id);
/* The exact file text, its length and its SHA-256 (64 hex digits). */
const char *template_text(const struct template *t, size_t *len);
const char *template_hash(const struct template *t);
const char *template_path(const struct template *t);
enum template_source template_source(const struct template *t);

/* ---- evaluating conditions -------------------------------------------- */
/* What a condition sees of a value: an answer of a step, or a fact.  The
 * callbacks below fill it (it starts zeroed) and return whether there is
 * one at all; that return is what `answered` and `present` test. */
struct template_value {
	bool number_valid;
	double number;               /* scale answer, number fact */
	const char *const *items;    /* choice/outcome: the id; multi: ids; */
	size_t n_items;              /* tags: names; list fact: items; text: one */
};

struct template_env {
	/* Fill OUT for the step (by id); return false when it has no answer
	 * (skipped, empty, or a recall that found nothing). */
	bool (*answer)(void *ctx, const char *step_id, struct template_value *out);
	/* Fill OUT for fact NAME; return false when it is missing.  May be NULL. */
	bool (*fact)(void *ctx, const char *name, struct template_value *out);
	void *ctx;
	enum template_frame frame;   /* the entry's frame */
	bool in_inquiry;             /* the run is inside an inquiry */
};

bool template_cond_eval(const struct template_cond *cond, const struct template_env *env);
/* Whether the engine shows STEP: it needs no unavailable fact and its
 * `when` (if any) holds. */
bool template_step_shown(const struct template_step *step, const struct template_env *env);

/* ---- substitutions {{namespace.name}} (§4.6) ------------------------- */
/* Return the value of {{NS.NAME}} (borrowed, copied at once), or NULL when
 * missing; NS is answer, action, inquiry, period or fact. */
typedef const char *(*template_lookup_fn)(void *ctx, const char *ns, const char *name);

/* Expand every {{ns.name}} in TEXT through LOOKUP.  Values go in as plain
 * text, never expanded again; control characters in them (other than tab
 * and newline) become U+FFFD so a value cannot drive the terminal; a
 * missing value becomes "—".  Anything that is not a well-formed
 * substitution is copied as it stands.  Caller frees. */
char *template_expand(const char *text, template_lookup_fn lookup, void *ctx);

/* ---- sets ------------------------------------------------------------- */
struct template_dir {
	const char *path;            /* NULL or a missing folder is skipped */
	enum template_source source;
};

/* Load DIRS in order (bundled first, then user): vocabularies from the
 * .yaml files of each DIR/vocab, later folders overriding earlier ones by
 * id, then templates from the .yaml files of DIR the same way; then
 * cross-check follow-ups.  Bad
 * files and templates are reported in DIAGS and left out; the good ones
 * are kept.  Never NULL. */
struct template_set *template_set_load(const struct template_dir *dirs, size_t n,
				       struct template_diags *diags);
/* The bundled folder (template_dir_bundled) then the user folder. */
struct template_set *template_set_load_default(struct template_diags *diags);
void template_set_free(struct template_set *set);

size_t template_set_count(const struct template_set *set);
const struct template *template_set_at(const struct template_set *set, size_t i); /* by id */
const struct template *template_set_find(const struct template_set *set, const char *id);
/* As find; when missing fills ERR: "no template 'gibs' (did you mean 'gibbs'?)". */
const struct template *template_set_get(const struct template_set *set, const char *id,
					struct px_error *err);
size_t template_set_vocab_count(const struct template_set *set);
const struct template_vocab *template_set_vocab_at(const struct template_set *set, size_t i);
const struct template_vocab *template_set_vocab(const struct template_set *set, const char *id);

/* Folders.  Both return a path the caller frees.  Bundled: the first that
 * exists of <exe dir>/prompts, <exe dir>/../share/praxis/prompts and
 * PRAXIS_DATADIR/prompts; NULL when none does.  User:
 * $XDG_CONFIG_HOME/praxis/prompts (when absolute) or
 * $HOME/.config/praxis/prompts, whether or not it exists; NULL without HOME. */
char *template_dir_bundled(void);
char *template_dir_user(void);

/* ---- new templates ---------------------------------------------------- */
/* The text of a commented starting template with id ID that loads without
 * errors or warnings.  NULL with ERR set when ID is not a valid id. */
char *template_new_skeleton(const char *id, struct px_error *err);

#endif
